//! The long layouts used across China (one indicator per row) and the
//! single-project 申报表 form: each realistic fixture read completely, with its
//! complete expected findings as `(rule, cell, indicator)`.

mod common;
use common::{f, findings, fixture, report};
use jixiao_lint::indicator::Operator;
use jixiao_lint::layout::Column;
use jixiao_lint::rules::Severity;

#[test]
fn hubei_style_with_merged_cells_filled_down() {
    let text = fixture("long-hubei.txt");
    let report = report(&text);
    assert_eq!(report.layout, Some("long"));
    let s = &report.summary;
    assert_eq!((s.units, s.projects, s.indicators), (1, 2, 10));
    let projects: Vec<_> = report.sheet.projects().collect();
    assert_eq!(projects[0].line.name, "高标准农田建设");
    assert_eq!(
        projects[0]
            .line
            .amount(jixiao_lint::layout::Column::Total)
            .and_then(|a| a.value),
        Some("500.00".parse().unwrap())
    );
    // Row 5 leaves 项目名称, 一级指标 empty (merged): they carry down.
    let second = &projects[0].indicators.indicators[1];
    assert_eq!(
        (
            second.level1().name,
            second.level2().name,
            second.name.as_str()
        ),
        ("产出指标", "质量指标", "工程验收合格率")
    );
    assert_eq!(report.sheet.units[0].name.as_deref(), Some("县农业农村局"));
    assert_eq!(
        findings(&text),
        vec![
            // 农村人居环境整治 has no 满意度 indicator and no cost.
            f("satisfaction-missing", "E11", 0),
            f("cost-missing", "E11", 0),
            f("name-placeholder", "H12", 2),
            f("value-vague", "H13", 3),
        ]
    );
}

#[test]
fn a_templates_hint_in_a_name_is_a_note_once_the_value_is_filled() {
    let severity = |text: &str| {
        let report = report(text);
        let found = report
            .diagnostics
            .iter()
            .find(|d| d.rule == "name-placeholder");
        found.map(|d| d.severity)
    };
    let text = fixture("long-hubei.txt");
    // 设备完好率（≥**%） with ≥95% beside it: the value says the target.
    assert_eq!(severity(&text), Some(Severity::Info));
    // Without the value the placeholder is all there is.
    let empty = text.replace("设备完好率（≥**%）\t≥95%", "设备完好率（≥**%）\t");
    assert_eq!(severity(&empty), Some(Severity::Error));
    // A blank to fill in, not a bracketed hint: an error, value or not.
    let blank = text.replace("设备完好率（≥**%）", "XX设备完好率");
    assert_eq!(severity(&blank), Some(Severity::Error));
}

#[test]
fn hubei_style_in_yuan() {
    // 1000元/亩 × 5000亩 = 500万元: within the budget in either unit.
    let text = fixture("long-hubei.txt")
        .replace("\t预算数\t", "\t预算数（元）\t")
        .replace("\t500.00\t", "\t5000000\t")
        .replace("\t120.00\t", "\t1200000\t");
    let report = report(&text);
    assert_eq!(
        report.summary.amount_unit,
        jixiao_lint::money::AmountUnit::Yuan
    );
    assert_eq!(findings(&text), findings(&fixture("long-hubei.txt")));
    assert_eq!(report.summary.funding[0].amount, "620".parse().unwrap());
}

#[test]
fn sichuan_style_with_operator_unit_weight_and_direction_columns() {
    let text = fixture("long-sichuan.txt");
    let report = report(&text);
    assert_eq!(report.layout, Some("long"));
    assert_eq!((report.summary.projects, report.summary.indicators), (1, 5));
    let first = &report
        .sheet
        .projects()
        .next()
        .unwrap()
        .indicators
        .indicators[0];
    assert_eq!(first.annual.raw, "≥500人次");
    assert_eq!(
        (first.annual.operator, first.annual.unit()),
        (Some(Operator::AtLeast), Some("人次"))
    );
    assert_eq!(
        findings(&text),
        vec![
            // No 成本指标 among the five.
            f("cost-missing", "B3", 0),
            // 20 + 20 + 10 + 20 + 20 = 90.
            f("weight-sum", "H3", 0),
            // 培训合格率（%） measured in 个.
            f("unit-name-mismatch", "F4", 2),
            // 群众投诉率 ≥ 5% while lower is better.
            f("direction-mismatch", "F6", 4),
        ]
    );
    let fixed = text
        .replace("\t12\t月\t10\t", "\t12\t月\t20\t")
        .replace("\t个\t", "\t%\t")
        .replace("\t≥\t5\t%\t20\t反向", "\t≤\t5\t%\t20\t反向");
    // Only the cost is still missing.
    assert_eq!(findings(&fixed), vec![f("cost-missing", "B3", 0)]);
}

