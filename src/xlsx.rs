//! The annotated workbook (.xlsx): what a reviewer sends back to the
//! department. Three sheets:
//!
//! - 问题清单 (Findings): one row per finding — 级别, 规则, 单元格 (a link to that
//!   cell of the table sheet), 单位, 项目, 指标, 说明, 建议 — header frozen,
//!   an autofilter, the severity as the 级别 cell's fill;
//! - 绩效目标表 (Table): the input's rows and columns where they were (B11 in a
//!   finding is B11 here), every cell as text, except amounts that are plain
//!   numbers, written as numbers; each problem cell filled by its worst
//!   severity, with a note listing its findings;
//! - 指标明细 (Indicators): one row per indicator, as the indicator CSV.
//!
//! and, when the profile is not the defaults, 规则配置 (Profile) with what it
//! changes. Text is always written as a string, never as a formula: a
//! leading `=`, `+`, `-` or `@` stays inert. With the `workbook` feature (the
//! CLI and the page's file worker; neither the page's first load nor its check
//! worker carries the writer).

use crate::batch::{headings, totals, BatchRow};
use crate::export::{finding_text, indicator_rows, suggestion_text};
use crate::input::read_shared;
use crate::report::Report;
use crate::rules::{Diagnostic, Severity};
use crate::text::{column_letter, Lang, Message, SharedText};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, Format, FormatBorder, Note, Url, Workbook, Worksheet, XlsxError};
use std::collections::{HashMap, HashSet};

/// Excel's limits: a cell's text, hyperlinks in one sheet, rows and columns.
const MAX_CELL_CHARS: usize = 32_767;
const MAX_LINKS: usize = 65_530;
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: usize = 16_384;

/// The sheets' names in `lang`: findings, table, indicators, profile.
pub fn sheet_names(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Zh => ["问题清单", "绩效目标表", "指标明细", "规则配置"],
        Lang::En => ["Findings", "Table", "Indicators", "Profile"],
    }
}

/// The fill of a severity: red, amber, blue (light, so the text reads).
pub fn fill(severity: Severity) -> u32 {
    match severity {
        Severity::Error => 0xF4B6B6,
        Severity::Warning => 0xFFE08A,
        Severity::Info => 0xBDD7EE,
    }
}

/// The annotated workbook of `text` and its report, as the bytes of an .xlsx
/// file; or why it cannot be written (a table beyond Excel's rows or columns).
pub fn annotated_workbook(
    text: &SharedText,
    report: &Report,
    lang: Lang,
) -> Result<Vec<u8>, Message> {
    write(text, report, lang).map_err(Failure::message)
}

/// The workbook of a batch: a 汇总 (Summary) sheet with one row per file —
/// the batch table's columns, the file's name a link to its sheet — and the
/// totals, then one sheet per file that was read, its findings as in
/// 问题清单. A file that could not be read has its row, saying why, and no
/// sheet.
pub fn batch_workbook(
    files: &[(&BatchRow, Option<&Report>)],
    lang: Lang,
) -> Result<Vec<u8>, Message> {
    write_batch(files, lang).map_err(Failure::message)
}

impl Failure {
    fn message(self) -> Message {
        match self {
            Failure::TooLarge => Message::new(
                format!("表格超过 Excel 的上限（{MAX_ROWS} 行、{MAX_COLUMNS} 列），无法写成工作簿；请改用 CSV 导出。"),
                format!("The table exceeds Excel's limits ({MAX_ROWS} rows, {MAX_COLUMNS} columns) and cannot be written as a workbook; use a CSV export."),
            ),
            Failure::Writer(error) => Message::new(
                format!("无法写出工作簿：{error}"),
                format!("The workbook could not be written: {error}"),
            ),
        }
    }
}

enum Failure {
    TooLarge,
    Writer(XlsxError),
}

