//! The summary: department, unit of amounts, counts of units, projects,
//! indicators and problems.

use super::{i18n, State};
use jixiao_lint::text::{t, Text};
use leptos::prelude::*;

/// How a dropped or picked file was read: its encoding, or the workbook sheet.
const SOURCE: Text = t("文件读取", "File read as");

#[component]
pub fn Summary(state: State) -> impl IntoView {
    let item = move |label: Text, key: &'static str, value: Signal<String>, class: &'static str| {
        view! {
            <div class=format!("stat {class}")>
                <dt>{move || state.tr(label)}</dt>
                <dd data-summary=key>{move || value.get()}</dd>
            </div>
        }
    };
    let field = move |f: fn(&jixiao_lint::view::Overview) -> String| {
        Signal::derive(move || state.overview(f).unwrap_or_default())
    };
    view! {
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{move || state.tr(i18n::SUMMARY)}</h2>
            <dl class="stats">
                {item(i18n::DEPARTMENT, "department", field(|s| s.department.clone().unwrap_or_else(|| "—".into())), "wide")}
                {item(i18n::AMOUNT_UNIT, "amount-unit", field(|s| s.amount_unit.clone()), "")}
                {item(i18n::UNITS, "units", field(|s| s.units.to_string()), "")}
                {item(i18n::PROJECTS, "projects", field(|s| s.projects.to_string()), "")}
                {item(i18n::INDICATORS, "indicators", field(|s| s.indicators.to_string()), "")}
                {item(i18n::ERRORS, "errors", field(|s| s.errors.to_string()), "error")}
                {item(i18n::WARNINGS, "warnings", field(|s| s.warnings.to_string()), "warning")}
                {item(i18n::INFOS, "infos", field(|s| s.infos.to_string()), "info")}
                {move || state.source.get().map(|source| {
                    let text = Signal::derive(move || source.get(state.lang.get()).to_owned());
                    item(SOURCE, "source", text, "wide")
                })}
                // A profile other than the defaults: what it changes (printed too).
                {move || state.overview(|o| o.profile.clone()).filter(|p| !p.is_empty()).map(|changes| {
                    let text = Signal::derive(move || {
                        let lang = state.lang.get();
                        let separator = if lang == jixiao_lint::text::Lang::Zh { "；" } else { "; " };
                        changes.iter().map(|m| m.get(lang)).collect::<Vec<_>>().join(separator)
                    });
                    item(i18n::PROFILE_SUMMARY, "profile", text, "wide profile")
                })}
            </dl>
        </section>
    }
}
