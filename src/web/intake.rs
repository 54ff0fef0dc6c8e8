//! Getting the table in: the paste area, a paste anywhere on the page, a
//! dropped or picked file, the sample and the clear button.

use super::{i18n, State};
use jixiao_lint::input::decode_utf8;
use jixiao_lint::input::html::table_text;
use jixiao_lint::text::Message;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The seed table from Guangzhou Panyu, also shipped as www/sample.txt.
/// The seed table from Guangzhou Panyu, shipped beside the page (and cached by
/// the service worker): fetched on demand, not carried in every first load.
const SAMPLE_URL: &str = "./sample.txt";

async fn fetch_text(url: &str) -> Option<String> {
    let response = wasm_bindgen_futures::JsFuture::from(window().fetch_with_str(url))
        .await
        .ok()?;
    let response: web_sys::Response = wasm_bindgen::JsCast::dyn_into(response).ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?;
    text.as_string()
}

fn load_sample(state: State) {
    spawn_local(async move {
        match fetch_text(SAMPLE_URL).await {
            Some(text) => state.load(text),
            None => state.notice.set(Some(Message::new(
                "无法载入示例表格。",
                "The sample table could not be loaded.",
            ))),
        }
    });
}

/// Reads a file's bytes and loads them, or says why they cannot be read.
/// UTF-8 text is read here; spreadsheets and other encodings go to the file
/// worker, which carries calamine and encoding_rs so that the page's first
/// load does not.
fn read_file(state: State, file: web_sys::File) {
    let name = file.name();
    spawn_local(async move {
        let fail = |message: Message| {
            state.notice.set(Some(Message::new(
                format!("{name}：{}", message.zh),
                format!("{name}: {}", message.en),
            )))
        };
        let buffer = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => buffer,
            Err(_) => {
                state.notice.set(Some(Message::new(
                    format!("无法读取文件 {name}。"),
                    format!("Cannot read the file {name}."),
                )));
                return;
            }
        };
        let view = js_sys::Uint8Array::new(&buffer);
        let head = view.subarray(0, 8).to_vec();
        let decoded = if worker::wants(&name, &head) {
            None
        } else {
            decode_utf8(&view.to_vec()).ok()
        };
        match decoded {
            Some(decoded) => {
                state.load(decoded.text);
                state.source.set(Some(decoded.source.describe()));
            }
            None => match worker::read(buffer).await {
                Ok((text, source)) => {
                    state.load(text);
                    state.source.set(Some(source));
                }
                Err(message) => fail(message),
            },
        }
    });
}

/// The file worker (src/bin/jixiao-file-worker.rs): started on first use and
/// kept for the next file. It answers in the order it is asked.
mod worker {
    use jixiao_lint::text::Message;
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
        let name = name.to_lowercase();
        [".xlsx", ".xls", ".ods"]
            .iter()
            .any(|ext| name.ends_with(ext))
            || head.starts_with(b"PK\x03\x04")
            || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }

    struct Worker {
        worker: web_sys::Worker,
        ready: bool,
        /// Files asked for before the worker said it was ready.
        unsent: Vec<JsValue>,
        /// (resolve, reject) of each file sent, oldest first.
        waiting: VecDeque<(Function, Function)>,
        _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    }

    thread_local! {
        static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    }

    fn post(worker: &web_sys::Worker, buffer: &JsValue) {
        // Transferred, not copied: the page has no further use for the bytes.
        let _ = worker.post_message_with_transfer(buffer, &Array::of1(buffer));
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
                    for buffer in std::mem::take(&mut w.unsent) {
                        post(&w.worker, &buffer);
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

    /// The file's text and how it was read, or why it could not be read.
    pub async fn read(buffer: JsValue) -> Result<(String, Message), Message> {
        let failed = || {
            Message::new(
                "无法读取：读取表格文件的组件未能加载或出错。",
                "Cannot read the file: the file reader could not be loaded or failed.",
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
                    post(&w.worker, &buffer);
                } else {
                    w.unsent.push(buffer.clone());
                }
            })
        });
        started.map_err(|_| failed())?;
        let data = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(|_| failed())?;
        if Reflect::get(&data, &"ok".into()).is_ok_and(|v| v.is_truthy()) {
            Ok((
                field(&data, "text"),
                Message::new(field(&data, "source"), field(&data, "source_en")),
            ))
        } else {
            Err(Message::new(
                field(&data, "message"),
                field(&data, "message_en"),
            ))
        }
    }
}

