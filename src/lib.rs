//! jixiao-lint: checks Chinese project expenditure performance target tables
//! (项目支出绩效目标表).
//!
//! The data flows one way, one module per stage:
//!
//! ```text
//! text ─► input (Grid) ─► layout (Sheet) ─► indicator (Indicator, Value) ─► rules (Diagnostic) ─► report (Report) ─► view (Overview, rows)
//! ```
//!
//! This crate has no web dependency: the native CLI calls [`check_shared`]
//! and the tests [`check_text`], and the web page's worker (compiled to
//! wasm) calls it through [`view::Checked`], unchanged.

pub mod batch;
pub mod config;
pub mod diff;
pub mod export;
pub mod indicator;
pub mod input;
pub mod json;
pub mod layout;
pub mod memory;
pub mod money;
mod parallel;
#[cfg(feature = "profiles")]
pub mod profile;
pub mod report;
pub mod rules;
pub mod share;
pub mod text;
pub mod view;
#[cfg(feature = "workbook")]
pub mod xlsx;

pub use config::Config;
pub use report::Report;
pub use text::SharedText;

/// Runs the whole pipeline on pasted or decoded text (a copy of it: the
/// report holds pieces of the text; see [`check_shared`]).
pub fn check_text(text: &str, config: &Config) -> Report {
    check_shared(&SharedText::new(text.to_owned()), config, &mut |_| {})
}

/// A step of the pipeline, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// The text is split into rows and cells.
    Read,
    /// Rows are recognised as units, projects and indicators.
    Layout,
    /// One more rule has run; `done` of `REGISTRY.len()`.
    Rule { done: usize },
    /// The summary is made.
    Summary,
}

impl Progress {
    /// How far the check has got, from 0 to 1, by the share of time each step
    /// takes on a large table (`cargo bench --bench pipeline`, 50 MB: input
    /// 40 ms, layout 190 ms, rules 234 ms, the summary and the rest ~100 ms).
    pub fn fraction(self) -> f64 {
        let rules = rules::REGISTRY.len() as f64;
        match self {
            Progress::Read => 0.07,
            Progress::Layout => 0.4,
            Progress::Rule { done } => 0.4 + 0.4 * done as f64 / rules,
            Progress::Summary => 1.0,
        }
    }
}

/// [`check_text`] without a copy of the text, whose pieces (cells, the
/// indicators' names and values) the report holds; calling `progress`
/// after each step.
pub fn check_shared(
    text: &SharedText,
    config: &Config,
    progress: &mut dyn FnMut(Progress),
) -> Report {
    let grid = input::read_shared(text);
    progress(Progress::Read);
    let sheet = layout::read_sheet(&grid, &config.columns);
    drop(grid);
    progress(Progress::Layout);
    let mut done = 0;
    let diagnostics = rules::check_with_progress(&sheet, config, &mut |_| {
        done += 1;
        progress(Progress::Rule { done });
    });
    let mut report = Report::new(sheet, diagnostics);
    report.profile = config.changes();
    progress(Progress::Summary);
    report
}

/// Runs the whole pipeline on the bytes of a file: text in any supported
/// encoding, or a spreadsheet. The report says how the file was read.
#[cfg(feature = "readers")]
pub fn check_file(
    bytes: &[u8],
    config: &Config,
) -> Result<(input::Source, Report), input::InputError> {
    let decoded = input::read_file(bytes)?;
    let text = SharedText::new(decoded.text);
    Ok((decoded.source, check_shared(&text, config, &mut |_| {})))
}

/// Runs the whole pipeline on the bytes of a UTF-8 file (with or without BOM).
pub fn check_bytes(bytes: &[u8], config: &Config) -> Result<Report, input::InputError> {
    let decoded = input::decode_utf8(bytes)?;
    Ok(check_shared(
        &SharedText::new(decoded.text),
        config,
        &mut |_| {},
    ))
}
