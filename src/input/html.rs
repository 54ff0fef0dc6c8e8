//! Tables copied from a web page or from WPS/Excel arrive on the clipboard as
//! HTML as well as plain text. The plain text loses merged cells (rowspan and
//! colspan) and line breaks inside cells; the HTML keeps them. This reads the
//! largest `<table>` of such HTML into tab-separated text with every span
//! expanded. Only text is taken: nothing of the HTML ever reaches the page as
//! HTML.

use crate::text::Message;

/// The clipboard HTML's table as tab-separated text, when the HTML holds a
/// table with structure that the plain text loses (merged cells or line
/// breaks inside cells); `None` otherwise, so the plain text is used.
/// A table whose merged cells would spell out more than [`MAX_SPAN_CELLS`]
/// positions or [`MAX_SPAN_BYTES`] of copied text is refused with a message:
/// four cells of 4 KB of HTML could otherwise ask for gigabytes.
pub fn table_text(html: &str) -> Result<Option<String>, Message> {
    let Some(table) = largest_table(html).map_err(|SpansTooLarge| spans_too_large())? else {
        return Ok(None);
    };
    if !table.structured {
        return Ok(None);
    }
    // Spreadsheet quoting, by hand: the csv writer would bring float parsing
    // into the page's first load for nothing.
    let quote = |cell: &String| {
        if cell.contains(['\t', '\n', '\r', '"']) {
            format!("\"{}\"", cell.replace('"', "\"\""))
        } else {
            cell.clone()
        }
    };
    Ok(Some(
        table
            .rows
            .iter()
            .map(|row| row.iter().map(quote).collect::<Vec<_>>().join("\t") + "\n")
            .collect(),
    ))
}

/// Grid positions that merged cells may fill in all.
pub const MAX_SPAN_CELLS: usize = 4_000_000;
/// Text that merged cells may copy into the positions they cover, in all.
pub const MAX_SPAN_BYTES: usize = 64 << 20;

/// The spans of a table ask for more than the bounds allow.
struct SpansTooLarge;

fn spans_too_large() -> Message {
    Message::new(
        format!(
            "无法读取剪贴板中的表格：合并单元格展开后超过 {} 万个单元格或 {} MB 文字。请用“粘贴为纯文本”（Ctrl+Shift+V）粘贴，或保存为文件后拖入。",
            MAX_SPAN_CELLS / 10_000,
            MAX_SPAN_BYTES >> 20
        ),
        format!(
            "Cannot read the table on the clipboard: its merged cells would fill more than {} million cells or {} MB of text. Paste it as plain text (Ctrl+Shift+V), or save it as a file and drop that.",
            MAX_SPAN_CELLS / 1_000_000,
            MAX_SPAN_BYTES >> 20
        ),
    )
}

struct Table {
    rows: Vec<Vec<String>>,
    /// Some cell spans rows or columns, or holds a line break.
    structured: bool,
}

/// A cell being read, with its spans.
struct Cell {
    text: String,
    rows: usize,
    columns: usize,
}

/// Reads every top-level `<table>` and keeps the one with the most rows.
fn largest_table(html: &str) -> Result<Option<Table>, SpansTooLarge> {
    // Lowercased once (ASCII only, so positions stay valid): lowercasing the
    // rest again for every table made many small tables quadratic.
    let lower = html.to_ascii_lowercase();
    let mut best: Option<Table> = None;
    let mut from = 0;
    while let Some(start) = find_tag(&lower, from, "table") {
        let end = find_closing(&lower[start..], "table").map_or(html.len(), |e| start + e);
        let table = read_table(&html[start..end])?;
        if best
            .as_ref()
            .is_none_or(|b| table.rows.len() > b.rows.len())
        {
            best = Some(table);
        }
        from = end;
    }
    Ok(best.filter(|t| !t.rows.is_empty()))
}

/// Position of the next opening `<name` tag at or after `from` in lowercased HTML.
fn find_tag(lower: &str, mut from: usize, name: &str) -> Option<usize> {
    let needle = format!("<{name}");
    while let Some(i) = lower[from..].find(&needle) {
        let at = from + i;
        let next = lower
            .as_bytes()
            .get(at + needle.len())
            .copied()
            .unwrap_or(b'>');
        if next == b'>' || next.is_ascii_whitespace() || next == b'/' {
            return Some(at);
        }
        from = at + needle.len();
    }
    None
}

