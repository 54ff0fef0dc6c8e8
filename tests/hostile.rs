//! Nothing a table holds can crash, hang or empty the checker, and nothing is
//! lost: numbers past `Decimal`'s range, line ends of every kind, a tab inside
//! a quoted CSV cell, empty and oversized inputs, hostile text in the exports.
//! (Hostile workbooks are in tests/spreadsheets.rs, clipboard HTML in
//! src/input/html.rs, random input in tests/robustness.rs.)

mod common;
use common::{cli, diff, edit, f, findings, fixture, report, seed};
use jixiao_lint::export::{annotated_table, findings_markdown};
use jixiao_lint::text::Lang;
fn temp_file(name: &str, bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("jixiao-hostile-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_file_that_overflowed_decimal_no_longer_ends_the_batch() {
    let seed = seed();
    let overflowing = [
        edit(
            &seed,
            &[(
                "工作经费\t6.00\t6.00",
                "工作经费\t79228162514264337593543950335\t1",
            )],
        ),
        edit(
            &seed,
            &[(
                "年度指标值:400万元",
                "年度指标值:99999999999999999999999999亿元",
            )],
        ),
        edit(
            &seed,
            &[(
                "年度指标值:200元/套",
                "年度指标值:9999999999999999999999999万元/套",
            )],
        ),
        edit(
            &seed,
            &[(
                "年度指标值:400万元",
                "年度指标值:9999999999999999999999999999万元/月",
            )],
        ),
    ];
    let mut paths = vec![temp_file("good-1.txt", seed.as_bytes())];
    for (i, table) in overflowing.iter().enumerate() {
        paths.push(temp_file(&format!("overflow-{i}.txt"), table.as_bytes()));
    }
    paths.push(temp_file("good-2.txt", seed.as_bytes()));
    let mut args = vec!["check", "--format", "summary"];
    args.extend(paths.iter().map(String::as_str));
    let output = cli(&args, b"");
    let out = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(1),
        "errors found, all read: {out}{}",
        text(&output.stderr)
    );
    // One summary line per file, then the totals (tests/batch.rs).
    assert_eq!(
        out.lines().count(),
        paths.len() + 1,
        "one summary line per file: {out}"
    );
    for path in &paths {
        assert!(
            out.contains(&format!("{path}: 2 个单位，24 个项目，99 项指标")),
            "{path}: {out}"
        );
    }
    // Each overflow is a finding at its cell.
    let cells = |table: &str, rule: &str| -> Vec<String> {
        report(table)
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == rule)
            .map(|d| format!("{} {}", d.cell(), d.message.zh))
            .collect()
    };
    assert_eq!(
        cells(&overflowing[0], "amount-invalid"),
        ["B12 金额「79228162514264337593543950335」的整数部分超过 15 位，不是可以核算的金额，未参与合计"]
    );
    for table in &overflowing[1..] {
        let costs = cells(table, "cost-exceeds-budget");
        assert!(
            costs.iter().any(|c| c.contains("大到无法计算")),
            "{costs:?}"
        );
    }
}

#[test]
fn overflowing_weights_are_a_finding_not_a_panic() {
    let table = fixture("long-sichuan.txt")
        .replace(
            "\t500\t人次\t20\t",
            "\t500\t人次\t50000000000000000000000000000\t",
        )
        .replace(
            "\t90\t个\t20\t",
            "\t90\t个\t50000000000000000000000000000\t",
        );
    let weights: Vec<String> = report(&table)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == "weight-sum")
        .map(|d| format!("{} {}", d.cell(), d.message.zh))
        .collect();
    assert_eq!(
        weights,
        [
            "H3 项目「政务服务能力提升」5 项指标的权重合计为 50,000,000,000,000,000,000,000,000,050，应为 100",
            "H4 权重「50000000000000000000000000000」过大，无法合计",
        ]
    );
}

/// Line ends as the input has them, counted as an editor counts lines.
fn input_lines(text: &str) -> usize {
    let ends = if text.contains('\n') { '\n' } else { '\r' };
    text.trim_end_matches(['\r', '\n']).split(ends).count()
}

#[test]
fn every_kind_of_line_end_keeps_every_row_and_its_number() {
    let seed = seed();
    let crlf = seed.replace('\n', "\r\n");
    let cr = seed.replace('\n', "\r");
    // One stray CR inside a goal: part of its cell, as an editor shows it.
    let stray = edit(
        &seed,
        &[("通过出国（境）对政务服务", "通过出国（境）\r对政务服务")],
    );
    for (name, table) in [
        ("LF", &seed),
        ("CRLF", &crlf),
        ("CR", &cr),
        ("a stray CR", &stray),
    ] {
        assert_eq!(findings(table), findings(&seed), "{name}");
        let annotated = annotated_table(
            &jixiao_lint::SharedText::new(table.to_owned()),
            &report(table),
            Lang::Zh,
            b'\t',
        );
        let grid = jixiao_lint::input::read_text(&annotated);
        assert_eq!(
            grid.rows.last().map(|r| r.number as usize),
            Some(input_lines(table)),
            "{name}: the annotated table has as many rows as the input"
        );
        // Every original cell is in the annotated table, in its row.
        let original = jixiao_lint::input::read_text(table);
        for row in &original.rows {
            let out = grid.rows.iter().find(|r| r.number == row.number).unwrap();
            assert_eq!(
                &out.cells[..row.cells.len()],
                &row.cells[..],
                "{name}: row {}",
                row.number
            );
        }
    }
}

