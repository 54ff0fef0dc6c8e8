//! The annotated workbook (.xlsx), read back with calamine and, for what
//! calamine does not read (notes, links, fills), from the file's own XML:
//! one 问题清单 row per finding, each linking to its cell of the table sheet;
//! every finding's cell filled by its worst severity with a note naming its
//! rule; the table sheet checks to the same findings; hostile text stays text.

mod common;
use calamine::{Data, Reader, Xlsx};
use common::{edit, findings, report, seed};
use jixiao_lint::rules::Severity;
use jixiao_lint::text::Lang;
use jixiao_lint::xlsx::{annotated_workbook, fill, sheet_names};
use jixiao_lint::{check_text, Config};
use std::collections::HashMap;
use std::io::{Cursor, Read};

fn workbook(text: &str, lang: Lang) -> Vec<u8> {
    annotated_workbook(
        &jixiao_lint::SharedText::new(text.to_owned()),
        &report(text),
        lang,
    )
    .expect("the workbook is written")
}

fn sheet(bytes: &[u8], name: &str) -> calamine::Range<Data> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    book.worksheet_range(name).unwrap()
}

/// Row `r` of a sheet, each cell as text.
fn row_text(range: &calamine::Range<Data>, r: usize) -> Vec<String> {
    range
        .rows()
        .nth(r)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect()
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the workbook"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The value of `attr="…"` in an XML tag.
fn attr<'a>(tag: &'a str, attr: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {attr}=\""))? + attr.len() + 3;
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// Every `<name …>` tag of an XML text, with what follows up to its end.
fn tags<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    xml.match_indices(&open)
        .map(|(i, _)| {
            let rest = &xml[i..];
            let end = rest
                .find(&format!("</{name}>"))
                .or_else(|| rest.find("/>"))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The table sheet's notes by cell: their text.
fn notes(bytes: &[u8]) -> HashMap<String, String> {
    // The table is the second sheet; its notes are in the comments part its
    // relationships name.
    let rels = part(bytes, "xl/worksheets/_rels/sheet2.xml.rels");
    let target = tags(&rels, "Relationship")
        .into_iter()
        .find(|r| attr(r, "Type").is_some_and(|t| t.ends_with("/comments")))
        .and_then(|r| attr(r, "Target"))
        .expect("the table sheet has notes");
    let name = format!("xl/{}", target.trim_start_matches("../"));
    let xml = part(bytes, &name);
    tags(&xml, "comment")
        .into_iter()
        .map(|c| {
            let text: String = c
                .split("<t")
                .skip(1)
                .filter_map(|t| Some(&t[t.find('>')? + 1..t.find("</t>")?]))
                .collect();
            (attr(c, "ref").unwrap().to_owned(), unescape(&text))
        })
        .collect()
}

/// The fill colour (`F4B6B6`) of each styled cell of a sheet, by cell.
fn fills(bytes: &[u8], sheet_part: &str) -> HashMap<String, String> {
    let styles = part(bytes, "xl/styles.xml");
    let section = |name: &str| {
        let start = styles.find(&format!("<{name}")).unwrap();
        let end = styles.find(&format!("</{name}>")).unwrap();
        styles[start..end].to_owned()
    };
    let fill_colours: Vec<Option<String>> = section("fills")
        .split("<fill>")
        .skip(1)
        .map(|f| {
            tags(f, "fgColor")
                .first()
                .and_then(|c| attr(c, "rgb"))
                .map(|rgb| rgb[2..].to_owned())
        })
        .collect();
    let xfs: Vec<usize> = tags(&section("cellXfs"), "xf")
        .into_iter()
        .map(|xf| attr(xf, "fillId").unwrap().parse().unwrap())
        .collect();
    let xml = part(bytes, sheet_part);
    tags(&xml, "c")
        .into_iter()
        .filter_map(|c| {
            let style: usize = attr(c, "s")?.parse().ok()?;
            let colour = fill_colours.get(*xfs.get(style)?)?.clone()?;
            Some((attr(c, "r")?.to_owned(), colour))
        })
        .collect()
}

fn hex(severity: Severity) -> String {
    format!("{:06X}", fill(severity))
}

#[test]
fn one_findings_row_per_finding_each_linking_to_its_cell() {
    let seed = seed();
    let report = report(&seed);
    let bytes = workbook(&seed, Lang::Zh);
    let names = sheet_names(Lang::Zh);
    let book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(book.sheet_names(), names[..3]);
    let list = sheet(&bytes, names[0]);
    let header: Vec<String> = list
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header,
        [
            "级别",
            "规则",
            "单元格",
            "单位",
            "项目",
            "指标",
            "说明",
            "建议"
        ]
    );
    assert_eq!(list.height(), 1 + report.diagnostics.len());
    let table = sheet(&bytes, names[1]);
    let sheet1 = part(&bytes, "xl/worksheets/sheet1.xml");
    let links: HashMap<&str, (&str, &str)> = tags(&sheet1, "hyperlink")
        .into_iter()
        .map(|h| {
            (
                attr(h, "ref").unwrap(),
                (
                    attr(h, "location").unwrap(),
                    attr(h, "display").unwrap_or(""),
                ),
            )
        })
        .collect();
    assert!(sheet1.contains("<autoFilter ref=\"A1:H"), "an autofilter");
    assert!(sheet1.contains("state=\"frozen\""), "a frozen header");
    let row_fills = fills(&bytes, "xl/worksheets/sheet1.xml");
    for (i, d) in report.diagnostics.iter().enumerate() {
        let row = row_text(&list, i + 1);
        assert_eq!(row[0], d.severity.label().zh);
        assert_eq!((row[1].as_str(), row[2].clone()), (d.rule, d.cell()));
        assert_eq!(row[4], d.project.as_deref().unwrap_or_default());
        assert_eq!(row[6], d.message.zh);
        assert_eq!(row[7].is_empty(), d.suggestion.is_none(), "{row:?}");
        assert_eq!(
            row_fills.get(&format!("A{}", i + 2)),
            Some(&hex(d.severity))
        );
        // The link goes to the finding's cell of the table sheet, which is there.
        let (location, display) = links[format!("C{}", i + 2).as_str()];
        let target = location.strip_prefix("'绩效目标表'!").expect(location);
        assert_eq!(display, d.cell());
        let column = d.column_index.unwrap_or(0) as u32;
        assert_eq!(
            target,
            format!("{}{}", d.column().unwrap_or("A".into()), d.row)
        );
        let _ = table.get_value((d.row - 1, column));
    }
    // The 515.00 gap: its suggestion in the 建议 column, its unit in 单位.
    let first: Vec<String> = list
        .rows()
        .nth(1)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(first[3], "广州市番禺区政务服务数据管理局本级");
    assert!(
        first[7].starts_with("12,585.00（所列 21 个项目之和"),
        "{}",
        first[7]
    );
    // In English, the sheets and headers are English.
    let english = workbook(&seed, Lang::En);
    let book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(english)).unwrap();
    assert_eq!(book.sheet_names(), ["Findings", "Table", "Indicators"]);
}

