//! The long layouts used across China: one indicator per row, with
//! 一级指标 / 二级指标 / 三级指标 / 指标值 and any of 指标性质 (计算符号), 计量单位,
//! 权重, 指标方向性, 实施周期 (长期) and 年度 values. Merged cells arrive empty
//! after a paste and are filled downward; project columns (单位名称, 项目名称,
//! 预算数, 年度目标) are carried down. Without a 项目名称 column the table is a
//! single-project 申报表 form whose key–value block above the grid names the
//! project, its funds and its goal.

use super::{
    Amount, Column, ColumnMapping, Header, Line, Project, RowProblem, Sheet, TextCell, Unit,
    Unrecognized,
};
use crate::indicator::{parse_value, Indicator, IndicatorCell, OwnRow};
use crate::input::{Grid, Row};
use crate::money::AmountUnit;
use crate::text::{excerpt, normalize_key, Piece};

pub const LONG_ID: &str = "long";
pub const FORM_ID: &str = "declaration-form";

/// Header words (normalised keys, matched as prefixes, first match wins).
/// `None`: a column we know and do not need.
const HEADER_WORDS: &[(&str, Option<Column>)] = &[
    ("序号", None),
    ("指标值类型", None),
    ("指标解释", None),
    ("指标说明", None),
    ("评(扣)分标准", None),
    ("评分标准", None),
    ("备注", None),
    ("绩效指标", None),
    ("上年实际值", None),
    ("上年完成值", None),
    ("上年指标值", None),
    ("指标值确定依据", Some(Column::Standard)),
    ("指标值设定依据", Some(Column::Standard)),
    ("指标标准", Some(Column::Standard)),
    ("绩效标准", Some(Column::Standard)),
    ("标准或依据", Some(Column::Standard)),
    ("单位名称", Some(Column::Unit)),
    ("预算单位", Some(Column::Unit)),
    ("部门名称", Some(Column::Unit)),
    ("项目名称", Some(Column::Name)),
    ("预算数", Some(Column::Total)),
    ("预算金额", Some(Column::Total)),
    ("年度资金总额", Some(Column::Total)),
    ("资金总额", Some(Column::Total)),
    ("项目金额", Some(Column::Total)),
    ("年度目标", Some(Column::Goal)),
    ("年度绩效目标", Some(Column::Goal)),
    ("绩效目标", Some(Column::Goal)),
    ("总体目标", Some(Column::Goal)),
    ("一级指标", Some(Column::Level1)),
    ("二级指标", Some(Column::Level2)),
    ("三级指标", Some(Column::Level3)),
    // 山东 临邑's 一级 | 二级 | 三级 | 年度数值.
    ("一级", Some(Column::Level1)),
    ("二级", Some(Column::Level2)),
    ("三级", Some(Column::Level3)),
    ("指标名称", Some(Column::Level3)),
    ("指标内容", Some(Column::Level3)),
    ("指标性质", Some(Column::Operator)),
    ("计算符号", Some(Column::Operator)),
    ("运算符号", Some(Column::Operator)),
    ("实施周期指标值", Some(Column::PeriodValue)),
    ("实施周期目标值", Some(Column::PeriodValue)),
    ("中长期指标值", Some(Column::PeriodValue)),
    ("长期指标值", Some(Column::PeriodValue)),
    ("中长期目标值", Some(Column::PeriodValue)),
    ("长期目标值", Some(Column::PeriodValue)),
    ("年度指标值", Some(Column::Value)),
    ("年度目标值", Some(Column::Value)),
    ("指标值", Some(Column::Value)),
    ("目标值", Some(Column::Value)),
    ("年度数值", Some(Column::Value)),
    ("度量单位", Some(Column::MeasureUnit)),
    ("计量单位", Some(Column::MeasureUnit)),
    ("权重", Some(Column::Weight)),
    ("指标权重", Some(Column::Weight)),
    ("分值", Some(Column::Weight)),
    ("指标方向", Some(Column::Direction)),
];

