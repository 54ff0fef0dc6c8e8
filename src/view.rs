//! View: what the web page shows of a report, as plain data. It is the last
//! stage before the page and has no web dependency, so it is tested natively.
//!
//! A [`Checked`] table answers three questions: the [`Overview`] (summary,
//! charts, problem counts; small whatever the table's size), and any slice of
//! the table's rows or of one problem group. The page's worker checks every
//! table and keeps its [`Checked`]; the page gets the overview with the
//! first slices ([`First`]) and asks for more as the user scrolls, so a table
//! of 100 000 rows costs the page no more than one of 30, and the page's own
//! wasm carries no checker at all. Everything travels as [`to_bytes`].

use crate::input::Grid;
use crate::layout::{Column, Line, Project};
use crate::money::format_amount;
use crate::report::{Coverage, Report, UnitFunding};
use crate::rules::{Diagnostic, Severity, Suggestion, REGISTRY};
use crate::text::{cell_name, column_letter, Message};
use crate::{Config, Progress, SharedText};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The view's data as bytes, for the trip from the worker to the page.
pub fn to_bytes(value: &impl Serialize) -> Vec<u8> {
    // Serializing plain data into a Vec cannot fail.
    postcard::to_allocvec(value).unwrap_or_default()
}

/// Reads what [`to_bytes`] wrote; `None` for bytes of another shape.
pub fn from_bytes<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

/// Rows or problems the page asks for at a time.
pub const PAGE: usize = 100;

/// A problem list of more entries than this (group headings and problems)
/// is drawn a slice at a time, the entries in view; a shorter one whole.
pub const VIRTUAL_ENTRIES: usize = 300;

/// Tables longer than this (bytes of text) are not shown in the paste area
/// (a text box of megabytes makes the browser crawl), and their check shows
/// its progress.
pub const LARGE_INPUT: usize = 1_000_000;

/// At most this many units in the funding chart (the largest) …
pub const FUNDING_SHOWN: usize = 40;
/// … and this many projects in the coverage matrix (those lacking a family
/// first): a chart of 10 000 bars says nothing.
pub const COVERAGE_SHOWN: usize = 40;

/// A checked table with what the page needs to show any part of it.
pub struct Checked {
    /// The table as pasted or decoded, shared with the report's pieces of it.
    pub text: SharedText,
    pub report: Report,
    pub overview: Overview,
    rows: Vec<RowRef>,
    groups: Vec<Vec<u32>>,
    /// The input's cells, kept for the long layouts whose table is shown as pasted.
    grid: Option<Grid>,
}

/// One row of the table view, by where it lives in the sheet or grid.
#[derive(Clone, Copy)]
enum RowRef {
    Total,
    Unit(usize),
    Project(usize, usize),
    Unrecognized(usize),
    Grid(usize),
}

/// The parts of the page that do not grow with the table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub layout: Option<String>,
    /// Why nothing was understood (no header found).
    pub unreadable: Option<Message>,
    pub department: Option<String>,
    pub amount_unit: String,
    pub units: usize,
    pub projects: usize,
    pub indicators: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub level1: Vec<Bar>,
    pub level2: Vec<Bar>,
    pub quantitative: usize,
    pub qualitative: usize,
    /// Funding per unit, at most [`FUNDING_SHOWN`] of `funding_units`.
    pub funding: Vec<Funding>,
    pub funding_units: usize,
    /// At most [`COVERAGE_SHOWN`] rows of the coverage matrix.
    pub coverage: Vec<Coverage>,
    /// The problems by severity, then rule in registry order.
    pub groups: Vec<GroupCount>,
    /// The rules that fired, in registry order.
    pub rules: Vec<RuleTitle>,
    pub head: TableHead,
    /// How many rows the table view has.
    pub row_count: usize,
    /// What the profile in force changes from the defaults (empty: none).
    pub profile: Vec<Message>,
}

/// One unit's funding composition, ready to draw: its amounts as the page
/// shows them and its bars' SVG positions, computed here in decimals so that
/// the page's first load carries no decimal arithmetic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Funding {
    /// `None` for projects listed without a unit row.
    pub name: Option<String>,
    /// The unit's 总计 in 万元 (`13100.00`, a stable hook for tests).
    pub total: String,
    /// The same as shown: `13,100.00`.
    pub total_shown: String,
    /// 财政拨款, 专户, 其他, each a bar segment after the one before.
    pub sources: Vec<FundingSource>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FundingSource {
    pub column: Column,
    /// The amount as shown: `12,585.00`.
    pub amount: String,
    /// Where its segment starts and how long it is, in the chart's
    /// [`FUNDING_CHART_WIDTH`] units, to one decimal (`123.4`).
    pub x: String,
    pub width: String,
}

