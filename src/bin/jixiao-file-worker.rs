//! The page's file worker: src/worker.rs with every feature (workbooks,
//! legacy encodings, zip batches, the workbook writer). The page moves to it
//! from the check worker only when a table or request needs one of those.

#[path = "../worker.rs"]
mod worker;

fn main() {
    worker::run();
}