#[test]
fn every_finding_cell_is_filled_and_noted_with_its_rules() {
    let seed = seed();
    let report = report(&seed);
    let bytes = workbook(&seed, Lang::Zh);
    let notes = notes(&bytes);
    let fills = fills(&bytes, "xl/worksheets/sheet2.xml");
    let mut worst: HashMap<String, Severity> = HashMap::new();
    for d in &report.diagnostics {
        let cell = format!("{}{}", d.column().unwrap_or("A".into()), d.row);
        let note = notes
            .get(&cell)
            .unwrap_or_else(|| panic!("{cell} has a note"));
        assert!(note.contains(&format!("[{}]", d.rule)), "{cell}: {note}");
        assert!(note.contains(&d.message.zh), "{cell}: {note}");
        let w = worst.entry(cell).or_insert(d.severity);
        *w = (*w).min(d.severity);
    }
    assert_eq!(notes.len(), worst.len(), "notes only on problem cells");
    for (cell, severity) in &worst {
        assert_eq!(fills.get(cell), Some(&hex(*severity)), "{cell}");
    }
    let filled = fills
        .values()
        .filter(|c| ["F4B6B6", "FFE08A", "BDD7EE"].contains(&c.as_str()))
        .count();
    assert_eq!(filled, worst.len(), "no other cell is filled");
    assert!(notes["B11"].contains("建议：12,585.00"), "{}", notes["B11"]);
}