fn header_word(key: &str) -> Option<Option<Column>> {
    match key {
        "单位" => return Some(Some(Column::MeasureUnit)),
        // 重庆 潼南's flat list: 指标 | 指标权重 | 计量单位 | 指标性质 | 指标值.
        "指标" => return Some(Some(Column::Level3)),
        _ => {}
    }
    HEADER_WORDS
        .iter()
        .find(|(word, _)| key.starts_with(word))
        .map(|(_, c)| *c)
}

/// The columns the long layouts need.
pub(super) const REQUIRED: [Column; 4] = [
    Column::Level1,
    Column::Level2,
    Column::Level3,
    Column::Value,
];

/// A header names 一级指标 and 三级指标 (or 二级指标) and a value column.
fn header_of(row: &Row) -> Option<(Header, bool)> {
    let mut columns: Vec<(Column, usize)> = Vec::new();
    let mut in_yuan = false;
    for (index, cell) in row.cells.iter().enumerate().filter(|(_, c)| c.len() < 120) {
        let key = normalize_key(cell);
        if let Some(Some(column)) = header_word(&key) {
            if !columns.iter().any(|(c, _)| *c == column) {
                columns.push((column, index));
                // `预算数（元）`; `（万元）` is the default.
                in_yuan |= column == Column::Total && key.contains("(元)");
            }
        }
    }
    let has = |c: Column| columns.iter().any(|(k, _)| *k == c);
    let valued = has(Column::Value) || has(Column::PeriodValue);
    // Without levels, a list of indicators with their weights, units or
    // operators: the framework's classification is what it lacks.
    let flat = has(Column::Level3)
        && [Column::Weight, Column::MeasureUnit, Column::Operator]
            .iter()
            .filter(|c| has(**c))
            .count()
            >= 2;
    let recognised =
        valued && ((has(Column::Level1) && (has(Column::Level3) || has(Column::Level2))) || flat);
    recognised.then(|| {
        (
            Header {
                row: row.number,
                columns,
                required: REQUIRED.to_vec(),
            },
            in_yuan,
        )
    })
}

/// The parts of a merged 指标值 heading, named on the header's second line
/// (指标值 over 上年实际值 | 本年目标值, or over 中期目标 | 年度目标), as the
/// one-line heading that means the same. First match wins.
const VALUE_PARTS: &[(&str, &str)] = &[
    ("上年", "上年实际值"),
    ("前", "上年实际值"),
    ("本年", "年度指标值"),
    ("年度", "年度指标值"),
    ("当年", "年度指标值"),
    ("中期", "实施周期指标值"),
    ("实施周期", "实施周期指标值"),
    ("中长期", "实施周期指标值"),
    ("长期", "实施周期指标值"),
    ("项目期", "实施周期指标值"),
];

/// How many cells of `row` are headings, `None` if any other cell has text.
fn headings(row: &Row) -> Option<usize> {
    let mut headings = 0;
    for cell in row.cells.iter().filter(|c| !c.trim().is_empty()) {
        let key = normalize_key(cell);
        if header_word(&key).is_none() && !VALUE_PARTS.iter().any(|(p, _)| key.starts_with(p)) {
            return None;
        }
        headings += 1;
    }
    Some(headings)
}

/// A row of headings only: a line of a two-row header (or the second line
/// repeated at a page break).
fn is_heading_line(row: &Row) -> bool {
    headings(row).is_some_and(|n| n >= 2)
}

