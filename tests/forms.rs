//! Real 绩效目标申报表 forms published by counties and cities in other
//! provinces (tests/fixtures/forms, sources in SOURCES.md there), each read
//! completely: its shape and every finding as `(rule, cell, indicator)`, with
//! the reason of each.

mod common;
use common::{f, findings, fixture, report, Finding};

/// Checks a form's layout, (units, projects, indicators) and findings.
fn form(name: &str, counts: (usize, usize, usize), expected: Vec<Finding>) {
    let text = fixture(&format!("forms/{name}"));
    let report = report(&text);
    assert_eq!(report.layout, Some("declaration-form"), "{name}");
    let s = &report.summary;
    assert_eq!((s.units, s.projects, s.indicators), counts, "{name}");
    assert!(
        report.sheet.unrecognized.is_empty(),
        "{name}: {:?}",
        report.sheet.unrecognized
    );
    assert_eq!(findings(&text), expected, "{name}");
}

#[test]
fn hunan_xiangtan_2015_framework_with_satisfaction_under_benefit() {
    // 项目支出名称 / 预算部门 / 年度本级 预算金额 250万; a 绩效标准 column; the
    // framework's empty lines (经济效益指标 with nothing) and the sign-off below.
    // 社会公众或服务对象满意度指标 under 效益指标 is the 2015 framework's place.
    form(
        "hunan-xiangtan-wupaoche.txt",
        (0, 1, 7),
        vec![
            // 市民对空气质量改善的满意程度 filed as 社会效益.
            f("satisfaction-misfiled", "E15", 6),
        ],
    );
}

#[test]
fn a_form_with_a_standard_column_names_a_standard_for_every_target() {
    // Every 绩效标准 of the Xiangtan form says 计划标准: quiet (above). One left
    // empty is reported at its own cell.
    let text = fixture("forms/hunan-xiangtan-wupaoche.txt")
        .replace("雾炮车风炮射程\t≥80M\t计划标准", "雾炮车风炮射程\t≥80M\t");
    let added: Vec<_> = findings(&text)
        .into_iter()
        .filter(|f| f.0 == "standard-missing")
        .collect();
    assert_eq!(added, [f("standard-missing", "F10", 2)]);
    // One that names no standard: 无, or the target copied again.
    let text = fixture("forms/hunan-xiangtan-wupaoche.txt")
        .replace("雾炮车风炮射程\t≥80M\t计划标准", "雾炮车风炮射程\t≥80M\t无")
        .replacen("\t计划标准", "\t行业标准（GB 3095）", 1);
    let added: Vec<_> = findings(&text)
        .into_iter()
        .filter(|f| f.0.starts_with("standard"))
        .collect();
    assert_eq!(added, [f("standard-unknown", "F10", 2)]);
}

#[test]
fn hunan_yueyang_amounts_with_their_parts_and_the_goal_below_its_key() {
    // 854万(高标准农田建设400万元,…): the parts in brackets are a note; the
    // goal stands on the line under 总体目标 | 年度目标.
    form(
        "hunan-yueyang-gaobiaozhunnongtian.txt",
        (1, 1, 12),
        vec![
            // 其中:财政拨款 written 854万854万, as published.
            f("amount-invalid", "C6", 0),
            // 完成项目主体工程70%: no indicator carries the 70%.
            f("goal-indicator-mismatch", "B9", 0),
        ],
    );
}

#[test]
fn hunan_nanyue_template_hints_beside_filled_values_are_notes() {
    // The province's template prints (≥**%) and ≥**人 in the names; every
    // value is filled (>=4个, >=90%): notes, not errors. The review fields
    // below the grid belong to the form.
    let hints = [2, 5, 9, 10, 11, 12, 13, 14, 15, 16];
    let rows = [11, 14, 18, 19, 20, 21, 22, 23, 24, 25];
    // The goal promises 6万人 visitors; the main output, 旅游基础设施建设工程
    // >=20平方米, is not in it.
    let expected = std::iter::once(f("goal-indicator-mismatch", "E10", 1))
        .chain(
            hints
                .iter()
                .zip(rows)
                .map(|(n, row)| f("name-placeholder", &format!("E{row}"), *n)),
        )
        .collect();
    form("hunan-nanyue-fupinjidi.txt", (1, 1, 16), expected);
    let report = report(&fixture("forms/hunan-nanyue-fupinjidi.txt"));
    assert!(report
        .diagnostics
        .iter()
        .all(|d| d.severity == jixiao_lint::rules::Severity::Info));
}

