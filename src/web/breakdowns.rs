//! The indicator breakdowns: counts by 一级 and 二级 as SVG bars, the share of
//! quantitative targets, funding per unit, and the coverage matrix.

use super::{i18n, State};
use jixiao_lint::report::CoverageKind;
use jixiao_lint::text::Lang;
use jixiao_lint::view::{Bar, Overview, FUNDING_CHART_WIDTH};
use leptos::prelude::*;

const BAR_AREA: i64 = 260;
const LABEL_WIDTH: i64 = 170;
const ROW_HEIGHT: i64 = 26;

/// A horizontal bar chart; each bar carries `data-bar` (its Chinese name, a
/// stable hook) and `data-count`.
fn bar_chart(chart: &'static str, title: &'static str, bars: &[Bar], lang: Lang) -> impl IntoView {
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let height = ROW_HEIGHT * bars.len() as i64 + 4;
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let (key, label, count) = (bar.key.clone(), bar.label.get(lang).to_owned(), bar.count);
            let y = ROW_HEIGHT * i as i64;
            let width = (BAR_AREA * count as i64) / max as i64;
            view! {
                <g data-bar=key data-count=count>
                    <text x=LABEL_WIDTH - 6 y=y + 17 text-anchor="end" class="bar-label">{label}</text>
                    <rect x=LABEL_WIDTH y=y + 4 width=width height=ROW_HEIGHT - 8 rx="3" class="bar"></rect>
                    <text x=LABEL_WIDTH + width + 6 y=y + 17 class="bar-count">{count}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <figcaption>{title}</figcaption>
            <svg data-chart=chart viewBox=format!("0 0 {} {height}", LABEL_WIDTH + BAR_AREA + 50) role="img" aria-label=title>
                {rows}
            </svg>
        </figure>
    }
}

/// `part / whole` of `scale` as an SVG length to one decimal, and as a whole
/// percentage: counts, not money, so integers do (half rounds up).
fn share_of(part: usize, whole: usize, scale: usize) -> (String, usize) {
    let whole = whole.max(1);
    let tenths = (part * scale * 20 + whole) / (2 * whole);
    let percent = (part * 200 + whole) / (2 * whole);
    (format!("{}.{}", tenths / 10, tenths % 10), percent)
}

fn quant_share(s: &Overview, lang: Lang) -> impl IntoView {
    let whole = s.quantitative + s.qualitative;
    let (width, percent) = share_of(s.quantitative, whole, (BAR_AREA + LABEL_WIDTH) as usize);
    let title = i18n::QUANT_SHARE.get(lang);
    view! {
        <figure class="chart">
            <figcaption>{title}</figcaption>
            <svg data-chart="quant" data-quantitative=s.quantitative data-qualitative=s.qualitative viewBox=format!("0 0 {} 44", LABEL_WIDTH + BAR_AREA) role="img" aria-label=title>
                <rect x="0" y="0" width=LABEL_WIDTH + BAR_AREA height="22" class="bar qualitative"></rect>
                <rect x="0" y="0" width=width height="22" class="bar"></rect>
                <text x="0" y="38" class="bar-count">
                    {format!("{} {} ({percent}%) · {} {}", i18n::QUANTITATIVE.get(lang), s.quantitative, i18n::QUALITATIVE.get(lang), s.qualitative)}
                </text>
            </svg>
        </figure>
    }
}

