//! 批量检查: many files at once (picked, a folder, dropped, or a .zip), each
//! checked in the worker one after another, with the files done of N and a
//! way to stop between files. A sortable table of the files with their
//! totals; each row opens its own report; the table exports as CSV.

use super::{exports, worker, State};
use jixiao_lint::batch::{headings, totals, BatchRow};
use jixiao_lint::text::{t, Lang, Message, Text};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

const TITLE: Text = t("批量检查", "Check many files");
const INTRO: Text = t(
    "一次选择多个文件、一个文件夹或一个 .zip 压缩包（也可以把多个文件拖到页面上），逐个检查并汇总。",
    "Pick many files, a folder or a .zip archive at once (or drop several files on the page): each is checked in turn and summed up.",
);
const PICK_FILES: Text = t("选择多个文件或 .zip…", "Pick files or a .zip…");
const PICK_FOLDER: Text = t("选择文件夹…", "Pick a folder…");
const CHECKING: Text = t("正在检查", "Checking");
const FILES_DONE: Text = t("个文件已检查，共", "files checked of");
const CANCEL: Text = t("停止", "Stop");
const CANCELLED: Text = t(
    "已停止：其余文件未检查。",
    "Stopped: the remaining files were not checked.",
);
const OPEN: Text = t("查看报告", "Open report");
const TOTAL: Text = t("合计", "Total");
const EXPORT_CSV: Text = t("导出汇总 CSV", "Export the summary as CSV");
const EXPORT_XLSX: Text = t(
    "导出工作簿（汇总 + 每个文件的问题）",
    "Export a workbook (the summary + each file's findings)",
);
const CLEAR: Text = t("清除批量结果", "Clear the batch");

/// The batch's part of the page state.
#[derive(Clone, Copy)]
pub(crate) struct BatchState {
    rows: RwSignal<Vec<BatchRow>>,
    /// (done, of) while a batch runs.
    running: RwSignal<Option<(usize, usize)>>,
    stop: StoredValue<bool>,
    /// Counts the batches started: a stale loop stops.
    generation: StoredValue<u32>,
    /// Column to sort by (index into the headings) and whether descending.
    sort: RwSignal<Option<(usize, bool)>>,
    status: RwSignal<Option<Message>>,
    /// The row whose report is on show.
    opened: RwSignal<Option<usize>>,
}

impl BatchState {
    pub fn new() -> Self {
        BatchState {
            rows: RwSignal::new(Vec::new()),
            running: RwSignal::new(None),
            stop: StoredValue::new(false),
            generation: StoredValue::new(0),
            sort: RwSignal::new(None),
            status: RwSignal::new(None),
            opened: RwSignal::new(None),
        }
    }
}

fn number(data: &JsValue, key: &str) -> Option<usize> {
    js_sys::Reflect::get(data, &key.into())
        .ok()
        .and_then(|v| v.as_f64())
        .map(|n| n as usize)
}

/// The row of a batch answer.
fn row_of(data: &JsValue) -> Result<BatchRow, Message> {
    worker::decode(data)
}

/// A file's name with its folder when picked as a folder.
fn file_name(file: &web_sys::File) -> String {
    let relative = js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|p| !p.is_empty());
    relative.unwrap_or_else(|| file.name())
}