#[test]
fn the_table_sheet_is_the_table_and_checks_the_same() {
    let seed = seed();
    let bytes = workbook(&seed, Lang::Zh);
    let table = sheet(&bytes, "绩效目标表");
    // Where they were: the header on row 9, the 本级 subtotal at B11, as a number.
    assert_eq!(
        table.get_value((8, 0)),
        Some(&Data::String("项目名称（资金使用单位）".into()))
    );
    assert_eq!(table.get_value((10, 1)), Some(&Data::Float(13100.0)));
    assert_eq!(
        table.get_value((11, 5)).map(|d| d.to_string()),
        Some(
            "通过出国（境）对政务服务、电子政务的考察，提升我区的数字政府建设及政务服务的工作"
                .into()
        )
    );
    // Read as a file by the checker itself, the workbook gives the same findings.
    let decoded = jixiao_lint::input::read_file(&bytes).unwrap();
    assert_eq!(findings(&decoded.text), findings(&seed));
    let indicators = sheet(&bytes, "指标明细");
    assert_eq!(indicators.height(), 1 + 99);
}

#[test]
fn hostile_text_stays_text() {
    let seed = seed();
    let hostile = edit(
        &seed,
        &[
            ("工作经费\t6.00", "=cmd|' /C calc'!A0\t6.00"),
            ("业务办公用房经费\t3,823.00", "+1+1\t3,823.00"),
            ("免费刻章\t705.00", "@SUM(A1:A9)\t705.00"),
        ],
    );
    let bytes = workbook(&hostile, Lang::Zh);
    for sheet_part in ["sheet1", "sheet2", "sheet3"] {
        let xml = part(&bytes, &format!("xl/worksheets/{sheet_part}.xml"));
        assert!(
            !xml.contains("<f>") && !xml.contains("<f "),
            "{sheet_part} has a formula"
        );
    }
    let table = sheet(&bytes, "绩效目标表");
    let text = |row: u32, col: u32| table.get_value((row, col)).cloned();
    assert_eq!(text(11, 0), Some(Data::String("=cmd|' /C calc'!A0".into())));
    assert_eq!(text(12, 0), Some(Data::String("+1+1".into())));
    assert_eq!(text(17, 0), Some(Data::String("@SUM(A1:A9)".into())));
    // A goal that starts with "-" is text, as written.
    let goal = table
        .rows()
        .flatten()
        .find(|c| c.to_string().starts_with("-根据"))
        .cloned();
    assert!(matches!(goal, Some(Data::String(_))), "{goal:?}");
    let list = sheet(&bytes, "问题清单");
    assert!(list
        .rows()
        .flatten()
        .any(|c| *c == Data::String("=cmd|' /C calc'!A0".into())));
}

