//! Spreadsheets (xlsx, xls, ods) through calamine, from in-memory bytes, so
//! that the same code runs in the CLI and in the page's file worker (wasm).
//!
//! A workbook becomes the text a user would get by copying the sheet out of
//! Excel: tab-separated, Excel-style quoting, one line per spreadsheet row
//! (empty rows kept, so that `B11` is B11 in the workbook too). The rest of
//! the pipeline then reads it like a paste.

use super::decode::{Decoded, InputError, Source};
use calamine::{Data, Dimensions, Ods, Reader, Xls, Xlsb, Xlsx};
use std::collections::BTreeMap;
use std::io::Cursor;

/// Cells of one sheet, by 0-based (row, column), empty cells left out.
type Cells = BTreeMap<(u32, u32), String>;

/// At most this many non-empty cells per sheet (merged regions included): the
/// 50 MB benchmark table has about 400 000.
const MAX_CELLS: usize = 4_000_000;
/// At most this much text per sheet, separators included.
const MAX_TEXT: usize = super::decode::MAX_INPUT_BYTES;
/// At most this much data declared inside a zip (xlsx, ods), checked before
/// calamine inflates any of it.
const MAX_UNZIPPED: u64 = 512 << 20;

/// Opens the workbook, finds the sheet that holds the table and returns it as
/// tab-separated text.
pub fn read(bytes: &[u8]) -> Result<Decoded, InputError> {
    let mut book = open(bytes)?;
    let names = book.sheet_names();
    for (index, name) in names.iter().enumerate() {
        let (cells, merged) = book.sheet(name)?;
        let text = to_tsv(expand_merged(cells, &merged)?)?;
        if holds_table(&text) {
            return Ok(Decoded {
                text,
                source: Source::Spreadsheet {
                    format: book.format(),
                    sheet: name.clone(),
                    other_sheets: names
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| i != index)
                        .map(|(_, n)| n.clone())
                        .collect(),
                },
            });
        }
    }
    Err(InputError::NoTable { sheets: names })
}

/// The layout's own header detection decides, so that a sheet is chosen
/// exactly when the checker would understand it. Headers stand at the top:
/// the first rows are enough, and a sheet of 200 MB is not laid out twice.
fn holds_table(text: &str) -> bool {
    const HEAD_ROWS: usize = 2_000;
    let head = text
        .match_indices('\n')
        .nth(HEAD_ROWS)
        .map_or(text, |(end, _)| &text[..end]);
    crate::layout::read_sheet(&crate::input::read_text(head), &[])
        .layout
        .is_some()
}

enum Book<'a> {
    Xlsx(Xlsx<Cursor<&'a [u8]>>),
    Xls(Xls<Cursor<&'a [u8]>>),
    Ods(Ods<Cursor<&'a [u8]>>),
    Xlsb(Xlsb<Cursor<&'a [u8]>>),
}

const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn failed(reason: impl std::fmt::Display) -> InputError {
    InputError::Spreadsheet(reason.to_string())
}

/// calamine's `open_workbook_auto_from_rs` tries every format in turn and
/// answers only "Cannot detect file format" when all fail. Choosing by the
/// signature keeps the reason of the format the file claims to be.
fn open(bytes: &[u8]) -> Result<Book<'_>, InputError> {
    if bytes.starts_with(OLE) {
        return Xls::new(Cursor::new(bytes)).map(Book::Xls).map_err(failed);
    }
    check_zip_size(bytes)?;
    let xlsx_error = match Xlsx::new(Cursor::new(bytes)) {
        Ok(book) => return Ok(Book::Xlsx(book)),
        Err(e) => e,
    };
    // calamine reads an ods sheet whole, repeated rows and columns spelled
    // out, as soon as it opens the file: measure that first.
    check_ods_repeats(bytes)?;
    if let Ok(book) = Ods::new(Cursor::new(bytes)) {
        return Ok(Book::Ods(book));
    }
    if let Ok(book) = Xlsb::new(Cursor::new(bytes)) {
        return Ok(Book::Xlsb(book));
    }
    Err(failed(xlsx_error))
}

/// Refuses a zip whose members declare more than [`MAX_UNZIPPED`] in all: a
/// zip bomb, or a workbook far larger than any table this tool checks.
fn check_zip_size(bytes: &[u8]) -> Result<(), InputError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(failed)?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let size = archive.by_index_raw(i).map_err(failed)?.size();
        total = total.saturating_add(size);
        if total > MAX_UNZIPPED {
            return Err(InputError::Spreadsheet(format!(
                "解压后超过 {} MB / more than {} MB uncompressed",
                MAX_UNZIPPED >> 20,
                MAX_UNZIPPED >> 20
            )));
        }
    }
    Ok(())
}

