//! Suggested fixes: the exact suggestions of the seed and of edits of it, each
//! the value the cell should have; and tables where nothing can be computed,
//! where none may appear.

mod common;
use common::{edit, fixture, report, seed};
use jixiao_lint::{check_text, Config};

/// `(rule, cell, indicator, value)` of every finding that suggests a fix.
type Suggested = (&'static str, String, Option<u32>, String);

fn suggested(report: &jixiao_lint::Report) -> Vec<Suggested> {
    report
        .diagnostics
        .iter()
        .filter_map(|d| {
            let s = d.suggestion.as_ref()?;
            assert_eq!(s.cell, d.cell(), "a suggestion is about its finding's cell");
            assert!(!s.why.is_empty() && !s.why_en.is_empty(), "{s:?}");
            Some((d.rule, d.cell(), d.indicator, s.value.clone()))
        })
        .collect()
}

fn s(rule: &'static str, cell: &str, indicator: u32, value: &str) -> Suggested {
    (
        rule,
        cell.to_owned(),
        (indicator > 0).then_some(indicator),
        value.to_owned(),
    )
}

#[test]
fn the_seed_suggests_exactly_these_fixes() {
    let report = report(&seed());
    assert_eq!(
        suggested(&report),
        [
            // The 515.00 gap: the 本级 subtotal should be what its 21 projects add up to.
            s("amount-unit-subtotal", "B11", 0, "12,585.00"),
            s("amount-unit-subtotal", "C11", 0, "12,585.00"),
            // 新开办企业免费刻制印章的套数: 29027 → 29027套.
            s("value-unit-missing", "G18", 4, "29027套"),
            // A bare 满意 → the satisfaction floor as a percentage.
            s("satisfaction-not-numeric", "G30", 1, "≥85%"),
        ]
    );
    let subtotal = report.diagnostics[0].suggestion.as_ref().unwrap();
    assert!(subtotal.why.contains("21 个项目"), "{}", subtotal.why);
    assert!(
        subtotal.why_en.contains("21 projects"),
        "{}",
        subtotal.why_en
    );
    // 电子政务团队信息管理师: 30 what? The name does not say, so no guess.
    let bare = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "value-unit-missing" && d.cell() == "G16")
        .expect("G16's bare 30 is reported");
    assert_eq!(bare.suggestion, None);
}

#[test]
fn sums_suggest_the_sum_in_the_cells_own_style() {
    let text = edit(&seed(), &[("工作经费\t6.00\t6.00", "工作经费\t7.00\t6.00")]);
    assert_eq!(
        suggested(&report(&text)),
        [
            s("amount-unit-subtotal", "B11", 0, "12,586.00"),
            s("amount-unit-subtotal", "C11", 0, "12,585.00"),
            s("amount-row-sum", "B12", 0, "6.00"),
            s("value-unit-missing", "G18", 4, "29027套"),
            s("satisfaction-not-numeric", "G30", 1, "≥85%"),
        ]
    );
    let text = edit(
        &seed(),
        &[("合计\t13,931.00\t13,931.00", "合计\t13,930.00\t13,931.00")],
    );
    let got = suggested(&report(&text));
    assert_eq!(
        got[..2],
        [
            s("amount-row-sum", "B10", 0, "13,931.00"),
            s("amount-grand-total", "B10", 0, "13,931.00"),
        ]
    );
    // Without thousands separators in the cell, none in the suggestion.
    let text = edit(
        &seed(),
        &[("合计\t13,931.00\t13,931.00", "合计\t13930.00\t13931.00")],
    );
    assert_eq!(
        suggested(&report(&text))[..2],
        [
            s("amount-row-sum", "B10", 0, "13931.00"),
            s("amount-grand-total", "B10", 0, "13931.00"),
        ]
    );
}

#[test]
fn a_table_in_yuan_gets_its_suggestion_in_yuan() {
    let text = edit(
        &seed(),
        &[
            ("单位：万元", "单位：元"),
            ("工作经费\t6.00\t6.00", "工作经费\t70,000.00\t60,000.00"),
        ],
    );
    let report = report(&text);
    let row_sum = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "amount-row-sum")
        .expect("the row does not add up");
    assert_eq!(row_sum.cell(), "B12");
    assert_eq!(row_sum.suggestion.as_ref().unwrap().value, "60,000.00");
}