#[test]
fn paired_period_and_annual_columns() {
    let text = fixture("long-paired.txt");
    assert_eq!(
        findings(&text),
        vec![
            f("period-annual-mismatch", "G2", 1),
            f("value-vague", "G4", 3),
            // 2021 framework: 成本指标 as a first level; 350万元 > 300.
            f("period-annual-mismatch", "G6", 5),
            f("cost-exceeds-budget", "G6", 5),
        ]
    );
}

#[test]
fn declaration_form_with_a_key_value_block() {
    let text = fixture("form.txt");
    let report = report(&text);
    assert_eq!(report.layout, Some("declaration-form"));
    assert_eq!(report.summary.department.as_deref(), Some("县教育局"));
    let project = report.sheet.projects().next().unwrap();
    assert_eq!(project.line.name, "乡村学校校舍维修");
    assert_eq!(&*project.goal.raw, "完成3所学校校舍维修，消除D级危房。");
    assert_eq!(report.sheet.units[0].name.as_deref(), Some("县第一中学"));
    assert_eq!(
        findings(&text),
        vec![
            f("satisfaction-missing", "A3", 0),
            f("cost-exceeds-budget", "D11", 3)
        ]
    );
}

#[test]
fn a_two_row_header_is_followed_down_to_the_target_column() {
    // 指标值 merged over 上年实际值 | 本年目标值: the target is the second.
    let text = fixture("form.txt")
        .replace(
            "三级指标\t指标值\n",
            "三级指标\t指标值\t\n\t\t\t上年实际值\t本年目标值\n",
        )
        .replace("维修学校数量\t3所", "维修学校数量\t2所\t3所")
        .replace("工程验收合格率\t100%", "工程验收合格率\t98%\t100%")
        .replace("维修成本\t≤85万元", "维修成本\t60万元\t≤85万元")
        .replace(
            "消除危房面积\t≥2000平方米",
            "消除危房面积\t1500平方米\t≥2000平方米",
        );
    let checked = report(&text);
    assert_eq!(checked.layout, Some("declaration-form"));
    let indicators = &checked
        .sheet
        .projects()
        .next()
        .unwrap()
        .indicators
        .indicators;
    let values: Vec<_> = indicators.iter().map(|i| i.annual.raw.as_str()).collect();
    assert_eq!(values, ["3所", "100%", "≤85万元", "≥2000平方米"]);
    // The same findings as the one-row form, one row and one column further on.
    assert_eq!(
        findings(&text),
        vec![
            f("satisfaction-missing", "A3", 0),
            f("cost-exceeds-budget", "E12", 3)
        ]
    );
    // The second line repeated at a page break is understood, not a row.
    let repeated = text.replace(
        "\t质量指标\t",
        "一级指标\t二级指标\t三级指标\t指标值\t\n\t\t\t上年实际值\t本年目标值\n\t质量指标\t",
    );
    let sheet = report(&repeated).sheet;
    assert_eq!(sheet.repeated_headers.len(), 2);
    assert!(sheet.unrecognized.is_empty());
}

#[test]
fn long_tables_report_what_they_cannot_place() {
    let text = fixture("long-paired.txt") + "\n注：指标值由主管部门审核\n";
    assert!(findings(&text).contains(&f("row-unrecognized", "A8", 0)));
    let without_value = fixture("long-paired.txt")
        .replace("\t实施周期指标值\t年度指标值", "\t实施周期指标值\t备注");
    assert!(findings(&without_value).contains(&f("column-missing", "1", 0)));
}

#[test]
fn hunan_style_with_value_type_and_explanation_columns_in_yuan() {
    let text = fixture("long-hunan.txt");
    let report = report(&text);
    assert_eq!(report.layout, Some("declaration-form"));
    assert_eq!(
        report.summary.amount_unit,
        jixiao_lint::money::AmountUnit::Yuan
    );
    let project = report.sheet.projects().next().unwrap();
    assert_eq!(project.line.name, "全民健身设施建设");
    assert_eq!(project.indicators.indicators.len(), 6);
    assert_eq!(
        findings(&text),
        vec![
            // 80 000 元/个 × 12 个 = 96 万元, above the 850 000 元 = 85 万元 budget.
            f("cost-exceeds-budget", "E8", 4),
            f("value-vague", "E9", 5),
        ]
    );
    let vague = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "value-vague")
        .unwrap();
    assert!(
        vague.message.zh.contains("的指标值「显著提高」"),
        "one value column: {}",
        vague.message.zh
    );
}