/// The funding chart's width in SVG units: the widest unit's bar spans it.
pub const FUNDING_CHART_WIDTH: i64 = 430;

/// `part / whole × FUNDING_CHART_WIDTH` as an SVG length to one decimal.
fn chart_length(part: Decimal, whole: Decimal) -> String {
    if whole.is_zero() {
        return "0".into();
    }
    part.checked_mul(Decimal::from(FUNDING_CHART_WIDTH))
        .and_then(|p| p.checked_div(whole))
        .map_or_else(|| "0".into(), |length| length.round_dp(1).to_string())
}

/// The shown units' funding, scaled to the largest 总计 among them.
fn funding_chart(units: Vec<UnitFunding>) -> Vec<Funding> {
    let max = units.iter().map(|u| u.total).max().unwrap_or_default();
    units
        .into_iter()
        .map(|unit| {
            let mut x = Decimal::ZERO;
            let sources = unit
                .sources
                .into_iter()
                .map(|(column, amount)| {
                    let start = x;
                    x = x.checked_add(amount).unwrap_or(x);
                    FundingSource {
                        column,
                        amount: format_amount(amount),
                        x: chart_length(start, max),
                        width: chart_length(amount, max),
                    }
                })
                .collect();
            Funding {
                name: unit.name,
                total: unit.total.to_string(),
                total_shown: format_amount(unit.total),
                sources,
            }
        })
        .collect()
}

/// One bar of an indicator chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    /// Stable hook (`data-bar`): the Chinese name.
    pub key: String,
    pub label: Message,
    pub count: usize,
}

/// How many problems one rule found at one severity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupCount {
    pub severity: Severity,
    pub rule: String,
    pub title: Message,
    pub count: usize,
}

/// A rule that fired, for the rule filter (registry order).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RuleTitle {
    pub id: String,
    pub title: Message,
}

/// A rule's help, as the help panel shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RuleHelp {
    pub id: String,
    pub severity: Severity,
    pub title: Message,
    pub what: Message,
    pub why: Message,
    pub example: Message,
    pub source: Message,
    /// Whether it suggests a fix, and which.
    pub fix: Message,
}

impl RuleHelp {
    pub fn of(id: &str) -> Option<RuleHelp> {
        let rule = crate::rules::rule(id)?;
        let text = |t: crate::text::Text| Message::new(t.zh, t.en);
        Some(RuleHelp {
            id: rule.id.to_owned(),
            severity: rule.severity,
            title: text(rule.title),
            what: text(rule.what),
            why: text(rule.why),
            example: text(rule.example),
            source: text(rule.source),
            fix: text(crate::rules::docs::fix(rule)),
        })
    }
}

/// What the page gets when a check is done: the overview and the first page
/// of rows and of each problem group, so that a table of ordinary size is
/// shown complete in one step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct First {
    pub overview: Overview,
    pub rows: Vec<TableRow>,
    /// The first `page` problems of the first groups, in `overview.groups`
    /// order: of every group in a list drawn whole, else of those that start
    /// within its first `page` entries (the page asks for the others' when
    /// they come into view).
    pub problems: Vec<Vec<Problem>>,
    /// The table's text when it is small enough to show in the paste area
    /// (a file the worker read), else `None`.
    pub text: Option<String>,
}

/// The table view's columns.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TableHead {
    /// The header row of the wide layout; `None` when rows are shown as pasted.
    pub header_row: Option<u32>,
    pub columns: Vec<HeadColumn>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadColumn {
    pub letter: String,
    pub title: Option<Message>,
    pub role: ColumnRole,
    /// No row below the header has anything in it (财政专户拨款 and 其他资金
    /// are often unused): the page draws such a column narrow.
    pub empty: bool,
}

/// What a column of the table view holds, so that the page can give the
/// long texts (绩效目标, 绩效指标) the room and the amounts only what they need.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ColumnRole {
    /// A name, or any cell of a table shown as pasted.
    Text,
    Amount,
    Goal,
    Indicators,
}

