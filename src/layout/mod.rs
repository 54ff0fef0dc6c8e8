//! Layout: finds the header, reads the preamble and classifies every row, giving
//! a [`Sheet`] of units and projects whatever the table's layout was.
//!
//! One file per layout: the Guangzhou "wide" layout (one row per project, every
//! indicator packed into one cell) and the "long" layouts used across China
//! (one indicator per row, merged cells filled downward, or a single-project
//! 申报表 form with a key–value block above the indicator grid).

mod guangzhou;
mod long;

pub use long::guess as guess_column;

use crate::indicator::IndicatorCell;
use crate::input::Grid;
use crate::money::{AmountProblem, AmountUnit};
use crate::text::{normalize_key, Message, Piece};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The columns that the checks know about, in either layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Column {
    /// 项目名称 (in the wide layout also the unit rows' names).
    Name,
    /// 总计, or the long layouts' 预算数 / 资金总额.
    Total,
    Fiscal,
    SpecialAccount,
    Other,
    Goal,
    /// The wide layout's packed 绩效指标 cell.
    Indicators,
    /// Long layouts: 单位名称.
    Unit,
    Level1,
    Level2,
    /// 三级指标 (or 指标名称).
    Level3,
    /// 指标性质 / 计算符号: ≥ = ≤ or 定性.
    Operator,
    /// 指标值, or 年度指标值 when a period value sits beside it.
    Value,
    /// 实施周期指标值 / 长期指标值.
    PeriodValue,
    /// 度量单位 / 计量单位.
    MeasureUnit,
    Weight,
    /// 指标方向性: 正向 / 反向.
    Direction,
    /// 绩效标准 / 指标值确定依据: 计划标准, 行业标准, 历史标准 …
    Standard,
    /// A form's funds over the whole implementation period (资金总额 beside
    /// 当年资金总额, which is the year's `Total`).
    PeriodTotal,
}

impl Column {
    /// The columns of the wide layout.
    pub const WIDE: [Column; 7] = [
        Column::Name,
        Column::Total,
        Column::Fiscal,
        Column::SpecialAccount,
        Column::Other,
        Column::Goal,
        Column::Indicators,
    ];
    /// The amount columns, 总计 first.
    pub const AMOUNTS: [Column; 4] = [
        Column::Total,
        Column::Fiscal,
        Column::SpecialAccount,
        Column::Other,
    ];

    /// The header text the Guangzhou layout uses.
    pub fn title(self) -> &'static str {
        match self {
            Column::Name => "项目名称（资金使用单位）",
            Column::Total => "总计",
            Column::Fiscal => "财政拨款",
            Column::SpecialAccount => "财政专户拨款",
            Column::Other => "其他资金",
            Column::Goal => "绩效目标",
            Column::PeriodTotal => "资金总额（实施期）",
            Column::Indicators => "绩效指标",
            Column::Unit => "单位名称",
            Column::Level1 => "一级指标",
            Column::Level2 => "二级指标",
            Column::Level3 => "三级指标",
            Column::Operator => "指标性质",
            Column::Value => "指标值",
            Column::PeriodValue => "实施周期指标值",
            Column::MeasureUnit => "计量单位",
            Column::Weight => "权重",
            Column::Direction => "指标方向性",
            Column::Standard => "绩效标准",
        }
    }

    pub fn title_en(self) -> &'static str {
        match self {
            Column::Name => "project name (spending unit)",
            Column::Total => "total",
            Column::Fiscal => "fiscal appropriation",
            Column::SpecialAccount => "fiscal special account",
            Column::Other => "other funds",
            Column::Goal => "performance goal",
            Column::PeriodTotal => "funds over the period",
            Column::Indicators => "performance indicators",
            Column::Unit => "unit name",
            Column::Level1 => "level 1",
            Column::Level2 => "level 2",
            Column::Level3 => "level 3 (indicator)",
            Column::Operator => "operator",
            Column::Value => "target value",
            Column::PeriodValue => "period value",
            Column::MeasureUnit => "unit of measure",
            Column::Weight => "weight",
            Column::Direction => "direction",
            Column::Standard => "standard",
        }
    }
}

/// The columns the column mapping step offers (a header the reader does not
/// know, mapped by hand; a profile's `[[columns]]`), in the order offered,
/// each with the id a profile writes.
pub const MAPPABLE: [(Column, &str); 14] = [
    (Column::Level1, "level1"),
    (Column::Level2, "level2"),
    (Column::Level3, "level3"),
    (Column::Value, "value"),
    (Column::PeriodValue, "period-value"),
    (Column::MeasureUnit, "measure-unit"),
    (Column::Operator, "operator"),
    (Column::Weight, "weight"),
    (Column::Direction, "direction"),
    (Column::Standard, "standard"),
    (Column::Name, "name"),
    (Column::Unit, "unit"),
    (Column::Total, "total"),
    (Column::Goal, "goal"),
];