#[test]
fn hubei_wuhan_period_and_annual_goals_side_by_side() {
    // 中期目标 | 年度目标 on one line, their texts on the next: the annual one
    // is the goal. 当年资金总额 beside 资金总额; 指标内容 names the indicator;
    // 环境效益指标 is the 2015 name of 生态效益.
    let text = fixture("forms/hubei-wuhan-qingshan-keji.txt");
    let project = report(&text).sheet.projects().next().unwrap().clone();
    assert!(project.goal.raw.ends_with("新增高新技术企业15家。"));
    assert_eq!(project.goal.row, Some(15));
    form(
        "hubei-wuhan-qingshan-keji.txt",
        (1, 1, 8),
        vec![
            // 936 万元 and no 成本指标.
            f("cost-missing", "A2", 0),
            // 新增高新技术企业 15: no 家.
            f("value-unit-missing", "D18", 1),
            f("value-vague", "D22", 5),
            f("value-vague", "D23", 6),
        ],
    );
}

#[test]
fn anhui_luan_an_indicator_declared_not_applicable() {
    // 生态效益指标 | 本项目不适用此指标 | 无: said, not a placeholder.
    form(
        "anhui-luan-jinan-wangqiu.txt",
        (1, 1, 11),
        vec![
            f("goal-unquantified", "B10", 0),
            f("value-vague", "E18", 7),
            f("value-vague", "E19", 8),
            f("value-vague", "E21", 10),
        ],
    );
}

#[test]
fn anhui_jinzhai_hints_in_names_and_the_templates_notes() {
    // (≤**万元) and (≥**%) hints with values filled; the 注: lines below are
    // the template's.
    form(
        "anhui-jinzhai-wuye.txt",
        (1, 1, 9),
        vec![
            f("name-placeholder", "E13", 4),
            f("name-placeholder", "E14", 5),
            f("value-vague", "E15", 6),
            f("value-vague", "E16", 7),
            f("value-vague", "E17", 8),
            f("name-placeholder", "E18", 9),
        ],
    );
}

#[test]
fn ningxia_sentences_for_values_and_blocks_out_of_order() {
    // 主管部门 | 实施单位 and 项目属性 | 项目期 four across; 年度资金总额 under
    // 项目资金(万元) with 其中:财政拨款 as its part; 产出 → 满意度 → 效益; every
    // value a sentence (2021年12月底完成…, 95%以上。).
    form(
        "ningxia-yinchuan-xiaoyuan-tiyu-kaifang.txt",
        (1, 1, 7),
        vec![
            // 加快构建公共体育服务体系…: not one number.
            f("goal-unquantified", "B8", 0),
            // 按照资金测算控制各项成本。: neither a cost nor a rate.
            f("cost-misfiled", "E10", 1),
            f("value-vague", "E15", 6),
            f("value-vague", "E16", 7),
        ],
    );
}

#[test]
fn shandong_framework_names_ending_in_value_and_a_cost_per_pupil() {
    // 一级 | 二级 | 三级 | 年度数值: 产出值 / 数量值 … are the framework's
    // 产出指标 / 数量指标; <=6962人 and =100% in ASCII; 438.768 万元 exact.
    form(
        "shandong-dezhou-linyi-xiaoxue-gongyong-jingfei.txt",
        (0, 1, 8),
        vec![
            // Only 产出值 and 效益值.
            f("satisfaction-missing", "A3", 0),
            // 小学就读人数 <=6962人: a quantity to deliver capped.
            f("value-kind-mismatch", "D10", 1),
            // 时效值 | 教育均衡化发展 | 有效: no time.
            f("indicator-misfiled", "D12", 3),
            f("value-vague", "D12", 3),
            // 780元/生/年 × 6962人 = 543.036 万元 > 438.768 万元.
            f("cost-exceeds-budget", "D13", 4),
            f("value-vague", "D16", 7),
        ],
    );
    let report = report(&fixture(
        "forms/shandong-dezhou-linyi-xiaoxue-gongyong-jingfei.txt",
    ));
    let cost = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "cost-exceeds-budget")
        .unwrap();
    assert!(
        cost.message
            .zh
            .contains("6962人合 543.036 万元，超过项目预算 438.768 万元"),
        "{}",
        cost.message.zh
    );
}