/// Refuses an ods whose repeated rows and columns (`table:number-rows-repeated`,
/// `table:number-columns-repeated`) spell out more than [`MAX_CELLS`] cells
/// in the rectangle calamine would build: 1.5 KB of XML can ask for billions.
/// Trailing empty repeats, which every LibreOffice file has, cost nothing and
/// are not counted.
fn check_ods_repeats(bytes: &[u8]) -> Result<(), InputError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let Ok(mut content) = archive.by_name("content.xml") else {
        return Ok(());
    };
    let mut xml = Vec::new();
    if std::io::Read::read_to_end(&mut content, &mut xml).is_err() {
        return Ok(()); // calamine says what is wrong with it
    }
    if ods_cells(&xml) > MAX_CELLS as u64 {
        return Err(too_many_cells());
    }
    Ok(())
}

/// The cells calamine spells out for the sheets of an ods `content.xml`: per
/// sheet, the rows from the first to the last that hold something (repeats
/// counted) times the widest such row up to its last filled cell.
fn ods_cells(xml: &[u8]) -> u64 {
    fn repeat(tag: &[u8], name: &[u8]) -> u64 {
        let Some(at) = find(tag, name) else { return 1 };
        let digits = tag[at + name.len()..]
            .iter()
            .skip_while(|&&b| b == b'=' || b == b'"' || b == b'\'')
            .take_while(|b| b.is_ascii_digit())
            .fold(0u64, |n, &d| {
                n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
            });
        digits.max(1)
    }
    fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
        haystack.windows(needle.len()).position(|w| w == needle)
    }
    let (mut total, mut rows, mut pending_rows, mut width) = (0u64, 0u64, 0u64, 0u64);
    let (mut row_repeat, mut row_width, mut row_filled) = (1u64, 0u64, 0u64);
    let mut at = 0;
    while let Some(open) = xml[at..].iter().position(|&b| b == b'<') {
        let start = at + open + 1;
        let Some(close) = xml[start..].iter().position(|&b| b == b'>') else {
            break;
        };
        let tag = &xml[start..start + close];
        at = start + close + 1;
        if tag.starts_with(b"table:table-row") {
            (row_repeat, row_width, row_filled) =
                (repeat(tag, b"table:number-rows-repeated"), 0, 0);
        } else if tag.starts_with(b"table:table-cell")
            || tag.starts_with(b"table:covered-table-cell")
        {
            let columns = repeat(tag, b"table:number-columns-repeated").min(16_384);
            row_width = row_width.saturating_add(columns).min(16_384);
            // A cell with a value or content: not an empty repeat.
            if !tag.ends_with(b"/") || find(tag, b"office:value-type").is_some() {
                row_filled = row_width;
            }
        } else if tag.starts_with(b"/table:table-row") {
            let repeat = row_repeat.min(1_048_576);
            if row_filled > 0 {
                rows = rows.saturating_add(pending_rows).saturating_add(repeat);
                pending_rows = 0;
                width = width.max(row_filled);
            } else if rows > 0 {
                pending_rows = pending_rows.saturating_add(repeat);
            }
        } else if tag.starts_with(b"/table:table") && !tag.starts_with(b"/table:table-") {
            total = total.saturating_add(rows.saturating_mul(width));
            (rows, pending_rows, width) = (0, 0, 0);
        }
    }
    total.saturating_add(rows.saturating_mul(width))
}

fn too_many_cells() -> InputError {
    InputError::Spreadsheet(format!(
        "工作表超过 {MAX_CELLS} 个单元格 / a sheet has more than {MAX_CELLS} cells"
    ))
}

fn too_much_text() -> InputError {
    InputError::Spreadsheet(format!(
        "工作表的文本超过 {} MB / a sheet's text exceeds {} MB",
        MAX_TEXT >> 20,
        MAX_TEXT >> 20
    ))
}

