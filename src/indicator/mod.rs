//! Indicator: reads the 绩效指标 cell, which packs every indicator of a project
//! into one text:
//!
//! `N、{一级code}-{一级name}, {二级code}-{二级name}, {三级name}；实施周期指标值:{value}, 年度指标值:{value}; ;`
//!
//! Separators vary (`,` `，` `;` `；` `; ;` `;,` …) and names may contain commas,
//! so the scanner anchors on the `N、` numbers and on the words 实施周期指标值 /
//! 年度指标值 rather than on commas. Hand-written: a regex engine would weigh more
//! in the wasm than this whole module.

pub mod framework;
pub mod value;

use crate::text::{trim, trim_start, Piece};
use framework::{Family, Level2, LEVEL2};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::ops::Range;
use std::sync::LazyLock;
pub use value::{parse_value, Operator, Value, ValueKind};

/// A level as written in the cell: optional numeric code and a name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Level<'a> {
    pub code: Option<&'a str>,
    pub name: &'a str,
}

impl Level<'_> {
    pub fn is_empty(&self) -> bool {
        self.code.is_none() && self.name.is_empty()
    }

    /// `2-效益指标` as written, for messages.
    pub fn label(&self) -> String {
        match self.code {
            Some(code) => format!("{code}-{}", self.name),
            None => self.name.to_owned(),
        }
    }
}

/// The framework's own codes and names (with or without their 指标:
/// `社会效益指标`, `社会效益`), in which nearly every level is written.
static FRAMEWORK_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    const CODES: [&str; 3] = ["1", "2", "3"];
    let names = Family::ALL.map(Family::name).into_iter();
    let names = names.chain(LEVEL2.iter().map(|l| l.name));
    CODES
        .into_iter()
        .chain(LEVEL2.iter().filter_map(|l| l.code))
        .chain(names.flat_map(|name| [name, name.strip_suffix("指标").unwrap_or(name)]))
        .collect()
});

/// Each of [`FRAMEWORK_WORDS`] and its place (the first, for a word listed
/// twice): looked up four times per indicator, where a walk through the list
/// compared up to some fifty words each time.
static WORD_PLACES: LazyLock<FxHashMap<&'static str, usize>> = LazyLock::new(|| {
    let mut places = FxHashMap::default();
    for (place, word) in FRAMEWORK_WORDS.iter().enumerate() {
        places.entry(*word).or_insert(place);
    }
    places
});

/// An indicator's two levels, as four words (each level's code and name).
/// A word is held as its place among [`FRAMEWORK_WORDS`], one byte: a large
/// table has hundreds of thousands of indicators, and two levels as strings
/// took a quarter of each. The rare word of the table's own is kept apart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Levels {
    /// [`Levels::NONE`] for no code or an empty name, [`Levels::OWN`] for a
    /// word in `own`, else one more than the word's place.
    words: [u8; 4],
    own: Option<Box<[Box<str>; 4]>>,
}

impl Levels {
    const NONE: u8 = 0;
    const OWN: u8 = u8::MAX;

    fn of(levels: [Level; 2]) -> Levels {
        let mut out = Levels::default();
        let written = levels.map(|l| [l.code, Some(l.name).filter(|n| !n.is_empty())]);
        for (at, word) in written.into_iter().flatten().enumerate() {
            let Some(word) = word else { continue };
            out.words[at] = match WORD_PLACES.get(word) {
                Some(&place) if place < usize::from(Levels::OWN - 1) => place as u8 + 1,
                _ => {
                    out.own.get_or_insert_with(Default::default)[at] = word.into();
                    Levels::OWN
                }
            };
        }
        out
    }

    fn word(&self, at: usize) -> Option<&str> {
        match self.words[at] {
            Levels::NONE => None,
            Levels::OWN => self.own.as_ref().map(|own| &*own[at]),
            place => FRAMEWORK_WORDS.get(usize::from(place) - 1).copied(),
        }
    }

