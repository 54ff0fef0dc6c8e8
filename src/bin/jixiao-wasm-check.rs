//! The checker alone, built for wasm32 and timed in node's V8, the engine of
//! the page's worker, without a browser or the page around it:
//! `tests/e2e/wasm-check.mjs` builds and runs it, and runs two commits' in
//! turn. It leaves out the page, the handover of the text and the view of
//! the report, and needs no browser; on a shared machine it still moves from
//! run to run, so compare the medians of many runs.
//!
//! Its exports: `input(len)` makes room for the table's UTF-8 bytes and
//! returns where to write them; `check()` checks them as the worker does
//! (`check_shared`, no profile) and returns the number of findings. The
//! report is kept until the next check, as the worker keeps it.

use jixiao_lint::{config::Config, Report, SharedText};
use std::sync::Mutex;

/// The worker's allocator: Talc in wasm, counting what it hands out.
#[global_allocator]
static ALLOCATOR: jixiao_lint::memory::Counting = jixiao_lint::memory::Counting;

static INPUT: Mutex<Vec<u8>> = Mutex::new(Vec::new());
static KEPT: Mutex<Option<Report>> = Mutex::new(None);

#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    let mut input = INPUT.lock().unwrap_or_else(|e| e.into_inner());
    *input = vec![0; len];
    input.as_mut_ptr()
}

#[no_mangle]
pub extern "C" fn check() -> usize {
    // The report before goes first, as in the worker: its memory is reused.
    *KEPT.lock().unwrap_or_else(|e| e.into_inner()) = None;
    let bytes = INPUT.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let Ok(text) = String::from_utf8(bytes) else {
        return usize::MAX;
    };
    let report = jixiao_lint::check_shared(&SharedText::new(text), &Config::default(), &mut |_| {});
    let found = report.diagnostics.len();
    *KEPT.lock().unwrap_or_else(|e| e.into_inner()) = Some(report);
    found
}

/// The exports are the program: node calls them, not `main`.
fn main() {}