/// The header's two lines read as one: under a heading merged across several
/// columns (its text in the first, the others empty) each column takes its
/// own line-two heading, and the parts of a value heading become the value
/// columns they are; a heading merged down two lines keeps its line-one text.
fn two_line_header(upper: &Row, lower: &Row) -> Row {
    let width = upper.cells.len().max(lower.cells.len());
    let mut above = "";
    let cells = (0..width)
        .map(|i| {
            let (top, bottom) = (upper.cell(i).trim(), lower.cell(i).trim());
            if !top.is_empty() {
                above = top;
            }
            if bottom.is_empty() {
                return top.to_owned();
            }
            let value_heading = matches!(
                header_word(&normalize_key(above)),
                Some(Some(Column::Value | Column::PeriodValue))
            );
            let key = normalize_key(bottom);
            match VALUE_PARTS.iter().find(|(p, _)| key.starts_with(p)) {
                Some((_, heading)) if value_heading => (*heading).to_owned(),
                _ => bottom.to_owned(),
            }
        })
        .map(Piece::from)
        .collect();
    Row {
        number: lower.number,
        cells,
    }
}

/// The header at `rows[at]`: one line, or two when the next line names the
/// parts of its merged headings. With the number of lines it takes.
fn header_at(rows: &[Row], at: usize) -> Option<(usize, Header, bool)> {
    // Both lines headings only: a form's key–value line above the header
    // (年度目标 | its text) is no part of it.
    let two_lines = rows
        .get(at + 1)
        .filter(|lower| headings(&rows[at]).is_some_and(|n| n >= 1) && is_heading_line(lower))
        .and_then(|lower| header_of(&two_line_header(&rows[at], lower)));
    match two_lines {
        Some((header, in_yuan)) => Some((2, header, in_yuan)),
        None => header_of(&rows[at]).map(|(header, in_yuan)| (1, header, in_yuan)),
    }
}

/// What the key–value block of a 申报表 form says.
#[derive(Default)]
struct Form {
    /// (row, value column, value)
    project: Option<(u32, usize, String)>,
    unit: Option<String>,
    /// (row, value column, value)
    goal: Option<(u32, usize, String)>,
    /// (column, row, value column, raw) per amount.
    amounts: Vec<(Column, u32, usize, String)>,
    /// Which of `amounts` is the year's total when another is the period's.
    annual_total: Option<usize>,
}

/// Keys of the form block as forms across China write them (normalised,
/// matched as prefixes, first match wins), each with the field it names.
/// The value is the next non-empty cell that is not a key.
const FORM_KEYS: &[(&str, &str)] = &[
    ("项目名称", "项目名称"),
    ("项目支出名称", "项目名称"),
    ("专项资金名称", "项目名称"),
    ("申报项目名称", "项目名称"),
    ("主管部门", "主管部门"),
    ("预算部门", "主管部门"),
    ("业务主管部门", "主管部门"),
    ("实施单位", "实施单位"),
    ("预算单位", "实施单位"),
    ("单位名称", "实施单位"),
    ("编制单位", "实施单位"),
    ("年度资金总额", "资金总额"),
    ("资金总额", "资金总额"),
    ("项目总额", "资金总额"),
    ("年度预算", "资金总额"),
    ("当年预算", "资金总额"),
    ("年度本级预算金额", "资金总额"),
    ("预算金额", "资金总额"),
    ("财政拨款", "财政拨款"),
    ("其他资金", "其他资金"),
    ("年度目标", "年度目标"),
    ("年度绩效目标", "年度目标"),
    ("本年度绩效目标", "年度目标"),
    ("总体目标", "总体目标"),
    ("绩效目标", "年度目标"),
    // Known, not read: their values are no other key's.
    ("中期目标", "中期目标"),
    ("实施期绩效目标", "中期目标"),
];

/// The field a form key names. `其中：` (a part, not a sum) and `当年`
/// (this year's, beside the whole period's) are read through.
fn form_key(key: &str) -> Option<&'static str> {
    let key = key.trim_end_matches(':');
    let find = |key: &str| {
        FORM_KEYS
            .iter()
            .find(|(prefix, _)| key.starts_with(prefix))
            .map(|(_, field)| *field)
    };
    let part = key.strip_prefix("其中:").unwrap_or(key);
    find(key)
        .or_else(|| find(part))
        .or_else(|| find(part.strip_prefix("当年")?))
}

