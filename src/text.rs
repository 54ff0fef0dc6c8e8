//! Bilingual user-facing text and small string helpers shared by the stages.

use serde::{Deserialize, Serialize};
use std::ptr::NonNull;
use std::sync::{Arc, LazyLock};

/// A user-facing text in Chinese (first) and English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

/// Builds a [`Text`]; short so that rule files read like tables.
pub const fn t(zh: &'static str, en: &'static str) -> Text {
    Text { zh, en }
}

/// An owned bilingual message, usually formatted with figures. In JSON it
/// reads `"message": zh, "message_en": en`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Message {
    #[serde(rename = "message")]
    pub zh: String,
    #[serde(rename = "message_en")]
    pub en: String,
}

impl Message {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// The language of the user interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// Turns full-width ASCII variants (＜, ：, １, Ａ…) and the ideographic space
/// into their half-width forms, so that one comparison covers both.
pub fn to_half_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// The text with full-width ASCII variants made half-width; borrowed when
/// there are none (the common case).
pub fn half_width(s: &str) -> std::borrow::Cow<'_, str> {
    // Full-width forms start with 0xEF and the ideographic space with 0xE3 in
    // UTF-8: text without those bytes has none.
    let maybe = s.bytes().any(|b| b == 0xEF || b == 0xE3);
    if maybe && s.chars().any(|c| to_half_width(c) != c) {
        std::borrow::Cow::Owned(s.chars().map(to_half_width).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// A key for comparing header and framework names: half-width, no spaces,
/// brackets unified, case folded.
pub fn normalize_key(s: &str) -> String {
    normalized_chars(s).collect()
}

/// The characters of [`normalize_key`], for comparing without building it.
pub fn normalized_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .map(to_half_width)
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '【' | '〔' | '[' => '(',
            '】' | '〕' | ']' => ')',
            c => c.to_ascii_lowercase(),
        })
}

/// Whether `text` contains any of `words` (none empty), in one pass over it:
/// for each word a separate substring search is set up, which costs more than
/// the short names and values the rules search (and more still in wasm).
///
/// Matched byte by byte: a word's first byte is ASCII or a UTF-8 lead byte,
/// which never occurs inside a character, so a match found at any byte is one
/// at a character boundary, and the text need not be decoded. The bytes are
/// compared inline: Chinese words share a handful of lead bytes, so most
/// first-byte hits are told apart by the next byte, which a `memcmp` call per
/// hit cost far more than (7% of a large check went to those calls). For the
/// same reason a continuation byte (`80`–`BF`) starts no match, and the words
/// are not tried there: two bytes of every three of a Chinese text.
pub fn contains_any(text: &str, words: &[&str]) -> bool {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .filter(|&at| !matches!(bytes[at], 0x80..=0xBF))
        .any(|at| {
            let rest = &bytes[at..];
            words.iter().any(|w| starts_with_bytes(rest, w.as_bytes()))
        })
}

/// `hay.starts_with(word)`, compared in a loop the compiler keeps inline.
#[inline]
fn starts_with_bytes(hay: &[u8], word: &[u8]) -> bool {
    hay.len() >= word.len() && hay.iter().zip(word).all(|(a, b)| a == b)
}

/// Where the next ASCII digit is. Sixteen bytes at a time without an early
/// exit, which the compiler turns into vector compares: the cells and goals
/// are long and mostly Chinese.
pub(crate) fn next_digit(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(16);
    let mut offset = 0;
    for chunk in &mut chunks {
        if chunk
            .iter()
            .fold(false, |found, b| found | b.is_ascii_digit())
        {
            break;
        }
        offset += 16;
    }
    bytes[offset..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|at| offset + at)
}

/// `s.trim()`, decided at the edge bytes when they cannot be white space. A
/// table's names and values mostly start and end with Chinese characters,
/// which `str::trim` decodes and looks up among Unicode's white space at both
/// ends: 7 % of a large check's instructions went to that.
pub fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

/// `s.trim_start()`, decided at the first byte when it can be.
pub fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&b) if !may_start_space(b) => s,
        _ => s.trim_start(),
    }
}

/// `s.trim_end()`, decided at the last byte when it can be.
pub fn trim_end(s: &str) -> &str {
    match s.as_bytes().last() {
        Some(&b) if !may_end_space(b) => s,
        _ => s.trim_end(),
    }
}

