//! Diff: compares a revised table with an earlier one by meaning, not by row.
//! It sits beside the report, after it: two reports in, a [`Comparison`] out.
//!
//! Matching rules (the README states them too):
//!
//! 1. Units are the same when their names are (spaces, full/half width and
//!    case ignored).
//! 2. Projects are the same when unit and name are. Two projects of one name
//!    in one unit are paired by their indicators and 总计, then by order.
//! 3. A project left over on both sides with the same name under another unit
//!    has moved (`project-moved`).
//! 4. A project still left over is renamed (`project-renamed`) when at least
//!    half of its indicators (三级 name and 年度指标值) are those of a project
//!    left over on the other side, the best such pair first.
//! 5. Within a matched project, indicators are the same when their 三级 names
//!    (and 二级, for repeated names) are; then, for a renamed indicator, when 二级
//!    and both values are. The `N、` number never counts: renumbering changes
//!    nothing.
//! 6. A finding is the same in both tables when its rule, what it is about (the
//!    matched total row, unit, project or indicator, or the text of an
//!    unrecognised row) and its column (by the header's meaning, not its
//!    letter) are. The message may differ (a subtotal gap that changed is still
//!    open); among equal keys, equal messages pair first.
//!
//! Row numbers never count, so a row inserted at the top moves every cell and
//! changes no finding.

use crate::indicator::Indicator;
use crate::layout::{Amount, Column, Header, Line, Project, Sheet};
use crate::money::format_amount;
use crate::report::Report;
use crate::rules::{Diagnostic, Severity};
use crate::text::{cell_name, column_letter, normalize_key, Lang, Message};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What changed from an earlier table to its revision.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Findings of the earlier table that the revision no longer has (cells of the earlier table).
    pub fixed: Vec<Item>,
    /// Findings only in the revision.
    pub introduced: Vec<Item>,
    /// Findings in both (cells of the revision, `old_cell` of the earlier one).
    pub remaining: Vec<Item>,
    /// What changed in the table itself, in the revision's order, removals last.
    pub changes: Vec<Change>,
}

/// A finding with the fields of the check contract, and where it is in the
/// other version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub rule: String,
    pub severity: Severity,
    pub row: u32,
    pub column: Option<String>,
    /// In the revision; for a fixed finding, in the earlier table.
    pub cell: String,
    pub project: Option<String>,
    pub indicator: Option<u32>,
    pub message: String,
    pub message_en: String,
    /// Where it was in the earlier table (fixed and remaining findings).
    pub old_cell: Option<String>,
    /// Where the same place is in the revision (remaining findings; fixed
    /// ones whose project or indicator is still there).
    pub new_cell: Option<String>,
}

impl Item {
    fn of(d: &Diagnostic, old_cell: Option<String>, new_cell: Option<String>) -> Item {
        Item {
            rule: d.rule.to_owned(),
            severity: d.severity,
            row: d.row,
            column: d.column(),
            cell: d.cell(),
            project: d.project.as_deref().map(str::to_owned),
            indicator: d.indicator,
            message: d.message.zh.clone(),
            message_en: d.message.en.clone(),
            old_cell,
            new_cell,
        }
    }

    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.message,
            Lang::En => &self.message_en,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    UnitAdded,
    UnitRemoved,
    ProjectAdded,
    ProjectRemoved,
    ProjectRenamed,
    ProjectMoved,
    AmountChanged,
    GoalChanged,
    IndicatorAdded,
    IndicatorRemoved,
    IndicatorChanged,
}

impl ChangeKind {
    pub fn id(self) -> &'static str {
        match self {
            ChangeKind::UnitAdded => "unit-added",
            ChangeKind::UnitRemoved => "unit-removed",
            ChangeKind::ProjectAdded => "project-added",
            ChangeKind::ProjectRemoved => "project-removed",
            ChangeKind::ProjectRenamed => "project-renamed",
            ChangeKind::ProjectMoved => "project-moved",
            ChangeKind::AmountChanged => "amount-changed",
            ChangeKind::GoalChanged => "goal-changed",
            ChangeKind::IndicatorAdded => "indicator-added",
            ChangeKind::IndicatorRemoved => "indicator-removed",
            ChangeKind::IndicatorChanged => "indicator-changed",
        }
    }

    pub fn label(self) -> Message {
        let (zh, en) = match self {
            ChangeKind::UnitAdded => ("新增单位", "unit added"),
            ChangeKind::UnitRemoved => ("删除单位", "unit removed"),
            ChangeKind::ProjectAdded => ("新增项目", "project added"),
            ChangeKind::ProjectRemoved => ("删除项目", "project removed"),
            ChangeKind::ProjectRenamed => ("项目改名", "project renamed"),
            ChangeKind::ProjectMoved => ("项目换单位", "project moved to another unit"),
            ChangeKind::AmountChanged => ("金额变化", "amount changed"),
            ChangeKind::GoalChanged => ("绩效目标修改", "goal changed"),
            ChangeKind::IndicatorAdded => ("新增指标", "indicator added"),
            ChangeKind::IndicatorRemoved => ("删除指标", "indicator removed"),
            ChangeKind::IndicatorChanged => ("指标修改", "indicator changed"),
        };
        Message::new(zh, en)
    }
}

/// Which part of a row or indicator changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    Total,
    Fiscal,
    SpecialAccount,
    Other,
    Goal,
    Unit,
    Level1,
    Level2,
    Name,
    Period,
    Annual,
}