impl From<XlsxError> for Failure {
    fn from(error: XlsxError) -> Self {
        Failure::Writer(error)
    }
}

/// A cell's text within Excel's limit.
fn fit(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// The sheet name as a formula reference: `'绩效目标表'`.
fn quoted(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

fn write(text: &SharedText, report: &Report, lang: Lang) -> Result<Vec<u8>, Failure> {
    let names = sheet_names(lang);
    let grid = read_shared(text);
    let last_row = grid.rows.last().map_or(0, |r| r.number);
    let width = grid.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    if last_row > MAX_ROWS || width > MAX_COLUMNS {
        return Err(Failure::TooLarge);
    }
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    let findings = workbook.add_worksheet();
    findings.set_name(names[0])?;
    write_findings(findings, report, lang, &formats, Some(names[1]))?;
    let (header, wrap) = (&formats.header, &formats.wrap);

    // 绩效目标表
    let table = workbook.add_worksheet();
    table.set_name(names[1])?;
    write_table(table, &grid, report, lang, width)?;
    table
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);

    // 指标明细
    let indicators = workbook.add_worksheet();
    indicators.set_name(names[2])?;
    for (r, cells) in indicator_rows(report, lang).iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            if r == 0 {
                indicators.write_string_with_format(0, c as u16, cell.as_str(), header)?;
            } else if !cell.is_empty() {
                indicators.write_string(r as u32, c as u16, fit(cell))?;
            }
        }
    }
    indicators.set_freeze_panes(1, 0)?;
    for (col, width) in [6, 8, 28, 32, 6, 14, 16, 32].into_iter().enumerate() {
        indicators.set_column_width(col as u16, width)?;
    }

    // 规则配置, only for a profile other than the defaults.
    if !report.profile.is_empty() {
        let profile = workbook.add_worksheet();
        profile.set_name(names[3])?;
        let title = match lang {
            Lang::Zh => "本次检查使用的规则配置（与默认不同之处）",
            Lang::En => "The profile of this check (what differs from the defaults)",
        };
        profile.write_string_with_format(0, 0, title, header)?;
        for (i, change) in report.profile.iter().enumerate() {
            profile.write_string_with_format(i as u32 + 1, 0, change.get(lang), wrap)?;
        }
        profile.set_column_width(0, 90)?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// The batch workbook's first sheet: 汇总 / Summary.
pub fn summary_sheet_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "汇总",
        Lang::En => "Summary",
    }
}

fn write_batch(files: &[(&BatchRow, Option<&Report>)], lang: Lang) -> Result<Vec<u8>, Failure> {
    if files.len() as u64 >= MAX_ROWS as u64 - 1 {
        return Err(Failure::TooLarge);
    }
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    let summary_name = summary_sheet_name(lang);
    let mut taken = HashSet::from([summary_name.to_lowercase()]);
    let sheets: Vec<Option<String>> = files
        .iter()
        .map(|(row, report)| report.map(|_| file_sheet_name(&row.name, &mut taken)))
        .collect();

    let summary = workbook.add_worksheet();
    summary.set_name(summary_name)?;
    formats.headings(summary, &headings(lang))?;
    for (col, width) in [36, 24, 7, 7, 7, 7, 7, 7, 24, 40].into_iter().enumerate() {
        summary.set_column_width(col as u16, width)?;
    }
    for (i, ((row, _), sheet)) in files.iter().zip(&sheets).enumerate() {
        let r = i as u32 + 1;
        match sheet {
            Some(sheet) if i < MAX_LINKS => {
                let url = Url::new(format!("internal:{}!A1", quoted(sheet)));
                summary.write_url_with_format(r, 0, url.set_text(fit(&row.name)), &formats.link)?;
            }
            _ => {
                summary.write_string_with_format(r, 0, fit(&row.name), &formats.top)?;
            }
        }
        if let Some(department) = &row.department {
            summary.write_string_with_format(r, 1, fit(department), &formats.top)?;
        }
        write_numbers(summary, r, row.numbers(), &formats.top)?;
        if let Some(source) = &row.source {
            summary.write_string_with_format(r, 8, source.get(lang), &formats.wrap)?;
        }
        let status = row.status();
        let status_format = if !row.is_ok() || row.errors > 0 {
            formats.severity(Severity::Error)
        } else {
            formats.top.clone()
        };
        summary.write_string_with_format(r, 9, fit(status.get(lang)), &status_format)?;
    }
    let t = totals(files.iter().map(|(row, _)| *row));
    let last = files.len() as u32 + 1;
    summary.write_string_with_format(last, 0, t.total_label().get(lang), &formats.header)?;
    write_numbers(summary, last, t.numbers(), &formats.header)?;
    summary.set_freeze_panes(1, 0)?;
    summary.autofilter(0, 0, files.len() as u32, 9)?;

    for ((_, report), sheet) in files.iter().zip(&sheets) {
        if let (Some(report), Some(sheet)) = (report, sheet) {
            let findings = workbook.add_worksheet();
            findings.set_name(sheet)?;
            write_findings(findings, report, lang, &formats, None)?;
        }
    }
    Ok(workbook.save_to_buffer()?)
}