/// Whether a character whose UTF-8 starts with `b` can be white space: ASCII
/// up to the space, or a lead byte of U+0080 to U+3FFF, where Unicode's other
/// white space is (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000). Chinese
/// characters (U+4E00 on) and full-width forms start with a later byte.
fn may_start_space(b: u8) -> bool {
    b <= b' ' || (0xC2..=0xE3).contains(&b)
}

/// Whether a character whose UTF-8 ends with `b` can be white space: ASCII up
/// to the space, or one of the last bytes of Unicode's other white space
/// (`80`–`8A`, `9F`, `A0`, `A8`, `A9`, `AF`).
fn may_end_space(b: u8) -> bool {
    b <= b' ' || matches!(b, 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF)
}

/// A cell's name as a spreadsheet shows it: `B11` for column 1 of row 11.
pub fn cell_name(column: usize, row: u32) -> String {
    format!("{}{row}", column_letter(column))
}

/// Converts a 0-based column index to its spreadsheet letters (0 → A, 26 → AA).
pub fn column_letter(mut index: usize) -> String {
    // Built back to front in place: every finding names its column.
    let mut letters = [0u8; 16];
    let mut at = letters.len();
    loop {
        at -= 1;
        letters[at] = b'A' + (index % 26) as u8;
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters[at..].iter().map(|&b| char::from(b)).collect()
}

/// The text a table was read from, shared by the pieces of it that the
/// grid, the sheet and the indicators hold. An `Arc<String>`, not an
/// `Arc<str>`: a pasted text or a file's contents is moved in, not copied.
pub type SharedText = Arc<String>;

/// A piece of the input's text, shared: a cell, or an indicator's name or
/// value in it. A large table has millions of them, each of which was an
/// allocation and a copy of its own. Reads as the `&str` it is.
#[derive(Clone)]
pub struct Piece {
    /// Keeps the text that `at` points into alive.
    text: SharedText,
    /// Where the piece starts in the text's buffer (dangling when empty). Read directly, not
    /// through the `Arc` and the `String` and with the checks of slicing
    /// again: the rules read pieces millions of times (a first A/B run of
    /// the page's wasm, reading through the `Arc`, was a third slower; later
    /// runs could not tell that apart from the machine's noise).
    at: NonNull<u8>,
    len: usize,
}

// SAFETY: `at` points into the buffer of `text` (or dangles, with a length of
// 0, in an empty piece), which the `Arc` keeps alive and which is never
// changed while shared (no `&mut` to it can exist while a piece holds a second
// reference); a piece is as `Send` and `Sync` as the `Arc<String>` it holds.
unsafe impl Send for Piece {}
unsafe impl Sync for Piece {}

/// Whether `part` is a slice of `text`.
fn is_slice_of(text: &str, part: &str) -> bool {
    let offset = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    offset <= text.len() && part.len() <= text.len() - offset
}

impl Piece {
    /// `part` as a piece of `text`, when it is a slice of it (else a copy:
    /// the text was rewritten, say unquoted or made half-width).
    pub fn of(text: &SharedText, part: &str) -> Piece {
        if is_slice_of(text, part) {
            Piece {
                text: Arc::clone(text),
                at: NonNull::from(part.as_bytes()).cast(),
                len: part.len(),
            }
        } else {
            Piece::from(part)
        }
    }

    /// Narrows this piece to the slice of it that `slice` gives
    /// (`str::trim`), without the shared count's traffic of [`Piece::part`]
    /// (left as it is if `slice` gives another text).
    pub fn narrow(&mut self, slice: impl FnOnce(&str) -> &str) {
        let text = self.as_str();
        let part = slice(text);
        if is_slice_of(text, part) {
            (self.at, self.len) = (NonNull::from(part.as_bytes()).cast(), part.len());
        }
    }

    /// A part of this piece (a slice of it) as a piece of the same text.
    pub fn part(&self, part: &str) -> Piece {
        Piece::of(&self.text, part)
    }

    pub fn as_str(&self) -> &str {
        // SAFETY: `at` and `len` are those of a `&str` slice of `text`'s
        // buffer (`of`, `narrow`, `From<String>`), which lives and stays
        // unchanged as long as `text` does, so they are valid UTF-8; or a
        // dangling pointer with a length of 0 (`Default`), which is valid
        // for an empty slice.
        unsafe {
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.at.as_ptr(), self.len))
        }
    }
}

/// The text of every empty piece, allocated once.
static EMPTY: LazyLock<SharedText> = LazyLock::new(SharedText::default);

