//! The page's worker, a Web Worker of its own (wasm32 only). It does all the
//! work, so that the page's own wasm is only the interface and never freezes:
//! it reads files (its file build: calamine for xlsx/xls/ods, encoding_rs for
//! GB18030 and UTF-16 text), checks every table and keeps the last one, answering for the
//! slices the page shows, the rules' help, the exports and the share link.
//! The page talks to it through src/web/worker.rs.
//!
//! Two builds of this file (src/bin/): `jixiao-check-worker` (the `profiles`
//! feature alone), which the page starts with it, and `jixiao-file-worker` (every
//! feature). The check worker answers what only the file worker can do — a
//! workbook or a text that is not UTF-8 (`file`, `earlier_file`), the
//! annotated workbook, batches — with `{ok: false, upgrade: true}`, giving a
//! file's bytes back as `file` (transferred), and every later request but
//! `{handover: …}` the same way; the page then moves to the file worker,
//! carrying the table over (`{handover: …}` → `{text, profile, earlier}`, each
//! null where there is none), and asks it again, in the same order.
//!
//! Protocol: once ready the worker posts `{ready: true}`; then it answers each
//! request, in order, with `{ok: true, …}` or `{ok: false, message, message_en}`.
//! The view's data travels as `data`, a Uint8Array of `view::to_bytes`:
//! - `{check: text}`, a file's bytes (an ArrayBuffer, transferred), or a
//!   paste's `{plain, html}` (the HTML's table when it has merged cells) →
//!   `{data: First, source, source_en, check_ms, memory_bytes, peak_bytes, projects}`;
//!   while a large table is checked the worker also posts `{progress: 0…1}`;
//! - `{rows: "from,to"}` → `{data: Vec<TableRow>}` of the table kept;
//! - `{problems: "group,from,to"}` → `{data: Vec<Problem>}` of the table kept;
//! - `{row_index: "number"}` → `{index}`: where row `number` is in the table view;
//! - `{help: id}` → `{data: RuleHelp}`;
//! - `{export: ID, lang}` → `{name, mime, text}` of the table kept (see `export::by_id`);
//! - `{export: "annotated-xlsx", lang}` → `{name, mime, bytes}` (a Uint8Array);
//! - `{share: …, profile}` → `{text: fragment}` for the table kept, with the profile;
//! - `{open_link: fragment}` → `{text, earlier, profile}` of a share link
//!   (each null where the link has none), or why the link cannot be read;
//! - comparing with an earlier version (src/diff.rs): `{earlier_text: text}`,
//!   `{earlier_file: ArrayBuffer}` or `{earlier_kept: …}` (the table kept)
//!   keep the earlier table → `{counts, counts_en}`; `{earlier_clear: …}`
//!   forgets it; `{compare: …}` → `{data: Comparison (at most COMPARE_SHOWN
//!   of each list), fixed, introduced, remaining, changes}` of the earlier
//!   table and the table kept; `{share_both: …}` → `{text: fragment}` with
//!   both; `{export_diff: csv|markdown|json, lang}` → `{name, mime, text}`;
//! - batches (src/batch.rs), checked one file per request so that the page
//!   shows the progress and can stop between files: `{batch_clear: …}`;
//!   `{batch_file: ArrayBuffer, name}` → `{data: BatchRow, index}` for a
//!   file, or `{pending: n}` for a .zip, whose members then come one per
//!   `{batch_next: …}` → `{data: BatchRow, index}`; `{batch_open: index}`
//!   checks that file again and keeps it, answering as a check does;
//!   `{batch_export: lang}` → `{name, mime, text}` (CSV with the totals);
//!   `{batch_export: lang, format: "xlsx"}` → `{name, mime, bytes}` (the
//!   batch workbook: a summary sheet and one findings sheet per table).
//! - `{recheck: …, profile}` → as `check`, the table kept checked again;
//! - `{settings: toml}`, optionally with `rule: id`, `threshold: key` or
//!   `columns: header cells` (tab-separated) and `set: value` (for columns,
//!   their ids), or `columns_remove: index` → `{data: ProfileView}` of that
//!   profile (changed), or why it is wrong (its lines named);
//! - `{head: …}` → `{data: [HeadRow], suggested}`: the first rows of the
//!   table kept, for the column mapping step, and the likeliest header.
//!
//! Every check (`check`, `plain`, `file: ArrayBuffer`, `recheck`) takes the
//! profile in force as `profile` (jixiao.toml's text; empty for the
//! defaults); a wrong one checks with the defaults and says why in
//! `profile_error`, `profile_error_en`. A check marked `restored` (the table
//! the page carries over to the file worker) posts no progress.