/// The six number columns of the batch table (C:H) of row `r`.
fn write_numbers(
    sheet: &mut Worksheet,
    r: u32,
    numbers: [usize; 6],
    format: &Format,
) -> Result<(), XlsxError> {
    for (c, n) in numbers.into_iter().enumerate() {
        sheet.write_number_with_format(r, c as u16 + 2, n as f64, format)?;
    }
    Ok(())
}

/// A sheet name for a file, unique in the workbook (Excel compares names
/// without case): the file's own name without folders or extension, the
/// characters Excel refuses (`[]:*?/\`) as `_`, at most 31 characters, and
/// ` (2)`, ` (3)` … after a name already taken.
fn file_sheet_name(file: &str, taken: &mut HashSet<String>) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => base,
    };
    let clean: String = stem
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    // A name may neither start nor end with an apostrophe, nor be empty.
    let clean = clean.trim_matches(['\'', ' ']);
    let clean = if clean.is_empty() { "file" } else { clean };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let room = 31 - suffix.chars().count();
        let name: String = clean
            .chars()
            .take(room)
            .collect::<String>()
            .trim_end_matches('\'')
            .to_owned()
            + &suffix;
        if taken.insert(name.to_lowercase()) {
            return name;
        }
        n += 1;
    }
}

/// The formats the sheets share.
struct Formats {
    header: Format,
    wrap: Format,
    centred: Format,
    top: Format,
    link: Format,
}

impl Formats {
    fn new() -> Self {
        use rust_xlsxwriter::{FormatAlign, FormatUnderline};
        let top = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xD9D9D9))
                .set_border_bottom(FormatBorder::Thin),
            wrap: top.clone().set_text_wrap(),
            centred: top.clone().set_align(FormatAlign::Center),
            link: top
                .clone()
                .set_font_color(Color::RGB(0x0563C1))
                .set_underline(FormatUnderline::Single),
            top,
        }
    }

    fn severity(&self, severity: Severity) -> Format {
        self.top
            .clone()
            .set_background_color(Color::RGB(fill(severity)))
    }

    /// A heading row: bold on grey, one label a column.
    fn headings(&self, sheet: &mut Worksheet, labels: &[&str]) -> Result<(), XlsxError> {
        for (col, label) in labels.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *label, &self.header)?;
        }
        Ok(())
    }
}