/// An amount as a form writes it: `854万(高标准农田建设400万元,…)` is 854万,
/// its parts in brackets a note.
fn form_amount(value: String) -> String {
    match value.split_once(['(', '（']) {
        Some((amount, _)) if !amount.trim().is_empty() => amount.trim().to_owned(),
        _ => value,
    }
}

fn read_form(rows: &[Row], sheet: &mut Sheet) -> Form {
    let is_key = |c: &str| form_key(&normalize_key(c)).is_some();
    let mut form = Form::default();
    for (r, row) in rows.iter().enumerate() {
        for (i, cell) in row.cells.iter().enumerate() {
            let key = normalize_key(cell);
            let Some(word) = form_key(&key) else { continue };
            // `项目名称：X` in one cell, or the value in a following cell.
            let inline = cell
                .split_once(['：', ':'])
                .filter(|(key, _)| form_key(&normalize_key(key)) == Some(word))
                .map(|(_, v)| v.trim())
                .filter(|v| !v.is_empty());
            let goal = word == "年度目标";
            // Beside a goal key, a heading (年度总体目标完成情况) is no goal.
            let label = |c: &str| {
                goal && normalize_key(c).ends_with(['况', '标']) && c.chars().count() <= 12
            };
            // 年度资金总额 | 金额(万元): the column's heading, no amount (四川).
            let heading = |c: &str| {
                let key = normalize_key(c);
                key.starts_with("金额") && !key.contains(|c: char| c.is_ascii_digit())
            };
            let beside = || {
                row.cells[i + 1..]
                    .iter()
                    .enumerate()
                    .find(|(_, c)| !c.trim().is_empty() && !is_key(c) && !label(c) && !heading(c))
                    .map(|(j, c)| (i + 1 + j, c.trim().to_owned()))
            };
            // A goal under its key (总体目标 | 年度目标, the text on the next
            // line): the cell below the key, else the next line's first.
            let below = || {
                let next = rows
                    .get(r + 1)
                    .filter(|n| !n.cells.iter().any(|c| is_key(c) || label(c)))?;
                let under = Some((i, next.cell(i).trim())).filter(|(_, c)| !c.is_empty());
                under
                    .or_else(|| {
                        let first = next.cells.iter().position(|c| !c.trim().is_empty())?;
                        Some((first, next.cell(first).trim()))
                    })
                    .map(|(at, c)| (next.number, at, c.to_owned()))
            };
            let value = inline
                .map(|v| (row.number, i, v.to_owned()))
                .or_else(|| beside().map(|(at, v)| (row.number, at, v)))
                .or_else(|| if goal { below() } else { None });
            let Some((at_row, at, value)) = value else {
                continue;
            };
            if key.contains("(元)") {
                sheet.amount_unit = AmountUnit::Yuan;
            }
            match word {
                "项目名称" => {
                    form.project.get_or_insert((row.number, at, value));
                }
                // The first of each wins.
                "主管部门" => {
                    sheet.department.get_or_insert(value);
                }
                "实施单位" => {
                    form.unit.get_or_insert(value);
                }
                "年度目标" | "总体目标" => form.goal = Some((at_row, at, value)),
                "中期目标" => {}
                "财政拨款" => {
                    form.amounts
                        .push((Column::Fiscal, at_row, at, form_amount(value)))
                }
                "其他资金" => {
                    form.amounts
                        .push((Column::Other, at_row, at, form_amount(value)))
                }
                _ => form
                    .amounts
                    .push((Column::Total, at_row, at, form_amount(value))),
            }
            if word == "资金总额" && (key.starts_with("当年") || key.starts_with("年度")) {
                form.annual_total = form.amounts.len().checked_sub(1);
            }
        }
    }
    // 资金总额 beside 当年资金总额 (湖北): the first is the whole period's.
    if let Some(annual) = form.annual_total {
        for (i, amount) in form.amounts.iter_mut().enumerate() {
            if amount.0 == Column::Total && i != annual {
                amount.0 = Column::PeriodTotal;
            }
        }
    }
    form
}

