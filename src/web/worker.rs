//! The page's worker (src/bin/jixiao-file-worker.rs): started on first use and
//! kept for later. It carries what the page's first load must not: calamine
//! and encoding_rs for files, and the exports and the share-link encoder (csv
//! writing, JSON, deflate). It checks large tables, so that the page never
//! freezes, and keeps them: the page asks it for the slices it shows. It
//! answers in the order it is asked; a check also reports its progress.

use jixiao_lint::text::{Lang, Message};
use jixiao_lint::view::{Overview, Problem, TableRow};
use js_sys::{Array, Function, Promise, Reflect};
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Trunk's loader for the worker (data-loader-shim in www/index.html),
/// relative so that the page works under any sub-path.
const URL: &str = "./jixiao-file-worker_loader.js";

/// Spreadsheets by name or signature (ZIP: xlsx, ods; OLE: xls).
pub fn wants(name: &str, head: &[u8]) -> bool {
    let name = name.to_ascii_lowercase();
    [".xlsx", ".xls", ".ods"]
        .iter()
        .any(|ext| name.ends_with(ext))
        || head.starts_with(b"PK\x03\x04")
        || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

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
}

fn post(worker: &web_sys::Worker, message: &JsValue, transfer: bool) {
    // A file's bytes are transferred, not copied: the page has no further use for them.
    let _ = if transfer {
        worker.post_message_with_transfer(message, &Array::of1(message))
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
    if let Some(w) = WORKER.with_borrow_mut(Option::take) {
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

fn field(data: &JsValue, key: &str) -> String {
    Reflect::get(data, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Sends one request and waits for its answer; `Err` when the worker could
/// not be loaded or died.
async fn ask(message: JsValue, transfer: bool) -> Result<JsValue, Message> {
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
            "无法完成：页面的辅助组件（读取文件、导出、分享）未能加载或出错。",
            "Not done: the page's helper (files, exports, sharing) could not be loaded or failed.",
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

fn request(fields: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object.into()
}

/// What the worker made of a table it was given.
pub enum Read {
    /// Small enough for the page: its text, to check on the main thread.
    Text(String),
    /// Large: checked and kept by the worker, which sends the overview.
    Large(Box<Overview>),
}

fn decode<T: serde::de::DeserializeOwned>(data: &JsValue, key: &str) -> Result<T, Message> {
    let value = Reflect::get(data, &key.into()).unwrap_or(JsValue::NULL);
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        Message::new(
            format!("页面的辅助组件答复有误：{e}"),
            format!("The page's helper gave a malformed answer: {e}"),
        )
    })
}

/// A file's bytes (ArrayBuffer) or a large pasted text (JS string): the
/// worker reads the file, and checks what is large, telling `on_progress`
/// how far it has got. Also how a file was read.
pub async fn read(
    input: JsValue,
    on_progress: impl Fn(f64) + 'static,
) -> Result<(Read, Option<Message>), Message> {
    let transfer = input.is_instance_of::<js_sys::ArrayBuffer>();
    let message = if transfer {
        input
    } else {
        let object = js_sys::Object::new();
        let _ = Reflect::set(&object, &"check".into(), &input);
        object.into()
    };
    let data = ask_with(message, transfer, Some(Box::new(on_progress))).await?;
    let source = Some(field(&data, "source"))
        .filter(|s| !s.is_empty())
        .map(|zh| Message::new(zh, field(&data, "source_en")));
    // The worker's own reasons already say 无法读取…; passed on as they are.
    let read = if Reflect::get(&data, &"overview".into()).is_ok_and(|v| v.is_object()) {
        Read::Large(Box::new(decode(&data, "overview")?))
    } else {
        Read::Text(field(&data, "text"))
    };
    Ok((read, source))
}

/// Rows `from..to` of the large table the worker keeps.
pub async fn rows(from: usize, to: usize) -> Result<Vec<TableRow>, Message> {
    let data = ask(request(&[("rows", &format!("{from},{to}"))]), false).await?;
    decode(&data, "rows")
}

/// Problems `from..to` of group `group` of the large table the worker keeps.
pub async fn problems(group: usize, from: usize, to: usize) -> Result<Vec<Problem>, Message> {
    let data = ask(
        request(&[("problems", &format!("{group},{from},{to}"))]),
        false,
    )
    .await?;
    decode(&data, "problems")
}

/// One export of the table (`findings-csv`, `annotated-tsv` …): file name,
/// MIME type and text. `None` for the large table the worker keeps.
pub async fn export(
    id: &str,
    text: Option<String>,
    lang: Lang,
) -> Result<(String, String, String), Message> {
    let lang = if lang == Lang::En { "en" } else { "zh" };
    let mut fields = vec![("export", id), ("lang", lang)];
    if let Some(text) = &text {
        fields.push(("text", text));
    }
    let data = ask(request(&fields), false).await?;
    Ok((
        field(&data, "name"),
        field(&data, "mime"),
        field(&data, "text"),
    ))
}

/// The share link's fragment for the table (`None`: the large table the
/// worker keeps), or why there is none.
pub async fn share(text: Option<String>) -> Result<String, Message> {
    let message = match &text {
        Some(text) => request(&[("share", text)]),
        None => {
            let object = js_sys::Object::new();
            let _ = Reflect::set(&object, &"share".into(), &JsValue::UNDEFINED);
            object.into()
        }
    };
    let data = ask(message, false).await?;
    Ok(field(&data, "text"))
}
