//! Slices of the table's rows and of its problem groups, as the table view and
//! the problem list show them: made on the spot for a table checked here,
//! asked of the worker (and kept) for a large one. And the scroll box of a
//! virtual list, which shows only the slice in view.

use super::{worker, Results};
use jixiao_lint::text::Message;
use jixiao_lint::view::{Problem, TableRow};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::ops::Range;
use std::sync::Arc;

/// Rows or problems asked for at a time.
pub const PAGE: usize = 100;

/// A page of rows (`Rows(page)`) or of one problem group (`Problems(group, page)`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Rows(usize),
    Problems(usize, usize),
}

#[derive(Clone, Copy)]
pub(crate) struct Slices {
    /// Bumped with each new table: an answer for an older one is dropped.
    generation: StoredValue<u32>,
    rows: RwSignal<HashMap<usize, Arc<Vec<TableRow>>>>,
    problems: RwSignal<HashMap<(usize, usize), Arc<Vec<Problem>>>>,
    asked: StoredValue<HashSet<Key>>,
    /// Where a failure to fetch is said.
    notice: RwSignal<Option<Message>>,
}

impl Slices {
    pub fn new(notice: RwSignal<Option<Message>>) -> Self {
        Slices {
            generation: StoredValue::new(0),
            rows: RwSignal::new(HashMap::new()),
            problems: RwSignal::new(HashMap::new()),
            asked: StoredValue::new(HashSet::new()),
            notice,
        }
    }

    pub fn generation(&self) -> u32 {
        self.generation.get_value()
    }

    /// Forgets the slices of the table shown before.
    pub fn clear(&self) {
        self.generation.update_value(|g| *g += 1);
        self.asked.update_value(HashSet::clear);
        self.rows.set(HashMap::new());
        self.problems.set(HashMap::new());
    }

    /// Page `page` of the table's rows; `None` until the worker sends it.
    pub fn rows(&self, results: &Results, page: usize) -> Option<Arc<Vec<TableRow>>> {
        let range = page * PAGE..(page + 1) * PAGE;
        match results {
            Results::Local(checked) => Some(Arc::new(checked.rows(range))),
            Results::Remote(_) => {
                let got = self.rows.with(|m| m.get(&page).cloned());
                if got.is_none() {
                    let store = self.rows;
                    self.ask(
                        Key::Rows(page),
                        worker::rows(range.start, range.end),
                        move |rows| store.update(|m| drop(m.insert(page, Arc::new(rows)))),
                    );
                }
                got
            }
        }
    }

    /// Page `page` of problem group `group`; `None` until the worker sends it.
    pub fn problems(
        &self,
        results: &Results,
        group: usize,
        page: usize,
    ) -> Option<Arc<Vec<Problem>>> {
        let range = page * PAGE..(page + 1) * PAGE;
        match results {
            Results::Local(checked) => Some(Arc::new(checked.problems(group, range))),
            Results::Remote(_) => {
                let got = self.problems.with(|m| m.get(&(group, page)).cloned());
                if got.is_none() {
                    let store = self.problems;
                    self.ask(
                        Key::Problems(group, page),
                        worker::problems(group, range.start, range.end),
                        move |found| {
                            store.update(|m| drop(m.insert((group, page), Arc::new(found))))
                        },
                    );
                }
                got
            }
        }
    }

    /// Asks the worker once per key; keeps the answer if the table is still shown.
    fn ask<T: 'static>(
        &self,
        key: Key,
        request: impl Future<Output = Result<T, Message>> + 'static,
        keep: impl FnOnce(T) + 'static,
    ) {
        let mut first = false;
        self.asked.update_value(|asked| first = asked.insert(key));
        if !first {
            return;
        }
        let (generation, this) = (self.generation(), *self);
        leptos::task::spawn_local(async move {
            let answer = request.await;
            if this.generation() != generation {
                return;
            }
            match answer {
                Ok(found) => keep(found),
                Err(message) => this.notice.set(Some(message)),
            }
        });
    }
}

/// The scroll box of a virtual list: where it is scrolled to and how tall it is.
#[derive(Clone, Copy)]
pub(crate) struct ScrollBox {
    pub top: RwSignal<f64>,
    pub height: RwSignal<f64>,
}

/// Rows drawn beyond each edge of the box, so that a quick scroll shows no gap.
const OVERSCAN: f64 = 400.0;

impl ScrollBox {
    pub fn new() -> Self {
        // Until the first scroll: the box's CSS height (70vh), roughly.
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0)
            * 0.7;
        ScrollBox {
            top: RwSignal::new(0.0),
            height: RwSignal::new(height),
        }
    }

    /// To call from the box's scroll event.
    pub fn on_scroll(&self, event: &leptos::ev::Event) {
        let element: web_sys::Element = event_target(event);
        self.top.set(element.scroll_top() as f64);
        self.height.set(element.client_height() as f64);
    }

    /// The pixel range in view, with the overscan (reactive).
    pub fn visible(&self) -> Range<f64> {
        let top = self.top.get();
        (top - OVERSCAN).max(0.0)..top + self.height.get() + OVERSCAN
    }

    /// Items of equal `height` that are in view, of `count` (reactive).
    pub fn window(&self, height: f64, count: usize) -> Range<usize> {
        let visible = self.visible();
        let first = ((visible.start / height).floor() as usize).min(count);
        let last = ((visible.end / height).ceil() as usize).clamp(first, count);
        first..last
    }
}