/// The findings list of `report`: one row per finding, 级别 … 建议, with the
/// header frozen and an autofilter. With `table`, the name of the sheet that
/// holds the table, each 单元格 links to its cell there.
fn write_findings(
    sheet: &mut Worksheet,
    report: &Report,
    lang: Lang,
    formats: &Formats,
    table: Option<&str>,
) -> Result<(), Failure> {
    if report.diagnostics.len() as u64 >= MAX_ROWS as u64 {
        return Err(Failure::TooLarge);
    }
    let labels = match lang {
        Lang::Zh => [
            "级别",
            "规则",
            "单元格",
            "单位",
            "项目",
            "指标",
            "说明",
            "建议",
        ],
        Lang::En => [
            "severity",
            "rule",
            "cell",
            "unit",
            "project",
            "indicator",
            "message",
            "suggestion",
        ],
    };
    formats.headings(sheet, &labels)?;
    for (col, width) in [8, 24, 9, 28, 32, 6, 80, 40].into_iter().enumerate() {
        sheet.set_column_width(col as u16, width)?;
    }
    let units = unit_of_rows(report);
    let table_ref = table.map(quoted);
    for (i, d) in report.diagnostics.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string_with_format(
            row,
            0,
            d.severity.label().get(lang),
            &formats.severity(d.severity),
        )?;
        sheet.write_string_with_format(row, 1, d.rule, &formats.top)?;
        match &table_ref {
            Some(table_ref) if i < MAX_LINKS => {
                let target = format!(
                    "{}{}",
                    column_letter(d.column_index.unwrap_or(0)),
                    d.row.max(1)
                );
                let url = Url::new(format!("internal:{table_ref}!{target}"));
                sheet.write_url_with_format(row, 2, url.set_text(d.cell()), &formats.link)?;
            }
            _ => {
                sheet.write_string_with_format(row, 2, d.cell(), &formats.top)?;
            }
        }
        if let Some(unit) = units.get(&d.row) {
            sheet.write_string_with_format(row, 3, fit(unit), &formats.top)?;
        }
        if let Some(project) = &d.project {
            sheet.write_string_with_format(row, 4, fit(project), &formats.top)?;
        }
        if let Some(n) = d.indicator {
            sheet.write_number_with_format(row, 5, n, &formats.centred)?;
        }
        let message = fit(d.message.get(lang));
        sheet.write_string_with_format(row, 6, message, &formats.wrap)?;
        let suggestion = suggestion_text(d, lang);
        if d.suggestion.is_some() {
            sheet.write_string_with_format(row, 7, fit(&suggestion), &formats.wrap)?;
        }
        // Wrapped text needs its row's height: writers set it, readers do not
        // all work it out (CJK counts two widths).
        let lines = lines_in(message, 80).max(lines_in(&suggestion, 40));
        if lines > 1 {
            sheet.set_row_height(row, 15.0 * lines.min(20) as f64)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    // Printed as a list: A4 landscape, one page wide, the header on every page.
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(0, 0)?;
    sheet.autofilter(
        0,
        0,
        report.diagnostics.len() as u32,
        labels.len() as u16 - 1,
    )?;
    Ok(())
}

/// How many lines `text` takes in a column `width` characters wide.
fn lines_in(text: &str, width: usize) -> usize {
    let units: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    units.div_ceil(width).max(1)
}

/// The unit of each unit and project row, by row number.
fn unit_of_rows(report: &Report) -> HashMap<u32, String> {
    let mut units = HashMap::new();
    for unit in &report.sheet.units {
        let Some(name) = &unit.name else { continue };
        if let Some(line) = &unit.line {
            units.insert(line.row, name.clone());
        }
        for project in &unit.projects {
            units.insert(project.line.row, name.clone());
        }
    }
    units
}

/// An amount cell's number and display format, when its text is a plain
/// number (`13,100.00`, `6`): the workbook then sums it like the original.
fn amount_number(raw: &str) -> Option<(f64, String)> {
    let raw = raw.trim();
    let plain = raw.replace(',', "");
    let value: Decimal = plain.parse().ok()?;
    if plain.is_empty() || plain.starts_with(['+', '.']) || plain.contains(['e', 'E']) {
        return None;
    }
    let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len());
    let integer = if raw.contains(',') { "#,##0" } else { "0" };
    let format = if decimals > 0 {
        format!("{integer}.{}", "0".repeat(decimals))
    } else {
        integer.to_owned()
    };
    // Excel stores every number as a double: the file format's boundary,
    // not arithmetic (the checks never see this value).
    let number = rust_decimal::prelude::ToPrimitive::to_f64(&value)?;
    Some((number, format))
}

