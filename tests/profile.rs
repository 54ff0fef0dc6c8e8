//! The profile (house rules, jixiao.toml): errors that name their line, and a
//! rule turned off, a severity changed and each threshold changed, each
//! changing exactly the findings it should; every report states it; the CLI
//! takes `--config FILE` and finds ./jixiao.toml.

mod common;
use common::{diff, edit, f, findings, seed, Finding};
use jixiao_lint::config::RuleSetting;
use jixiao_lint::profile::parse;
use jixiao_lint::rules::Severity;
use jixiao_lint::{check_text, export, Config};
use std::process::Command;

fn with(profile: &str, text: &str) -> jixiao_lint::Report {
    let config = parse(profile).unwrap_or_else(|e| panic!("{profile}: {e:?}"));
    check_text(text, &config)
}

fn findings_with(profile: &str, text: &str) -> Vec<Finding> {
    with(profile, text)
        .diagnostics
        .into_iter()
        .map(|d| (d.rule, d.cell(), d.indicator))
        .collect()
}

/// `(line, Chinese message)` of each error of a profile.
fn errors(profile: &str) -> Vec<(Option<usize>, String)> {
    parse(profile)
        .expect_err("the profile is wrong")
        .into_iter()
        .map(|e| {
            assert!(!e.message.en.is_empty());
            (e.line, e.message.zh)
        })
        .collect()
}

#[test]
fn an_empty_profile_is_the_defaults() {
    assert_eq!(parse("").unwrap(), Config::default());
    assert_eq!(
        parse("# only a comment\n[rules]\n").unwrap(),
        Config::default()
    );
    assert!(Config::default().changes().is_empty());
    assert!(check_text(&seed(), &Config::default()).profile.is_empty());
}

#[test]
fn every_mistake_names_its_line() {
    let got = errors("[rules]\nvalue-vague = \"off\"\nno-such-rule = \"off\"\nvalue-missing = \"loud\"\n\n[thresholds]\nsatisfaction-floor = 120\ngoal-max-chars = 0\nspeed = 3\namount-tolerance = true\n");
    let lines: Vec<_> = got.iter().map(|(line, _)| *line).collect();
    assert_eq!(
        lines,
        [Some(3), Some(4), Some(7), Some(8), Some(9), Some(10)],
        "{got:#?}"
    );
    assert!(
        got[0].1.contains("没有这条规则：no-such-rule"),
        "{}",
        got[0].1
    );
    assert!(got[1].1.contains("value-missing"), "{}", got[1].1);
    assert!(got[1].1.contains("loud"), "{}", got[1].1);
    assert!(got[2].1.contains("0 到 100"), "{}", got[2].1);
    assert!(got[3].1.contains("正整数"), "{}", got[3].1);
    assert!(got[4].1.contains("没有这个阈值：speed"), "{}", got[4].1);
    assert!(got[5].1.contains("应是一个数"), "{}", got[5].1);
    // Not TOML at all, and a section that does not exist.
    let got = errors("[rules]\nvalue-vague = off\n");
    assert_eq!(got[0].0, Some(2), "{got:?}");
    assert!(got[0].1.starts_with("不是有效的 TOML"), "{}", got[0].1);
    let got = errors("\n[rule]\nvalue-vague = \"off\"\n");
    assert_eq!(
        got,
        [(
            Some(2),
            "未知的设置「rule」：只有 [rules]、[thresholds] 和 [[columns]]".to_owned()
        )]
    );
    let described = jixiao_lint::profile::describe(&parse("x = 1\n").unwrap_err());
    assert!(described.zh.starts_with("第 1 行："), "{}", described.zh);
    assert!(described.en.starts_with("line 1: "), "{}", described.en);
}

#[test]
fn a_rule_turned_off_removes_exactly_its_findings() {
    let seed = seed();
    let base = findings(&seed);
    let off = findings_with("[rules]\nvalue-vague = \"off\"\n", &seed);
    let (added, removed) = diff(&base, &off);
    assert_eq!(added, []);
    let vague: Vec<Finding> = base
        .iter()
        .filter(|f| f.0 == "value-vague")
        .cloned()
        .collect();
    assert!(vague.len() >= 3);
    assert_eq!(removed, vague);
}

