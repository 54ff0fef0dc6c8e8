//! Exports: the findings as CSV, Markdown and the JSON contract, the original
//! table annotated with a 问题 column, and the table of every indicator. The
//! CLI and the page call the same functions.

use crate::indicator::Value;
use crate::input::read_shared;
use crate::report::Report;
use crate::rules::Diagnostic;
use crate::text::{cell_name, Lang, Piece, SharedText};
use serde::Serialize;
use std::borrow::Cow;

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return first) gets a leading `'`, Excel's mark for text.
/// The input stage drops that mark again, so an exported table reads back the same.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Writes rows as delimited text, quoting only where needed, every cell neutralised.
fn write_rows<I, R, C>(rows: I, delimiter: u8) -> String
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows {
        let cells: Vec<String> = row
            .into_iter()
            .map(|c| neutralize(c.as_ref()).into_owned())
            .collect();
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(&cells);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Excel shows UTF-8 CSV as Chinese only when it starts with a byte-order mark.
const BOM: &str = "\u{FEFF}";

fn labels(lang: Lang) -> [&'static str; 9] {
    match lang {
        Lang::Zh => [
            "单元格",
            "行",
            "列",
            "级别",
            "规则",
            "项目",
            "指标",
            "问题",
            "建议",
        ],
        Lang::En => [
            "cell",
            "row",
            "column",
            "severity",
            "rule",
            "project",
            "indicator",
            "message",
            "suggestion",
        ],
    }
}

/// A finding's suggested fix in one cell: `12,585.00（所列 21 个项目之和…）`.
pub fn suggestion_text(d: &Diagnostic, lang: Lang) -> String {
    match (&d.suggestion, lang) {
        (None, _) => String::new(),
        (Some(s), Lang::Zh) => format!("{}（{}）", s.value, s.why),
        (Some(s), Lang::En) => format!("{} ({})", s.value, s.why_en),
    }
}

/// One finding as a line of text: `错误[rule] message`, then its suggestion,
/// if any, as `建议：…` between `open` and `close` (`（…）` inline in a 问题
/// cell, on a line of its own in a workbook's note).
pub fn finding_text(d: &Diagnostic, lang: Lang, open: &str, close: &str) -> String {
    let mut text = format!(
        "{}[{}] {}",
        d.severity.label().get(lang),
        d.rule,
        d.message.get(lang)
    );
    if d.suggestion.is_some() {
        let label = match lang {
            Lang::Zh => "建议：",
            Lang::En => "suggestion: ",
        };
        text.push_str(&format!("{open}{label}{}{close}", suggestion_text(d, lang)));
    }
    text
}

/// `规则配置：…；…` — the profile in use, when it is not the defaults.
pub fn profile_line(report: &Report, lang: Lang) -> Option<String> {
    if report.profile.is_empty() {
        return None;
    }
    let changes: Vec<&str> = report.profile.iter().map(|m| m.get(lang)).collect();
    Some(match lang {
        Lang::Zh => format!("规则配置（与默认不同）：{}", changes.join("；")),
        Lang::En => format!(
            "Profile (differs from the defaults): {}",
            changes.join("; ")
        ),
    })
}

fn finding_row(d: &Diagnostic, lang: Lang) -> [String; 9] {
    [
        d.cell(),
        d.row.to_string(),
        d.column().unwrap_or_default(),
        d.severity.label().get(lang).to_owned(),
        d.rule.to_owned(),
        d.project.as_deref().unwrap_or_default().to_owned(),
        d.indicator.map(|n| n.to_string()).unwrap_or_default(),
        d.message.get(lang).to_owned(),
        suggestion_text(d, lang),
    ]
}

/// The findings as CSV (UTF-8 with BOM, so that Excel shows the Chinese). With
/// several inputs a first column names the file.
pub fn findings_csv(reports: &[(&str, &Report)], lang: Lang) -> String {
    let several = reports.len() > 1;
    let file = match lang {
        Lang::Zh => "文件",
        Lang::En => "file",
    };
    let header = several
        .then_some(file)
        .into_iter()
        .chain(labels(lang))
        .map(str::to_owned)
        .collect::<Vec<_>>();
    let rows = reports.iter().flat_map(|(path, report)| {
        report.diagnostics.iter().map(move |d| {
            several
                .then(|| path.to_string())
                .into_iter()
                .chain(finding_row(d, lang))
                .collect::<Vec<_>>()
        })
    });
    // A profile other than the defaults is stated in a last row of its own.
    let profiles = reports.iter().filter_map(|(path, report)| {
        let line = profile_line(report, lang)?;
        Some(
            several
                .then(|| path.to_string())
                .into_iter()
                .chain([line])
                .collect::<Vec<_>>(),
        )
    });
    format!(
        "{BOM}{}",
        write_rows(std::iter::once(header).chain(rows).chain(profiles), b',')
    )
}

/// The summary and the findings as Markdown, for an e-mail or a ticket.
pub fn findings_markdown(report: &Report, lang: Lang) -> String {
    let s = &report.summary;
    // Cell text is shown, never run: `<img onerror=…>` from a cell must stay
    // text in a Markdown viewer too.
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('|', "\\|")
            .replace(['\n', '\r'], " ")
    };
    let mut out = String::new();
    let (title, department) = match lang {
        Lang::Zh => (
            "# 绩效目标表检查结果",
            s.department.as_deref().unwrap_or("（未注明部门）"),
        ),
        Lang::En => (
            "# Performance target table check",
            s.department.as_deref().unwrap_or("(department not stated)"),
        ),
    };
    let separator = if lang == Lang::Zh { "：" } else { ": " };
    let summary = escape(&format!("{department}{separator}{}", s.counts().get(lang)));
    out.push_str(&format!("{title}\n\n{summary}\n\n"));
    if let Some(profile) = profile_line(report, lang) {
        out.push_str(&format!("{}\n\n", escape(&profile)));
    }
    let header = labels(lang);
    let keep = [0, 3, 4, 5, 6, 7, 8];
    out.push_str(&format!("| {} |\n", keep.map(|i| header[i]).join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(keep.len())));
    for d in &report.diagnostics {
        let row = finding_row(d, lang);
        let cells: Vec<String> = keep.iter().map(|i| escape(&row[*i])).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// One input's report in the JSON contract shared with the CLI.
#[derive(Serialize)]
pub struct FileReport<'r> {
    pub path: &'r str,
    pub layout: Option<&'static str>,
    /// What the profile in use changes, when it is not the defaults.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub profile: &'r [crate::text::Message],
    pub summary: &'r crate::report::Summary,
    pub diagnostics: &'r [Diagnostic],
    pub projects: Vec<crate::report::ProjectEntry<'r>>,
}

impl<'r> FileReport<'r> {
    pub fn new(path: &'r str, report: &'r Report) -> Self {
        FileReport {
            path,
            layout: report.layout,
            profile: &report.profile,
            summary: &report.summary,
            diagnostics: &report.diagnostics,
            projects: report.projects(),
        }
    }
}

/// The JSON contract of the CLI for one input: `{"files":[{…}]}`.
pub fn findings_json(path: &str, report: &Report) -> String {
    #[derive(Serialize)]
    struct Files<'r> {
        files: [FileReport<'r>; 1],
    }
    crate::json::to_string_pretty(&Files {
        files: [FileReport::new(path, report)],
    })
    .unwrap_or_default()
}

/// One input's report in the JSON contract, and how it was read (`source`),
/// written at nesting depth `depth` of the caller's document. The members are
/// written here one by one, in the sorted order of the contract, so that the
/// long lists (findings, projects) stream to `out` element by element instead
/// of being held whole to be sorted among their siblings.
pub fn write_file_json<W: std::io::Write, S: Serialize>(
    out: &mut W,
    path: &str,
    report: &Report,
    source: Option<&S>,
    depth: usize,
) -> std::io::Result<()> {
    use crate::json::write_pretty;
    let indent = "  ".repeat(depth + 1);
    let key = |out: &mut W, name: &str, first: bool| {
        let comma = if first { "{" } else { "," };
        write!(out, "{comma}\n{indent}\"{name}\": ")
    };
    key(out, "diagnostics", true)?;
    write_pretty(out, &report.diagnostics, depth + 1)?;
    key(out, "layout", false)?;
    write_pretty(out, &report.layout, depth + 1)?;
    key(out, "path", false)?;
    write_pretty(out, path, depth + 1)?;
    if !report.profile.is_empty() {
        key(out, "profile", false)?;
        write_pretty(out, &report.profile, depth + 1)?;
    }
    key(out, "projects", false)?;
    write_pretty(out, &report.projects(), depth + 1)?;
    if let Some(source) = source {
        key(out, "source", false)?;
        write_pretty(out, source, depth + 1)?;
    }
    key(out, "summary", false)?;
    write_pretty(out, &report.summary, depth + 1)?;
    write!(out, "\n{}}}", "  ".repeat(depth))
}

/// An export as the page offers it: file name, MIME type and text.
pub struct Export {
    pub name: &'static str,
    pub mime: &'static str,
    pub text: String,
}

/// The page's exports by their id (`findings-csv`, `findings-json`,
/// `findings-markdown`, `annotated-tsv`, `annotated-csv`, `indicators-csv`).
pub fn by_id(id: &str, text: &SharedText, report: &Report, lang: Lang) -> Option<Export> {
    let (name, mime, text) = match id {
        "findings-csv" => (
            "jixiao-findings.csv",
            "text/csv",
            findings_csv(&[("", report)], lang),
        ),
        "findings-json" => (
            "jixiao-findings.json",
            "application/json",
            findings_json("", report),
        ),
        "findings-markdown" => (
            "jixiao-findings.md",
            "text/markdown",
            findings_markdown(report, lang),
        ),
        "annotated-tsv" => (
            "jixiao-annotated.tsv",
            "text/tab-separated-values",
            annotated_table(text, report, lang, b'\t'),
        ),
        "annotated-csv" => (
            "jixiao-annotated.csv",
            "text/csv",
            annotated_table(text, report, lang, b','),
        ),
        "indicators-csv" => (
            "jixiao-indicators.csv",
            "text/csv",
            indicator_table(report, lang),
        ),
        _ => return None,
    };
    Some(Export { name, mime, text })
}

/// The original rows, blank ones kept so that row numbers stay, with a 问题
/// column appended that lists each row's findings. Tab- or comma-separated.
pub fn annotated_table(text: &SharedText, report: &Report, lang: Lang, delimiter: u8) -> String {
    let grid = read_shared(text);
    let width = grid.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let header_row = report.sheet.header.as_ref().map(|h| h.row);
    let last = grid.rows.last().map_or(0, |r| r.number);
    let mut rows: Vec<Vec<Piece>> = Vec::with_capacity(last as usize);
    let empty = Piece::from("");
    // Every row of the input in order, blank rows put back before it so that
    // row numbers stay; a row is never dropped, whatever its number.
    let mut notes_by_row = notes_by_row(report, lang);
    let mut annotate = |number: u32, mut cells: Vec<Piece>| {
        let notes = notes_by_row.remove(&number).unwrap_or_default();
        let is_header = Some(number) == header_row;
        if is_header || !notes.is_empty() {
            cells.resize(width, empty.clone());
            cells.push(Piece::from(if is_header {
                // The profile in use, if not the defaults, beside the column's name.
                match profile_line(report, lang) {
                    Some(profile) => format!("{}（{profile}）", labels(lang)[7]),
                    None => labels(lang)[7].to_owned(),
                }
            } else {
                notes
            }));
        }
        rows.push(cells);
    };
    let mut next = 1;
    for row in grid.rows {
        for blank in next..row.number {
            annotate(blank, Vec::new());
        }
        next = next.max(row.number.saturating_add(1));
        annotate(row.number, row.cells);
    }
    let text = write_rows(rows, delimiter);
    if delimiter == b',' {
        format!("{BOM}{text}")
    } else {
        text
    }
}

/// Each row's findings as one 问题 cell, gathered in one pass over them.
fn notes_by_row(report: &Report, lang: Lang) -> std::collections::HashMap<u32, String> {
    let mut notes = std::collections::HashMap::<u32, String>::new();
    for d in &report.diagnostics {
        let cell = notes.entry(d.row).or_default();
        if !cell.is_empty() {
            cell.push('；');
        }
        cell.push_str(&format!(
            "{} {}",
            d.cell(),
            finding_text(d, lang, "（", "）")
        ));
    }
    notes
}

/// Every indicator as one row: project, levels, and each value read into
/// operator, number and unit. CSV with BOM.
pub fn indicator_table(report: &Report, lang: Lang) -> String {
    format!("{BOM}{}", write_rows(indicator_rows(report, lang), b','))
}

/// [`indicator_table`]'s rows, its header first (also the workbook's 指标明细).
pub fn indicator_rows(report: &Report, lang: Lang) -> Vec<Vec<String>> {
    let header: Vec<&str> = match lang {
        Lang::Zh => vec![
            "行",
            "单元格",
            "单位",
            "项目",
            "编号",
            "一级指标",
            "二级指标",
            "三级指标",
            "实施周期指标值",
            "实施周期运算符",
            "实施周期数值",
            "实施周期计量单位",
            "年度指标值",
            "年度运算符",
            "年度数值",
            "年度计量单位",
        ],
        Lang::En => vec![
            "row",
            "cell",
            "unit",
            "project",
            "number",
            "level 1",
            "level 2",
            "indicator",
            "period value",
            "period operator",
            "period number",
            "period unit",
            "annual value",
            "annual operator",
            "annual number",
            "annual unit",
        ],
    };
    let value = |v: &Value| {
        [
            v.raw.to_string(),
            v.operator
                .map(|o| o.symbol().to_owned())
                .unwrap_or_default(),
            v.number.map(|n| n.to_string()).unwrap_or_default(),
            v.unit().unwrap_or_default().to_owned(),
        ]
    };
    let mut rows = vec![header.into_iter().map(str::to_owned).collect::<Vec<_>>()];
    for unit in &report.sheet.units {
        for project in &unit.projects {
            for indicator in &project.indicators.indicators {
                let mut row = vec![
                    project.line.row.to_string(),
                    match &indicator.own_row {
                        Some(own) => cell_name(own.column, own.row),
                        None => cell_name(project.indicator_cell.index, project.line.row),
                    },
                    unit.name.clone().unwrap_or_default(),
                    project.line.name.to_string(),
                    indicator.number.map(|n| n.to_string()).unwrap_or_default(),
                    indicator.level1().label(),
                    indicator.level2().label(),
                    indicator.name.to_string(),
                ];
                row.extend(value(&indicator.period));
                row.extend(value(&indicator.annual));
                rows.push(row);
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_nothing_else() {
        for (cell, want) in [
            ("=1+1", "'=1+1"),
            ("+86", "'+86"),
            ("-为进一步", "'-为进一步"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
        ] {
            assert_eq!(neutralize(cell), want);
        }
        for cell in ["13,931.00", "工作经费", "", "a=b", "'=already"] {
            assert_eq!(neutralize(cell), cell);
        }
    }

    #[test]
    fn delimited_rows_quote_only_where_needed() {
        let text = write_rows([vec!["a", "b,c", "d\"e", "=x"], vec!["line\nbreak"]], b',');
        assert_eq!(text, "a,\"b,c\",\"d\"\"e\",'=x\n\"line\nbreak\"\n");
    }
}
