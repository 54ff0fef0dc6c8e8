//! The page's worker (src/worker.rs), started with the page and restarted if
//! it dies or a check is cancelled. It does all the work: reading files,
//! checking, the rules' help, exports and the share link; the page's own wasm
//! is only the interface, so it loads fast and never freezes. The worker keeps
//! the table checked last and answers for the slices the page shows, in the
//! order it is asked; a large check also reports its progress.
//!
//! The page starts the check worker, the small build; when it answers that a
//! request needs the file worker (a workbook or a legacy encoding, the
//! annotated workbook, a batch), the page moves to the file worker for good,
//! carrying the table kept and the earlier version over, and asks again.
//! The check worker answers what it was asked before the move, then ends.

use jixiao_lint::text::{Lang, Message};
use jixiao_lint::view::{First, HeadRow, Problem, ProfileView, RuleHelp, TableRow};
use js_sys::{Array, Function, Promise, Reflect};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The two builds of the worker (see src/worker.rs).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Build {
    Check,
    File,
}

impl Build {
    /// Trunk's loader for the worker (data-loader-shim in www/index.html),
    /// relative so that the page works under any sub-path.
    fn url(self) -> &'static str {
        match self {
            Build::Check => "./jixiao-check-worker_loader.js",
            Build::File => "./jixiao-file-worker_loader.js",
        }
    }
}

/// Whom to tell a request's answer: (resolve, reject), or nobody for what the
/// page sends on its own (the table carried over to the file worker).
type Answer = Option<(Function, Function)>;

/// Told how far a check has got (0–1).
type OnProgress = Rc<dyn Fn(f64)>;

/// Draws the sample's report (see `on_rehearsal`).
type OnRehearsal = Box<dyn FnOnce(First)>;