    /// The first (0) or second (1) level.
    fn level(&self, which: usize) -> Level<'_> {
        Level {
            code: self.word(2 * which),
            name: self.word(2 * which + 1).unwrap_or_default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Indicator {
    /// The `N` of `N、`, when written.
    pub number: Option<u32>,
    /// Byte range of the whole indicator in the cell text, for highlighting.
    pub span: Range<u32>,
    /// See [`Indicator::level1`] and [`Indicator::level2`].
    levels: Levels,
    /// The third-level name (三级指标).
    pub name: Piece,
    pub period: Value,
    pub annual: Value,
    /// Where the levels put it in the framework, decided once: every rule asks.
    placed: Placement,
    /// In the long layouts: the indicator's own row and the facts it carries.
    pub own_row: Option<Box<OwnRow>>,
}

/// An indicator written on a row of its own (the long layouts).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OwnRow {
    pub row: u32,
    /// The column findings point at: the value's, else the name's.
    pub column: usize,
    /// 权重 as written, and its column.
    pub weight: Option<(usize, String)>,
    /// (column, text) of its 绩效标准 / 指标值确定依据 cell, when the table
    /// has that column (the text may be empty).
    pub standard: Option<(usize, String)>,
    /// 指标方向性 as written (正向, 反向, 越大越好 …).
    pub direction: Option<String>,
    /// 计量单位 as written in its own column.
    pub measure_unit: Option<String>,
    /// The layout has one value column: period and annual are the same text.
    pub single_value: bool,
}

/// The JSON contract: the levels written out as `level1` and `level2`.
impl Serialize for Indicator {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Indicator", 8)?;
        out.serialize_field("annual", &self.annual)?;
        out.serialize_field("level1", &self.level1())?;
        out.serialize_field("level2", &self.level2())?;
        out.serialize_field("name", &self.name)?;
        out.serialize_field("number", &self.number)?;
        out.serialize_field("own_row", &self.own_row)?;
        out.serialize_field("period", &self.period)?;
        out.serialize_field("span", &self.span)?;
        out.end()
    }
}

/// An indicator's place in the framework: its family, and its second level
/// as a place in [`LEVEL2`] (a byte, not a pointer).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Placement {
    family: Option<Family>,
    level2: Option<u8>,
}

impl Placement {
    /// By code when the code is known, else by name; the family falls back
    /// to the second level's.
    fn of(level1: Level, level2: Level) -> Placement {
        let coded = level2.code.is_some();
        // `产出指标（50分）`: a printed weight band is no part of the name.
        let (name1, name2) = (weight_band(level1.name).0, weight_band(level2.name).0);
        let level2 = level2
            .code
            .and_then(Level2::from_code)
            .or_else(|| Level2::from_name(name2));
        let family = level1
            .code
            .and_then(Family::from_code)
            .or_else(|| Family::from_name(name1))
            // A 二级 name merged across both columns (社会公众或服务对象满意度指标
            // in the 一级 column, the 二级 left empty).
            .or_else(|| Level2::from_name(name1).map(|l| l.family))
            .or_else(|| level2.map(|l| l.family));
        // The 2015 framework names 社会公众或服务对象满意度指标 as a second level
        // of 效益指标: a satisfaction indicator, filed where that form files it.
        // (A coded one, 2-效益指标 with 31-…, is code-parent-mismatch's.)
        let family = match (family, level2) {
            (Some(Family::Benefit), Some(l)) if l.family == Family::Satisfaction && !coded => {
                Some(Family::Satisfaction)
            }
            (family, _) => family,
        };
        let place = |known: &Level2| LEVEL2.iter().position(|l| l == known);
        Placement {
            family,
            level2: level2.and_then(place).map(|at| at as u8),
        }
    }
}

impl Indicator {
    /// An indicator read from its own row: levels and name as written (a
    /// `1-产出指标` code prefix is understood), values already parsed.
    pub fn from_row(
        number: u32,
        levels: [&str; 3],
        period: Value,
        annual: Value,
        own_row: OwnRow,
    ) -> Indicator {
        let (level1, level2) = (parse_level(levels[0].trim()), parse_level(levels[1].trim()));
        Indicator {
            number: Some(number),
            span: 0..0,
            placed: Placement::of(level1, level2),
            levels: Levels::of([level1, level2]),
            name: levels[2].trim().into(),
            period,
            annual,
            own_row: Some(Box::new(own_row)),
        }
    }

