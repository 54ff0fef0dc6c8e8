//! The problems: grouped by severity and rule, filtered, each one a link to
//! its cell; and the help of each rule, from the registry.

use super::{i18n, State};
use jixiao_lint::rules::{self, Diagnostic, Severity};
use jixiao_lint::text::Lang;
use leptos::prelude::*;

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// The icon beside a severity, so that colour is never the only signal.
pub(crate) fn icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    }
}

/// Scrolls the table to a cell (`B11`, or a row number alone) and marks it.
pub(crate) fn go_to_cell(state: State, cell: String) {
    let selector = if cell.chars().all(|c| c.is_ascii_digit()) {
        format!("[data-row=\"{cell}\"]")
    } else {
        format!("[data-cell-id=\"{cell}\"]")
    };
    state.selected.set(Some(cell));
    if let Ok(Some(element)) = document().query_selector(&selector) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let _ = element.focus();
        }
    }
}

#[component]
pub fn Problems(state: State) -> impl IntoView {
    let shown = RwSignal::new([true; 3]);
    let only_rule = RwSignal::new(String::new());

    let severity_filter = move |severity: Severity| {
        let index = SEVERITIES.iter().position(|s| *s == severity).unwrap_or(0);
        let count = move || {
            state.report.with(|r| {
                r.diagnostics
                    .iter()
                    .filter(|d| d.severity == severity)
                    .count()
            })
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

    // The rules that fired, in registry order, for the rule filter.
    let fired = move || {
        state.report.with(|r| {
            rules::REGISTRY
                .iter()
                .filter(|rule| r.diagnostics.iter().any(|d| d.rule == rule.id))
                .copied()
                .collect::<Vec<_>>()
        })
    };

    let groups = move || {
        let lang = state.lang.get();
        let shown = shown.get();
        let only_rule = only_rule.get();
        state.report.with(|report| {
            let mut views = Vec::new();
            for (index, severity) in SEVERITIES.into_iter().enumerate() {
                if !shown[index] {
                    continue;
                }
                for rule in rules::REGISTRY {
                    if !only_rule.is_empty() && rule.id != only_rule {
                        continue;
                    }
                    let found: Vec<&Diagnostic> = report
                        .diagnostics
                        .iter()
                        .filter(|d| d.rule == rule.id && d.severity == severity)
                        .collect();
                    if !found.is_empty() {
                        views.push(group(state, lang, severity, rule, &found));
                    }
                }
            }
            views
        })
    };

    view! {
        <section class="problems" aria-labelledby="problems-title">
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
                            fired()
                                .into_iter()
                                .map(|rule| view! { <option value=rule.id>{format!("{} · {}", rule.title.get(lang), rule.id)}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
            </div>
            <Show when=move || state.report.with(|r| r.diagnostics.is_empty())>
                <p class="all-clear">{move || state.tr(i18n::NO_PROBLEMS)}</p>
            </Show>
            <div class="groups">{groups}</div>
        </section>
    }
}

/// One rule's findings of one severity.
fn group(
    state: State,
    lang: Lang,
    severity: Severity,
    rule: &'static rules::Rule,
    found: &[&Diagnostic],
) -> impl IntoView {
    let items = found
        .iter()
        .map(|d| {
            let cell = d.cell.clone();
            let cell_attr = cell.clone();
            let target = cell.clone();
            let project = d.project.clone().unwrap_or_default();
            let indicator = d.indicator.map(|n| n.to_string());
            view! {
                <li>
                    <button
                        type="button"
                        class="problem"
                        data-problem
                        data-rule=d.rule
                        data-cell=cell_attr
                        data-severity=d.severity.id()
                        data-indicator=indicator
                        title=i18n::GO_TO_CELL.get(lang)
                        on:click=move |_| go_to_cell(state, target.clone())
                    >
                        <span class="cell-ref">{cell}</span>
                        <span class="project">{project}</span>
                        <span class="message">{d.message.get(lang).to_owned()}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class=format!("group {}", severity.id())>
            <h3>
                <span class="icon" aria-hidden="true">{icon(severity)}</span>
                <span class="sr-only">{severity.label().get(lang)}</span>
                {rule.title.get(lang)}
                <code>{rule.id}</code>
                <span class="count">{found.len()}</span>
                <button type="button" class="help-button" data-help=rule.id on:click=move |_| state.help.set(Some(rule.id))>
                    {i18n::HELP.get(lang)}
                </button>
            </h3>
            <ul>{items}</ul>
        </div>
    }
}

/// The open rule's help: what it checks, why, an example and its source.
#[component]
pub fn HelpPanel(state: State) -> impl IntoView {
    move || {
        let rule = rules::rule(state.help.get()?)?;
        let lang = state.lang.get();
        let section = |title: jixiao_lint::text::Text, body: jixiao_lint::text::Text| {
            view! {
                <h4>{title.get(lang)}</h4>
                <p>{body.get(lang)}</p>
            }
        };
        Some(view! {
            <aside class="help-panel" data-help-panel role="dialog" aria-labelledby="help-title">
                <h3 id="help-title">{rule.title.get(lang)} " " <code>{rule.id}</code></h3>
                <p class="muted">{rule.severity.label().get(lang)}</p>
                {section(i18n::HELP_WHAT, rule.what)}
                {section(i18n::HELP_WHY, rule.why)}
                {section(i18n::HELP_EXAMPLE, rule.example)}
                {section(i18n::HELP_SOURCE, rule.source)}
                <button type="button" data-action="help-close" on:click=move |_| state.help.set(None)>
                    {i18n::CLOSE.get(lang)}
                </button>
            </aside>
        })
    }
}
