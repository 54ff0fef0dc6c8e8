//! The web page (wasm32 only): a Leptos interface over the page's worker,
//! which checks every table (src/web/worker.rs). State lives in [`State`];
//! each file is one part of the page and reads the overview and the slices
//! of the table shown, never the other way round.

mod batch;
mod breakdowns;
mod compare;
mod exports;
mod i18n;
mod intake;
mod mapping;
mod problems;
mod settings;
mod slices;
mod summary;
mod table;
mod worker;

use jixiao_lint::text::{Lang, Message, Text};
use jixiao_lint::view::{self, Overview, LARGE_INPUT};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// Where the language choice is remembered.
const LANG_KEY: &str = "jixiao-lang";
/// Where the last input is kept, so that a reload keeps it.
const INPUT_KEY: &str = "jixiao-input";
/// Where the profile (house rules, jixiao.toml's text) is kept; none for the defaults.
const PROFILE_KEY: &str = "jixiao-profile";

/// The page's state: the input, what the user chose, and the overview of the
/// table shown (the worker keeps the rest and sends slices on demand).
#[derive(Clone, Copy)]
pub(crate) struct State {
    /// The table's text as the paste area shows it; empty for a large table.
    pub input: RwSignal<String>,
    pub lang: RwSignal<Lang>,
    /// The size in bytes of a table too large for the paste area.
    pub large: RwSignal<Option<usize>>,
    /// The checked table's overview; `None` while there is none or it is checked.
    overview: RwSignal<Option<Arc<Overview>>>,
    /// `overview` once the frame that shows the summary and the first
    /// problems is on the screen: for a first report (none on show before)
    /// the rest of a long problem list, the charts and the table's rows,
    /// below them, are drawn then, in a task of their own. Drawn with the
    /// rest, they made that task twice as long (the seed's first paste, a
    /// large table's longest task: README "Hosting"). A report that
    /// replaces one on show is drawn whole at once (`show_overview`).
    drawn: RwSignal<Option<Arc<Overview>>>,
    /// Whether `drawn` is the overview on show.
    whole: Memo<bool>,
    /// How far the check of a large table has got (per cent), while it runs.
    pub progress: RwSignal<Option<u32>>,
    /// The slices of rows and problems of the table shown.
    pub slices: slices::Slices,
    /// Counts the checks asked for: only the latest one's answer is shown.
    checks: StoredValue<u32>,
    /// The table view's scroll box, which a jump to a cell scrolls.
    pub table_box: slices::ScrollBox,
    /// The cell (`B11`) the user jumped to from a problem.
    pub selected: RwSignal<Option<String>>,
    /// The rule whose help is open.
    pub help: RwSignal<Option<String>>,
    /// Why the last file could not be read.
    pub notice: RwSignal<Option<Message>>,
    /// How the file on show was read (encoding or workbook sheet); none for a paste.
    pub source: RwSignal<Option<Message>>,
    /// The table on show came from a share link, and the different table
    /// kept in this browser was left as it was (until the user loads one).
    pub link_kept_stored: RwSignal<bool>,
    /// The comparison with an earlier version, if one was given.
    pub compare: compare::CompareState,
    /// The batch of files checked at once, if any.
    pub batch: batch::BatchState,
    /// The profile in force: jixiao.toml's text, empty for the defaults. The
    /// worker reads it (the page carries no TOML parser).
    pub profile: RwSignal<String>,
    /// The page was opened from a share link: its report is what the reader
    /// came for, so the summary comes before the paste area.
    pub opened_from_link: RwSignal<bool>,
}

impl State {
    fn new() -> Self {
        let hash = window().location().hash().unwrap_or_default();
        let state = State::blank();
        // Ready before the first table arrives.
        worker::warm_up();
        worker::on_rehearsal(move |first| state.rehearse(first));
        if hash.len() > 1 {
            leptos::task::spawn_local(async move { state.open_link(&hash).await });
        } else {
            state.show(stored(INPUT_KEY).unwrap_or_default());
        }
        state
    }