/// An empty piece: no allocation of its own (a table has many empty cells).
impl Default for Piece {
    fn default() -> Piece {
        Piece {
            text: Arc::clone(&EMPTY),
            at: NonNull::dangling(),
            len: 0,
        }
    }
}

impl From<&str> for Piece {
    fn from(text: &str) -> Piece {
        if text.is_empty() {
            return Piece::default();
        }
        Piece::from(text.to_owned())
    }
}

impl From<String> for Piece {
    fn from(text: String) -> Piece {
        if text.is_empty() {
            return Piece::default();
        }
        let text = Arc::new(text);
        Piece {
            at: NonNull::from(text.as_bytes()).cast(),
            len: text.len(),
            text,
        }
    }
}

impl std::ops::Deref for Piece {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Piece {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Piece {
    fn eq(&self, other: &Piece) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Piece {}

impl PartialEq<str> for Piece {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Piece {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for Piece {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Display for Piece {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl Serialize for Piece {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Shortens a text for a message, on a character boundary.
pub fn excerpt(s: &str, max_chars: usize) -> String {
    let mut out: String = s.chars().take(max_chars).collect();
    if s.chars().nth(max_chars).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The edge tests let no white space through: they say "may be white
    /// space" at both ends of every character that `char::is_whitespace`
    /// names, and every character trims as `str::trim` trims it, alone,
    /// around a word and between spaces.
    #[test]
    fn trim_agrees_with_the_standard_library_for_every_character() {
        let mut buf = [0; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if c.is_whitespace() {
                assert!(
                    may_start_space(bytes[0]),
                    "{c:?} starts with {:#x}",
                    bytes[0]
                );
                let last = bytes[bytes.len() - 1];
                assert!(may_end_space(last), "{c:?} ends with {last:#x}");
            }
            for s in [
                format!("{c}"),
                format!("{c}词{c}"),
                format!(" {c}词{c} "),
                format!("词{c}"),
            ] {
                assert_eq!(trim(&s), s.trim(), "{s:?}");
                assert_eq!(trim_start(&s), s.trim_start(), "{s:?}");
                assert_eq!(trim_end(&s), s.trim_end(), "{s:?}");
            }
        }
        assert_eq!(trim(""), "");
    }

    #[test]
    fn column_letters() {
        let cases = [
            (0, "A"),
            (1, "B"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ];
        for (index, letters) in cases {
            assert_eq!(column_letter(index), letters, "index {index}");
        }
    }

    #[test]
    fn contains_any_word() {
        let words = ["满意度", "率", "ab"];
        for text in ["", "群众满意度", "完成率%", "xab", "满意", "a b", "率"] {
            assert_eq!(
                contains_any(text, &words),
                words.iter().any(|w| text.contains(w)),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        /// As `str::contains` for each word, on texts of the words' own characters.
        #[test]
        fn contains_any_is_contains_for_any_word(text in "(满意度|满意|率|是|否|\\?|？|a|b|①|词){0,12}") {
            let words = ["满意度", "率", "是否", "ab", "？", "①"];
            proptest::prop_assert_eq!(
                contains_any(&text, &words),
                words.iter().any(|w| text.contains(w))
            );
        }
    }

    #[test]
    fn pieces_share_their_text() {
        let text = Arc::new(String::from("1、人数；实施周期指标值:1人"));
        let name = Piece::of(&text, &text[4..10]);
        assert_eq!(name, "人数");
        assert!(
            std::ptr::eq(name.as_ptr(), text[4..].as_ptr()),
            "not a copy"
        );
        let value = Piece::of(&text, &text[text.len() - 4..]);
        assert_eq!(value.part(&value[1..]), "人");
        let mut narrowed = value.clone();
        narrowed.narrow(|s| &s[1..]);
        assert_eq!(narrowed, "人");
        let mut padded = Piece::from(" x ");
        padded.narrow(str::trim);
        assert_eq!(padded, "x");
        padded.narrow(|_| "elsewhere");
        assert_eq!(padded, "x", "a text that is no slice of it leaves it");
        assert_eq!(
            Piece::of(&text, "人数"),
            "人数",
            "a text elsewhere is copied"
        );
        assert_eq!(Piece::of(&text, &text[text.len()..]), "");
    }

    #[test]
    fn normalized_keys() {
        assert_eq!(
            normalize_key("项目名称（资金使用单位）"),
            normalize_key("项目名称 (资金使用单位)")
        );
        assert_eq!(normalize_key("ＡＢ　c"), "abc");
    }
}
