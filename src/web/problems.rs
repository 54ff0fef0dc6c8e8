//! The problems: grouped by severity and rule, filtered, each one a link to
//! its cell; and the help of each rule, from the registry. A long list
//! scrolls in a box that draws only the problems in view.

use super::slices::ScrollBox;
use super::{i18n, table, worker, State};
use jixiao_lint::rules::Severity;
use jixiao_lint::text::Lang;
use jixiao_lint::view::{GroupCount, Overview, Problem, RuleHelp, PAGE, VIRTUAL_ENTRIES};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// The icon beside a severity, so that colour is never the only signal.
pub(crate) fn icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    }
}

/// Scrolls the table to a cell (`B11`, or a row number alone), marks it and
/// focuses it; for a finding about one indicator of a 绩效指标 cell, that
/// indicator's line is what is brought into view, sideways too (a tall cell
/// may not fit the screen). In a virtual table the row is first scrolled into
/// the box, then waited for (the worker may still have to send it). The
/// sections laid out lazily are laid out first.
pub(crate) fn go_to_cell(state: State, cell: String, indicator: Option<u32>) {
    super::lay_out_all();
    let selector = if cell.chars().all(|c| c.is_ascii_digit()) {
        format!("[data-row=\"{cell}\"]")
    } else {
        format!("[data-cell-id=\"{cell}\"]")
    };
    state.selected.set(Some(cell.clone()));
    let row: Option<u32> = cell
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok();
    let shape = state.overview(|o| (o.row_count, o.head.header_row.is_some()));
    spawn_local(async move {
        // A virtual table draws the row once it is scrolled into the box.
        if let (Some(row), Some((count, wide))) = (row, shape) {
            if count > table::VIRTUAL_ROWS {
                let index = worker::row_index(row).await.ok().flatten();
                if let (Some(index), Some(scroll_box)) =
                    (index, document().get_element_by_id(table::BOX_ID))
                {
                    let top = (index * table::row_height(wide))
                        .saturating_sub(scroll_box.client_height().max(0) as usize / 2);
                    scroll_box.set_scroll_top(top as i32);
                    state.table_box.top.set(top);
                }
            }
        }
        // Up to about five seconds of frames for the row to be drawn.
        for _ in 0..300 {
            if let Ok(Some(element)) = document().query_selector(&selector) {
                let line = indicator.and_then(|n| {
                    let line = format!("tr[data-indicator=\"{n}\"]");
                    element.query_selector(&line).ok().flatten()
                });
                // Focus first (it scrolls as little as it can), then put the
                // place itself in the middle, as near its left edge as fits.
                if let Ok(element) = element.clone().dyn_into::<web_sys::HtmlElement>() {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = element.focus_with_options(&options);
                }
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_behavior(web_sys::ScrollBehavior::Instant);
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                line.unwrap_or(element)
                    .scroll_into_view_with_scroll_into_view_options(&options);
                return;
            }
            next_frame().await;
        }
    });
}

/// Resolves at the browser's next frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The heights of a group's heading and of a problem in a virtual list
/// (style.css sets them on `.virtual`): one line each, or on a phone a card.
fn line_heights() -> (usize, usize) {
    if super::phone() {
        (64, 168)
    } else {
        (44, 32)
    }
}

/// One line of the problem list: a group's heading or one of its problems.
#[derive(Clone, Copy, PartialEq)]
enum Entry {
    Head(usize),
    Item(usize, usize),
}

/// The groups shown (index into `overview.groups`, count), after the filters.
fn shown_groups(o: &Overview, shown: [bool; 3], only_rule: &str) -> Vec<(usize, usize)> {
    o.groups
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            let index = SEVERITIES
                .iter()
                .position(|s| *s == g.severity)
                .unwrap_or(0);
            shown[index] && (only_rule.is_empty() || g.rule == only_rule)
        })
        .map(|(i, g)| (i, g.count))
        .collect()
}

/// Every entry of a list drawn whole, in order: each group's heading, then its problems.
fn whole_list(groups: &[(usize, usize)]) -> impl Iterator<Item = Entry> + '_ {
    groups.iter().flat_map(|&(g, count)| {
        std::iter::once(Entry::Head(g)).chain((0..count).map(move |i| Entry::Item(g, i)))
    })
}

/// The entries in the pixel range `visible` of a virtual list, with the
/// heights above the first and below the last.
fn entries_in(
    groups: &[(usize, usize)],
    visible: std::ops::Range<usize>,
) -> (usize, Vec<Entry>, usize) {
    let (head_height, item_height) = line_heights();
    let (mut top, mut above, mut drawn_to) = (0, None, 0);
    let mut entries = Vec::new();
    for &(group, count) in groups {
        if top + head_height > visible.start && top < visible.end {
            above.get_or_insert(top);
            entries.push(Entry::Head(group));
            drawn_to = top + head_height;
        }
        let items_top = top + head_height;
        let first = (visible.start.saturating_sub(items_top) / item_height).min(count);
        let last = visible
            .end
            .saturating_sub(items_top)
            .div_ceil(item_height)
            .clamp(first, count);
        if first < last {
            above.get_or_insert(items_top + first * item_height);
            entries.extend((first..last).map(|i| Entry::Item(group, i)));
            drawn_to = items_top + last * item_height;
        }
        top = items_top + count * item_height;
    }
    (above.unwrap_or(0), entries, top - drawn_to)
}