impl Book<'_> {
    fn format(&self) -> &'static str {
        match self {
            Book::Xlsx(_) => "xlsx",
            Book::Xls(_) => "xls",
            Book::Ods(_) => "ods",
            Book::Xlsb(_) => "xlsb",
        }
    }

    fn sheet_names(&self) -> Vec<String> {
        match self {
            Book::Xlsx(b) => b.sheet_names(),
            Book::Xls(b) => b.sheet_names(),
            Book::Ods(b) => b.sheet_names(),
            Book::Xlsb(b) => b.sheet_names(),
        }
    }

    /// The sheet's non-empty cells and its merged regions.
    fn sheet(&mut self, name: &str) -> Result<(Cells, Vec<Dimensions>), InputError> {
        match self {
            // xlsx cells are streamed, so a hostile sheet (a cell at A1 and one
            // at XFD1048576) is refused without allocating the rectangle
            // between them, as `worksheet_range` would.
            Book::Xlsx(book) => {
                let mut cells = Cells::new();
                {
                    let mut reader = match book.worksheet_cells_reader(name) {
                        Ok(reader) => reader,
                        // A chart sheet or the like: no cells.
                        Err(calamine::XlsxError::NotAWorksheet(_)) => {
                            return Ok((cells, Vec::new()))
                        }
                        Err(e) => return Err(failed(e)),
                    };
                    let mut size = Size::default();
                    while let Some(cell) = reader.next_cell().map_err(failed)? {
                        let text = cell_text(&Data::from(cell.get_value().clone()));
                        size.insert(&mut cells, cell.get_position(), text)?;
                    }
                }
                let merged = book.merge_cells_by_sheet_name(name).map_err(failed)?;
                Ok((cells, merged))
            }
            Book::Xlsb(book) => {
                let mut cells = Cells::new();
                let mut reader = book.worksheet_cells_reader(name).map_err(failed)?;
                let mut size = Size::default();
                while let Some(cell) = reader.next_cell().map_err(failed)? {
                    let text = cell_text(&Data::from(cell.get_value().clone()));
                    size.insert(&mut cells, cell.get_position(), text)?;
                }
                // calamine reads no merged regions from xlsb.
                Ok((cells, Vec::new()))
            }
            Book::Xls(book) => {
                let merged = book.merge_cells_by_sheet_name(name).unwrap_or_default();
                let range = book.worksheet_range(name).map_err(failed)?;
                Ok((range_cells(&range)?, merged))
            }
            // calamine reads no merged regions from ods: their covered cells
            // stay empty.
            Book::Ods(book) => Ok((
                range_cells(&book.worksheet_range(name).map_err(failed)?)?,
                Vec::new(),
            )),
        }
    }
}

/// What a sheet's cells add up to so far, bounded by [`MAX_CELLS`] and by
/// [`MAX_TEXT`] bytes: a workbook of a few KB can hold one long shared string
/// used by many cells.
#[derive(Default)]
struct Size {
    cells: usize,
    bytes: usize,
}

impl Size {
    fn add(&mut self, cells: usize, bytes: usize) -> Result<(), InputError> {
        self.cells = self.cells.saturating_add(cells);
        self.bytes = self.bytes.saturating_add(bytes);
        if self.cells > MAX_CELLS {
            Err(too_many_cells())
        } else if self.bytes > MAX_TEXT {
            Err(too_much_text())
        } else {
            Ok(())
        }
    }

    fn insert(
        &mut self,
        cells: &mut Cells,
        at: (u32, u32),
        text: String,
    ) -> Result<(), InputError> {
        if !text.is_empty() {
            self.add(1, text.len())?;
            cells.insert(at, text);
        }
        Ok(())
    }
}

fn range_cells(range: &calamine::Range<Data>) -> Result<Cells, InputError> {
    let (row0, column0) = range.start().unwrap_or((0, 0));
    let mut cells = Cells::new();
    let mut size = Size::default();
    for (row, column, value) in range.used_cells() {
        let at = |base: u32, offset: usize| base.saturating_add(offset as u32);
        size.insert(
            &mut cells,
            (at(row0, row), at(column0, column)),
            cell_text(value),
        )?;
    }
    Ok(cells)
}

/// Copies each merged region's top-left value into every cell of the region,
/// as a user reading the sheet sees it (a unit's name beside each of its rows).
/// A region listed twice is filled once, and the regions' areas and the text
/// they copy count against the sheet's bounds before any is filled: Excel
/// never overlaps merges, a hostile file can repeat one ten thousand times.
fn expand_merged(mut cells: Cells, merged: &[Dimensions]) -> Result<Cells, InputError> {
    let mut regions: Vec<((u32, u32), (u32, u32))> =
        merged.iter().map(|r| (r.start, r.end)).collect();
    regions.sort_unstable();
    regions.dedup();
    let mut size = Size::default();
    size.add(cells.len(), cells.values().map(String::len).sum())?;
    let mut fills = Vec::new();
    for ((top, left), (bottom, right)) in regions {
        let Some(value) = cells.get(&(top, left)) else {
            continue;
        };
        let area = (bottom.saturating_sub(top) as usize + 1)
            .saturating_mul(right.saturating_sub(left) as usize + 1);
        size.add(area, area.saturating_mul(value.len()))?;
        fills.push(((top, left), (bottom, right), value.clone()));
    }
    for ((top, left), (bottom, right), value) in fills {
        for row in top..=bottom {
            for column in left..=right {
                cells.entry((row, column)).or_insert_with(|| value.clone());
            }
        }
    }
    Ok(cells)
}