/// Checks `files` one after another in the worker.
pub(crate) fn start(state: State, files: Vec<web_sys::File>) {
    let batch = state.batch;
    if files.is_empty() {
        return;
    }
    batch.generation.update_value(|g| *g += 1);
    let generation = batch.generation.get_value();
    batch.stop.set_value(false);
    batch.rows.set(Vec::new());
    batch.status.set(None);
    batch.opened.set(None);
    batch.running.set(Some((0, files.len())));
    spawn_local(async move {
        let current = move || batch.generation.get_value() == generation;
        let _ = worker::ask(worker::request(&[("batch_clear", "")]), false).await;
        let mut of = files.len();
        let mut done = 0;
        let push = |row: BatchRow| batch.rows.update(|rows| rows.push(row));
        'files: for file in files {
            if !current() || batch.stop.get_value() {
                break;
            }
            let name = file_name(&file);
            let buffer = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => buffer,
                Err(_) => {
                    push(BatchRow::unreadable(
                        name.clone(),
                        Message::new(
                            "浏览器无法读取这个文件。",
                            "The browser could not read the file.",
                        ),
                    ));
                    done += 1;
                    batch.running.set(Some((done, of)));
                    continue;
                }
            };
            let request = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&request, &"batch_file".into(), &buffer);
            let _ = js_sys::Reflect::set(&request, &"name".into(), &JsValue::from_str(&name));
            let answer = worker::ask(request.into(), false).await;
            if !current() {
                return;
            }
            match answer {
                Ok(data) => match number(&data, "pending") {
                    // A zip: its members, one request each.
                    Some(pending) => {
                        of = of - 1 + pending;
                        batch.running.set(Some((done, of)));
                        for _ in 0..pending {
                            if !current() || batch.stop.get_value() {
                                break 'files;
                            }
                            let answer =
                                worker::ask(worker::request(&[("batch_next", "")]), false).await;
                            if !current() {
                                return;
                            }
                            match answer.and_then(|data| row_of(&data)) {
                                Ok(row) => push(row),
                                Err(why) => {
                                    // The worker died: the zip's other members went with it.
                                    push(BatchRow::unreadable(format!("{name}/…"), why));
                                    done += 1;
                                    break;
                                }
                            }
                            done += 1;
                            batch.running.set(Some((done, of)));
                        }
                    }
                    None => {
                        match row_of(&data) {
                            Ok(row) => push(row),
                            Err(why) => push(BatchRow::unreadable(name, why)),
                        }
                        done += 1;
                    }
                },
                Err(why) => {
                    push(BatchRow::unreadable(name, why));
                    done += 1;
                }
            }
            batch.running.set(Some((done, of)));
        }
        if current() {
            if batch.stop.get_value() && done < of {
                batch
                    .status
                    .set(Some(Message::new(CANCELLED.zh, CANCELLED.en)));
            }
            batch.running.set(None);
        }
    });
}

/// Opens one file's report: the worker checks it again and keeps it.
fn open(state: State, index: usize, name: String) {
    state.batch.opened.set(Some(index));
    let request = worker::request(&[("batch_open", &index.to_string())]);
    state.check(request, Some(name));
    if let Some(element) = document().get_element_by_id("table-input") {
        element.scroll_into_view();
    }
}

/// Downloads the batch summary as `csv` or as an `xlsx` workbook (which the
/// worker writes, checking each file again: it says so while it does).
fn export(state: State, format: &'static str) {
    let lang = if state.lang.get_untracked() == Lang::En {
        "en"
    } else {
        "zh"
    };
    let status = state.batch.status;
    if format == "xlsx" {
        status.set(Some(Message::new(
            "正在生成工作簿…",
            "Writing the workbook…",
        )));
    }
    spawn_local(async move {
        let request = worker::request(&[("batch_export", lang), ("format", format)]);
        match worker::ask(request, false).await {
            Ok(data) => {
                status.set(None);
                exports::download(
                    &worker::field(&data, "name"),
                    &worker::field(&data, "mime"),
                    &worker::content(&data),
                )
            }
            Err(message) => status.set(Some(message)),
        }
    });
}

/// The value a column sorts by: a number, or text.
fn sort_key(row: &BatchRow, column: usize, lang: Lang) -> (usize, String) {
    match column {
        2 => (row.units, String::new()),
        3 => (row.projects, String::new()),
        4 => (row.indicators, String::new()),
        5 => (row.errors, String::new()),
        6 => (row.warnings, String::new()),
        7 => (row.infos, String::new()),
        0 => (0, row.name.clone()),
        1 => (0, row.department.clone().unwrap_or_default()),
        8 => (
            0,
            row.source
                .as_ref()
                .map(|s| s.get(lang).to_owned())
                .unwrap_or_default(),
        ),
        _ => (usize::from(!row.is_ok()), row.status().get(lang).to_owned()),
    }
}

