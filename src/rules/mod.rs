//! Rules: every check, one per file, grouped by family. Each file declares its
//! [`Rule`] — id, severity, bilingual title and help (what, why, example,
//! source) — next to its check, and [`REGISTRY`] lists them all. The CLI's
//! `rules`/`explain`, the web help and the rule table in the README are all
//! generated from that registry, never written twice.

mod amount;
mod cost;
pub mod docs;
mod framework;
mod goal;
mod structure;
mod value;

use crate::config::Config;
use crate::indicator::Indicator;
use crate::layout::{Column, Line, Project, Sheet};
use crate::text::{cell_name, column_letter, Message, Piece, Text};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The table is wrong.
    Error,
    /// A reviewer would send it back.
    Warning,
    /// Worth improving.
    Info,
}

impl Severity {
    pub fn label(self) -> Text {
        match self {
            Severity::Error => crate::text::t("错误", "error"),
            Severity::Warning => crate::text::t("警告", "warning"),
            Severity::Info => crate::text::t("提示", "info"),
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A rule: its public contract (id, severity) and its documentation.
pub struct Rule {
    /// Kebab-case, naming the problem. Public: never reused for something else.
    pub id: &'static str,
    pub severity: Severity,
    pub title: Text,
    /// What it checks.
    pub what: Text,
    /// Why it matters.
    pub why: Text,
    /// An example that triggers it.
    pub example: Text,
    /// The regulation or practice it rests on, or "convention".
    pub source: Text,
    pub(crate) check: Check,
}

/// What a rule's check looks at. Most rules look at one project or one
/// indicator at a time: [`check_with_progress`] runs all of those together in
/// one walk over the projects, so that each indicator is read from memory once
/// rather than once per rule (a large table does not fit in the cache, and
/// the walks were most of the time the rules took).
#[derive(Clone, Copy)]
pub(crate) enum Check {
    /// The sheet as a whole: header, totals, units, rows across projects.
    Sheet(fn(&Context, &mut Sink)),
    /// Each row with amounts: the total row, the unit rows, then each
    /// project's row (in the walk).
    Line(fn(&Context, &Line, &mut Sink)),
    /// Each project in table order.
    Project(fn(&Context, &Project, &mut Sink)),
    /// Each indicator of each project, in table order.
    Indicator(fn(&Context, &Project, &Indicator, &mut Sink)),
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)
    }
}

/// Every rule, in the order of the catalog (structure, amounts, goal,
/// framework, values, cost).
pub static REGISTRY: &[&Rule] = &[
    &structure::header_missing::RULE,
    &structure::column_missing::RULE,
    &structure::row_unrecognized::RULE,
    &structure::quote_unbalanced::RULE,
    &structure::indicator_unparsed::RULE,
    &structure::markup_in_cell::RULE,
    &structure::indicator_numbering::RULE,
    &amount::amount_invalid::RULE,
    &amount::amount_row_sum::RULE,
    &amount::amount_unit_subtotal::RULE,
    &amount::amount_grand_total::RULE,
    &amount::project_duplicate::RULE,
    &goal::goal_missing::RULE,
    &goal::goal_truncated::RULE,
    &goal::goal_unquantified::RULE,
    &goal::goal_indicator_mismatch::RULE,
    &framework::output_missing::RULE,
    &framework::benefit_missing::RULE,
    &framework::satisfaction_missing::RULE,
    &framework::code_unknown::RULE,
    &framework::code_parent_mismatch::RULE,
    &framework::code_name_mismatch::RULE,
    &framework::indicator_duplicate::RULE,
    &framework::satisfaction_misfiled::RULE,
    &framework::indicator_misfiled::RULE,
    &framework::weight_sum::RULE,
    &framework::weight_band::RULE,
    &framework::name_placeholder::RULE,
    &value::value_missing::RULE,
    &value::value_placeholder::RULE,
    &value::value_vague::RULE,
    &value::value_is_criterion::RULE,
    &value::value_unit_missing::RULE,
    &value::rate_out_of_range::RULE,
    &value::period_annual_mismatch::RULE,
    &value::period_equals_annual::RULE,
    &value::satisfaction_not_numeric::RULE,
    &value::satisfaction_low::RULE,
    &value::direction_mismatch::RULE,
    &value::unit_name_mismatch::RULE,
    &value::value_kind_mismatch::RULE,
    &value::standard_missing::RULE,
    &value::standard_unknown::RULE,
    &cost::cost_exceeds_budget::RULE,
    &cost::budget_target_mismatch::RULE,
    &cost::cost_misfiled::RULE,
    &cost::cost_missing::RULE,
];

/// Looks a rule up by its id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    REGISTRY.iter().copied().find(|r| r.id == id)
}

