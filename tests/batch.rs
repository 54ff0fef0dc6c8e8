//! The command line over rounds and batches: `jixiao-lint diff OLD NEW` (its
//! formats, the JSON contract, exit 0 nothing introduced / 1 introduced / 2
//! unreadable) and `check` over a .zip of tables with `--format summary`
//! totals (a bad member is a line saying why, a zip bomb is refused).

mod common;
use common::{edit, seed};
use std::io::Write;
use std::process::{Command, Output};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.txt");
const CLEAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/clean.txt");

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao-lint"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// A file in a fresh temporary folder of this test.
fn temp(test: &str, name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("jixiao-batch-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

/// The seed revised: the 400万元 cost fixed (fixed), an annual value
/// emptied (introduced), a row inserted at the top (moves every cell).
fn revision() -> String {
    let revised = edit(
        &seed(),
        &[
            (
                "实施周期指标值:400万元, 年度指标值:400万元",
                "实施周期指标值:280万元, 年度指标值:280万元",
            ),
            ("年度指标值:800人/天", "年度指标值:"),
        ],
    );
    format!("附件2\n{revised}")
}

#[test]
fn diff_json_follows_the_contract() {
    let new = temp("json", "rev.txt", revision().as_bytes());
    let output = run(&["diff", "--format", "json", SEED, &new]);
    assert_eq!(output.status.code(), Some(1), "a finding was introduced");
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["old"]["path"], SEED);
    assert_eq!(json["new"]["path"], new.as_str());
    assert_eq!(
        (
            json["old"]["errors"].as_u64(),
            json["new"]["errors"].as_u64()
        ),
        (Some(5), Some(6))
    );
    let fixed = json["fixed"].as_array().unwrap();
    assert_eq!(fixed.len(), 1);
    let f = &fixed[0];
    assert_eq!(
        (
            &f["rule"],
            &f["severity"],
            &f["cell"],
            &f["row"],
            &f["column"],
            &f["indicator"]
        ),
        (
            &"cost-exceeds-budget".into(),
            &"warning".into(),
            &"G34".into(),
            &34.into(),
            &"G".into(),
            &3.into()
        )
    );
    assert_eq!(f["project"], "政务中心双回路供电改造工程");
    assert_eq!(f["new_cell"], "G35", "the same indicator in the revision");
    assert!(f["message_en"].as_str().unwrap().contains("297.00"));
    let introduced = json["introduced"].as_array().unwrap();
    assert_eq!(introduced.len(), 1);
    assert_eq!(
        (&introduced[0]["rule"], &introduced[0]["cell"]),
        (&"value-missing".into(), &"G15".into())
    );
    let remaining = json["remaining"].as_array().unwrap();
    assert_eq!(remaining.len(), 79);
    assert_eq!(
        (&remaining[0]["cell"], &remaining[0]["old_cell"]),
        (&"B12".into(), &"B11".into())
    );
    let changes = json["changes"].as_array().unwrap();
    let kinds: Vec<(&str, &str, &str, &str, &str)> = changes
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap(),
                c["field"].as_str().unwrap(),
                c["old"].as_str().unwrap(),
                c["new"].as_str().unwrap(),
                c["cell"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("indicator-changed", "annual", "800人/天", "", "G15"),
            ("indicator-changed", "period", "400万元", "280万元", "G35"),
            ("indicator-changed", "annual", "400万元", "280万元", "G35"),
        ]
    );
    assert_eq!(changes[1]["project"], "政务中心双回路供电改造工程");
    assert_eq!(changes[1]["indicator"], 3);
    assert_eq!(changes[1]["indicator_name"], "工程结算金额");
}

#[test]
fn diff_exit_status() {
    assert_eq!(run(&["diff", SEED, SEED]).status.code(), Some(0));
    // Only fixes: nothing introduced.
    let fixed = temp(
        "exit",
        "fixed.txt",
        edit(
            &seed(),
            &[(
                "实施周期指标值:400万元, 年度指标值:400万元",
                "实施周期指标值:280万元, 年度指标值:280万元",
            )],
        )
        .as_bytes(),
    );
    assert_eq!(run(&["diff", SEED, &fixed]).status.code(), Some(0));
    assert_eq!(run(&["diff", &fixed, SEED]).status.code(), Some(1));
    let missing = run(&["diff", SEED, "/no/such/file.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/no/such/file.txt"));
    let bad = temp("exit", "bad.txt", b"abc\xff\xfe\x00");
    assert_eq!(run(&["diff", &bad, SEED]).status.code(), Some(2));
    assert_eq!(
        run(&["diff", SEED]).status.code(),
        Some(2),
        "one file is a usage error"
    );
    assert_eq!(
        run(&["diff", "--format", "xml", SEED, SEED]).status.code(),
        Some(2)
    );
}

