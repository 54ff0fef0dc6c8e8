//! File bytes → text, saying which encoding was used and why. Spreadsheets
//! (xlsx, xls, ods) are recognised by their signature and read by calamine.

use crate::text::Message;
use serde::Serialize;

/// A file's text and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub source: Source,
}

/// How a file was read, for the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Source {
    Text {
        encoding: &'static str,
        reason: EncodingReason,
    },
    Spreadsheet {
        format: &'static str,
        sheet: String,
        other_sheets: Vec<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EncodingReason {
    /// The file starts with a byte-order mark.
    Bom,
    /// The bytes are valid UTF-8.
    ValidUtf8,
    /// Not UTF-8 and no mark: read as GB18030, what Chinese Windows saves.
    Fallback,
}

impl Source {
    /// `编码：GB18030（……）` for the summary.
    pub fn describe(&self) -> Message {
        match self {
            Source::Text { encoding, reason } => {
                let (zh, en) = match reason {
                    EncodingReason::Bom => (
                        "文件开头有字节顺序标记",
                        "the file starts with a byte-order mark",
                    ),
                    EncodingReason::ValidUtf8 => {
                        ("内容是有效的 UTF-8", "the bytes are valid UTF-8")
                    }
                    EncodingReason::Fallback => (
                        "不是有效的 UTF-8，按中文 Windows 的默认编码读取",
                        "not valid UTF-8, so read as Chinese Windows saves text",
                    ),
                };
                Message::new(
                    format!("文本文件，编码 {encoding}（{zh}）"),
                    format!("Text file, {encoding} ({en})"),
                )
            }
            Source::Spreadsheet {
                format,
                sheet,
                other_sheets,
            } => {
                let others = other_sheets.join("、");
                let (zh_others, en_others) = if other_sheets.is_empty() {
                    (String::new(), String::new())
                } else {
                    (
                        format!("；其他工作表：{others}"),
                        format!("; other sheets: {}", other_sheets.join(", ")),
                    )
                };
                Message::new(
                    format!("{format} 表格，读取工作表「{sheet}」{zh_others}"),
                    format!("{format} workbook, sheet \"{sheet}\"{en_others}"),
                )
            }
        }
    }
}

/// Why the bytes of a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// Not UTF-8, and this build reads nothing else (the page's first load).
    NotUtf8 { offset: usize },
    /// Neither UTF-8, UTF-16 nor GB18030.
    UnknownEncoding,
    /// A spreadsheet that could not be opened, with the reader's reason.
    Spreadsheet(String),
    /// A spreadsheet without any sheet that holds a table.
    NoTable { sheets: Vec<String> },
    /// Nothing but blanks (or a byte-order mark): no table to check.
    Empty,
    /// Over [`MAX_INPUT_BYTES`].
    TooLarge { bytes: usize },
}

/// The largest input read, file or paste: 200 MiB, four times the largest
/// table tried here (50 MB, 49 000 projects). Checking needs up to about 8×
/// the input in memory, and a browser tab's wasm gets 4 GiB at most.
pub const MAX_INPUT_BYTES: usize = 200 * 1024 * 1024;

/// Refuses an input over [`MAX_INPUT_BYTES`] before any work is done on it.
pub fn check_size(bytes: usize) -> Result<(), InputError> {
    if bytes > MAX_INPUT_BYTES {
        Err(InputError::TooLarge { bytes })
    } else {
        Ok(())
    }
}

/// An input with nothing but blanks holds no table, and says so.
fn non_empty(decoded: Decoded) -> Result<Decoded, InputError> {
    if decoded.text.trim().is_empty() {
        Err(InputError::Empty)
    } else {
        Ok(decoded)
    }
}

