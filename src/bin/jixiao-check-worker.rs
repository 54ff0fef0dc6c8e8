//! The page's check worker: src/worker.rs with the `profiles` feature alone,
//! started with the page. It checks UTF-8 text and answers everything the
//! report needs; for workbooks, legacy encodings, batches and the workbook
//! writer the page moves to jixiao-file-worker, which it loads only then.

#[cfg(target_arch = "wasm32")]
#[path = "../worker.rs"]
mod worker;

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("jixiao-check-worker is the web page's worker (a Web Worker): Trunk builds it for wasm32. On the command line use `jixiao-lint`.");
}
