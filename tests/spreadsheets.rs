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
    let sheets: Vec<(&str, String)> = sheets
        .iter()
        .map(|(name, rows)| {
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
            (*name, format!("<sheetData>{data}</sheetData>"))
        })
        .collect();
    xlsx(&sheets, &[])
}

/// A minimal xlsx written by hand, no styles: each sheet's XML inside
/// `<worksheet>`, and any further files (`xl/sharedStrings.xml`).
fn xlsx(sheets: &[(&str, String)], extra: &[(&str, String)]) -> Vec<u8> {
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
    for (i, (_, xml)) in sheets.iter().enumerate() {
        files.push((
            format!("xl/worksheets/sheet{}.xml", i + 1),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{xml}</worksheet>"#
            ),
        ));
    }
    files.extend(
        extra
            .iter()
            .map(|(name, body)| (name.to_string(), body.clone())),
    );
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
            "{path}: 2 个单位，24 个项目，99 项指标；错误 5，警告 52，提示 23\n"
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

/// One sheet of `rows` (A1 holds a long shared string, B1 a short one) and
/// `merges` merge regions, as a hostile workbook of a few KB declares them.
fn hostile_xlsx(shared: &str, cells: &str, merges: &[&str]) -> Vec<u8> {
    let merges: String = merges
        .iter()
        .map(|m| format!(r#"<mergeCell ref="{m}"/>"#))
        .collect();
    let merge_cells = if merges.is_empty() {
        String::new()
    } else {
        format!("<mergeCells>{merges}</mergeCells>")
    };
    xlsx(
        &[("表", format!("<sheetData>{cells}</sheetData>{merge_cells}"))],
        &[(
            "xl/sharedStrings.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>{shared}</t></si><si><t>项目</t></si></sst>"#
            ),
        )],
    )
}

/// What a refusal says: the reason, or the answer that was not one.
fn refusal(bytes: &[u8]) -> String {
    match read_file(bytes) {
        Err(InputError::Spreadsheet(reason)) => reason,
        other => panic!(
            "refused with a reason, not {:?}",
            other.map(|d| d.text.len())
        ),
    }
}

#[test]
fn tiny_workbooks_that_ask_for_huge_memory_are_refused() {
    let long = "长".repeat(300_000); // 900 KB of text, stored once
                                     // A long string merged over A1:T100000: 2 million copies of it.
    let merged = hostile_xlsx(
        &long,
        r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#,
        &["A1:T100000"],
    );
    assert!(merged.len() < 20_000, "{} bytes", merged.len());
    assert!(refusal(&merged).contains("MB"), "{}", refusal(&merged));
    // The same string used by 1000 cells: 900 MB of text.
    let cells: String = (1..=1000)
        .map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#))
        .collect();
    let shared = hostile_xlsx(&long, &cells, &[]);
    assert!(refusal(&shared).contains("MB"), "{}", refusal(&shared));
    // One region listed 10 000 times is filled once: read, not refused.
    let repeated = vec!["B1:B400"; 10_000];
    let book = hostile_xlsx(
        "x",
        r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>"#,
        &repeated,
    );
    match read_file(&book) {
        Err(InputError::NoTable { sheets }) => assert_eq!(sheets, ["表"]),
        other => panic!("{:?}", other.map(|d| d.text.len())),
    }
    // 10 000 different overlapping regions: their areas add up past the cap.
    let overlapping: Vec<String> = (0..10_000).map(|i| format!("B1:C{}", 300 + i)).collect();
    let overlapping: Vec<&str> = overlapping.iter().map(String::as_str).collect();
    let book = hostile_xlsx(
        "x",
        r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>"#,
        &overlapping,
    );
    assert!(refusal(&book).contains("单元格"), "{}", refusal(&book));
}

/// An ods whose content.xml repeats one filled cell across 16 384 columns of
/// a million rows: 1.5 KB that calamine would spell out into 100 million cells.
#[test]
fn an_ods_with_huge_repeats_is_refused_before_calamine_reads_it() {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="表"><table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="string" table:number-columns-repeated="16384"><text:p>项目</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let mut zip = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut zip));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        writer.start_file("mimetype", stored).unwrap();
        writer
            .write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        writer
            .start_file("content.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(content.as_bytes()).unwrap();
        writer.finish().unwrap();
    }
    assert!(zip.len() < 2_000, "{} bytes", zip.len());
    assert!(refusal(&zip).contains("单元格"), "{}", refusal(&zip));
    // The seed's own ods, with LibreOffice's trailing empty repeats, still reads.
    assert!(read_file(&fixture("seed.ods")).is_ok());
}