fn write_table(
    sheet: &mut Worksheet,
    grid: &crate::input::Grid,
    report: &Report,
    lang: Lang,
    width: usize,
) -> Result<(), Failure> {
    // The amount cells of total, unit and project rows.
    let mut amounts: HashMap<(u32, usize), &str> = HashMap::new();
    let sheet_data = &report.sheet;
    let lines = sheet_data
        .total
        .iter()
        .chain(sheet_data.unit_lines())
        .chain(sheet_data.projects().map(|p| &p.line));
    for line in lines {
        for amount in &line.amounts {
            amounts.insert((line.row, amount.index), amount.raw.as_str());
        }
    }
    // The findings of each cell; a finding about a whole row marks its first cell.
    let mut marked: HashMap<(u32, usize), Vec<&Diagnostic>> = HashMap::new();
    for d in &report.diagnostics {
        marked
            .entry((d.row.max(1), d.column_index.unwrap_or(0)))
            .or_default()
            .push(d);
    }
    let plain = Format::new();
    let mut widths = vec![8usize; width.max(1)];
    for row in &grid.rows {
        let r = row.number - 1;
        for (c, cell) in row.cells.iter().enumerate() {
            let shown = fit(cell);
            let findings = marked.get(&(row.number, c));
            let worst = findings.and_then(|f| f.iter().map(|d| d.severity).min());
            let mut format = match worst {
                Some(s) => Format::new().set_background_color(Color::RGB(fill(s))),
                None => plain.clone(),
            };
            let number = amounts
                .get(&(row.number, c))
                .and_then(|raw| amount_number(raw));
            match number {
                Some((value, num_format)) => {
                    format = format.set_num_format(num_format);
                    sheet.write_number_with_format(r, c as u16, value, &format)?;
                }
                None if !shown.is_empty() || worst.is_some() => {
                    if shown.contains('\n') {
                        format = format.set_text_wrap();
                    }
                    sheet.write_string_with_format(r, c as u16, shown, &format)?;
                }
                None => {}
            }
            let chars = shown.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            widths[c] = widths[c].max(chars.min(60));
        }
    }
    // Problem cells beyond a row's last cell (a whole-row finding on a blank
    // row, a missing column) are filled too.
    for (&(row, c), findings) in &marked {
        let present = grid
            .rows
            .binary_search_by_key(&row, |r| r.number)
            .ok()
            .is_some_and(|i| c < grid.rows[i].cells.len());
        if !present && c < MAX_COLUMNS && (1..=MAX_ROWS).contains(&row) {
            let worst = findings.iter().map(|d| d.severity).min();
            if let Some(s) = worst {
                let format = Format::new().set_background_color(Color::RGB(fill(s)));
                sheet.write_blank(row - 1, c as u16, &format)?;
            }
        }
    }
    for ((row, c), findings) in &marked {
        if *row < 1 || *row > MAX_ROWS || *c >= MAX_COLUMNS {
            continue;
        }
        let text: Vec<String> = findings
            .iter()
            .map(|d| finding_text(d, lang, "\n", ""))
            .collect();
        let note = Note::new(fit(&text.join("\n\n")))
            .set_author("jixiao-lint")
            .add_author_prefix(false)
            .set_width(360)
            .set_height(160);
        sheet.insert_note(row - 1, *c as u16, &note)?;
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w as f64 * 1.6).min(60.0))?;
    }
    Ok(())
}
