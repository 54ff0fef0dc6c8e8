//! The table as understood: total and unit rows apart from projects, every
//! problem cell marked by colour and icon with its messages on hover or focus,
//! and each 绩效指标 cell shown as its structured indicators. A long table
//! scrolls in a box that draws only the rows in view.

use super::problems::icon;
use super::{i18n, State};
use jixiao_lint::rules::Severity;
use jixiao_lint::text::Lang;
use jixiao_lint::view::{CellContent, IndicatorRow, RowKind, TableCell, TableRow, PAGE};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Tables with more rows than this are drawn a slice at a time.
pub const VIRTUAL_ROWS: usize = 150;
/// The id of the table's scroll box, for jumps to a cell.
pub const BOX_ID: &str = "table-box";

/// A 绩效目标 (or unreadable 绩效指标) text longer than this, in characters,
/// is shown clamped to a few lines with a button that expands it in place.
const LONG_CELL: usize = 120;

/// The height of every row of a virtual table (style.css clips the cells to
/// it): a project row shows about five indicators, a row as pasted one line.
pub fn row_height(wide: bool) -> usize {
    if wide {
        120
    } else {
        34
    }
}

#[component]
pub fn Table(state: State) -> impl IntoView {
    let scroll = state.table_box;
    // (row count, wide layout), known from the overview.
    let shape = move || {
        state
            .overview(|o| (o.row_count, o.head.header_row.is_some()))
            .unwrap_or_default()
    };
    let virtual_table = move || shape().0 > VIRTUAL_ROWS;
    // Recomputed only when a row enters or leaves the view.
    let window = Memo::new(move |_| {
        let (count, wide) = shape();
        if count > VIRTUAL_ROWS {
            scroll.window(row_height(wide), count)
        } else {
            0..count
        }
    });
    let head = move || {
        let lang = state.lang.get();
        state.overview(|o| {
            let titles = o
                .head
                .columns
                .iter()
                .map(|c| {
                    let title = c.title.as_ref().map(|t| t.get(lang).to_owned());
                    // The role and emptiness set the column's width (style.css).
                    let class = format!("col-{}", c.role.id());
                    view! {
                        <th scope="col" class=class class:empty=c.empty data-role=c.role.id()>
                            <span class="letter">{c.letter.clone()}</span> {title}
                        </th>
                    }
                })
                .collect_view();
            let header_row = o.head.header_row;
            view! {
                <tr data-row=header_row data-kind=header_row.map(|_| "header")>
                    <th scope="col" class="row-number">{i18n::ROW.get(lang)}</th>
                    {titles}
                </tr>
            }
        })
    };
    // The rows in view, each with the page that holds it once the worker has
    // sent it. Keyed, so that a scroll adds and drops rows at the edges and
    // leaves the others (and the focus in them) as they are.
    let entries = move || {
        // The rows come a frame after the report (see `State::drawn`).
        if !state.is_drawn() {
            return Vec::new();
        }
        let lang = state.lang.get();
        let generation = state.slices.generation();
        let range = window.get();
        let mut entries = Vec::with_capacity(range.len());
        let mut index = range.start;
        while index < range.end {
            let page = index / PAGE;
            let end = range.end.min((page + 1) * PAGE);
            let found = state.slices.rows(page);
            entries.extend((index..end).map(|index| Entry {
                index,
                page: found.clone(),
                lang,
                generation,
            }));
            index = end;
        }
        entries
    };
    let draw = move |entry: Entry| {
        let width = state.overview(|o| o.head.columns.len() + 1).unwrap_or(1);
        let fixed = virtual_table().then(|| row_height(shape().1));
        let row = entry
            .page
            .as_ref()
            .and_then(|rows| rows.get(entry.index % PAGE));
        match row {
            Some(row) => render_row(state, entry.lang, row, fixed),
            None => loading_row(entry.lang, width, fixed),
        }
    };
    // The rows above and below the slice in view, as two spacers of their height.
    let spacer = move |above: bool| {
        move || {
            let (count, wide) = shape();
            let range = window.get();
            let rows = if above {
                range.start
            } else {
                count - range.end
            };
            let height = if virtual_table() {
                row_height(wide) * rows
            } else {
                0
            };
            format!("{height}px")
        }
    };
    let body = view! {
        <tr class="spacer" aria-hidden="true" style:height=spacer(true)></tr>
        <For each=entries key=Entry::key children=draw />
        <tr class="spacer" aria-hidden="true" style:height=spacer(false)></tr>
    };
    // An open tooltip follows its cell when the page scrolls.
    let page_scroll = window_event_listener(ev::scroll, |_| place_open_tips());
    let resize = window_event_listener(ev::resize, |_| place_open_tips());
    on_cleanup(move || {
        page_scroll.remove();
        resize.remove();
    });
    view! {
        <section class="table-section lazy" aria-labelledby="table-title" on:contentvisibilityautostatechange=super::laid_out>
            <h2 id="table-title">{move || state.tr(i18n::TABLE)}</h2>
            <div
                id=BOX_ID
                class="table-scroll sheet-box"
                class:virtual=virtual_table
                on:scroll=move |event| {
                    scroll.on_scroll(&event);
                    place_open_tips();
                }
                on:mouseover=move |event| place_tip_at(&event)
                on:focusin=move |event| place_tip_at(&event)
            >
                // The Guangzhou layout's columns have widths by role (style.css).
                <table class="sheet" class:wide=move || shape().1>
                    <thead>{head}</thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}

/// A row of the table in view, and the page of rows that holds it (`None`
/// until the worker has sent it).
#[derive(Clone)]
struct Entry {
    index: usize,
    page: Option<std::sync::Arc<Vec<TableRow>>>,
    lang: Lang,
    /// The table's: a new table draws every row anew.
    generation: u32,
}

impl Entry {
    fn key(&self) -> (usize, bool, Lang, u32) {
        (self.index, self.page.is_some(), self.lang, self.generation)
    }
}

/// A row the worker has not sent yet.
fn loading_row(lang: Lang, width: usize, fixed: Option<usize>) -> AnyView {
    view! {
        <tr class="loading" style:height=fixed.map(|h| format!("{h}px"))>
            <td colspan=width>{i18n::LOADING.get(lang)}</td>
        </tr>
    }
    .into_any()
}

fn render_row(state: State, lang: Lang, row: &TableRow, fixed: Option<usize>) -> AnyView {
    let label = match row.kind {
        RowKind::Total => Some(i18n::KIND_TOTAL),
        RowKind::Unit => Some(i18n::KIND_UNIT),
        RowKind::Unrecognized => Some(i18n::KIND_UNRECOGNIZED),
        RowKind::Project | RowKind::Row => None,
    };
    let cells = row
        .cells
        .iter()
        .map(|cell| render_cell(state, lang, cell, row.kind, fixed.is_some()))
        .collect_view();
    view! {
        <tr
            data-row=row.number
            data-kind=row.kind.id()
            class=row.kind.id()
            style:height=fixed.map(|h| format!("{h}px"))
        >
            <th scope="row" class="row-number">
                {row.number}
                {label.map(|l| view! { <span class="kind-label">{l.get(lang)}</span> })}
            </th>
            {cells}
        </tr>
    }
    .into_any()
}

/// A cell with its findings: worst severity as colour and icon, messages in a
/// tooltip shown on hover and on keyboard focus. In a virtual table the
/// content is clipped to the row's height and scrolls.
fn render_cell(state: State, lang: Lang, cell: &TableCell, kind: RowKind, clip: bool) -> AnyView {
    let worst = cell.severity;
    let selected_id = cell.id.clone();
    let highlighted = move || {
        state
            .selected
            .with(|s| s.as_deref() == Some(selected_id.as_str()))
    };
    let tip = (!cell.findings.is_empty()).then(|| {
        let lines = cell
            .findings
            .iter()
            .map(|f| {
                let suggestion = f.suggestion.as_ref().map(|s| {
                    view! { <span class="suggestion">{format!("{}{}", i18n::SUGGESTION.get(lang), s.value)}</span> }
                });
                view! { <li>{icon(f.severity)} " " {f.message.get(lang).to_owned()} " " <code>{f.rule.clone()}</code> {suggestion}</li> }
            })
            .collect_view();
        view! { <ul class="tip" role="tooltip">{lines}</ul> }
    });
    let content = match &cell.content {
        CellContent::Text(text) => text.clone().into_any(),
        CellContent::Amount(raw) => view! { <span class="amount">{raw.clone()}</span> }.into_any(),
        CellContent::Goal(text) => long_text("goal", text, lang, clip),
        CellContent::RawIndicators(text) => long_text("raw-indicators", text, lang, clip),
        CellContent::Indicators(rows) => indicator_table(lang, rows),
    };
    let content = if clip {
        view! { <div class="clip">{content}</div> }.into_any()
    } else {
        content
    };
    let class = match (worst, kind) {
        (Some(s), _) => Some(format!("flagged {}", s.id())),
        (None, RowKind::Unrecognized) => Some("unrecognized-text".to_owned()),
        (None, _) => None,
    };
    view! {
        <td
            data-cell-id=cell.id.clone()
            colspan=(cell.span > 1).then_some(cell.span)
            data-severity=worst.map(Severity::id)
            class=class
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

/// A long text (a 绩效目标), clamped to a few lines with a button that shows
/// it all in place, and hides it again. A virtual table's row has a fixed
/// height, so there the text scrolls inside its cell instead.
fn long_text(class: &'static str, text: &str, lang: Lang, clip: bool) -> AnyView {
    let long = !clip && text.chars().count() > LONG_CELL;
    let expanded = RwSignal::new(false);
    let toggle = long.then(|| {
        view! {
            <button
                type="button"
                class="expand"
                data-action="expand"
                aria-expanded=move || expanded.get().to_string()
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                {move || if expanded.get() { i18n::COLLAPSE.get(lang) } else { i18n::EXPAND.get(lang) }}
            </button>
        }
    });
    view! {
        <div class=class class:clamped=move || long && !expanded.get()>{text.to_owned()}</div>
        {toggle}
    }
    .into_any()
}

/// Places the tooltip of the flagged cell under the pointer or the focus.
fn place_tip_at(event: &web_sys::Event) {
    let cell = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("td.flagged").ok().flatten());
    if let Some(cell) = cell {
        place_tip(&cell);
    }
}

/// Places every tooltip on show again (after a scroll or a resize).
fn place_open_tips() {
    if let Ok(cells) = document().query_selector_all("td.flagged:hover, td.flagged:focus-within") {
        for i in 0..cells.length() {
            if let Some(cell) = cells
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                place_tip(&cell);
            }
        }
    }
}

/// A cell's tooltip is fixed to the viewport (so that no scroll box clips
/// it) and put below its cell, or above it where there is no room below,
/// moved left as far as it must to stay inside the screen: a phone's too.
fn place_tip(cell: &web_sys::Element) {
    /// Pixels kept free between the tooltip and the edge of the viewport.
    const MARGIN: i32 = 8;
    let Some(tip) = cell
        .query_selector(":scope > .tip")
        .ok()
        .flatten()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some(root) = document().document_element() else {
        return;
    };
    // The viewport without its scroll bars; whole pixels (no float
    // formatting in the page's wasm).
    let (width, height) = (root.client_width(), root.client_height());
    let at = cell.get_bounding_client_rect();
    let (top, bottom, left) = (at.top() as i32, at.bottom() as i32, at.left() as i32);
    let tip_box = tip.get_bounding_client_rect();
    let (tip_width, tip_height) = (tip_box.width() as i32 + 1, tip_box.height() as i32 + 1);
    let x = left.min(width - tip_width - MARGIN).max(MARGIN);
    let y = if bottom + tip_height + MARGIN <= height {
        bottom.max(MARGIN)
    } else if top - tip_height - MARGIN >= 0 {
        top - tip_height
    } else {
        (height - tip_height - MARGIN).max(MARGIN)
    };
    let style = tip.style();
    let _ = style.set_property("left", &format!("{x}px"));
    let _ = style.set_property("top", &format!("{y}px"));
}

/// A 绩效指标 cell as a small table, one row per indicator, problem rows marked.
fn indicator_table(lang: Lang, indicators: &[IndicatorRow]) -> AnyView {
    let rows = indicators
        .iter()
        .map(|indicator| {
            let worst = indicator.severity;
            view! {
                <tr class=worst.map(|s| format!("flagged {}", s.id())) data-indicator=indicator.number>
                    <td class="number">{worst.map(|s| view! { <span class="mark" aria-hidden="true">{icon(s)}</span> })} {indicator.number}</td>
                    <td class="level">{indicator.level1.clone()}</td>
                    <td class="level">{indicator.level2.clone()}</td>
                    <td class="name">{indicator.name.clone()}</td>
                    // On a phone each indicator is a card, its values labelled (style.css).
                    <td class="value" data-label=i18n::PERIOD_VALUE.get(lang)>{indicator.period.clone()}</td>
                    <td class="value" data-label=i18n::ANNUAL_VALUE.get(lang)>{indicator.annual.clone()}</td>
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