#[test]
fn mid_term_and_annual_targets_side_by_side_with_scores_and_core_marks() {
    // 指标值 merged over 中期目标 | 年度目标, then 分值 and 评分标准; ★ marks
    // the core indicators; 项目属性 as checkboxes (持续性项目■ 新增性项目口).
    let text = fixture("form-mid-term.txt");
    let checked = report(&text);
    assert_eq!(checked.layout, Some("declaration-form"));
    let indicators = &checked
        .sheet
        .projects()
        .next()
        .unwrap()
        .indicators
        .indicators;
    let values: Vec<_> = indicators
        .iter()
        .map(|i| (i.period.raw.as_str(), i.annual.raw.as_str()))
        .collect();
    assert_eq!(
        values,
        [
            ("6所", "3所"),
            ("100%", "100%"),
            ("≤170万元", "≤85万元"),
            ("≥4000平方米", "≥2000平方米")
        ]
    );
    // ★数量指标 is 数量指标; the scores add up to 100; the annual cost is the
    // one held against the year's budget.
    assert_eq!(
        findings(&text),
        vec![
            f("satisfaction-missing", "A3", 0),
            f("cost-exceeds-budget", "E12", 3)
        ]
    );
    let unequal = text.replace("\t30\t完成得满分", "\t40\t完成得满分");
    assert!(findings(&unequal).contains(&f("weight-sum", "F10", 0)));
}

#[test]
fn weights_within_the_bands_the_form_prints() {
    // A template that prints each kind's weight after its name: the scores
    // under it must add up to it (30 + 30 + 20 under 产出, 20 under 效益).
    let text = fixture("form-mid-term.txt")
        .replace("产出指标\t★数量指标", "产出指标（权重70-80）\t★数量指标")
        .replace("效益指标\t社会效益指标", "效益指标（20分）\t社会效益指标");
    // Within the bands: the same findings as without them.
    assert_eq!(findings(&text), findings(&fixture("form-mid-term.txt")));
    let outside = text.replace("（权重70-80）", "（50分）");
    assert!(findings(&outside).contains(&f("weight-band", "F10", 0)));
    let message = report(&outside)
        .diagnostics
        .into_iter()
        .find(|d| d.rule == "weight-band")
        .unwrap()
        .message;
    assert_eq!(
        message.zh,
        "「产出指标（50分）」下各指标的权重合计为 80，表格印定为 50"
    );
}

#[test]
fn a_period_target_equal_to_the_years_with_several_years_of_money() {
    // 资金总额 beside 当年资金总额 (as 湖北's form writes them): the first is
    // the whole period's, the second the year's budget that costs are held to.
    let multi_year = fixture("form-mid-term.txt").replace(
        "年度资金总额（万元）\t80\t其中：财政拨款\t70",
        "资金总额\t240\t当年资金总额:\t80\t其中：财政拨款\t70",
    );
    let project = report(&multi_year).sheet.projects().next().unwrap().clone();
    let amount = |c: Column| project.line.amount(c).and_then(|a| a.value);
    assert_eq!(amount(Column::PeriodTotal), Some(240.into()));
    assert_eq!(amount(Column::Total), Some(80.into()));
    // 6所 over the period, 3所 this year: quiet.
    assert_eq!(
        findings(&multi_year),
        findings(&fixture("form-mid-term.txt"))
    );
    let copied = multi_year.replace("\t6所\t3所\t", "\t3所\t3所\t");
    let added: Vec<_> = findings(&copied)
        .into_iter()
        .filter(|f| f.0 == "period-equals-annual")
        .collect();
    assert_eq!(added, [f("period-equals-annual", "E10", 1)]);
    // One year's money: the same target for the period is right.
    let one_year = fixture("form-mid-term.txt").replace("\t6所\t3所\t", "\t3所\t3所\t");
    assert!(!findings(&one_year)
        .iter()
        .any(|f| f.0 == "period-equals-annual"));
}
