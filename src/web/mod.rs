//! The web page (wasm32 only): a Leptos view over the core, which it calls
//! unchanged. State lives in [`State`]; each file is one part of the page and
//! reads the report, never the other way round.

mod breakdowns;
mod i18n;
mod intake;
mod problems;
mod summary;
mod table;

use jixiao_lint::text::{Lang, Message, Text};
use jixiao_lint::{check_text, Config, Report};
use leptos::prelude::*;

/// Where the language choice is remembered.
const LANG_KEY: &str = "jixiao-lang";

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
}

impl State {
    fn new() -> Self {
        let input = RwSignal::new(String::new());
        State {
            input,
            lang: RwSignal::new(stored_lang()),
            report: Memo::new(move |_| input.with(|text| check_text(text, &Config::default()))),
            selected: RwSignal::new(None),
            help: RwSignal::new(None),
            notice: RwSignal::new(None),
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
        self.input.set(text);
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn stored_lang() -> Lang {
    match storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .as_deref()
    {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    }
}

#[component]
pub fn App() -> impl IntoView {
    let state = State::new();
    // Remember the language and tell the browser (screen readers, fonts).
    Effect::new(move |_| {
        let (code, html_lang) = match state.lang.get() {
            Lang::Zh => ("zh", "zh-CN"),
            Lang::En => ("en", "en"),
        };
        if let Some(storage) = storage() {
            let _ = storage.set_item(LANG_KEY, code);
        }
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
