//! 与上一版比较: the table on show compared with an earlier version of it
//! (src/diff.rs, computed in the worker). The earlier version is a paste, a
//! file, or the table on show itself (then the next table loaded is the
//! revision). Above the problems it shows what the revision fixed,
//! introduced and left, and how the table changed, each a link to its cell.

use super::{exports, problems, worker, State};
use jixiao_lint::diff::{Change, Comparison, Item, Status};
use jixiao_lint::text::{t, Lang, Message, Text};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::JsValue;

const TITLE: Text = t("与上一版比较", "Compare with a previous version");
const INTRO: Text = t(
    "退回修改后收到新版本？给出上一版，即可看到哪些问题已解决、哪些是新出现的、哪些仍存在，以及表格改了什么。比较按单位、项目名称和指标名称进行，与行号无关。",
    "Got a revised table back? Give the earlier version to see which problems were fixed, which are new, which remain, and what changed in the table. Projects are matched by unit, name and indicators, not by row.",
);
const USE_CURRENT: Text = t(
    "把当前表格作为上一版",
    "Use the table on show as the earlier version",
);
const PICK_EARLIER: Text = t("选择上一版文件…", "Pick the earlier version's file…");
const PASTE_EARLIER: Text = t("或粘贴上一版表格：", "Or paste the earlier version:");
const COMPARE: Text = t("比较", "Compare");
const EARLIER: Text = t("上一版", "Earlier version");
const NOW_LOAD: Text = t(
    "现在载入修改后的版本（粘贴、拖入或打开文件），即与上一版比较。",
    "Now load the revised version (paste, drop or open a file) to compare it with the earlier one.",
);
const STOP: Text = t("结束比较", "Stop comparing");
const SHARE_BOTH: Text = t("分享两个版本的链接", "Share a link with both versions");
const EXPORT: Text = t("导出比较结果", "Export the comparison");
const CHANGES: Text = t("表格变化", "Changes to the table");
const NONE: Text = t("无", "None");
const WAS_AT: Text = t("原位置", "was at");
const MORE: Text = t(
    "仅显示前 1000 项，完整内容请导出。",
    "Only the first 1000 are shown; export for all of them.",
);

/// What the page knows of the comparison; the worker keeps both tables.
#[derive(Clone, Copy)]
pub(crate) struct CompareState {
    /// The earlier version's counts, once the worker holds it.
    pub earlier: RwSignal<Option<Message>>,
    /// The earlier version was the table on show: the next one is compared.
    waiting: RwSignal<bool>,
    /// The comparison of the earlier version with the table on show, and
    /// the full counts (fixed, introduced, remaining, changes).
    pub shown: RwSignal<Option<(Arc<Comparison>, [usize; 4])>>,
    status: RwSignal<Option<Message>>,
    link: RwSignal<Option<String>>,
}

impl CompareState {
    pub fn new() -> Self {
        CompareState {
            earlier: RwSignal::new(None),
            waiting: RwSignal::new(false),
            shown: RwSignal::new(None),
            status: RwSignal::new(None),
            link: RwSignal::new(None),
        }
    }
}

fn number(data: &JsValue, key: &str) -> usize {
    js_sys::Reflect::get(data, &key.into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or_default() as usize
}

/// Sends the earlier version (or `{earlier_kept}`) to the worker; then
/// compares it with the table on show.
fn set_earlier(state: State, request: JsValue, from_current: bool) {
    let compare = state.compare;
    compare.status.set(None);
    compare.link.set(None);
    spawn_local(async move {
        match worker::ask(request, false).await {
            Ok(data) => {
                compare.earlier.set(Some(Message::new(
                    worker::field(&data, "counts"),
                    worker::field(&data, "counts_en"),
                )));
                compare.waiting.set(from_current);
                compare.shown.set(None);
                // The table on show is the earlier one: the next is compared.
                if !from_current {
                    refresh(state);
                }
            }
            Err(message) => compare.status.set(Some(message)),
        }
    });
}

/// The earlier version from a shared link of both versions: sent before the
/// revision, so the worker holds it when the revision's check is done.
pub(crate) fn earlier_from_link(state: State, text: String) {
    let request = worker::request(&[("earlier_text", &text)]);
    // Known at once, so that the revision's check compares.
    state.compare.earlier.set(Some(Message::new("…", "…")));
    set_earlier(state, request, false);
}

/// A new table is on show: it is the revision.
pub(crate) fn on_checked(state: State) {
    state.compare.waiting.set(false);
    refresh(state);
}

/// Compares again (a new table is on show); nothing without an earlier version.
pub(crate) fn refresh(state: State) {
    let compare = state.compare;
    if compare.earlier.get_untracked().is_none() {
        return;
    }
    spawn_local(async move {
        let answer = async {
            let data = worker::ask(worker::request(&[("compare", "")]), false).await?;
            let comparison: Comparison = worker::decode(&data)?;
            let counts = ["fixed", "introduced", "remaining", "changes"].map(|k| number(&data, k));
            Ok::<_, Message>((comparison, counts))
        };
        match answer.await {
            Ok((comparison, counts)) => {
                compare.shown.set(Some((Arc::new(comparison), counts)));
            }
            Err(message) => {
                compare.shown.set(None);
                compare.status.set(Some(message));
            }
        }
    });
}

fn stop(state: State) {
    let compare = state.compare;
    compare.earlier.set(None);
    compare.shown.set(None);
    compare.waiting.set(false);
    compare.link.set(None);
    compare.status.set(None);
    spawn_local(async move {
        let _ = worker::ask(worker::request(&[("earlier_clear", "")]), false).await;
    });
}

fn share_both(state: State) {
    let compare = state.compare;
    spawn_local(async move {
        match worker::ask(worker::request(&[("share_both", "")]), false).await {
            Ok(data) => {
                if let Some(url) = exports::share_link(&worker::field(&data, "text")) {
                    let _ = window()
                        .history()
                        .and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&url)));
                    exports::copy(url.clone(), compare.status);
                    compare.link.set(Some(url));
                }
            }
            Err(message) => {
                compare.link.set(None);
                compare.status.set(Some(message));
            }
        }
    });
}

