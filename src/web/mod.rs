//! The web page (wasm32 only): a Leptos view over the core, which it calls
//! unchanged. State lives in [`State`]; each file is one part of the page and
//! reads the report, never the other way round.

mod breakdowns;
mod exports;
mod i18n;
mod intake;
mod problems;
mod slices;
mod summary;
mod table;
mod worker;

use jixiao_lint::text::{Lang, Message, Text};
use jixiao_lint::view::{Checked, Overview};
use jixiao_lint::Config;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Where the language choice is remembered.
const LANG_KEY: &str = "jixiao-lang";
/// Where the last input is kept, so that a reload keeps it.
const INPUT_KEY: &str = "jixiao-input";

/// The page's state: the input and what the user chose. The report of a
/// small table is derived from its text, never stored beside it; a large
/// table lives in the worker, and the page holds its overview.
#[derive(Clone, Copy)]
pub(crate) struct State {
    /// The table's text; empty while a large table is in the worker.
    pub input: RwSignal<String>,
    pub lang: RwSignal<Lang>,
    local: Memo<Local>,
    /// A large table: its size in bytes, while the worker holds it.
    pub large: RwSignal<Option<usize>>,
    /// The worker's overview of the large table, once checked.
    remote: RwSignal<Option<Arc<Overview>>>,
    /// How far the worker's check has got (0–1), while it runs.
    pub progress: RwSignal<Option<f64>>,
    /// The slices of rows and problems fetched for the large table.
    pub slices: slices::Slices,
    /// The table view's scroll box, which a jump to a cell scrolls.
    pub table_box: slices::ScrollBox,
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
        let (initial, link_notice) = match jixiao_lint::share::decode(&hash) {
            Ok(Some(text)) => (text, None),
            Ok(None) => (stored(INPUT_KEY).unwrap_or_default(), None),
            // A damaged link must not cost the user the table kept from last time.
            Err(error) => (stored(INPUT_KEY).unwrap_or_default(), Some(error.message())),
        };
        let input = RwSignal::new(String::new());
        let notice = RwSignal::new(None);
        let state = State {
            input,
            lang: RwSignal::new(if stored(LANG_KEY).as_deref() == Some("en") {
                Lang::En
            } else {
                Lang::Zh
            }),
            local: Memo::new(move |_| {
                Local(Arc::new(Checked::new(input.get(), &Config::default())))
            }),
            large: RwSignal::new(None),
            remote: RwSignal::new(None),
            progress: RwSignal::new(None),
            slices: slices::Slices::new(notice),
            table_box: slices::ScrollBox::new(),
            selected: RwSignal::new(None),
            help: RwSignal::new(None),
            notice,
            source: RwSignal::new(None),
        };
        state.load(initial);
        state.notice.set(link_notice);
        state
    }

    /// What the report parts show: the table checked here, or the overview of
    /// the large one in the worker; `None` while the worker checks (reactive).
    pub fn results(&self) -> Option<Results> {
        if self.large.get().is_some() {
            self.remote.get().map(Results::Remote)
        } else {
            Some(Results::Local(self.local.get().0))
        }
    }

    /// The table's text, or `None` for the large table in the worker.
    pub fn text_untracked(&self) -> Option<String> {
        match self.large.get_untracked() {
            Some(_) => None,
            None => Some(self.input.get_untracked()),
        }
    }

    /// Reads the overview shown, if any (reactive).
    pub fn overview<R>(&self, f: impl FnOnce(&Overview) -> R) -> Option<R> {
        self.results().map(|r| f(r.overview()))
    }

    /// A text of the catalog in the current language (reactive).
    pub fn tr(&self, text: Text) -> &'static str {
        text.get(self.lang.get())
    }

    /// Replaces the input: a paste, a file, the sample or the clear button.
    /// A large text goes to the worker.
    pub fn load(&self, text: String) {
        if text.len() > jixiao_lint::view::LARGE_INPUT {
            self.check_large(wasm_bindgen::JsValue::from(text), None);
        } else {
            self.forget();
            self.input.set(text);
        }
    }

    /// Clears what is shown before a new table.
    fn forget(&self) {
        if self.progress.get_untracked().is_some() {
            worker::cancel();
        }
        self.selected.set(None);
        self.notice.set(None);
        self.source.set(None);
        self.large.set(None);
        self.remote.set(None);
        self.progress.set(None);
        self.slices.clear();
    }

    /// Has the worker check a large table (a JS string, or a file's
    /// ArrayBuffer) and shows its progress; a small file comes back as text.
    /// `name` is the file's, for messages.
    pub fn check_large(&self, input: wasm_bindgen::JsValue, name: Option<String>) {
        let state = *self;
        state.forget();
        let bytes = input
            .dyn_ref::<js_sys::ArrayBuffer>()
            .map(|b| b.byte_length() as usize)
            .or_else(|| input.as_string().map(|s| s.len()))
            .unwrap_or_default();
        state.input.set(String::new());
        state.large.set(Some(bytes));
        state.progress.set(Some(0.0));
        let generation = state.slices.generation();
        leptos::task::spawn_local(async move {
            let on_progress = move |done: f64| {
                if state.slices.generation() == generation {
                    state.progress.set(Some(done));
                }
            };
            let read = worker::read(input, on_progress).await;
            // Another table was loaded meanwhile: this answer is stale.
            if state.slices.generation() != generation {
                return;
            }
            state.progress.set(None);
            match read {
                Ok((worker::Read::Large(overview), source)) => {
                    state.remote.set(Some(Arc::from(overview)));
                    state.source.set(source);
                }
                Ok((worker::Read::Text(text), source)) => {
                    state.load(text);
                    state.source.set(source);
                }
                Err(message) => {
                    state.large.set(None);
                    state.notice.set(Some(match &name {
                        Some(name) => Message::new(
                            format!("{name}：{}", message.zh),
                            format!("{name}: {}", message.en),
                        ),
                        None => message,
                    }));
                }
            }
        });
    }
}

/// The report of the table checked on the main thread; a new one is a new
/// table (compared by identity, not by content).
#[derive(Clone)]
struct Local(Arc<Checked>);

impl PartialEq for Local {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What the report parts show.
#[derive(Clone)]
pub(crate) enum Results {
    Local(Arc<Checked>),
    Remote(Arc<Overview>),
}

impl Results {
    pub fn overview(&self) -> &Overview {
        match self {
            Results::Local(checked) => &checked.overview,
            Results::Remote(overview) => overview,
        }
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
    let has_input =
        move || state.large.get().is_some() || state.input.with(|t| !t.trim().is_empty());
    let unreadable = move || has_input() && state.overview(|o| o.layout.is_none()) == Some(true);
    let shown = move || has_input() && state.overview(|o| o.layout.is_some()) == Some(true);

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
                            state.overview(|o| o.unreadable.as_ref().map(|m| m.get(lang).to_owned())).flatten()
                        }}
                    </p>
                </div>
            </Show>
            <intake::Progress state=state />
            <Show when=shown>
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
