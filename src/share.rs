//! Permalinks: the table deflated and base64url-encoded into the URL fragment
//! (`#t=…`), which browsers never send to the host. Decoding is bounded, so a
//! crafted link cannot exhaust memory.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// The fragment's prefix; `#` itself is not part of it.
pub const PREFIX: &str = "t=";

/// Longest fragment we create: longer links break in chat apps and e-mail.
pub const MAX_LINK_CHARS: usize = 32_000;

/// Largest table a link may unpack to (bytes of text).
pub const MAX_TABLE_BYTES: usize = 8 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The table compresses to more than [`MAX_LINK_CHARS`].
    TooLarge { chars: usize },
    /// The fragment is not one of our links, or was cut or altered.
    Malformed,
    /// The fragment would unpack to more than [`MAX_TABLE_BYTES`].
    Oversized,
}

impl ShareError {
    pub fn message(&self) -> crate::text::Message {
        use crate::text::Message;
        match self {
            ShareError::TooLarge { chars } => Message::new(
                format!("表格太大，无法放进链接（压缩后约 {chars} 个字符，上限 {MAX_LINK_CHARS}）。请改用导出文件发送。"),
                format!("The table is too large for a link ({chars} characters compressed, at most {MAX_LINK_CHARS}). Send an exported file instead."),
            ),
            ShareError::Malformed => Message::new(
                "分享链接不完整或已损坏，无法还原表格。请让对方重新复制完整链接。",
                "The shared link is incomplete or damaged and the table cannot be restored. Ask for the whole link again.",
            ),
            ShareError::Oversized => Message::new(
                format!("分享链接中的表格超过 {} MB，已拒绝打开。", MAX_TABLE_BYTES / 1024 / 1024),
                format!("The table in the link is larger than {} MB and was not opened.", MAX_TABLE_BYTES / 1024 / 1024),
            ),
        }
    }
}

/// The fragment (without `#`) that carries `text`.
pub fn encode(text: &str) -> Result<String, ShareError> {
    let packed = URL_SAFE_NO_PAD.encode(compress_to_vec(text.as_bytes(), 9));
    let fragment = format!("{PREFIX}{packed}");
    if fragment.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLarge {
            chars: fragment.len(),
        });
    }
    Ok(fragment)
}

/// Marks the profile (house rules, jixiao.toml) after the table: `t=…&p=…`.
pub const PROFILE: &str = "&p=";

/// Largest profile a link may unpack to (bytes of jixiao.toml).
pub const MAX_PROFILE_BYTES: usize = 64 * 1024;

/// The fragment that carries `text` and, when it is not the defaults (empty),
/// the profile to check it with, so that whoever opens the link checks it
/// with the same house rules.
pub fn encode_with_profile(text: &str, profile: &str) -> Result<String, ShareError> {
    let mut fragment = encode(text)?;
    if !profile.trim().is_empty() {
        fragment.push_str(PROFILE);
        fragment.push_str(&URL_SAFE_NO_PAD.encode(compress_to_vec(profile.as_bytes(), 9)));
        if fragment.len() > MAX_LINK_CHARS {
            return Err(ShareError::TooLarge {
                chars: fragment.len(),
            });
        }
    }
    Ok(fragment)
}

/// The profile a fragment carries; `Ok(None)` when it carries none.
pub fn decode_profile(fragment: &str) -> Result<Option<String>, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if !fragment.starts_with(PREFIX) {
        return Ok(None);
    }
    let Some((_, packed)) = fragment.split_once(PROFILE) else {
        return Ok(None);
    };
    if packed.len() > MAX_PROFILE_BYTES {
        return Err(ShareError::Oversized);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(packed.trim_end_matches('='))
        .map_err(|_| ShareError::Malformed)?;
    let text = decompress_to_vec_with_limit(&bytes, MAX_PROFILE_BYTES)
        .map_err(|_| ShareError::Malformed)?;
    String::from_utf8(text)
        .map(Some)
        .map_err(|_| ShareError::Malformed)
}

/// The table a fragment carries; `Ok(None)` when the fragment is not a link of ours.
pub fn decode(fragment: &str) -> Result<Option<String>, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some(packed) = fragment.strip_prefix(PREFIX) else {
        return Ok(None);
    };
    // A profile may follow the table (base64url has no `&`).
    let packed = packed.split('&').next().unwrap_or(packed);
    // Base64 of a deflated table can be at most this long for a table we accept.
    if packed.len() > MAX_TABLE_BYTES {
        return Err(ShareError::Oversized);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(packed.trim_end_matches('='))
        .map_err(|_| ShareError::Malformed)?;
    let text =
        decompress_to_vec_with_limit(&bytes, MAX_TABLE_BYTES).map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::Oversized,
            _ => ShareError::Malformed,
        })?;
    String::from_utf8(text)
        .map(Some)
        .map_err(|_| ShareError::Malformed)
}

/// The prefix of a link that carries two versions of a table, the earlier
/// one and its revision (`#d=EARLIER.REVISION`), for "what is still open".
pub const PAIR_PREFIX: &str = "d=";