impl ColumnRole {
    /// The hook `data-role` and the CSS class `col-…`.
    pub fn id(self) -> &'static str {
        match self {
            ColumnRole::Text => "text",
            ColumnRole::Amount => "amount",
            ColumnRole::Goal => "goal",
            ColumnRole::Indicators => "indicators",
        }
    }
}

/// One row of the table view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    pub number: u32,
    pub kind: RowKind,
    pub cells: Vec<TableCell>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowKind {
    Total,
    Unit,
    Project,
    Unrecognized,
    /// A row of a long layout, shown as pasted.
    Row,
}

impl RowKind {
    /// The hook `data-kind` and the CSS class.
    pub fn id(self) -> &'static str {
        match self {
            RowKind::Total => "total",
            RowKind::Unit => "unit",
            RowKind::Project => "project",
            RowKind::Unrecognized => "unrecognized",
            RowKind::Row => "row",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableCell {
    /// `B11`
    pub id: String,
    /// Columns spanned (an unrecognised row is one wide cell).
    pub span: usize,
    pub content: CellContent,
    /// The worst severity of its findings.
    pub severity: Option<Severity>,
    pub findings: Vec<Finding>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CellContent {
    Text(String),
    Amount(String),
    Goal(String),
    /// A 绩效指标 cell that held no readable indicator.
    RawIndicators(String),
    Indicators(Vec<IndicatorRow>),
}

/// One indicator of a 绩效指标 cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorRow {
    pub number: Option<u32>,
    pub level1: String,
    pub level2: String,
    pub name: String,
    pub period: String,
    pub annual: String,
    pub severity: Option<Severity>,
}

/// A finding as a cell's tooltip shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub severity: Severity,
    pub rule: String,
    pub message: Message,
    pub suggestion: Option<Suggestion>,
}

/// A finding as the problem list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub rule: String,
    pub severity: Severity,
    pub cell: String,
    pub project: Option<String>,
    pub indicator: Option<u32>,
    pub message: Message,
    /// The fix, where it can be computed.
    pub suggestion: Option<Suggestion>,
}

impl From<&Diagnostic> for Problem {
    fn from(d: &Diagnostic) -> Self {
        Problem {
            rule: d.rule.to_owned(),
            severity: d.severity,
            cell: d.cell(),
            project: d.project.as_deref().map(str::to_owned),
            indicator: d.indicator,
            message: Message::clone(&d.message),
            suggestion: d.suggestion.as_deref().cloned(),
        }
    }
}

impl Checked {
    pub fn new(text: String, config: &Config) -> Checked {
        Checked::with_progress(SharedText::new(text), config, &mut |_| {})
    }

    /// Checks `text`, calling `progress` after each step of the pipeline.
    pub fn with_progress(
        text: SharedText,
        config: &Config,
        progress: &mut dyn FnMut(Progress),
    ) -> Checked {
        let report = crate::check_shared(&text, config, progress);
        let wide = report
            .sheet
            .header
            .as_ref()
            .is_some_and(|h| h.required == Column::WIDE);
        let grid = (!wide && report.layout.is_some()).then(|| crate::input::read_shared(&text));
        let rows = match &grid {
            Some(grid) => (0..grid.rows.len()).map(RowRef::Grid).collect(),
            None => sheet_rows(&report),
        };
        let groups = group_members(&report.diagnostics);
        let mut checked = Checked {
            text,
            // Made from the rest just below.
            overview: Overview::default(),
            report,
            rows,
            groups,
            grid,
        };
        checked.overview = checked.make_overview();
        checked
    }

    /// The rows `range` of the table view (clamped to the table).
    pub fn rows(&self, range: Range<usize>) -> Vec<TableRow> {
        let range = clamp(range, self.rows.len());
        self.rows[range].iter().map(|r| self.row(*r)).collect()
    }

    /// The overview with the first `page` rows, and the first `page`
    /// problems of the groups the list opens with (see [`First::problems`]):
    /// on a large table the rest would make the first answer several times
    /// larger (813 KB instead of 214 KB for 50 MB) and slower to read.
    pub fn first(&self, page: usize, text_up_to: usize) -> First {
        let entries: usize = self.groups.iter().map(|g| g.len() + 1).sum();
        let mut start = 0;
        let opening = self
            .groups
            .iter()
            .take_while(|members| {
                let opens = entries <= VIRTUAL_ENTRIES || start < page;
                start += members.len() + 1;
                opens
            })
            .count();
        First {
            overview: self.overview.clone(),
            rows: self.rows(0..page),
            problems: (0..opening).map(|g| self.problems(g, 0..page)).collect(),
            text: (self.text.len() <= text_up_to).then(|| self.text.to_string()),
        }
    }