#[test]
fn chongqing_banan_four_across_and_a_cost_named_as_an_amount() {
    // 项目名称 | 项目负责人及电话, 主管部门 | 实施单位 … four across; 资金情况
    // (单位:万元) with 年度资金总额: / 其中:财政拨款; ≧95% (U+2267); the
    // sign-off lines 经办人及联系电话 / 上报时间 below the grid.
    form(
        "chongqing-banan-shengdengshan-dangzhibu-shuji-butie.txt",
        (1, 1, 8),
        vec![
            f("goal-unquantified", "B16", 0),
            // 成本指标 | 20万元 | 100%: the amount is the name, the value a rate.
            f("cost-misfiled", "D21", 4),
            // 为民众办好事,办实事 under 质量指标 and again under 可持续影响指标.
            f("indicator-duplicate", "D24", 7),
        ],
    );
}

#[test]
fn chongqing_tongnan_a_flat_list_without_levels() {
    // 绩效指标 | 指标 | 指标权重 | 计量单位 | 指标性质 | 指标值: no 一级 or 二级
    // at all. column-missing says so once; the family checks (output-,
    // benefit-, satisfaction-, cost-missing) have nothing to go on and stay
    // quiet. 专项资金名称 / 业务主管部门 / 当年预算 / 当年绩效目标 are the keys.
    form(
        "chongqing-tongnan-wugui-zaizhi-cunganbu-buzhu.txt",
        (1, 1, 5),
        vec![
            f("goal-unquantified", "B9", 0),
            f("column-missing", "10", 0),
            f("column-missing", "10", 0),
            // 20 + 10 + 20 + 20 + 20.
            f("weight-sum", "C11", 0),
            // 促进经济发展 | 20 | | 定性 | (empty).
            f("value-missing", "F15", 5),
        ],
    );
    form(
        "chongqing-tongnan-wugui-huizong-xiangmuku.txt",
        (1, 1, 5),
        vec![
            f("goal-unquantified", "B9", 0),
            f("column-missing", "10", 0),
            f("column-missing", "10", 0),
            f("weight-sum", "C11", 0),
            f("value-missing", "F13", 3),
            f("value-missing", "F14", 4),
            f("value-missing", "F15", 5),
        ],
    );
    let text = fixture("forms/chongqing-tongnan-wugui-zaizhi-cunganbu-buzhu.txt");
    let project = report(&text).sheet.projects().next().unwrap().clone();
    assert_eq!(project.line.name, "在职村村干部补助");
    assert_eq!(project.line.amounts[0].value, Some("9.31".parse().unwrap()));
}

#[test]
fn sichuan_zhaohua_funds_in_nine_lines_and_the_2021_sichuan_levels() {
    // 年度资金总额 | 金额(万元) is the heading of the funds' column, no amount;
    // (一)财政拨款小计 … (三)其他收入 below it. 一级 项目完成指标 / 项目效益指标.
    form(
        "sichuan-guangyuan-zhaohua-mafengbing-fangzhi.txt",
        (1, 1, 12),
        vec![
            f("cost-misfiled", "E23", 7),
            f("value-vague", "E24", 8),
            f("value-vague", "E25", 9),
            f("value-vague", "E26", 10),
            f("value-vague", "E27", 11),
            // 群众幸福感 | 明显提升 under 满意度指标.
            f("satisfaction-misfiled", "E28", 12),
            f("satisfaction-not-numeric", "E28", 12),
        ],
    );
    form(
        "sichuan-guangyuan-zhaohua-tekun-zaifuzhu.txt",
        (1, 1, 9),
        vec![
            // …的目标。增强服务意识,稳定特扶家庭情绪: a last sentence without its 。.
            f("goal-truncated", "B15", 0),
            f("goal-unquantified", "B15", 0),
        ],
    );
}
