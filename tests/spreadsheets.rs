//! The seed as a workbook (xlsx, xls, ods; built by
//! tests/fixtures/make_spreadsheets.py): the reader chooses the sheet that
//! holds the table, expands the merged title, keeps the row numbers, and the
//! findings are exactly those of the text seed.

mod common;
use common::{findings, seed};
use jixiao_lint::input::{read_file, InputError, Source};
use std::io::Write;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn each_workbook_gives_the_seeds_findings() {
    let expected = findings(&seed());
    for (name, format) in [
        ("seed.xlsx", "xlsx"),
        ("seed.xls", "xls"),
        ("seed.ods", "ods"),
    ] {
        let decoded = read_file(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(
            decoded.source,
            Source::Spreadsheet {
                format,
                sheet: "绩效目标表".to_owned(),
                other_sheets: vec!["说明".to_owned()],
            },
            "{name}"
        );
        assert_eq!(findings(&decoded.text), expected, "{name}");
        // Amounts are numbers in the workbook: shortest form, no separators.
        let lines: Vec<&str> = decoded.text.split('\n').collect();
        assert_eq!(lines[9], "合计\t13931\t13931", "{name}");
        assert!(
            lines[27].contains("\t1164.43\t1164.43\t"),
            "{name}: {:?}",
            lines[27]
        );
        assert!(
            lines[8].starts_with("项目名称"),
            "{name}: the header stays on row 9"
        );
    }
}

#[test]
fn the_merged_title_is_copied_into_each_cell_of_its_region() {
    for name in ["seed.xlsx", "seed.xls"] {
        let text = read_file(&fixture(name)).unwrap().text;
        let title = "项目支出绩效目标表（含转移支付项目）";
        let row3: Vec<&str> = text.split('\n').nth(2).unwrap().split('\t').collect();
        assert_eq!(row3, vec![title; 7], "{name}");
    }
}

fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    // A minimal xlsx written by hand: inline strings, no styles.
    let mut zip = Vec::new();
    let mut files: Vec<(String, String)> = vec![
        (
            "[Content_Types].xml".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{}</Types>"#,
                (1..=sheets.len())
                    .map(|i| format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#))
                    .collect::<String>()
            ),
        ),
        (
            "_rels/.rels".into(),
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into(),
        ),
        (
            "xl/workbook.xml".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{}</sheets></workbook>"#,
                sheets
                    .iter()
                    .enumerate()
                    .map(|(i, (name, _))| format!(r#"<sheet name="{name}" sheetId="{}" r:id="rId{}"/>"#, i + 1, i + 1))
                    .collect::<String>()
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>"#,
                (1..=sheets.len())
                    .map(|i| format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#))
                    .collect::<String>()
            ),
        ),
    ];
    for (i, (_, rows)) in sheets.iter().enumerate() {
        let data: String = rows
            .iter()
            .enumerate()
            .map(|(r, cells)| {
                let cells: String = cells
                    .iter()
                    .enumerate()
                    .map(|(c, v)| {
                        format!(
                            r#"<c r="{}{}" t="inlineStr"><is><t>{v}</t></is></c>"#,
                            (b'A' + c as u8) as char,
                            r + 1
                        )
                    })
                    .collect();
                format!(r#"<row r="{}">{cells}</row>"#, r + 1)
            })
            .collect();
        files.push((
            format!("xl/worksheets/sheet{}.xml", i + 1),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData></worksheet>"#
            ),
        ));
    }
    {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut zip));
        for (name, body) in files {
            writer
                .start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            writer.write_all(body.as_bytes()).unwrap();
        }
        writer.finish().unwrap();
    }
    zip
}

#[test]
fn a_workbook_without_the_table_names_the_sheets_it_looked_at() {
    let bytes = workbook(&[
        ("说明", &[&["本表说明"]]),
        ("Sheet2", &[&["项目", "金额"], &["甲", "1"]]),
    ]);
    assert_eq!(
        read_file(&bytes),
        Err(InputError::NoTable {
            sheets: vec!["说明".to_owned(), "Sheet2".to_owned()]
        })
    );
}