    /// Where row `number` (as the spreadsheet numbers it) is in the table
    /// view, for a jump to one of its cells.
    pub fn row_index(&self, number: u32) -> Option<usize> {
        // The view's rows are in input order, so their numbers ascend.
        self.rows
            .binary_search_by_key(&number, |r| self.row_number(*r))
            .ok()
    }

    /// The problems `range` of group `group` (an index into `overview.groups`).
    pub fn problems(&self, group: usize, range: Range<usize>) -> Vec<Problem> {
        let Some(members) = self.groups.get(group) else {
            return Vec::new();
        };
        let range = clamp(range, members.len());
        members[range]
            .iter()
            .map(|&i| Problem::from(&self.report.diagnostics[i as usize]))
            .collect()
    }

    fn make_overview(&self) -> Overview {
        let report = &self.report;
        let s = &report.summary;
        let bar = |key: &str, label: Message, count: usize| Bar {
            key: key.to_owned(),
            label,
            count,
        };
        let mut funding = report.funding_by_unit();
        let funding_units = funding.len();
        if funding.len() > FUNDING_SHOWN {
            funding.sort_by_key(|unit| std::cmp::Reverse(unit.total));
            funding.truncate(FUNDING_SHOWN);
        }
        let mut coverage = report.coverage();
        if coverage.len() > COVERAGE_SHOWN {
            // Those lacking a required family first, each part in table order.
            coverage.sort_by_key(|c| !c.present.iter().any(|(k, p)| k.is_family() && !p));
            coverage.truncate(COVERAGE_SHOWN);
            coverage.sort_by_key(|c| c.row);
        }
        Overview {
            layout: report.layout.map(str::to_owned),
            unreadable: report
                .layout
                .is_none()
                .then(|| {
                    report
                        .diagnostics
                        .first()
                        .map(|d| Message::clone(&d.message))
                })
                .flatten(),
            department: s.department.clone(),
            amount_unit: s.amount_unit.label().to_owned(),
            units: s.units,
            projects: s.projects,
            indicators: s.indicators,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
            level1: s
                .by_level1
                .iter()
                .map(|c| bar(c.name, Message::new(c.name, c.name_en), c.count))
                .collect(),
            level2: s
                .by_level2
                .iter()
                .map(|c| {
                    let code = c.code.map(|code| format!("{code} ")).unwrap_or_default();
                    let label =
                        Message::new(format!("{code}{}", c.name), format!("{code}{}", c.name_en));
                    bar(c.name, label, c.count)
                })
                .collect(),
            quantitative: s.quantitative,
            qualitative: s.qualitative,
            funding: funding_chart(funding),
            funding_units,
            coverage,
            groups: self
                .groups
                .iter()
                .map(|members| {
                    let first = &report.diagnostics[members[0] as usize];
                    let title = crate::rules::rule(first.rule).map(|r| r.title);
                    GroupCount {
                        severity: first.severity,
                        rule: first.rule.to_owned(),
                        title: title.map_or_else(
                            || Message::new(first.rule, first.rule),
                            |t| Message::new(t.zh, t.en),
                        ),
                        count: members.len(),
                    }
                })
                .collect(),
            rules: REGISTRY
                .iter()
                .filter(|rule| report.diagnostics.iter().any(|d| d.rule == rule.id))
                .map(|rule| RuleTitle {
                    id: rule.id.to_owned(),
                    title: Message::new(rule.title.zh, rule.title.en),
                })
                .collect(),
            head: self.head(),
            row_count: self.rows.len(),
            profile: report.profile.clone(),
        }
    }