/// What a rule's check sees.
pub struct Context<'a> {
    pub sheet: &'a Sheet,
    pub config: &'a Config,
}

impl Context<'_> {
    /// The table's indicators have no levels at all (a flat list of
    /// indicators, as 重庆 潼南's form): column-missing says so once, and the
    /// checks of the framework's families have nothing to go on.
    pub fn unclassified(&self) -> bool {
        self.sheet.header.as_ref().is_some_and(|h| {
            [Column::Indicators, Column::Level1, Column::Level2]
                .iter()
                .all(|c| h.index(*c).is_none())
        })
    }

    /// Every indicator of every project, with its project.
    pub fn indicators(&self) -> impl Iterator<Item = (&Project, &Indicator)> {
        self.sheet
            .projects()
            .flat_map(|p| p.indicators.indicators.iter().map(move |i| (p, i)))
    }
}

/// One finding, located as the user sees the table. Small, as a large table
/// has a hundred thousand of them: the cell's name (`B11`) and column letters
/// are written out only when shown or exported, a project's name is a piece
/// of the input, and findings with the same message share it (natively, those
/// found by the same thread).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    /// 1-based row number, blank lines counted.
    pub row: u32,
    /// 0-based column, when the finding is about one cell.
    pub column_index: Option<usize>,
    pub project: Option<Piece>,
    /// The indicator's number `N` in its cell.
    pub indicator: Option<u32>,
    /// Byte range of the indicator in the 绩效指标 cell, for highlighting.
    pub span: Option<Range<u32>>,
    /// Shared by the check's findings that say the same: a large table
    /// repeats a few messages (no cost indicator, markup in a cell) many
    /// thousand times.
    pub message: Arc<Message>,
    /// The fix, where it can be computed (`null` where it cannot). Boxed: few
    /// findings have one.
    pub suggestion: Option<Box<Suggestion>>,
}

impl Diagnostic {
    /// Column letters (`B`), when the finding is about one cell.
    pub fn column(&self) -> Option<String> {
        self.column_index.map(column_letter)
    }

    /// `B11`, or the row number alone when no column applies.
    pub fn cell(&self) -> String {
        match self.column_index {
            Some(column) => cell_name(column, self.row),
            None => self.row.to_string(),
        }
    }

    /// Whether it is about the cell at `row` and `column`.
    pub fn is_at(&self, row: u32, column: usize) -> bool {
        self.row == row && self.column_index == Some(column)
    }
}

/// The JSON contract: `column` and `cell` written out, the message's two
/// languages as `message` and `message_en`.
impl Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Diagnostic", 10)?;
        out.serialize_field("cell", &self.cell())?;
        out.serialize_field("column", &self.column())?;
        out.serialize_field("indicator", &self.indicator)?;
        out.serialize_field("message", &self.message.zh)?;
        out.serialize_field("message_en", &self.message.en)?;
        out.serialize_field("project", &self.project.as_deref())?;
        out.serialize_field("row", &self.row)?;
        out.serialize_field("rule", self.rule)?;
        out.serialize_field("severity", &self.severity)?;
        out.serialize_field("suggestion", &self.suggestion)?;
        out.end()
    }
}

/// A suggested fix: what a cell should most likely hold, and why. Only where
/// the fix can be computed (a sum, a unit named by the indicator, a code
/// named by its name …); never a guess presented as fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The cell to change (`B11`): the finding's own.
    pub cell: String,
    /// What to write there: the whole cell, or for an indicator of a
    /// 绩效指标 cell the part that `why` names.
    pub value: String,
    /// Why, in Chinese …
    pub why: String,
    /// … and in English.
    pub why_en: String,
}

impl Suggestion {
    pub fn why(&self, lang: crate::text::Lang) -> &str {
        match lang {
            crate::text::Lang::Zh => &self.why,
            crate::text::Lang::En => &self.why_en,
        }
    }
}

/// Where a finding points.
#[derive(Clone, Debug, Default)]
pub struct Location<'a> {
    pub row: u32,
    pub column: Option<usize>,
    pub project: Option<&'a Piece>,
    pub indicator: Option<u32>,
    pub span: Option<Range<u32>>,
}