#[test]
fn a_severity_changes_exactly_that_rules_findings_and_the_counts() {
    let seed = seed();
    let base = check_text(&seed, &Config::default());
    let raised = with("[rules]\ngoal-unquantified = \"warning\"\n", &seed);
    assert_eq!(raised.diagnostics.len(), base.diagnostics.len());
    let mut moved = 0;
    for (was, now) in base.diagnostics.iter().zip(&raised.diagnostics) {
        assert_eq!((was.rule, was.cell()), (now.rule, now.cell()));
        if was.rule == "goal-unquantified" {
            assert_eq!(
                (was.severity, now.severity),
                (Severity::Info, Severity::Warning)
            );
            moved += 1;
        } else {
            assert_eq!(was.severity, now.severity);
        }
    }
    assert!(moved > 0);
    assert_eq!(raised.summary.warnings, base.summary.warnings + moved);
    assert_eq!(raised.summary.infos, base.summary.infos - moved);
    // An error made a warning: the seed's subtotal no longer fails the check.
    let lenient = with(
        "[rules]\namount-unit-subtotal = \"warning\"\ngoal-missing = \"warning\"\noutput-missing = \"warning\"\ncode-unknown = \"warning\"\nvalue-placeholder = \"warning\"\nindicator-unparsed = \"warning\"\n",
        &seed,
    );
    assert_eq!(
        lenient.summary.errors,
        0,
        "{:?}",
        lenient
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect::<Vec<_>>()
    );
}

#[test]
fn the_satisfaction_floor_adds_exactly_the_targets_under_it() {
    let seed = seed();
    let (added, removed) = diff(
        &findings(&seed),
        &findings_with("[thresholds]\nsatisfaction-floor = 95\n", &seed),
    );
    assert_eq!(
        added,
        [
            f("satisfaction-low", "G19", 1),
            f("satisfaction-low", "G27", 4)
        ]
    );
    assert_eq!(removed, []);
}

#[test]
fn the_amount_tolerance_accepts_gaps_up_to_it() {
    let seed = seed();
    let base = findings(&seed);
    let (added, removed) = diff(
        &base,
        &findings_with("[thresholds]\namount-tolerance = \"515.00\"\n", &seed),
    );
    assert_eq!(added, []);
    assert_eq!(
        removed,
        [
            f("amount-unit-subtotal", "B11", 0),
            f("amount-unit-subtotal", "C11", 0)
        ]
    );
    // One fen short of the gap: still reported.
    assert_eq!(
        findings_with("[thresholds]\namount-tolerance = 514.99\n", &seed),
        base
    );
}

#[test]
fn the_amount_decimals_a_profile_asks_for_are_enforced() {
    let seed = seed();
    let text = edit(&seed, &[("工作经费\t6.00\t6.00", "工作经费\t6.768\t6.768")]);
    // By default an amount to ten 元 is exact, not wrong.
    assert_eq!(findings(&text), findings(&seed));
    let (added, removed) = diff(
        &findings(&text),
        &findings_with("[thresholds]\namount-decimals = 2\n", &text),
    );
    assert_eq!(
        added,
        [f("amount-invalid", "B12", 0), f("amount-invalid", "C12", 0)]
    );
    assert_eq!(removed, []);
}

#[test]
fn the_cost_threshold_asks_smaller_projects_for_a_cost_in_money() {
    let seed = seed();
    let (added, removed) = diff(
        &findings(&seed),
        &findings_with("[thresholds]\ncost-sizeable = 50\n", &seed),
    );
    // 民生档案… (70 万元) has only 考评结果经费拨付率 100% as its cost.
    assert_eq!(added, [f("cost-missing", "G17", 0)]);
    assert_eq!(removed, []);
}

#[test]
fn the_goal_length_limit_reports_goals_that_reach_it() {
    let seed = seed();
    let base = findings(&seed);
    let text = edit(&seed, &[("\t\t通过出国（境）对政务服务、电子政务的考察，提升我区的数字政府建设及政务服务的工作\t", "\t\t通过出国（境）对政务服务、电子政务的考察，提升我区的数字政府建设及政务服务的工作。\t")]);
    assert_eq!(
        findings(&text),
        base,
        "a closing 。 changes nothing by default"
    );
    let (added, removed) = diff(
        &findings(&text),
        &findings_with("[thresholds]\ngoal-max-chars = 40\n", &text),
    );
    // 工作经费's goal is 41 characters with its 。: at the limit, so maybe cut.
    assert!(added.contains(&f("goal-truncated", "F12", 0)), "{added:?}");
    assert!(added.iter().all(|f| f.0 == "goal-truncated"), "{added:?}");
    assert_eq!(removed, []);
}