#[test]
fn the_table_in_a_later_sheet_is_found_by_its_header() {
    let bytes = workbook(&[
        ("封面", &[&["2024 年项目支出绩效目标"]]),
        (
            "Sheet2",
            &[
                &[
                    "项目名称（资金使用单位）",
                    "总计",
                    "财政拨款",
                    "财政专户拨款",
                    "其他资金",
                    "绩效目标",
                    "绩效指标",
                ],
                &["合计", "6", "6"],
            ],
        ),
    ]);
    let decoded = read_file(&bytes).unwrap();
    assert_eq!(
        decoded.source,
        Source::Spreadsheet {
            format: "xlsx",
            sheet: "Sheet2".to_owned(),
            other_sheets: vec!["封面".to_owned()],
        }
    );
    assert!(decoded.text.starts_with("项目名称（资金使用单位）\t总计\t"));
}

#[test]
fn damaged_workbooks_are_refused_with_a_reason_never_a_panic() {
    let xlsx = fixture("seed.xlsx");
    let xls = fixture("seed.xls");
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "a zip signature and garbage",
            b"PK\x03\x04garbage garbage garbage".to_vec(),
        ),
        (
            "an OLE signature and garbage",
            [&xls[..8], &b"garbage"[..]].concat(),
        ),
        (
            "a zip of something else",
            workbook(&[]).into_iter().collect(),
        ),
    ];
    for cut in [10, 100, 1000, xlsx.len() / 2, xlsx.len() - 10] {
        cases.push(("a truncated xlsx", xlsx[..cut].to_vec()));
    }
    for cut in [600, xls.len() / 2, xls.len() - 10] {
        cases.push(("a truncated xls", xls[..cut].to_vec()));
    }
    // Flipped bytes all through the file.
    for step in [97, 1009] {
        let mut bytes = xlsx.clone();
        for i in (30..bytes.len()).step_by(step) {
            bytes[i] ^= 0x5A;
        }
        cases.push(("a corrupted xlsx", bytes));
    }
    for (name, bytes) in cases {
        // Any answer but a panic: a cut through padding may still read well.
        if let Err(InputError::Spreadsheet(reason)) = read_file(&bytes) {
            assert!(!reason.is_empty(), "{name}");
        }
    }
    // Garbage behind a zip signature is always an error with a reason.
    assert!(matches!(
        read_file(b"PK\x03\x04garbage garbage garbage"),
        Err(InputError::Spreadsheet(_))
    ));
}

#[test]
fn a_zip_declaring_huge_contents_is_refused_before_it_is_inflated() {
    // A small stored member whose central directory entry claims 3.75 GB, as a
    // zip bomb's does (its members really are that large once inflated).
    let mut zip = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut zip));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        writer
            .start_file("xl/worksheets/sheet1.xml", stored)
            .unwrap();
        writer.write_all(b"<worksheet/>").unwrap();
        writer.finish().unwrap();
    }
    let central = zip.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    zip[central + 24..central + 28].copy_from_slice(&0xF000_0000u32.to_le_bytes());
    match read_file(&zip) {
        Err(InputError::Spreadsheet(reason)) => assert!(reason.contains("MB"), "{reason}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_cli_checks_a_workbook_and_says_which_sheet_it_read() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.xlsx");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao-lint"))
        .args(["check", path])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "errors found: {stdout}");
    assert!(
        stdout.starts_with(&format!(
            "{path}: xlsx 表格，读取工作表「绩效目标表」；其他工作表：说明\n"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{path}:B11: 错误[amount-unit-subtotal]")),
        "{stdout}"
    );
    assert!(
        stdout.ends_with(&format!(
            "{path}: 2 个单位，24 个项目，99 项指标；错误 5，警告 29，提示 18\n"
        )),
        "{stdout}"
    );
}

#[test]
fn randomly_damaged_workbooks_never_panic() {
    // A fixed xorshift sequence: a few bytes overwritten anywhere in the file.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for name in ["seed.xlsx", "seed.xls", "seed.ods"] {
        let original = fixture(name);
        for _ in 0..150 {
            let mut bytes = original.clone();
            for _ in 0..1 + next() % 8 {
                let at = 8 + (next() as usize) % (bytes.len() - 8);
                bytes[at] = next() as u8;
            }
            let _ = read_file(&bytes);
        }
    }
}