#[test]
fn a_profile_gets_a_sheet_of_its_own() {
    let seed = seed();
    let config = jixiao_lint::profile::parse("[rules]\nvalue-vague = \"off\"\n").unwrap();
    let report = check_text(&seed, &config);
    let bytes = annotated_workbook(
        &jixiao_lint::SharedText::new(seed.clone()),
        &report,
        Lang::Zh,
    )
    .unwrap();
    let profile = sheet(&bytes, "规则配置");
    assert_eq!(
        profile.get_value((1, 0)),
        Some(&Data::String("value-vague：关闭".into()))
    );
    let plain = annotated_workbook(
        &jixiao_lint::SharedText::new(seed.clone()),
        &check_text(&seed, &Config::default()),
        Lang::Zh,
    )
    .unwrap();
    let book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(plain)).unwrap();
    assert!(!book.sheet_names().contains(&"规则配置".to_owned()));
}

#[test]
fn long_layouts_and_an_empty_report_are_written_too() {
    for name in ["long-sichuan.txt", "form.txt", "clean.txt"] {
        let text = common::fixture(name);
        let bytes = workbook(&text, Lang::Zh);
        let decoded = jixiao_lint::input::read_file(&bytes).unwrap();
        assert_eq!(findings(&decoded.text), findings(&text), "{name}");
    }
    let nothing = workbook("", Lang::Zh);
    assert_eq!(
        sheet(&nothing, "问题清单").height(),
        1 + report("").diagnostics.len()
    );
}

#[test]
fn the_cli_writes_the_workbook() {
    let out = std::env::temp_dir().join(format!("jixiao-annotated-{}.xlsx", std::process::id()));
    let seed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.txt");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_jixiao-lint"))
            .args(args)
            .output()
            .unwrap()
    };
    let output = run(&[
        "check",
        "--annotate",
        "--format",
        "xlsx",
        "--output",
        out.to_str().unwrap(),
        seed_path,
    ]);
    assert_eq!(output.status.code(), Some(1), "the seed has errors");
    assert!(output.stdout.is_empty());
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(
        sheet(&bytes, "问题清单").height(),
        1 + report(&seed()).diagnostics.len()
    );
    let english = run(&[
        "check",
        "--annotate",
        "--format",
        "xlsx",
        "--lang",
        "en",
        "-o",
        out.to_str().unwrap(),
        seed_path,
    ]);
    assert_eq!(english.status.code(), Some(1));
    let book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(std::fs::read(&out).unwrap())).unwrap();
    assert_eq!(book.sheet_names()[0], "Findings");
    // A workbook needs a file name: a usage error.
    assert_eq!(
        run(&["check", "--annotate", "--format", "xlsx", seed_path])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["check", "--format", "xlsx", seed_path]).status.code(),
        Some(2)
    );
    let _ = std::fs::remove_file(&out);
}

