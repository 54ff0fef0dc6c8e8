//! Two threads natively for the two long walks of a large table (each
//! project's 绩效指标 cell, then the rules over each project): the machine
//! the CLI runs on has at least two cores. In wasm (the page's worker) there
//! are no threads, and the work runs as before, on one.

/// Below this many projects a second thread costs more than it saves.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const PARALLEL_FROM: usize = 256;

/// `f` over the first and the second half of `items`, in that order of the
/// results. Natively, for `PARALLEL_FROM` items or more, the second half runs
/// on a thread of its own; each half is worked as a whole in order, so the
/// two results put together are what one walk over `items` gives.
pub(crate) fn halves<T: Send, R: Send>(
    items: &mut [T],
    f: impl Fn(&mut [T]) -> R + Sync,
) -> [R; 2] {
    let half = items.len() / 2;
    #[cfg(not(target_arch = "wasm32"))]
    if items.len() >= PARALLEL_FROM {
        let (mine, theirs) = std::thread::scope(|scope| {
            let (first, second) = items.split_at_mut(half);
            let f = &f;
            let spawned = std::thread::Builder::new().spawn_scoped(scope, move || f(second));
            let mine = f(first);
            (mine, spawned.map(|handle| handle.join()))
        });
        match theirs {
            Ok(Ok(theirs)) => return [mine, theirs],
            // A panic of the check (a bug) goes on unwinding in the caller's
            // thread, as it would have without threads: the CLI turns it
            // into "cannot check" for this input.
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            // No second thread to be had: the second half on this one.
            Err(_) => return [mine, f(&mut items[half..])],
        }
    }
    let (first, second) = items.split_at_mut(half);
    [f(first), f(second)]
}

#[cfg(test)]
mod tests {
    #[test]
    fn halves_come_back_in_order_whatever_the_size() {
        for n in [0, 1, 2, 255, 256, 257, 1000] {
            let mut items: Vec<usize> = (0..n).collect();
            let [a, b] = super::halves(&mut items, |part| part.to_vec());
            assert_eq!([a, b].concat(), (0..n).collect::<Vec<_>>(), "{n}");
        }
    }
}