/// The entries (headings and problems) of a list drawn whole that the
/// report's first frame shows: more than a screen holds.
const FIRST_FRAME_ENTRIES: usize = 24;

#[component]
pub fn Problems(state: State) -> impl IntoView {
    let shown = RwSignal::new([true; 3]);
    let only_rule = RwSignal::new(String::new());
    let scroll = ScrollBox::new();

    let severity_filter = move |severity: Severity| {
        let index = SEVERITIES.iter().position(|s| *s == severity).unwrap_or(0);
        let count = move || {
            state
                .overview(|o| match severity {
                    Severity::Error => o.errors,
                    Severity::Warning => o.warnings,
                    Severity::Info => o.infos,
                })
                .unwrap_or_default()
        };
        view! {
            <label class=format!("filter {}", severity.id())>
                <input
                    type="checkbox"
                    data-filter-severity=severity.id()
                    prop:checked=move || shown.get()[index]
                    on:change=move |event| shown.update(|s| s[index] = event_target_checked(&event))
                />
                <span aria-hidden="true">{icon(severity)}</span>
                {move || severity.label().get(state.lang.get())}
                " (" {count} ")"
            </label>
        }
    };

    let groups = move || {
        let (shown, only_rule) = (shown.get(), only_rule.get());
        state
            .overview(|o| shown_groups(o, shown, &only_rule))
            .unwrap_or_default()
    };
    let total = move || groups().iter().map(|(_, count)| count + 1).sum::<usize>();
    let is_virtual = move || total() > VIRTUAL_ENTRIES;
    // Draws entries: each group's heading, each problem from the slices the worker sent.
    let draw = move |entries: Vec<Entry>| {
        let lang = state.lang.get();
        state.overview.with(|overview| {
            let overview = overview.as_deref()?;
            let views = entries
                .into_iter()
                .map(|entry| match entry {
                    Entry::Head(g) => head(state, lang, &overview.groups[g]),
                    Entry::Item(g, i) => {
                        let severity = overview.groups[g].severity;
                        let page = state.slices.problems(g, i / PAGE);
                        match page.as_ref().and_then(|p| p.get(i % PAGE)) {
                            Some(problem) => item(state, lang, problem),
                            None => view! {
                                <div class=format!("problem-row loading {}", severity.id())>{i18n::LOADING.get(lang)}</div>
                            }
                            .into_any(),
                        }
                    }
                })
                .collect_view();
            Some(views)
        })
    };
    // A list drawn whole comes in two parts: its first entries with the
    // summary, the rest with the charts (see `State::drawn`), each redrawn
    // on its own. A virtual list draws what is in view.
    let list = move || {
        let groups = groups();
        if is_virtual() {
            let (above, entries, below) = entries_in(&groups, scroll.visible());
            let spacer = |height: usize| {
                (height > 0).then(
                    || view! { <div aria-hidden="true" style:height=format!("{height}px")></div> },
                )
            };
            view! { {spacer(above)} {draw(entries)} {spacer(below)} }.into_any()
        } else {
            let first = whole_list(&groups).take(FIRST_FRAME_ENTRIES).collect();
            draw(first).into_any()
        }
    };
    let rest = move || {
        let groups = groups();
        (!is_virtual() && state.is_drawn())
            .then(|| draw(whole_list(&groups).skip(FIRST_FRAME_ENTRIES).collect()))
    };

    view! {
        <section class="problems lazy" aria-labelledby="problems-title" on:contentvisibilityautostatechange=super::laid_out>
            <h2 id="problems-title">{move || state.tr(i18n::PROBLEMS)}</h2>
            <div class="filters">
                <span class="filter-label">{move || state.tr(i18n::FILTER_SEVERITY)}</span>
                {SEVERITIES.map(severity_filter)}
                <label class="filter">
                    {move || state.tr(i18n::FILTER_RULE)}
                    <select data-filter-rule on:change=move |event| only_rule.set(event_target_value(&event))>
                        <option value="" selected=move || only_rule.get().is_empty()>{move || state.tr(i18n::ALL_RULES)}</option>
                        {move || {
                            let lang = state.lang.get();
                            state.overview(|o| {
                                o.rules
                                    .iter()
                                    .map(|rule| view! { <option value=rule.id.clone()>{format!("{} · {}", rule.title.get(lang), rule.id)}</option> })
                                    .collect_view()
                            })
                        }}
                    </select>
                </label>
            </div>
            <Show when=move || state.overview(|o| o.groups.is_empty()) == Some(true)>
                <p class="all-clear">{move || state.tr(i18n::NO_PROBLEMS)}</p>
            </Show>
            <div class="groups" class:virtual=is_virtual on:scroll=move |event| scroll.on_scroll(&event)>
                {list}
                {rest}
            </div>
        </section>
    }
}

