//! The table as understood: total and unit rows apart from projects, every
//! problem cell marked by colour and icon with its messages on hover or focus,
//! and each 绩效指标 cell shown as its structured indicators.

use super::problems::icon;
use super::{i18n, State};
use jixiao_lint::indicator::Indicator;
use jixiao_lint::layout::{Column, Line, Project};
use jixiao_lint::rules::{Diagnostic, Severity};
use jixiao_lint::text::{column_letter, Lang};
use leptos::prelude::*;
use std::collections::HashMap;

/// Findings by cell (`B11`), in report order.
type ByCell<'r> = HashMap<&'r str, Vec<&'r Diagnostic>>;

/// One table row in input order, whatever its kind.
enum RowView<'r> {
    Total(&'r Line),
    Unit(&'r Line),
    Project(&'r Project),
    Unrecognized(u32, &'r str),
}

impl RowView<'_> {
    fn number(&self) -> u32 {
        match self {
            RowView::Total(line) | RowView::Unit(line) => line.row,
            RowView::Project(project) => project.line.row,
            RowView::Unrecognized(row, _) => *row,
        }
    }
}

#[component]
pub fn Table(state: State) -> impl IntoView {
    move || {
        let lang = state.lang.get();
        state.report.with(|report| {
            let sheet = &report.sheet;
            let header = sheet.header.clone().unwrap_or_default();
            let mut by_cell: ByCell = HashMap::new();
            for d in &report.diagnostics {
                by_cell.entry(d.cell.as_str()).or_default().push(d);
            }
            // One indicator per row: show the rows as they were pasted.
            if header.required != Column::WIDE {
                return grid_table(state, lang, &by_cell).into_any();
            }
            let columns: Vec<(Column, usize)> = Column::WIDE.iter().filter_map(|c| header.index(*c).map(|i| (*c, i))).collect();
            let mut rows: Vec<RowView> = sheet.total.iter().map(RowView::Total).collect();
            for unit in &sheet.units {
                rows.extend(unit.line.iter().map(RowView::Unit));
                rows.extend(unit.projects.iter().map(RowView::Project));
            }
            rows.extend(sheet.unrecognized.iter().map(|u| RowView::Unrecognized(u.row, &u.text)));
            rows.sort_by_key(RowView::number);

            let head = columns
                .iter()
                .map(|(column, index)| {
                    let title = if lang == Lang::Zh { column.title() } else { column.title_en() };
                    view! { <th scope="col"><span class="letter">{column_letter(*index)}</span> {title}</th> }
                })
                .collect_view();
            let body = rows.iter().map(|row| render_row(state, lang, row, &columns, &by_cell)).collect_view();
            let header_row = header.row;
            view! {
                <section class="table-section" aria-labelledby="table-title">
                    <h2 id="table-title">{i18n::TABLE.get(lang)}</h2>
                    <div class="table-scroll">
                        <table class="sheet">
                            <thead>
                                <tr data-row=header_row data-kind="header">
                                    <th scope="col">{i18n::ROW.get(lang)}</th>
                                    {head}
                                </tr>
                            </thead>
                            <tbody>{body}</tbody>
                        </table>
                    </div>
                </section>
            }
            .into_any()
        })
    }
}

/// The input's rows as they were pasted, every cell marked with its findings:
/// the view of the long layouts, where each indicator has a row of its own.
fn grid_table(state: State, lang: Lang, by_cell: &ByCell) -> impl IntoView {
    let grid = state
        .input
        .with_untracked(|text| jixiao_lint::input::read_text(text));
    let width = grid.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let head = (0..width)
        .map(|i| view! { <th scope="col"><span class="letter">{column_letter(i)}</span></th> })
        .collect_view();
    let body = grid
        .rows
        .iter()
        .map(|row| {
            let cells = (0..width)
                .map(|i| {
                    render_cell(
                        state,
                        lang,
                        row.number,
                        i,
                        row.cell(i).to_owned().into_any(),
                        by_cell,
                    )
                })
                .collect_view();
            view! {
                <tr data-row=row.number data-kind="row">
                    <th scope="row" class="row-number">{row.number}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="table-section" aria-labelledby="table-title">
            <h2 id="table-title">{i18n::TABLE.get(lang)}</h2>
            <div class="table-scroll">
                <table class="sheet">
                    <thead><tr><th scope="col">{i18n::ROW.get(lang)}</th>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}

fn render_row(
    state: State,
    lang: Lang,
    row: &RowView,
    columns: &[(Column, usize)],
    by_cell: &ByCell,
) -> AnyView {
    let number = row.number();
    let cell =
        |index: usize, content: AnyView| render_cell(state, lang, number, index, content, by_cell);
    let (kind, label) = match row {
        RowView::Total(_) => ("total", Some(i18n::KIND_TOTAL)),
        RowView::Unit(_) => ("unit", Some(i18n::KIND_UNIT)),
        RowView::Project(_) => ("project", None),
        RowView::Unrecognized(..) => ("unrecognized", Some(i18n::KIND_UNRECOGNIZED)),
    };
    let cells = match row {
        RowView::Unrecognized(_, text) => {
            let span = columns.len().max(1);
            view! { <td colspan=span data-cell-id=format!("A{number}") class="unrecognized-text">{text.to_string()}</td> }.into_any()
        }
        RowView::Total(line) | RowView::Unit(line) => columns
            .iter()
            .map(|(column, index)| cell(*index, line_content(line, *column)))
            .collect_view()
            .into_any(),
        RowView::Project(project) => columns
            .iter()
            .map(|(column, index)| {
                let content = match column {
                    Column::Goal => {
                        view! { <div class="goal">{project.goal.text().trim().to_owned()}</div> }
                            .into_any()
                    }
                    Column::Indicators => indicator_table(lang, project, by_cell),
                    _ => line_content(&project.line, *column),
                };
                cell(*index, content)
            })
            .collect_view()
            .into_any(),
    };
    view! {
        <tr data-row=number data-kind=kind class=kind>
            <th scope="row" class="row-number">
                {number}
                {label.map(|l| view! { <span class="kind-label">{l.get(lang)}</span> })}
            </th>
            {cells}
        </tr>
    }
    .into_any()
}

/// The name or an amount of a total, unit or project row.
fn line_content(line: &Line, column: Column) -> AnyView {
    match column {
        Column::Name => line.name.clone().into_any(),
        _ => {
            let raw = line
                .amount(column)
                .map(|a| a.raw.clone())
                .unwrap_or_default();
            view! { <span class="amount">{raw}</span> }.into_any()
        }
    }
}

/// A cell with its findings: worst severity as colour and icon, messages in a
/// tooltip shown on hover and on keyboard focus.
fn render_cell(
    state: State,
    lang: Lang,
    row: u32,
    index: usize,
    content: AnyView,
    by_cell: &ByCell,
) -> AnyView {
    let id = format!("{}{row}", column_letter(index));
    let found = by_cell.get(id.as_str()).cloned().unwrap_or_default();
    let worst: Option<Severity> = found.iter().map(|d| d.severity).min();
    let selected_id = id.clone();
    let highlighted = move || {
        state
            .selected
            .with(|s| s.as_deref() == Some(selected_id.as_str()))
    };
    let tip = (!found.is_empty()).then(|| {
        let lines = found
            .iter()
            .map(|d| view! { <li>{icon(d.severity)} " " {d.message.get(lang).to_owned()} " " <code>{d.rule}</code></li> })
            .collect_view();
        view! { <ul class="tip" role="tooltip">{lines}</ul> }
    });
    view! {
        <td
            data-cell-id=id
            data-severity=worst.map(Severity::id)
            class=worst.map(|s| format!("flagged {}", s.id()))
            class:highlighted=highlighted
            tabindex=worst.map(|_| "0")
        >
            {worst.map(|s| view! { <span class="mark" aria-hidden="true">{icon(s)}</span> })}
            {content}
            {tip}
        </td>
    }
    .into_any()
}

/// A 绩效指标 cell as a small table, one row per indicator, problem rows marked.
fn indicator_table(lang: Lang, project: &Project, by_cell: &ByCell) -> AnyView {
    let cell = jixiao_lint::text::column_letter(project.indicator_cell.index)
        + &project.line.row.to_string();
    let found = by_cell.get(cell.as_str());
    let worst_for = |indicator: &Indicator| -> Option<Severity> {
        found?
            .iter()
            .filter(|d| d.indicator.is_some() && d.indicator == indicator.number)
            .map(|d| d.severity)
            .min()
    };
    let indicators = &project.indicators.indicators;
    if indicators.is_empty() {
        return view! { <div class="raw-indicators">{project.indicator_cell.text().trim().to_owned()}</div> }.into_any();
    }
    let rows = indicators
        .iter()
        .map(|indicator| {
            let worst = worst_for(indicator);
            view! {
                <tr class=worst.map(|s| format!("flagged {}", s.id())) data-indicator=indicator.number>
                    <td>{worst.map(|s| view! { <span class="mark" aria-hidden="true">{icon(s)}</span> })} {indicator.number}</td>
                    <td>{indicator.level1.label()}</td>
                    <td>{indicator.level2.label()}</td>
                    <td>{indicator.name.clone()}</td>
                    <td>{indicator.period.raw.clone()}</td>
                    <td>{indicator.annual.raw.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="indicators">
            <thead>
                <tr>
                    <th>"N"</th>
                    <th>{i18n::LEVEL1.get(lang)}</th>
                    <th>{i18n::LEVEL2.get(lang)}</th>
                    <th>{i18n::LEVEL3.get(lang)}</th>
                    <th>{i18n::PERIOD_VALUE.get(lang)}</th>
                    <th>{i18n::ANNUAL_VALUE.get(lang)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