    /// A state with nothing shown yet, in the language chosen last time.
    fn blank() -> Self {
        let notice = RwSignal::new(None);
        let (overview, drawn) = (RwSignal::new(None), RwSignal::new(None));
        let whole = Memo::new(move |_| {
            overview.with(|shown: &Option<Arc<Overview>>| {
                drawn.with(|drawn: &Option<Arc<Overview>>| match (shown, drawn) {
                    (Some(shown), Some(drawn)) => Arc::ptr_eq(shown, drawn),
                    _ => false,
                })
            })
        });
        State {
            input: RwSignal::new(String::new()),
            lang: RwSignal::new(if stored(LANG_KEY).as_deref() == Some("en") {
                Lang::En
            } else {
                Lang::Zh
            }),
            large: RwSignal::new(None),
            overview,
            drawn,
            whole,
            progress: RwSignal::new(None),
            slices: slices::Slices::new(notice),
            checks: StoredValue::new(0),
            table_box: slices::ScrollBox::new(),
            selected: RwSignal::new(None),
            help: RwSignal::new(None),
            notice,
            source: RwSignal::new(None),
            link_kept_stored: RwSignal::new(false),
            compare: compare::CompareState::new(),
            batch: batch::BatchState::new(),
            profile: RwSignal::new(stored(PROFILE_KEY).unwrap_or_default()),
            opened_from_link: RwSignal::new(false),
        }
    }

    /// Whether a table was given: pasted text, or a large table kept apart
    /// from the paste area (reactive).
    fn has_input(&self) -> bool {
        self.large.get().is_some() || self.input.with(|t| !t.trim().is_empty())
    }

    /// Whether the page still waits for its first table: nothing given,
    /// nothing on show.
    fn waits(&self) -> bool {
        untrack(|| !self.has_input()) && self.overview.with_untracked(Option::is_none)
    }

    /// Draws the sample's report (which the worker sends once it is warm)
    /// off the page, and drops it, while the page still waits for its
    /// first table: the user's first report then runs code already compiled
    /// and optimised, as the worker's warm-up does for the check. A fresh
    /// page's first paste of the seed took 80 ms against 25 ms for the next
    /// one (README "Hosting"). Nothing of it reaches the document: its
    /// elements are never attached, its state is its own. One part of the
    /// report per task (`rehearsed_part`): drawn whole at once, cold, it
    /// took 110–215 ms, which a paste just then would have waited for.
    fn rehearse(&self, first: view::First) {
        let owner = Owner::new();
        let stand_in = owner.with(|| {
            let stand_in = State::blank();
            stand_in.lang.set(self.lang.get_untracked());
            stand_in.slices.fill(first.rows, first.problems);
            let overview = Some(Arc::new(first.overview));
            stand_in.drawn.set(overview.clone());
            stand_in.overview.set(overview);
            stand_in
        });
        self.rehearse_from(stand_in, owner, 0, 0);
    }

