//! The Guangzhou district layout: one row per project, the indicators of a
//! project packed into one 绩效指标 cell, a 合计 row first and a row per spending
//! unit (amounts, no goal, no indicators) above its projects.

use super::{
    Amount, Column, Header, Line, Project, RowProblem, Sheet, TextCell, Unit, Unrecognized,
};
use crate::indicator::{blank_markup, parse_indicators, IndicatorCell};
use crate::input::{Grid, Row};
use crate::money::AmountUnit;
use crate::text::{normalize_key, normalized_chars};

pub const LAYOUT_ID: &str = "guangzhou-wide";

/// Header words of each column (normalised keys, matched as prefixes).
const NAMES: [(&str, Column); 10] = [
    ("项目名称", Column::Name),
    ("总计", Column::Total),
    ("金额合计", Column::Total),
    ("合计", Column::Total),
    ("财政拨款", Column::Fiscal),
    ("财政专户", Column::SpecialAccount),
    ("其他资金", Column::Other),
    ("年度绩效目标", Column::Goal),
    ("绩效目标", Column::Goal),
    ("绩效指标", Column::Indicators),
];

fn column_of(key: &str) -> Option<Column> {
    NAMES
        .iter()
        .find(|(word, _)| key.starts_with(word))
        .map(|(_, c)| *c)
}

/// The column a header cell names. Every row is asked (a header may repeat at
/// a page break), so a cell whose first character starts no header word is
/// turned away before its key is built.
fn column_of_cell(cell: &str) -> Option<Column> {
    let first = normalized_chars(cell).next()?;
    if !NAMES.iter().any(|(word, _)| word.starts_with(first)) {
        return None;
    }
    column_of(&normalize_key(cell))
}

/// A header row names the project column and at least two other known columns.
fn header_of(row: &Row) -> Option<Header> {
    let mut columns: Vec<(Column, usize)> = Vec::new();
    // Header cells are short: skip the long goal and indicator texts.
    for (index, cell) in row.cells.iter().enumerate().filter(|(_, c)| c.len() < 120) {
        if let Some(column) = column_of_cell(cell) {
            if !columns.iter().any(|(c, _)| *c == column) {
                columns.push((column, index));
            }
        }
    }
    // A one-indicator-per-row header is the long layout's, even with a 项目名称
    // column. Asked only of a row that otherwise qualifies: most rows do not.
    let has_name = columns.iter().any(|(c, _)| *c == Column::Name);
    let long = || {
        row.cells
            .iter()
            .filter(|c| c.len() < 120)
            .any(|c| normalize_key(c).starts_with("一级指标"))
    };
    let has_name = has_name && columns.len() >= 3 && !long();
    (has_name && columns.len() >= 3).then_some(Header {
        row: row.number,
        columns,
        required: Column::WIDE.to_vec(),
    })
}

/// `部门名称：…` and `单位：万元` lines above the header.
pub(super) fn read_preamble(row: &Row, sheet: &mut Sheet) {
    for cell in &row.cells {
        let key = normalize_key(cell);
        let value = |prefixes: &[&str]| {
            prefixes
                .iter()
                .find_map(|p| key.strip_prefix(p))
                .map(|v| v.trim_start_matches(':'))
        };
        if let Some(name) = value(&["部门名称", "单位名称", "部门"]).filter(|v| !v.is_empty())
        {
            // Keep the original spelling, not the normalised key.
            let original = cell.split_once(['：', ':']).map_or(name, |(_, v)| v.trim());
            sheet.department.get_or_insert_with(|| original.to_owned());
        } else if let Some(unit) = value(&["金额单位", "单位"]) {
            if unit.starts_with("万元") {
                sheet.amount_unit = AmountUnit::WanYuan;
            } else if unit.starts_with('元') {
                sheet.amount_unit = AmountUnit::Yuan;
            }
        }
    }
}

