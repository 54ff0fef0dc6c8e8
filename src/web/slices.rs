//! Slices of the table's rows and of its problem groups, as the table view and
//! the problem list show them: the first page of each comes with the check,
//! the others are asked of the worker as the user scrolls, and kept. And the
//! scroll box of a virtual list, which shows only the slice in view.

use super::worker;
use jixiao_lint::text::Message;
use jixiao_lint::view::{Problem, TableRow, PAGE};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::ops::Range;
use std::sync::Arc;

/// A page of rows (`Rows(page)`) or of one problem group (`Problems(group, page)`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Rows(usize),
    Problems(usize, usize),
}

/// Pages kept, by page number (rows) or by (group, page) (problems).
type Pages<K, T> = RwSignal<HashMap<K, Arc<Vec<T>>>>;

#[derive(Clone, Copy)]
pub(crate) struct Slices {
    /// Bumped with each new table: an answer for an older one is dropped.
    generation: StoredValue<u32>,
    rows: Pages<usize, TableRow>,
    problems: Pages<(usize, usize), Problem>,
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

    /// Keeps the first pages that came with a check (`First::rows` and
    /// `First::problems`).
    pub fn fill(&self, rows: Vec<TableRow>, problems: Vec<Vec<Problem>>) {
        self.rows.update(|m| drop(m.insert(0, Arc::new(rows))));
        self.problems.update(|m| {
            for (group, found) in problems.into_iter().enumerate() {
                m.insert((group, 0), Arc::new(found));
            }
        });
    }

    /// Forgets the slices of the table shown before.
    pub fn clear(&self) {
        self.generation.update_value(|g| *g += 1);
        self.asked.update_value(HashSet::clear);
        self.rows.set(HashMap::new());
        self.problems.set(HashMap::new());
    }

    /// Page `page` of the table's rows; `None` until the worker sends it.
    pub fn rows(&self, page: usize) -> Option<Arc<Vec<TableRow>>> {
        let got = self.rows.with(|m| m.get(&page).cloned());
        if got.is_none() {
            let store = self.rows;
            self.ask(
                Key::Rows(page),
                worker::rows(page * PAGE, (page + 1) * PAGE),
                move |rows| store.update(|m| drop(m.insert(page, Arc::new(rows)))),
            );
        }
        got
    }

    /// Page `page` of problem group `group`; `None` until the worker sends it.
    pub fn problems(&self, group: usize, page: usize) -> Option<Arc<Vec<Problem>>> {
        let got = self.problems.with(|m| m.get(&(group, page)).cloned());
        if got.is_none() {
            let store = self.problems;
            self.ask(
                Key::Problems(group, page),
                worker::problems(group, page * PAGE, (page + 1) * PAGE),
                move |found| store.update(|m| drop(m.insert((group, page), Arc::new(found)))),
            );
        }
        got
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

/// The scroll box of a virtual list: where it is scrolled to and how tall it
/// is, in whole pixels (no float formatting in the page's wasm).
#[derive(Clone, Copy)]
pub(crate) struct ScrollBox {
    pub top: RwSignal<usize>,
    pub height: RwSignal<usize>,
}

/// Pixels drawn beyond each edge of the box, so that a quick scroll shows no gap.
const OVERSCAN: usize = 400;

impl ScrollBox {
    pub fn new() -> Self {
        // Until the first scroll: the box's CSS height (70vh), roughly.
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0) as usize
            * 7
            / 10;
        ScrollBox {
            top: RwSignal::new(0),
            height: RwSignal::new(height),
        }
    }

    /// To call from the box's scroll event.
    pub fn on_scroll(&self, event: &leptos::ev::Event) {
        let element: web_sys::Element = event_target(event);
        self.top.set(element.scroll_top().max(0) as usize);
        self.height.set(element.client_height().max(0) as usize);
    }

    /// The pixel range in view, with the overscan (reactive).
    pub fn visible(&self) -> Range<usize> {
        let top = self.top.get();
        top.saturating_sub(OVERSCAN)..top + self.height.get() + OVERSCAN
    }

    /// Items of equal `height` that are in view, of `count` (reactive).
    pub fn window(&self, height: usize, count: usize) -> Range<usize> {
        let visible = self.visible();
        let first = (visible.start / height).min(count);
        let last = visible.end.div_ceil(height).clamp(first, count);
        first..last
    }
}
