//! The page's helper, a Web Worker of its own (wasm32 only). It carries what
//! the page's first load must not: calamine for xlsx/xls/ods, encoding_rs for
//! GB18030 and UTF-16 text, and the exports and share-link encoder. It checks
//! the tables too large for the page's main thread and keeps the last one, so
//! that the page can ask for the slices it shows. The page starts it only when
//! one of those is needed (src/web/worker.rs).
//!
//! Protocol: once ready the worker posts `{ready: true}`; then it answers each
//! request, in order, with `{ok: true, …}` or `{ok: false, message, message_en}`:
//! - a file's bytes (an ArrayBuffer, transferred) → `{text, source, source_en}`,
//!   or, when the text is larger than `view::LARGE_INPUT`, the check's
//!   `{overview, source, source_en, check_ms, memory_bytes}`;
//! - `{check: text}` → `{overview, check_ms, memory_bytes}`; while a check
//!   runs the worker also posts `{progress: 0…1}`;
//! - `{rows: "from,to"}` → `{rows: [TableRow]}` of the table kept;
//! - `{problems: "group,from,to"}` → `{problems: [Problem]}` of the table kept;
//! - `{export: ID, text?, lang}` → `{name, mime, text}` (see `export::by_id`),
//!   of `text` or else of the table kept;
//! - `{share: text?}` → `{text: fragment}`, likewise.

#[cfg(target_arch = "wasm32")]
fn main() {
    use jixiao_lint::text::{Lang, Message};
    use jixiao_lint::view::{Checked, LARGE_INPUT};
    use jixiao_lint::{check_text, export, input, share, Config};
    use js_sys::{ArrayBuffer, Reflect, Uint8Array};
    use serde::Serialize;
    use serde_json::json;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    thread_local! {
        /// The last large table checked, for the slices the page asks for.
        static KEPT: RefCell<Option<Checked>> = const { RefCell::new(None) };
    }

    /// A reply as a plain JS object (serde-wasm-bindgen; maps as objects).
    fn reply(value: &impl Serialize) -> JsValue {
        let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
        value.serialize(&serializer).unwrap_or(JsValue::NULL)
    }

    fn failure(message: Message) -> JsValue {
        reply(&json!({ "ok": false, "message": message.zh, "message_en": message.en }))
    }

    fn nothing_kept() -> JsValue {
        failure(Message::new(
            "辅助组件中没有表格，请重新载入表格。",
            "The helper holds no table; load the table again.",
        ))
    }

    fn text_field(data: &JsValue, key: &str) -> Option<String> {
        Reflect::get(data, &key.into())
            .ok()
            .and_then(|v| v.as_string())
    }

    /// `"1,20"` → `[1, 20]`.
    fn numbers(data: &JsValue, key: &str) -> Option<Vec<usize>> {
        text_field(data, key)?
            .split(',')
            .map(|n| n.parse().ok())
            .collect()
    }

    fn now(scope: &web_sys::DedicatedWorkerGlobalScope) -> f64 {
        scope.performance().map_or(0.0, |p| p.now())
    }

    /// Checks a large table and keeps it, posting its progress as it goes.
    fn check_and_keep(
        scope: &web_sys::DedicatedWorkerGlobalScope,
        text: String,
        source: Option<Message>,
    ) -> JsValue {
        // The table kept before is no longer shown: free it first.
        KEPT.with_borrow_mut(|kept| *kept = None);
        let start = now(scope);
        let mut last = -1.0;
        let checked = Checked::with_progress(text, &Config::default(), &mut |step| {
            let done = step.fraction();
            if done - last >= 0.02 {
                last = done;
                let _ = scope.post_message(&reply(&json!({ "progress": done })));
            }
        });
        let check_ms = now(scope) - start;
        let memory_bytes = wasm_bindgen::memory()
            .unchecked_into::<js_sys::WebAssembly::Memory>()
            .buffer()
            .unchecked_into::<ArrayBuffer>()
            .byte_length();
        let source = source.unwrap_or_else(|| Message::new("", ""));
        let answer = reply(&json!({
            "ok": true,
            "overview": checked.overview,
            "source": source.zh,
            "source_en": source.en,
            "check_ms": check_ms,
            "memory_bytes": memory_bytes,
        }));
        KEPT.with_borrow_mut(|kept| *kept = Some(checked));
        answer
    }

    fn answer(scope: &web_sys::DedicatedWorkerGlobalScope, data: JsValue) -> JsValue {
        if data.is_instance_of::<ArrayBuffer>() {
            let bytes = Uint8Array::new(&data).to_vec();
            return match input::read_file(&bytes) {
                Ok(decoded) if decoded.text.len() > LARGE_INPUT => {
                    drop(bytes);
                    let source = decoded.source.describe();
                    check_and_keep(scope, decoded.text, Some(source))
                }
                Ok(decoded) => {
                    let source = decoded.source.describe();
                    reply(
                        &json!({ "ok": true, "text": decoded.text, "source": source.zh, "source_en": source.en }),
                    )
                }
                Err(error) => failure(error.message()),
            };
        }
        if let Some(text) = text_field(&data, "check") {
            return check_and_keep(scope, text, None);
        }
        if let Some(range) = numbers(&data, "rows") {
            return KEPT.with_borrow(|kept| match (kept, range.as_slice()) {
                (Some(checked), [from, to]) => {
                    reply(&json!({ "ok": true, "rows": checked.rows(*from..*to) }))
                }
                _ => nothing_kept(),
            });
        }
        if let Some(range) = numbers(&data, "problems") {
            return KEPT.with_borrow(|kept| match (kept, range.as_slice()) {
                (Some(checked), [group, from, to]) => {
                    reply(&json!({ "ok": true, "problems": checked.problems(*group, *from..*to) }))
                }
                _ => nothing_kept(),
            });
        }
        let lang = if text_field(&data, "lang").as_deref() == Some("en") {
            Lang::En
        } else {
            Lang::Zh
        };
        if Reflect::has(&data, &"share".into()).unwrap_or(false) {
            let shared = |text: &str| match share::encode(text) {
                Ok(fragment) => reply(&json!({ "ok": true, "text": fragment })),
                Err(error) => failure(error.message()),
            };
            return match text_field(&data, "share") {
                Some(text) => shared(&text),
                None => KEPT.with_borrow(|kept| match kept {
                    Some(checked) => shared(&checked.text),
                    None => nothing_kept(),
                }),
            };
        }
        let Some(id) = text_field(&data, "export") else {
            return failure(Message::new("无法识别的请求。", "Unknown request."));
        };
        let exported =
            |text: &str, report: &jixiao_lint::Report| match export::by_id(&id, text, report, lang)
            {
                Some(done) => reply(
                    &json!({ "ok": true, "name": done.name, "mime": done.mime, "text": done.text }),
                ),
                None => failure(Message::new(
                    format!("没有这种导出：{id}"),
                    format!("No such export: {id}"),
                )),
            };
        match text_field(&data, "text") {
            Some(text) => exported(&text, &check_text(&text, &Config::default())),
            None => KEPT.with_borrow(|kept| match kept {
                Some(checked) => exported(&checked.text, &checked.report),
                None => nothing_kept(),
            }),
        }
    }

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let _ = replies.post_message(&answer(&replies, event.data()));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // A message posted before the handler was set could be lost while the
    // module was still starting: the page waits for this one.
    let _ = scope.post_message(&reply(&json!({ "ready": true })));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("jixiao-file-worker is the web page's helper (a Web Worker): Trunk builds it for wasm32. On the command line use `jixiao-lint`.");
}
