//! The bytes the program holds, counted at the allocator: the benchmark's
//! memory figures natively, and in the page's workers the peak a check held,
//! beside the wasm memory it grew (which also holds what the allocator keeps
//! spare and never gives back).

#[cfg(not(target_arch = "wasm32"))]
use std::alloc::System;
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The allocator underneath, counting the bytes live and their peak. A
/// binary installs it with `#[global_allocator]`.
pub struct Counting;

/// Natively the system's allocator. In wasm Talc, made for wasm, in place of
/// the standard library's dlmalloc: each worker's wasm is smaller, and the
/// 50 MB table's check in the page's worker no slower (README "Speed").
#[cfg(not(target_arch = "wasm32"))]
static INNER: System = System;
#[cfg(target_arch = "wasm32")]
static INNER: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let live = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(live, Relaxed);
}

// SAFETY: every call goes to `INNER` as it came; only the counters are
// added, for the calls that succeed.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { INNER.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { INNER.alloc_zeroed(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { INNER.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = unsafe { INNER.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            LIVE.fetch_sub(layout.size(), Relaxed);
            grew(new_size);
        }
        new
    }
}

/// The bytes live now (0 where [`Counting`] is not installed).
pub fn live() -> usize {
    LIVE.load(Relaxed)
}

/// The most bytes live since the last [`reset_peak`].
pub fn peak() -> usize {
    PEAK.load(Relaxed)
}

/// Starts a new peak from what is live now.
pub fn reset_peak() {
    PEAK.store(live(), Relaxed);
}