    /// The first level (一级指标) as written.
    pub fn level1(&self) -> Level<'_> {
        self.levels.level(0)
    }

    /// The second level (二级指标) as written.
    pub fn level2(&self) -> Level<'_> {
        self.levels.level(1)
    }

    /// The first-level family: by code when the code is known, else by name.
    pub fn family(&self) -> Option<Family> {
        self.placed.family
    }

    /// The framework's second level: by code when the code is known, else by name.
    pub fn level2_known(&self) -> Option<&'static Level2> {
        self.placed.level2.map(|at| &LEVEL2[usize::from(at)])
    }

    /// The value a check holds against the year: the annual value, else the
    /// period's (one of them may be blank; a table's amounts are a year's).
    pub fn target(&self) -> &Value {
        if self.annual.is_empty() {
            &self.period
        } else {
            &self.annual
        }
    }

    pub fn is_cost(&self) -> bool {
        self.family() == Some(Family::Cost) || self.level2_known().is_some_and(Level2::is_cost)
    }

    pub fn is_satisfaction(&self) -> bool {
        self.family() == Some(Family::Satisfaction)
    }

    /// The layout has one value column (指标值): period and annual are one text.
    pub fn has_single_value(&self) -> bool {
        self.own_row.as_ref().is_some_and(|o| o.single_value)
    }

    /// Both values, labelled for messages.
    pub fn values(&self) -> [(&'static str, &'static str, &Value); 2] {
        [
            ("实施周期指标值", "period value", &self.period),
            ("年度指标值", "annual value", &self.annual),
        ]
    }

    /// A target is quantitative when either value carries a number.
    pub fn is_quantitative(&self) -> bool {
        self.period.has_number() || self.annual.has_number()
    }

    /// `N、三级名称` for messages.
    pub fn label(&self) -> String {
        match self.number {
            Some(n) => format!("{n}、{}", self.name),
            None => self.name.to_string(),
        }
    }
}

/// What the scanner made of one 绩效指标 cell.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct IndicatorCell {
    pub indicators: Vec<Indicator>,
    /// Text that belongs to no indicator (before the first `N、`).
    pub leftover: Option<String>,
}

/// The two value labels end in 指标值 (or 目标值); what comes before tells which.
const VALUE_WORDS: [&str; 2] = ["指标值", "目标值"];
/// What both value words end in.
const VALUE_WORD_LAST: char = '值';
const PERIOD_PREFIXES: [&str; 3] = ["实施周期", "实施期", "中长期"];
const ANNUAL_PREFIX: &str = "年度";
/// The separators between indicators and their parts. A function rather than
/// a character list: trimming with it compiles to a few comparisons per
/// character instead of a walk through the list.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ',' | '，' | ';' | '；' | '。' | ' ' | '\u{3000}' | '\t' | '\r' | '\n' | '、'
    )
}

/// Replaces HTML tags (`<p>`, `</p>`, `<br/>`) and `&nbsp;` by spaces of the same
/// byte length, so that every offset still points into the original cell.
/// Returns `None` when there is no markup.
pub fn blank_markup(cell: &str) -> Option<String> {
    let bytes = cell.as_bytes();
    // Only `<` and `&` start markup: most cells have neither.
    let mut i = memchr::memchr2(b'<', b'&', bytes)?;
    // The text is copied once, up to each piece of markup and then spaces in
    // its place; `None` until the first piece is found.
    let mut blanked: Option<String> = None;
    let mut copied = 0;
    let mut blank = |blanked: &mut Option<String>, start: usize, end: usize| {
        let out = blanked.get_or_insert_with(|| String::with_capacity(cell.len()));
        // Markup is ASCII, so `start` and `end` are character boundaries.
        out.push_str(&cell[copied..start]);
        out.extend(std::iter::repeat_n(' ', end - start));
        copied = end;
    };
    while i < bytes.len() {
        // Skip to the next `<` or `&` (none at the first: `i` is there).
        match memchr::memchr2(b'<', b'&', &bytes[i..]) {
            Some(skip) => i += skip,
            None => break,
        }
        if bytes[i] == b'<' {
            let name_start = i + 1 + usize::from(bytes.get(i + 1) == Some(&b'/'));
            let is_tag = bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic);
            let close = bytes[i..].iter().take(200).position(|&b| b == b'>');
            if let (true, Some(len)) = (is_tag, close) {
                if bytes[i..=i + len].is_ascii() {
                    blank(&mut blanked, i, i + len + 1);
                    i += len + 1;
                    continue;
                }
            }
        } else if bytes[i..].starts_with(b"&nbsp;") {
            blank(&mut blanked, i, i + 6);
            i += 6;
            continue;
        }
        i += 1;
    }
    let mut out = blanked?;
    out.push_str(&cell[copied..]);
    Some(out)
}

