//! jixiao-lint: checks Chinese project expenditure performance target tables
//! (项目支出绩效目标表).
//!
//! The data flows one way, one module per stage:
//!
//! ```text
//! text ─► input (Grid) ─► layout (Sheet) ─► indicator (Indicator, Value) ─► rules (Diagnostic) ─► report (Report)
//! ```
//!
//! This crate has no web dependency: the native CLI, the tests and the web page
//! (compiled to wasm) all call [`check_text`] unchanged.

pub mod config;
pub mod export;
pub mod indicator;
pub mod input;
pub mod layout;
pub mod money;
pub mod report;
pub mod rules;
pub mod share;
pub mod text;

pub use config::Config;
pub use report::Report;

/// Runs the whole pipeline on pasted or decoded text.
pub fn check_text(text: &str, config: &Config) -> Report {
    let grid = input::read_text(text);
    let sheet = layout::read_sheet(&grid);
    let diagnostics = rules::check(&sheet, config);
    Report::new(sheet, diagnostics)
}

/// Runs the whole pipeline on the bytes of a file: text in any supported
/// encoding, or a spreadsheet. The report says how the file was read.
#[cfg(feature = "files")]
pub fn check_file(
    bytes: &[u8],
    config: &Config,
) -> Result<(input::Source, Report), input::InputError> {
    let decoded = input::read_file(bytes)?;
    Ok((decoded.source, check_text(&decoded.text, config)))
}

/// Runs the whole pipeline on the bytes of a UTF-8 file (with or without BOM).
pub fn check_bytes(bytes: &[u8], config: &Config) -> Result<Report, input::InputError> {
    let decoded = input::decode_utf8(bytes)?;
    Ok(check_text(&decoded.text, config))
}
