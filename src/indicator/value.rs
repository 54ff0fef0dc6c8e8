//! An indicator value (实施周期指标值 / 年度指标值) read into operator, number and
//! unit, or kept as a qualitative text.

use crate::text::{trim, trim_start, Piece};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::sync::LazyLock;

/// The comparison a target states: budget systems use ≥ > = < ≤.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Operator {
    #[serde(rename = "≥")]
    AtLeast,
    #[serde(rename = ">")]
    Above,
    #[serde(rename = "=")]
    Equal,
    #[serde(rename = "<")]
    Below,
    #[serde(rename = "≤")]
    AtMost,
    /// A range such as `1-2次/年`: `number` is the low end, `upper` the high end.
    #[serde(rename = "~")]
    Between,
}

impl Operator {
    pub fn symbol(self) -> &'static str {
        match self {
            Operator::AtLeast => "≥",
            Operator::Above => ">",
            Operator::Equal => "=",
            Operator::Below => "<",
            Operator::AtMost => "≤",
            Operator::Between => "~",
        }
    }
}

/// How much of a value is a measurable quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    /// Nothing written.
    Empty,
    /// Only a quantity: operator, number, unit (`≥95%`, `200元/套为最高限价`).
    Quantity,
    /// A number inside a longer text (`为群众节省服务邮费3.65万元`).
    Mixed,
    /// No number at all (`得到有效提高`, `合格`).
    Qualitative,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value {
    /// The value as written (markup removed, trimmed): a piece of its cell.
    pub raw: Piece,
    /// What few values have, apart (a large table has two values for each
    /// of its hundreds of thousands of indicators).
    rare: Option<Box<Rare>>,
    pub operator: Option<Operator>,
    /// The number, or a range's low end (see [`Value::upper`]).
    pub number: Option<Decimal>,
    /// See [`Value::unit`]: one byte for what nearly every unit is, a word
    /// of [`UNITS`] (a large table has two values for each indicator).
    unit: Unit,
    pub kind: ValueKind,
    /// See [`Value::is_placeholder`].
    placeholder: bool,
}

/// See [`Value::text`], [`Value::upper`] and [`Value::unit`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Rare {
    /// `None` when it is `raw` itself.
    text: Option<Piece>,
    upper: Option<Decimal>,
    /// A unit made of two (`元/人`).
    unit: Option<String>,
}

/// A value's unit in one byte: [`Unit::NONE`], a word of [`UNITS`] by its
/// place, or [`Unit::COMPOSED`] (one made of two, `元/人`, kept in [`Rare`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Unit(u8);

const _: () = assert!(UNITS.len() < u8::MAX as usize);

impl Unit {
    const NONE: Unit = Unit(0);
    const COMPOSED: Unit = Unit(u8::MAX);

    /// The word at `at` in [`UNITS`], by the first place of the word it
    /// shows (`个月` as `月`), so that equal units compare equal.
    fn listed(at: usize) -> Unit {
        let word = shown(UNITS[at]);
        let at = if word == UNITS[at] {
            at
        } else {
            UNITS.iter().position(|u| *u == word).unwrap_or(at)
        };
        // UNITS has fewer than 255 words.
        Unit(at as u8 + 1)
    }

    /// The word of [`UNITS`] it is, unless none or composed.
    fn word(self) -> Option<&'static str> {
        let at = usize::from(self.0).checked_sub(1)?;
        UNITS.get(at).map(|unit| shown(unit))
    }
}

/// A unit as a value shows it: `个月` reads `月`, `个` stays `个`.
fn shown(unit: &'static str) -> &'static str {
    match unit.trim_start_matches('个') {
        "" => unit,
        rest => rest,
    }
}

/// The JSON contract: `text` written out whether or not it is `raw`, and
/// `upper` beside `number`.
impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Value", 7)?;
        out.serialize_field("kind", &self.kind)?;
        out.serialize_field("number", &self.number)?;
        out.serialize_field("operator", &self.operator)?;
        out.serialize_field("raw", &self.raw)?;
        out.serialize_field("text", self.text())?;
        out.serialize_field("unit", &self.unit())?;
        out.serialize_field("upper", &self.upper())?;
        out.end()
    }
}