/// Scans a 绩效指标 cell (markup already blanked) into indicators, whose
/// names and values are pieces of `text`.
pub fn parse_indicators(cell_text: &Piece) -> IndicatorCell {
    let text = cell_text.as_str();
    let starts = numbered_starts(text);
    let mut cell = IndicatorCell::default();
    let first = starts.first().map_or(text.len(), |s| s.0);
    let before = text[..first].trim_matches(is_separator);
    if starts.is_empty() {
        // No `N、` numbering: one indicator if the value words are there.
        if has_label(text) {
            cell.indicators
                .push(parse_one(cell_text, 0..text.len(), None));
        } else if !before.is_empty() {
            cell.leftover = Some(before.to_owned());
        }
        return cell;
    }
    if !before.is_empty() {
        cell.leftover = Some(before.to_owned());
    }
    // An indicator is a large struct: grow the vector once.
    cell.indicators.reserve_exact(starts.len());
    for (i, &(start, body_start, number)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |s| s.0);
        let end = start + text[start..end].trim_end_matches(is_separator).len();
        let mut indicator = parse_one(cell_text, body_start..end.max(body_start), Some(number));
        indicator.span = offsets(start..end.max(body_start));
        cell.indicators.push(indicator);
    }
    cell
}

fn has_label(text: &str) -> bool {
    crate::text::contains_any(text, &VALUE_WORDS)
}

/// Positions of `N、` that start an indicator: at the start of the text or after
/// a separator. Returns (start, body start, N).
fn numbered_starts(text: &str) -> Vec<(usize, usize, u32)> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    let mut i = 0;
    // Each turn starts at a run of digits (a digit after a non-digit, since
    // the last run is skipped whole).
    while let Some(skip) = crate::text::next_digit(&bytes[i..]) {
        i += skip;
        let digits_end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let boundary = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| is_separator(c) || matches!(c, ':' | '：'));
        if boundary && text[digits_end..].starts_with('、') {
            // Up to three digits start an indicator; more only where they are
            // the next number (1000 after 999), so that a year in a value
            // (`年度指标值:2024、2025年`) starts none.
            let next = starts
                .last()
                .and_then(|s: &(usize, usize, u32)| s.2.checked_add(1));
            match text[i..digits_end].parse::<u32>() {
                Ok(n) if digits_end - i <= 3 || Some(n) == next => {
                    starts.push((i, digits_end + '、'.len_utf8(), n))
                }
                _ => {}
            }
        }
        i = digits_end;
    }
    starts
}

/// A value label's position and length in the indicator text.
type Label = (usize, usize);

/// Finds the first period and annual value labels.
/// One search for the 值 that both value words end in, not one per word or
/// label spelling: this runs over every indicator of a large table.
fn find_labels(part: &str) -> (Option<Label>, Option<Label>) {
    let (mut period, mut annual) = (None, None);
    // Keeps the first label of each kind.
    let keep = |slot: &mut Option<Label>, start: usize, end: usize| {
        if slot.is_none_or(|(p, _)| start < p) {
            *slot = Some((start, end - start));
        }
    };
    // Found by their last character (a byte search) rather than by substring
    // searches, whose setup costs more than the short texts they run on.
    for (at, _) in part.match_indices(VALUE_WORD_LAST) {
        let end = at + VALUE_WORD_LAST.len_utf8();
        let Some(word) = VALUE_WORDS.iter().find(|w| part[..end].ends_with(**w)) else {
            continue;
        };
        let pos = end - word.len();
        let before = &part[..pos];
        if before.ends_with(ANNUAL_PREFIX) {
            keep(&mut annual, pos - ANNUAL_PREFIX.len(), end);
        } else if let Some(prefix) = PERIOD_PREFIXES.iter().find(|p| before.ends_with(**p)) {
            keep(&mut period, pos - prefix.len(), end);
        }
    }
    (period, annual)
}