fn funding(o: &Overview, lang: Lang) -> impl IntoView {
    let units = &o.funding;
    let height = ROW_HEIGHT * 2 * units.len() as i64 + 30;
    let rows = units
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            let y = ROW_HEIGHT * 2 * i as i64;
            let name = unit.name.clone().unwrap_or_else(|| i18n::NO_UNIT.get(lang).to_owned());
            let segments = unit
                .sources
                .iter()
                .enumerate()
                .map(|(k, source)| {
                    let column = source.column;
                    let label = if lang == Lang::Zh { column.title() } else { column.title_en() };
                    view! {
                        <rect x=source.x.clone() y=y + 20 width=source.width.clone() height="18" class=format!("bar source-{k}")>
                            <title>{format!("{label}: {}", source.amount)}</title>
                        </rect>
                    }
                })
                .collect_view();
            view! {
                <g data-unit=name.clone() data-total=unit.total.clone()>
                    <text x="0" y=y + 14 class="bar-label-left">{format!("{name} · {}", unit.total_shown)}</text>
                    {segments}
                </g>
            }
        })
        .collect_view();
    let legend = [jixiao_lint::layout::Column::Fiscal, jixiao_lint::layout::Column::SpecialAccount, jixiao_lint::layout::Column::Other]
        .iter()
        .enumerate()
        .map(|(k, column)| {
            let label = if lang == Lang::Zh { column.title() } else { column.title_en() };
            view! { <span class="legend-item"><span class=format!("swatch source-{k}")></span>{label}</span> }
        })
        .collect_view();
    let title = i18n::FUNDING.get(lang);
    let note = (o.funding_units > units.len()).then(|| {
        let (shown, all) = (units.len(), o.funding_units);
        match lang {
            Lang::Zh => format!("（金额最大的 {shown} 个，共 {all} 个单位）"),
            Lang::En => format!(" (the {shown} largest of {all} units)"),
        }
    });
    view! {
        <figure class="chart">
            <figcaption>{title}{note}</figcaption>
            <svg data-chart="funding" viewBox=format!("0 0 {FUNDING_CHART_WIDTH} {height}") role="img" aria-label=title>{rows}</svg>
            <div class="legend">{legend}</div>
        </figure>
    }
}

fn coverage(state: State, o: &Overview, lang: Lang) -> impl IntoView {
    let note = (o.projects > o.coverage.len()).then(|| {
        let (shown, all) = (o.coverage.len(), o.projects);
        match lang {
            Lang::Zh => format!("（{shown} 个项目，缺少必备指标类型的在前；共 {all} 个项目，完整情况见导出的指标表）"),
            Lang::En => format!(" ({shown} projects, those lacking a required type first; {all} in all, see the indicator export for every one)"),
        }
    });
    let head = CoverageKind::ALL
        .iter()
        .map(|k| view! { <th scope="col">{if lang == Lang::Zh { k.label() } else { k.label_en() }}</th> })
        .collect_view();
    let rows = o
        .coverage
        .iter()
        .map(|row| {
            let cells = row
                .present
                .iter()
                .map(|(kind, present)| {
                    // The three families are required; the kinds of output are for information.
                    let (mark, text, class) = match (present, kind.is_family()) {
                        (true, _) => ("✓", i18n::PRESENT, ""),
                        (false, true) => ("✗", i18n::ABSENT, "absent"),
                        (false, false) => ("—", i18n::ABSENT, "absent-minor"),
                    };
                    view! {
                        <td data-coverage-cell=kind.label() data-present=present.to_string() class=class>
                            <span aria-hidden="true">{mark}</span>
                            <span class="sr-only">{text.get(lang)}</span>
                        </td>
                    }
                })
                .collect_view();
            let target = format!("A{}", row.row);
            view! {
                <tr data-coverage-row=row.row>
                    <th scope="row">
                        <button type="button" class="link" on:click=move |_| super::problems::go_to_cell(state, target.clone(), None)>
                            {format!("{} · {}", row.row, row.project.clone())}
                        </button>
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart wide">
            <figcaption>{i18n::COVERAGE.get(lang)}{note}</figcaption>
            <div class="table-scroll">
                <table class="coverage" data-coverage>
                    <thead><tr><th scope="col">{i18n::PROJECTS.get(lang)}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </figure>
    }
}

#[component]
pub fn Breakdowns(state: State) -> impl IntoView {
    // The section stays as it is from one report to the next (its content is
    // redrawn): once shown it is no longer lazy, as the problems and the table.
    // The charts come a frame after the report (see `State::drawn`).
    let content = move || {
        if !state.is_drawn() {
            return None;
        }
        let lang = state.lang.get();
        state.overview(|s| {
            view! {
                <h2 id="breakdowns-title">
                    {i18n::BREAKDOWNS.get(lang)}
                    " · " <span data-total-indicators>{s.indicators}</span> " " {i18n::INDICATORS.get(lang)}
                </h2>
                <div class="charts">
                    {bar_chart("level1", i18n::BY_LEVEL1.get(lang), &s.level1, lang)}
                    {bar_chart("level2", i18n::BY_LEVEL2.get(lang), &s.level2, lang)}
                    {quant_share(s, lang)}
                    {funding(s, lang)}
                    {coverage(state, s, lang)}
                </div>
            }
        })
    };
    view! {
        <section class="breakdowns lazy" aria-labelledby="breakdowns-title" on:contentvisibilityautostatechange=super::laid_out>
            {content}
        </section>
    }
}
