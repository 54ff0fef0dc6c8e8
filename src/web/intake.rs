//! Getting the table in: the paste area, a paste anywhere on the page, a
//! dropped or picked file, the sample and the clear button.

use super::{i18n, worker, State};
use jixiao_lint::input::html::table_text;
use jixiao_lint::text::Message;
use jixiao_lint::view::LARGE_INPUT;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

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

/// Hands a file's bytes to the worker, which reads (xlsx, xls, ods; text in
/// UTF-8, UTF-16 or GB18030) and checks it; or says why it cannot be read.
fn read_file(state: State, file: web_sys::File) {
    let name = file.name();
    // A .zip holds many tables: a batch.
    if name.to_lowercase().ends_with(".zip") {
        return super::batch::start(state, vec![file]);
    }
    spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => state.check(buffer, Some(name)),
            Err(_) => state.notice.set(Some(Message::new(
                format!("无法读取文件 {name}。"),
                format!("Cannot read the file {name}."),
            ))),
        }
    });
}

/// The clipboard's `kind` (text/plain, text/html) as a JS string, not yet
/// copied into wasm: a large paste goes to the worker without passing through
/// the page's memory. `None` when empty.
fn clipboard(data: &web_sys::DataTransfer, kind: &str) -> Option<js_sys::JsString> {
    let get = js_sys::Reflect::get(data, &"getData".into()).ok()?;
    let get: js_sys::Function = get.dyn_into().ok()?;
    let text: js_sys::JsString = get.call1(data, &kind.into()).ok()?.dyn_into().ok()?;
    (text.length() > 0).then_some(text)
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
        // A large paste is not copied into the page's wasm: the worker reads it,
        // the HTML too when that is large (a table's HTML is several times its text).
        let plain = clipboard(&data, "text/plain");
        let html = clipboard(&data, "text/html");
        let large = |t: &Option<js_sys::JsString>| {
            t.as_ref()
                .is_some_and(|t| t.length() as usize > LARGE_INPUT / 2)
        };
        if large(&plain) || large(&html) {
            event.prevent_default();
            let request = js_sys::Object::new();
            let _ = js_sys::Reflect::set(
                &request,
                &"plain".into(),
                &plain.map_or(JsValue::from_str(""), JsValue::from),
            );
            if let Some(html) = html {
                let _ = js_sys::Reflect::set(&request, &"html".into(), &html);
            }
            state.check(request.into(), None);
            return;
        }
        let structured = match html
            .and_then(|h| h.as_string())
            .map(|html| table_text(&html))
        {
            Some(Err(message)) => {
                event.prevent_default();
                state.notice.set(Some(message));
                return;
            }
            Some(Ok(table)) => table,
            None => None,
        };
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
        let files = event.data_transfer().and_then(|d| d.files());
        // Several files at once: a batch.
        if let Some(files) = files.as_ref().filter(|f| f.length() > 1) {
            let files = (0..files.length()).filter_map(|i| files.get(i)).collect();
            return super::batch::start(state, files);
        }
        let file = files.and_then(|files| files.get(0));
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
            <Show when=move || state.large.get().is_some()>
                <p class="large-note" data-state="large">
                    {move || {
                        // In tenths of a MB, without float formatting.
                        let tenths = state.large.get().unwrap_or_default() / 100_000;
                        format!("{}.{} MB · {}", tenths / 10, tenths % 10, state.tr(i18n::LARGE_NOTE))
                    }}
                </p>
            </Show>
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
            <Show when=move || state.link_kept_stored.get()>
                <p class="notice" data-state="link-kept">
                    {move || state.tr(i18n::LINK_KEPT)}
                    " "
                    <button type="button" data-action="open-kept" on:click=move |_| state.open_kept()>
                        {move || state.tr(i18n::OPEN_KEPT)}
                    </button>
                </p>
            </Show>
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

/// While the worker checks a large table: how far it has got, and a way out.
#[component]
pub fn Progress(state: State) -> impl IntoView {
    move || {
        let done = state.progress.get()?;
        Some(view! {
            <div class="checking" data-state="checking" role="status">
                <span>{move || state.tr(i18n::CHECKING)}</span>
                <progress max="100" prop:value=done data-progress=done></progress>
                <span>{format!("{done}%")}</span>
                <button type="button" data-action="cancel" on:click=move |_| worker::cancel()>
                    {move || state.tr(i18n::CANCEL)}
                </button>
            </div>
        })
    }
}