impl<'a> Location<'a> {
    pub fn cell(row: u32, column: usize) -> Location<'static> {
        Location {
            row,
            column: (column != usize::MAX).then_some(column),
            ..Default::default()
        }
    }

    pub fn row(row: u32) -> Location<'static> {
        Location {
            row,
            ..Default::default()
        }
    }

    /// A cell of a project row.
    pub fn in_project(project: &'a Project, column: usize) -> Self {
        Location {
            project: Some(&project.line.name),
            ..Location::cell(project.line.row, column)
        }
    }

    /// The project's 绩效目标 cell (in a form, on a line of its own).
    pub fn goal(project: &'a Project) -> Self {
        Location {
            project: Some(&project.line.name),
            ..Location::cell(
                project.goal.row.unwrap_or(project.line.row),
                project.goal.index,
            )
        }
    }

    /// An amount of a total, unit or project row (in a form, on its own line).
    pub fn amount(line: &'a Line, amount: &crate::layout::Amount) -> Self {
        Location {
            row: amount.row.unwrap_or(line.row),
            ..Location::in_line(line, amount.index)
        }
    }

    /// A cell of a unit or total row.
    pub fn in_line(line: &'a Line, column: usize) -> Self {
        Location {
            project: Some(&line.name),
            ..Location::cell(line.row, column)
        }
    }

    /// One indicator: its span in the project's 绩效指标 cell, or its own row.
    pub fn indicator(project: &'a Project, indicator: &Indicator) -> Self {
        if let Some(own) = &indicator.own_row {
            return Location {
                indicator: indicator.number,
                ..Location::in_project(project, own.column).at_row(own.row)
            };
        }
        Location {
            indicator: indicator.number,
            span: Some(indicator.span.clone()),
            ..Location::in_project(project, project.indicator_cell.index)
        }
    }

    pub(crate) fn at_row(self, row: u32) -> Self {
        Location { row, ..self }
    }
}

/// Collects findings: one rule's, or every rule's as the check runs them.
pub struct Sink<'r> {
    /// The rule now running.
    rule: &'r Rule,
    /// Its place in the registry, kept with each finding for the sort.
    rank: u8,
    found: Vec<Diagnostic>,
    /// Each finding's rule's rank: a byte, as the registry has fewer than
    /// 256 rules (kept beside the findings, not in them, until the sort).
    ranks: Vec<u8>,
    /// Every message reported so far, once (see [`Diagnostic::message`]).
    messages: FxHashSet<Arc<Message>>,
}

impl<'r> Sink<'r> {
    fn new(rule: &'r Rule) -> Self {
        Sink {
            rule,
            rank: 0,
            found: Vec::new(),
            ranks: Vec::new(),
            messages: FxHashSet::default(),
        }
    }

    /// Findings from here on are `rule`'s, the `rank`th of the registry.
    fn run(&mut self, rule: &'r Rule, rank: u8) -> &mut Self {
        self.rule = rule;
        self.rank = rank;
        self
    }
}

impl Sink<'_> {
    /// Reports a finding at the rule's default severity.
    pub fn report(&mut self, at: Location, message: Message) {
        self.report_as(self.rule.severity, at, message);
    }

    /// Reports about one indicator, the message prefixed with its label:
    /// `第 N 项指标「name」：{zh}` / `indicator N "name": {en}`.
    pub fn report_indicator(
        &mut self,
        project: &Project,
        indicator: &Indicator,
        zh: &str,
        en: &str,
    ) {
        self.report_indicator_as(self.rule.severity, project, indicator, zh, en);
    }

    /// [`Sink::report_indicator`] at another severity than the rule's.
    pub fn report_indicator_as(
        &mut self,
        severity: Severity,
        project: &Project,
        indicator: &Indicator,
        zh: &str,
        en: &str,
    ) {
        let (mut message_zh, mut message_en) =
            labelled(indicator, '：'.len_utf8() + zh.len(), ": ".len() + en.len());
        message_zh.push('：');
        message_zh.push_str(zh);
        message_en.push_str(": ");
        message_en.push_str(en);
        let message = Message::new(message_zh, message_en);
        self.report_as(severity, Location::indicator(project, indicator), message);
    }

    pub fn report_as(&mut self, severity: Severity, at: Location, mut message: Message) {
        let message = match self.messages.get(&message) {
            Some(said) => Arc::clone(said),
            None => {
                // Kept as long as the report, without the room that `format!`
                // leaves to spare: half as much again, over many findings.
                message.zh.shrink_to_fit();
                message.en.shrink_to_fit();
                let message = Arc::new(message);
                self.messages.insert(Arc::clone(&message));
                message
            }
        };
        self.ranks.push(self.rank);
        self.found.push(Diagnostic {
            rule: self.rule.id,
            severity,
            row: at.row,
            column_index: at.column,
            project: at.project.cloned(),
            indicator: at.indicator,
            span: at.span,
            message,
            suggestion: None,
        });
    }

    /// Attaches a suggested fix to the finding the running rule just
    /// reported, at its cell (nothing when it reported none).
    pub fn suggest(&mut self, value: impl Into<String>, why: Message) {
        let rule = self.rule.id;
        if let Some(last) = self.found.last_mut().filter(|d| d.rule == rule) {
            last.suggestion = Some(Box::new(Suggestion {
                cell: last.cell(),
                value: value.into(),
                why: why.zh,
                why_en: why.en,
            }));
        }
    }
}