/// A range of a cell's text, as held (a cell is far shorter than 4 GB).
fn offsets(range: Range<usize>) -> Range<u32> {
    let at = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
    at(range.start)..at(range.end)
}

/// Reads one indicator's body: the head (levels and name), then the two values.
fn parse_one(text: &Piece, body: Range<usize>, number: Option<u32>) -> Indicator {
    let part = &text[body.clone()];
    let (period, annual) = find_labels(part);
    let head_end = [period, annual]
        .iter()
        .flatten()
        .map(|(p, _)| *p)
        .min()
        .unwrap_or(part.len());
    // A value runs from after its label (and colon) to the next label or the end.
    let value_of = |label: Option<Label>| -> Value {
        let Some((pos, len)) = label else {
            return parse_value(text.part(&part[..0]));
        };
        let start = pos + len;
        let end = [period, annual]
            .iter()
            .flatten()
            .map(|(p, _)| *p)
            .filter(|p| *p > pos)
            .min()
            .unwrap_or(part.len());
        let raw = trim_start(&part[start..end])
            .trim_start_matches([':', '：'])
            .trim_matches(is_separator);
        parse_value(text.part(raw))
    };
    let (level1, level2, name) = parse_head(part[..head_end].trim_matches(is_separator));
    Indicator {
        number,
        span: offsets(body),
        placed: Placement::of(level1, level2),
        levels: Levels::of([level1, level2]),
        name: text.part(name),
        period: value_of(period),
        annual: value_of(annual),
        own_row: None,
    }
}

/// Splits `2-效益指标, 22-社会效益, 政务服务水平` into its levels and name. A part
/// counts as a level only if it has a code or a framework name, so a name that
/// itself contains commas stays whole.
fn parse_head(head: &str) -> (Level<'_>, Level<'_>, &str) {
    let mut rest = head;
    let mut take_level = |is_second: bool| -> Level {
        let (part, after) = match find_comma(rest) {
            Some((p, len)) => (&rest[..p], &rest[p + len..]),
            None => (rest, ""),
        };
        let (code, name) = split_level(trim(part));
        let known = code.is_some()
            || if is_second {
                Level2::from_name(name).is_some()
            } else {
                Family::from_name(name).is_some()
            };
        if known && !trim(after).is_empty() {
            rest = trim_start(after);
            Level { code, name }
        } else {
            Level::default()
        }
    };
    let level1 = take_level(false);
    let level2 = take_level(true);
    (level1, level2, trim(rest))
}

/// The first `,` or `，` and its length, found byte by byte rather than by
/// decoding every character: `，` is the only character whose UTF-8 starts
/// 0xEF 0xBC 0x8C, and a `,` byte is always the character itself.
fn find_comma(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().find_map(|(at, &b)| match b {
        b',' => Some((at, 1)),
        0xEF if bytes[at..].starts_with("，".as_bytes()) => Some((at, "，".len())),
        _ => None,
    })
}

/// A level's name and the weight band a template prints after it:
/// `产出指标（50分）` → (产出指标, 50..=50), `效益指标(权重20-30%)` → (效益指标,
/// 20..=30). Without a band, the name as it is.
pub fn weight_band(name: &str) -> (&str, Option<(Decimal, Decimal)>) {
    let name = trim(name);
    let Some(open) = last_open_bracket(name) else {
        return (name, None);
    };
    let inside = name[open..]
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let bare = inside
        .trim_start_matches("权重")
        .trim_start_matches("分值")
        .trim_start_matches([':', '：'])
        .replace(['分', '%', '％'], "");
    let number = |s: &str| s.trim().parse::<Decimal>().ok();
    let band = match bare.split_once(['-', '－', '~', '～', '—']) {
        Some((lo, hi)) => number(lo).zip(number(hi)),
        None => number(&bare).map(|n| (n, n)),
    };
    match band {
        Some(band) if band.0 <= band.1 => (name[..open].trim_end(), Some(band)),
        _ => (name, None),
    }
}

