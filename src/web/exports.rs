//! Share and export: a permalink that carries the table in the URL fragment,
//! and every export of the core, each to copy or to download.

use super::{i18n, State};
use jixiao_lint::export::{self, FileReport};
use jixiao_lint::share;
use jixiao_lint::text::{Lang, Message};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

/// What an export button produces: file name, MIME type and the text.
type Export = (&'static str, &'static str, String);

/// One export of the current report.
#[derive(Clone, Copy)]
enum Kind {
    FindingsCsv,
    FindingsJson,
    FindingsMarkdown,
    AnnotatedTsv,
    AnnotatedCsv,
    IndicatorsCsv,
}

impl Kind {
    const ALL: [Kind; 6] = [
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
            Kind::IndicatorsCsv => i18n::EXPORT_INDICATORS,
        }
    }

    fn produce(self, state: State, lang: Lang) -> Export {
        let input = state.input.get_untracked();
        state.report.with_untracked(|report| match self {
            Kind::FindingsCsv => (
                "jixiao-findings.csv",
                "text/csv",
                export::findings_csv(&[("", report)], lang),
            ),
            Kind::FindingsJson => ("jixiao-findings.json", "application/json", json(report)),
            Kind::FindingsMarkdown => (
                "jixiao-findings.md",
                "text/markdown",
                export::findings_markdown(report, lang),
            ),
            Kind::AnnotatedTsv => (
                "jixiao-annotated.tsv",
                "text/tab-separated-values",
                export::annotated_table(&input, report, lang, b'\t'),
            ),
            Kind::AnnotatedCsv => (
                "jixiao-annotated.csv",
                "text/csv",
                export::annotated_table(&input, report, lang, b','),
            ),
            Kind::IndicatorsCsv => (
                "jixiao-indicators.csv",
                "text/csv",
                export::indicator_table(report, lang),
            ),
        })
    }
}

/// The CLI's JSON contract, built with serde-wasm-bindgen and JSON.stringify.
fn json(report: &jixiao_lint::Report) -> String {
    #[derive(serde::Serialize)]
    struct Files<'r> {
        files: [FileReport<'r>; 1],
    }
    let files = Files {
        files: [FileReport::new("", report)],
    };
    // Flattened fields serialize as maps: they must become plain objects, or
    // JSON.stringify writes a JS Map as {}.
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    serde::Serialize::serialize(&files, &serializer)
        .ok()
        .and_then(|value| {
            js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &JsValue::NULL,
                &JsValue::from(2),
            )
            .ok()
        })
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Saves text as a file through a temporary object URL.
fn download((name, mime, text): &Export) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
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
fn copy(text: String, status: RwSignal<Option<Message>>) {
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
fn share_link(fragment: &str) -> Option<String> {
    let location = window().location();
    let href = location.href().ok()?;
    let base = href.split('#').next().unwrap_or(&href);
    Some(format!("{base}#{fragment}"))
}

#[component]
pub fn Exports(state: State) -> impl IntoView {
    let status: RwSignal<Option<Message>> = RwSignal::new(None);
    let link: RwSignal<Option<String>> = RwSignal::new(None);

    let share = move |_| match share::encode(&state.input.get_untracked()) {
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
        Err(error) => {
            link.set(None);
            status.set(Some(error.message()));
        }
    };

    let buttons = Kind::ALL
        .into_iter()
        .map(|kind| {
            view! {
                <div class="export">
                    <span class="export-label">{move || state.tr(kind.label())}</span>
                    <button type="button" data-action=format!("export-{}", kind.id()) on:click=move |_| download(&kind.produce(state, state.lang.get_untracked()))>
                        {move || state.tr(i18n::DOWNLOAD)}
                    </button>
                    <button type="button" data-action=format!("copy-{}", kind.id()) on:click=move |_| copy(kind.produce(state, state.lang.get_untracked()).2, status)>
                        {move || state.tr(i18n::COPY)}
                    </button>
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