/// The sheet, or `None` when no row has this layout's header.
pub fn read(grid: &Grid) -> Option<Sheet> {
    let mut sheet = Sheet::default();
    let header_at = grid.rows.iter().position(|r| header_of(r).is_some())?;
    for row in &grid.rows[..header_at] {
        read_preamble(row, &mut sheet);
    }
    let header = header_of(&grid.rows[header_at]).unwrap_or_default();
    sheet.layout = Some(LAYOUT_ID);
    let reader = RowReader {
        header: &header,
        unit: sheet.amount_unit,
    };
    for row in &grid.rows[header_at + 1..] {
        // Page breaks of the source PDF may repeat the header: understood, skipped.
        if header_of(row).is_some() {
            sheet.repeated_headers.push(row.number);
            continue;
        }
        reader.classify(row, &mut sheet);
    }
    sheet.header = Some(header);
    // Each project's 绩效指标 cell on its own, after the rows: the cells do not
    // depend on one another, so that natively two threads share them (a
    // fifth of a large table's check is this reading).
    let mut projects: Vec<&mut Project> = sheet
        .units
        .iter_mut()
        .flat_map(|unit| &mut unit.projects)
        .collect();
    crate::parallel::pieces(&mut projects, |part| {
        for project in part {
            project.indicators = parse_indicators(project.indicator_cell.piece());
        }
    });
    Some(sheet)
}

struct RowReader<'a> {
    header: &'a Header,
    unit: AmountUnit,
}

impl RowReader<'_> {
    fn cell<'r>(&self, row: &'r Row, column: Column) -> (usize, &'r str) {
        match self.header.index(column) {
            Some(i) => (i, row.cell(i)),
            None => (usize::MAX, ""),
        }
    }

    fn text_cell(&self, row: &Row, column: Column) -> TextCell {
        let (index, raw) = self.cell(row, column);
        TextCell {
            index,
            row: None,
            raw: row.piece(index),
            without_markup: blank_markup(raw).map(Into::into),
        }
    }

    fn line(&self, row: &Row) -> Line {
        let (name_index, _) = self.cell(row, Column::Name);
        let mut name = row.piece(name_index);
        name.narrow(crate::text::trim);
        let amounts = Column::AMOUNTS
            .into_iter()
            .filter_map(|column| {
                let index = self.header.index(column)?;
                Some(Amount::read(column, index, row.piece(index), self.unit))
            })
            .collect();
        Line {
            row: row.number,
            name,
            name_index,
            amounts,
        }
    }

    fn classify(&self, row: &Row, sheet: &mut Sheet) {
        let line = self.line(row);
        let goal = self.text_cell(row, Column::Goal);
        let indicator_cell = self.text_cell(row, Column::Indicators);
        let has_amounts = line.amounts.iter().any(|a| !a.raw.is_empty());
        let has_text = !goal.is_empty() || !indicator_cell.is_empty();
        let unrecognized = |reason| Unrecognized::of(row, reason);
        if line.name.is_empty() {
            sheet.unrecognized.push(unrecognized(RowProblem::NoName));
        } else if ["合计", "总计"]
            .iter()
            .any(|word| normalized_chars(&line.name).eq(word.chars()))
        {
            if sheet.total.is_some() {
                sheet
                    .unrecognized
                    .push(unrecognized(RowProblem::ExtraTotal));
            } else {
                sheet.total = Some(line);
            }
        } else if has_amounts && !has_text {
            sheet.units.push(Unit {
                name: Some(line.name.to_string()),
                line: Some(line),
                projects: Vec::new(),
            });
        } else if has_amounts || has_text {
            let project = Project {
                line,
                goal,
                indicator_cell,
                // Read once every row is classified: see `read`.
                indicators: IndicatorCell::default(),
            };
            match sheet.units.last_mut() {
                Some(unit) => unit.projects.push(project),
                None => sheet.units.push(Unit {
                    name: None,
                    line: None,
                    projects: vec![project],
                }),
            }
        } else {
            sheet.unrecognized.push(unrecognized(RowProblem::OnlyName));
        }
    }
}
