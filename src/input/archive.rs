//! Archives: a `.zip` of tables (a department's files sent at once), opened
//! in memory so that the CLI and the page's worker read it the same way.
//!
//! Bounded, since a zip can claim anything: the declared sizes are checked
//! before anything is inflated (a zip bomb is refused with a reason), and
//! each member is then read through a limit, so a member that inflates to
//! more than it declared stops at the limit too.

use crate::text::Message;
use std::io::{Cursor, Read};

/// At most this many members.
pub const MAX_MEMBERS: usize = 2_000;
/// At most this much per member once inflated (a 50 MB table is the largest
/// the benchmark checks).
pub const MAX_MEMBER: u64 = 64 << 20;
/// At most this much in all once inflated.
pub const MAX_TOTAL: u64 = 512 << 20;

/// One file of an archive: its name in the archive and its bytes, or why it
/// was not read (the other members are read all the same).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub bytes: Result<Vec<u8>, Message>,
}

/// Why a whole archive was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArchiveError {
    /// Not a zip the reader understands, with its reason.
    Damaged(String),
    TooManyMembers(usize),
    /// The members declare more than [`MAX_TOTAL`] in all.
    TooLarge(u64),
}

impl ArchiveError {
    pub fn message(&self) -> Message {
        match self {
            ArchiveError::Damaged(reason) => Message::new(
                format!("无法打开压缩包：{reason}"),
                format!("Cannot open the zip archive: {reason}"),
            ),
            ArchiveError::TooManyMembers(n) => Message::new(
                format!("压缩包中有 {n} 个文件，超过上限 {MAX_MEMBERS} 个，已拒绝打开。"),
                format!("The zip archive holds {n} files, more than {MAX_MEMBERS}; it was not opened."),
            ),
            ArchiveError::TooLarge(bytes) => Message::new(
                format!(
                    "压缩包解压后约 {} MB，超过上限 {} MB（可能是“压缩炸弹”），已拒绝打开。",
                    bytes >> 20,
                    MAX_TOTAL >> 20
                ),
                format!(
                    "The zip archive would inflate to about {} MB, more than {} MB (possibly a zip bomb); it was not opened.",
                    bytes >> 20,
                    MAX_TOTAL >> 20
                ),
            ),
        }
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Whether `bytes` are a zip of files rather than a workbook (xlsx and ods
/// are zips too: they hold `[Content_Types].xml` or `mimetype`).
pub fn is_archive(bytes: &[u8]) -> bool {
    if !bytes.starts_with(ZIP_MAGIC) && !bytes.starts_with(b"PK\x05\x06") {
        return false;
    }
    let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // Damaged: let the workbook reader say why, unless nothing of a
        // workbook is there at all.
        return false;
    };
    let workbook = archive
        .file_names()
        .filter_map(Result::ok)
        .any(|name| name == "[Content_Types].xml" || name == "mimetype");
    !workbook
}

/// A member's name as written: UTF-8 when marked or valid, else GB18030
/// (what zips made on Chinese Windows use).
fn member_name(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(name) => name.to_owned(),
        Err(_) => encoding_rs::GB18030.decode(raw).0.into_owned(),
    }
}

/// Files a zip carries that are nobody's table.
fn is_noise(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    name.starts_with("__MACOSX/") || file.starts_with('.') || file.eq_ignore_ascii_case("Thumbs.db")
}

fn too_large_member() -> Message {
    Message::new(
        format!("文件解压后超过 {} MB，未读取。", MAX_MEMBER >> 20),
        format!(
            "The file inflates to more than {} MB; it was not read.",
            MAX_MEMBER >> 20
        ),
    )
}

/// The files of a zip, in the archive's order (folders and system files
/// left out).
pub fn read_archive(bytes: &[u8]) -> Result<Vec<Member>, ArchiveError> {
    read_bounded(bytes, MAX_MEMBER, MAX_TOTAL)
}

/// [`read_archive`] with other limits (the tests' bombs stay small).
fn read_bounded(
    bytes: &[u8],
    max_member: u64,
    max_total: u64,
) -> Result<Vec<Member>, ArchiveError> {
    let damaged = |e: zip::result::ZipError| ArchiveError::Damaged(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    if archive.len() > MAX_MEMBERS {
        return Err(ArchiveError::TooManyMembers(archive.len()));
    }
    // First what the members declare, before inflating anything.
    let mut declared: u64 = 0;
    let mut wanted = Vec::new();
    for i in 0..archive.len() {
        let file = archive.by_index_raw(i).map_err(damaged)?;
        declared = declared.saturating_add(file.size());
        let name = member_name(file.name_raw());
        if file.is_dir() || is_noise(&name) {
            continue;
        }
        wanted.push((i, name, file.size(), file.encrypted()));
    }
    if declared > max_total {
        return Err(ArchiveError::TooLarge(declared));
    }
    let mut total: u64 = 0;
    let mut members = Vec::with_capacity(wanted.len());
    for (i, name, size, encrypted) in wanted {
        let bytes = if encrypted {
            Err(Message::new(
                "文件有密码保护，未读取。",
                "The file is password-protected; it was not read.",
            ))
        } else if size > max_member {
            Err(too_large_member())
        } else {
            read_member(&mut archive, i, max_member.min(max_total - total))
        };
        if let Ok(bytes) = &bytes {
            total += bytes.len() as u64;
        }
        members.push(Member { name, bytes });
    }
    Ok(members)
}

/// One member's bytes, reading at most `limit`.
fn read_member(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    index: usize,
    limit: u64,
) -> Result<Vec<u8>, Message> {
    let unreadable = |reason: String| {
        Message::new(
            format!("无法解压：{reason}"),
            format!("Cannot unpack the file: {reason}"),
        )
    };
    let file = archive
        .by_index(index)
        .map_err(|e| unreadable(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(too_large_member());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in files {
            writer
                .start_file(*name, SimpleFileOptions::default())
                .unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn members_in_order_without_system_files() {
        let zip = zip_of(&[
            ("a.txt", b"one"),
            ("__MACOSX/._a.txt", b"x"),
            ("dir/b.csv", b"two"),
            ("dir/.DS_Store", b"x"),
        ]);
        assert!(is_archive(&zip));
        let members = read_archive(&zip).unwrap();
        let names: Vec<(&str, &[u8])> = members
            .iter()
            .map(|m| (m.name.as_str(), m.bytes.as_deref().unwrap()))
            .collect();
        assert_eq!(
            names,
            vec![("a.txt", &b"one"[..]), ("dir/b.csv", &b"two"[..])]
        );
    }

    #[test]
    fn a_workbook_is_not_an_archive() {
        let xlsx = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/seed.xlsx"
        ))
        .unwrap();
        assert!(!is_archive(&xlsx));
        assert!(!is_archive(b"plain text"));
    }

    #[test]
    fn a_zip_bomb_is_refused_before_inflating() {
        // 8 MB of zeros deflate to about 8 KB; with a limit of 4 MB in all
        // the archive is refused from what it declares.
        let zeros = vec![0u8; 8 << 20];
        let zip = zip_of(&[("bomb.txt", &zeros), ("a.txt", b"one")]);
        assert!(zip.len() < 64 << 10);
        assert_eq!(
            read_bounded(&zip, 8 << 20, 4 << 20),
            Err(ArchiveError::TooLarge((8 << 20) + 3))
        );
        assert!(ArchiveError::TooLarge(600 << 20)
            .message()
            .zh
            .contains("压缩炸弹"));
        // Within the total but over the limit of one file: that file is a
        // row saying why, the others are read.
        let members = read_bounded(&zip, 1 << 20, 16 << 20).unwrap();
        assert_eq!(members[0].bytes, Err(too_large_member_for_test()));
        assert_eq!(members[1].bytes.as_deref(), Ok(&b"one"[..]));
    }

    fn too_large_member_for_test() -> Message {
        too_large_member()
    }

    #[test]
    fn damaged_archives_give_a_reason() {
        let zip = zip_of(&[("a.txt", b"one")]);
        assert!(matches!(
            read_archive(&zip[..zip.len() / 2]),
            Err(ArchiveError::Damaged(_))
        ));
    }

    #[test]
    fn gbk_names_are_read() {
        let (name, _, _) = encoding_rs::GB18030.encode("绩效目标表.txt");
        assert_eq!(member_name(&name), "绩效目标表.txt");
    }
}
