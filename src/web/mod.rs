//! The Leptos user interface (wasm32 only).
//!
//! A skeleton for now: the heading, the paste area and the sample button, with
//! stable `data-action` hooks that the browser tests use. The checking logic is
//! wired in later.

use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <main>
            <h1>"绩效目标表检查"</h1>
            <p class="muted">
                "在浏览器中检查项目支出绩效目标表，数据不会上传。"
            </p>
            <label for="table-input">"粘贴从 Excel / WPS 复制的表格"</label>
            <textarea
                id="table-input"
                data-action="input"
                spellcheck="false"
                autocomplete="off"
            ></textarea>
            <div class="toolbar">
                // Loads www/sample.txt once the logic exists; does nothing yet.
                <button type="button" data-action="sample">"载入示例"</button>
            </div>
        </main>
    }
}