struct Worker {
    build: Build,
    worker: web_sys::Worker,
    ready: bool,
    /// The file worker while the check worker has not yet handed the table
    /// over: requests wait in `unsent`, behind the table.
    held: bool,
    /// Requests not sent yet (message, transfer, answer): made before the
    /// worker said it was ready, or while it is held.
    unsent: Vec<(JsValue, bool, Answer)>,
    /// Whom to tell the answer of each request sent, oldest first.
    waiting: VecDeque<Answer>,
    on_progress: Option<OnProgress>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Worker {
    fn send(&mut self, message: JsValue, transfer: bool, answer: Answer) {
        if self.ready && !self.held {
            self.waiting.push_back(answer);
            post(&self.worker, &message, transfer);
        } else {
            self.unsent.push((message, transfer, answer));
        }
    }

    fn flush(&mut self) {
        if self.ready && !self.held {
            for (message, transfer, answer) in std::mem::take(&mut self.unsent) {
                self.send(message, transfer, answer);
            }
        }
    }

    fn end(self, reason: &JsValue) {
        // Detached first: an event the ended worker had already queued must
        // not reach the closures dropped with it.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
        let unsent = self.unsent.into_iter().map(|(_, _, answer)| answer);
        for (_, reject) in self.waiting.into_iter().chain(unsent).flatten() {
            let _ = reject.call1(&JsValue::NULL, reason);
        }
    }
}

thread_local! {
    /// The worker requests go to.
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// The check worker after the move to the file worker, until it has
    /// answered what it was asked before.
    static LEAVING: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// How many times a worker was ended (it died, or a check was cancelled).
    static STOPS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// Who draws the sample's report that a warm worker sends (once).
    static ON_REHEARSAL: RefCell<Option<OnRehearsal>> = const { RefCell::new(None) };
}

/// Has `f` draw the sample's report, which the check worker sends on its own
/// once its warm-up is over (src/worker.rs); once, and not if it is malformed.
pub fn on_rehearsal(f: impl FnOnce(First) + 'static) {
    ON_REHEARSAL.set(Some(Box::new(f)));
}

/// Changes whenever a worker is ended, and with it the table it kept.
pub fn stops() -> u32 {
    STOPS.get()
}

fn post(worker: &web_sys::Worker, message: &JsValue, transfer: bool) {
    // A file's bytes are transferred, not copied: the page has no further use
    // for them. They are the message's `file` (with the profile).
    let _ = if transfer {
        let bytes = Reflect::get(message, &"file".into()).unwrap_or(JsValue::UNDEFINED);
        worker.post_message_with_transfer(message, &Array::of1(&bytes))
    } else {
        worker.post_message(message)
    };
}

/// Runs `f` on the worker of build `build`: the one requests go to, or the
/// check worker leaving.
fn with_worker(build: Build, f: impl FnOnce(&mut Worker)) {
    WORKER.with_borrow_mut(|slot| match slot {
        Some(w) if w.build == build => f(w),
        _ => LEAVING.with_borrow_mut(|slot| {
            if let Some(w) = slot.as_mut().filter(|w| w.build == build) {
                f(w);
                if w.waiting.is_empty() {
                    if let Some(w) = slot.take() {
                        w.end(&JsValue::NULL);
                    }
                }
            }
        }),
    });
}

fn start(build: Build) -> Result<Worker, JsValue> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(build.url(), &options)?;
    let on_message = Closure::<dyn FnMut(_)>::new(move |event: web_sys::MessageEvent| {
        let data = event.data();
        if Reflect::get(&data, &"rehearsal".into()).is_ok_and(|v| v.is_truthy()) {
            if let (Some(rehearse), Ok(first)) = (ON_REHEARSAL.take(), decode(&data)) {
                rehearse(first);
            }
            return;
        }
        let mut answer = None;
        with_worker(build, |w| {
            if let Some(done) = Reflect::get(&data, &"progress".into())
                .ok()
                .and_then(|v| v.as_f64())
            {
                if let Some(on_progress) = &w.on_progress {
                    on_progress(done);
                }
            } else if Reflect::get(&data, &"ready".into()).is_ok_and(|v| v.is_truthy()) {
                w.ready = true;
                w.flush();
            } else {
                answer = w.waiting.pop_front().flatten();
            }
        });
        // Called outside the borrow: a request made while the answer is read
        // must find the worker.
        if let Some((resolve, _)) = answer {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
    // The worker could not be loaded (offline before it was ever cached)
    // or it crashed: every file in flight fails, the next one starts anew.
    let on_error = Closure::<dyn FnMut(_)>::new(|event: web_sys::Event| {
        event.prevent_default();
        stop(JsValue::NULL);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Worker {
        build,
        worker,
        ready: false,
        held: false,
        unsent: Vec::new(),
        waiting: VecDeque::new(),
        on_progress: None,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Ends the workers: every request in flight fails with `reason`, the next
/// one starts a new check worker. Large tables they kept are gone with them.
fn stop(reason: JsValue) {
    STOPS.set(STOPS.get() + 1);
    for slot in [&WORKER, &LEAVING] {
        if let Some(w) = slot.with_borrow_mut(Option::take) {
            w.end(&reason);
        }
    }
}

/// Moves from the check worker to the file worker, for good: the check
/// worker is asked for its table, profile and earlier version, which the
/// file worker checks before any request that follows; the check worker ends
/// once it has answered what it was asked before. At once, with no await,
/// so that no request can come between.
fn move_to_file_worker() -> Result<(), JsValue> {
    let leaving = WORKER.with_borrow_mut(|slot| -> Result<_, JsValue> {
        if slot.as_ref().is_some_and(|w| w.build == Build::File) {
            // Already there (another request moved first): its handover, if
            // still on its way, releases the file worker.
            return Ok(None);
        }
        let mut file = start(Build::File)?;
        file.held = true;
        Ok(Some(slot.replace(file)))
    })?;
    let mut leaving = match leaving {
        Some(Some(check_worker)) => check_worker,
        // No check worker to carry a table from.
        Some(None) => {
            release(&JsValue::NULL);
            return Ok(());
        }
        None => return Ok(()),
    };
    let handed = Closure::once_into_js(|data: JsValue| release(&data));
    let failed = Closure::once_into_js(|_: JsValue| release(&JsValue::NULL));
    leaving.send(
        request(&[("handover", "")]),
        false,
        Some((handed.unchecked_into(), failed.unchecked_into())),
    );
    LEAVING.with_borrow_mut(|slot| {
        if let Some(earlier) = slot.replace(leaving) {
            earlier.end(&JsValue::NULL);
        }
    });
    Ok(())
}

/// Lets the held file worker go on, with the table the check worker handed
/// over (`{text, profile, earlier}`) checked first.
fn release(handover: &JsValue) {
    let text = Reflect::get(handover, &"text".into())
        .ok()
        .filter(JsValue::is_string);
    let earlier = Reflect::get(handover, &"earlier".into())
        .ok()
        .filter(JsValue::is_string);
    let profile = Reflect::get(handover, &"profile".into()).unwrap_or(JsValue::UNDEFINED);
    WORKER.with_borrow_mut(|slot| {
        let Some(w) = slot.as_mut().filter(|w| w.build == Build::File && w.held) else {
            return;
        };
        let mut first = Vec::new();
        if let Some(text) = text {
            let check = js_sys::Object::new();
            let _ = Reflect::set(&check, &"check".into(), &text);
            let _ = Reflect::set(&check, &"profile".into(), &profile);
            let _ = Reflect::set(&check, &"restored".into(), &true.into());
            first.push((check.into(), false, None));
        }
        if let Some(earlier) = earlier {
            let keep = js_sys::Object::new();
            let _ = Reflect::set(&keep, &"earlier_text".into(), &earlier);
            first.push((keep.into(), false, None));
        }
        first.append(&mut w.unsent);
        w.unsent = first;
        w.held = false;
        w.flush();
    });
}

/// Stops a check under way (the cancel button): a worker busy in wasm reads
/// no message, so it is ended.
pub fn cancel() {
    stop(JsValue::from_str(CANCELLED));
}

const CANCELLED: &str = "cancelled";

pub(super) fn field(data: &JsValue, key: &str) -> String {
    Reflect::get(data, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Sends one request and waits for its answer; `Err` when the worker could
/// not be loaded or died.
pub(super) async fn ask(message: JsValue, transfer: bool) -> Result<JsValue, Message> {
    ask_with(message, transfer, None).await
}

/// Sends one request to the worker requests go to (started if there is
/// none) and waits for its answer, whatever it says.
async fn send(
    message: &JsValue,
    transfer: bool,
    on_progress: Option<OnProgress>,
) -> Result<JsValue, JsValue> {
    let mut started = Ok(());
    let promise = Promise::new(&mut |resolve, reject| {
        WORKER.with_borrow_mut(|slot| {
            if slot.is_none() {
                match start(Build::Check) {
                    Ok(w) => *slot = Some(w),
                    Err(e) => {
                        started = Err(e);
                        return;
                    }
                }
            }
            let Some(w) = slot.as_mut() else { return };
            if let Some(on_progress) = on_progress.clone() {
                w.on_progress = Some(on_progress);
            }
            w.send(message.clone(), transfer, Some((resolve, reject)));
        })
    });
    started?;
    wasm_bindgen_futures::JsFuture::from(promise).await
}

/// [`ask`], with whom to tell the progress of a check. A request the check
/// worker leaves to the file worker is asked again there, with the file's
/// bytes it gave back.
async fn ask_with(
    message: JsValue,
    transfer: bool,
    on_progress: Option<OnProgress>,
) -> Result<JsValue, Message> {
    let failed = |reason: JsValue| {
        if reason.as_string().as_deref() == Some(CANCELLED) {
            Message::new("检查已取消。", "The check was cancelled.")
        } else {
            Message::new(
                "无法完成：页面的后台组件（检查、读取文件、导出、分享）未能加载或出错。",
                "Not done: the page's worker (checks, files, exports, sharing) could not be loaded or failed.",
            )
        }
    };
    let mut data = send(&message, transfer, on_progress.clone())
        .await
        .map_err(failed)?;
    if Reflect::get(&data, &"upgrade".into()).is_ok_and(|v| v.is_truthy()) {
        move_to_file_worker().map_err(failed)?;
        if transfer {
            let bytes = Reflect::get(&data, &"file".into()).unwrap_or(JsValue::UNDEFINED);
            let _ = Reflect::set(&message, &"file".into(), &bytes);
        }
        data = send(&message, transfer, on_progress)
            .await
            .map_err(failed)?;
    }
    if Reflect::get(&data, &"ok".into()).is_ok_and(|v| v.is_truthy()) {
        Ok(data)
    } else {
        Err(Message::new(
            field(&data, "message"),
            field(&data, "message_en"),
        ))
    }
}

pub(super) fn request(fields: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object.into()
}

/// The view's data in an answer (see `view::to_bytes`).
pub(super) fn decode<T: serde::de::DeserializeOwned>(data: &JsValue) -> Result<T, Message> {
    Reflect::get(data, &"data".into())
        .ok()
        .and_then(|bytes| bytes.dyn_into::<js_sys::Uint8Array>().ok())
        .and_then(|bytes| jixiao_lint::view::from_bytes(&bytes.to_vec()))
        .ok_or_else(|| {
            Message::new(
                "页面的后台组件答复有误。",
                "The page's worker gave a malformed answer.",
            )
        })
}

/// Starts the check worker ahead of the first table, so that it is ready by then.
pub fn warm_up() {
    WORKER.with_borrow_mut(|slot| {
        if slot.is_none() {
            *slot = start(Build::Check).ok();
        }
    });
}

/// Checks a table: its text (a JS string), a file's bytes (ArrayBuffer) or a
/// paste's `{plain, html}` (which the worker reads first), telling
/// `on_progress` how far a large check has got. The overview with the first
/// slices, and how a file was read.
pub async fn check(
    input: JsValue,
    profile: &str,
    on_progress: impl Fn(f64) + 'static,
) -> Result<Checked, Message> {
    let transfer = input.is_instance_of::<js_sys::ArrayBuffer>();
    let message: JsValue = if input.is_string() {
        let object = js_sys::Object::new();
        let _ = Reflect::set(&object, &"check".into(), &input);
        object.into()
    } else if transfer {
        let object = js_sys::Object::new();
        let _ = Reflect::set(&object, &"file".into(), &input);
        object.into()
    } else {
        input
    };
    let _ = Reflect::set(&message, &"profile".into(), &profile.into());
    // The worker's own reasons already say 无法读取…; passed on as they are.
    let data = ask_with(message, transfer, Some(Rc::new(on_progress))).await?;
    checked(&data)
}

/// What a check answers: the overview with the first slices, how a file was
/// read, and why the profile could not be used (then the defaults were).
pub struct Checked {
    pub first: First,
    pub source: Option<Message>,
    pub profile_error: Option<Message>,
}

fn checked(data: &JsValue) -> Result<Checked, Message> {
    let message = |key: &str| {
        Some(field(data, key))
            .filter(|s| !s.is_empty())
            .map(|zh| Message::new(zh, field(data, &format!("{key}_en"))))
    };
    Ok(Checked {
        first: decode(data)?,
        source: message("source"),
        profile_error: message("profile_error"),
    })
}

/// Checks the table the worker keeps again, with another profile.
pub async fn recheck(
    profile: &str,
    on_progress: impl Fn(f64) + 'static,
) -> Result<Checked, Message> {
    let data = ask_with(
        request(&[("recheck", ""), ("profile", profile)]),
        false,
        Some(Rc::new(on_progress)),
    )
    .await?;
    checked(&data)
}

/// The settings panel's view of a profile, after one change (`("rule", id,
/// "off")`, `("threshold", key, "90")`) if any; or why the profile is wrong.
pub async fn settings(
    profile: &str,
    change: Option<(&str, &str, &str)>,
) -> Result<ProfileView, Message> {
    let mut fields = vec![("settings", profile)];
    if let Some((kind, key, value)) = change {
        fields.extend([(kind, key), ("set", value)]);
    }
    decode(&ask(request(&fields), false).await?)
}

/// A rule's help.
pub async fn help(id: &str) -> Result<RuleHelp, Message> {
    decode(&ask(request(&[("help", id)]), false).await?)
}

/// The first rows of the table kept, for the column mapping step, and the
/// index of the likeliest header among them.
pub async fn head() -> Result<(Vec<HeadRow>, Option<usize>), Message> {
    let data = ask(request(&[("head", "")]), false).await?;
    let suggested = Reflect::get(&data, &"suggested".into())
        .ok()
        .and_then(|v| v.as_f64())
        .map(|i| i as usize);
    Ok((decode(&data)?, suggested))
}

/// Rows `from..to` of the large table the worker keeps.
pub async fn rows(from: usize, to: usize) -> Result<Vec<TableRow>, Message> {
    let data = ask(request(&[("rows", &format!("{from},{to}"))]), false).await?;
    decode(&data)
}

/// Where row `number` is in the view of the large table the worker keeps.
pub async fn row_index(number: u32) -> Result<Option<usize>, Message> {
    let data = ask(request(&[("row_index", &number.to_string())]), false).await?;
    Ok(Reflect::get(&data, &"index".into())
        .ok()
        .and_then(|v| v.as_f64())
        .map(|i| i as usize))
}

/// Problems `from..to` of group `group` of the large table the worker keeps.
pub async fn problems(group: usize, from: usize, to: usize) -> Result<Vec<Problem>, Message> {
    let data = ask(
        request(&[("problems", &format!("{group},{from},{to}"))]),
        false,
    )
    .await?;
    decode(&data)
}

/// One export of the table shown (`findings-csv`, `annotated-tsv` …): file
/// name, MIME type and text.
/// The workbook comes as bytes (a Uint8Array), every other export as text:
/// the content is either, as a JS value for the Blob.
pub async fn export(id: &str, lang: Lang) -> Result<(String, String, JsValue), Message> {
    let lang = if lang == Lang::En { "en" } else { "zh" };
    let data = ask(request(&[("export", id), ("lang", lang)]), false).await?;
    Ok((field(&data, "name"), field(&data, "mime"), content(&data)))
}

/// An export's content: a workbook's bytes (a Uint8Array), or its text.
pub fn content(data: &JsValue) -> JsValue {
    Reflect::get(data, &"bytes".into())
        .ok()
        .filter(|b| b.is_instance_of::<js_sys::Uint8Array>())
        .unwrap_or_else(|| JsValue::from(field(data, "text")))
}

/// What a share link carries: its table, the earlier version (a link with
/// both) and the profile, each where it has one.
pub struct Link {
    pub text: String,
    pub earlier: Option<String>,
    pub profile: Option<String>,
}

/// Reads a share link's `fragment` (in the worker): `None` when it is no
/// share link, or why it cannot be read.
pub async fn open_link(fragment: &str) -> Result<Option<Link>, Message> {
    let data = ask(request(&[("open_link", fragment)]), false).await?;
    let optional = |key: &str| {
        Reflect::get(&data, &key.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    Ok(optional("text").map(|text| Link {
        text,
        earlier: optional("earlier"),
        profile: optional("profile"),
    }))
}

/// The share link's fragment for the table shown, with the profile in force,
/// or why there is none.
pub async fn share(profile: &str) -> Result<String, Message> {
    let data = ask(request(&[("share", ""), ("profile", profile)]), false).await?;
    Ok(field(&data, "text"))
}
