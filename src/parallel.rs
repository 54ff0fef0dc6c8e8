//! Two threads natively for the two long walks of a large table (each
//! project's 绩效指标 cell, then the rules over each project): the machine
//! the CLI runs on has at least two cores. In wasm (the page's worker) there
//! are no threads, and the work runs as before, on one.

/// Below this many items a second thread costs more than it saves.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const PARALLEL_FROM: usize = 256;

/// How many pieces a large walk is cut into. Not two halves: on a shared
/// machine one thread may get its core later or less than the other, and
/// with small pieces the other takes over more of them instead of waiting.
#[cfg(not(target_arch = "wasm32"))]
const PIECES: usize = 64;

/// `f` over consecutive pieces of `items`, the results in the order of the
/// pieces: put together, they are what one walk over `items` gives. Natively,
/// from `PARALLEL_FROM` items, two threads take the pieces in turn as they
/// finish the one before; otherwise one piece, on this thread.
pub(crate) fn pieces<T: Send, R: Send>(
    items: &mut [T],
    f: impl Fn(&mut [T]) -> R + Sync,
) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    if items.len() >= PARALLEL_FROM {
        use std::sync::Mutex;
        let size = items.len().div_ceil(PIECES);
        let queue = Mutex::new(items.chunks_mut(size).enumerate());
        // Takes pieces until none is left; the results with their numbers.
        let work = || {
            let mut done = Vec::new();
            loop {
                // A poisoned lock means the other thread panicked: that panic
                // is passed on below; this thread just stops.
                let next = match queue.lock() {
                    Ok(mut queue) => queue.next(),
                    Err(_) => None,
                };
                let Some((number, piece)) = next else {
                    return done;
                };
                done.push((number, f(piece)));
            }
        };
        let (mut mine, theirs) = std::thread::scope(|scope| {
            let spawned = std::thread::Builder::new().spawn_scoped(scope, work);
            // Without a second thread, this one takes every piece.
            let mine = work();
            (mine, spawned.map(|handle| handle.join()))
        });
        match theirs {
            Ok(Ok(theirs)) => mine.extend(theirs),
            // A panic of the check (a bug) goes on unwinding in the caller's
            // thread, as it would have without threads: the CLI turns it
            // into "cannot check" for this input.
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(_) => {}
        }
        mine.sort_unstable_by_key(|(number, _)| *number);
        return mine.into_iter().map(|(_, result)| result).collect();
    }
    vec![f(items)]
}

#[cfg(test)]
mod tests {
    #[test]
    fn pieces_come_back_in_order_whatever_the_size() {
        for n in [0, 1, 2, 255, 256, 257, 1000, 10_007] {
            let mut items: Vec<usize> = (0..n).collect();
            let pieces = super::pieces(&mut items, |part| part.to_vec());
            assert_eq!(pieces.concat(), (0..n).collect::<Vec<_>>(), "{n}");
        }
    }
}