pub fn read(grid: &Grid) -> Option<Sheet> {
    let (start, (lines, header, in_yuan)) =
        (0..grid.rows.len()).find_map(|i| header_at(&grid.rows, i).map(|h| (i, h)))?;
    Some(read_from(grid, start, lines, header, in_yuan, None))
}

/// Reads the grid under the first row that a mapping made by hand knows.
pub fn read_mapped(grid: &Grid, mappings: &[ColumnMapping]) -> Option<Sheet> {
    if mappings.is_empty() {
        return None;
    }
    let (start, mapping) = grid
        .rows
        .iter()
        .enumerate()
        .find_map(|(i, row)| Some((i, mappings.iter().find(|m| m.matches(row))?)))?;
    let header = mapping.header(grid.rows[start].number);
    Some(read_from(
        grid,
        start,
        1,
        header,
        mapping.in_yuan(),
        Some(mapping),
    ))
}

/// Reads the grid whose header takes `lines` rows from `rows[start]`.
fn read_from(
    grid: &Grid,
    start: usize,
    lines: usize,
    header: Header,
    in_yuan: bool,
    mapping: Option<&ColumnMapping>,
) -> Sheet {
    let mut sheet = Sheet::default();
    for row in &grid.rows[..start] {
        super::guangzhou::read_preamble(row, &mut sheet);
    }
    if in_yuan {
        sheet.amount_unit = AmountUnit::Yuan;
    }
    let form = read_form(&grid.rows[..start], &mut sheet);
    let is_form = header.index(Column::Name).is_none();
    sheet.layout = Some(if is_form { FORM_ID } else { LONG_ID });
    let mut reader = Reader {
        header: &header,
        unit: sheet.amount_unit,
        current: Default::default(),
        in_footer: false,
    };
    if is_form {
        let (row, name_index, name) =
            form.project
                .clone()
                .unwrap_or((header.row, 0, String::new()));
        let amounts = form
            .amounts
            .iter()
            .map(|(column, row, index, raw)| Amount {
                row: Some(*row),
                ..reader.amount(*column, *index, raw.as_str().into())
            })
            .collect();
        let goal = form
            .goal
            .clone()
            .map(|(row, index, raw)| TextCell {
                index,
                row: Some(row),
                raw: raw.into(),
                without_markup: None,
            })
            .unwrap_or_else(|| TextCell {
                index: usize::MAX,
                ..Default::default()
            });
        reader.current.project = Some(new_project(
            Line {
                row,
                name: name.into(),
                name_index,
                amounts,
            },
            goal,
            &header,
        ));
        reader.current.unit = form.unit.clone();
    }
    for row in &grid.rows[start + lines..] {
        let repeated = header_of(row).is_some() || is_heading_line(row);
        if repeated || mapping.is_some_and(|m| m.matches(row)) {
            sheet.repeated_headers.push(row.number);
            continue;
        }
        reader.row(row, &mut sheet);
    }
    reader.finish_project(&mut sheet);
    sheet.header = Some(header);
    sheet
}

/// The column a header cell names, as the reader would take it: the column
/// mapping step's first guess.
pub fn guess(cell: &str) -> Option<Column> {
    header_word(&normalize_key(cell)).flatten()
}

fn new_project(line: Line, goal: TextCell, header: &Header) -> Project {
    let index = header.index(Column::Level1).unwrap_or(usize::MAX);
    Project {
        line,
        goal,
        indicator_cell: TextCell {
            index,
            ..Default::default()
        },
        indicators: IndicatorCell::default(),
    }
}

/// What merged cells carry down from the rows above.
#[derive(Default)]
struct Current {
    unit: Option<String>,
    project: Option<Project>,
    level1: String,
    level2: String,
}

