//! The `jixiao-lint` command line: output formats, the JSON contract and exit
//! codes (0 clean, 1 errors found, 2 unreadable input or usage error).

mod common;
use std::process::Output;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.txt");
const CLEAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/clean.txt");

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::cli(args, stdin.unwrap_or_default())
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn json_follows_the_contract() {
    let output = run(&["check", "--format", "json", SEED], None);
    assert_eq!(output.status.code(), Some(1), "the seed has errors");
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let file = &json["files"][0];
    assert_eq!(file["path"], SEED);
    assert_eq!(file["layout"], "guangzhou-wide");
    assert_eq!(
        (
            file["summary"]["units"].as_u64(),
            file["summary"]["projects"].as_u64(),
            file["summary"]["indicators"].as_u64()
        ),
        (Some(2), Some(24), Some(99))
    );
    let first = &file["diagnostics"][0];
    assert_eq!(first["rule"], "amount-unit-subtotal");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["row"], 11);
    assert_eq!(first["column"], "B");
    assert_eq!(first["cell"], "B11");
    assert_eq!(first["project"], "广州市番禺区政务服务数据管理局本级");
    assert_eq!(first["indicator"], serde_json::Value::Null);
    assert_eq!(
        first["message"],
        "单位小计 13,100.00 ≠ 所列项目合计 12,585.00（差额 515.00），共 21 个项目"
    );
    assert!(first["message_en"].as_str().unwrap().contains("13,100.00"));
    let projects = file["projects"].as_array().unwrap();
    assert_eq!(projects.len(), 24);
    let seal = &projects[5];
    assert_eq!(
        (
            seal["row"].as_u64(),
            seal["name"].as_str(),
            seal["total"].as_str()
        ),
        (Some(18), Some("免费刻章"), Some("705.00"))
    );
    let unit_cost = &seal["indicators"][1];
    assert_eq!(unit_cost["level2"]["code"], "14");
    assert_eq!(unit_cost["annual"]["operator"], "≤");
    assert_eq!(unit_cost["annual"]["number"], "200");
    assert_eq!(unit_cost["annual"]["unit"], "元/套");
    let cost = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "cost-exceeds-budget")
        .unwrap();
    assert_eq!(
        (cost["row"].as_u64(), cost["indicator"].as_u64()),
        (Some(34), Some(3))
    );
}

#[test]
fn human_output_names_cell_severity_rule_and_project() {
    let output = run(&["check", SEED], None);
    let text = stdout(&output);
    assert!(
        text.contains(&format!(
            "{SEED}:B11: 错误[amount-unit-subtotal] 单位小计 13,100.00"
        )),
        "{text}"
    );
    assert!(text.contains("(政务中心双回路供电改造工程)"));
    assert!(text
        .trim_end()
        .ends_with("2 个单位，24 个项目，99 项指标；错误 5，警告 52，提示 23"));
    let english = stdout(&run(&["check", "--lang", "en", SEED], None));
    assert!(
        english.contains(":B11: error[amount-unit-subtotal] Unit subtotal 13,100.00"),
        "{english}"
    );
}

#[test]
fn exit_codes() {
    assert_eq!(run(&["check", CLEAN], None).status.code(), Some(0));
    assert_eq!(run(&["check", SEED, CLEAN], None).status.code(), Some(1));
    assert_eq!(
        run(&["check", "/no/such/file.txt"], None).status.code(),
        Some(2)
    );
    assert_eq!(
        run(
            &["check", "-"],
            Some(b"\x81\x20 malformed in every encoding")
        )
        .status
        .code(),
        Some(2)
    );
    assert_eq!(run(&["check"], None).status.code(), Some(2));
    assert_eq!(
        run(&["check", "--format", "xml", SEED], None).status.code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"], None).status.code(), Some(2));
}

#[test]
fn stdin_is_read_with_a_dash() {
    let seed = std::fs::read(SEED).unwrap();
    let output = run(&["check", "--format", "json", "-"], Some(&seed));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["files"][0]["summary"]["indicators"], 99);
    let bad = run(&["check", "--format", "json", "-"], Some(b"abc\xff"));
    let json: serde_json::Value = serde_json::from_str(&stdout(&bad)).unwrap();
    assert!(json["files"][0]["error"]
        .as_str()
        .unwrap()
        .contains("UTF-8"));
}