/// A cell as Excel shows it when copied: numbers in their shortest form
/// (`13931`, `1164.43`; the thousands separators of a display format are not
/// part of the value), dates as `2024-01-15`, booleans as TRUE/FALSE.
fn cell_text(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            if (h, min, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}")
            }
        }
        Data::DateTime(d) => number(d.as_f64()),
        Data::Error(e) => e.to_string(),
    }
}

/// Rust prints an f64 in the shortest form that reads back as the same value,
/// never with an exponent and without `.0` for whole numbers.
fn number(f: f64) -> String {
    if f == 0.0 {
        "0".to_owned()
    } else {
        f.to_string()
    }
}

/// The sheet as tab-separated text, row 1 of the sheet on line 1.
fn to_tsv(cells: Cells) -> Result<String, InputError> {
    // Size first: a few cells far apart would otherwise make a huge text.
    let mut size = 0usize;
    let mut last: Option<(u32, u32)> = None;
    for (&(row, column), text) in &cells {
        let (lines, tabs) = match last {
            Some((r, _)) if r != row => ((row - r) as usize, column as usize),
            Some((_, c)) => (0, (column - c) as usize),
            None => (row as usize, column as usize),
        };
        size = size
            .saturating_add(lines)
            .saturating_add(tabs)
            .saturating_add(text.len() + 2);
        if size > MAX_TEXT {
            return Err(too_much_text());
        }
        last = Some((row, column));
    }
    let mut out = String::with_capacity(size + 1);
    let (mut row_at, mut column_at) = (0u32, 0u32);
    for ((row, column), text) in cells {
        if row != row_at {
            out.extend(std::iter::repeat_n('\n', (row - row_at) as usize));
            (row_at, column_at) = (row, 0);
        }
        out.extend(std::iter::repeat_n('\t', (column - column_at) as usize));
        column_at = column;
        push_cell(&mut out, &text);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    Ok(out)
}

/// Excel's quoting: a cell with a tab, a line break or a quote is quoted, its
/// quotes doubled. Tabs inside a cell become spaces: a cell holding both a tab
/// and a line break is what an unclosed quote looks like to the text reader.
fn push_cell(out: &mut String, text: &str) {
    let text = text.replace('\t', " ");
    if text.contains(['\n', '\r', '"']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_their_shortest_form() {
        assert_eq!(number(13931.0), "13931");
        assert_eq!(number(1164.43), "1164.43");
        assert_eq!(number(24.4), "24.4");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(number(1e21), "1000000000000000000000");
    }

    #[test]
    fn tsv_keeps_row_numbers_and_quotes_like_excel() {
        let cells: Cells = [
            ((2, 1), "a".to_owned()),
            ((2, 3), "x\ny".to_owned()),
            ((4, 0), "say \"hi\"".to_owned()),
            ((4, 1), "tab\there".to_owned()),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            to_tsv(cells).unwrap(),
            "\n\n\ta\t\t\"x\ny\"\n\n\"say \"\"hi\"\"\"\ttab here\n"
        );
        assert_eq!(to_tsv(Cells::new()).unwrap(), "");
    }

    #[test]
    fn merged_regions_are_filled_and_bounded() {
        let cells: Cells = [((0, 0), "单位".to_owned())].into_iter().collect();
        let filled = expand_merged(cells.clone(), &[Dimensions::new((0, 0), (1, 1))]).unwrap();
        assert_eq!(filled.len(), 4);
        assert!(filled.values().all(|v| v == "单位"));
        assert!(expand_merged(cells, &[Dimensions::new((0, 0), (1_048_575, 16_383))]).is_err());
    }

    #[test]
    fn far_apart_cells_are_refused_not_allocated() {
        let cells: Cells = (0..20_000u32)
            .map(|r| ((r * 50, 16_383), "x".to_owned()))
            .collect();
        assert!(to_tsv(cells).is_err());
    }
}