const SORT_IDS: [&str; 10] = [
    "name",
    "department",
    "units",
    "projects",
    "indicators",
    "errors",
    "warnings",
    "infos",
    "source",
    "status",
];

fn files_of(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

fn row_view(state: State, lang: Lang, index: usize, row: BatchRow) -> impl IntoView {
    let batch = state.batch;
    let name = row.name.clone();
    let ok = row.is_ok();
    let opened = move || batch.opened.get() == Some(index);
    view! {
        <tr data-batch-row data-name=row.name.clone() data-status=if ok { "checked" } else { "unreadable" } class:opened=opened>
            <th scope="row" data-batch-cell="name">{row.name.clone()}</th>
            <td data-batch-cell="department">{row.department.clone().unwrap_or_default()}</td>
            <td data-batch-cell="units">{row.units}</td>
            <td data-batch-cell="projects">{row.projects}</td>
            <td data-batch-cell="indicators">{row.indicators}</td>
            <td data-batch-cell="errors" class="error">{row.errors}</td>
            <td data-batch-cell="warnings" class="warning">{row.warnings}</td>
            <td data-batch-cell="infos" class="info">{row.infos}</td>
            <td data-batch-cell="source" class="muted">{row.source.as_ref().map(|s| s.get(lang).to_owned())}</td>
            <td data-batch-cell="status">
                {row.status().get(lang).to_owned()}
                {ok.then(|| view! {
                    " "
                    <button type="button" data-action="batch-open" on:click=move |_| open(state, index, name.clone())>{OPEN.get(lang)}</button>
                })}
            </td>
        </tr>
    }
}

#[component]
pub fn Batch(state: State) -> impl IntoView {
    let batch = state.batch;
    let pick = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        let files = files_of(&input);
        input.set_value("");
        start(state, files);
    };
    let sorted = move || {
        let lang = state.lang.get();
        let mut rows: Vec<(usize, BatchRow)> = batch.rows.get().into_iter().enumerate().collect();
        if let Some((column, descending)) = batch.sort.get() {
            rows.sort_by(|(_, a), (_, b)| {
                let order = sort_key(a, column, lang).cmp(&sort_key(b, column, lang));
                if descending {
                    order.reverse()
                } else {
                    order
                }
            });
        }
        rows
    };
    // The table is drawn anew only when it appears or the language changes.
    let has_rows = Memo::new(move |_| batch.rows.with(|rows| !rows.is_empty()));
    let table = move || {
        let lang = state.lang.get();
        if !has_rows.get() {
            return None;
        }
        let heads = headings(lang)
            .into_iter()
            .enumerate()
            .map(|(column, title)| {
                let mark = move || match batch.sort.get() {
                    Some((c, true)) if c == column => " ▼",
                    Some((c, false)) if c == column => " ▲",
                    _ => "",
                };
                let aria = move || match batch.sort.get() {
                    Some((c, true)) if c == column => "descending",
                    Some((c, false)) if c == column => "ascending",
                    _ => "none",
                };
                view! {
                    <th scope="col" aria-sort=aria>
                        <button type="button" data-sort=SORT_IDS[column] on:click=move |_| {
                            batch.sort.update(|s| {
                                *s = match *s {
                                    Some((c, false)) if c == column => Some((column, true)),
                                    Some((c, true)) if c == column => None,
                                    _ => Some((column, false)),
                                }
                            })
                        }>{title}{mark}</button>
                    </th>
                }
            })
            .collect_view();
        // Keyed by the row's place in the batch, so that a row checked is
        // added without drawing the others again: with erase_components,
        // drawing the whole body anew for each file made a batch of 200 three
        // times slower. A new batch and Clear empty the rows first, which
        // draws the table anew, so no row of an earlier batch is kept.
        let key = |(index, _): &(usize, BatchRow)| *index;
        let draw = move |(index, row)| row_view(state, lang, index, row);
        let footer = move || {
            let t = batch.rows.with(|rows| totals(rows));
            view! {
                <tr data-batch-totals>
                    <th scope="row">{format!("{}（{} / {}）", TOTAL.get(lang), t.checked, t.files)}</th>
                    <td></td>
                    <td data-batch-total="units">{t.units}</td>
                    <td data-batch-total="projects">{t.projects}</td>
                    <td data-batch-total="indicators">{t.indicators}</td>
                    <td data-batch-total="errors" class="error">{t.errors}</td>
                    <td data-batch-total="warnings" class="warning">{t.warnings}</td>
                    <td data-batch-total="infos" class="info">{t.infos}</td>
                    <td></td>
                    <td data-batch-total="files">{t.describe().get(lang).to_owned()}</td>
                </tr>
            }
        };
        Some(view! {
            <div class="batch-table-box">
                <table class="batch-table" data-batch-table>
                    <thead><tr>{heads}</tr></thead>
                    <tbody><For each=sorted key=key children=draw /></tbody>
                    <tfoot>
                        {footer}
                    </tfoot>
                </table>
            </div>
            <div class="toolbar">
                <button type="button" data-action="batch-export-csv" on:click=move |_| export(state, "csv")>{EXPORT_CSV.get(lang)}</button>
                <button type="button" data-action="batch-export-xlsx" on:click=move |_| export(state, "xlsx")>{EXPORT_XLSX.get(lang)}</button>
                <button type="button" data-action="batch-clear" on:click=move |_| {
                    batch.generation.update_value(|g| *g += 1);
                    batch.running.set(None);
                    batch.rows.set(Vec::new());
                    batch.status.set(None);
                }>{CLEAR.get(lang)}</button>
            </div>
        })
    };
    let head = move || {
        let lang = state.lang.get();
        view! {
            <h2 id="batch-title">{TITLE.get(lang)}</h2>
            <p class="muted">{INTRO.get(lang)}</p>
            <div class="toolbar">
                <label class="file-button">
                    {PICK_FILES.get(lang)}
                    <input type="file" multiple data-action="batch-files" accept=".txt,.tsv,.csv,.xlsx,.xls,.ods,.zip,text/plain,text/csv,application/zip" on:change=pick />
                </label>
                <label class="file-button">
                    {PICK_FOLDER.get(lang)}
                    <input type="file" multiple data-action="batch-folder" on:change=pick
                        on:click=|event| {
                            // Folder mode, set before the browser opens its picker
                            // (`webkitdirectory` is no attribute Leptos knows).
                            let input: web_sys::Element = event_target(&event);
                            let _ = input.set_attribute("webkitdirectory", "");
                        } />
                </label>
            </div>
        }
    };
    let progress = move || {
        let (done, of) = batch.running.get()?;
        let lang = state.lang.get();
        Some(view! {
            <div class="checking" data-state="batch-running" role="status">
                <span>{CHECKING.get(lang)}</span>
                <progress max=of prop:value=done data-batch-progress=format!("{done}/{of}")></progress>
                <span data-batch-done>{format!("{done} {} {of}", FILES_DONE.get(lang))}</span>
                <button type="button" data-action="batch-cancel" on:click=move |_| batch.stop.set_value(true)>
                    {CANCEL.get(lang)}
                </button>
            </div>
        })
    };
    view! {
        <section class="batch" data-batch aria-labelledby="batch-title">
            {head}
            {progress}
            <p class="status" role="status" data-batch-status>{move || batch.status.get().map(|m| m.get(state.lang.get()).to_owned())}</p>
            {table}
        </section>
    }
}