/// The batch workbook: a 汇总 sheet (one row per file, the name a link to its
/// sheet, the totals last) and one findings sheet per table read; a file that
/// could not be read is a row saying why, with no sheet.
#[test]
fn the_batch_workbook_has_a_summary_and_a_sheet_per_table() {
    use jixiao_lint::batch::{totals, BatchRow};
    use jixiao_lint::text::Message;
    use jixiao_lint::xlsx::batch_workbook;
    let seed_report = report(&seed());
    let clean_text = common::fixture("clean.txt");
    let clean_report = report(&clean_text);
    let why = Message::new("无法读取：损坏", "unreadable: damaged");
    let rows = [
        BatchRow::checked("dept.zip/a/表[1].txt", None, &seed_report),
        BatchRow::checked("dept.zip/b/表[1].txt", None, &clean_report),
        BatchRow::unreadable("broken.xlsx", why.clone()),
        BatchRow::checked(
            "一个名字很长很长很长很长很长很长很长很长很长很长很长很长的文件.csv",
            None,
            &clean_report,
        ),
    ];
    let files = [
        (&rows[0], Some(&seed_report)),
        (&rows[1], Some(&clean_report)),
        (&rows[2], None),
        (&rows[3], Some(&clean_report)),
    ];
    let bytes = batch_workbook(&files, Lang::Zh).unwrap();
    let book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let long = "一个名字很长很长很长很长很长很长很长很长很长很长很长很长的文件";
    let long: String = long.chars().take(31).collect();
    assert_eq!(
        book.sheet_names(),
        ["汇总", "表_1_", "表_1_ (2)", long.as_str()],
        "unique names Excel accepts, one per table read"
    );

    let summary = sheet(&bytes, "汇总");
    let cells = |r: usize| row_text(&summary, r);
    assert_eq!(cells(0), jixiao_lint::batch::headings(Lang::Zh));
    assert_eq!(
        summary.height(),
        1 + rows.len() + 1,
        "a row per file, then the totals"
    );
    let s = &seed_report.summary;
    assert_eq!(
        cells(1)[..8],
        [
            "dept.zip/a/表[1].txt".to_owned(),
            s.department.clone().unwrap_or_default(),
            s.units.to_string(),
            s.projects.to_string(),
            s.indicators.to_string(),
            s.errors.to_string(),
            s.warnings.to_string(),
            s.infos.to_string(),
        ]
    );
    assert_eq!(cells(3)[0], "broken.xlsx");
    assert_eq!(cells(3)[9], why.zh, "the unreadable file says why");
    let t = totals(&rows);
    assert_eq!(
        cells(5)[..8],
        [
            "合计（4 个文件，3 个已检查）".to_owned(),
            String::new(),
            t.units.to_string(),
            t.projects.to_string(),
            t.indicators.to_string(),
            t.errors.to_string(),
            t.warnings.to_string(),
            t.infos.to_string(),
        ]
    );

    // Each name links to its own sheet; the unreadable file has no link.
    let sheet1 = part(&bytes, "xl/worksheets/sheet1.xml");
    let links: HashMap<&str, &str> = tags(&sheet1, "hyperlink")
        .into_iter()
        .map(|h| (attr(h, "ref").unwrap(), attr(h, "location").unwrap()))
        .collect();
    assert_eq!(
        links,
        HashMap::from([
            ("A2", "'表_1_'!A1"),
            ("A3", "'表_1_ (2)'!A1"),
            ("A5", &*format!("'{long}'!A1")),
        ])
    );

    // Each table's sheet lists its findings as 问题清单 does, in order.
    let list = sheet(&bytes, "表_1_");
    assert_eq!(list.height(), 1 + seed_report.diagnostics.len());
    for (i, d) in seed_report.diagnostics.iter().enumerate() {
        let row = row_text(&list, i + 1);
        assert_eq!(
            (
                row[0].as_str(),
                row[1].as_str(),
                row[2].as_str(),
                row[6].as_str()
            ),
            (
                d.severity.label().zh,
                d.rule,
                d.cell().as_str(),
                d.message.zh.as_str()
            )
        );
    }
    assert_eq!(
        sheet(&bytes, "表_1_ (2)").height(),
        1 + clean_report.diagnostics.len()
    );

    let english = batch_workbook(&files, Lang::En).unwrap();
    let book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(english)).unwrap();
    assert_eq!(book.sheet_names()[0], "Summary");
}

#[test]
fn the_cli_writes_the_batch_workbook() {
    let dir = std::env::temp_dir().join(format!("jixiao-batch-book-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("batch.xlsx");
    let broken = dir.join("broken.xlsx");
    std::fs::write(&broken, b"PK\x03\x04 not a workbook").unwrap();
    let seed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.txt");
    let clean_path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/clean.txt");
    let output = common::cli(
        &[
            "check",
            "--format",
            "xlsx",
            "--output",
            out.to_str().unwrap(),
            seed_path,
            clean_path,
            broken.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2), "a file could not be read");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("broken.xlsx"), "{stderr}");
    let bytes = std::fs::read(&out).unwrap();
    let book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(book.sheet_names(), ["汇总", "seed", "clean"]);
    let summary = sheet(&bytes, "汇总");
    assert_eq!(summary.height(), 1 + 3 + 1);
    assert_eq!(
        sheet(&bytes, "seed").height(),
        1 + report(&seed()).diagnostics.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