impl Field {
    pub fn id(self) -> &'static str {
        match self {
            Field::Total => "total",
            Field::Fiscal => "fiscal",
            Field::SpecialAccount => "special-account",
            Field::Other => "other",
            Field::Goal => "goal",
            Field::Unit => "unit",
            Field::Level1 => "level1",
            Field::Level2 => "level2",
            Field::Name => "name",
            Field::Period => "period",
            Field::Annual => "annual",
        }
    }

    pub fn label(self) -> Message {
        let (zh, en) = match self {
            Field::Total => ("总计", "total"),
            Field::Fiscal => ("财政拨款", "fiscal appropriation"),
            Field::SpecialAccount => ("财政专户拨款", "fiscal special account"),
            Field::Other => ("其他资金", "other funds"),
            Field::Goal => ("绩效目标", "performance goal"),
            Field::Unit => ("资金使用单位", "spending unit"),
            Field::Level1 => ("一级指标", "level 1"),
            Field::Level2 => ("二级指标", "level 2"),
            Field::Name => ("三级指标", "indicator name"),
            Field::Period => ("实施周期指标值", "period value"),
            Field::Annual => ("年度指标值", "annual value"),
        };
        Message::new(zh, en)
    }

    fn of_amount(column: Column) -> Field {
        match column {
            Column::Fiscal => Field::Fiscal,
            Column::SpecialAccount => Field::SpecialAccount,
            Column::Other => Field::Other,
            _ => Field::Total,
        }
    }
}

/// One change to the table itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub kind: ChangeKind,
    /// The unit (in the revision, or the earlier table for what was removed);
    /// `None` for the 合计 row and projects listed without a unit.
    pub unit: Option<String>,
    /// The project (its new name when renamed); `None` for unit and 合计 rows.
    pub project: Option<String>,
    /// The indicator's number `N` (in the revision; in the earlier table when removed).
    pub indicator: Option<u32>,
    pub indicator_name: Option<String>,
    pub field: Option<Field>,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The cell in the revision (`None` for what was removed).
    pub cell: Option<String>,
    /// The cell in the earlier table (`None` for what was added).
    pub old_cell: Option<String>,
}

impl Change {
    /// `合计` / `单位` / `项目` / `项目 · 第 N 项「指标」`, for the human output.
    pub fn subject(&self, lang: Lang) -> String {
        let mut out = match (&self.project, &self.unit) {
            (Some(project), _) => project.clone(),
            (None, Some(unit)) => unit.clone(),
            (None, None) => match lang {
                Lang::Zh => "合计".to_owned(),
                Lang::En => "grand total".to_owned(),
            },
        };
        if let Some(name) = &self.indicator_name {
            let n = self.indicator.map(|n| n.to_string()).unwrap_or_default();
            out.push_str(&match lang {
                Lang::Zh => format!(" · 第 {n} 项「{name}」"),
                Lang::En => format!(" · indicator {n} “{name}”"),
            });
        }
        out
    }

    /// `金额变化 总计: 6.00 → 8.00`
    pub fn describe(&self, lang: Lang) -> String {
        let mut out = self.kind.label().get(lang).to_owned();
        if let Some(field) = self.field {
            out.push(' ');
            out.push_str(field.label().get(lang));
        }
        match (&self.old, &self.new) {
            (Some(old), Some(new)) => out.push_str(&format!(": {old} → {new}")),
            (Some(old), None) => out.push_str(&format!(": {old}")),
            (None, Some(new)) => out.push_str(&format!(": {new}")),
            (None, None) => {}
        }
        out
    }
}

impl Comparison {
    /// At most `n` items of each list, for the page (the counts and the
    /// exports keep everything).
    pub fn capped(&self, n: usize) -> Comparison {
        let take = |items: &[Item]| items.iter().take(n).cloned().collect();
        Comparison {
            fixed: take(&self.fixed),
            introduced: take(&self.introduced),
            remaining: take(&self.remaining),
            changes: self.changes.iter().take(n).cloned().collect(),
        }
    }

    /// `已解决 3，新出现 1，仍存在 49；表格变化 5`
    pub fn counts(&self) -> Message {
        let (f, i, r, c) = (
            self.fixed.len(),
            self.introduced.len(),
            self.remaining.len(),
            self.changes.len(),
        );
        Message::new(
            format!("已解决 {f}，新出现 {i}，仍存在 {r}；表格变化 {c}"),
            format!("{f} fixed, {i} introduced, {r} remaining; {c} changes to the table"),
        )
    }
}

/// Compares the revision `new` with the earlier table `old`.
pub fn compare(old: &Report, new: &Report) -> Comparison {
    let old_side = Side::new(&old.sheet);
    let new_side = Side::new(&new.sheet);
    let projects = match_projects(&old_side, &new_side);
    let indicators: Vec<Option<Vec<Option<usize>>>> = projects
        .iter()
        .enumerate()
        .map(|(o, n)| {
            n.map(|n| match_indicators(old_side.projects[o].project, new_side.projects[n].project))
        })
        .collect();
    let map = Mapping {
        projects: &projects,
        indicators: &indicators,
    };
    let (fixed, introduced, remaining) = match_findings(old, new, &old_side, &new_side, &map);
    let changes = table_changes(&old_side, &new_side, &map);
    Comparison {
        fixed,
        introduced,
        remaining,
        changes,
    }
}