fn export(state: State, format: &'static str) {
    let lang = if state.lang.get_untracked() == Lang::En {
        "en"
    } else {
        "zh"
    };
    let status = state.compare.status;
    spawn_local(async move {
        let request = worker::request(&[("export_diff", format), ("lang", lang)]);
        match worker::ask(request, false).await {
            Ok(data) => exports::download(
                &worker::field(&data, "name"),
                &worker::field(&data, "mime"),
                &JsValue::from_str(&worker::field(&data, "text")),
            ),
            Err(message) => status.set(Some(message)),
        }
    });
}

fn pick_earlier(state: State, event: leptos::ev::Event) {
    let input: web_sys::HtmlInputElement = event_target(&event);
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    let name = file.name();
    spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let request = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&request, &"earlier_file".into(), &buffer);
                set_earlier(state, request.into(), false);
            }
            Err(_) => state.compare.status.set(Some(Message::new(
                format!("无法读取文件 {name}。"),
                format!("Cannot read the file {name}."),
            ))),
        }
    });
}

/// One finding of a list: a link to its cell in the revision (a fixed one:
/// to where its place is now, if it still exists; else where it was).
fn item_view(state: State, lang: Lang, status: Status, item: &Item) -> AnyView {
    let target = match status {
        Status::Fixed => item.new_cell.clone(),
        _ => Some(item.cell.clone()),
    };
    let shown_cell = target.clone().unwrap_or_default();
    let was = match status {
        Status::Fixed => Some(item.cell.clone()),
        _ => item.old_cell.clone().filter(|old| *old != item.cell),
    };
    let message = item.message(lang).to_owned();
    let (click, indicator) = (target.clone(), item.indicator);
    view! {
        <li class=format!("compare-item {}", item.severity.id())>
            <button
                type="button"
                class="problem"
                data-compare-item=status.id()
                data-rule=item.rule.clone()
                data-cell=target.clone()
                data-old-cell=item.old_cell.clone()
                disabled=target.is_none()
                on:click=move |_| {
                    if let Some(cell) = click.clone() {
                        problems::go_to_cell(state, cell, indicator)
                    }
                }
            >
                <span class="cell-ref">
                    <span class="icon" aria-hidden="true">{problems::icon(item.severity)}</span>
                    " " {shown_cell}
                    {was.map(|was| view! { <span class="muted was">{format!("{} {was}", WAS_AT.get(lang))}</span> })}
                </span>
                <span class="project">{item.project.clone().unwrap_or_default()}</span>
                <span class="message">{message}</span>
            </button>
        </li>
    }
    .into_any()
}

fn change_view(state: State, lang: Lang, change: &Change) -> AnyView {
    let target = change.cell.clone();
    let click = target.clone();
    let place = match (&change.cell, &change.old_cell) {
        (Some(cell), _) => cell.clone(),
        (None, Some(was)) => format!("{} {was}", WAS_AT.get(lang)),
        (None, None) => String::new(),
    };
    view! {
        <li class="compare-change">
            <button
                type="button"
                class="problem"
                data-change=change.kind.id()
                data-field=change.field.map(|f| f.id())
                data-cell=change.cell.clone()
                data-old-cell=change.old_cell.clone()
                disabled=target.is_none()
                on:click=move |_| {
                    if let Some(cell) = click.clone() {
                        problems::go_to_cell(state, cell, None)
                    }
                }
            >
                <span class="cell-ref">{place}</span>
                <span class="project">{change.subject(lang)}</span>
                <span class="message">{change.describe(lang)}</span>
            </button>
        </li>
    }
    .into_any()
}