#[test]
fn a_profile_round_trips_through_its_file_and_is_stated_in_every_report() {
    let mut config = Config::default();
    config
        .set_rule("value-vague", Some(RuleSetting::Off))
        .unwrap();
    config
        .set_rule(
            "satisfaction-low",
            Some(RuleSetting::Severity(Severity::Warning)),
        )
        .unwrap();
    config.set_threshold("satisfaction-floor", "90").unwrap();
    config.set_threshold("amount-tolerance", "0.01").unwrap();
    let toml = config.to_toml();
    assert!(
        toml.contains("[rules]\nvalue-vague = \"off\"\nsatisfaction-low = \"warning\"\n"),
        "{toml}"
    );
    assert!(toml.contains("satisfaction-floor = \"90\"\n"), "{toml}");
    assert_eq!(parse(&toml).unwrap(), config);
    // Its own severity is the default: nothing to write.
    config
        .set_rule(
            "satisfaction-low",
            Some(RuleSetting::Severity(Severity::Info)),
        )
        .unwrap();
    assert_eq!(config.setting("satisfaction-low"), None);

    let report = check_text(&seed(), &parse(&toml).unwrap());
    let zh: Vec<&str> = report.profile.iter().map(|m| m.zh.as_str()).collect();
    assert_eq!(
        zh,
        [
            "满意度下限（satisfaction-low）：90 %（默认 85 %）",
            "合计允许的差额（amount-row-sum、amount-unit-subtotal、amount-grand-total）：0.01 万元（默认 0 万元）",
            "value-vague：关闭",
            "satisfaction-low：警告（默认 提示）",
        ]
    );
    let json: serde_json::Value =
        serde_json::from_str(&export::findings_json("seed.txt", &report)).unwrap();
    assert_eq!(
        json["files"][0]["profile"][2]["message"],
        "value-vague：关闭"
    );
    let csv = export::findings_csv(&[("seed.txt", &report)], jixiao_lint::text::Lang::Zh);
    assert!(csv
        .trim_end()
        .lines()
        .last()
        .unwrap()
        .starts_with("规则配置（与默认不同）：满意度下限"));
    let markdown = export::findings_markdown(&report, jixiao_lint::text::Lang::En);
    assert!(markdown.contains("Profile (differs from the defaults): Satisfaction floor"));
    let annotated = export::annotated_table(
        &jixiao_lint::SharedText::new(seed()),
        &report,
        jixiao_lint::text::Lang::Zh,
        b'\t',
    );
    assert!(annotated
        .lines()
        .nth(8)
        .unwrap()
        .ends_with("value-vague：关闭；satisfaction-low：警告（默认 提示））"));
    // The defaults are stated nowhere.
    let plain = check_text(&seed(), &Config::default());
    let json = export::findings_json("seed.txt", &plain);
    assert!(!json.contains("\"profile\""));
}