/// Old project index → new project index, and per matched project old
/// indicator index → new indicator index.
struct Mapping<'m> {
    projects: &'m [Option<usize>],
    indicators: &'m [Option<Vec<Option<usize>>>],
}

impl Mapping<'_> {
    fn indicator(&self, project: usize, indicator: usize) -> Option<usize> {
        self.indicators
            .get(project)?
            .as_ref()?
            .get(indicator)
            .copied()?
    }
}

struct SideProject<'s> {
    unit: usize,
    unit_name: Option<&'s str>,
    unit_key: String,
    key: String,
    project: &'s Project,
}

/// One table, indexed for matching.
struct Side<'s> {
    sheet: &'s Sheet,
    projects: Vec<SideProject<'s>>,
    /// Row → project index (its own row, and in the long layouts its
    /// indicators' rows).
    project_rows: HashMap<u32, usize>,
    /// Row → (project, indicator) for indicators on rows of their own.
    indicator_rows: HashMap<u32, (usize, usize)>,
    unit_rows: HashMap<u32, usize>,
    /// Unit name key → unit index (the first of that name).
    unit_keys: HashMap<String, usize>,
}

impl<'s> Side<'s> {
    fn new(sheet: &'s Sheet) -> Side<'s> {
        let mut side = Side {
            sheet,
            projects: Vec::new(),
            project_rows: HashMap::new(),
            indicator_rows: HashMap::new(),
            unit_rows: HashMap::new(),
            unit_keys: HashMap::new(),
        };
        for (u, unit) in sheet.units.iter().enumerate() {
            if let Some(line) = &unit.line {
                side.unit_rows.insert(line.row, u);
            }
            if let Some(name) = &unit.name {
                side.unit_keys.entry(normalize_key(name)).or_insert(u);
            }
            for project in &unit.projects {
                let p = side.projects.len();
                for (i, indicator) in project.indicators.indicators.iter().enumerate() {
                    if let Some(own) = &indicator.own_row {
                        side.indicator_rows.entry(own.row).or_insert((p, i));
                        side.project_rows.entry(own.row).or_insert(p);
                    }
                }
                side.project_rows.insert(project.line.row, p);
                side.projects.push(SideProject {
                    unit: u,
                    unit_name: unit.name.as_deref(),
                    unit_key: unit.name.as_deref().map(normalize_key).unwrap_or_default(),
                    key: normalize_key(&project.line.name),
                    project,
                });
            }
        }
        side
    }

    /// What a finding is about.
    fn place(&self, d: &Diagnostic) -> Place {
        if self.sheet.total.as_ref().is_some_and(|t| t.row == d.row) {
            return Place::Total;
        }
        if let Some(&u) = self.unit_rows.get(&d.row) {
            let name = self.sheet.units[u].name.as_deref().unwrap_or_default();
            return Place::Unit(normalize_key(name));
        }
        if let Some(&p) = self.project_rows.get(&d.row) {
            // A repeated name is about the name, not about which of the two
            // rows comes second.
            if d.rule == "project-duplicate" {
                let project = &self.projects[p];
                return Place::Name(project.unit_key.clone(), project.key.clone());
            }
            let indicators = &self.projects[p].project.indicators.indicators;
            let own_row = self
                .indicator_rows
                .get(&d.row)
                .filter(|(q, _)| *q == p)
                .map(|(_, i)| *i);
            let by_span = d.span.as_ref().and_then(|span| {
                indicators
                    .iter()
                    .position(|i| &i.span == span && i.own_row.is_none())
            });
            let by_number = d.indicator.and_then(|n| {
                // In the long layouts, the indicator on this row first.
                own_row
                    .filter(|i| indicators[*i].number == Some(n))
                    .or_else(|| indicators.iter().position(|i| i.number == Some(n)))
            });
            let indicator = by_span.or(by_number).or(
                if d.indicator.is_none() && self.projects[p].project.line.row != d.row {
                    own_row
                } else {
                    None
                },
            );
            return match indicator {
                Some(i) => Place::Indicator(p, i),
                None => Place::Project(p),
            };
        }
        if let Some(row) = self.sheet.unrecognized.iter().find(|r| r.row == d.row) {
            return Place::Unrecognized(row.text.clone());
        }
        Place::Sheet
    }

    /// The column's meaning, or its letter when the header does not name it.
    fn column_key(&self, d: &Diagnostic) -> ColumnKey {
        let meaning = d.column_index.and_then(|index| {
            self.sheet
                .header
                .as_ref()
                .and_then(|h| h.columns.iter().find(|(_, i)| *i == index))
                .map(|(c, _)| *c)
        });
        match meaning {
            Some(column) => ColumnKey::Known(column),
            None => ColumnKey::Letter(d.column()),
        }
    }

    fn header(&self) -> Option<&Header> {
        self.sheet.header.as_ref()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Place {
    Sheet,
    Total,
    Unit(String),
    Project(usize),
    Indicator(usize, usize),
    Unrecognized(String),
    /// A project name within a unit (unit key, name key).
    Name(String, String),
    /// In the earlier table only: can match nothing.
    Gone,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ColumnKey {
    Known(Column),
    Letter(Option<String>),
}

/// Pairs `left` with `right` items by `score` (higher first, `None` never),
/// ties by closeness of position.
fn pair_greedy(
    left: &[usize],
    right: &[usize],
    score: impl Fn(usize, usize) -> Option<u32>,
) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(u32, usize, usize, usize)> = Vec::new();
    for (a, &l) in left.iter().enumerate() {
        for (b, &r) in right.iter().enumerate() {
            if let Some(s) = score(l, r) {
                candidates.push((s, a.abs_diff(b), l, r));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_left = std::collections::HashSet::new();
    let mut used_right = std::collections::HashSet::new();
    let mut pairs = Vec::new();
    for (_, _, l, r) in candidates {
        if !used_left.contains(&l) && !used_right.contains(&r) {
            used_left.insert(l);
            used_right.insert(r);
            pairs.push((l, r));
        }
    }
    pairs
}

/// Keys of a project's indicators for recognising it under another name:
/// the 三级 name with the annual value.
fn indicator_keys(project: &Project) -> Vec<String> {
    project
        .indicators
        .indicators
        .iter()
        .map(|i| {
            format!(
                "{}\u{1}{}",
                normalize_key(&i.name),
                normalize_key(&i.annual.raw)
            )
        })
        .collect()
}

/// How many of `a`'s keys are also `b`'s, as a multiset.
fn common(a: &[String], b: &[String]) -> usize {
    let mut rest: Vec<&String> = b.iter().collect();
    a.iter()
        .filter(|k| match rest.iter().position(|r| r == k) {
            Some(i) => {
                rest.swap_remove(i);
                true
            }
            None => false,
        })
        .count()
}

fn total(project: &Project) -> Option<rust_decimal::Decimal> {
    project.line.amount(Column::Total).and_then(|a| a.value)
}

fn match_projects(old: &Side, new: &Side) -> Vec<Option<usize>> {
    let mut map: Vec<Option<usize>> = vec![None; old.projects.len()];
    let mut taken = vec![false; new.projects.len()];
    let old_keys: Vec<Vec<String>> = old
        .projects
        .iter()
        .map(|p| indicator_keys(p.project))
        .collect();
    let new_keys: Vec<Vec<String>> = new
        .projects
        .iter()
        .map(|p| indicator_keys(p.project))
        .collect();
    // Similarity in thousandths, plus a bonus for the same 总计.
    let likeness = |o: usize, n: usize| -> u32 {
        let (a, b) = (&old_keys[o], &new_keys[n]);
        let most = a.len().max(b.len());
        let share = (common(a, b) * 1000).checked_div(most).unwrap_or(0);
        share as u32
            + if total(old.projects[o].project) == total(new.projects[n].project) {
                1
            } else {
                0
            }
    };
    let assign =
        |pairs: Vec<(usize, usize)>, map: &mut Vec<Option<usize>>, taken: &mut Vec<bool>| {
            for (o, n) in pairs {
                map[o] = Some(n);
                taken[n] = true;
            }
        };
    // 1. Same unit and name.
    // (unit, name) → the projects of that key in the old and the new table.
    type Sides = (Vec<usize>, Vec<usize>);
    let mut groups: HashMap<(&str, &str), Sides> = HashMap::new();
    for (i, p) in old.projects.iter().enumerate() {
        groups.entry((&p.unit_key, &p.key)).or_default().0.push(i);
    }
    for (i, p) in new.projects.iter().enumerate() {
        groups.entry((&p.unit_key, &p.key)).or_default().1.push(i);
    }
    let mut keys: Vec<_> = groups.keys().copied().collect();
    keys.sort();
    for key in keys {
        let (left, right) = &groups[&key];
        let pairs = pair_greedy(left, right, |o, n| Some(likeness(o, n)));
        assign(pairs, &mut map, &mut taken);
    }
    // 2. Same name under another unit.
    let mut by_name: HashMap<&str, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for o in (0..old.projects.len()).filter(|o| map[*o].is_none()) {
        by_name.entry(&old.projects[o].key).or_default().0.push(o);
    }
    for n in (0..new.projects.len()).filter(|n| !taken[*n]) {
        by_name.entry(&new.projects[n].key).or_default().1.push(n);
    }
    let mut names: Vec<&str> = by_name.keys().copied().collect();
    names.sort_unstable();
    for name in names {
        let (left, right) = &by_name[name];
        if !left.is_empty() && !right.is_empty() {
            let pairs = pair_greedy(left, right, |o, n| Some(likeness(o, n)));
            assign(pairs, &mut map, &mut taken);
        }
    }
    // 3. Renamed: at least half of the indicators the same. Every pair of
    // what is left is compared, so only while that stays cheap; else only
    // within each unit.
    let left: Vec<usize> = (0..old.projects.len())
        .filter(|o| map[*o].is_none())
        .collect();
    let right: Vec<usize> = (0..new.projects.len()).filter(|n| !taken[*n]).collect();
    let renamed = |o: usize, n: usize| {
        let score = likeness(o, n);
        let same_unit = old.projects[o].unit_key == new.projects[n].unit_key;
        (score >= 500).then_some(score * 2 + u32::from(same_unit))
    };
    if left.len().saturating_mul(right.len()) <= MAX_RENAME_PAIRS {
        assign(pair_greedy(&left, &right, renamed), &mut map, &mut taken);
    } else {
        let mut by_unit: HashMap<&str, (Vec<usize>, Vec<usize>)> = HashMap::new();
        for &o in &left {
            by_unit
                .entry(&old.projects[o].unit_key)
                .or_default()
                .0
                .push(o);
        }
        for &n in &right {
            by_unit
                .entry(&new.projects[n].unit_key)
                .or_default()
                .1
                .push(n);
        }
        let mut units: Vec<&str> = by_unit.keys().copied().collect();
        units.sort_unstable();
        for unit in units {
            let (left, right) = &by_unit[unit];
            if left.len().saturating_mul(right.len()) <= MAX_RENAME_PAIRS {
                assign(pair_greedy(left, right, renamed), &mut map, &mut taken);
            }
        }
    }
    map
}

/// At most this many pairs of projects are compared for a rename (a few
/// hundred projects renamed on each side).
const MAX_RENAME_PAIRS: usize = 250_000;

fn indicator_level_key(i: &Indicator) -> String {
    format!(
        "{}\u{1}{}",
        normalize_key(&i.level2().label()),
        normalize_key(&i.name)
    )
}

/// Old indicator index → new indicator index within one matched project.
fn match_indicators(old: &Project, new: &Project) -> Vec<Option<usize>> {
    let (a, b) = (&old.indicators.indicators, &new.indicators.indicators);
    let mut map = vec![None; a.len()];
    let mut taken = vec![false; b.len()];
    let passes: [&dyn Fn(&Indicator) -> String; 3] = [
        &indicator_level_key,
        &|i: &Indicator| normalize_key(&i.name),
        &|i: &Indicator| {
            format!(
                "{}\u{1}{}\u{1}{}",
                normalize_key(&i.level2().label()),
                normalize_key(&i.period.raw),
                normalize_key(&i.annual.raw)
            )
        },
    ];
    for (pass, key) in passes.iter().enumerate() {
        let mut groups: HashMap<String, (Vec<usize>, Vec<usize>)> = HashMap::new();
        for (o, i) in a.iter().enumerate().filter(|(o, _)| map[*o].is_none()) {
            groups.entry(key(i)).or_default().0.push(o);
        }
        for (n, i) in b.iter().enumerate().filter(|(n, _)| !taken[*n]) {
            groups.entry(key(i)).or_default().1.push(n);
        }
        for (left, right) in groups.values() {
            // A renamed indicator only when the values say so unambiguously.
            if pass == 2 && (left.len() != 1 || right.len() != 1) {
                continue;
            }
            for (&o, &n) in left.iter().zip(right) {
                map[o] = Some(n);
                taken[n] = true;
            }
        }
    }
    map
}

type FindingKey = (&'static str, Place, ColumnKey);

fn match_findings(
    old: &Report,
    new: &Report,
    old_side: &Side,
    new_side: &Side,
    map: &Mapping,
) -> (Vec<Item>, Vec<Item>, Vec<Item>) {
    let old_key = |d: &Diagnostic| -> FindingKey {
        let place = match old_side.place(d) {
            Place::Project(p) => map.projects[p].map_or(Place::Gone, Place::Project),
            Place::Indicator(p, i) => match (map.projects[p], map.indicator(p, i)) {
                (Some(np), Some(ni)) => Place::Indicator(np, ni),
                _ => Place::Gone,
            },
            other => other,
        };
        (d.rule, place, old_side.column_key(d))
    };
    let new_key =
        |d: &Diagnostic| -> FindingKey { (d.rule, new_side.place(d), new_side.column_key(d)) };
    let mut by_key: HashMap<FindingKey, Vec<usize>> = HashMap::new();
    for (i, d) in new.diagnostics.iter().enumerate() {
        by_key.entry(new_key(d)).or_default().push(i);
    }
    let mut partner: Vec<Option<usize>> = vec![None; new.diagnostics.len()];
    let mut fixed = Vec::new();
    let old_keys: Vec<FindingKey> = old.diagnostics.iter().map(old_key).collect();
    let mut unmatched_old: Vec<usize> = Vec::new();
    // Equal messages pair first, then the rest in order.
    for exact in [true, false] {
        let todo: Vec<usize> = if exact {
            (0..old.diagnostics.len()).collect()
        } else {
            std::mem::take(&mut unmatched_old)
        };
        for o in todo {
            let d = &old.diagnostics[o];
            let found = by_key.get(&old_keys[o]).and_then(|candidates| {
                candidates.iter().copied().find(|&n| {
                    partner[n].is_none() && (!exact || new.diagnostics[n].message == d.message)
                })
            });
            match (found, old_keys[o].1 == Place::Gone) {
                (Some(n), false) => partner[n] = Some(o),
                _ => unmatched_old.push(o),
            }
        }
    }
    unmatched_old.sort_unstable();
    for o in unmatched_old {
        let d = &old.diagnostics[o];
        let (_, place, column) = &old_keys[o];
        let new_cell = new_side.cell_of(place, column, d);
        fixed.push(Item::of(d, Some(d.cell()), new_cell));
    }
    let mut introduced = Vec::new();
    let mut remaining = Vec::new();
    for (n, d) in new.diagnostics.iter().enumerate() {
        match partner[n] {
            Some(o) => remaining.push(Item::of(d, Some(old.diagnostics[o].cell()), Some(d.cell()))),
            None => introduced.push(Item::of(d, None, Some(d.cell()))),
        }
    }
    (fixed, introduced, remaining)
}

impl Side<'_> {
    /// Where `place` and `column` are in this table, for a fixed finding.
    fn cell_of(&self, place: &Place, column: &ColumnKey, d: &Diagnostic) -> Option<String> {
        let row = match place {
            Place::Total => self.sheet.total.as_ref()?.row,
            Place::Unit(key) => {
                self.sheet.units[*self.unit_keys.get(key)?]
                    .line
                    .as_ref()?
                    .row
            }
            Place::Project(p) => self.projects.get(*p)?.project.line.row,
            Place::Indicator(p, i) => {
                let project = self.projects.get(*p)?.project;
                match &project.indicators.indicators.get(*i)?.own_row {
                    Some(own) => return Some(cell_name(own.column, own.row)),
                    None => project.line.row,
                }
            }
            Place::Unrecognized(text) => {
                self.sheet
                    .unrecognized
                    .iter()
                    .find(|r| &r.text == text)?
                    .row
            }
            Place::Name(unit, name) => {
                self.projects
                    .iter()
                    .rev()
                    .find(|p| &p.unit_key == unit && &p.key == name)?
                    .project
                    .line
                    .row
            }
            Place::Sheet | Place::Gone => return None,
        };
        let letter = match column {
            ColumnKey::Known(c) => self.header().and_then(|h| h.index(*c)).map(column_letter),
            ColumnKey::Letter(letter) => letter.clone(),
        };
        let _ = d;
        Some(match letter {
            Some(letter) => format!("{letter}{row}"),
            None => row.to_string(),
        })
    }
}

fn amount_text(amount: Option<&Amount>) -> Option<String> {
    let amount = amount?;
    match amount.value {
        Some(value) => Some(format_amount(value)),
        None if amount.raw.trim().is_empty() => None,
        None => Some(amount.raw.trim().to_owned()),
    }
}

/// Amount changes between two rows (the 合计, a unit's or a project's).
fn amount_changes(
    old: &Line,
    new: &Line,
    unit: Option<&str>,
    project: Option<&str>,
    out: &mut Vec<Change>,
) {
    for column in Column::AMOUNTS {
        let (a, b) = (old.amount(column), new.amount(column));
        let same = match (a.and_then(|a| a.value), b.and_then(|b| b.value)) {
            (Some(x), Some(y)) => x == y,
            _ => amount_text(a) == amount_text(b),
        };
        // A column only one version has is a change of layout, not of amount.
        if same || a.is_none() || b.is_none() {
            continue;
        }
        out.push(Change {
            kind: ChangeKind::AmountChanged,
            unit: unit.map(str::to_owned),
            project: project.map(str::to_owned),
            indicator: None,
            indicator_name: None,
            field: Some(Field::of_amount(column)),
            old: Some(amount_text(a).unwrap_or_else(|| "0.00".to_owned())),
            new: Some(amount_text(b).unwrap_or_else(|| "0.00".to_owned())),
            cell: b.map(|b| cell_name(b.index, new.row)),
            old_cell: a.map(|a| cell_name(a.index, old.row)),
        });
    }
}

fn indicator_cell(project: &Project, indicator: &Indicator) -> String {
    match &indicator.own_row {
        Some(own) => cell_name(own.column, own.row),
        None => cell_name(project.indicator_cell.index, project.line.row),
    }
}

fn change(kind: ChangeKind, unit: Option<&str>, project: Option<&str>) -> Change {
    Change {
        kind,
        unit: unit.map(str::to_owned),
        project: project.map(str::to_owned),
        indicator: None,
        indicator_name: None,
        field: None,
        old: None,
        new: None,
        cell: None,
        old_cell: None,
    }
}

fn table_changes(old: &Side, new: &Side, map: &Mapping) -> Vec<Change> {
    let mut changes = Vec::new();
    // The 合计 row.
    if let (Some(a), Some(b)) = (&old.sheet.total, &new.sheet.total) {
        amount_changes(a, b, None, None, &mut changes);
    }
    let unit_key = |name: &Option<String>| name.as_deref().map(normalize_key);
    let old_units: HashMap<String, usize> = old
        .sheet
        .units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| Some((unit_key(&u.name)?, i)))
        .collect();
    let new_unit_keys: std::collections::HashSet<String> = new
        .sheet
        .units
        .iter()
        .filter_map(|u| unit_key(&u.name))
        .collect();
    let mut reverse: Vec<Option<usize>> = vec![None; new.projects.len()];
    for (o, n) in map.projects.iter().enumerate() {
        if let Some(n) = n {
            reverse[*n] = Some(o);
        }
    }
    let mut project_index = 0;
    for unit in &new.sheet.units {
        let name = unit.name.as_deref();
        match unit_key(&unit.name).and_then(|k| old_units.get(&k)) {
            Some(&u) => {
                if let (Some(a), Some(b)) = (&old.sheet.units[u].line, &unit.line) {
                    amount_changes(a, b, name, None, &mut changes);
                }
            }
            None if name.is_some() => {
                let mut added = change(ChangeKind::UnitAdded, name, None);
                added.cell = unit.line.as_ref().map(|l| cell_name(l.name_index, l.row));
                changes.push(added);
            }
            None => {}
        }
        for project in &unit.projects {
            let n = project_index;
            project_index += 1;
            let project_name = Some(project.line.name.as_str());
            let Some(o) = reverse[n] else {
                let mut added = change(ChangeKind::ProjectAdded, name, project_name);
                added.cell = Some(cell_name(project.line.name_index, project.line.row));
                added.new = Some(project.line.name.to_string());
                changes.push(added);
                continue;
            };
            let before = &old.projects[o];
            let was = before.project;
            if normalize_key(&was.line.name) != normalize_key(&project.line.name) {
                let mut renamed = change(ChangeKind::ProjectRenamed, name, project_name);
                renamed.field = Some(Field::Name);
                renamed.old = Some(was.line.name.to_string());
                renamed.new = Some(project.line.name.to_string());
                renamed.cell = Some(cell_name(project.line.name_index, project.line.row));
                renamed.old_cell = Some(cell_name(was.line.name_index, was.line.row));
                changes.push(renamed);
            }
            if before.unit_key != new.projects[n].unit_key {
                let mut moved = change(ChangeKind::ProjectMoved, name, project_name);
                moved.field = Some(Field::Unit);
                moved.old = before.unit_name.map(str::to_owned);
                moved.new = name.map(str::to_owned);
                moved.cell = Some(cell_name(project.line.name_index, project.line.row));
                moved.old_cell = Some(cell_name(was.line.name_index, was.line.row));
                changes.push(moved);
            }
            amount_changes(&was.line, &project.line, name, project_name, &mut changes);
            let (g0, g1) = (was.goal.text().trim(), project.goal.text().trim());
            if normalize_key(g0) != normalize_key(g1) {
                let mut goal = change(ChangeKind::GoalChanged, name, project_name);
                goal.field = Some(Field::Goal);
                goal.old = Some(g0.to_owned());
                goal.new = Some(g1.to_owned());
                goal.cell = Some(cell_name(
                    project.goal.index,
                    project.goal.row.unwrap_or(project.line.row),
                ));
                goal.old_cell = Some(cell_name(
                    was.goal.index,
                    was.goal.row.unwrap_or(was.line.row),
                ));
                changes.push(goal);
            }
            indicator_changes(o, was, project, name, map, &mut changes);
        }
    }
    // What the revision no longer has, where it was.
    for (u, unit) in old.sheet.units.iter().enumerate() {
        let name = unit.name.as_deref();
        if let Some(key) = unit_key(&unit.name) {
            if !new_unit_keys.contains(&key) {
                let mut removed = change(ChangeKind::UnitRemoved, name, None);
                removed.old_cell = unit.line.as_ref().map(|l| cell_name(l.name_index, l.row));
                changes.push(removed);
            }
        }
        for (o, p) in old.projects.iter().enumerate().filter(|(_, p)| p.unit == u) {
            if map.projects[o].is_none() {
                let mut removed =
                    change(ChangeKind::ProjectRemoved, name, Some(&p.project.line.name));
                removed.old = Some(p.project.line.name.to_string());
                removed.old_cell = Some(cell_name(p.project.line.name_index, p.project.line.row));
                changes.push(removed);
            }
        }
    }
    changes
}

fn indicator_changes(
    o: usize,
    was: &Project,
    now: &Project,
    unit: Option<&str>,
    map: &Mapping,
    out: &mut Vec<Change>,
) {
    let (a, b) = (&was.indicators.indicators, &now.indicators.indicators);
    let mut reverse: Vec<Option<usize>> = vec![None; b.len()];
    for i in 0..a.len() {
        if let Some(n) = map.indicator(o, i) {
            reverse[n] = Some(i);
        }
    }
    let project = Some(now.line.name.as_str());
    let base = |kind: ChangeKind, indicator: &Indicator| {
        let mut c = change(kind, unit, project);
        c.indicator = indicator.number;
        c.indicator_name = Some(indicator.name.to_string());
        c
    };
    for (n, indicator) in b.iter().enumerate() {
        let Some(i) = reverse[n] else {
            let mut added = base(ChangeKind::IndicatorAdded, indicator);
            added.new = Some(indicator.label());
            added.cell = Some(indicator_cell(now, indicator));
            out.push(added);
            continue;
        };
        let before = &a[i];
        let fields: [(Field, String, String); 5] = [
            (
                Field::Level1,
                before.level1().label(),
                indicator.level1().label(),
            ),
            (
                Field::Level2,
                before.level2().label(),
                indicator.level2().label(),
            ),
            (
                Field::Name,
                before.name.to_string(),
                indicator.name.to_string(),
            ),
            (
                Field::Period,
                before.period.raw.to_string(),
                indicator.period.raw.to_string(),
            ),
            (
                Field::Annual,
                before.annual.raw.to_string(),
                indicator.annual.raw.to_string(),
            ),
        ];
        for (field, old, new) in fields {
            if normalize_key(&old) != normalize_key(&new) {
                let mut changed = base(ChangeKind::IndicatorChanged, indicator);
                changed.field = Some(field);
                changed.old = Some(old);
                changed.new = Some(new);
                changed.cell = Some(indicator_cell(now, indicator));
                changed.old_cell = Some(indicator_cell(was, before));
                out.push(changed);
            }
        }
    }
    for (i, indicator) in a.iter().enumerate() {
        if map.indicator(o, i).is_none() {
            let mut removed = base(ChangeKind::IndicatorRemoved, indicator);
            removed.old = Some(indicator.label());
            removed.old_cell = Some(indicator_cell(was, indicator));
            out.push(removed);
        }
    }
}

/// Which list an item of the comparison is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Fixed,
    Introduced,
    Remaining,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Fixed, Status::Introduced, Status::Remaining];

    pub fn id(self) -> &'static str {
        match self {
            Status::Fixed => "fixed",
            Status::Introduced => "introduced",
            Status::Remaining => "remaining",
        }
    }

    pub fn label(self) -> Message {
        match self {
            Status::Fixed => Message::new("已解决", "fixed"),
            Status::Introduced => Message::new("新出现", "introduced"),
            Status::Remaining => Message::new("仍存在", "remaining"),
        }
    }
}

impl Comparison {
    pub fn items(&self, status: Status) -> &[Item] {
        match status {
            Status::Fixed => &self.fixed,
            Status::Introduced => &self.introduced,
            Status::Remaining => &self.remaining,
        }
    }
}

/// A table's counts for the JSON output.
#[derive(Clone, Debug, Serialize)]
pub struct Version<'r> {
    pub path: &'r str,
    pub units: usize,
    pub projects: usize,
    pub indicators: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl<'r> Version<'r> {
    pub fn new(path: &'r str, report: &Report) -> Self {
        let s = &report.summary;
        Version {
            path,
            units: s.units,
            projects: s.projects,
            indicators: s.indicators,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
        }
    }
}

/// The JSON document of `jixiao-lint diff --format json`.
#[derive(Serialize)]
pub struct DiffReport<'r> {
    pub old: Version<'r>,
    pub new: Version<'r>,
    #[serde(flatten)]
    pub comparison: &'r Comparison,
}

/// Every item as CSV (UTF-8 with BOM, cells neutralised as the findings
/// export does): the findings, then the changes.
pub fn to_csv(c: &Comparison, lang: Lang) -> String {
    let header: [&str; 12] = match lang {
        Lang::Zh => [
            "状态",
            "规则或变化",
            "级别",
            "单元格",
            "原单元格",
            "单位",
            "项目",
            "指标",
            "字段",
            "原值",
            "新值",
            "说明",
        ],
        Lang::En => [
            "status",
            "rule or change",
            "severity",
            "cell",
            "old cell",
            "unit",
            "project",
            "indicator",
            "field",
            "old",
            "new",
            "message",
        ],
    };
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    let mut write = |cells: [String; 12]| {
        let cells = cells.map(|c| crate::export::neutralize(&c).into_owned());
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(&cells);
    };
    write(header.map(str::to_owned));
    for status in Status::ALL {
        for item in c.items(status) {
            write([
                status.label().get(lang).to_owned(),
                item.rule.clone(),
                item.severity.label().get(lang).to_owned(),
                match status {
                    Status::Fixed => item.new_cell.clone().unwrap_or_default(),
                    _ => item.cell.clone(),
                },
                item.old_cell.clone().unwrap_or_default(),
                String::new(),
                item.project.clone().unwrap_or_default(),
                item.indicator.map(|n| n.to_string()).unwrap_or_default(),
                String::new(),
                String::new(),
                String::new(),
                item.message(lang).to_owned(),
            ]);
        }
    }
    let changed = Message::new("表格变化", "change");
    for change in &c.changes {
        write([
            changed.get(lang).to_owned(),
            change.kind.id().to_owned(),
            String::new(),
            change.cell.clone().unwrap_or_default(),
            change.old_cell.clone().unwrap_or_default(),
            change.unit.clone().unwrap_or_default(),
            change.project.clone().unwrap_or_default(),
            change.indicator.map(|n| n.to_string()).unwrap_or_default(),
            change
                .field
                .map(|f| f.label().get(lang).to_owned())
                .unwrap_or_default(),
            change.old.clone().unwrap_or_default(),
            change.new.clone().unwrap_or_default(),
            change.describe(lang),
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8(bytes).unwrap_or_default())
}

/// The comparison as Markdown, for an e-mail or a ticket: what is still
/// open first.
pub fn to_markdown(c: &Comparison, old: &str, new: &str, lang: Lang) -> String {
    let escape = |text: &str| text.replace('|', "\\|").replace(['\n', '\r'], " ");
    let mut out = match lang {
        Lang::Zh => format!(
            "# 修改前后比较\n\n上一版 `{old}` → 本版 `{new}`：{}\n",
            c.counts().zh
        ),
        Lang::En => format!(
            "# Comparison of two versions\n\nEarlier `{old}` → revision `{new}`: {}\n",
            c.counts().en
        ),
    };
    let (cell, was, severity, rule, project, message) = match lang {
        Lang::Zh => ("单元格", "原单元格", "级别", "规则", "项目", "问题"),
        Lang::En => ("cell", "old cell", "severity", "rule", "project", "message"),
    };
    for status in [Status::Introduced, Status::Remaining, Status::Fixed] {
        let items = c.items(status);
        out.push_str(&format!(
            "\n## {}（{}）\n\n",
            status.label().get(lang),
            items.len()
        ));
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("| {cell} | {was} | {severity} | {rule} | {project} | {message} |\n|---|---|---|---|---|---|\n"));
        for item in items {
            let now = match status {
                Status::Fixed => item.new_cell.as_deref().unwrap_or(""),
                _ => &item.cell,
            };
            out.push_str(&format!(
                "| {now} | {} | {} | `{}` | {} | {} |\n",
                item.old_cell.as_deref().unwrap_or(""),
                item.severity.label().get(lang),
                item.rule,
                escape(item.project.as_deref().unwrap_or("")),
                escape(item.message(lang)),
            ));
        }
    }
    let title = Message::new("表格变化", "Changes to the table");
    out.push_str(&format!(
        "\n## {}（{}）\n\n",
        title.get(lang),
        c.changes.len()
    ));
    if !c.changes.is_empty() {
        let what = Message::new("内容", "what");
        out.push_str(&format!(
            "| {cell} | {was} | {project} | {} |\n|---|---|---|---|\n",
            what.get(lang)
        ));
        for change in &c.changes {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                change.cell.as_deref().unwrap_or(""),
                change.old_cell.as_deref().unwrap_or(""),
                escape(&change.subject(lang)),
                escape(&change.describe(lang)),
            ));
        }
    }
    out
}
