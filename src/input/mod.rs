//! Input: turns pasted text or file bytes into a [`Grid`] of cells, each row
//! keeping the number a spreadsheet would show for it.

mod decode;
pub mod html;
#[cfg(feature = "files")]
mod spreadsheet;

#[cfg(feature = "files")]
pub use decode::read_file;
pub use decode::{decode_utf8, Decoded, EncodingReason, InputError, Source};
use serde::Serialize;

/// One non-blank row of the input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// 1-based row number as a spreadsheet shows it: blank lines count, and a
    /// quoted cell with line breaks inside stays in one row.
    pub number: u32,
    pub cells: Vec<String>,
}

impl Row {
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// The rows of the input, blank rows left out (they are paste artefacts).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Grid {
    pub rows: Vec<Row>,
    /// `'\t'` for text copied from Excel/WPS, `','` for CSV.
    pub delimiter: char,
    /// Row where a quote was opened and never closed: it swallowed the rows
    /// after it, so the text was read again with quotes taken literally.
    pub unbalanced_quote_row: Option<u32>,
}

/// Reads pasted text: tab-separated when any tab is present, else comma-separated;
/// Excel-style quoting (`"…"`, `""` inside); ragged rows; LF or CRLF.
pub fn read_text(text: &str) -> Grid {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let delimiter = if text.contains('\t') { '\t' } else { ',' };
    let rows = read_rows(text, delimiter as u8, true);
    // A cell that holds both a line break and a delimiter is the mark of a quote
    // that was never closed: Excel never writes one. Read the rows literally.
    let swallowed = rows
        .iter()
        .find(|row| {
            row.cells
                .iter()
                .any(|c| c.contains('\n') && c.contains(delimiter))
        })
        .map(|row| row.number);
    match swallowed {
        Some(row) => Grid {
            rows: read_rows(text, delimiter as u8, false),
            delimiter,
            unbalanced_quote_row: Some(row),
        },
        None => Grid {
            rows,
            delimiter,
            unbalanced_quote_row: None,
        },
    }
}

fn read_rows(text: &str, delimiter: u8, quoting: bool) -> Vec<Row> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .quoting(quoting)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // The spreadsheet row is the text line the record starts on, less the line
    // breaks inside quoted cells of the records before it.
    let (mut counted_to, mut line, mut inner_breaks_before) = (0usize, 1u64, 0u64);
    // The input is a &str, so every field is valid UTF-8 and the csv reader
    // has no error to give; an error would end the loop rather than spin.
    while let Ok(true) = reader.read_record(&mut record) {
        // csv reports where the previous record ended; the blank lines it
        // skipped come first.
        let reported = record
            .position()
            .map_or(counted_to, |p| p.byte() as usize)
            .min(text.len());
        let start = reported
            + text.as_bytes()[reported..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        if start >= counted_to {
            line += memchr_count(&text.as_bytes()[counted_to..start]);
            counted_to = start;
        }
        let number = line - inner_breaks_before;
        inner_breaks_before += record
            .iter()
            .map(|f| memchr_count(f.as_bytes()))
            .sum::<u64>();
        let row = Row {
            number: u32::try_from(number).unwrap_or(u32::MAX),
            cells: record.iter().map(unmark_text).collect(),
        };
        if !row.is_blank() {
            rows.push(row);
        }
    }
    rows
}

/// Drops Excel's text mark, the `'` that exports put before a cell that would
/// otherwise run as a formula (`'=…`, `'-…`), so that an exported table reads
/// back as it was.
fn unmark_text(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

fn memchr_count(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers_and_cells(text: &str) -> Vec<(u32, Vec<&str>)> {
        let grid = read_text(text);
        let leaked: &'static Grid = Box::leak(Box::new(grid));
        leaked
            .rows
            .iter()
            .map(|r| (r.number, r.cells.iter().map(String::as_str).collect()))
            .collect()
    }

    #[test]
    fn blank_lines_count_as_rows() {
        assert_eq!(
            numbers_and_cells("\n\na\tb\n\nc\td\n"),
            vec![(3, vec!["a", "b"]), (5, vec!["c", "d"])]
        );
    }

    #[test]
    fn crlf_bom_and_ragged_rows() {
        assert_eq!(
            numbers_and_cells("\u{FEFF}a\tb\tc\r\n\r\nd\r\ne\t\t\r\n"),
            vec![
                (1, vec!["a", "b", "c"]),
                (3, vec!["d"]),
                (4, vec!["e", "", ""])
            ]
        );
    }

    #[test]
    fn quoted_cells_keep_line_breaks_in_one_row() {
        assert_eq!(
            numbers_and_cells("x\t\"line 1\nline \"\"2\"\"\"\ny\tz\n\nw\t1"),
            vec![
                (1, vec!["x", "line 1\nline \"2\""]),
                (2, vec!["y", "z"]),
                (4, vec!["w", "1"])
            ]
        );
    }

    #[test]
    fn comma_separated_when_no_tab() {
        assert_eq!(
            numbers_and_cells("a,\"b,c\"\n1,2"),
            vec![(1, vec!["a", "b,c"]), (2, vec!["1", "2"])]
        );
    }

    #[test]
    fn unbalanced_quote_falls_back_to_literal_reading() {
        let grid = read_text("a\t\"oops\nb\tc\nd\te");
        assert_eq!(grid.unbalanced_quote_row, Some(1));
        assert_eq!(grid.rows.len(), 3);
        assert_eq!(grid.rows[2].number, 3);
    }
}