impl Column {
    /// The id a profile's `[[columns]]` writes, for a column it may map.
    pub fn id(self) -> Option<&'static str> {
        MAPPABLE.iter().find(|(c, _)| *c == self).map(|(_, id)| *id)
    }

    pub fn from_id(id: &str) -> Option<Column> {
        MAPPABLE.iter().find(|(_, i)| *i == id).map(|(c, _)| *c)
    }
}

/// A header the reader does not know, mapped by hand: a row whose cells read
/// `header` (compared as header words are: half-width, no spaces) is the
/// header of a long layout, cell `i` being column `columns[i]` (`None`: not
/// needed). Made by the page's column mapping step and kept in the profile,
/// so that every table with the same header is read the same way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnMapping {
    pub header: Vec<String>,
    pub columns: Vec<Option<Column>>,
    keys: Vec<String>,
}

impl ColumnMapping {
    /// A mapping of `header`'s cells, or why it cannot read a table: it needs
    /// 一级指标, 二级指标 or 三级指标, and a value column, each once.
    pub fn new(header: Vec<String>, columns: Vec<Option<Column>>) -> Result<Self, Message> {
        let mut header: Vec<String> = header.iter().map(|c| c.trim().to_owned()).collect();
        let mut columns = columns;
        columns.resize(header.len(), None);
        while header.last().is_some_and(|c| c.is_empty()) && columns.last() == Some(&None) {
            header.pop();
            columns.pop();
        }
        if header.len() != columns.len() {
            return Err(Message::new(
                "列映射的列数多于表头的单元格",
                "the mapping names more columns than the header has cells",
            ));
        }
        for (i, column) in columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((i, (*c)?)))
        {
            if columns[..i].contains(&Some(column)) {
                return Err(Message::new(
                    format!("「{}」被指定了两次", column.title()),
                    format!("\"{}\" is chosen twice", column.title_en()),
                ));
            }
        }
        let has = |c: Column| columns.contains(&Some(c));
        let readable = has(Column::Level1)
            && (has(Column::Level2) || has(Column::Level3))
            && (has(Column::Value) || has(Column::PeriodValue));
        if !readable {
            return Err(Message::new(
                "至少要指定一级指标、三级指标（或二级指标）和指标值（或实施周期指标值）所在的列",
                "choose at least the columns of level 1, level 3 (or level 2) and the target value (or the period value)",
            ));
        }
        let keys = header.iter().map(|c| normalize_key(c)).collect();
        Ok(ColumnMapping {
            header,
            columns,
            keys,
        })
    }

    /// Whether `row` is this header (cells beyond it empty).
    pub fn matches(&self, row: &crate::input::Row) -> bool {
        let width = row.cells.len().max(self.keys.len());
        (0..width).all(|i| match self.keys.get(i) {
            Some(key) => normalize_key(row.cell(i)) == *key,
            None => row.cell(i).trim().is_empty(),
        })
    }

    /// The header this mapping reads at row `row`.
    pub fn header(&self, row: u32) -> Header {
        Header {
            row,
            columns: self
                .columns
                .iter()
                .enumerate()
                .filter_map(|(i, c)| Some(((*c)?, i)))
                .collect(),
            required: long::REQUIRED.to_vec(),
        }
    }

    /// `一级 → 一级指标，年度数值 → 指标值`, for a report's profile lines.
    pub fn describe(&self, lang: crate::text::Lang) -> String {
        let (arrow, comma) = match lang {
            crate::text::Lang::Zh => (" → ", "，"),
            crate::text::Lang::En => (" → ", ", "),
        };
        self.header
            .iter()
            .zip(&self.columns)
            .filter_map(|(cell, c)| {
                let c = (*c)?;
                let title = match lang {
                    crate::text::Lang::Zh => c.title(),
                    crate::text::Lang::En => c.title_en(),
                };
                Some(format!("{cell}{arrow}{title}"))
            })
            .collect::<Vec<_>>()
            .join(comma)
    }

    /// Whether the amounts of the mapped 总计 column are in 元.
    pub fn in_yuan(&self) -> bool {
        self.columns
            .iter()
            .zip(&self.keys)
            .any(|(c, key)| *c == Some(Column::Total) && key.contains("(元)"))
    }
}

/// Where each known column sits (0-based index), as found in the header row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Header {
    pub row: u32,
    pub columns: Vec<(Column, usize)>,
    /// The columns the recognised layout needs.
    pub required: Vec<Column>,
}

impl Header {
    pub fn index(&self, column: Column) -> Option<usize> {
        self.columns
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, i)| *i)
    }

    pub fn missing(&self) -> impl Iterator<Item = Column> + '_ {
        self.required
            .iter()
            .copied()
            .filter(|c| self.index(*c).is_none())
    }
}

/// One amount cell, read exactly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Amount {
    pub column: Column,
    /// 0-based column index in the input.
    pub index: usize,
    /// Its row when that is not its line's (a form's amounts, each on a
    /// line of the key–value block).
    pub row: Option<u32>,
    /// As written, trimmed: a piece of the input (a copy in a form).
    pub raw: Piece,
    /// In 万元 whatever the table's unit; `None` when unreadable.
    pub value: Option<Decimal>,
    pub problem: Option<AmountProblem>,
}