/// `name.rfind(['(', '（'])`, found by the bytes: most names have no
/// bracket, and the search for two characters decoded every character of the
/// name from its end.
fn last_open_bracket(name: &str) -> Option<usize> {
    let bytes = name.as_bytes();
    (0..bytes.len()).rev().find(|&at| {
        bytes[at] == b'(' || (bytes[at] == 0xEF && bytes[at..].starts_with("（".as_bytes()))
    })
}

/// `22-社会效益` → code 22, name 社会效益; `社会效益` → no code.
fn parse_level(part: &str) -> Level<'_> {
    let (code, name) = split_level(part);
    Level { code, name }
}

/// A level's code and name as written (`2-效益指标` → `2`, `效益指标`), as
/// slices of `part`.
fn split_level(part: &str) -> (Option<&str>, &str) {
    let digits = part.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let after = trim_start(&part[digits..]);
        for dash in ['-', '－', '—', '–'] {
            if let Some(name) = after.strip_prefix(dash) {
                return (Some(&part[..digits]), trim(name));
            }
        }
    }
    (None, part)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The blanking this module had, kept as the reference.
    fn blank_markup_reference(cell: &str) -> Option<String> {
        if !cell.contains('<') && !cell.contains("&nbsp;") {
            return None;
        }
        let mut bytes = cell.as_bytes().to_vec();
        let mut found = false;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'<' {
                let name_start = i + 1 + usize::from(bytes.get(i + 1) == Some(&b'/'));
                let is_tag = bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic);
                let close = bytes[i..].iter().take(200).position(|&b| b == b'>');
                if let (true, Some(len)) = (is_tag, close) {
                    if bytes[i..=i + len].is_ascii() {
                        bytes[i..=i + len].fill(b' ');
                        found = true;
                        i += len + 1;
                        continue;
                    }
                }
            } else if bytes[i..].starts_with(b"&nbsp;") {
                bytes[i..i + 6].fill(b' ');
                found = true;
                i += 6;
                continue;
            }
            i += 1;
        }
        found.then(|| String::from_utf8(bytes).unwrap_or_else(|_| cell.to_owned()))
    }

    proptest! {
        /// The last bracket found by its bytes is the one `rfind` finds,
        /// among other characters that start with the same byte (`）`, `：`).
        #[test]
        fn last_open_bracket_is_rfind(name in "(\\(|（|）|：|，|产出|分|%|1|a){0,12}") {
            prop_assert_eq!(last_open_bracket(&name), name.rfind(['(', '（']));
        }

        #[test]
        fn finds_commas_as_find_does(text in "(,|，|；|a|指|\u{FF0C}|\u{FF1C}){0,12}") {
            let found = text.find([',', '，']).map(|p| (p, text[p..].chars().next().map_or(1, char::len_utf8)));
            prop_assert_eq!(find_comma(&text), found);
        }

        #[test]
        fn blanks_as_the_reference_does(cell in "(<|/|>|p|br|&nbsp;|&|;|指|1、| ){0,30}") {
            prop_assert_eq!(blank_markup(&cell), blank_markup_reference(&cell));
        }
    }

    fn summary(text: &str) -> Vec<(Option<u32>, String, String, String, String, String)> {
        parse_indicators(&text.into())
            .indicators
            .iter()
            .map(|i| {
                (
                    i.number,
                    i.level1().label(),
                    i.level2().label(),
                    i.name.to_string(),
                    i.period.raw.to_string(),
                    i.annual.raw.to_string(),
                )
            })
            .collect()
    }

    fn row(
        n: u32,
        l1: &str,
        l2: &str,
        name: &str,
        p: &str,
        a: &str,
    ) -> (Option<u32>, String, String, String, String, String) {
        (
            Some(n),
            l1.into(),
            l2.into(),
            name.into(),
            p.into(),
            a.into(),
        )
    }

    #[test]
    fn comma_and_semicolon_variants() {
        let text = "1、2-效益指标, 22-社会效益, 政务服务水平；实施周期指标值:得到有效提高, 年度指标值:得到有效提高; ; 2、1-产出指标, 11-数量指标, 出国组团次数；实施周期指标值:1-2次/年, 年度指标值:1-2次/年;";
        assert_eq!(
            summary(text),
            vec![
                row(
                    1,
                    "2-效益指标",
                    "22-社会效益",
                    "政务服务水平",
                    "得到有效提高",
                    "得到有效提高"
                ),
                row(
                    2,
                    "1-产出指标",
                    "11-数量指标",
                    "出国组团次数",
                    "1-2次/年",
                    "1-2次/年"
                ),
            ]
        );
    }

    #[test]
    fn levels_in_the_frameworks_words_or_their_own() {
        let text = "1、9-自定义指标, 22-社会效益, 甲；年度指标值:1个; 2、产出指标, 数量, 乙；年度指标值:1个";
        let cell = parse_indicators(&text.into());
        let [own, known] = &cell.indicators[..] else {
            panic!("{cell:?}")
        };
        let level = |code, name| Level { code, name };
        assert_eq!(
            (own.level1(), own.level2()),
            (
                level(Some("9"), "自定义指标"),
                level(Some("22"), "社会效益")
            )
        );
        assert_eq!(
            (known.level1(), known.level2()),
            (level(None, "产出指标"), level(None, "数量"))
        );
        // Only the words the framework lacks are kept apart.
        assert_eq!(
            own.levels.own.as_ref().map(|o| o.clone().map(String::from)),
            Some([
                "9".into(),
                "自定义指标".into(),
                String::new(),
                String::new()
            ])
        );
        assert_eq!(
            (
                known.levels.own.as_ref(),
                known.levels.words.contains(&Levels::NONE)
            ),
            (None, true)
        );
        assert_eq!(Indicator::clone(own), *own);
    }
    #[test]
    fn indicators_numbered_past_999_and_years_in_values() {
        let one = |n: u32| {
            format!("{n}、1-产出指标, 11-数量指标, 项目{n}；实施周期指标值:2024、2025年, 年度指标值:{n}个; ; ")
        };
        let text: String = (998..=1001).map(one).collect();
        let numbers: Vec<Option<u32>> = summary(&text).into_iter().map(|r| r.0).collect();
        assert_eq!(numbers, [Some(998), Some(999), Some(1000), Some(1001)]);
        assert_eq!(
            summary(&text)[2].4,
            "2024、2025年",
            "a year is no number of an indicator"
        );
    }

    #[test]
    fn full_width_separators_markup_and_commas_in_values() {
        let raw = "<p>1、3-满意度指标,31-服务对象满意度,服务对象满意度(%)；实施周期指标值:100%,年度指标值:98%；,2、1-产出指标,12-质量指标,学历、职称要求; 实施周期指标值:计算机相关专业, 研究生以上学历, 年度指标值：计算机相关专业;</p>";
        let text = blank_markup(raw).unwrap();
        assert_eq!(text.len(), raw.len());
        assert_eq!(
            summary(&text),
            vec![
                row(
                    1,
                    "3-满意度指标",
                    "31-服务对象满意度",
                    "服务对象满意度(%)",
                    "100%",
                    "98%"
                ),
                row(
                    2,
                    "1-产出指标",
                    "12-质量指标",
                    "学历、职称要求",
                    "计算机相关专业, 研究生以上学历",
                    "计算机相关专业"
                ),
            ]
        );
    }

    #[test]
    fn names_with_commas_and_no_codes() {
        let text =
            "1、产出指标，数量指标，一、二类视频联网率，覆盖率；实施周期指标值:90%，年度指标值:90%";
        assert_eq!(
            summary(text),
            vec![row(
                1,
                "产出指标",
                "数量指标",
                "一、二类视频联网率，覆盖率",
                "90%",
                "90%"
            )]
        );
    }

    #[test]
    fn leftover_text_and_spans() {
        let text = "说明文字 1、1-产出指标, 11-数量指标, 人数; 实施周期指标值:1人, 年度指标值:1人;";
        let cell = parse_indicators(&text.into());
        assert_eq!(cell.leftover.as_deref(), Some("说明文字"));
        let span = cell.indicators[0].span.start as usize..cell.indicators[0].span.end as usize;
        assert!(text[span.clone()].starts_with("1、1-产出指标") && text[span].ends_with("1人"));
    }

    #[test]
    fn no_indicator_in_free_text() {
        let cell = parse_indicators(&"完成全年工作任务".into());
        assert!(cell.indicators.is_empty());
        assert_eq!(cell.leftover.as_deref(), Some("完成全年工作任务"));
    }
}
