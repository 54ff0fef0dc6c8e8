//! Share and export: a permalink that carries the table in the URL fragment,
//! and every export of the core, each to copy or to download.

use super::{i18n, worker, State};
use jixiao_lint::text::Message;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

/// One export of the current report.
#[derive(Clone, Copy)]
enum Kind {
    FindingsCsv,
    FindingsJson,
    FindingsMarkdown,
    AnnotatedTsv,
    AnnotatedCsv,
    AnnotatedXlsx,
    IndicatorsCsv,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::AnnotatedXlsx,
        Kind::FindingsCsv,
        Kind::FindingsJson,
        Kind::FindingsMarkdown,
        Kind::AnnotatedTsv,
        Kind::AnnotatedCsv,
        Kind::IndicatorsCsv,
    ];

    /// The `data-action` suffix: `export-…` downloads, `copy-…` copies.
    fn id(self) -> &'static str {
        match self {
            Kind::FindingsCsv => "findings-csv",
            Kind::FindingsJson => "findings-json",
            Kind::FindingsMarkdown => "findings-markdown",
            Kind::AnnotatedTsv => "annotated-tsv",
            Kind::AnnotatedCsv => "annotated-csv",
            Kind::AnnotatedXlsx => "annotated-xlsx",
            Kind::IndicatorsCsv => "indicators-csv",
        }
    }

    fn label(self) -> jixiao_lint::text::Text {
        match self {
            Kind::FindingsCsv => i18n::EXPORT_FINDINGS_CSV,
            Kind::FindingsJson => i18n::EXPORT_FINDINGS_JSON,
            Kind::FindingsMarkdown => i18n::EXPORT_FINDINGS_MARKDOWN,
            Kind::AnnotatedTsv => i18n::EXPORT_ANNOTATED_TSV,
            Kind::AnnotatedCsv => i18n::EXPORT_ANNOTATED_CSV,
            Kind::AnnotatedXlsx => i18n::EXPORT_ANNOTATED_XLSX,
            Kind::IndicatorsCsv => i18n::EXPORT_INDICATORS,
        }
    }
}

/// Asks the worker for an export of the current table, then downloads or
/// copies it. The worker carries the exports, so the first load does not.
fn run(state: State, kind: Kind, status: RwSignal<Option<Message>>, to_clipboard: bool) {
    let lang = state.lang.get_untracked();
    // A workbook of a large table takes the worker a few seconds: say so.
    if matches!(kind, Kind::AnnotatedXlsx) {
        status.set(Some(Message::new(
            "正在生成工作簿…",
            "Writing the workbook…",
        )));
    }
    spawn_local(async move {
        let result = worker::export(kind.id(), lang).await;
        if matches!(kind, Kind::AnnotatedXlsx) && result.is_ok() {
            status.set(None);
        }
        match result {
            Ok((_, _, text)) if to_clipboard => copy(text.as_string().unwrap_or_default(), status),
            Ok((name, mime, content)) => download(&name, &mime, &content),
            Err(message) => status.set(Some(message)),
        }
    });
}

/// Saves text or bytes (a JS string or Uint8Array) as a file through a
/// temporary object URL.
pub(crate) fn download(name: &str, mime: &str, content: &JsValue) {
    let parts = js_sys::Array::of1(content);
    let options = web_sys::BlobPropertyBag::new();
    if content.is_string() {
        options.set_type(&format!("{mime};charset=utf-8"));
    } else {
        options.set_type(mime);
    }
    let Ok(blob) = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options)
    else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(anchor) = document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Copies text to the clipboard and reports the outcome in `status`.
pub(super) fn copy(text: String, status: RwSignal<Option<Message>>) {
    spawn_local(async move {
        let done = wasm_bindgen_futures::JsFuture::from(
            window().navigator().clipboard().write_text(&text),
        )
        .await;
        status.set(Some(match done {
            Ok(_) => Message::new("已复制到剪贴板。", "Copied to the clipboard."),
            Err(_) => Message::new(
                "浏览器不允许复制，请用下载。",
                "The browser did not allow copying; use the download.",
            ),
        }));
    });
}

/// The page's address without its fragment, plus the table's fragment.
pub(super) fn share_link(fragment: &str) -> Option<String> {
    let location = window().location();
    let href = location.href().ok()?;
    let base = href.split('#').next().unwrap_or(&href);
    Some(format!("{base}#{fragment}"))
}

#[component]
pub fn Exports(state: State) -> impl IntoView {
    let status: RwSignal<Option<Message>> = RwSignal::new(None);
    let link: RwSignal<Option<String>> = RwSignal::new(None);

    let share = move |_| {
        spawn_local(async move {
            match worker::share(&state.profile.get_untracked()).await {
                Ok(fragment) => {
                    if let Some(url) = share_link(&fragment) {
                        // Replace, not push: the back button should not step through tables.
                        let _ = window()
                            .history()
                            .and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&url)));
                        copy(url.clone(), status);
                        link.set(Some(url));
                    }
                }
                Err(message) => {
                    link.set(None);
                    status.set(Some(message));
                }
            }
        });
    };

    let buttons = Kind::ALL
        .into_iter()
        .map(|kind| {
            view! {
                <div class="export">
                    <span class="export-label">{move || state.tr(kind.label())}</span>
                    <button type="button" data-action=format!("export-{}", kind.id()) on:click=move |_| run(state, kind, status, false)>
                        {move || state.tr(i18n::DOWNLOAD)}
                    </button>
                    // A workbook is a file: nothing to copy.
                    {(!matches!(kind, Kind::AnnotatedXlsx)).then(|| view! {
                        <button type="button" data-action=format!("copy-{}", kind.id()) on:click=move |_| run(state, kind, status, true)>
                            {move || state.tr(i18n::COPY)}
                        </button>
                    })}
                </div>
            }
        })
        .collect_view();

    view! {
        <section class="exports" aria-labelledby="exports-title">
            <h2 id="exports-title">{move || state.tr(i18n::SHARE_AND_EXPORT)}</h2>
            <div class="share">
                <button type="button" class="primary" data-action="share" on:click=share>{move || state.tr(i18n::SHARE)}</button>
                <span class="muted">{move || state.tr(i18n::SHARE_NOTE)}</span>
            </div>
            {move || link.get().map(|url| view! { <input class="share-link" readonly data-share-link prop:value=url.clone() value=url aria-label="link" /> })}
            <p class="status" role="status" data-export-status>{move || status.get().map(|m| m.get(state.lang.get()).to_owned())}</p>
            <div class="export-list">{buttons}</div>
        </section>
    }
}
