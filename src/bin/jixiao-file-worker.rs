//! The page's file reader, a Web Worker of its own (wasm32 only). It carries
//! what the page's first load must not: calamine for xlsx/xls/ods and
//! encoding_rs for GB18030 and UTF-16 text. The page loads it only when a file
//! needs it (src/web/intake.rs).
//!
//! Protocol: once ready the worker posts `{ready: true}`; then for each file's
//! bytes (an ArrayBuffer, transferred) it posts, in order, either
//! `{ok: true, text, source, source_en}` or `{ok: false, message, message_en}`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Object, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    fn reply(fields: &[(&str, JsValue)]) -> Object {
        let object = Object::new();
        for (key, value) in fields {
            let _ = Reflect::set(&object, &(*key).into(), value);
        }
        object
    }

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let bytes = Uint8Array::new(&event.data()).to_vec();
            let answer = match jixiao_lint::input::read_file(&bytes) {
                Ok(decoded) => {
                    let source = decoded.source.describe();
                    reply(&[
                        ("ok", true.into()),
                        ("text", decoded.text.into()),
                        ("source", source.zh.into()),
                        ("source_en", source.en.into()),
                    ])
                }
                Err(error) => {
                    let message = error.message();
                    reply(&[
                        ("ok", false.into()),
                        ("message", message.zh.into()),
                        ("message_en", message.en.into()),
                    ])
                }
            };
            let _ = replies.post_message(&answer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // A message posted before the handler was set could be lost while the
    // module was still starting: the page waits for this one.
    let _ = scope.post_message(&reply(&[("ready", true.into())]));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("jixiao-file-worker is the web page's file reader (a Web Worker): Trunk builds it for wasm32. On the command line use `jixiao-lint`.");
}