    /// Draws part `part` of the rehearsal and the rest in later tasks, unless
    /// a table came meanwhile; `problems` counts the problems drawn so far.
    fn rehearse_from(self, stand_in: State, owner: Owner, part: usize, problems: u32) {
        if !self.waits() {
            return;
        }
        let Some(draw) = rehearsed_part(part) else {
            // A hook for the browser tests: the rehearsal is over, and drew that many.
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-rehearsed", &problems.to_string());
            }
            // With it go the stand-in's signals (an early return drops it too).
            return drop(owner);
        };
        let Some(stage) = document()
            .create_element("div")
            .ok()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let drawn = leptos::mount::mount_to(stage.clone(), move || draw(stand_in));
        let problems = problems
            + stage
                .query_selector_all("[data-problem]")
                .map_or(0, |found| found.length());
        drop(drawn);
        set_timeout(
            move || self.rehearse_from(stand_in, owner, part + 1, problems),
            std::time::Duration::ZERO,
        );
    }

    /// Shows a shared link's table instead of the input kept from last time,
    /// but never replaces it: that is the user's to say, by loading a table.
    /// A link with both versions shows the revision compared with the
    /// earlier one. The link's profile is in force too (whoever opens it
    /// checks with the same house rules), and like its table it replaces
    /// nothing kept here; a change in the settings panel makes it the user's
    /// own. A damaged link must not cost the user the table kept.
    /// A table the user gave while the worker read the link wins: the
    /// link's answer then changes nothing.
    async fn open_link(self, fragment: &str) {
        let ticket = self.checks.get_value();
        let answer = worker::open_link(fragment).await;
        if self.checks.get_value() != ticket {
            return;
        }
        let kept = stored(INPUT_KEY).unwrap_or_default();
        match answer {
            Ok(Some(link)) => {
                self.opened_from_link.set(true);
                if let Some(profile) = link.profile {
                    self.profile.set(profile);
                }
                self.link_kept_stored
                    .set(!kept.trim().is_empty() && kept != link.text);
                if let Some(earlier) = link.earlier {
                    compare::earlier_from_link(self, earlier);
                }
                self.show(link.text);
            }
            Ok(None) => self.show(kept),
            Err(error) => {
                self.show(kept);
                self.notice.set(Some(error));
            }
        }
    }

    /// A text of the catalog in the current language (reactive).
    pub fn tr(&self, text: Text) -> &'static str {
        text.get(self.lang.get())
    }

    /// Reads the overview of the table shown, if any (reactive).
    pub fn overview<R>(&self, f: impl FnOnce(&Overview) -> R) -> Option<R> {
        self.overview.with(|o| o.as_deref().map(f))
    }

    /// Whether the whole report on show is drawn (see `drawn`; reactive).
    pub fn is_drawn(&self) -> bool {
        self.whole.get()
    }

    /// Puts a checked table's report on show: a first report draws its lower
    /// part a frame later (see `drawn`), one that replaces a report on show
    /// (an edit, a profile changed) is drawn whole at once, so that the page
    /// neither flickers nor loses its scroll position.
    fn show_overview(&self, overview: Overview) {
        let overview = Some(Arc::new(overview));
        if self.overview.with_untracked(Option::is_some) {
            self.drawn.set(overview.clone());
        }
        self.overview.set(overview);
    }

    /// Replaces the input with the user's own: a paste, an edit, the sample
    /// or the clear button. It is kept in this browser (a large table is
    /// neither kept nor erases the one kept), and replaces a shared link's
    /// table, whose link leaves the address bar.
    pub fn load(&self, text: String) {
        self.take_over(&text);
        self.show(text);
    }

    /// The user's table from now on: kept, and the link's fragment gone.
    fn take_over(&self, text: &str) {
        self.link_kept_stored.set(false);
        if text.len() <= LARGE_INPUT {
            store(INPUT_KEY, text);
        }
        let location = window().location();
        if !location.hash().unwrap_or_default().is_empty() {
            let href = location.href().unwrap_or_default();
            let base = href.split('#').next().unwrap_or_default();
            let _ = window()
                .history()
                .and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(base)));
        }
    }

    /// Opens the table kept in this browser instead of the link's.
    pub fn open_kept(&self) {
        self.load(stored(INPUT_KEY).unwrap_or_default());
    }

    /// Shows a table: checks it, or clears the report when it is empty.
    fn show(&self, text: String) {
        if text.len() > LARGE_INPUT {
            return self.check(JsValue::from(text), None);
        }
        let empty = text.trim().is_empty();
        let js = JsValue::from_str(&text);
        self.input.set(text);
        self.source.set(None);
        if empty {
            self.forget();
        } else {
            self.check(js, None);
        }
    }

    /// Clears what is shown, and forgets any check under way.
    fn forget(&self) {
        if self.progress.get_untracked().is_some() {
            worker::cancel();
        }
        self.checks.update_value(|n| *n += 1);
        self.selected.set(None);
        self.notice.set(None);
        self.source.set(None);
        self.large.set(None);
        self.overview.set(None);
        self.progress.set(None);
        self.slices.clear();
    }

    /// Has the worker check a table: its text (a JS string), a file's bytes
    /// (an ArrayBuffer) or a large paste's `{plain, html}`, the last two read
    /// by the worker. The report on show stays until the new one replaces it,
    /// so an edit does not flicker. A large table shows its progress and is
    /// not put in the paste area. `name` is the file's, for messages.
    pub fn check(&self, input: JsValue, name: Option<String>) {
        let state = *self;
        // The worker reads what is not text yet, and says what it read.
        let reads = !input.is_string();
        let bytes = input
            .dyn_ref::<js_sys::ArrayBuffer>()
            .map(|b| b.byte_length() as usize)
            .or_else(|| input.as_string().map(|s| s.len()))
            .or_else(|| {
                let plain = js_sys::Reflect::get(&input, &"plain".into()).ok()?;
                plain
                    .dyn_ref::<js_sys::JsString>()
                    .map(|s| s.length() as usize * 2)
            });
        let large = bytes.filter(|b| *b > LARGE_INPUT).is_some();
        if large {
            state.forget();
            state.input.set(String::new());
            state.large.set(bytes);
            state.progress.set(Some(0));
        }
        state.notice.set(None);
        state.checks.update_value(|n| *n += 1);
        let ticket = state.checks.get_value();
        let current = move || state.checks.get_value() == ticket;
        let stops = worker::stops();
        let profile = state.profile.get_untracked();
        leptos::task::spawn_local(async move {
            let on_progress = move |done: f64| {
                if current() && large {
                    state.progress.set(Some((done * 100.0) as u32));
                }
            };
            let checked = worker::check(input, &profile, on_progress).await;
            // Another table was loaded meanwhile: this answer is stale.
            if !current() {
                return;
            }
            state.progress.set(None);
            match checked {
                Ok(worker::Checked {
                    first,
                    source,
                    profile_error,
                }) => {
                    let view::First {
                        overview,
                        rows,
                        problems,
                        text,
                    } = first;
                    let large = text.is_none() && reads || large;
                    if reads {
                        let text = text.unwrap_or_default();
                        // A file the user picked or dropped is theirs.
                        if name.is_some() && !large {
                            state.take_over(&text);
                        }
                        state.input.set(text);
                    }
                    state.large.set(if large { bytes } else { None });
                    state.selected.set(None);
                    state.slices.clear();
                    state.slices.fill(rows, problems);
                    state.show_overview(overview);
                    state.source.set(source);
                    compare::on_checked(state);
                    // Set only when there is one: a damaged link's notice stays.
                    if profile_error.is_some() {
                        state.notice.set(profile_error);
                    }
                }
                Err(message) => {
                    let message = match &name {
                        Some(name) => Message::new(
                            format!("{name}：{}", message.zh),
                            format!("{name}: {}", message.en),
                        ),
                        None => message,
                    };
                    let died = worker::stops() != stops;
                    let message = if died && !reads {
                        // The worker died checking this very text: never check
                        // it again (that would loop), and show no report of
                        // another table beside it.
                        state.forget();
                        Message::new(i18n::WORKER_DIED.zh, i18n::WORKER_DIED.en)
                    } else {
                        if large {
                            state.forget();
                        } else if died {
                            // The worker died reading a file (a reader's panic)
                            // with the table on show: the new one checks that
                            // table again.
                            state.restore();
                        }
                        message
                    };
                    // Otherwise the worker still keeps the table on show.
                    state.notice.set(Some(message));
                }
            }
        });
    }

    /// Puts a profile in force (the settings panel): kept in the browser,
    /// and the table on show checked again with it.
    pub fn set_profile(&self, profile: String) {
        if self.profile.get_untracked() == profile {
            return;
        }
        store(PROFILE_KEY, &profile);
        self.profile.set(profile);
        self.recheck();
    }

    /// Has the worker check the table it keeps again (the profile changed).
    fn recheck(&self) {
        let state = *self;
        if state.overview.with_untracked(Option::is_none) {
            return;
        }
        state.checks.update_value(|n| *n += 1);
        let ticket = state.checks.get_value();
        let current = move || state.checks.get_value() == ticket;
        let large = state.large.get_untracked().is_some();
        if large {
            state.progress.set(Some(0));
        }
        let profile = state.profile.get_untracked();
        leptos::task::spawn_local(async move {
            let on_progress = move |done: f64| {
                if current() && large {
                    state.progress.set(Some((done * 100.0) as u32));
                }
            };
            let checked = worker::recheck(&profile, on_progress).await;
            if !current() {
                return;
            }
            state.progress.set(None);
            match checked {
                Ok(checked) => {
                    let view::First {
                        overview,
                        rows,
                        problems,
                        ..
                    } = checked.first;
                    state.selected.set(None);
                    state.slices.clear();
                    state.slices.fill(rows, problems);
                    state.show_overview(overview);
                    if checked.profile_error.is_some() {
                        state.notice.set(checked.profile_error);
                    }
                }
                // The worker no longer keeps it (it was restarted): the page's
                // own text is checked again, if it has it.
                Err(_) => state.restore(),
            }
        });
    }

    /// Has the (perhaps restarted) worker check the table on show again.
    fn restore(&self) {
        let text = self.input.get_untracked();
        if self.overview.with_untracked(Option::is_some) && !text.trim().is_empty() {
            self.check(JsValue::from(text), None);
        } else {
            self.forget();
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

/// Whether the viewport is laid out as a phone's (style.css's breakpoint).
pub(crate) fn phone() -> bool {
    window()
        .match_media("(max-width: 40rem)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Lets the page open with no network after the first visit (see www/sw.js).
fn register_service_worker() {
    let navigator = window().navigator();
    // Absent on pages served over plain http from another host.
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        let _ = navigator.service_worker().register("./sw.js");
    }
}

/// `on:contentvisibilityautostatechange` of a `.lazy` section (style.css):
/// once the browser has shown it, it is an ordinary section.
fn laid_out(event: web_sys::Event) {
    let shown = js_sys::Reflect::get(&event, &"skipped".into())
        .ok()
        .and_then(|skipped| skipped.as_bool())
        == Some(false);
    let section = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    if let (true, Some(section)) = (shown, section) {
        let _ = section.class_list().remove_1("lazy");
    }
}

/// Runs `f` in a task of its own after the browser's next frame.
fn after_next_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// Lays every `.lazy` section out now: a jump to a cell must land where the
/// cell is once the sections above it are drawn, not where their estimated
/// height would put it.
fn lay_out_all() {
    let Ok(lazy) = document().query_selector_all(".lazy") else {
        return;
    };
    for i in 0..lazy.length() {
        if let Some(section) = lazy
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let _ = section.class_list().remove_1("lazy");
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let state = State::new();
    register_service_worker();
    Effect::new(move |_| {
        let overview = state.overview.get();
        after_next_frame(move || {
            state.drawn.try_set(overview);
        });
    });
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
    let has_input = move || state.has_input();
    let unreadable = move || has_input() && state.overview(|o| o.layout.is_none()) == Some(true);
    let shown = move || has_input() && state.overview(|o| o.layout.is_some()) == Some(true);
    // A shared link's reader (often on a phone, from a chat app) sees the
    // verdict first; whoever pastes a table sees the paste area first.
    let link_first = state.opened_from_link;
    let summary = move |first: bool| {
        let here = move || shown() && link_first.get() == first;
        view! { <Show when=here><summary::Summary state=state /></Show> }
    };

    view! {
        // `data-drawn`: the whole report is drawn (a hook for the browser tests).
        <main data-drawn=move || state.is_drawn().then_some("")>
            <header class="page-header">
                <div>
                    <h1>{move || state.tr(i18n::TITLE)}</h1>
                    <p class="muted">{move || state.tr(i18n::TAGLINE)}</p>
                </div>
                <button type="button" class="lang" data-action="lang" on:click=toggle_lang>
                    {move || state.tr(i18n::LANG_TOGGLE)}
                </button>
            </header>
            {summary(true)}
            <intake::Intake state=state />
            <batch::Batch state=state />
            <settings::Settings state=state />
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
                    // How a file was read is often the clue (an encoding guessed wrong).
                    {move || state.source.get().map(|source| {
                        view! { <p class="muted" data-summary="source">{source.get(state.lang.get()).to_owned()}</p> }
                    })}
                    <mapping::Mapping state=state />
                </div>
            </Show>
            <intake::Progress state=state />
            {summary(false)}
            <Show when=shown>
                <compare::Compare state=state />
                <problems::Problems state=state />
                <exports::Exports state=state />
                <breakdowns::Breakdowns state=state />
                <table::Table state=state />
            </Show>
            <problems::HelpPanel state=state />
        </main>
    }
}

/// The parts of a report that `State::rehearse` draws, one per task: every
/// part of the report App shows, each about as long as a first report's
/// first task.
fn rehearsed_part(part: usize) -> Option<fn(State) -> AnyView> {
    Some(match part {
        0 => |state| {
            view! { <summary::Summary state=state /> <problems::Problems state=state /> }.into_any()
        },
        1 => |state| view! { <breakdowns::Breakdowns state=state /> }.into_any(),
        2 => |state| {
            view! {
                <compare::Compare state=state />
                <exports::Exports state=state />
                <table::Table state=state />
            }
            .into_any()
        },
        _ => return None,
    })
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
