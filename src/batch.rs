//! Batches: many tables at once (a department's files, a folder, a .zip).
//! One [`BatchRow`] per file — its counts, how it was read, or why it could
//! not be — and the totals, for the page's batch table and its CSV export.
//! Beside the report, after it: reports in, rows out.

use crate::report::Report;
use crate::text::{Lang, Message};
use serde::{Deserialize, Serialize};

/// One file of a batch.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchRow {
    /// The file's name (`dept.zip/a.txt` for a member of a zip).
    pub name: String,
    pub department: Option<String>,
    pub units: usize,
    pub projects: usize,
    pub indicators: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// How it was read (encoding, or the workbook's sheet).
    pub source: Option<Message>,
    /// Why it could not be read, or why no table was found in it.
    pub problem: Option<Message>,
}

impl BatchRow {
    /// A file that was read and checked. A file with no table in it is
    /// checked but says so.
    pub fn checked(name: impl Into<String>, source: Option<Message>, report: &Report) -> Self {
        let s = &report.summary;
        BatchRow {
            name: name.into(),
            department: s.department.clone(),
            units: s.units,
            projects: s.projects,
            indicators: s.indicators,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
            source,
            problem: report.layout.is_none().then(|| {
                Message::new(
                    "没有找到绩效目标表的表头。",
                    "No performance target table header was found.",
                )
            }),
        }
    }

    /// A file that could not be read, and why.
    pub fn unreadable(name: impl Into<String>, why: Message) -> Self {
        BatchRow {
            name: name.into(),
            problem: Some(why),
            ..BatchRow::default()
        }
    }

    /// Units, projects, indicators, errors, warnings, infos: the batch
    /// table's number columns, in order.
    pub fn numbers(&self) -> [usize; 6] {
        [
            self.units,
            self.projects,
            self.indicators,
            self.errors,
            self.warnings,
            self.infos,
        ]
    }

    /// Read and holding a table.
    pub fn is_ok(&self) -> bool {
        self.problem.is_none()
    }

    /// `正常` / the reason, for the status column.
    pub fn status(&self) -> Message {
        match &self.problem {
            None => Message::new("已检查", "checked"),
            Some(problem) => problem.clone(),
        }
    }
}

/// The sums over a batch.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub files: usize,
    /// Files read and holding a table.
    pub checked: usize,
    pub units: usize,
    pub projects: usize,
    pub indicators: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

pub fn totals<'a>(rows: impl IntoIterator<Item = &'a BatchRow>) -> Totals {
    let mut t = Totals::default();
    for row in rows {
        t.files += 1;
        t.checked += usize::from(row.is_ok());
        t.units += row.units;
        t.projects += row.projects;
        t.indicators += row.indicators;
        t.errors += row.errors;
        t.warnings += row.warnings;
        t.infos += row.infos;
    }
    t
}

impl Totals {
    /// `合计（200 个文件，198 个已检查）`: the label of a totals row.
    pub fn total_label(&self) -> Message {
        Message::new(
            format!("合计（{} 个文件，{} 个已检查）", self.files, self.checked),
            format!("total ({} files, {} checked)", self.files, self.checked),
        )
    }

    /// The sums of [`BatchRow::numbers`], in the same order.
    pub fn numbers(&self) -> [usize; 6] {
        [
            self.units,
            self.projects,
            self.indicators,
            self.errors,
            self.warnings,
            self.infos,
        ]
    }

    /// `5 个单位，50 个项目，…；错误 10，…` summed over the batch.
    pub fn counts(&self) -> Message {
        crate::report::counts_message(self.numbers())
    }

    /// `200 个文件（198 个已检查）：…`
    pub fn describe(&self) -> Message {
        let counts = self.counts();
        Message::new(
            format!(
                "{} 个文件（{} 个已检查）：{}",
                self.files, self.checked, counts.zh
            ),
            format!(
                "{} files ({} checked): {}",
                self.files, self.checked, counts.en
            ),
        )
    }
}

/// The column headings of the batch table and its CSV.
pub fn headings(lang: Lang) -> [&'static str; 10] {
    match lang {
        Lang::Zh => [
            "文件",
            "部门",
            "单位数",
            "项目数",
            "指标数",
            "错误",
            "警告",
            "提示",
            "读取方式",
            "状态",
        ],
        Lang::En => [
            "file",
            "department",
            "units",
            "projects",
            "indicators",
            "errors",
            "warnings",
            "infos",
            "read as",
            "status",
        ],
    }
}

/// The batch as CSV for Excel (UTF-8 with BOM, cells neutralised), one row
/// per file, then the totals.
pub fn to_csv(rows: &[BatchRow], lang: Lang) -> String {
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    let mut write = |cells: Vec<String>| {
        let cells: Vec<String> = cells
            .iter()
            .map(|c| crate::export::neutralize(c).into_owned())
            .collect();
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(&cells);
    };
    write(headings(lang).map(str::to_owned).to_vec());
    let numbers = |numbers: [usize; 6]| numbers.map(|n| n.to_string());
    for row in rows {
        let mut cells = vec![row.name.clone(), row.department.clone().unwrap_or_default()];
        cells.extend(numbers(row.numbers()));
        cells.push(
            row.source
                .as_ref()
                .map(|s| s.get(lang).to_owned())
                .unwrap_or_default(),
        );
        cells.push(row.status().get(lang).to_owned());
        write(cells);
    }
    let t = totals(rows);
    let mut cells = vec![t.total_label().get(lang).to_owned(), String::new()];
    cells.extend(numbers(t.numbers()));
    write(cells);
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8(bytes).unwrap_or_default())
}