impl Value {
    /// `raw` without a `标准:` prefix and trailing punctuation, half-width.
    pub fn text(&self) -> &str {
        let text = self.rare.as_ref().and_then(|r| r.text.as_deref());
        text.unwrap_or(self.raw.as_str())
    }

    /// A range's high end (`1-2次/年`: 2), the low end being `number`.
    pub fn upper(&self) -> Option<Decimal> {
        self.rare.as_ref().and_then(|r| r.upper)
    }

    /// The unit, as the framework's own word (`%`, `万元`), or one made of
    /// two (`元/人`).
    pub fn unit(&self) -> Option<&str> {
        match self.unit {
            Unit::COMPOSED => self.rare.as_ref().and_then(|r| r.unit.as_deref()),
            listed => listed.word(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.kind == ValueKind::Empty
    }

    pub fn has_number(&self) -> bool {
        self.number.is_some()
    }

    pub fn is_percent(&self) -> bool {
        self.unit() == Some("%")
    }

    /// A template blank left in place: `控制数`, `XX`, `**`, `/`, `无`, `待定`, `≥**%`.
    pub fn is_placeholder(&self) -> bool {
        self.placeholder
    }
}

/// Decided once at parse time: several rules ask.
fn looks_like_placeholder(text: &str) -> bool {
    // Placeholders are short; most values are not.
    if text.is_empty() || text.len() > 24 {
        return false;
    }
    // The text without comparison signs, percent and spaces, compared in
    // place: this runs for every value of a large table.
    let core = || {
        text.chars()
            .filter(|c| !matches!(c, '≥' | '≤' | '>' | '<' | '=' | '%' | ' '))
    };
    const WORDS: [&str; 8] = ["控制数", "无", "待定", "待填", "暂无", "略", "tbd", "未定"];
    let is_mark = |c: char| {
        matches!(
            c,
            'x' | 'X' | '*' | '/' | '-' | '—' | '…' | '.' | '?' | '？' | '×'
        )
    };
    // Most values start with a character that starts no word and is no mark.
    let Some(first) = core().next() else {
        return false;
    };
    if !is_mark(first)
        && !WORDS
            .iter()
            .any(|w| w.starts_with(first.to_ascii_lowercase()))
    {
        return false;
    }
    let is_word = |word: &str| {
        let mut chars = word.chars();
        core().all(|c| chars.next() == Some(c.to_ascii_lowercase())) && chars.next().is_none()
    };
    WORDS.iter().any(|w| is_word(w)) || core().all(is_mark)
}

/// Words that state the comparison, longest first so that 不少于 wins over 少于.
const OPERATOR_WORDS: [(&str, Operator); 29] = [
    ("大于等于", Operator::AtLeast),
    ("小于等于", Operator::AtMost),
    ("最高限价", Operator::AtMost),
    ("不少于", Operator::AtLeast),
    ("不低于", Operator::AtLeast),
    ("不小于", Operator::AtLeast),
    ("及以上", Operator::AtLeast),
    ("不超过", Operator::AtMost),
    ("不高于", Operator::AtMost),
    ("不大于", Operator::AtMost),
    ("及以下", Operator::AtMost),
    ("控制在", Operator::AtMost),
    ("至少", Operator::AtLeast),
    ("以上", Operator::AtLeast),
    ("达到", Operator::AtLeast),
    ("以内", Operator::AtMost),
    ("之内", Operator::AtMost),
    ("以下", Operator::AtMost),
    ("最多", Operator::AtMost),
    ("最高", Operator::AtMost),
    ("超过", Operator::Above),
    ("多于", Operator::Above),
    ("高于", Operator::Above),
    ("大于", Operator::Above),
    ("少于", Operator::Below),
    ("低于", Operator::Below),
    ("小于", Operator::Below),
    ("达", Operator::AtLeast),
    ("内", Operator::AtMost),
];

const SYMBOLS: [(&str, Operator); 10] = [
    (">=", Operator::AtLeast),
    ("<=", Operator::AtMost),
    ("≥", Operator::AtLeast),
    ("≧", Operator::AtLeast),
    ("≤", Operator::AtMost),
    ("≦", Operator::AtMost),
    (">", Operator::Above),
    ("<", Operator::Below),
    ("=", Operator::Equal),
    ("≈", Operator::Equal),
];

/// Units recognised after a number, longest first. A `/X` denominator may follow.
const UNITS: [&str; 79] = [
    "个工作日",
    "平方公里",
    "平方米",
    "立方米",
    "工作日",
    "个小时",
    "个月",
    "万人次",
    "人次",
    "户次",
    "万元",
    "亿元",
    "千元",
    "万人",
    "万次",
    "万份",
    "万条",
    "万册",
    "万个",
    "平方",
    "平米",
    "公里",
    "千米",
    "小时",
    "分钟",
    "学时",
    "课时",
    "公顷",
    "GB",
    "TB",
    "Mbps",
    "KVA",
    "kVA",
    "KW",
    "kW",
    "MW",
    "km",
    "%",
    "‰",
    "㎡",
    "元",
    // `250万` as forms write 250 万元 (after every 万… unit above).
    "万",
    "个",
    "人",
    "次",
    "项",
    "名",
    "台",
    "套",
    "家",
    "所",
    "条",
    "场",
    "批",
    "户",
    "座",
    "间",
    "处",
    "件",
    "份",
    "篇",
    "期",
    "天",
    "日",
    "月",
    "年",
    "周",
    "秒",
    "亩",
    "米",
    "吨",
    "辆",
    "册",
    "本",
    "组",
    "张",
    "类",
    "部",
    "宗",
];

/// The places in [`UNITS`] of the units that start with each character, in
/// the order of [`UNITS`] (only units with the same first character can both
/// match, so the first match among them is the first in [`UNITS`]).
static UNITS_BY_FIRST: LazyLock<FxHashMap<char, Vec<u8>>> = LazyLock::new(|| {
    let mut by_first: FxHashMap<char, Vec<u8>> = FxHashMap::default();
    for (at, unit) in UNITS.iter().enumerate() {
        if let Some(first) = unit.chars().next() {
            by_first.entry(first).or_default().push(at as u8);
        }
    }
    by_first
});

/// The place in [`UNITS`] of the first unit that `text` starts with. Only the
/// units that start with its first character are compared: this runs for
/// every number of a large table, and most numbers are followed by a unit
/// that a walk through the whole list reached late (`%`).
fn unit_at(text: &str) -> Option<usize> {
    let first = text.chars().next()?;
    UNITS_BY_FIRST
        .get(&first)?
        .iter()
        .map(|&at| usize::from(at))
        .find(|&at| text.starts_with(UNITS[at]))
}

/// A date or a span of dates, which needs no unit: `2023.07-2024.01`,
/// `2024.12`, `2024-06-30` (a year of 19xx or 20xx, then `.`, `-` or `/`).
pub fn is_date(text: &str) -> bool {
    let b = trim(text).as_bytes();
    b.len() >= 6
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(&b[..2], b"19" | b"20")
        && matches!(b[4], b'.' | b'-' | b'/')
        && b[5].is_ascii_digit()
}

/// Reads a value as written in the 绩效指标 cell: a piece of it, or a text
/// of its own (`&str`, `String`).
pub fn parse_value(raw: impl Into<Piece>) -> Value {
    let mut raw: Piece = raw.into();
    raw.narrow(trim);
    let half = crate::text::half_width(&raw);
    let mut text = trim(&half);
    for prefix in ["标准:", "指标值:", "目标值:"] {
        if let Some(rest) = text.strip_prefix(prefix) {
            text = trim_start(rest);
        }
    }
    let text = text.trim_end_matches(|c: char| {
        matches!(c, '。' | '.' | ';' | '；' | ',' | '，' | '、') || c.is_whitespace()
    });
    // A slice of `raw` unless made half-width.
    let text = (text != raw.as_str()).then(|| raw.part(text));
    let text_shown = text.as_deref().unwrap_or(raw.as_str());
    let placeholder = looks_like_placeholder(text_shown);
    let facts = read_quantity(text_shown);
    let rare = Rare {
        text,
        upper: facts.upper,
        unit: facts.composed,
    };
    Value {
        raw,
        rare: (rare != Rare::default()).then(|| Box::new(rare)),
        operator: facts.operator,
        number: facts.number,
        unit: facts.unit,
        kind: facts.kind,
        placeholder,
    }
}

/// What [`read_quantity`] finds in a value's text.
struct Quantity {
    operator: Option<Operator>,
    number: Option<Decimal>,
    upper: Option<Decimal>,
    unit: Unit,
    /// The unit when it is [`Unit::COMPOSED`].
    composed: Option<String>,
    kind: ValueKind,
}

impl Quantity {
    fn compose(&mut self, unit: String) {
        self.unit = Unit::COMPOSED;
        self.composed = Some(unit);
    }
}

/// The operator, number(s), unit and kind of a value's text.
fn read_quantity(text: &str) -> Quantity {
    let mut value = Quantity {
        operator: None,
        number: None,
        upper: None,
        unit: Unit::NONE,
        composed: None,
        kind: ValueKind::Empty,
    };
    if text.is_empty() {
        return value;
    }
    let Some(found) = find_number(text) else {
        value.kind = ValueKind::Qualitative;
        value.operator = leading_symbol(text).map(|(op, _)| op);
        return value;
    };
    let before = &text[..found.start];
    let mut after = &text[found.end..];
    value.number = Some(found.number);
    value.upper = found.upper;

    // Unit: a known unit right after the number (one space allowed), then an optional `/X`.
    let trimmed = after.strip_prefix(' ').unwrap_or(after);
    if let Some(at) = unit_at(trimmed) {
        let unit = UNITS[at];
        value.unit = Unit::listed(at);
        after = &trimmed[unit.len()..];
        if let Some(rest) = after.strip_prefix('/') {
            // `元/生`: per pupil, a unit only after a slash.
            let pupil = rest.starts_with('生').then_some("生");
            if let Some(per) = unit_at(rest).map(|at| UNITS[at]).or(pupil) {
                value.compose(format!("{}/{per}", shown(unit)));
                after = &rest[per.len()..];
            }
        }
    }

    // What is left around the quantity: operator words, a 每X prefix, filler.
    let (mut before, mut per) = (before, None);
    for period in [
        "每天",
        "每日",
        "每月",
        "每年",
        "每周",
        "每季度",
        "每次",
        "每人",
        "每个",
    ] {
        if let Some(rest) = before.strip_suffix(period) {
            before = rest;
            per = Some(&period[3..]);
        }
    }
    if let (Some(per), Some(unit)) = (per, value.unit.word()) {
        value.compose(format!("{unit}/{per}"));
    }
    let mut operator = if found.upper.is_some() {
        Some(Operator::Between)
    } else {
        None
    };
    let before = strip_operators(trim(before), &mut operator, true);
    after = trim_start(after);
    after = after.strip_prefix('为').unwrap_or(after);
    let after = strip_operators(trim(after), &mut operator, false);
    let after = after.trim_start_matches('左').trim_start_matches('右');
    value.operator = Some(operator.unwrap_or(Operator::Equal));
    value.kind = if before.is_empty() && after.is_empty() {
        ValueKind::Quantity
    } else {
        ValueKind::Mixed
    };
    value
}

fn leading_symbol(text: &str) -> Option<(Operator, usize)> {
    SYMBOLS
        .iter()
        .find(|(s, _)| text.starts_with(s))
        .map(|(s, op)| (*op, s.len()))
}

/// Removes operator symbols and words from the edge of `text` next to the number
/// (`before`: its end and its start; otherwise its start), noting the operator.
fn strip_operators<'a>(
    mut text: &'a str,
    operator: &mut Option<Operator>,
    before: bool,
) -> &'a str {
    loop {
        // Most often nothing is left around the number: every value comes here twice.
        if text.is_empty() {
            return text;
        }
        let start = text.len();
        if let Some((op, len)) = leading_symbol(text) {
            operator.get_or_insert(op);
            text = text[len..].trim_start();
        }
        // The byte at the edge compared before the word: most words differ there.
        let edge = |t: &str| {
            if before {
                t.bytes().last()
            } else {
                t.bytes().next()
            }
        };
        let at_edge = edge(text);
        for &(word, op) in &OPERATOR_WORDS {
            if edge(word) != at_edge {
                continue;
            }
            let stripped = if before {
                text.strip_suffix(word)
            } else {
                text.strip_prefix(word)
            };
            if let Some(rest) = stripped {
                operator.get_or_insert(op);
                text = rest.trim();
                break;
            }
        }
        if before {
            for &(symbol, op) in &SYMBOLS {
                if let Some(rest) = text.strip_suffix(symbol) {
                    operator.get_or_insert(op);
                    text = rest.trim_end();
                }
            }
        }
        if text.len() == start {
            return text;
        }
    }
}