#[test]
fn diff_human_markdown_and_csv() {
    let new = temp("formats", "rev.txt", revision().as_bytes());
    let human = stdout(&run(&["diff", SEED, &new]));
    let lines: Vec<&str> = human.lines().collect();
    assert_eq!(
        lines[0],
        format!("{SEED} → {new}: 已解决 1，新出现 1，仍存在 79；表格变化 3")
    );
    assert!(human.contains(&format!("\n新出现 (1):\n  {new}:G15: 错误[value-missing] 第 2 项指标「工作餐人数」：未填写年度指标值  (后勤保障经费)\n")), "{human}");
    assert!(
        human.contains(&format!(
            "\n已解决 (1):\n  {SEED}:G34: 警告[cost-exceeds-budget]"
        )),
        "{human}"
    );
    assert!(
        human.contains(&format!("  {new}:B12 ← B11: 错误[amount-unit-subtotal]")),
        "{human}"
    );
    assert!(human.contains(&format!("  {new}:G35: 指标修改 年度指标值: 400万元 → 280万元  (政务中心双回路供电改造工程 · 第 3 项「工程结算金额」)")), "{human}");
    let english = stdout(&run(&["diff", "--lang", "en", SEED, &new]));
    assert!(
        english.contains("1 fixed, 1 introduced, 79 remaining; 3 changes to the table"),
        "{english}"
    );
    let markdown = stdout(&run(&["diff", "--format", "markdown", SEED, &new]));
    for part in [
        "# 修改前后比较",
        "## 新出现（1）",
        "## 仍存在（79）",
        "## 已解决（1）",
        "## 表格变化（3）",
        "| G15 |  | 错误 | `value-missing` |",
    ] {
        assert!(markdown.contains(part), "{part} missing in {markdown}");
    }
    let csv = stdout(&run(&["diff", "--format", "csv", SEED, &new]));
    assert!(
        csv.starts_with(
            "\u{FEFF}状态,规则或变化,级别,单元格,原单元格,单位,项目,指标,字段,原值,新值,说明\n"
        ),
        "{csv}"
    );
    // One line per finding and change, after the header.
    assert_eq!(csv.lines().count(), 1 + 1 + 1 + 79 + 3);
    assert!(
        csv.contains("\n已解决,cost-exceeds-budget,警告,G35,G34,,政务中心双回路供电改造工程,3,"),
        "{csv}"
    );
    assert!(csv.contains("\n表格变化,indicator-changed,,G35,G34,广州市番禺区政务服务数据管理局本级,政务中心双回路供电改造工程,3,实施周期指标值,400万元,280万元,"), "{csv}");
}

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        writer
            .start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn a_zip_of_tables_with_summary_totals() {
    let seed = std::fs::read(SEED).unwrap();
    let clean = std::fs::read(CLEAN).unwrap();
    let xlsx = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed.xlsx"
    ))
    .unwrap();
    let inner = zip_of(&[("x.txt", b"x")]);
    let zip = zip_of(&[
        ("番禺/seed.txt", &seed),
        ("clean.txt", &clean),
        ("bad.txt", b"abc\xff\xfe\x00"),
        ("seed.xlsx", &xlsx),
        ("nested.zip", &inner),
        ("__MACOSX/._seed.txt", b"x"),
    ]);
    let path = temp("zip", "dept.zip", &zip);
    let output = run(&["check", "--format", "summary", &path, CLEAN]);
    assert_eq!(output.status.code(), Some(2), "a member could not be read");
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    // Why a file could not be read goes to stderr, as for every format but human and json.
    let errors = String::from_utf8(output.stderr.clone()).unwrap();
    assert_eq!(
        errors,
        format!(
            "{path}/bad.txt: 无法读取：文件既不是 UTF-8、UTF-16，也不是 GB18030/GBK 编码的文本，也不是 Excel/WPS 表格。\n\
             {path}/nested.zip: 压缩包中的压缩包不展开，请解压后再检查。\n"
        )
    );
    let counts_seed = "2 个单位，24 个项目，99 项指标；错误 5，警告 52，提示 23";
    let counts_clean = "1 个单位，2 个项目，9 项指标；错误 0，警告 0，提示 0";
    assert_eq!(
        lines,
        vec![
            format!("{path}/番禺/seed.txt: {counts_seed}"),
            format!("{path}/clean.txt: {counts_clean}"),
            format!("{path}/seed.xlsx: {counts_seed}"),
            format!("{CLEAN}: {counts_clean}"),
            "合计 6 个文件（4 个已检查，2 个无法读取）: 6 个单位，52 个项目，216 项指标；错误 10，警告 104，提示 46".to_owned(),
        ]
    );
    let english = stdout(&run(&[
        "check", "--format", "summary", "--lang", "en", CLEAN, CLEAN,
    ]));
    assert_eq!(
        english.lines().last(),
        Some("total 2 files (2 checked, 0 unreadable): 2 units, 4 projects, 18 indicators; 0 errors, 0 warnings, 0 infos")
    );
    // The other formats read the zip too.
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["check", "--format", "json", &path]))).unwrap();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 5);
    assert_eq!(files[0]["path"], format!("{path}/番禺/seed.txt"));
    assert!(files[2]["error"].as_str().is_some());
}