#[component]
pub fn Compare(state: State) -> impl IntoView {
    let compare = state.compare;
    let pasted = RwSignal::new(String::new());
    let setup = move || {
        let lang = state.lang.get();
        view! {
            <p class="muted">{INTRO.get(lang)}</p>
            <div class="toolbar">
                <button type="button" data-action="compare-current" on:click=move |_| {
                    set_earlier(state, worker::request(&[("earlier_kept", "")]), true)
                }>{USE_CURRENT.get(lang)}</button>
                <label class="file-button">
                    {PICK_EARLIER.get(lang)}
                    <input type="file" data-action="compare-file" accept=".txt,.tsv,.csv,.xlsx,.xls,.ods,text/plain,text/csv" on:change=move |event| pick_earlier(state, event) />
                </label>
            </div>
            <label for="compare-input">{PASTE_EARLIER.get(lang)}</label>
            <textarea id="compare-input" data-action="compare-input" spellcheck="false" wrap="off" rows="3"
                prop:value=move || pasted.get()
                on:input=move |event| pasted.set(event_target_value(&event))></textarea>
            <button type="button" data-action="compare-paste" on:click=move |_| {
                let text = pasted.get_untracked();
                if !text.trim().is_empty() {
                    pasted.set(String::new());
                    set_earlier(state, worker::request(&[("earlier_text", &text)]), false);
                }
            }>{COMPARE.get(lang)}</button>
        }
    };
    let results = move || {
        let lang = state.lang.get();
        let earlier = compare.earlier.get()?;
        let shown = compare.shown.get();
        let lists = shown.map(|(comparison, counts)| {
            let counts_line = Message::new(
                format!(
                    "已解决 {}，新出现 {}，仍存在 {}；表格变化 {}",
                    counts[0], counts[1], counts[2], counts[3]
                ),
                format!(
                    "{} fixed, {} introduced, {} remaining; {} changes to the table",
                    counts[0], counts[1], counts[2], counts[3]
                ),
            );
            let more = counts.iter().any(|n| *n > 1000);
            let list = |status: Status, count: usize| {
                let items = comparison.items(status);
                let body = if items.is_empty() {
                    view! { <p class="muted">{NONE.get(lang)}</p> }.into_any()
                } else {
                    let views = items
                        .iter()
                        .map(|item| item_view(state, lang, status, item))
                        .collect_view();
                    view! { <ul class="compare-list" data-compare-list=status.id()>{views}</ul> }.into_any()
                };
                // What is still open is long and known: folded.
                let open = status != Status::Remaining;
                view! {
                    <details class="compare-group" data-compare-group=status.id() open=open>
                        <summary>
                            {status.label().get(lang).to_owned()}
                            " " <span class="count" data-compare-count=status.id()>{count}</span>
                        </summary>
                        {body}
                    </details>
                }
            };
            let changes = if comparison.changes.is_empty() {
                view! { <p class="muted">{NONE.get(lang)}</p> }.into_any()
            } else {
                let views = comparison
                    .changes
                    .iter()
                    .map(|c| change_view(state, lang, c))
                    .collect_view();
                view! { <ul class="compare-list" data-compare-list="changes">{views}</ul> }.into_any()
            };
            view! {
                <p data-compare-counts><strong>{counts_line.get(lang).to_owned()}</strong></p>
                {list(Status::Introduced, counts[1])}
                {list(Status::Fixed, counts[0])}
                {list(Status::Remaining, counts[2])}
                <details class="compare-group" data-compare-group="changes" open=true>
                    <summary>{CHANGES.get(lang)} " " <span class="count" data-compare-count="changes">{counts[3]}</span></summary>
                    {changes}
                </details>
                {more.then(|| view! { <p class="muted">{MORE.get(lang)}</p> })}
            }
        });
        Some(view! {
            <p data-compare-earlier>{format!("{}：{}", EARLIER.get(lang), earlier.get(lang))}</p>
            {move || compare.waiting.get().then(|| view! { <p class="notice" data-state="compare-waiting">{state.tr(NOW_LOAD)}</p> })}
            {lists}
            <div class="toolbar">
                <button type="button" data-action="compare-stop" on:click=move |_| stop(state)>{STOP.get(lang)}</button>
                <button type="button" data-action="compare-share" on:click=move |_| share_both(state)>{SHARE_BOTH.get(lang)}</button>
                <span class="export-label">{EXPORT.get(lang)}</span>
                <button type="button" data-action="compare-export-csv" on:click=move |_| export(state, "csv")>"CSV"</button>
                <button type="button" data-action="compare-export-markdown" on:click=move |_| export(state, "markdown")>"Markdown"</button>
            </div>
        })
    };
    view! {
        <section class="compare" data-compare aria-labelledby="compare-title">
            <h2 id="compare-title">{move || state.tr(TITLE)}</h2>
            {move || if compare.earlier.get().is_none() { Some(setup()) } else { None }}
            {results}
            {move || compare.link.get().map(|url| view! { <input class="share-link" readonly data-compare-link prop:value=url.clone() value=url aria-label="link" /> })}
            <p class="status" role="status" data-compare-status>{move || compare.status.get().map(|m| m.get(state.lang.get()).to_owned())}</p>
        </section>
    }
}