fn find_closing(lower: &str, name: &str) -> Option<usize> {
    let needle = format!("</{name}");
    lower.find(&needle).map(|i| i + needle.len())
}

fn read_table(html: &str) -> Result<Table, SpansTooLarge> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut cell: Option<Cell> = None;
    let mut structured = false;
    let mut skip_until: Option<&'static str> = None;
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let next = html[i..].find('<').map_or(html.len(), |n| i + n);
            if let (Some(cell), None) = (cell.as_mut(), skip_until) {
                push_text(&mut cell.text, &decode_entities(&html[i..next]));
            }
            i = next;
            continue;
        }
        let end = html[i..].find('>').map_or(html.len(), |n| i + n + 1);
        let tag = &html[i..end];
        i = end;
        let (closing, name) = tag_name(tag);
        if let Some(until) = skip_until {
            if closing && name == until {
                skip_until = None;
            }
            continue;
        }
        match (closing, name.as_str()) {
            (false, "style" | "script" | "head" | "title") => {
                skip_until = Some(match name.as_str() {
                    "style" => "style",
                    "script" => "script",
                    "head" => "head",
                    _ => "title",
                })
            }
            (false, "tr") => {
                finish_cell(&mut rows, &mut cell);
                rows.push(Vec::new());
            }
            (false, "td" | "th") => {
                finish_cell(&mut rows, &mut cell);
                let span = |attr: &str| {
                    attribute(tag, attr)
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, 1000)
                };
                let (rows_span, columns_span) = (span("rowspan"), span("colspan"));
                structured |= rows_span > 1 || columns_span > 1;
                cell = Some(Cell {
                    text: String::new(),
                    rows: rows_span,
                    columns: columns_span,
                });
            }
            (_, "br") => {
                if let Some(cell) = cell.as_mut() {
                    cell.text.push('\n');
                    structured = true;
                }
            }
            (true, "p" | "div") => {
                if let Some(cell) = cell.as_mut() {
                    if !cell.text.trim().is_empty() {
                        cell.text.push('\n');
                    }
                }
            }
            (true, "td" | "th" | "tr") => finish_cell(&mut rows, &mut cell),
            _ => {}
        }
    }
    finish_cell(&mut rows, &mut cell);
    Ok(Table {
        rows: expand(rows)?,
        structured,
    })
}

fn finish_cell(rows: &mut Vec<Vec<Cell>>, cell: &mut Option<Cell>) {
    if let Some(mut done) = cell.take() {
        done.text = done
            .text
            .trim_matches(|c: char| c.is_whitespace())
            .to_owned();
        if rows.is_empty() {
            rows.push(Vec::new());
        }
        if let Some(row) = rows.last_mut() {
            row.push(done);
        }
    }
}