/// The total row and the unit rows, which come before the project rows in
/// [`Check::Line`]'s order.
fn lines_above_projects(sheet: &Sheet) -> impl Iterator<Item = &Line> {
    sheet.total.iter().chain(sheet.unit_lines())
}

/// Runs one rule (the benchmark times them one by one).
pub fn check_rule(rule: &Rule, sheet: &Sheet, config: &Config) -> Vec<Diagnostic> {
    let mut sink = Sink::new(rule);
    let cx = Context { sheet, config };
    match rule.check {
        Check::Sheet(check) => check(&cx, &mut sink),
        Check::Line(check) => {
            for line in lines_above_projects(sheet).chain(sheet.projects().map(|p| &p.line)) {
                check(&cx, line, &mut sink);
            }
        }
        Check::Project(check) => {
            for project in sheet.projects() {
                check(&cx, project, &mut sink);
            }
        }
        Check::Indicator(check) => {
            for (project, indicator) in cx.indicators() {
                check(&cx, project, indicator, &mut sink);
            }
        }
    }
    sink.found
}

/// Runs every rule and returns the findings sorted by position.
pub fn check(sheet: &Sheet, config: &Config) -> Vec<Diagnostic> {
    check_with_progress(sheet, config, &mut |_| {})
}

/// [`check`], calling `done(rule)` once for each rule as the check advances:
/// a long check in the web page's worker reports its progress with it. The
/// rules that look at one project or indicator at a time run in one walk; each
/// of them counts as done when the walk has passed its share of the projects,
/// so that a progress bar moves evenly.
pub fn check_with_progress(
    sheet: &Sheet,
    config: &Config,
    done: &mut dyn FnMut(&Rule),
) -> Vec<Diagnostic> {
    let cx = Context { sheet, config };
    // One sink for every rule, which notes each finding's rule: sorted with
    // the rule's place in the registry, the findings come out as if each rule
    // had run alone and in turn, whatever the order they ran in.
    let mut sink = Sink::new(REGISTRY[0]);
    let (mut per_line, mut per_project, mut per_indicator, mut walking) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    debug_assert!(REGISTRY.len() <= 256, "a rank is a byte");
    for (rank, &rule) in (0..=u8::MAX).zip(REGISTRY) {
        // A rule the profile turns off does not run.
        if !config.runs(rule.id) {
            done(rule);
            continue;
        }
        match rule.check {
            Check::Sheet(check) => {
                check(&cx, sink.run(rule, rank));
                done(rule);
                continue;
            }
            Check::Line(check) => {
                for line in lines_above_projects(sheet) {
                    check(&cx, line, sink.run(rule, rank));
                }
                per_line.push((check, rule, rank));
            }
            Check::Project(check) => per_project.push((check, rule, rank)),
            Check::Indicator(check) => per_indicator.push((check, rule, rank)),
        }
        walking.push(rule);
    }
    // Every rule that looks at one project or indicator, on one project.
    let walk = |project: &Project, sink: &mut Sink| {
        for &(check, rule, rank) in &per_line {
            check(&cx, &project.line, sink.run(rule, rank));
        }
        for &(check, rule, rank) in &per_project {
            check(&cx, project, sink.run(rule, rank));
        }
        for indicator in &project.indicators.indicators {
            for &(check, rule, rank) in &per_indicator {
                check(&cx, project, indicator, sink.run(rule, rank));
            }
        }
    };
    let projects = sheet.projects().count();
    // Natively, a large table's projects in pieces shared by two threads.
    // Each piece's findings are appended in table order after those found
    // so far, so that the sink holds them as one walk would have: the sort
    // below keeps their order among equals, and the reports stay byte for
    // byte the same. Progress is told at the end, as nothing shows it
    // natively. `walked`: the projects walked here.
    #[cfg(not(target_arch = "wasm32"))]
    let walked = if projects >= crate::parallel::PARALLEL_FROM {
        let mut all: Vec<&Project> = sheet.projects().collect();
        let pieces = crate::parallel::pieces(&mut all, |part| {
            let mut sink = Sink::new(REGISTRY[0]);
            for project in part {
                walk(project, &mut sink);
            }
            sink
        });
        for piece in pieces {
            sink.found.extend(piece.found);
            sink.ranks.extend(piece.ranks);
        }
        projects
    } else {
        0
    };
    #[cfg(target_arch = "wasm32")]
    let walked = 0;
    // Rules told done so far.
    let mut reported = 0;
    for (n, project) in sheet.projects().enumerate().skip(walked) {
        walk(project, &mut sink);
        let due = (n + 1) * walking.len() / projects;
        for rule in &walking[reported..due] {
            done(rule);
        }
        reported = due;
    }
    for rule in &walking[reported..] {
        done(rule);
    }
    // The room the vector grew into, given back before the sort asks for
    // its keys (the check's peak of memory): the report keeps the findings.
    sink.found.shrink_to_fit();
    sink.ranks.shrink_to_fit();
    // The messages are all in the findings now: the set that found them goes.
    drop(sink.messages);
    let mut found = sort_by_position(sink.found, &sink.ranks);
    // The profile's severities (none by default).
    for (id, setting) in &config.rules {
        if let crate::config::RuleSetting::Severity(severity) = setting {
            for d in found.iter_mut().filter(|d| d.rule == id) {
                d.severity = *severity;
            }
        }
    }
    found
}