impl InputError {
    pub fn message(&self) -> Message {
        match self {
            InputError::NotUtf8 { offset } => Message::new(
                format!("无法读取：文件不是 UTF-8 编码（第 {offset} 字节处）。请另存为“UTF-8 文本”，或直接复制表格粘贴。"),
                format!("Cannot read the file: it is not UTF-8 (byte {offset}). Save it as UTF-8 text, or copy the table and paste it."),
            ),
            InputError::UnknownEncoding => Message::new(
                "无法读取：文件既不是 UTF-8、UTF-16，也不是 GB18030/GBK 编码的文本，也不是 Excel/WPS 表格。",
                "Cannot read the file: it is neither UTF-8, UTF-16 nor GB18030/GBK text, nor an Excel/WPS workbook.",
            ),
            InputError::Spreadsheet(reason) => Message::new(
                format!("无法打开表格文件：{reason}"),
                format!("Cannot open the workbook: {reason}"),
            ),
            InputError::Empty => Message::new(
                "文件是空的：没有可检查的内容。",
                "The file is empty: there is nothing to check.",
            ),
            InputError::TooLarge { bytes } => Message::new(
                format!(
                    "无法读取：内容有 {} MB，超过可检查的上限 {} MB。请按单位拆分后分别检查。",
                    bytes / 1024 / 1024,
                    MAX_INPUT_BYTES / 1024 / 1024
                ),
                format!(
                    "Cannot read: the input is {} MB, over the limit of {} MB. Split it by unit and check the parts.",
                    bytes / 1024 / 1024,
                    MAX_INPUT_BYTES / 1024 / 1024
                ),
            ),
            InputError::NoTable { sheets } => Message::new(
                format!("表格文件中没有找到绩效目标表（已查看工作表：{}）。", sheets.join("、")),
                format!("No performance target table in the workbook (sheets looked at: {}).", sheets.join(", ")),
            ),
        }
    }
}

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// The text of UTF-8 bytes, or where they stop being UTF-8.
fn validate_utf8(bytes: &[u8]) -> Result<&str, InputError> {
    // simdutf8's fast check says only whether the bytes are valid; the
    // standard library's, run again on failure alone, says where they stop.
    simdutf8::basic::from_utf8(bytes).map_err(|_| InputError::NotUtf8 {
        offset: std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len()),
    })
}

/// UTF-8, with or without a byte-order mark: the page's own decoder, light
/// enough for its first load. Anything else goes to [`read_file`].
pub fn decode_utf8(bytes: &[u8]) -> Result<Decoded, InputError> {
    check_size(bytes.len())?;
    let (body, reason) = match bytes.strip_prefix(UTF8_BOM) {
        Some(body) => (body, EncodingReason::Bom),
        None => (bytes, EncodingReason::ValidUtf8),
    };
    let text = validate_utf8(body)?;
    non_empty(Decoded {
        text: text.to_owned(),
        source: utf8_source(reason),
    })
}

fn utf8_source(reason: EncodingReason) -> Source {
    Source::Text {
        encoding: "UTF-8",
        reason,
    }
}

/// [`decode_utf8`] of bytes the caller gives up: the text is the bytes
/// themselves, not a copy (a copy of a 50 MB table is 50 MB more memory to
/// touch). On failure the bytes are handed back with the error.
pub fn decode_utf8_owned(mut bytes: Vec<u8>) -> Result<Decoded, (InputError, Vec<u8>)> {
    if let Err(e) = check_size(bytes.len()) {
        return Err((e, bytes));
    }
    let reason = if bytes.starts_with(UTF8_BOM) {
        // Moves the text down in place: no second buffer.
        bytes.drain(..UTF8_BOM.len());
        EncodingReason::Bom
    } else {
        EncodingReason::ValidUtf8
    };
    if let Err(e) = validate_utf8(&bytes) {
        if reason == EncodingReason::Bom {
            // Put the mark back, so that the caller sees the bytes it gave.
            bytes.splice(..0, UTF8_BOM.iter().copied());
        }
        return Err((e, bytes));
    }
    // SAFETY: `validate_utf8` has just checked that `bytes` is valid UTF-8
    // (simdutf8's validation is complete, not a heuristic), and nothing
    // changed them since. `String::from_utf8` would validate all of it a
    // second time.
    let text = unsafe { String::from_utf8_unchecked(bytes) };
    non_empty(Decoded {
        text,
        source: utf8_source(reason),
    })
    .map_err(|e| (e, Vec::new()))
}

/// Whether `bytes` start as a workbook does: a zip (xlsx, ods) or an OLE
/// compound file (xls).
pub fn is_workbook(bytes: &[u8]) -> bool {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.starts_with(ZIP) || bytes.starts_with(OLE)
}

/// Every supported file: a spreadsheet by its signature; else text in UTF-8
/// or UTF-16 (by their byte-order marks), UTF-8, or GB18030 as the fallback.
#[cfg(feature = "readers")]
pub fn read_file(bytes: &[u8]) -> Result<Decoded, InputError> {
    match read_other(bytes)? {
        Some(decoded) => Ok(decoded),
        None => match decode_utf8(bytes) {
            Err(InputError::NotUtf8 { .. }) => gb18030(bytes),
            read => read,
        },
    }
}

/// [`read_file`] of bytes the caller gives up: UTF-8 text (the usual input)
/// becomes the text without a copy; every other kind is read as before.
#[cfg(feature = "readers")]
pub fn read_file_owned(bytes: Vec<u8>) -> Result<Decoded, InputError> {
    match read_other(&bytes)? {
        Some(decoded) => Ok(decoded),
        None => match decode_utf8_owned(bytes) {
            Err((InputError::NotUtf8 { .. }, bytes)) => gb18030(&bytes),
            read => read.map_err(|(e, _)| e),
        },
    }
}