#[test]
fn codes_units_and_satisfaction_suggest_what_the_names_imply() {
    let text = edit(
        &seed(),
        &[
            // A quality indicator filed under the quantity code.
            ("12-质量指标, 经费合规性", "11-质量指标, 经费合规性"),
            // A count of people, a bare number; a satisfaction written as a bare number.
            (
                "电子政务团队信息管理师; 实施周期指标值:30, 年度指标值:30;",
                "电子政务团队培训人数; 实施周期指标值:30, 年度指标值:20;",
            ),
            (
                "满意；实施周期指标值:满意,年度指标值:满意；",
                "满意度；实施周期指标值:90,年度指标值:满意；",
            ),
        ],
    );
    let got = suggested(&report(&text));
    for want in [
        s("code-name-mismatch", "G12", 2, "12-质量指标"),
        s(
            "value-unit-missing",
            "G16",
            4,
            "实施周期指标值:30人；年度指标值:20人",
        ),
        s(
            "satisfaction-not-numeric",
            "G30",
            1,
            "实施周期指标值:90%；年度指标值:≥85%",
        ),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:#?}");
    }
}

#[test]
fn the_profiles_floor_is_the_suggested_satisfaction() {
    let mut config = Config::default();
    config.set_threshold("satisfaction-floor", "90").unwrap();
    let report = check_text(&seed(), &config);
    assert!(suggested(&report).contains(&s("satisfaction-not-numeric", "G30", 1, "≥90%")));
}

#[test]
fn an_annual_value_above_the_period_is_capped_at_the_period() {
    let report = report(&fixture("long-paired.txt"));
    assert_eq!(
        suggested(&report),
        [
            s("period-annual-mismatch", "G2", 1, "10套"),
            s("period-annual-mismatch", "G6", 5, "≤280万元"),
        ]
    );
}

#[test]
fn nothing_is_suggested_where_nothing_can_be_computed() {
    for name in [
        "clean.txt",
        "form.txt",
        "long-hubei.txt",
        "long-hunan.txt",
        "long-sichuan.txt",
    ] {
        assert_eq!(suggested(&report(&fixture(name))), [], "{name}");
    }
    // Values of different kinds: which one is meant cannot be known.
    let text = edit(
        &seed(),
        &[(
            "实施周期指标值:8个; 年度指标值:8个;",
            "实施周期指标值:8个; 年度指标值:按计划推进;",
        )],
    );
    let kinds = report(&text);
    let kind = kinds
        .diagnostics
        .iter()
        .find(|d| d.rule == "period-annual-mismatch")
        .expect("the kinds differ");
    assert_eq!(kind.suggestion, None);
    // A code whose name is not in the framework: no code to suggest.
    let text = edit(
        &seed(),
        &[("12-质量指标, 经费合规性", "12-合规指标, 经费合规性")],
    );
    let codes = report(&text);
    let code = codes
        .diagnostics
        .iter()
        .find(|d| d.rule == "code-name-mismatch")
        .expect("the name is not 12's");
    assert_eq!(code.suggestion, None);
}

#[test]
fn suggestions_are_in_the_json_contract() {
    let report = report(&seed());
    let json: serde_json::Value =
        serde_json::from_str(&jixiao_lint::export::findings_json("seed.txt", &report)).unwrap();
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(
        diagnostics[0]["suggestion"],
        serde_json::json!({
            "cell": "B11",
            "value": "12,585.00",
            "why": "所列 21 个项目之和；若项目齐全、金额无误，小计应为此数",
            "why_en": "the sum of the 21 projects listed; if they are complete and right, the subtotal should be this",
        })
    );
    // Every finding has the key; null where there is no fix.
    assert!(diagnostics.iter().all(|d| d.get("suggestion").is_some()));
    assert_eq!(
        diagnostics
            .iter()
            .filter(|d| !d["suggestion"].is_null())
            .count(),
        4
    );
}