/// Sorts findings by row, column and indicator; findings at the same place
/// follow the registry's order (`ranks`), then the order their rule gave them.
/// The small keys are sorted with each finding's index, and the findings are
/// then put in that order in place, each moved about once, rather than moved
/// around during the sort.
fn sort_by_position(mut all: Vec<Diagnostic>, ranks: &[u8]) -> Vec<Diagnostic> {
    let mut keyed: Vec<_> = all
        .iter()
        .zip(ranks)
        .enumerate()
        .map(|(i, (d, rank))| {
            let column = d.column_index.map_or(0, |c| c + 1);
            ((d.row, column, d.indicator, *rank), i)
        })
        .collect();
    keyed.sort_unstable();
    // `from[k]`: where the finding that belongs at `k` is now.
    let mut from: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    // Follow each cycle of the permutation, marking places filled.
    for start in 0..from.len() {
        let mut at = start;
        loop {
            let next = from[at];
            from[at] = at;
            if next == start || next == at {
                break;
            }
            all.swap(at, next);
            at = next;
        }
    }
    all
}

/// `第 2 项指标「服务对象满意度」` or `指标「服务对象满意度」` for messages, in
/// both languages.
pub(crate) fn indicator_label(indicator: &Indicator) -> (String, String) {
    labelled(indicator, 0, 0)
}

/// [`indicator_label`], with room for `more_zh` and `more_en` bytes after it:
/// a message about an indicator goes on after its label, and a string that
/// grows as it is written is copied each time.
pub(crate) fn labelled(indicator: &Indicator, more_zh: usize, more_en: usize) -> (String, String) {
    use std::fmt::Write;
    let name = &indicator.name;
    // The label's own bytes beside the name's: `第 123 项指标「」`.
    let room = 32 + name.len();
    let mut zh = String::with_capacity(room + more_zh);
    let mut en = String::with_capacity(room + more_en);
    // Writing to a String cannot fail.
    let _ = match indicator.number {
        Some(n) => {
            write!(zh, "第 {n} 项指标「{name}」").and(write!(en, "indicator {n} \"{name}\""))
        }
        None => write!(zh, "指标「{name}」").and(write!(en, "indicator \"{name}\"")),
    };
    (zh, en)
}