impl Amount {
    /// Reads an amount cell of a table whose amounts are in `table_unit`; a
    /// cell that names its own unit (`60000元`) is taken in that unit. Decimals
    /// are left to the amount-invalid rule and its configured limit.
    pub fn read(column: Column, index: usize, mut raw: Piece, table_unit: AmountUnit) -> Amount {
        raw.narrow(crate::text::trim);
        let parsed = crate::money::parse_amount(&raw, u32::MAX);
        Amount {
            column,
            index,
            row: None,
            raw,
            value: parsed
                .as_ref()
                .ok()
                .map(|(value, unit)| unit.unwrap_or(table_unit).to_wan(*value)),
            problem: parsed.err(),
        }
    }
}

/// A row of the table with its name and amounts (total, unit or project).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    pub row: u32,
    /// As written, trimmed: a piece of the input (in the long layouts, a
    /// copy), shared by its findings.
    pub name: Piece,
    /// 0-based index of the name column.
    pub name_index: usize,
    pub amounts: Vec<Amount>,
}

impl Line {
    pub fn amount(&self, column: Column) -> Option<&Amount> {
        self.amounts.iter().find(|a| a.column == column)
    }
}

/// A text cell (绩效目标 or 绩效指标) with HTML markup blanked out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TextCell {
    pub index: usize,
    /// Its row when that is not the project's (a form's goal, lines below
    /// the project name).
    pub row: Option<u32>,
    /// Shared with the pieces read from it (the indicators' names and values).
    pub raw: Piece,
    /// `raw` with tags replaced by spaces of the same length (offsets stay
    /// valid), when it had any.
    pub without_markup: Option<Piece>,
}

impl TextCell {
    /// The text the checks read: markup blanked out.
    pub fn text(&self) -> &str {
        self.piece()
    }

    /// [`TextCell::text`], to read pieces of.
    pub fn piece(&self) -> &Piece {
        self.without_markup.as_ref().unwrap_or(&self.raw)
    }

    pub fn has_markup(&self) -> bool {
        self.without_markup.is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.text().trim().is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Project {
    pub line: Line,
    pub goal: TextCell,
    pub indicator_cell: TextCell,
    pub indicators: IndicatorCell,
}

/// A spending unit (资金使用单位) and its projects. `line` is its subtotal row,
/// `None` for projects listed before any unit row or in long layouts, where a
/// unit is only a name in a column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unit {
    pub name: Option<String>,
    pub line: Option<Line>,
    pub projects: Vec<Project>,
}

/// A non-blank row that is neither header, total, unit nor project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unrecognized {
    pub row: u32,
    pub text: String,
    pub reason: RowProblem,
}

impl Unrecognized {
    /// The row, with its non-empty cells quoted for the message.
    pub(crate) fn of(row: &crate::input::Row, reason: RowProblem) -> Self {
        let shown: Vec<&str> = row
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        Unrecognized {
            row: row.number,
            text: crate::text::excerpt(&shown.join(" | "), 60),
            reason,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowProblem {
    /// Content in other columns but no name.
    NoName,
    /// A name and nothing else.
    OnlyName,
    /// A second 合计 row.
    ExtraTotal,
}

/// The table as understood, whatever its layout.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Sheet {
    /// The recognised layout's id, `None` when no header was found.
    pub layout: Option<&'static str>,
    pub department: Option<String>,
    pub amount_unit: AmountUnit,
    pub header: Option<Header>,
    pub total: Option<Line>,
    pub units: Vec<Unit>,
    pub unrecognized: Vec<Unrecognized>,
    /// Rows that repeat the header (page breaks of the source PDF): understood.
    pub repeated_headers: Vec<u32>,
    /// Copied from the input stage.
    pub unbalanced_quote_row: Option<u32>,
    /// Number of the first non-blank row (where header-missing points).
    pub first_row: Option<u32>,
}

impl Sheet {
    pub fn projects(&self) -> impl Iterator<Item = &Project> {
        self.units.iter().flat_map(|u| &u.projects)
    }

    /// Unit rows actually written in the table.
    pub fn unit_lines(&self) -> impl Iterator<Item = &Line> {
        self.units.iter().filter_map(|u| u.line.as_ref())
    }
}

/// Reads the grid with the first layout that recognises its header; a
/// header mapped by hand (`mappings`, from the profile) is read as mapped.
pub fn read_sheet(grid: &Grid, mappings: &[ColumnMapping]) -> Sheet {
    let mut sheet = long::read_mapped(grid, mappings)
        .or_else(|| guangzhou::read(grid))
        .or_else(|| long::read(grid))
        .unwrap_or_default();
    sheet.unbalanced_quote_row = grid.unbalanced_quote_row;
    sheet.first_row = grid.rows.first().map(|r| r.number);
    // The room the lists grew into, given back: the report keeps them.
    for unit in &mut sheet.units {
        unit.projects.shrink_to_fit();
    }
    sheet.units.shrink_to_fit();
    sheet
}