struct FoundNumber {
    start: usize,
    end: usize,
    number: Decimal,
    upper: Option<Decimal>,
}

/// Finds the first number: Arabic digits (with `1-2` ranges), else Chinese
/// numerals followed by a unit (`两个场景`).
fn find_number(text: &str) -> Option<FoundNumber> {
    if let Some((start, end, number)) = arabic_at(text, 0) {
        let mut found = FoundNumber {
            start,
            end,
            number,
            upper: None,
        };
        let rest = &text[end..];
        for dash in ["-", "~", "～", "—", "至"] {
            if let Some(after) = rest.strip_prefix(dash) {
                if let Some((s, e, upper)) = arabic_at(after, 0).filter(|(s, _, _)| *s == 0) {
                    let _ = s;
                    found.end = end + dash.len() + e;
                    found.upper = Some(upper);
                }
                break;
            }
        }
        return Some(found);
    }
    chinese_number(text)
}

/// The first run of Arabic digits at or after `from`, with an optional decimal
/// part and thousands separators (`20,000`).
fn arabic_at(text: &str, from: usize) -> Option<(usize, usize, Decimal)> {
    let bytes = text.as_bytes();
    let start = from + bytes[from..].iter().position(u8::is_ascii_digit)?;
    let mut end = start;
    let mut seen_point = false;
    let mut separators = false;
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_digit() {
            end += 1;
        } else if b == b'.' && !seen_point && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            seen_point = true;
            end += 1;
        } else if b == b','
            && !seen_point
            && bytes.len() >= end + 4
            && bytes[end + 1..end + 4].iter().all(u8::is_ascii_digit)
            && !bytes.get(end + 4).is_some_and(u8::is_ascii_digit)
        {
            separators = true;
            end += 1;
        } else {
            break;
        }
    }
    // The digits as written, copied only to drop thousands separators.
    let number = if separators {
        let digits: String = text[start..end].chars().filter(|c| *c != ',').collect();
        Decimal::from_str_exact(&digits)
    } else {
        Decimal::from_str_exact(&text[start..end])
    }
    .ok()?;
    Some((start, end, number))
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Chinese numerals up to the thousands, only when a unit follows them, so that
/// 一体化 or 一、二类 are not read as numbers.
fn chinese_number(text: &str) -> Option<FoundNumber> {
    let is_numeral = |c: char| chinese_digit(c).is_some() || matches!(c, '十' | '百' | '千');
    let mut search = 0;
    while let Some(offset) = text[search..].find(is_numeral) {
        let start = search + offset;
        let end = text[start..]
            .find(|c: char| !is_numeral(c))
            .map_or(text.len(), |e| start + e);
        let (mut total, mut digit) = (0u32, 0u32);
        for c in text[start..end].chars() {
            match (chinese_digit(c), c) {
                (Some(d), _) => digit = d,
                // Saturating: a run of a million 千 is prose, not a number.
                (None, '十') => (total, digit) = (total.saturating_add(digit.max(1) * 10), 0),
                (None, '百') => (total, digit) = (total.saturating_add(digit.max(1) * 100), 0),
                (None, _) => (total, digit) = (total.saturating_add(digit.max(1) * 1000), 0),
            }
        }
        let rest = &text[end..];
        // Only where a quantity is stated (`两个`, `不少于两个`), not inside prose
        // (`任意一个晓屋即可…`).
        let lead = text[..start].trim_end();
        let stated = lead.is_empty()
            || OPERATOR_WORDS.iter().any(|(w, _)| lead.ends_with(w))
            || SYMBOLS.iter().any(|(s, _)| lead.ends_with(s));
        if stated
            && UNITS
                .iter()
                .any(|u| !u.starts_with(|c: char| c.is_ascii()) && *u != "%" && rest.starts_with(u))
        {
            return Some(FoundNumber {
                start,
                end,
                number: Decimal::from(total.saturating_add(digit)),
                upper: None,
            });
        }
        search = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    type Case = (
        &'static str,
        Option<Operator>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        ValueKind,
    );

    /// The units grouped by their first character give the unit that a walk
    /// through the whole list gives: for each unit, each of its beginnings,
    /// and each with text after it.
    #[test]
    fn unit_at_agrees_with_a_walk_through_the_list() {
        let walk = |text: &str| UNITS.iter().position(|u| text.starts_with(u));
        let mut texts: Vec<String> = vec![String::new(), "左右".into(), "abc".into()];
        for unit in UNITS {
            texts.extend(unit.char_indices().map(|(at, _)| unit[..at].to_owned()));
            texts.extend([unit.to_owned(), format!("{unit}/天"), format!("{unit}以上")]);
        }
        for text in &texts {
            assert_eq!(unit_at(text), walk(text), "{text}");
        }
    }

    /// (raw, operator, number, upper, unit, kind)
    #[rustfmt::skip]
    const CASES: &[Case] = {
        use Operator::*;
        use ValueKind::*;
        &[
            ("100%", Some(Equal), Some("100"), None, Some("%"), Quantity),
            ("标准:100%", Some(Equal), Some("100"), None, Some("%"), Quantity),
            ("标准: 100% ", Some(Equal), Some("100"), None, Some("%"), Quantity),
            ("标准:≥95%", Some(AtLeast), Some("95"), None, Some("%"), Quantity),
            ("1-2次/年", Some(Between), Some("1"), Some("2"), Some("次/年"), Quantity),
            ("30135平方", Some(Equal), Some("30135"), None, Some("平方"), Quantity),
            ("每天6000人以上", Some(AtLeast), Some("6000"), None, Some("人/天"), Quantity),
            ("800人/天", Some(Equal), Some("800"), None, Some("人/天"), Quantity),
            ("30", Some(Equal), Some("30"), None, None, Quantity),
            ("458.1489万元", Some(Equal), Some("458.1489"), None, Some("万元"), Quantity),
            ("200元/套为最高限价。", Some(AtMost), Some("200"), None, Some("元/套"), Quantity),
            ("2个小时内", Some(AtMost), Some("2"), None, Some("小时"), Quantity),
            ("50个以上", Some(AtLeast), Some("50"), None, Some("个"), Quantity),
            ("95%以上", Some(AtLeast), Some("95"), None, Some("%"), Quantity),
            ("不少于20000次", Some(AtLeast), Some("20000"), None, Some("次"), Quantity),
            ("每月1次", Some(Equal), Some("1"), None, Some("次/月"), Quantity),
            ("2500KVA (KW)", Some(Equal), Some("2500"), None, Some("KVA"), Mixed),
            ("40万元/年", Some(Equal), Some("40"), None, Some("万元/年"), Quantity),
            ("不少于两个场景可应用数字人民币", Some(AtLeast), Some("2"), None, Some("个"), Mixed),
            ("故障时长不超过5%", Some(AtMost), Some("5"), None, Some("%"), Mixed),
            ("为群众节省服务邮费3.65万元", Some(Equal), Some("3.65"), None, Some("万元"), Mixed),
            ("不少于20,000次", Some(AtLeast), Some("20000"), None, Some("次"), Quantity),
            (">=90%", Some(AtLeast), Some("90"), None, Some("%"), Quantity),
            ("≦3天", Some(AtMost), Some("3"), None, Some("天"), Quantity),
            ("≥**%", Some(AtLeast), None, None, None, Qualitative),
            ("得到有效提高", None, None, None, None, Qualitative),
            ("一体化", None, None, None, None, Qualitative),
            ("两个", Some(Equal), Some("2"), None, Some("个"), Quantity),
            ("企业和群众在任意一个晓屋即可办理", None, None, None, None, Qualitative),
            ("", None, None, None, None, Empty),
            ("标准:", None, None, None, None, Empty),
        ]
    };

    #[test]
    fn reads_the_values_of_the_seed() {
        for &(raw, op, number, upper, unit, kind) in CASES {
            let v = parse_value(raw);
            let dec = |s: Option<&str>| s.map(|s| s.parse::<Decimal>().unwrap());
            assert_eq!(
                (v.operator, v.number, v.upper(), v.unit(), v.kind),
                (op, dec(number), dec(upper), unit, kind),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn a_unit_is_held_in_a_byte_unless_composed() {
        assert!(std::mem::size_of::<Value>() <= 56);
        // `个月` reads `月`, and holds the same byte.
        let (months, month) = (parse_value("3个月"), parse_value("3月"));
        assert_eq!((months.unit(), months.unit), (Some("月"), month.unit));
        assert!(months.rare.is_none());
        let per = parse_value("每年2次");
        assert_eq!((per.unit(), per.unit), (Some("次/年"), Unit::COMPOSED));
        assert_eq!(
            (parse_value("合格").unit(), parse_value("").unit),
            (None, Unit::NONE)
        );
    }

    /// The placeholder test as first written, kept as the reference.
    fn looks_like_placeholder_reference(text: &str) -> bool {
        if text.is_empty() || text.len() > 24 {
            return false;
        }
        let core: String = text
            .chars()
            .filter(|c| !matches!(c, '≥' | '≤' | '>' | '<' | '=' | '%' | ' '))
            .collect();
        const WORDS: [&str; 8] = ["控制数", "无", "待定", "待填", "暂无", "略", "tbd", "未定"];
        WORDS.contains(&core.to_ascii_lowercase().as_str())
            || (!core.is_empty()
                && core.chars().all(|c| {
                    matches!(
                        c,
                        'x' | 'X' | '*' | '/' | '-' | '—' | '…' | '.' | '?' | '？' | '×'
                    )
                }))
    }

    proptest::proptest! {
        #[test]
        fn placeholders_as_the_reference_finds_them(text in "(控制数|无|待定|待填|暂无|略|tbd|TBD|Tbd|未定|x|X|\\*|/|-|—|…|\\.|\\?|？|×|≥|%| |1|合格){0,6}") {
            proptest::prop_assert_eq!(looks_like_placeholder(&text), looks_like_placeholder_reference(&text));
        }
    }

    #[test]
    fn recognises_placeholders() {
        for raw in [
            "标准:控制数",
            "XX",
            "**",
            "***",
            "/",
            "无",
            "待定",
            "≥**%",
            "xx%",
        ] {
            assert!(parse_value(raw).is_placeholder(), "{raw:?}");
        }
        for raw in ["100%", "合格", "", "无纸化", "1/2"] {
            assert!(!parse_value(raw).is_placeholder(), "{raw:?}");
        }
    }
}