/// The allocator, counted: a check tells the most bytes live while it was
/// answered (`peak_bytes`) beside the wasm memory it grew (`memory_bytes`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: jixiao_lint::memory::Counting = jixiao_lint::memory::Counting;

/// Natively there is no page: says where to look.
#[cfg(not(target_arch = "wasm32"))]
pub fn run() {
    println!(
        "{} is the web page's worker (a Web Worker): Trunk builds it for wasm32. On the command line use `jixiao-lint`.",
        env!("CARGO_BIN_NAME")
    );
}

/// Starts the worker: sets its message handler, says it is ready, warms up.
#[cfg(target_arch = "wasm32")]
pub fn run() {
    use jixiao_lint::text::{Lang, Message};
    use jixiao_lint::view::{self, Checked, ProfileView, RuleHelp, LARGE_INPUT, PAGE};
    use jixiao_lint::{diff, export, input, profile, share, Config, Report, SharedText};
    use js_sys::{ArrayBuffer, Reflect, Uint8Array};
    use serde::Serialize;
    use serde_json::json;
    use std::cell::{Cell, RefCell};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    thread_local! {
        /// The last table checked: the one the page shows.
        static KEPT: RefCell<Option<Checked>> = const { RefCell::new(None) };
        /// The earlier version the table kept is compared with, if any.
        static EARLIER: RefCell<Option<(SharedText, Report)>> = const { RefCell::new(None) };
        /// The profile of the last check: the earlier version and a batch's
        /// files are checked with it too, so that a comparison never counts a
        /// rule the profile turned off as fixed.
        static IN_FORCE: RefCell<Config> = RefCell::new(Config::default());
    }

    thread_local! {
        /// Set by the page's first request: the warm-up stops there.
        static ASKED: Cell<bool> = const { Cell::new(false) };
        /// Set once the check worker has sent a request on to the file
        /// worker: from then on it sends every request on but the handover,
        /// so that its table stays what it hands over and the file worker
        /// answers them all in the order they were asked.
        static MOVING: Cell<bool> = const { Cell::new(false) };
    }

    /// The sample (the Guangzhou table), checked while the page waits for
    /// its first table.
    const WARM_UP_TABLE: &str =
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/www/sample.txt"));
    /// How many times at most: a few hundred milliseconds of a fresh worker,
    /// long enough for V8 to optimise the hot loops (the effect is measured
    /// by tests/e2e/bench.mjs's first check of a 1 MB table in a fresh
    /// worker; the count itself was not tuned).
    const WARM_UP_CHECKS: u32 = 40;

    /// Sends the sample through the message handler, as the page's check
    /// would, one check per task until WARM_UP_CHECKS or the page's first
    /// request. V8 compiles a wasm function on its first call and optimises
    /// only the functions that have run a while, so without this the user's
    /// first table was checked 3–6× slower than the next one, and the first
    /// call of `answer` alone (one large function) took 30–50 ms to compile.
    /// One check per task: a request that arrives meanwhile waits for one
    /// small check at most.
    fn warm_up(scope: web_sys::DedicatedWorkerGlobalScope, left: u32) {
        if left == 0 || ASKED.get() {
            return;
        }
        let request = js_sys::Object::new();
        let _ = Reflect::set(&request, &"check".into(), &WARM_UP_TABLE.into());
        let checked = answer(&scope, request.into());
        // The last one's report goes to the page, which draws it off the
        // screen to warm its own code up (src/web/mod.rs, `rehearse`).
        if left == 1 {
            let _ = Reflect::set(&checked, &"rehearsal".into(), &true.into());
            let _ = scope.post_message(&checked);
        }
        // The page has no table yet: nothing is kept.
        KEPT.with_borrow_mut(|kept| *kept = None);
        let next = scope.clone();
        let again = Closure::once_into_js(move || warm_up(next, left - 1));
        let _ = scope.set_timeout_with_callback(again.unchecked_ref());
    }

    fn in_force() -> Config {
        IN_FORCE.with_borrow(Config::clone)
    }

    /// A file of the batch: its text (kept to open its report and to write
    /// the batch workbook), how it was read, and the profile it was checked with.
    #[cfg(feature = "files")]
    struct BatchFile {
        text: Option<SharedText>,
        source: Option<Message>,
        row: jixiao_lint::batch::BatchRow,
        config: Config,
    }

    /// A member of a zip not checked yet: its name, and its bytes or why not.
    #[cfg(feature = "files")]
    type Member = (String, Result<Vec<u8>, Message>);

    #[cfg(feature = "files")]
    thread_local! {
        static BATCH: RefCell<Vec<BatchFile>> = const { RefCell::new(Vec::new()) };
        /// Members of a zip not checked yet: name and bytes, or why not.
        static PENDING: RefCell<std::collections::VecDeque<Member>> =
            const { RefCell::new(std::collections::VecDeque::new()) };
    }

    /// Reads and checks one file of a batch, keeps it and answers its row.
    #[cfg(feature = "files")]
    fn batch_check(name: String, bytes: Result<Vec<u8>, Message>) -> JsValue {
        use jixiao_lint::batch::BatchRow;
        let read = bytes.and_then(|bytes| {
            if input::archive::is_archive(&bytes) {
                return Err(Message::new(
                    "压缩包中的压缩包不展开，请解压后再检查。",
                    "A zip inside the zip is not opened; unpack it first.",
                ));
            }
            input::read_file_owned(bytes).map_err(|e| e.message())
        });
        let config = in_force();
        let file = match read {
            Ok(decoded) => {
                let text = SharedText::new(decoded.text);
                let report = jixiao_lint::check_shared(&text, &config, &mut |_| {});
                let source = Some(decoded.source.describe());
                BatchFile {
                    row: BatchRow::checked(name, source.clone(), &report),
                    text: Some(text),
                    source,
                    config,
                }
            }
            Err(why) => BatchFile {
                row: BatchRow::unreadable(name, why),
                text: None,
                source: None,
                config,
            },
        };
        let answer =
            BATCH.with_borrow(|batch| with_data(&file.row, json!({ "index": batch.len() })));
        BATCH.with_borrow_mut(|batch| batch.push(file));
        answer
    }

    /// The requests about a batch; `None` for any other request.
    #[cfg(feature = "files")]
    fn answer_batch(
        scope: &web_sys::DedicatedWorkerGlobalScope,
        data: &JsValue,
    ) -> Option<JsValue> {
        if has(data, "batch_clear") {
            BATCH.with_borrow_mut(Vec::clear);
            PENDING.with_borrow_mut(|p| p.clear());
            return Some(reply(&json!({ "ok": true })));
        }
        if let Ok(buffer) = Reflect::get(data, &"batch_file".into()) {
            if buffer.is_instance_of::<ArrayBuffer>() {
                let name = text_field(data, "name").unwrap_or_default();
                let bytes = Uint8Array::new(&buffer).to_vec();
                let zip =
                    name.to_lowercase().ends_with(".zip") || input::archive::is_archive(&bytes);
                if !zip {
                    return Some(batch_check(name, Ok(bytes)));
                }
                return Some(match input::archive::read_archive(&bytes) {
                    Ok(members) => {
                        let pending = members.len();
                        PENDING.with_borrow_mut(|p| {
                            p.extend(
                                members
                                    .into_iter()
                                    .map(|m| (format!("{name}/{}", m.name), m.bytes)),
                            )
                        });
                        reply(&json!({ "ok": true, "pending": pending }))
                    }
                    Err(error) => batch_check(name, Err(error.message())),
                });
            }
        }
        if has(data, "batch_next") {
            return Some(match PENDING.with_borrow_mut(|p| p.pop_front()) {
                Some((name, bytes)) => batch_check(name, bytes),
                None => failure(Message::new(
                    "压缩包中没有更多文件。",
                    "No more files in the zip archive.",
                )),
            });
        }
        if let Some(index) = numbers(data, "batch_open") {
            let file = BATCH.with_borrow(|batch| {
                batch
                    .get(index.first().copied().unwrap_or(usize::MAX))
                    .map(|f| (f.text.clone(), f.source.clone(), f.row.status()))
            });
            return Some(match file {
                Some((Some(text), source, _)) => check_and_keep(scope, text, source, data),
                Some((None, _, why)) => failure(why),
                None => failure(Message::new(
                    "辅助组件中没有这个文件，请重新选择这批文件。",
                    "The helper no longer holds this file; choose the files again.",
                )),
            });
        }
        let lang = text_field(data, "batch_export")?;
        let lang = if lang == "en" { Lang::En } else { Lang::Zh };
        if text_field(data, "format").as_deref() == Some("xlsx") {
            return Some(BATCH.with_borrow(|batch| batch_workbook(batch, lang)));
        }
        let rows: Vec<_> = BATCH.with_borrow(|batch| batch.iter().map(|f| f.row.clone()).collect());
        Some(reply(&json!({
            "ok": true,
            "name": "batch.csv",
            "mime": "text/csv",
            "text": jixiao_lint::batch::to_csv(&rows, lang),
        })))
    }

    /// The batch workbook: each file checked again with the profile it was
    /// checked with (the worker keeps texts, not reports, to keep its memory
    /// small), one findings sheet per table, as bytes.
    #[cfg(feature = "files")]
    fn batch_workbook(batch: &[BatchFile], lang: Lang) -> JsValue {
        let text_bytes: usize = batch
            .iter()
            .filter_map(|f| f.text.as_ref())
            .map(|text| text.len())
            .sum();
        if text_bytes > MAX_WORKBOOK_TABLE {
            return failure(Message::new(
                format!("这批文件超过 {} MB，页面中不生成工作簿，以免浏览器内存不足；请用命令行（jixiao-lint check --format xlsx --output OUT.xlsx FILE…）或 CSV 导出。", MAX_WORKBOOK_TABLE / 1_000_000),
                format!("The files are over {} MB in all: the page does not write their workbook, which could exhaust the browser's memory. Use the command line (jixiao-lint check --format xlsx --output OUT.xlsx FILE…) or the CSV export.", MAX_WORKBOOK_TABLE / 1_000_000),
            ));
        }
        let reports: Vec<Option<Report>> = batch
            .iter()
            .map(|f| {
                f.text
                    .as_ref()
                    .map(|text| jixiao_lint::check_shared(text, &f.config, &mut |_| {}))
            })
            .collect();
        let files: Vec<_> = batch
            .iter()
            .zip(&reports)
            .map(|(f, report)| (&f.row, report.as_ref()))
            .collect();
        match jixiao_lint::xlsx::batch_workbook(&files, lang) {
            Ok(bytes) => workbook_reply("jixiao-batch.xlsx", &bytes),
            Err(message) => failure(message),
        }
    }

    /// `{ok, name, mime, bytes}`: a workbook for the page to download.
    #[cfg(feature = "files")]
    fn workbook_reply(name: &str, bytes: &[u8]) -> JsValue {
        let answer = reply(&json!({
            "ok": true,
            "name": name,
            "mime": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }));
        let _ = Reflect::set(&answer, &"bytes".into(), &Uint8Array::from(bytes));
        answer
    }

    /// At most this many items of each list of a comparison go to the page.
    const COMPARE_SHOWN: usize = 1000;

    fn keep_earlier(text: SharedText, report: Report) -> JsValue {
        let counts = report.summary.counts();
        EARLIER.with_borrow_mut(|earlier| *earlier = Some((text, report)));
        reply(&json!({ "ok": true, "counts": counts.zh, "counts_en": counts.en }))
    }

    /// Checks an earlier version (with the profile in force) and keeps it.
    fn check_earlier(text: SharedText) -> JsValue {
        let report = jixiao_lint::check_shared(&text, &in_force(), &mut |_| {});
        keep_earlier(text, report)
    }

    /// Runs `f` on the earlier table and the table kept, or says which is missing.
    fn with_both(f: impl FnOnce(&(SharedText, Report), &Checked) -> JsValue) -> JsValue {
        EARLIER.with_borrow(|earlier| match earlier {
            Some(earlier) => with_kept(|checked| f(earlier, checked)),
            None => failure(Message::new(
                "辅助组件中没有上一版表格，请重新选择上一版。",
                "The helper holds no earlier version; choose the earlier version again.",
            )),
        })
    }

    fn has(data: &JsValue, key: &str) -> bool {
        Reflect::has(data, &key.into()).unwrap_or(false)
    }

    /// The requests about an earlier version; `None` for any other request.
    fn answer_compare(data: &JsValue) -> Option<JsValue> {
        if let Some(text) = text_field(data, "earlier_text") {
            return Some(check_earlier(SharedText::new(text)));
        }
        if let Ok(buffer) = Reflect::get(data, &"earlier_file".into()) {
            if buffer.is_instance_of::<ArrayBuffer>() {
                let bytes = Uint8Array::new(&buffer).to_vec();
                return Some(match read(bytes) {
                    Ok(decoded) => check_earlier(SharedText::new(decoded.text)),
                    Err(unread) => unread.answer(),
                });
            }
        }
        if has(data, "earlier_kept") {
            return Some(with_kept(|checked| {
                keep_earlier(checked.text.clone(), checked.report.clone())
            }));
        }
        if has(data, "earlier_clear") {
            EARLIER.with_borrow_mut(|earlier| *earlier = None);
            return Some(reply(&json!({ "ok": true })));
        }
        if has(data, "compare") {
            return Some(with_both(|(_, earlier), checked| {
                let c = diff::compare(earlier, &checked.report);
                with_data(
                    &c.capped(COMPARE_SHOWN),
                    json!({
                        "fixed": c.fixed.len(),
                        "introduced": c.introduced.len(),
                        "remaining": c.remaining.len(),
                        "changes": c.changes.len(),
                    }),
                )
            }));
        }
        if has(data, "share_both") {
            return Some(with_both(|(earlier, _), checked| match share::encode_pair(
                earlier,
                &checked.text,
            ) {
                Ok(fragment) => reply(&json!({ "ok": true, "text": fragment })),
                Err(error) => failure(error.message()),
            }));
        }
        let format = text_field(data, "export_diff")?;
        let lang = if text_field(data, "lang").as_deref() == Some("en") {
            Lang::En
        } else {
            Lang::Zh
        };
        Some(with_both(|(_, earlier), checked| {
            let c = diff::compare(earlier, &checked.report);
            let (old, new) = match lang {
                Lang::Zh => ("上一版", "本版"),
                Lang::En => ("earlier", "revision"),
            };
            let (name, mime, text) = match format.as_str() {
                "csv" => ("comparison.csv", "text/csv", diff::to_csv(&c, lang)),
                "markdown" => (
                    "comparison.md",
                    "text/markdown",
                    diff::to_markdown(&c, old, new, lang),
                ),
                _ => (
                    "comparison.json",
                    "application/json",
                    serde_json::to_string_pretty(&c).unwrap_or_default(),
                ),
            };
            reply(&json!({ "ok": true, "name": name, "mime": mime, "text": text }))
        }))
    }

    /// A reply as a plain JS object (serde-wasm-bindgen; maps as objects).
    fn reply(value: &impl Serialize) -> JsValue {
        let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
        value.serialize(&serializer).unwrap_or(JsValue::NULL)
    }

    /// `{ok: true, data}`, `data` the view's bytes, plus `fields`.
    fn with_data(value: &impl Serialize, fields: serde_json::Value) -> JsValue {
        let answer = reply(&fields);
        let bytes = Uint8Array::from(view::to_bytes(value).as_slice());
        let _ = Reflect::set(&answer, &"ok".into(), &true.into());
        let _ = Reflect::set(&answer, &"data".into(), &bytes);
        answer
    }

    fn failure(message: Message) -> JsValue {
        reply(&json!({ "ok": false, "message": message.zh, "message_en": message.en }))
    }

    /// Runs `f` on the table kept, or says there is none (the worker was
    /// restarted since).
    fn with_kept(f: impl FnOnce(&Checked) -> JsValue) -> JsValue {
        KEPT.with_borrow(|kept| match kept {
            Some(checked) => f(checked),
            None => failure(Message::new(
                "辅助组件中没有表格，请重新载入表格。",
                "The helper holds no table; load the table again.",
            )),
        })
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

    /// The profile a request names (`profile`: jixiao.toml's text), or the
    /// defaults with why it could not be used.
    fn profile_of(data: &JsValue) -> (Config, Option<Message>) {
        let text = text_field(data, "profile").unwrap_or_default();
        match profile::parse(&text) {
            Ok(config) => (config, None),
            Err(errors) => {
                let why = profile::describe(&errors);
                let message = Message::new(
                    format!("规则配置有误，本次按默认规则检查：\n{}", why.zh),
                    format!(
                        "The profile is wrong; checked with the defaults instead:\n{}",
                        why.en
                    ),
                );
                (Config::default(), Some(message))
            }
        }
    }

    /// The settings panel: a profile, perhaps with one change, as its view.
    fn settings(data: &JsValue, text: &str) -> JsValue {
        let mut config = match profile::parse(text) {
            Ok(config) => config,
            Err(errors) => return failure(profile::describe(&errors)),
        };
        let set = text_field(data, "set").unwrap_or_default();
        let changed = if let Some(id) = text_field(data, "rule") {
            let setting = jixiao_lint::config::RuleSetting::from_id(&set);
            config.set_rule(&id, setting)
        } else if let Some(key) = text_field(data, "threshold") {
            config.set_threshold(&key, &set)
        } else if let Some(header) = text_field(data, "columns") {
            config.add_columns(&header, &set)
        } else if let Some(index) = text_field(data, "columns_remove") {
            config.remove_columns(index.parse().unwrap_or(usize::MAX));
            Ok(())
        } else {
            Ok(())
        };
        match changed {
            Ok(()) => with_data(&ProfileView::of(&config), json!({})),
            Err(message) => failure(message),
        }
    }

    /// Checks a table and keeps it; a large one posts its progress as it goes.
    fn check_and_keep(
        scope: &web_sys::DedicatedWorkerGlobalScope,
        text: impl Into<SharedText>,
        source: Option<Message>,
        data: &JsValue,
    ) -> JsValue {
        let (config, profile_error) = profile_of(data);
        // Another profile: the earlier version is checked again with it.
        if IN_FORCE.with_borrow(|in_force| *in_force != config) {
            EARLIER.with_borrow_mut(|earlier| {
                if let Some((text, report)) = earlier {
                    *report = jixiao_lint::check_shared(text, &config, &mut |_| {});
                }
            });
            IN_FORCE.set(config.clone());
        }
        // The table kept before is no longer shown: free it first.
        KEPT.with_borrow_mut(|kept| *kept = None);
        let start = now(scope);
        // The table carried over from the check worker (`restored`) is not
        // the one the page waits for: its progress is not the page's.
        let text = text.into();
        let large = text.len() > LARGE_INPUT && !has(data, "restored");
        let mut last = -1.0;
        let checked = Checked::with_progress(text, &config, &mut |step| {
            let done = step.fraction();
            if large && done - last >= 0.02 {
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
        let answer = with_data(
            &checked.first(PAGE, LARGE_INPUT),
            json!({
                "source": source.zh,
                "source_en": source.en,
                "check_ms": check_ms,
                "memory_bytes": memory_bytes,
                "peak_bytes": jixiao_lint::memory::peak(),
                "projects": checked.overview.projects,
                "profile_error": profile_error.as_ref().map(|m| &m.zh),
                "profile_error_en": profile_error.as_ref().map(|m| &m.en),
            }),
        );
        KEPT.with_borrow_mut(|kept| *kept = Some(checked));
        answer
    }

    // Not inlined into the message closure: warm_up calls this very function,
    // so that V8 has compiled and optimised it before the page's first request.
    #[inline(never)]
    fn answer(scope: &web_sys::DedicatedWorkerGlobalScope, data: JsValue) -> JsValue {
        // A check's `peak_bytes` counts from here: the text's arrival too, and
        // in a worker that checked before, what it still holds of that (a
        // fresh worker's, as the bench's, is the check's own).
        jixiao_lint::memory::reset_peak();
        // A file's bytes, alone or as `{file, profile}`.
        let file = if data.is_instance_of::<ArrayBuffer>() {
            Some(data.clone())
        } else {
            Reflect::get(&data, &"file".into())
                .ok()
                .filter(|f| f.is_instance_of::<ArrayBuffer>())
        };
        if MOVING.get() && !has(&data, "handover") {
            // Sent on as it came: the bytes go back untouched.
            let answer = Unread::NeedsFileWorker(None).answer();
            if let Some(file) = file {
                let _ = Reflect::set(&answer, &"file".into(), &file);
            }
            return answer;
        }
        if let Some(file) = file {
            let bytes = Uint8Array::new(&file).to_vec();
            // The table kept stays until the file is read (check_and_keep frees
            // it before checking): a file that cannot be read leaves the report
            // on show, and its share link, as they were. A UTF-8 file's bytes
            // become the text without a copy.
            return match read(bytes) {
                Ok(decoded) => {
                    let source = decoded.source.describe();
                    check_and_keep(scope, decoded.text, Some(source), &data)
                }
                Err(unread) => unread.answer(),
            };
        }
        // A new text replaces the table kept: free that before the text is
        // copied in, so that checking a large table again does not hold both.
        if has(&data, "check") || has(&data, "plain") {
            KEPT.with_borrow_mut(|kept| *kept = None);
        }
        if let Some(text) = text_field(&data, "check") {
            return check_and_keep(scope, text, None, &data);
        }
        if let Some(plain) = text_field(&data, "plain") {
            let html = text_field(&data, "html").map(|html| input::html::table_text(&html));
            return match html {
                Some(Err(message)) => failure(message),
                Some(Ok(Some(table))) => check_and_keep(scope, table, None, &data),
                _ => check_and_keep(scope, plain, None, &data),
            };
        }
        if Reflect::has(&data, &"recheck".into()).unwrap_or(false) {
            // The table kept, checked again with another profile.
            return match KEPT.with_borrow_mut(Option::take) {
                Some(kept) => {
                    // Its report freed before the new one is made.
                    let text = SharedText::clone(&kept.text);
                    drop(kept);
                    check_and_keep(scope, text, None, &data)
                }
                None => with_kept(|_| JsValue::NULL),
            };
        }
        if let Some(text) = text_field(&data, "settings") {
            return settings(&data, &text);
        }
        if Reflect::has(&data, &"head".into()).unwrap_or(false) {
            return with_kept(|checked| {
                let (rows, suggested) = view::head_rows(&checked.text);
                with_data(&rows, json!({ "suggested": suggested }))
            });
        }
        if let Some(range) = numbers(&data, "rows") {
            return with_kept(|checked| match range.as_slice() {
                [from, to] => with_data(&checked.rows(*from..*to), json!({})),
                _ => failure(unknown()),
            });
        }
        if let Some(range) = numbers(&data, "problems") {
            return with_kept(|checked| match range.as_slice() {
                [group, from, to] => with_data(&checked.problems(*group, *from..*to), json!({})),
                _ => failure(unknown()),
            });
        }
        if let Some(row) = numbers(&data, "row_index") {
            return with_kept(|checked| {
                let index = row
                    .first()
                    .and_then(|r| u32::try_from(*r).ok())
                    .and_then(|r| checked.row_index(r));
                reply(&json!({ "ok": true, "index": index }))
            });
        }
        if let Some(id) = text_field(&data, "help") {
            return match RuleHelp::of(&id) {
                Some(help) => with_data(&help, json!({})),
                None => failure(Message::new(
                    format!("没有这条规则：{id}"),
                    format!("No such rule: {id}"),
                )),
            };
        }
        if let Some(answer) = answer_compare(&data) {
            return answer;
        }
        #[cfg(feature = "files")]
        if let Some(answer) = answer_batch(scope, &data) {
            return answer;
        }
        #[cfg(not(feature = "files"))]
        if BATCH_REQUESTS.iter().any(|key| has(&data, key)) {
            return Unread::NeedsFileWorker(None).answer();
        }
        if has(&data, "handover") {
            let text = KEPT.with_borrow(|kept| kept.as_ref().map(|c| c.text.clone()));
            let earlier = EARLIER.with_borrow(|e| e.as_ref().map(|(text, _)| text.clone()));
            // As jixiao.toml, which reads back as the same profile.
            let profile = IN_FORCE.with_borrow(Config::to_toml);
            return reply(
                &json!({ "ok": true, "text": text, "profile": profile, "earlier": earlier }),
            );
        }
        if let Some(fragment) = text_field(&data, "open_link") {
            return open_link(&fragment);
        }
        if Reflect::has(&data, &"share".into()).unwrap_or(false) {
            let profile = text_field(&data, "profile").unwrap_or_default();
            return with_kept(|checked| {
                match share::encode_with_profile(&checked.text, &profile) {
                    Ok(fragment) => reply(&json!({ "ok": true, "text": fragment })),
                    Err(error) => failure(error.message()),
                }
            });
        }
        let Some(id) = text_field(&data, "export") else {
            return failure(unknown());
        };
        let lang = if text_field(&data, "lang").as_deref() == Some("en") {
            Lang::En
        } else {
            Lang::Zh
        };
        #[cfg(not(feature = "files"))]
        if id == "annotated-xlsx" {
            return Unread::NeedsFileWorker(None).answer();
        }
        #[cfg(feature = "files")]
        if id == "annotated-xlsx" {
            return with_kept(|checked| {
                // The writer holds the whole workbook, every note and link, in
                // memory (natively about 45 bytes per byte of a 3 MB table):
                // beyond this a page's worker could run out of memory and die.
                if checked.text.len() > MAX_WORKBOOK_TABLE {
                    return failure(Message::new(
                        format!("表格超过 {} MB，页面中不生成工作簿，以免浏览器内存不足；请用命令行（jixiao-lint check --annotate --format xlsx --output OUT.xlsx FILE）或 CSV 导出。", MAX_WORKBOOK_TABLE / 1_000_000),
                        format!("The table is over {} MB: the page does not write its workbook, which could exhaust the browser's memory. Use the command line (jixiao-lint check --annotate --format xlsx --output OUT.xlsx FILE) or a CSV export.", MAX_WORKBOOK_TABLE / 1_000_000),
                    ));
                }
                match jixiao_lint::xlsx::annotated_workbook(&checked.text, &checked.report, lang) {
                    Ok(bytes) => workbook_reply("jixiao-annotated.xlsx", &bytes),
                    Err(message) => failure(message),
                }
            });
        }
        with_kept(
            |checked| match export::by_id(&id, &checked.text, &checked.report, lang) {
                Some(done) => reply(
                    &json!({ "ok": true, "name": done.name, "mime": done.mime, "text": done.text }),
                ),
                None => failure(Message::new(
                    format!("没有这种导出：{id}"),
                    format!("No such export: {id}"),
                )),
            },
        )
    }

    /// A share link's fragment read: its table (the revision, with the
    /// earlier version, for a link with both) and its profile. A fragment
    /// that is no share link answers with neither; a damaged one, why.
    /// Here, not in the page, so that the page's first load carries no
    /// inflate or base64.
    fn open_link(fragment: &str) -> JsValue {
        let link = match (share::decode(fragment), share::decode_pair(fragment)) {
            (Ok(Some(text)), _) => Ok(Some((text, None))),
            (_, Ok(Some((earlier, revision)))) => Ok(Some((revision, Some(earlier)))),
            (Err(error), _) | (_, Err(error)) => Err(error),
            (Ok(None), Ok(None)) => Ok(None),
        };
        match link {
            Ok(link) => {
                let (text, earlier) = link.unzip();
                let profile = share::decode_profile(fragment).ok().flatten();
                reply(
                    &json!({ "ok": true, "text": text, "earlier": earlier.flatten(), "profile": profile }),
                )
            }
            Err(error) => failure(error.message()),
        }
    }

    /// The largest table (bytes of text) whose workbook the page writes.
    #[cfg(feature = "files")]
    const MAX_WORKBOOK_TABLE: usize = 10_000_000;

    /// Why a file was not read: `NeedsFileWorker` in the check worker, for
    /// what only the file worker reads (with the bytes, to give them back).
    enum Unread {
        Error(input::InputError),
        NeedsFileWorker(Option<Vec<u8>>),
    }

    impl Unread {
        fn answer(self) -> JsValue {
            match self {
                Unread::Error(error) => failure(error.message()),
                Unread::NeedsFileWorker(bytes) => {
                    MOVING.set(true);
                    let answer = reply(&json!({ "ok": false, "upgrade": true }));
                    if let Some(bytes) = bytes {
                        let buffer = Uint8Array::from(bytes.as_slice()).buffer();
                        let _ = Reflect::set(&answer, &"file".into(), &buffer);
                    }
                    answer
                }
            }
        }
    }

    /// A file's bytes as text: every kind the file worker reads.
    #[cfg(feature = "files")]
    fn read(bytes: Vec<u8>) -> Result<input::Decoded, Unread> {
        input::read_file_owned(bytes).map_err(Unread::Error)
    }

    /// A file's bytes as text: UTF-8 in the check worker; anything else
    /// (a workbook, UTF-16, GB18030) is the file worker's.
    #[cfg(not(feature = "files"))]
    fn read(bytes: Vec<u8>) -> Result<input::Decoded, Unread> {
        // Too large for either: refused here, not sent on.
        input::check_size(bytes.len()).map_err(Unread::Error)?;
        if input::is_workbook(&bytes) {
            return Err(Unread::NeedsFileWorker(Some(bytes)));
        }
        match input::decode_utf8_owned(bytes) {
            Ok(decoded) => Ok(decoded),
            Err((input::InputError::NotUtf8 { .. }, bytes)) => {
                Err(Unread::NeedsFileWorker(Some(bytes)))
            }
            Err((error, _)) => Err(Unread::Error(error)),
        }
    }

    /// The requests of a batch, all the file worker's.
    #[cfg(not(feature = "files"))]
    const BATCH_REQUESTS: [&str; 5] = [
        "batch_clear",
        "batch_file",
        "batch_next",
        "batch_open",
        "batch_export",
    ];

    fn unknown() -> Message {
        Message::new("无法识别的请求。", "Unknown request.")
    }

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            ASKED.set(true);
            let answer = answer(&replies, event.data());
            // Bytes given back (see Unread) are transferred, not copied.
            let _ = match Reflect::get(&answer, &"file".into()) {
                Ok(file) if file.is_instance_of::<ArrayBuffer>() => {
                    replies.post_message_with_transfer(&answer, &js_sys::Array::of1(&file))
                }
                _ => replies.post_message(&answer),
            };
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // A message posted before the handler was set could be lost while the
    // module was still starting: the page waits for this one.
    let _ = scope.post_message(&reply(&json!({ "ready": true })));
    warm_up(scope, WARM_UP_CHECKS);
}
