//! The house rules (a profile): turn a rule off, change its severity, set the
//! thresholds that are conventions, download the profile as jixiao.toml or
//! load one. The page keeps the profile as jixiao.toml's text; the worker
//! reads and changes it (the page carries no TOML parser and no registry),
//! answering with the panel's view.

use super::{i18n, worker, State};
use jixiao_lint::rules::Severity;
use jixiao_lint::text::Message;
use jixiao_lint::view::ProfileView;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What a downloaded profile says when it changes nothing.
const DEFAULTS_FILE: &str = "# jixiao-lint 规则配置 house rules (jixiao.toml)\n# 默认规则，未作修改 / the defaults, nothing changed\n";

const SETTINGS: [&str; 4] = ["off", "error", "warning", "info"];

fn setting_label(id: &str) -> jixiao_lint::text::Text {
    match id {
        "off" => i18n::OFF,
        "error" => Severity::Error.label(),
        "warning" => Severity::Warning.label(),
        _ => Severity::Info.label(),
    }
}

/// Asks the worker for the view of `profile` after `change`, and puts the
/// changed profile in force.
fn apply(
    state: State,
    shown: RwSignal<Option<ProfileView>>,
    status: RwSignal<Option<Message>>,
    profile: String,
    change: Option<(&'static str, String, String)>,
) {
    spawn_local(async move {
        let change_ref = change
            .as_ref()
            .map(|(kind, key, value)| (*kind, key.as_str(), value.as_str()));
        match worker::settings(&profile, change_ref).await {
            Ok(view) => {
                status.set(None);
                state.set_profile(view.toml.clone());
                shown.set(Some(view));
            }
            Err(message) => status.set(Some(message)),
        }
    });
}

#[component]
pub fn Settings(state: State) -> impl IntoView {
    let open = RwSignal::new(false);
    let shown: RwSignal<Option<ProfileView>> = RwSignal::new(None);
    let status: RwSignal<Option<Message>> = RwSignal::new(None);
    // The panel's view, once it is opened, and again when the profile changes
    // by other means (a link).
    Effect::new(move |_| {
        let profile = state.profile.get();
        // Closed, the panel still names a profile in force, so it needs the view.
        if !open.get() && profile.trim().is_empty() {
            return;
        }
        spawn_local(async move {
            match worker::settings(&profile, None).await {
                Ok(view) => shown.set(Some(view)),
                Err(message) => status.set(Some(message)),
            }
        });
    });
    let change = move |kind: &'static str, key: String, value: String| {
        apply(
            state,
            shown,
            status,
            state.profile.get_untracked(),
            Some((kind, key, value)),
        )
    };
    let download = move |_| {
        let text = state.profile.get_untracked();
        let text = if text.trim().is_empty() {
            DEFAULTS_FILE.to_owned()
        } else {
            text
        };
        super::exports::download(
            "jixiao.toml",
            "application/toml",
            &wasm_bindgen::JsValue::from_str(&text),
        );
    };
    let load = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            match text {
                // Checked by the worker before it is put in force: a wrong file
                // changes nothing and says which lines are wrong.
                Some(text) => match worker::settings(&text, None).await {
                    Ok(view) => {
                        status.set(Some(Message::new(
                            format!("已载入 {name}。"),
                            format!("Loaded {name}."),
                        )));
                        state.set_profile(view.toml.clone());
                        shown.set(Some(view));
                    }
                    Err(message) => status.set(Some(Message::new(
                        format!("{name} 有误，未载入：\n{}", message.zh),
                        format!("{name} is wrong and was not loaded:\n{}", message.en),
                    ))),
                },
                None => status.set(Some(Message::new(
                    format!("无法读取文件 {name}。"),
                    format!("Cannot read the file {name}."),
                ))),
            }
        });
    };
    let reset = move |_| apply(state, shown, status, String::new(), None);
    let active = move || !state.profile.with(|p| p.trim().is_empty());

    let thresholds = move || {
        let lang = state.lang.get();
        shown.with(|view| {
            view.as_ref().map(|view| {
                view.thresholds
                    .iter()
                    .map(|t| {
                        let key = t.key.clone();
                        let default = if t.default.is_empty() {
                            t.none.get(lang).to_owned()
                        } else {
                            t.default.clone()
                        };
                        view! {
                            <label class="threshold">
                                <span>{t.label.get(lang).to_owned()}</span>
                                <input
                                    type="text"
                                    inputmode="decimal"
                                    data-threshold=t.key.clone()
                                    prop:value=t.value.clone()
                                    placeholder=default.clone()
                                    on:change=move |event| change("threshold", key.clone(), event_target_value(&event))
                                />
                                <span class="muted">
                                    {format!("{} · {} {default}", t.unit.get(lang), i18n::DEFAULT_VALUE.get(lang))}
                                </span>
                            </label>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let rules = move || {
        let lang = state.lang.get();
        shown.with(|view| {
            view.as_ref().map(|view| {
                view.rules
                    .iter()
                    .map(|rule| {
                        let id = rule.id.clone();
                        let current = rule.setting.clone().unwrap_or_default();
                        let options = SETTINGS
                            .into_iter()
                            .filter(|s| *s != rule.default.id())
                            .map(|s| {
                                view! { <option value=s selected=current == s>{setting_label(s).get(lang)}</option> }
                            })
                            .collect_view();
                        view! {
                            <tr data-rule-row=rule.id.clone() class:changed=rule.setting.is_some()>
                                <td><code>{rule.id.clone()}</code></td>
                                <td>{rule.title.get(lang).to_owned()}</td>
                                <td>
                                    <select
                                        data-rule-setting=rule.id.clone()
                                        aria-label=format!("{} {}", rule.id, i18n::SETTINGS.get(lang))
                                        on:change=move |event| change("rule", id.clone(), event_target_value(&event))
                                    >
                                        <option value="" selected=current.is_empty()>
                                            {format!("{}（{}）", rule.default.label().get(lang), i18n::DEFAULT_VALUE.get(lang))}
                                        </option>
                                        {options}
                                    </select>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };

    let mappings = move || {
        let lang = state.lang.get();
        shown.with(|view| {
            let columns = &view.as_ref()?.columns;
            (!columns.is_empty()).then(|| {
                let items = columns
                    .iter()
                    .enumerate()
                    .map(|(index, mapping)| {
                        view! {
                            <li data-column-mapping=index>
                                <span>{mapping.get(lang).to_owned()}</span>
                                " "
                                <button type="button" data-action="remove-mapping" on:click=move |_| change("columns_remove", index.to_string(), String::new())>
                                    {i18n::REMOVE.get(lang)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <h3>{i18n::COLUMN_MAPPINGS.get(lang)}</h3>
                    <ul class="column-mappings">{items}</ul>
                }
            })
        })
    };

    view! {
        <section class="settings" aria-labelledby="settings-title">
            <details prop:open=move || open.get() on:toggle=move |event| {
                let details: web_sys::HtmlDetailsElement = event_target(&event);
                open.set(details.open());
            }>
                <summary data-action="settings">
                    <span id="settings-title">{move || state.tr(i18n::SETTINGS)}</span>
                    " · "
                    <span class="muted" data-profile-state=move || if active() { "custom" } else { "default" }>
                        {move || if active() { state.tr(i18n::SETTINGS_ACTIVE) } else { state.tr(i18n::SETTINGS_DEFAULT) }}
                        {move || active().then(|| {
                            let lang = state.lang.get();
                            shown.with(|v| v.as_ref().map(|v| v.changes.iter().map(|m| m.get(lang).to_owned()).collect::<Vec<_>>().join(if lang == jixiao_lint::text::Lang::Zh { "；" } else { "; " })))
                        })}
                    </span>
                </summary>
                <p class="muted small">{move || state.tr(i18n::SETTINGS_NOTE)}</p>
                <div class="toolbar">
                    <button type="button" data-action="profile-download" on:click=download>{move || state.tr(i18n::PROFILE_DOWNLOAD)}</button>
                    <label class="file-button">
                        {move || state.tr(i18n::PROFILE_LOAD)}
                        <input type="file" data-action="profile-file" accept=".toml,text/plain" on:change=load />
                    </label>
                    <button type="button" data-action="profile-reset" on:click=reset>{move || state.tr(i18n::PROFILE_RESET)}</button>
                </div>
                <p class="status" role="status" data-settings-status>
                    {move || status.get().map(|m| m.get(state.lang.get()).to_owned())}
                </p>
                {mappings}
                <h3>{move || state.tr(i18n::THRESHOLDS)}</h3>
                <div class="thresholds">{thresholds}</div>
                <h3>{move || state.tr(i18n::RULES)}</h3>
                <table class="rule-settings">
                    <tbody>{rules}</tbody>
                </table>
            </details>
        </section>
    }
}
