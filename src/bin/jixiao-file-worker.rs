//! The page's file worker: src/worker.rs with every feature (workbooks,
//! legacy encodings, zip batches, the workbook writer). The page moves to it
//! from the check worker only when a table or request needs one of those.

#[cfg(target_arch = "wasm32")]
#[path = "../worker.rs"]
mod worker;

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("jixiao-file-worker is the web page's worker (a Web Worker): Trunk builds it for wasm32. On the command line use `jixiao-lint`.");
}