/// A spreadsheet, or text with a UTF-16 or UTF-8 byte-order mark decoded by
/// encoding_rs; `None` for text without a mark (UTF-8, else GB18030).
#[cfg(feature = "readers")]
fn read_other(bytes: &[u8]) -> Result<Option<Decoded>, InputError> {
    check_size(bytes.len())?;
    if is_workbook(bytes) {
        return super::spreadsheet::read(bytes).map(Some);
    }
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        if malformed {
            return Err(InputError::UnknownEncoding);
        }
        return non_empty(Decoded {
            text: text.into_owned(),
            source: Source::Text {
                encoding: encoding.name(),
                reason: EncodingReason::Bom,
            },
        })
        .map(Some);
    }
    Ok(None)
}

/// Text that is not UTF-8: GB18030 (which covers GBK), or unreadable.
#[cfg(feature = "readers")]
fn gb18030(bytes: &[u8]) -> Result<Decoded, InputError> {
    let text = encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or(InputError::UnknownEncoding)?;
    non_empty(Decoded {
        text: text.into_owned(),
        source: Source::Text {
            encoding: "GB18030",
            reason: EncodingReason::Fallback,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let decoded = decode_utf8(b"\xEF\xBB\xBFab").unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.source.clone()),
            (
                "ab",
                Source::Text {
                    encoding: "UTF-8",
                    reason: EncodingReason::Bom
                }
            )
        );
        assert_eq!(
            decode_utf8(b"a\xFFb"),
            Err(InputError::NotUtf8 { offset: 1 })
        );
    }

    #[test]
    fn owned_bytes_read_as_borrowed_ones() {
        for bytes in [
            &b"\xEF\xBB\xBFab"[..],
            "项目名称\t总计".as_bytes(),
            b"a\xFFb",
            b"\xEF\xBB\xBF\xE9\xA1",
            b"",
            b"\xEF\xBB\xBF",
            b" \n",
        ] {
            let owned = decode_utf8_owned(bytes.to_vec());
            assert_eq!(owned.clone().map_err(|(e, _)| e), decode_utf8(bytes));
            if let Err((InputError::NotUtf8 { .. }, back)) = owned {
                assert_eq!(back, bytes, "the bytes are handed back as given");
            }
            #[cfg(feature = "readers")]
            assert_eq!(read_file_owned(bytes.to_vec()), read_file(bytes));
        }
        #[cfg(feature = "readers")]
        {
            let (gbk, _, _) = encoding_rs::GBK.encode("项目名称\t总计");
            assert_eq!(read_file_owned(gbk.to_vec()), read_file(&gbk));
        }
    }

    #[test]
    fn empty_and_oversized_inputs_are_refused_with_a_reason() {
        for empty in [&b""[..], b"\xEF\xBB\xBF", b" \r\n\t\n"] {
            assert_eq!(decode_utf8(empty), Err(InputError::Empty), "{empty:?}");
            #[cfg(feature = "readers")]
            assert_eq!(read_file(empty), Err(InputError::Empty), "{empty:?}");
        }
        #[cfg(feature = "readers")]
        assert_eq!(
            read_file(b"\xFF\xFE"),
            Err(InputError::Empty),
            "a UTF-16 mark alone"
        );
        assert_eq!(check_size(MAX_INPUT_BYTES), Ok(()));
        assert_eq!(
            check_size(MAX_INPUT_BYTES + 1),
            Err(InputError::TooLarge {
                bytes: MAX_INPUT_BYTES + 1
            })
        );
        let too_large = vec![b'a'; MAX_INPUT_BYTES + 1];
        assert!(matches!(
            decode_utf8(&too_large),
            Err(InputError::TooLarge { .. })
        ));
        assert!(InputError::Empty.message().zh.contains("空"));
    }

    #[cfg(feature = "readers")]
    #[test]
    fn legacy_encodings() {
        let text = "项目名称\t总计";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let decoded = read_file(&gbk).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(
            decoded.source,
            Source::Text {
                encoding: "GB18030",
                reason: EncodingReason::Fallback
            }
        );
        let mut utf16le = vec![0xFF, 0xFE];
        utf16le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            read_file(&utf16le).unwrap().source,
            Source::Text {
                encoding: "UTF-16LE",
                reason: EncodingReason::Bom
            }
        );
        let mut utf16be = vec![0xFE, 0xFF];
        utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(read_file(&utf16be).unwrap().text, text);
        assert_eq!(
            read_file(text.as_bytes()).unwrap().source,
            Source::Text {
                encoding: "UTF-8",
                reason: EncodingReason::ValidUtf8
            }
        );
    }
}