/// The fragment (without `#`) that carries an earlier table and its
/// revision, within the same bound as a link of one table.
pub fn encode_pair(earlier: &str, revision: &str) -> Result<String, ShareError> {
    let pack = |text: &str| URL_SAFE_NO_PAD.encode(compress_to_vec(text.as_bytes(), 9));
    let fragment = format!("{PAIR_PREFIX}{}.{}", pack(earlier), pack(revision));
    if fragment.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLarge {
            chars: fragment.len(),
        });
    }
    Ok(fragment)
}

/// The two tables a pair link carries (earlier, revision); `Ok(None)` when
/// the fragment is not such a link. Each is bounded as [`decode`] bounds one.
pub fn decode_pair(fragment: &str) -> Result<Option<(String, String)>, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some(packed) = fragment.strip_prefix(PAIR_PREFIX) else {
        return Ok(None);
    };
    let Some((earlier, revision)) = packed.split_once('.') else {
        return Err(ShareError::Malformed);
    };
    let one = |packed: &str| match decode(&format!("{PREFIX}{packed}")) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Err(ShareError::Malformed),
        Err(error) => Err(error),
    };
    Ok(Some((one(earlier)?, one(revision)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_round_trips_and_is_bounded() {
        let (earlier, revision) = (
            "项目名称\t总计\n工作经费\t6.00\n",
            "项目名称\t总计\n工作经费\t8.00\n",
        );
        let fragment = encode_pair(earlier, revision).unwrap();
        assert!(fragment.starts_with("d=") && fragment.is_ascii());
        assert_eq!(
            decode_pair(&format!("#{fragment}")),
            Ok(Some((earlier.to_owned(), revision.to_owned())))
        );
        // Not a pair link: the one-table reader's business.
        assert_eq!(decode_pair("#t=abc"), Ok(None));
        assert_eq!(decode(&fragment), Ok(None));
        let cut = &fragment[..fragment.find('.').unwrap()];
        assert_eq!(decode_pair(cut), Err(ShareError::Malformed));
        let bomb = compress_to_vec(&vec![0u8; 64 * 1024 * 1024], 9);
        let bomb = format!(
            "d={}.{}",
            URL_SAFE_NO_PAD.encode(&bomb),
            URL_SAFE_NO_PAD.encode(&bomb)
        );
        assert_eq!(decode_pair(&bomb), Err(ShareError::Oversized));
        let text: String = (0..10_000u32)
            .map(|i| format!("{}\t{}\n", i.wrapping_mul(2_654_435_761), i))
            .collect();
        assert!(matches!(
            encode_pair(&text, &text),
            Err(ShareError::TooLarge { .. })
        ));
    }

    #[test]
    fn round_trip() {
        let text = "项目名称\t总计\n工作经费\t6.00\n";
        let fragment = encode(text).unwrap();
        assert!(fragment.starts_with("t=") && fragment.is_ascii());
        assert_eq!(decode(&fragment), Ok(Some(text.to_owned())));
        assert_eq!(decode(&format!("#{fragment}")), Ok(Some(text.to_owned())));
    }

    #[test]
    fn a_profile_travels_after_the_table() {
        let (text, profile) = ("工作经费\t6.00\n", "[rules]\nvalue-vague = \"off\"\n");
        let fragment = encode_with_profile(text, profile).unwrap();
        assert!(fragment.contains(PROFILE) && fragment.is_ascii());
        assert_eq!(decode(&fragment), Ok(Some(text.to_owned())));
        assert_eq!(decode_profile(&fragment), Ok(Some(profile.to_owned())));
        // The defaults add nothing; a link without a profile has none.
        let plain = encode_with_profile(text, "").unwrap();
        assert_eq!(plain, encode(text).unwrap());
        assert_eq!(decode_profile(&plain), Ok(None));
        assert_eq!(decode_profile("#section&p=abc"), Ok(None));
        let cut = &fragment[..fragment.len() - 3];
        assert_eq!(decode_profile(cut), Err(ShareError::Malformed));
    }

    #[test]
    fn foreign_fragments_are_ignored() {
        assert_eq!(decode(""), Ok(None));
        assert_eq!(decode("#section-2"), Ok(None));
    }

    #[test]
    fn damaged_links_give_an_error() {
        let fragment = encode(&"工作经费\t6.00\n".repeat(50)).unwrap();
        let cut = &fragment[..fragment.len() / 2];
        assert_eq!(decode(cut), Err(ShareError::Malformed));
        assert_eq!(decode("t=!!!not-base64"), Err(ShareError::Malformed));
        assert_eq!(decode("t="), Err(ShareError::Malformed));
    }

    #[test]
    fn a_deflate_bomb_is_refused() {
        // 64 MB of zeros deflate to about 64 KB: small link, huge table.
        let bomb = compress_to_vec(&vec![0u8; 64 * 1024 * 1024], 9);
        let fragment = format!("t={}", URL_SAFE_NO_PAD.encode(bomb));
        assert_eq!(decode(&fragment), Err(ShareError::Oversized));
    }

    #[test]
    fn tables_too_large_for_a_link_are_refused() {
        // Text that does not compress: every line different.
        let text: String = (0..20_000u32)
            .map(|i| format!("{}\t{}\n", i.wrapping_mul(2_654_435_761), i))
            .collect();
        assert!(matches!(encode(&text), Err(ShareError::TooLarge { .. })));
    }
}