struct Reader<'h> {
    header: &'h Header,
    unit: AmountUnit,
    current: Current,
    /// Past the first line of a form's footer (审核意见, 填表人, 注: …).
    in_footer: bool,
}

impl Reader<'_> {
    fn cell<'r>(&self, row: &'r Row, column: Column) -> Option<(usize, &'r str)> {
        self.header.index(column).map(|i| (i, row.cell(i).trim()))
    }

    fn amount(&self, column: Column, index: usize, raw: Piece) -> Amount {
        Amount::read(column, index, raw, self.unit)
    }

    /// Closes the current project and files it under its unit.
    fn finish_project(&mut self, sheet: &mut Sheet) {
        let Some(project) = self.current.project.take() else {
            return;
        };
        // A name with no indicator row under it is no project (a note, a stray
        // line); a form's single project stays, to be reported as empty.
        if project.indicators.indicators.is_empty() && sheet.layout == Some(LONG_ID) {
            sheet.unrecognized.push(Unrecognized {
                row: project.line.row,
                text: excerpt(&project.line.name, 60),
                reason: RowProblem::OnlyName,
            });
            return;
        }
        let unit = self.current.unit.clone();
        match sheet.units.last_mut() {
            Some(last) if last.name == unit => last.projects.push(project),
            _ => sheet.units.push(Unit {
                name: unit,
                line: None,
                projects: vec![project],
            }),
        }
    }

    fn row(&mut self, row: &Row, sheet: &mut Sheet) {
        // The form's review fields, sign-off and printed notes, to its end.
        self.in_footer |= sheet.layout == Some(FORM_ID) && is_form_footer(row);
        if self.in_footer {
            return;
        }
        let header = self.header;
        let text = |c: Column| header.index(c).map_or("", |i| row.cell(i).trim());
        let (unit, name, level3) = (text(Column::Unit), text(Column::Name), text(Column::Level3));
        let (value, period) = (text(Column::Value), text(Column::PeriodValue));
        if matches!(normalize_key(name).as_str(), "合计" | "总计")
            || matches!(normalize_key(unit).as_str(), "合计" | "总计")
        {
            return; // a grand total line of a long table: understood, not a project
        }
        // A new project starts where its name (or its unit) is written.
        let new_unit = !unit.is_empty() && self.current.unit.as_deref() != Some(unit);
        let new_name = !name.is_empty()
            && self
                .current
                .project
                .as_ref()
                .is_none_or(|p| p.line.name != name);
        if new_unit || new_name {
            self.finish_project(sheet);
            if !unit.is_empty() {
                self.current.unit = Some(unit.to_owned());
            }
            let line = Line {
                row: row.number,
                name: if name.is_empty() {
                    self.current.unit.as_deref().unwrap_or_default().into()
                } else {
                    name.into()
                },
                name_index: self.header.index(Column::Name).unwrap_or(0),
                amounts: self
                    .header
                    .index(Column::Total)
                    .map(|i| vec![self.amount(Column::Total, i, row.piece(i))])
                    .unwrap_or_default(),
            };
            let goal = match self.cell(row, Column::Goal) {
                Some((index, raw)) => TextCell {
                    index,
                    row: None,
                    raw: row.piece(index).part(raw),
                    without_markup: crate::indicator::blank_markup(raw).map(Into::into),
                },
                None => TextCell {
                    index: usize::MAX,
                    ..Default::default()
                },
            };
            self.current.project = Some(new_project(line, goal, self.header));
            self.current.level1.clear();
            self.current.level2.clear();
        }
        // Merged 一级/二级 cells arrive empty: they carry down, a 二级 only
        // as far as its 一级 (a new 一级 starts its own 二级).
        if !text(Column::Level1).is_empty() && text(Column::Level1) != self.current.level1 {
            self.current.level2.clear();
        }
        for (column, slot) in [
            (Column::Level1, &mut self.current.level1),
            (Column::Level2, &mut self.current.level2),
        ] {
            if !text(column).is_empty() {
                *slot = text(column).to_owned();
            }
        }
        if level3.is_empty() && value.is_empty() && period.is_empty() {
            // A line of the framework that the form prints and nobody filled
            // (效益指标 | 生态效益指标 | | ): understood, no indicator.
            let levels = [header.index(Column::Level1), header.index(Column::Level2)];
            let framework_line = row
                .cells
                .iter()
                .enumerate()
                .all(|(i, c)| c.trim().is_empty() || levels.contains(&Some(i)));
            if !(new_unit || new_name || row.is_blank() || framework_line) {
                sheet
                    .unrecognized
                    .push(Unrecognized::of(row, RowProblem::NoName));
            }
            return;
        }
        let Some(project) = self.current.project.as_mut() else {
            sheet
                .unrecognized
                .push(Unrecognized::of(row, RowProblem::NoName));
            return;
        };
        let operator = text(Column::Operator);
        let measure = text(Column::MeasureUnit);
        let annual = parse_value(compose(operator, value, measure));
        let single_value = header.index(Column::PeriodValue).is_none();
        let period_value = if single_value {
            annual.clone()
        } else {
            parse_value(compose(operator, period, measure))
        };
        let column = header
            .index(Column::Value)
            .or(header.index(Column::Level3))
            .unwrap_or(0);
        let own = OwnRow {
            row: row.number,
            column,
            weight: header
                .index(Column::Weight)
                .map(|i| (i, text(Column::Weight).to_owned()))
                .filter(|(_, w)| !w.is_empty()),
            direction: Some(text(Column::Direction).to_owned()).filter(|d| !d.is_empty()),
            standard: header
                .index(Column::Standard)
                .map(|i| (i, text(Column::Standard).to_owned())),
            measure_unit: Some(measure.to_owned()).filter(|m| !m.is_empty()),
            single_value,
        };
        let number = project.indicators.indicators.len() as u32 + 1;
        let levels = [
            self.current.level1.as_str(),
            self.current.level2.as_str(),
            level3,
        ];
        project.indicators.indicators.push(Indicator::from_row(
            number,
            levels,
            period_value,
            annual,
            own,
        ));
    }
}

