//! Getting the table in: the paste area, a paste anywhere on the page, a
//! dropped or picked file, the sample and the clear button.

use super::{i18n, State};
use jixiao_lint::input::decode_utf8;
use jixiao_lint::text::Message;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The seed table from Guangzhou Panyu, also shipped as www/sample.txt.
const SAMPLE: &str = include_str!("../../www/sample.txt");

/// Reads a file's bytes and loads them, or says why they cannot be read.
fn read_file(state: State, file: web_sys::File) {
    let name = file.name();
    spawn_local(async move {
        let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(_) => {
                state.notice.set(Some(Message::new(
                    format!("无法读取文件 {name}。"),
                    format!("Cannot read the file {name}."),
                )));
                return;
            }
        };
        match decode_utf8(&bytes) {
            Ok(decoded) => state.load(decoded.text),
            Err(error) => {
                let message = error.message();
                state.notice.set(Some(Message::new(
                    format!("{name}：{}", message.zh),
                    format!("{name}: {}", message.en),
                )));
            }
        }
    });
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
    let paste = window_event_listener(ev::paste, move |event: web_sys::ClipboardEvent| {
        if typing_in_a_field() {
            return;
        }
        if let Some(text) = event
            .clipboard_data()
            .and_then(|data| data.get_data("text/plain").ok())
        {
            event.prevent_default();
            state.load(text);
        }
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
                <button type="button" data-action="sample" on:click=move |_| state.load(SAMPLE.to_owned())>
                    {move || state.tr(i18n::SAMPLE)}
                </button>
                <button type="button" data-action="clear" on:click=move |_| state.load(String::new())>
                    {move || state.tr(i18n::CLEAR)}
                </button>
                <label class="file-button">
                    {move || state.tr(i18n::OPEN_FILE)}
                    <input type="file" data-action="file" accept=".txt,.tsv,.csv,text/plain,text/csv" on:change=pick />
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
