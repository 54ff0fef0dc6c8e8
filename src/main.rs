//! The web page's entry point. Trunk builds this binary for wasm32; natively
//! it only says where to look.

#[cfg(target_arch = "wasm32")]
mod web;

/// Talc, made for wasm, in place of the standard library's dlmalloc: less
/// code in the first load (README "Hosting").
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic must never leave a blank page: log it, then say so on the page.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        web::show_fatal();
    }));
    leptos::mount::mount_to_body(web::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("jixiao-web is the web page: build it with `trunk build` (see README.md). On the command line use `jixiao-lint`.");
}