/// A zip whose central directory claims 4 GB for a member: refused from
/// what it declares, before anything is inflated.
#[test]
fn a_zip_bomb_is_refused_with_a_reason() {
    let mut zip = zip_of(&[("seed.txt", &std::fs::read(SEED).unwrap())]);
    let central = zip.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    zip[central + 24..central + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    let path = temp("bomb", "bomb.zip", &zip);
    let output = run(&["check", "--format", "summary", &path]);
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stderr.clone()).unwrap();
    assert!(
        text.starts_with(&format!(
            "{path}: 压缩包解压后约 4095 MB，超过上限 512 MB（可能是“压缩炸弹”），已拒绝打开。"
        )),
        "{text}"
    );
    // A damaged zip: a reason, not a crash.
    let cut = temp("bomb", "cut.zip", &zip_of(&[("a.txt", b"one")])[..20]);
    let output = run(&["check", &cut]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stdout(&output).contains("无法打开压缩包"),
        "{}",
        stdout(&output)
    );
}

/// The rows of the page's batch table and their CSV (src/batch.rs): one
/// per file, a file without a table or unreadable says why, then the totals.
#[test]
fn batch_rows_totals_and_csv() {
    use jixiao_lint::batch::{to_csv, totals, BatchRow};
    use jixiao_lint::text::{Lang, Message};
    let seed = common::report(&seed());
    let clean = common::report(&std::fs::read_to_string(CLEAN).unwrap());
    let rows = vec![
        BatchRow::checked("seed.txt", None, &seed),
        BatchRow::checked(
            "clean.txt",
            Some(Message::new("UTF-8 文本", "UTF-8 text")),
            &clean,
        ),
        BatchRow::checked("notes.txt", None, &common::report("会议纪要\n无表格\n")),
        BatchRow::unreadable(
            "bad.xls",
            Message::new(
                "无法打开表格文件：损坏",
                "Cannot open the workbook: damaged",
            ),
        ),
    ];
    assert!(rows[0].is_ok() && rows[1].is_ok());
    // No table: its header-missing error counts, and the row says so.
    assert_eq!(rows[2].status().zh, "没有找到绩效目标表的表头。");
    let t = totals(&rows);
    assert_eq!(
        (
            t.files,
            t.checked,
            t.units,
            t.projects,
            t.indicators,
            t.errors,
            t.warnings,
            t.infos
        ),
        (4, 2, 3, 26, 108, 6, 52, 23)
    );
    assert_eq!(
        t.describe().zh,
        "4 个文件（2 个已检查）：3 个单位，26 个项目，108 项指标；错误 6，警告 52，提示 23"
    );
    let csv = to_csv(&rows, Lang::Zh);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines,
        vec![
            "\u{FEFF}文件,部门,单位数,项目数,指标数,错误,警告,提示,读取方式,状态",
            "seed.txt,番禺区政务服务数据管理局,2,24,99,5,52,23,,已检查",
            "clean.txt,示例局,1,2,9,0,0,0,UTF-8 文本,已检查",
            "notes.txt,,0,0,0,1,0,0,,没有找到绩效目标表的表头。",
            "bad.xls,,0,0,0,0,0,0,,无法打开表格文件：损坏",
            "合计（4 个文件，2 个已检查）,,3,26,108,6,52,23",
        ]
    );
}