/// True when the user is typing in a field, where a paste belongs to the field.
fn typing_in_a_field() -> bool {
    document().active_element().is_some_and(|e| {
        matches!(
            e.tag_name().to_ascii_lowercase().as_str(),
            "textarea" | "input" | "select"
        )
    })
}

#[component]
pub fn Intake(state: State) -> impl IntoView {
    let dragging = RwSignal::new(false);

    // A paste with nothing focused loads the table, as users expect of Ctrl+V.
    // When the clipboard's HTML holds merged cells or line breaks that its plain
    // text lost, the HTML's table is read instead, in the paste area too.
    let paste = window_event_listener(ev::paste, move |event: web_sys::ClipboardEvent| {
        let Some(data) = event.clipboard_data() else {
            return;
        };
        let in_paste_area = document()
            .active_element()
            .is_some_and(|e| e.id() == "table-input");
        if typing_in_a_field() && !in_paste_area {
            return;
        }
        let structured = data
            .get_data("text/html")
            .ok()
            .and_then(|html| table_text(&html));
        let text = match structured {
            Some(text) => text,
            // The paste area inserts plain text itself.
            None if in_paste_area => return,
            None => match data.get_data("text/plain") {
                Ok(text) => text,
                Err(_) => return,
            },
        };
        event.prevent_default();
        state.load(text);
    });
    // Dropping a file anywhere on the page loads it.
    let over = window_event_listener(ev::dragover, move |event: web_sys::DragEvent| {
        event.prevent_default();
        dragging.set(true);
    });
    let leave = window_event_listener(ev::dragleave, move |_| dragging.set(false));
    let drop = window_event_listener(ev::drop, move |event: web_sys::DragEvent| {
        event.prevent_default();
        dragging.set(false);
        let file = event
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|files| files.get(0));
        match (
            file,
            event
                .data_transfer()
                .and_then(|d| d.get_data("text/plain").ok()),
        ) {
            (Some(file), _) => read_file(state, file),
            (None, Some(text)) if !text.is_empty() => state.load(text),
            _ => {}
        }
    });
    on_cleanup(move || {
        paste.remove();
        over.remove();
        leave.remove();
        drop.remove();
    });

    let pick = move |event: ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            read_file(state, file);
        }
        // Picking the same file again must load it again.
        input.set_value("");
    };

    view! {
        <section class="intake" class:dragging=move || dragging.get()>
            <label for="table-input">{move || state.tr(i18n::INPUT_LABEL)}</label>
            <textarea
                id="table-input"
                data-action="input"
                spellcheck="false"
                autocomplete="off"
                wrap="off"
                prop:value=move || state.input.get()
                on:input=move |event| state.load(event_target_value(&event))
            ></textarea>
            <p class="muted small">{move || state.tr(i18n::STORED_NOTE)}</p>
            <div class="toolbar">
                <button type="button" data-action="sample" on:click=move |_| load_sample(state)>
                    {move || state.tr(i18n::SAMPLE)}
                </button>
                <button type="button" data-action="clear" on:click=move |_| state.load(String::new())>
                    {move || state.tr(i18n::CLEAR)}
                </button>
                <label class="file-button">
                    {move || state.tr(i18n::OPEN_FILE)}
                    <input type="file" data-action="file" accept=".txt,.tsv,.csv,.xlsx,.xls,.ods,text/plain,text/csv" on:change=pick />
                </label>
                <Show when=move || dragging.get()>
                    <span class="drop-hint">{move || state.tr(i18n::DROP_HERE)}</span>
                </Show>
            </div>
            {move || {
                state
                    .notice
                    .get()
                    .map(|message| {
                        view! {
                            <p class="notice" role="alert" data-state="notice">
                                {move || message.get(state.lang.get()).to_owned()}
                            </p>
                        }
                    })
            }}
        </section>
    }
}