    fn head(&self) -> TableHead {
        if let Some(grid) = &self.grid {
            let width = grid.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
            return TableHead {
                header_row: None,
                columns: (0..width)
                    .map(|i| HeadColumn {
                        letter: column_letter(i),
                        title: None,
                        role: ColumnRole::Text,
                        empty: grid.rows.iter().all(|r| r.cell(i).trim().is_empty()),
                    })
                    .collect(),
            };
        }
        let sheet = &self.report.sheet;
        let Some(header) = &sheet.header else {
            return TableHead::default();
        };
        let lines = || {
            let units = sheet.units.iter();
            sheet
                .total
                .iter()
                .chain(units.clone().filter_map(|u| u.line.as_ref()))
                .chain(units.flat_map(|u| u.projects.iter().map(|p| &p.line)))
        };
        TableHead {
            header_row: Some(header.row),
            columns: wide_columns(&self.report)
                .into_iter()
                .map(|(column, index)| {
                    let role = match column {
                        Column::Goal => ColumnRole::Goal,
                        Column::Indicators => ColumnRole::Indicators,
                        c if Column::AMOUNTS.contains(&c) => ColumnRole::Amount,
                        _ => ColumnRole::Text,
                    };
                    // Only an amount column is drawn narrow when empty: an empty
                    // 绩效目标 column is itself a finding at every project.
                    let empty = role == ColumnRole::Amount
                        && lines().all(|line| {
                            line.amount(column).is_none_or(|a| a.raw.trim().is_empty())
                        });
                    HeadColumn {
                        letter: column_letter(index),
                        title: Some(Message::new(column.title(), column.title_en())),
                        role,
                        empty,
                    }
                })
                .collect(),
        }
    }

    fn row_number(&self, row: RowRef) -> u32 {
        let sheet = &self.report.sheet;
        match row {
            RowRef::Total => sheet.total.as_ref().map_or(0, |l| l.row),
            RowRef::Unit(u) => sheet.units[u].line.as_ref().map_or(0, |l| l.row),
            RowRef::Project(u, p) => sheet.units[u].projects[p].line.row,
            RowRef::Unrecognized(i) => sheet.unrecognized[i].row,
            RowRef::Grid(i) => self.grid.as_ref().map_or(0, |g| g.rows[i].number),
        }
    }

    /// The findings of one row: a slice, as the report is sorted by row.
    fn findings_of(&self, row: u32) -> &[Diagnostic] {
        let all = &self.report.diagnostics;
        let start = all.partition_point(|d| d.row < row);
        let end = start + all[start..].partition_point(|d| d.row == row);
        &all[start..end]
    }

    fn row(&self, row: RowRef) -> TableRow {
        let number = self.row_number(row);
        let found = self.findings_of(number);
        let cell = |index: usize, content: CellContent| make_cell(number, index, 1, content, found);
        let sheet = &self.report.sheet;
        let columns = || wide_columns(&self.report);
        let line_cells = |line: &Line| -> Vec<TableCell> {
            columns()
                .into_iter()
                .map(|(column, index)| cell(index, line_content(line, column)))
                .collect()
        };
        let (kind, cells) = match row {
            RowRef::Total => (RowKind::Total, sheet.total.as_ref().map(line_cells)),
            RowRef::Unit(u) => (RowKind::Unit, sheet.units[u].line.as_ref().map(line_cells)),
            RowRef::Project(u, p) => {
                let project = &sheet.units[u].projects[p];
                let cells = columns()
                    .into_iter()
                    .map(|(column, index)| {
                        let content = match column {
                            Column::Goal => {
                                CellContent::Goal(project.goal.text().trim().to_owned())
                            }
                            Column::Indicators => indicator_content(project, found),
                            _ => line_content(&project.line, column),
                        };
                        cell(index, content)
                    })
                    .collect();
                (RowKind::Project, Some(cells))
            }
            RowRef::Unrecognized(i) => {
                let text = sheet.unrecognized[i].text.clone();
                let span = columns().len().max(1);
                let cells = vec![make_cell(number, 0, span, CellContent::Text(text), found)];
                (RowKind::Unrecognized, Some(cells))
            }
            RowRef::Grid(i) => {
                // Grid rows exist only with a grid.
                let width = self.overview.head.columns.len();
                let cells = self.grid.as_ref().map(|grid| {
                    (0..width)
                        .map(|index| {
                            cell(
                                index,
                                CellContent::Text(grid.rows[i].cell(index).to_owned()),
                            )
                        })
                        .collect()
                });
                (RowKind::Row, cells)
            }
        };
        TableRow {
            number,
            kind,
            cells: cells.unwrap_or_default(),
        }
    }
}