fn cli(args: &[&str], dir: &std::path::Path) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_jixiao-lint"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn the_cli_takes_a_profile_and_finds_jixiao_toml() {
    let dir = std::env::temp_dir().join(format!("jixiao-profile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let seed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.txt");
    let (_, plain, _) = cli(&["check", seed_path], &dir);
    assert!(plain.contains("[value-vague]"));
    assert!(!plain.contains("规则配置（"));

    // ./jixiao.toml is found, and stated.
    std::fs::write(dir.join("jixiao.toml"), "[rules]\nvalue-vague = \"off\"\n").unwrap();
    let (code, found, _) = cli(&["check", seed_path], &dir);
    assert_eq!(code, Some(1));
    assert!(!found.contains("[value-vague]"));
    assert!(
        found.contains("规则配置（与默认不同）：value-vague：关闭"),
        "{found}"
    );
    let (_, line, _) = cli(&["check", "--format", "summary", seed_path], &dir);
    // The file's line states the profile; the totals line follows.
    assert!(
        line.lines()
            .next()
            .is_some_and(|l| l.ends_with("（规则配置（与默认不同）：value-vague：关闭）")),
        "{line}"
    );
    // --no-config ignores it; --config picks another.
    let (_, ignored, _) = cli(&["check", "--no-config", seed_path], &dir);
    assert_eq!(ignored, plain);
    std::fs::write(
        dir.join("lenient.toml"),
        "[rules]\namount-unit-subtotal = \"off\"\n",
    )
    .unwrap();
    let (_, json, _) = cli(
        &[
            "check",
            "--config",
            "lenient.toml",
            "--format",
            "json",
            seed_path,
        ],
        &dir,
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        json["files"][0]["profile"][0]["message"],
        "amount-unit-subtotal：关闭"
    );
    assert_ne!(
        json["files"][0]["diagnostics"][0]["rule"],
        "amount-unit-subtotal"
    );

    // A wrong profile is a usage error that names file and line.
    std::fs::write(
        dir.join("jixiao.toml"),
        "[rules]\n\nvalue-vauge = \"off\"\n",
    )
    .unwrap();
    let (code, out, err) = cli(&["check", seed_path], &dir);
    assert_eq!(code, Some(2));
    assert_eq!(out, "");
    assert!(
        err.contains("jixiao.toml:3: 没有这条规则：value-vauge"),
        "{err}"
    );
    let (_, _, err) = cli(&["check", "--lang", "en", seed_path], &dir);
    assert!(
        err.contains("jixiao.toml:3: No such rule: value-vauge"),
        "{err}"
    );
    let (code, _, err) = cli(&["check", "--config", "missing.toml", seed_path], &dir);
    assert_eq!(code, Some(2));
    assert!(err.contains("missing.toml"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The Shandong form with a header no reader knows.
fn unknown_header() -> String {
    common::fixture("forms/shandong-dezhou-linyi-xiaoxue-gongyong-jingfei.txt").replace(
        "一级\t二级\t三级\t年度数值\t备注",
        "类别\t子类\t指标项\t本年数\t说明",
    )
}

const MAPPED: &str = "[[columns]]\n\
    header = [\"类别\", \"子类\", \"指标项\", \"本年数\", \"说明\"]\n\
    read-as = [\"level1\", \"level2\", \"level3\", \"value\", \"\"]\n";

#[test]
fn a_header_mapped_by_hand_reads_the_table_as_a_known_one() {
    let text = unknown_header();
    assert_eq!(findings(&text), [f("header-missing", "1", 0)]);
    // Mapped, the form reads as it does under its own header.
    let known = common::fixture("forms/shandong-dezhou-linyi-xiaoxue-gongyong-jingfei.txt");
    assert_eq!(findings_with(MAPPED, &text), findings(&known));
    let report = with(MAPPED, &text);
    assert_eq!(report.summary.indicators, 8);
    assert!(report.profile[0]
        .zh
        .starts_with("列映射：类别 → 一级指标，子类 → 二级指标"));
    // The header repeated (a page break) is understood, not an indicator.
    let twice = text.replace("\n效益值\t", "\n类别\t子类\t指标项\t本年数\t说明\n效益值\t");
    let known_twice = known.replace("\n效益值\t", "\n一级\t二级\t三级\t年度数值\t备注\n效益值\t");
    assert_eq!(findings_with(MAPPED, &twice), findings(&known_twice));
    // Another header is not this one.
    let other = text.replace("本年数", "本年目标");
    assert_eq!(findings_with(MAPPED, &other), findings(&other));
}

#[test]
fn a_column_mapping_round_trips_and_says_what_is_wrong_with_it() {
    let config = parse(MAPPED).unwrap();
    assert_eq!(parse(&config.to_toml()).unwrap(), config);
    let mut again = config.clone();
    // The same header mapped again replaces the mapping.
    again
        .add_columns(
            "类别\t子类\t指标项\t本年数\t说明",
            "level1\tlevel2\tlevel3\tperiod-value\t",
        )
        .unwrap();
    assert_eq!(again.columns.len(), 1);
    assert_ne!(again, config);
    let mut config = Config::default();
    let wrong = |config: &mut Config, ids: &str| {
        config.add_columns("甲\t乙\t丙\t丁", ids).expect_err(ids).zh
    };
    assert!(wrong(&mut config, "level1\tlevel3").contains("至少要指定"));
    assert!(wrong(&mut config, "level1\tlevel3\tvalue\tvalue").contains("被指定了两次"));
    assert!(wrong(&mut config, "level1\tlevel3\tvalue\tcolour").contains("没有这一列：colour"));
    assert!(config.columns.is_empty());
    let message = &errors("[[columns]]\nheader = [\"甲\"]\nread-as = [\"level1\", \"value\"]\n")[0];
    assert_eq!(message.0, Some(1));
    assert!(
        message.1.contains("header 有 1 格，read-as 有 2 项"),
        "{message:?}"
    );
    assert!(errors("[[columns]]\nheader = \"甲\"\n")[0]
        .1
        .contains("应写成"));
}
