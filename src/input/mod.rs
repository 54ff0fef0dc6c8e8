//! Input: turns pasted text or file bytes into a [`Grid`] of cells, each row
//! keeping the number a spreadsheet would show for it.

#[cfg(feature = "readers")]
pub mod archive;
mod decode;
pub mod html;
#[cfg(feature = "readers")]
mod spreadsheet;

use crate::text::{Piece, SharedText};
pub use decode::{
    check_size, decode_utf8, decode_utf8_owned, is_workbook, Decoded, EncodingReason, InputError,
    Source, MAX_INPUT_BYTES,
};
#[cfg(feature = "readers")]
pub use decode::{read_file, read_file_owned};
use serde::Serialize;
use std::borrow::Cow;

/// One non-blank row of the input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// 1-based row number as a spreadsheet shows it: blank lines count, and a
    /// quoted cell with line breaks inside stays in one row.
    pub number: u32,
    /// Pieces of the input's text, unless unquoting changed them (`""`
    /// inside, or text after the closing quote).
    pub cells: Vec<Piece>,
}

impl Row {
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", Piece::as_str)
    }

    /// The cell as a piece, to keep without a copy (empty when absent).
    pub fn piece(&self, column: usize) -> Piece {
        self.cells.get(column).cloned().unwrap_or_default()
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

/// Reads pasted text: tab-separated when a tab stands outside every quoted
/// cell, else comma-separated; Excel-style quoting (`"…"`, `""` inside);
/// ragged rows; LF, CRLF or CR line ends.
pub fn read_text(text: &str) -> Grid {
    read_shared(&SharedText::new(text.to_owned()))
}

/// [`read_text`], the cells pieces of `shared`.
pub fn read_shared(shared: &SharedText) -> Grid {
    let text = shared.strip_prefix('\u{FEFF}').unwrap_or(shared);
    let piece = Piece::of(shared, text);
    let delimiter = guess_delimiter(text);
    let lines = LineEnd::of(text);
    let rows = read_rows(&piece, delimiter as u8, true, lines);
    // A cell that holds both a line break and a delimiter is the mark of a quote
    // that was never closed: Excel never writes one. Read the rows literally.
    let swallowed = rows
        .iter()
        .find(|row| {
            row.cells
                .iter()
                .any(|c| c.as_bytes().contains(&lines.byte()) && c.contains(delimiter))
        })
        .map(|row| row.number);
    match swallowed {
        Some(row) => Grid {
            rows: read_rows(&piece, delimiter as u8, false, lines),
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

/// A tab that stands outside quoted cells makes the text tab-separated (what
/// Excel and WPS put on the clipboard); else it is CSV. A tab inside a quoted
/// CSV cell does not count. Quotes open a cell only at its start, as in csv.
fn guess_delimiter(text: &str) -> char {
    let bytes = text.as_bytes();
    let Some(first_tab) = bytes.iter().position(|&b| b == b'\t') else {
        return ',';
    };
    // No quote before the first tab (the usual paste): it is outside.
    if !bytes[..first_tab].contains(&b'"') {
        return '\t';
    }
    let (mut at, mut field_start) = (0, true);
    while at < bytes.len() {
        match bytes[at] {
            b'"' if field_start => {
                // Skip the quoted part: `""` is a quote inside it.
                at += 1;
                loop {
                    match bytes[at..].iter().position(|&b| b == b'"') {
                        None => return ',',
                        Some(quote) if bytes.get(at + quote + 1) == Some(&b'"') => at += quote + 2,
                        Some(quote) => {
                            at += quote + 1;
                            break;
                        }
                    }
                }
                field_start = false;
                continue;
            }
            b'\t' => return '\t',
            b',' | b'\n' | b'\r' => field_start = true,
            _ => field_start = false,
        }
        at += 1;
    }
    ','
}

/// What ends a line: LF (or CRLF) wherever a LF occurs, where a lone CR
/// inside a cell is part of it (an editor shows it as `^M`, not as a line);
/// CR in text that has no LF at all (old Mac files).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineEnd {
    Lf,
    Cr,
}

impl LineEnd {
    fn of(text: &str) -> LineEnd {
        if !text.as_bytes().contains(&b'\n') && text.as_bytes().contains(&b'\r') {
            LineEnd::Cr
        } else {
            LineEnd::Lf
        }
    }

    /// The byte whose count is the number of line ends.
    fn byte(self) -> u8 {
        match self {
            LineEnd::Lf => b'\n',
            LineEnd::Cr => b'\r',
        }
    }
}

/// Splits the text into records exactly as the csv crate does (delimiter,
/// `"` quoting with `""` inside when `quoting`, `\n` or `\r\n` ending a
/// record, or `\r` when that is how `lines` end, blank lines skipped), but
/// slicing the text directly: the cells are pieces of `input`, copied only
/// where unquoting changed them (`""` inside). csv's record buffer, UTF-8
/// check and copy of every cell cost as much again as the split itself.
/// The unit tests hold it to the csv crate on random text.
fn read_rows(input: &Piece, delimiter: u8, quoting: bool, lines: LineEnd) -> Vec<Row> {
    let text = input.as_str();
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    // The spreadsheet row is the text line the record starts on, less the line
    // breaks inside quoted cells of the records before it. `line` is the line
    // of `counted_to`.
    let (mut line, mut inner_breaks_before) = (1u64, 0u64);
    let (mut at, mut counted_to) = (0usize, 0usize);
    // csv skips a byte-order mark at the very start (a second one, read_text
    // took the first) and counts the first record's line from there.
    let mut bom = bytes.starts_with("\u{FEFF}".as_bytes());
    if bom {
        at = 3;
    }
    // Rows are usually as wide as the one before: one allocation per row.
    let mut width = 0;
    loop {
        // Blank lines between records are skipped.
        let mut start = at;
        while let Some(&b) = bytes.get(start) {
            let line_end = b == b'\n'
                || (b == b'\r'
                    && (lines == LineEnd::Cr
                        || matches!(bytes.get(start + 1), None | Some(b'\n'))));
            if !line_end {
                break;
            }
            start += 1;
        }
        if start >= bytes.len() {
            break;
        }
        if !std::mem::take(&mut bom) {
            line += newline_count(&bytes[counted_to..start], lines);
            counted_to = start;
        }
        let number = line - inner_breaks_before;
        let mut cells = Vec::with_capacity(width);
        let mut breaks = 0;
        at = start;
        // One field per turn; `at` is where it starts.
        let end_of_record = loop {
            let (cell, next, quoted) = if quoting && bytes[at] == b'"' {
                let (cell, next) = quoted_field(text, at + 1, delimiter, lines);
                let cell = match cell {
                    Cow::Borrowed(cell) => input.part(unmark_text(cell)),
                    Cow::Owned(mut cell) => {
                        if is_marked(&cell) {
                            cell.remove(0);
                        }
                        Piece::from(cell)
                    }
                };
                (cell, next, true)
            } else {
                let end = at + find_end(&bytes[at..], delimiter, lines);
                (input.part(unmark_text(&text[at..end])), end, false)
            };
            if quoted {
                breaks += newline_count(cell.as_bytes(), lines);
            }
            cells.push(cell);
            // `next` is on the delimiter or terminator that ended the field.
            match bytes.get(next) {
                Some(&b) if b == delimiter => at = next + 1,
                Some(_) => break next,
                None => break bytes.len(),
            }
            if at == bytes.len() {
                // A delimiter at the very end: one more, empty, field.
                cells.push(input.part(&text[at..]));
                break at;
            }
        };
        inner_breaks_before += breaks;
        // A record's only line breaks are those inside its quoted cells: the
        // lines to its end are known without reading it again.
        if counted_to == start {
            line += breaks;
            counted_to = end_of_record;
        }
        at = end_of_record;
        width = cells.len();
        let row = Row {
            number: u32::try_from(number).unwrap_or(u32::MAX),
            cells,
        };
        if !row.is_blank() {
            rows.push(row);
        }
    }
    rows
}

/// Length of an unquoted field: up to the delimiter or a line end. A quote
/// inside it is an ordinary character, as in csv.
fn find_end(bytes: &[u8], delimiter: u8, lines: LineEnd) -> usize {
    let mut offset = 0;
    loop {
        offset += find_stop(&bytes[offset..], delimiter);
        // With LF line ends, a CR ends the field only before its LF.
        if lines == LineEnd::Lf
            && bytes.get(offset) == Some(&b'\r')
            && !matches!(bytes.get(offset + 1), None | Some(b'\n'))
        {
            offset += 1;
            continue;
        }
        return offset;
    }
}

/// Where the first delimiter, LF or CR is.
fn find_stop(bytes: &[u8], delimiter: u8) -> usize {
    memchr::memchr3(delimiter, b'\n', b'\r', bytes).unwrap_or(bytes.len())
}

/// A quoted field whose content starts at `at`: `""` is one quote, and after
/// the closing quote the field runs on unquoted to the next delimiter or line
/// break (csv's reading of `"a"b`). An unclosed quote runs to the end.
/// Returns the cell (a slice of `text` when it is one: no `""` inside,
/// nothing after the closing quote) and where the field ended.
fn quoted_field(text: &str, mut at: usize, delimiter: u8, lines: LineEnd) -> (Cow<'_, str>, usize) {
    let bytes = text.as_bytes();
    let mut cell = Cow::Borrowed("");
    loop {
        let Some(quote) = bytes[at..].iter().position(|&b| b == b'"') else {
            append(&mut cell, &text[at..]);
            return (cell, bytes.len());
        };
        append(&mut cell, &text[at..at + quote]);
        at += quote + 1;
        if bytes.get(at) == Some(&b'"') {
            cell.to_mut().push('"');
            at += 1;
            continue;
        }
        let end = at + find_end(&bytes[at..], delimiter, lines);
        append(&mut cell, &text[at..end]);
        return (cell, end);
    }
}

/// Appends a part of a quoted cell: the first is borrowed, a second makes
/// the cell a copy.
fn append<'a>(cell: &mut Cow<'a, str>, part: &'a str) {
    match cell {
        Cow::Borrowed("") => *cell = Cow::Borrowed(part),
        _ if part.is_empty() => {}
        _ => cell.to_mut().push_str(part),
    }
}

/// Drops Excel's text mark, the `'` that exports put before a cell that would
/// otherwise run as a formula (`'=…`, `'-…`), so that an exported table reads
/// back as it was.
fn unmark_text(cell: &str) -> &str {
    if is_marked(cell) {
        &cell[1..]
    } else {
        cell
    }
}

fn is_marked(cell: &str) -> bool {
    cell.strip_prefix('\'')
        .is_some_and(|rest| rest.starts_with(['=', '+', '-', '@', '\t', '\r']))
}

fn newline_count(bytes: &[u8], lines: LineEnd) -> u64 {
    let end = lines.byte();
    bytes.iter().filter(|&&b| b == end).count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reading this module had with the csv crate, kept as the reference.
    /// csv ends a record at any CR; with LF line ends a lone CR is part of its
    /// cell, so it is hidden from csv as a private-use character.
    fn csv_rows(text: &str, delimiter: u8, quoting: bool) -> Vec<Row> {
        const HIDDEN_CR: char = '\u{E000}';
        let lines = LineEnd::of(text);
        let hidden;
        let text = if lines == LineEnd::Lf {
            let bytes = text.as_bytes();
            hidden = text
                .char_indices()
                .map(|(i, c)| {
                    let lone = c == '\r' && !matches!(bytes.get(i + 1), None | Some(b'\n'));
                    if lone {
                        HIDDEN_CR
                    } else {
                        c
                    }
                })
                .collect::<String>();
            hidden.as_str()
        } else {
            text
        };
        let unhide = |cell: &str| Piece::from(unmark_text(&cell.replace(HIDDEN_CR, "\r")));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .quoting(quoting)
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        let mut record = csv::StringRecord::new();
        let (mut counted_to, mut line, mut inner_breaks_before) = (0usize, 1u64, 0u64);
        while let Ok(true) = reader.read_record(&mut record) {
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
                line += newline_count(&text.as_bytes()[counted_to..start], lines);
                counted_to = start;
            }
            let number = line - inner_breaks_before;
            inner_breaks_before += record
                .iter()
                .map(|f| newline_count(f.as_bytes(), lines))
                .sum::<u64>();
            let row = Row {
                number: u32::try_from(number).unwrap_or(u32::MAX),
                cells: record.iter().map(unhide).collect(),
            };
            if !row.is_blank() {
                rows.push(row);
            }
        }
        rows
    }

    #[test]
    fn a_leading_byte_order_mark_is_read_as_csv_reads_it() {
        for text in [
            "\u{FEFF}",
            "\u{FEFF}a\tb",
            "\u{FEFF}\n\na\nb",
            "\u{FEFF}\"x\ny\"\nz",
        ] {
            assert_eq!(
                read_rows(&text.into(), b'\t', true, LineEnd::of(text)),
                csv_rows(text, b'\t', true),
                "{text:?}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn reads_as_the_csv_crate_does(text in "[ab'=\"\t,\r\n 表\u{FEFF}]{0,40}", tab in any::<bool>(), quoting in any::<bool>()) {
            let delimiter = if tab { b'\t' } else { b',' };
            prop_assert_eq!(read_rows(&text.as_str().into(), delimiter, quoting, LineEnd::of(&text)), csv_rows(&text, delimiter, quoting));
        }

        #[test]
        fn reads_long_fields_as_the_csv_crate_does(text in "([a表]{0,40}[\"\t\n]){0,6}") {
            prop_assert_eq!(read_rows(&text.as_str().into(), b'\t', true, LineEnd::of(&text)), csv_rows(&text, b'\t', true));
        }
    }

    #[test]
    fn cells_are_pieces_of_the_text_unless_unquoted() {
        let text = SharedText::new("a\t\"b\nc\"\t\"d\"\"e\"\t'=1\n".to_owned());
        let grid = read_shared(&text);
        let cells = &grid.rows[0].cells;
        let texts: Vec<&str> = cells.iter().map(Piece::as_str).collect();
        assert_eq!(texts, ["a", "b\nc", "d\"e", "=1"]);
        let input = text.as_bytes().as_ptr_range();
        let shared: Vec<bool> = cells.iter().map(|c| input.contains(&c.as_ptr())).collect();
        assert_eq!(
            shared,
            [true, true, false, true],
            "only `\"\"` makes a copy"
        );
    }

    fn numbers_and_cells(text: &str) -> Vec<(u32, Vec<&str>)> {
        let grid = read_text(text);
        let leaked: &'static Grid = Box::leak(Box::new(grid));
        leaked
            .rows
            .iter()
            .map(|r| (r.number, r.cells.iter().map(Piece::as_str).collect()))
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
    fn cr_line_ends_keep_every_row_and_its_number() {
        assert_eq!(
            numbers_and_cells("a\tb\r\rc\td\r"),
            vec![(1, vec!["a", "b"]), (3, vec!["c", "d"])]
        );
        // With LF line ends a lone CR belongs to its cell, as an editor shows it.
        assert_eq!(
            numbers_and_cells("a\tb\rc\nd\te\r\nf\tg"),
            vec![
                (1, vec!["a", "b\rc"]),
                (2, vec!["d", "e"]),
                (3, vec!["f", "g"])
            ]
        );
    }

    #[test]
    fn a_tab_inside_a_quoted_csv_cell_keeps_it_csv() {
        let grid = read_text("a,\"b\tc\",d\n1,2,3");
        assert_eq!(grid.delimiter, ',');
        assert_eq!(grid.rows[0].cells, ["a", "b\tc", "d"]);
        assert_eq!(read_text("\"x,y\"\tz\n").delimiter, '\t');
        assert_eq!(read_text("a\tb").delimiter, '\t');
        assert_eq!(read_text("a,b").delimiter, ',');
        // `5"` is no quoted cell: the tab after it still counts.
        assert_eq!(read_text("5\"\tb\n").delimiter, '\t');
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
