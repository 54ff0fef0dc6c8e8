//! Exports: findings as CSV and Markdown, the annotated table that goes back
//! into Excel (and reads back the same), the indicator table, and formula
//! neutralisation.

mod common;
use common::{findings, report, seed};
use jixiao_lint::export::{annotated_table, findings_csv, findings_markdown, indicator_table};
use jixiao_lint::text::Lang;

/// The text as the CLI and the page's worker hold it.
fn shared(text: &str) -> jixiao_lint::SharedText {
    jixiao_lint::SharedText::new(text.to_owned())
}

fn read_csv(text: &str) -> Vec<Vec<String>> {
    let text = text
        .strip_prefix('\u{FEFF}')
        .expect("CSV for Excel starts with a BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn findings_as_csv() {
    let seed = seed();
    let report = report(&seed);
    let rows = read_csv(&findings_csv(&[("seed.txt", &report)], Lang::Zh));
    assert_eq!(
        rows[0],
        [
            "单元格",
            "行",
            "列",
            "级别",
            "规则",
            "项目",
            "指标",
            "问题",
            "建议"
        ]
    );
    assert_eq!(rows.len(), 1 + report.diagnostics.len());
    assert_eq!(
        rows[1][..6],
        [
            "B11",
            "11",
            "B",
            "错误",
            "amount-unit-subtotal",
            "广州市番禺区政务服务数据管理局本级"
        ]
    );
    assert!(rows[1][7].contains("差额 515.00"));
    let english = read_csv(&findings_csv(&[("a", &report), ("b", &report)], Lang::En));
    assert_eq!(english[0][..2], ["file", "cell"]);
    assert_eq!(english.len(), 1 + 2 * report.diagnostics.len());
    assert_eq!(english[1][4], "error");
}

#[test]
fn findings_as_markdown() {
    let report = report(&seed());
    let markdown = findings_markdown(&report, Lang::Zh);
    assert!(markdown.starts_with("# 绩效目标表检查结果\n\n番禺区政务服务数据管理局：2 个单位，24 个项目，99 项指标；错误 5，警告 52，提示 23"));
    let table_rows = markdown.lines().filter(|l| l.starts_with("| ")).count();
    assert_eq!(table_rows, 1 + report.diagnostics.len());
    assert!(markdown.contains("| B11 | 错误 | amount-unit-subtotal |"));
}

#[test]
fn the_annotated_table_reads_back_with_the_same_findings() {
    let seed = seed();
    let report = report(&seed);
    for delimiter in [b'\t', b','] {
        let annotated = annotated_table(&shared(&seed), &report, Lang::Zh, delimiter);
        assert_eq!(
            findings(&annotated),
            findings(&seed),
            "delimiter {}",
            delimiter as char
        );
        let rows: Vec<&str> = annotated.lines().collect();
        // Row numbers stay: the header is still on line 9, the 本级 row on line 11.
        assert!(rows[8].ends_with("问题"), "{}", rows[8]);
        assert!(
            rows[10].contains("B11 错误[amount-unit-subtotal]"),
            "{}",
            rows[10]
        );
    }
    // Goals that start with "-" are neutralised for Excel and read back unchanged.
    let tsv = annotated_table(&shared(&seed), &report, Lang::Zh, b'\t');
    assert!(tsv.contains("\t'-为进一步推进我区信息资源共享利用"));
}

#[test]
fn hostile_cells_are_neutralised_in_every_export() {
    let seed = seed();
    let hostile = seed.replace("工作经费\t6.00", "=HYPERLINK(\"http://x\",\"点我\")\t6.00");
    let report = report(&hostile);
    let tsv = annotated_table(&shared(&hostile), &report, Lang::Zh, b'\t');
    assert!(tsv.contains("'=HYPERLINK"));
    assert!(!tsv.lines().any(|l| l.starts_with('=') || l.contains("\t=")));
    let csv = findings_csv(&[("x", &report)], Lang::Zh);
    assert!(read_csv(&csv)
        .iter()
        .flatten()
        .all(|cell| !cell.starts_with(['=', '+', '-', '@'])));
}

#[test]
fn one_row_per_indicator() {
    let report = report(&seed());
    let rows = read_csv(&indicator_table(&report, Lang::Zh));
    assert_eq!(rows.len(), 1 + 99);
    assert_eq!(
        rows[0][..8],
        [
            "行",
            "单元格",
            "单位",
            "项目",
            "编号",
            "一级指标",
            "二级指标",
            "三级指标"
        ]
    );
    let unit_cost = rows
        .iter()
        .find(|r| r[3] == "免费刻章" && r[4] == "2")
        .unwrap();
    assert_eq!(
        unit_cost[..8],
        [
            "18",
            "G18",
            "广州市番禺区政务服务数据管理局本级",
            "免费刻章",
            "2",
            "1-产出指标",
            "14-成本指标",
            "资金成本"
        ]
    );
    assert_eq!(unit_cost[12..], ["200元/套为最高限价", "≤", "200", "元/套"]);
}