fn clamp(range: Range<usize>, len: usize) -> Range<usize> {
    range.start.min(len)..range.end.min(len).max(range.start.min(len))
}

/// The wide layout's columns that the view shows, with their input index.
fn wide_columns(report: &Report) -> Vec<(Column, usize)> {
    let Some(header) = &report.sheet.header else {
        return Vec::new();
    };
    Column::WIDE
        .iter()
        .filter_map(|c| header.index(*c).map(|i| (*c, i)))
        .collect()
}

/// The total, unit, project and unrecognised rows in input order.
fn sheet_rows(report: &Report) -> Vec<RowRef> {
    let sheet = &report.sheet;
    let mut rows: Vec<(u32, RowRef)> = Vec::new();
    if let Some(total) = &sheet.total {
        rows.push((total.row, RowRef::Total));
    }
    for (u, unit) in sheet.units.iter().enumerate() {
        if let Some(line) = &unit.line {
            rows.push((line.row, RowRef::Unit(u)));
        }
        for (p, project) in unit.projects.iter().enumerate() {
            rows.push((project.line.row, RowRef::Project(u, p)));
        }
    }
    for (i, row) in sheet.unrecognized.iter().enumerate() {
        rows.push((row.row, RowRef::Unrecognized(i)));
    }
    rows.sort_by_key(|(number, _)| *number);
    rows.into_iter().map(|(_, r)| r).collect()
}