#[test]
fn rules_and_explain() {
    let list = stdout(&run(&["rules"], None));
    assert_eq!(list.lines().count(), jixiao_lint::rules::REGISTRY.len());
    // A finding's rank in the registry is kept in a byte while the check runs.
    assert!(jixiao_lint::rules::REGISTRY.len() <= 256);
    assert!(list.contains("amount-unit-subtotal"));
    let help = stdout(&run(&["explain", "cost-exceeds-budget"], None));
    for section in ["检查内容", "为什么", "示例", "依据", "297.00"] {
        assert!(help.contains(section), "{section} missing in {help}");
    }
    assert!(stdout(&run(&["explain", "value-vague", "--lang", "en"], None)).contains("Source:"));
    assert_eq!(
        run(&["explain", "no-such-rule"], None).status.code(),
        Some(2)
    );
}

#[test]
fn csv_markdown_and_annotated_outputs() {
    let csv = stdout(&run(&["check", "--format", "csv", SEED], None));
    assert!(csv.starts_with("\u{FEFF}单元格,行,列,级别,规则,项目,指标,问题,建议\n"));
    assert!(csv.contains("B11,11,B,错误,amount-unit-subtotal"));
    let markdown = stdout(&run(
        &["check", "--format", "markdown", "--lang", "en", SEED],
        None,
    ));
    assert!(markdown.starts_with("# Performance target table check"));
    let annotated = run(&["check", "--annotate", SEED], None);
    assert_eq!(
        annotated.status.code(),
        Some(1),
        "exit status still says whether errors exist"
    );
    let text = stdout(&annotated);
    assert!(text.lines().nth(8).unwrap().ends_with("\t问题"));
    // The annotated table checks exactly as the original does.
    let again = run(&["check", "--format", "json", "-"], Some(text.as_bytes()));
    let original = run(&["check", "--format", "json", SEED], None);
    let diagnostics = |o: &Output| {
        serde_json::from_str::<serde_json::Value>(&stdout(o)).unwrap()["files"][0]["diagnostics"]
            .clone()
    };
    assert_eq!(diagnostics(&again), diagnostics(&original));
    assert_eq!(
        run(&["check", "--annotate", SEED, CLEAN], None)
            .status
            .code(),
        Some(2)
    );
}

/// A mutated seed.xls on which calamine 0.38 panics (a slice index in its
/// xls reader): the CLI reports the file as unreadable (exit 2) and goes on
/// with the other files instead of dying.
#[test]
fn a_reader_panic_is_an_unreadable_file_not_a_crash() {
    let corrupt = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/corrupt-calamine-panics.xls"
    );
    let output = run(&["check", corrupt, CLEAN], None);
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    assert!(
        text.contains("无法读取：文件已损坏，读取时出现内部错误。"),
        "{text}"
    );
    assert!(
        text.contains("clean.txt: 1 个单位，2 个项目，9 项指标"),
        "the next file is still checked: {text}"
    );
}

#[test]
fn summary_format_prints_one_line_per_file() {
    let output = run(&["check", "--format", "summary", SEED, CLEAN], None);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(
        lines[0],
        format!("{SEED}: 2 个单位，24 个项目，99 项指标；错误 5，警告 52，提示 23")
    );
    assert!(lines[1].starts_with(&format!("{CLEAN}: ")), "{}", lines[1]);
    // Then the totals across the files (tests/batch.rs has more).
    assert!(lines[2].starts_with("合计 2 个文件"), "{}", lines[2]);
}