/// A group's heading: severity, rule, count and its help button.
fn head(state: State, lang: Lang, group: &GroupCount) -> AnyView {
    let severity = group.severity;
    let (rule, open, code, hook) = (
        group.rule.clone(),
        group.rule.clone(),
        group.rule.clone(),
        group.rule.clone(),
    );
    view! {
        <h3 class=format!("group-head {}", severity.id()) data-group=hook>
            <span class="icon" aria-hidden="true">{icon(severity)}</span>
            <span class="sr-only">{severity.label().get(lang)}</span>
            {group.title.get(lang).to_owned()}
            <code>{code}</code>
            <span class="count">{group.count}</span>
            <button type="button" class="help-button" data-help=rule on:click=move |_| state.help.set(Some(open.clone()))>
                {i18n::HELP.get(lang)}
            </button>
        </h3>
    }
    .into_any()
}

/// One problem, a link to its cell; on a phone a card (severity, cell,
/// project, message) with its rule's help beside it, the group's heading
/// being far up the screen there.
fn item(state: State, lang: Lang, problem: &Problem) -> AnyView {
    let (target, indicator) = (problem.cell.clone(), problem.indicator);
    let (rule, help) = (problem.rule.clone(), problem.rule.clone());
    let message = problem.message.get(lang).to_owned();
    // The fix beside the message, its reason on hover.
    let suggestion = problem.suggestion.as_ref().map(|s| {
        view! {
            <span class="suggestion" data-suggestion=s.value.clone() title=s.why(lang).to_owned()>
                {format!("{}{}", i18n::SUGGESTION.get(lang), s.value)}
            </span>
        }
    });
    view! {
        <div class=format!("problem-row {}", problem.severity.id())>
            <button
                type="button"
                class="problem"
                data-problem
                data-rule=problem.rule.clone()
                data-cell=problem.cell.clone()
                data-severity=problem.severity.id()
                data-indicator=problem.indicator.map(|n| n.to_string())
                title=format!("{} · {message}", i18n::GO_TO_CELL.get(lang))
                on:click=move |_| go_to_cell(state, target.clone(), indicator)
            >
                <span class="severity">
                    <span class="icon" aria-hidden="true">{icon(problem.severity)}</span>
                    <span class="severity-label">{problem.severity.label().get(lang)}</span>
                </span>
                <span class="cell-ref">{problem.cell.clone()}</span>
                <span class="project">{problem.project.clone().unwrap_or_default()}</span>
                <span class="message">{message.clone()}</span>
                {suggestion}
            </button>
            <button type="button" class="help-button card-help" data-help=rule on:click=move |_| state.help.set(Some(help.clone()))>
                {i18n::HELP.get(lang)}
            </button>
        </div>
    }
    .into_any()
}

/// The open rule's help: what it checks, why, an example and its source,
/// asked of the worker (which has the rule registry; the page does not).
#[component]
pub fn HelpPanel(state: State) -> impl IntoView {
    let shown: RwSignal<Option<RuleHelp>> = RwSignal::new(None);
    Effect::new(move |_| {
        let Some(id) = state.help.get() else {
            shown.set(None);
            return;
        };
        spawn_local(async move {
            match worker::help(&id).await {
                // Still the rule asked for (not closed or changed meanwhile).
                Ok(help) if state.help.get_untracked().as_deref() == Some(help.id.as_str()) => {
                    shown.set(Some(help))
                }
                Ok(_) => {}
                Err(message) => state.notice.set(Some(message)),
            }
        });
    });
    move || {
        let rule = shown.get()?;
        let lang = state.lang.get();
        let section = |title: jixiao_lint::text::Text, body: &jixiao_lint::text::Message| {
            view! {
                <h4>{title.get(lang)}</h4>
                <p>{body.get(lang).to_owned()}</p>
            }
        };
        Some(view! {
            <aside class="help-panel" data-help-panel role="dialog" aria-labelledby="help-title">
                <h3 id="help-title">{rule.title.get(lang).to_owned()} " " <code>{rule.id.clone()}</code></h3>
                <p class="muted">{rule.severity.label().get(lang)}</p>
                {section(i18n::HELP_WHAT, &rule.what)}
                {section(i18n::HELP_WHY, &rule.why)}
                {section(i18n::HELP_EXAMPLE, &rule.example)}
                {section(i18n::HELP_SOURCE, &rule.source)}
                {section(i18n::HELP_FIX, &rule.fix)}
                <button type="button" data-action="help-close" on:click=move |_| state.help.set(None)>
                    {i18n::CLOSE.get(lang)}
                </button>
            </aside>
        })
    }
}