/// A line below a form's indicator grid that belongs to the form, not to
/// the targets: a review field (财政部门审核意见), the sign-off (填表人,
/// 联系电话) or the template's printed notes (注: …).
fn is_form_footer(row: &Row) -> bool {
    let Some(first) = row.cells.iter().find(|c| !c.trim().is_empty()) else {
        return false;
    };
    let key = normalize_key(first);
    ["审核意见", "审批意见", "审查意见", "初审意见"]
        .iter()
        .any(|w| key.contains(w))
        || [
            "填表人",
            "填报人",
            "联系电话",
            "单位负责人",
            "负责人",
            "注:",
            "说明:",
            "备注:",
        ]
        .iter()
        .any(|w| key.starts_with(w))
}

/// The value as one text: `≥` + `95` + `%` → `≥95%`. An operator of 定性 and a
/// unit already written in the value are left out.
fn compose(operator: &str, value: &str, unit: &str) -> String {
    if value.is_empty() {
        return String::new();
    }
    let operator = match operator {
        "定性" | "" => "",
        "大于等于" | "≥" | ">=" => "≥",
        "小于等于" | "≤" | "<=" => "≤",
        "大于" | ">" => ">",
        "小于" | "<" => "<",
        "等于" | "=" => "",
        other => other,
    };
    let has_operator = value.starts_with(['≥', '≤', '>', '<', '=']);
    let needs_unit = !unit.is_empty() && value.trim_end().ends_with(|c: char| c.is_ascii_digit());
    format!(
        "{}{value}{}",
        if has_operator { "" } else { operator },
        if needs_unit { unit } else { "" }
    )
}
