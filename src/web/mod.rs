//! The web page (wasm32 only): a Leptos view over the core, which it calls
//! unchanged. State lives in [`State`]; each file is one part of the page and
//! reads the report, never the other way round.

mod breakdowns;
mod exports;
mod i18n;
mod intake;
mod problems;
mod summary;
mod table;
mod worker;

use jixiao_lint::text::{Lang, Message, Text};
use jixiao_lint::{check_text, Config, Report};
use leptos::prelude::*;

/// Where the language choice is remembered.
const LANG_KEY: &str = "jixiao-lang";
/// Where the last input is kept, so that a reload keeps it.
const INPUT_KEY: &str = "jixiao-input";

/// The page's state: the input text and what the user chose. The report is
/// derived from the text, never stored beside it.
#[derive(Clone, Copy)]
pub(crate) struct State {
    pub input: RwSignal<String>,
    pub lang: RwSignal<Lang>,
    pub report: Memo<Report>,
    /// The cell (`B11`) the user jumped to from a problem.
    pub selected: RwSignal<Option<String>>,
    /// The rule whose help is open.
    pub help: RwSignal<Option<&'static str>>,
    /// Why the last file could not be read.
    pub notice: RwSignal<Option<Message>>,
    /// How the file on show was read (encoding or workbook sheet); none for a paste.
    pub source: RwSignal<Option<Message>>,
}

impl State {
    fn new() -> Self {
        // A shared link wins over the input kept from last time.
        let hash = window().location().hash().unwrap_or_default();
        let (initial, notice) = match jixiao_lint::share::decode(&hash) {
            Ok(Some(text)) => (text, None),
            Ok(None) => (stored(INPUT_KEY).unwrap_or_default(), None),
            // A damaged link must not cost the user the table kept from last time.
            Err(error) => (stored(INPUT_KEY).unwrap_or_default(), Some(error.message())),
        };
        let input = RwSignal::new(initial);
        State {
            input,
            lang: RwSignal::new(if stored(LANG_KEY).as_deref() == Some("en") {
                Lang::En
            } else {
                Lang::Zh
            }),
            report: Memo::new(move |_| input.with(|text| check_text(text, &Config::default()))),
            selected: RwSignal::new(None),
            help: RwSignal::new(None),
            notice: RwSignal::new(notice),
            source: RwSignal::new(None),
        }
    }

    /// A text of the catalog in the current language (reactive).
    pub fn tr(&self, text: Text) -> &'static str {
        text.get(self.lang.get())
    }

    /// Replaces the input: a paste, a file, the sample or the clear button.
    pub fn load(&self, text: String) {
        self.selected.set(None);
        self.notice.set(None);
        self.source.set(None);
        self.input.set(text);
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn stored(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Keeps `value` under `key`, or forgets the key when `value` is empty. A
/// table too large for the browser's quota is simply not kept.
fn store(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = if value.is_empty() {
            storage.remove_item(key)
        } else {
            storage.set_item(key, value)
        };
    }
}

/// Lets the page open with no network after the first visit (see www/sw.js).
fn register_service_worker() {
    let navigator = window().navigator();
    // Absent on pages served over plain http from another host.
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        let _ = navigator.service_worker().register("./sw.js");
    }
}

#[component]
pub fn App() -> impl IntoView {
    let state = State::new();
    register_service_worker();
    Effect::new(move |_| state.input.with(|text| store(INPUT_KEY, text)));
    // Remember the language and tell the browser (screen readers, fonts).
    Effect::new(move |_| {
        let (code, html_lang) = match state.lang.get() {
            Lang::Zh => ("zh", "zh-CN"),
            Lang::En => ("en", "en"),
        };
        store(LANG_KEY, code);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", html_lang);
        }
        document().set_title(&format!("{} · jixiao-lint", state.tr(i18n::TITLE)));
    });
    let toggle_lang = move |_| {
        state
            .lang
            .update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh })
    };
    let has_input = move || state.input.with(|t| !t.trim().is_empty());
    let unreadable = move || has_input() && state.report.with(|r| r.layout.is_none());

    view! {
        <main>
            <header class="page-header">
                <div>
                    <h1>{move || state.tr(i18n::TITLE)}</h1>
                    <p class="muted">{move || state.tr(i18n::TAGLINE)}</p>
                </div>
                <button type="button" class="lang" data-action="lang" on:click=toggle_lang>
                    {move || state.tr(i18n::LANG_TOGGLE)}
                </button>
            </header>
            <intake::Intake state=state />
            <Show when=move || !has_input()>
                <p class="state" data-state="empty">{move || state.tr(i18n::EMPTY_STATE)}</p>
            </Show>
            <Show when=unreadable>
                <div class="state unreadable" data-state="unreadable" role="alert">
                    <strong>{move || state.tr(i18n::UNREADABLE)}</strong>
                    <p>
                        {move || {
                            let lang = state.lang.get();
                            state.report.with(|r| r.diagnostics.first().map(|d| d.message.get(lang).to_owned()))
                        }}
                    </p>
                </div>
            </Show>
            <Show when=move || has_input() && !unreadable()>
                <summary::Summary state=state />
                <problems::Problems state=state />
                <exports::Exports state=state />
                <breakdowns::Breakdowns state=state />
                <table::Table state=state />
            </Show>
            <problems::HelpPanel state=state />
        </main>
    }
}

/// Puts a message on the page after a panic (plain text, in both languages,
/// outside the Leptos tree that may be broken).
pub fn show_fatal() {
    let document = document();
    if document.get_element_by_id("fatal").is_some() {
        return;
    }
    if let (Ok(banner), Some(body)) = (document.create_element("div"), document.body()) {
        banner.set_id("fatal");
        let _ = banner.set_attribute("role", "alert");
        banner.set_text_content(Some(&format!("{} {}", i18n::FATAL.zh, i18n::FATAL.en)));
        let _ = body.prepend_with_node_1(&banner);
    }
}
