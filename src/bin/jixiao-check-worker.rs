//! The page's check worker: src/worker.rs with the `profiles` feature alone,
//! started with the page. It checks UTF-8 text and answers everything the
//! report needs; for workbooks, legacy encodings, batches and the workbook
//! writer the page moves to jixiao-file-worker, which it loads only then.

#[path = "../worker.rs"]
mod worker;

fn main() {
    worker::run();
}
