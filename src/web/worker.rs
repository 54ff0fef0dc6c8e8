//! The page's worker (src/bin/jixiao-file-worker.rs), started with the page
//! and restarted if it dies or a check is cancelled. It does all the work:
//! reading files, checking, the rules' help, exports and the share link; the
//! page's own wasm is only the interface, so it loads fast and never freezes.
//! The worker keeps the table checked last and answers for the slices the page
//! shows, in the order it is asked; a large check also reports its progress.

use jixiao_lint::text::{Lang, Message};
use jixiao_lint::view::{First, HeadRow, Problem, ProfileView, RuleHelp, TableRow};
use js_sys::{Array, Function, Promise, Reflect};
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Trunk's loader for the worker (data-loader-shim in www/index.html),
/// relative so that the page works under any sub-path.
const URL: &str = "./jixiao-file-worker_loader.js";

struct Worker {
    worker: web_sys::Worker,
    ready: bool,
    /// Requests made before the worker said it was ready (message, transfer).
    unsent: Vec<(JsValue, bool)>,
    /// (resolve, reject) of each request sent, oldest first.
    waiting: VecDeque<(Function, Function)>,
    /// Told how far a check has got (0–1).
    on_progress: Option<Box<dyn Fn(f64)>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// How many times a worker was ended (it died, or a check was cancelled).
    static STOPS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Changes whenever a worker is ended, and with it the table it kept.
pub fn stops() -> u32 {
    STOPS.get()
}

fn post(worker: &web_sys::Worker, message: &JsValue, transfer: bool) {
    // A file's bytes are transferred, not copied: the page has no further use
    // for them. They are the message, or its `file` (with the profile).
    let _ = if transfer {
        let bytes = if message.is_instance_of::<js_sys::ArrayBuffer>() {
            message.clone()
        } else {
            Reflect::get(message, &"file".into()).unwrap_or(JsValue::UNDEFINED)
        };
        worker.post_message_with_transfer(message, &Array::of1(&bytes))
    } else {
        worker.post_message(message)
    };
}

fn start() -> Result<Worker, JsValue> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(URL, &options)?;
    let on_message = Closure::<dyn FnMut(_)>::new(|event: web_sys::MessageEvent| {
        let data = event.data();
        WORKER.with_borrow_mut(|slot| {
            let Some(w) = slot.as_mut() else { return };
            if let Some(done) = Reflect::get(&data, &"progress".into())
                .ok()
                .and_then(|v| v.as_f64())
            {
                if let Some(on_progress) = &w.on_progress {
                    on_progress(done);
                }
            } else if Reflect::get(&data, &"ready".into()).is_ok_and(|v| v.is_truthy()) {
                w.ready = true;
                for (message, transfer) in std::mem::take(&mut w.unsent) {
                    post(&w.worker, &message, transfer);
                }
            } else if let Some((resolve, _)) = w.waiting.pop_front() {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        });
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
        worker,
        ready: false,
        unsent: Vec::new(),
        waiting: VecDeque::new(),
        on_progress: None,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Ends the worker: every request in flight fails with `reason`, the next
/// one starts a new worker. Large tables it kept are gone with it.
fn stop(reason: JsValue) {
    STOPS.set(STOPS.get() + 1);
    if let Some(w) = WORKER.with_borrow_mut(Option::take) {
        // Detached first: an event the ended worker had already queued must
        // not reach the closures dropped with it.
        w.worker.set_onmessage(None);
        w.worker.set_onerror(None);
        w.worker.terminate();
        for (_, reject) in w.waiting {
            let _ = reject.call1(&JsValue::NULL, &reason);
        }
    }
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

/// [`ask`], with whom to tell the progress of a check.
async fn ask_with(
    message: JsValue,
    transfer: bool,
    mut on_progress: Option<Box<dyn Fn(f64)>>,
) -> Result<JsValue, Message> {
    let failed = || {
        Message::new(
            "无法完成：页面的后台组件（检查、读取文件、导出、分享）未能加载或出错。",
            "Not done: the page's worker (checks, files, exports, sharing) could not be loaded or failed.",
        )
    };
    let mut started = Ok(());
    let promise = Promise::new(&mut |resolve, reject| {
        WORKER.with_borrow_mut(|slot| {
            if slot.is_none() {
                match start() {
                    Ok(w) => *slot = Some(w),
                    Err(e) => {
                        started = Err(e);
                        return;
                    }
                }
            }
            let Some(w) = slot.as_mut() else { return };
            if let Some(on_progress) = on_progress.take() {
                w.on_progress = Some(on_progress);
            }
            w.waiting.push_back((resolve, reject));
            if w.ready {
                post(&w.worker, &message, transfer);
            } else {
                w.unsent.push((message.clone(), transfer));
            }
        })
    });
    started.map_err(|_| failed())?;
    let data = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|reason| {
            if reason.as_string().as_deref() == Some(CANCELLED) {
                Message::new("检查已取消。", "The check was cancelled.")
            } else {
                failed()
            }
        })?;
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

/// Starts the worker ahead of the first table, so that it is ready by then.
pub fn warm_up() {
    WORKER.with_borrow_mut(|slot| {
        if slot.is_none() {
            *slot = start().ok();
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
    let message = if input.is_string() {
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
    let data = ask_with(message, transfer, Some(Box::new(on_progress))).await?;
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
        Some(Box::new(on_progress)),
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
