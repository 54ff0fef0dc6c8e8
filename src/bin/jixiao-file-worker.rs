//! The page's helper, a Web Worker of its own (wasm32 only). It carries what
//! the page's first load must not: calamine for xlsx/xls/ods, encoding_rs for
//! GB18030 and UTF-16 text, and the exports and share-link encoder. The page
//! starts it only when one of those is needed (src/web/worker.rs).
//!
//! Protocol: once ready the worker posts `{ready: true}`; then it answers each
//! request, in order, with `{ok: true, …}` or `{ok: false, message, message_en}`:
//! - a file's bytes (an ArrayBuffer, transferred) → `{text, source, source_en}`;
//! - `{export: ID, text, lang}` → `{name, mime, text}` (see `export::by_id`);
//! - `{share: text}` → `{text: fragment}`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use jixiao_lint::text::{Lang, Message};
    use jixiao_lint::{check_text, export, input, share, Config};
    use js_sys::{ArrayBuffer, Reflect, Uint8Array};
    use serde_json::json;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// A reply as a plain JS object (serde-wasm-bindgen; maps as objects).
    fn reply(value: serde_json::Value) -> JsValue {
        let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
        serde::Serialize::serialize(&value, &serializer).unwrap_or(JsValue::NULL)
    }

    fn failure(message: Message) -> JsValue {
        reply(json!({ "ok": false, "message": message.zh, "message_en": message.en }))
    }

    fn text_field(data: &JsValue, key: &str) -> Option<String> {
        Reflect::get(data, &key.into())
            .ok()
            .and_then(|v| v.as_string())
    }

    fn answer(data: JsValue) -> JsValue {
        if data.is_instance_of::<ArrayBuffer>() {
            let bytes = Uint8Array::new(&data).to_vec();
            return match input::read_file(&bytes) {
                Ok(decoded) => {
                    let source = decoded.source.describe();
                    reply(
                        json!({ "ok": true, "text": decoded.text, "source": source.zh, "source_en": source.en }),
                    )
                }
                Err(error) => failure(error.message()),
            };
        }
        if let Some(text) = text_field(&data, "share") {
            return match share::encode(&text) {
                Ok(fragment) => reply(json!({ "ok": true, "text": fragment })),
                Err(error) => failure(error.message()),
            };
        }
        let (Some(id), Some(text)) = (text_field(&data, "export"), text_field(&data, "text"))
        else {
            return failure(Message::new("无法识别的请求。", "Unknown request."));
        };
        let lang = if text_field(&data, "lang").as_deref() == Some("en") {
            Lang::En
        } else {
            Lang::Zh
        };
        let report = check_text(&text, &Config::default());
        match export::by_id(&id, &text, &report, lang) {
            Some(done) => reply(
                json!({ "ok": true, "name": done.name, "mime": done.mime, "text": done.text }),
            ),
            None => failure(Message::new(
                format!("没有这种导出：{id}"),
                format!("No such export: {id}"),
            )),
        }
    }

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let _ = replies.post_message(&answer(event.data()));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // A message posted before the handler was set could be lost while the
    // module was still starting: the page waits for this one.
    let _ = scope.post_message(&reply(json!({ "ready": true })));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("jixiao-file-worker is the web page's helper (a Web Worker): Trunk builds it for wasm32. On the command line use `jixiao-lint`.");
}