/// The findings' indices by severity, then rule in registry order: the
/// problem list's groups, each in the report's order. Counted into place
/// rather than sorted: a key for each finding but no sort's scratch beside
/// the report, and each group exactly the size it needs (this runs as a
/// large check ends, when the worker's memory is at its highest).
fn group_members(diagnostics: &[Diagnostic]) -> Vec<Vec<u32>> {
    // One more place for a rule not in the registry, after all of them.
    let rules = REGISTRY.len() + 1;
    let rule_index = |id: &str| {
        REGISTRY
            .iter()
            .position(|r| r.id == id)
            .unwrap_or(REGISTRY.len())
    };
    // Severity's order is its declaration's: Error, Warning, Info (last).
    const SEVERITIES: usize = Severity::Info as usize + 1;
    let keys: Vec<usize> = diagnostics
        .iter()
        .map(|d| d.severity as usize * rules + rule_index(d.rule))
        .collect();
    let mut sizes = vec![0; SEVERITIES * rules];
    for &key in &keys {
        sizes[key] += 1;
    }
    let mut groups: Vec<Vec<u32>> = sizes.iter().map(|&n| Vec::with_capacity(n)).collect();
    for (i, key) in keys.into_iter().enumerate() {
        groups[key].push(i as u32);
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// The name or an amount of a total, unit or project row.
fn line_content(line: &Line, column: Column) -> CellContent {
    match column {
        Column::Name => CellContent::Text(line.name.to_string()),
        _ => CellContent::Amount(
            line.amount(column)
                .map(|a| a.raw.to_string())
                .unwrap_or_default(),
        ),
    }
}

/// A 绩效指标 cell as its indicators, each with its worst finding.
fn indicator_content(project: &Project, found: &[Diagnostic]) -> CellContent {
    let indicators = &project.indicators.indicators;
    if indicators.is_empty() {
        return CellContent::RawIndicators(project.indicator_cell.text().trim().to_owned());
    }
    CellContent::Indicators(
        indicators
            .iter()
            .map(|indicator| IndicatorRow {
                number: indicator.number,
                level1: indicator.level1().label(),
                level2: indicator.level2().label(),
                name: indicator.name.to_string(),
                period: indicator.period.raw.to_string(),
                annual: indicator.annual.raw.to_string(),
                severity: found
                    .iter()
                    .filter(|d| {
                        d.is_at(project.line.row, project.indicator_cell.index)
                            && d.indicator.is_some()
                            && d.indicator == indicator.number
                    })
                    .map(|d| d.severity)
                    .min(),
            })
            .collect(),
    )
}

fn make_cell(
    row: u32,
    index: usize,
    span: usize,
    content: CellContent,
    found: &[Diagnostic],
) -> TableCell {
    let id = cell_name(index, row);
    let findings: Vec<Finding> = found
        .iter()
        .filter(|d| d.is_at(row, index))
        .map(|d| Finding {
            severity: d.severity,
            rule: d.rule.to_owned(),
            message: Message::clone(&d.message),
            suggestion: d.suggestion.as_deref().cloned(),
        })
        .collect();
    TableCell {
        id,
        span,
        content,
        severity: findings.iter().map(|f| f.severity).min(),
        findings,
    }
}

/// The settings panel's data: the profile in force, every rule with its
/// default severity and what the profile does with it, every threshold.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfileView {
    /// The profile as jixiao.toml; empty for the defaults.
    pub toml: String,
    /// What it changes from the defaults.
    pub changes: Vec<Message>,
    pub rules: Vec<RuleChoice>,
    pub thresholds: Vec<ThresholdChoice>,
    /// The column mappings, each described (`一级 → 一级指标，…`), in order.
    pub columns: Vec<Message>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RuleChoice {
    pub id: String,
    pub title: Message,
    pub default: Severity,
    /// `off`, `error`, `warning` or `info`; `None` for the default.
    pub setting: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThresholdChoice {
    pub key: String,
    pub label: Message,
    pub unit: Message,
    /// As jixiao.toml writes it; empty for none.
    pub default: String,
    /// What an empty value means (无, 精确到分).
    pub none: Message,
    pub value: String,
}

impl ProfileView {
    pub fn of(config: &Config) -> ProfileView {
        let text = |t: crate::text::Text| Message::new(t.zh, t.en);
        let default = Config::default();
        ProfileView {
            toml: if config.is_default() {
                String::new()
            } else {
                config.to_toml()
            },
            changes: config.changes(),
            rules: REGISTRY
                .iter()
                .map(|rule| RuleChoice {
                    id: rule.id.to_owned(),
                    title: text(rule.title),
                    default: rule.severity,
                    setting: config.setting(rule.id).map(|s| s.id().to_owned()),
                })
                .collect(),
            thresholds: crate::config::THRESHOLDS
                .iter()
                .map(|t| ThresholdChoice {
                    key: t.key.to_owned(),
                    label: text(t.label),
                    unit: text(t.unit),
                    default: default.threshold(t.key),
                    none: text(t.none),
                    value: config.threshold(t.key),
                })
                .collect(),
            columns: config
                .columns
                .iter()
                .map(|m| {
                    Message::new(
                        m.describe(crate::text::Lang::Zh),
                        m.describe(crate::text::Lang::En),
                    )
                })
                .collect(),
        }
    }
}

/// Rows of a table the reader could not read that the column mapping step
/// shows: enough to find a header under a form's title and key–value block.
pub const HEAD_ROWS: usize = 40;

/// A row of an unread table, for the column mapping step: its cells and, for
/// each, the column the reader would take it for (a column id of
/// [`crate::layout::MAPPABLE`]; empty when none).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadRow {
    pub number: u32,
    pub cells: Vec<String>,
    pub guesses: Vec<String>,
}

/// The first rows of `text` for the column mapping step, and which of them
/// looks most like a header (the most cells the reader knows, at least two).
pub fn head_rows(text: &str) -> (Vec<HeadRow>, Option<usize>) {
    // The first rows only: the start of the text, cut at a line's end.
    let mut end = text.len().min(256 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = match text[..end].rfind('\n') {
        Some(at) if end < text.len() => &text[..at],
        _ => &text[..end],
    };
    let grid = crate::input::read_text(head);
    let rows: Vec<HeadRow> = grid
        .rows
        .iter()
        .take(HEAD_ROWS)
        .map(|row| {
            let width = row
                .cells
                .iter()
                .rposition(|c| !c.trim().is_empty())
                .map_or(0, |i| i + 1);
            let cells: Vec<String> = row.cells[..width]
                .iter()
                .map(|c| c.trim().to_owned())
                .collect();
            let guesses = cells
                .iter()
                .map(|c| {
                    crate::layout::guess_column(c)
                        .and_then(Column::id)
                        .unwrap_or("")
                        .to_owned()
                })
                .collect();
            HeadRow {
                number: row.number,
                cells,
                guesses,
            }
        })
        .collect();
    let known = |r: &HeadRow| r.guesses.iter().filter(|g| !g.is_empty()).count();
    let suggested = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| known(r) >= 2)
        .max_by_key(|(i, r)| (known(r), std::cmp::Reverse(*i)))
        .map(|(i, _)| i);
    (rows, suggested)
}