/// Collapses runs of HTML whitespace into one space, as a browser would.
fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        if c == '\n' || c == '\r' || c == '\t' || c == ' ' {
            if !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Lays the cells out on a grid, copying a merged cell's text into every
/// position it covers (what the long layouts' fill-down expects), once the
/// spans are known to stay within the bounds.
fn expand(rows: Vec<Vec<Cell>>) -> Result<Vec<Vec<String>>, SpansTooLarge> {
    let (mut positions, mut bytes) = (0usize, 0usize);
    for cell in rows.iter().flatten() {
        let covered = cell.rows.min(10_000).saturating_mul(cell.columns);
        positions = positions.saturating_add(covered);
        bytes = bytes.saturating_add(covered.saturating_mul(cell.text.len() + 1));
        if positions > MAX_SPAN_CELLS || bytes > MAX_SPAN_BYTES {
            return Err(SpansTooLarge);
        }
    }
    let mut grid: Vec<Vec<Option<String>>> = Vec::new();
    for (r, row) in rows.into_iter().enumerate() {
        if grid.len() <= r {
            grid.resize(r + 1, Vec::new());
        }
        let mut column = 0;
        for cell in row {
            while grid[r].get(column).is_some_and(Option::is_some) {
                column += 1;
            }
            for dr in 0..cell.rows.min(10_000) {
                if grid.len() <= r + dr {
                    grid.resize(r + dr + 1, Vec::new());
                }
                for dc in 0..cell.columns {
                    let target = &mut grid[r + dr];
                    if target.len() <= column + dc {
                        target.resize(column + dc + 1, None);
                    }
                    target[column + dc] = Some(cell.text.clone());
                }
            }
            column += cell.columns;
        }
    }
    Ok(grid
        .into_iter()
        .map(|row| row.into_iter().map(Option::unwrap_or_default).collect())
        .collect())
}

/// `("td", false)` from `<td class=x>`, `("tr", true)` from `</tr>`.
fn tag_name(tag: &str) -> (bool, String) {
    let inner = tag.trim_start_matches('<');
    let closing = inner.starts_with('/');
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    (closing, name.to_ascii_lowercase())
}

/// An attribute's value, quoted or not: `rowspan="2"`, `colspan=3`.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let value = &tag[at..];
    let value = value.trim_start_matches(['"', '\'']);
    let end = value
        .find(|c: char| c == '"' || c == '\'' || c == '>' || c.is_whitespace())
        .unwrap_or(value.len());
    Some(&value[..end])
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let entity = &rest[1..e];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ if entity.starts_with("#x") || entity.starts_with("#X") => {
                    u32::from_str_radix(&entity[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if entity.starts_with('#') => entity[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, length)) => {
                out.push(c);
                rest = &rest[length..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_expanded_and_entities_decoded() {
        let html = "<html><head><style>td{}</style></head><body><table>\
            <tr><td rowspan=2>A &amp; B</td><td colspan=\"2\">x</td></tr>\
            <tr><td>1</td><td>2<br>3</td></tr></table></body></html>";
        assert_eq!(
            table_text(html).unwrap().unwrap(),
            "A & B\tx\tx\nA & B\t1\t\"2\n3\"\n"
        );
    }

    #[test]
    fn plain_tables_are_left_to_the_plain_text() {
        assert_eq!(
            table_text("<table><tr><td>a</td><td>b</td></tr></table>"),
            Ok(None)
        );
        assert_eq!(table_text("<p>no table</p>"), Ok(None));
        assert_eq!(table_text(""), Ok(None));
    }

    #[test]
    fn hostile_markup_stays_text() {
        let html = "<table><tr><td rowspan=2><script>alert(1)</script><img src=x onerror=alert(1)>&lt;b&gt;</td></tr></table>";
        assert_eq!(table_text(html).unwrap().unwrap(), "<b>\n<b>\n");
    }

    #[test]
    fn broken_html_never_panics() {
        for html in [
            "<table><tr><td rowspan=999999999>x",
            "<table",
            "<table><td colspan=-1>",
            "<table><tr><td>&#xFFFFFFFF;&#55296;</td>",
            "<TABLE><TR><TD ROWSPAN=2>a</TD></TR></TABLE>",
        ] {
            let _ = table_text(html);
        }
    }

    #[test]
    fn hostile_sizes_stay_bounded() {
        // 5 000 cells each spanning 1000 × 1000, and four of them with 1 KB of
        // text each (4 KB of HTML that would copy 4 GB): a message, at once.
        let bomb = format!(
            "<table>{}</table>",
            "<tr><td rowspan=1000 colspan=1000>x</td></tr>".repeat(5_000)
        );
        let text_bomb = format!(
            "<table>{}</table>",
            format!(
                "<tr><td rowspan=1000 colspan=1000>{}</td></tr>",
                "长".repeat(340)
            )
            .repeat(4)
        );
        assert!(text_bomb.len() < 5_000);
        for html in [&bomb, &text_bomb] {
            let message = table_text(html).expect_err("refused");
            assert!(message.zh.contains("合并单元格"), "{}", message.zh);
            assert!(message.en.contains("merged cells"), "{}", message.en);
        }
        // Spans within the bounds are still read.
        let merged = "<table><tr><td rowspan=3>单位</td><td>a</td></tr><tr><td>b</td></tr><tr><td>c</td></tr></table>";
        assert_eq!(
            table_text(merged).unwrap().unwrap(),
            "单位\ta\n单位\tb\n单位\tc\n"
        );
        // 20 000 small tables and 50 000 nested ones: read in one pass each.
        let many = "<table><tr><td>a<br>b</td></tr></table>".repeat(20_000);
        assert!(table_text(&many).unwrap().is_some());
        let nested = format!(
            "{}{}",
            "<table><tr><td>".repeat(50_000),
            "</td></tr></table>".repeat(50_000)
        );
        let _ = table_text(&nested);
    }
}