#[test]
fn a_tab_inside_a_quoted_csv_cell_keeps_the_file_csv() {
    let seed = seed();
    let csv: String = jixiao_lint::input::read_text(&seed)
        .rows
        .iter()
        .fold((String::new(), 1), |(mut out, mut line), row| {
            while line < row.number {
                out.push('\n');
                line += 1;
            }
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect();
            out.push_str(&cells.join(","));
            (out, line)
        })
        .0;
    let with_tab = edit(&csv, &[("\"工作经费\"", "\"工作\t经费\"")]);
    assert_eq!(jixiao_lint::input::read_text(&with_tab).delimiter, ',');
    let (added, removed) = diff(&findings(&seed), &findings(&with_tab));
    assert_eq!((added, removed), (vec![], vec![]), "read as the seed is");
}

#[test]
fn indicators_numbered_past_999_are_all_read() {
    let cell: String = (1..=1001)
        .map(|n| format!("{n}、1-产出指标, 11-数量指标, 第{n}项产出；实施周期指标值:{n}个, 年度指标值:{n}个; ; "))
        .collect();
    let table = edit(
        &seed(),
        &[(
            "1、1-产出指标, 11-数量指标, 租用面积；实施周期指标值:30135平方, 年度指标值:30135平方;",
            &cell,
        )],
    );
    let report = report(&table);
    let project = report
        .sheet
        .projects()
        .find(|p| p.line.name == "业务办公用房经费")
        .unwrap();
    let numbers: Vec<u32> = project
        .indicators
        .indicators
        .iter()
        .filter_map(|i| i.number)
        .collect();
    assert_eq!(
        numbers.len(),
        1001 + 3,
        "the cell's three other indicators follow"
    );
    assert_eq!(&numbers[998..1001], [999, 1000, 1001]);
    assert_eq!(project.indicators.indicators[999].annual.raw, "1000个");
}

#[test]
fn empty_inputs_are_reported_as_empty() {
    for (name, bytes) in [
        ("empty", &b""[..]),
        ("BOM only", b"\xEF\xBB\xBF"),
        ("blank", b"\r\n \t\r\n"),
    ] {
        let path = temp_file(&format!("{name}.txt"), bytes);
        let output = cli(&["check", &path], b"");
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert_eq!(
            text(&output.stdout),
            format!("{path}: 文件是空的：没有可检查的内容。\n"),
            "{name}"
        );
        let output = cli(
            &["check", "--lang", "en", "--format", "summary", "-"],
            bytes,
        );
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert_eq!(
            text(&output.stderr),
            "-: The file is empty: there is nothing to check.\n"
        );
    }
}

#[test]
fn annotate_says_why_an_input_could_not_be_read() {
    let output = cli(&["check", "--annotate", "-"], b"\xEF\xBB\xBF");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(text(&output.stdout), "");
    assert_eq!(text(&output.stderr), "-: 文件是空的：没有可检查的内容。\n");
    let output = cli(&["check", "--annotate", "/no/such/file.txt"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).starts_with("/no/such/file.txt: 无法读取 cannot read:"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn an_input_over_the_limit_is_refused_before_it_is_read_whole() {
    let limit = jixiao_lint::input::MAX_INPUT_BYTES;
    let output = cli(&["check", "-"], &vec![b'a'; limit + 10]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stdout),
        "-: 无法读取：内容有 200 MB，超过可检查的上限 200 MB。请按单位拆分后分别检查。\n"
    );
}

#[test]
fn a_form_whose_listed_sources_exceed_its_total_is_reported() {
    let form = fixture("form.txt");
    assert_eq!(
        findings(&form)
            .iter()
            .filter(|f| f.0 == "amount-row-sum")
            .count(),
        0
    );
    let over = edit(&form, &[("其中：财政拨款\t70", "其中：财政拨款\t700")]);
    let (added, removed) = diff(&findings(&form), &findings(&over));
    assert_eq!(
        (added, removed),
        // At the 年度资金总额 cell, on its own line of the form.
        (vec![f("amount-row-sum", "B5", 0)], vec![])
    );
    let report = report(&over);
    let message = &report
        .diagnostics
        .iter()
        .find(|d| d.rule == "amount-row-sum")
        .unwrap()
        .message;
    assert_eq!(
        message.zh,
        "总计 80.00 小于其中所列资金之和 710.00（差额 -630.00）"
    );
    // Sources that add up to less are parts: the rest may come from elsewhere.
    let under = edit(&form, &[("其中：财政拨款\t70", "其中：财政拨款\t60")]);
    assert_eq!(findings(&under), findings(&form));
}

#[test]
fn markdown_keeps_cell_html_as_text() {
    let table = edit(
        &seed(),
        &[
            (
                "部门名称：番禺区政务服务数据管理局",
                "部门名称：<b>番禺</b>",
            ),
            (
                "工作经费\t6.00",
                "<img src=x onerror=alert(1)>工作经费\t6.00",
            ),
        ],
    );
    let markdown = findings_markdown(&report(&table), Lang::Zh);
    assert!(!markdown.contains('<'), "no raw tag: {markdown}");
    assert!(
        markdown.contains("&lt;img src=x onerror=alert(1)&gt;工作经费"),
        "{markdown}"
    );
    assert!(markdown.contains("&lt;b&gt;番禺&lt;/b&gt;"), "{markdown}");
}
