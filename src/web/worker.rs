//! The file worker (src/bin/jixiao-file-worker.rs): started on first use and
//! kept for later. It carries what the page's first load must not: calamine
//! and encoding_rs for files, and the exports and the share-link encoder (csv
//! writing, JSON, deflate). It answers in the order it is asked.

use jixiao_lint::text::{Lang, Message};
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
    /// (resolve, reject) of each file sent, oldest first.
    waiting: VecDeque<(Function, Function)>,
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
            if Reflect::get(&data, &"ready".into()).is_ok_and(|v| v.is_truthy()) {
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
        if let Some(w) = WORKER.with_borrow_mut(Option::take) {
            w.worker.terminate();
            for (_, reject) in w.waiting {
                let _ = reject.call0(&JsValue::NULL);
            }
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Worker {
        worker,
        ready: false,
        unsent: Vec::new(),
        waiting: VecDeque::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

fn field(data: &JsValue, key: &str) -> String {
    Reflect::get(data, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Sends one request and waits for its answer; `Err` when the worker could
/// not be loaded or died.
async fn ask(message: JsValue, transfer: bool) -> Result<JsValue, Message> {
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
        .map_err(|_| failed())?;
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

/// The file's text and how it was read, or why it could not be read.
pub async fn read(buffer: JsValue) -> Result<(String, Message), Message> {
    // The worker's own reasons already say 无法读取…; passed on as they are.
    let data = ask(buffer, true).await?;
    Ok((
        field(&data, "text"),
        Message::new(field(&data, "source"), field(&data, "source_en")),
    ))
}

/// One export of the table (`findings-csv`, `annotated-tsv` …): file name,
/// MIME type and text.
pub async fn export(
    id: &str,
    text: String,
    lang: Lang,
) -> Result<(String, String, String), Message> {
    let lang = if lang == Lang::En { "en" } else { "zh" };
    let data = ask(
        request(&[("export", id), ("text", &text), ("lang", lang)]),
        false,
    )
    .await?;
    Ok((
        field(&data, "name"),
        field(&data, "mime"),
        field(&data, "text"),
    ))
}

/// The share link's fragment for the table, or why there is none.
pub async fn share(text: String) -> Result<String, Message> {
    let data = ask(request(&[("share", &text)]), false).await?;
    Ok(field(&data, "text"))
}
