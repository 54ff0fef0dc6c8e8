//! The seed table (Guangzhou Panyu, tests/fixtures/seed.txt) read completely:
//! its structure, its summary and every finding, checked by hand against the
//! table (see the comments for the reason of each).

mod common;
use common::{f, findings, report, seed};
use rust_decimal::Decimal;

#[test]
fn structure_of_the_seed() {
    let report = report(&seed());
    let s = &report.summary;
    assert_eq!(report.layout, Some("guangzhou-wide"));
    assert_eq!(s.department.as_deref(), Some("番禺区政务服务数据管理局"));
    assert_eq!((s.units, s.projects, s.indicators), (2, 24, 99));
    let units: Vec<usize> = report
        .sheet
        .units
        .iter()
        .map(|u| u.projects.len())
        .collect();
    assert_eq!(units, vec![21, 3]);
    let by_level1: Vec<(Option<&str>, usize)> =
        s.by_level1.iter().map(|c| (c.code, c.count)).collect();
    assert_eq!(
        by_level1,
        vec![(Some("1"), 67), (Some("2"), 14), (Some("3"), 18)]
    );
    let by_level2: Vec<(Option<&str>, usize)> =
        s.by_level2.iter().map(|c| (c.code, c.count)).collect();
    assert_eq!(
        by_level2,
        vec![
            (Some("11"), 30),
            (Some("12"), 20),
            (Some("13"), 13),
            (Some("14"), 4),
            (Some("21"), 2),
            (Some("22"), 10),
            (Some("23"), 0),
            (Some("24"), 2),
            (Some("31"), 18)
        ]
    );
    assert_eq!(s.quantitative + s.qualitative, 99);
    // Funding: the projects add up to 12,585.00 + 831.00.
    let total: Vec<Decimal> = s.funding.iter().map(|f| f.amount).collect();
    assert_eq!(total[0], Decimal::new(1341600, 2));
    assert_eq!(total[1], Decimal::new(1341600, 2));
    assert_eq!((s.errors, s.warnings, s.infos), (5, 52, 23));
}

#[test]
fn every_indicator_of_the_seed_is_read() {
    let report = report(&seed());
    for project in report.sheet.projects() {
        let cell = &project.indicators;
        assert_eq!(cell.leftover, None, "row {}", project.line.row);
        for (i, indicator) in cell.indicators.iter().enumerate() {
            let at = format!("row {} indicator {}", project.line.row, i + 1);
            assert_eq!(indicator.number, Some(i as u32 + 1), "{at}");
            assert!(
                indicator.level1().code.is_some() && indicator.level2().code.is_some(),
                "{at}"
            );
            assert!(
                !indicator.name.is_empty()
                    && !indicator.period.is_empty()
                    && !indicator.annual.is_empty(),
                "{at}"
            );
            assert!(
                indicator.family().is_some() && indicator.level2_known().is_some(),
                "{at}"
            );
            // The span covers the indicator as written, from its number.
            let text = &project.indicator_cell.text()
                [indicator.span.start as usize..indicator.span.end as usize];
            assert!(text.starts_with(&format!("{}、", i + 1)), "{at}: {text}");
        }
    }
}

/// Every finding on the seed, in report order: (rule, cell, indicator number).
#[test]
fn complete_findings_of_the_seed() {
    let expected = vec![
        // 本级: 13,100.00 listed vs 12,585.00 in its 21 projects, in 总计 and 财政拨款.
        f("amount-unit-subtotal", "B11", 0),
        f("amount-unit-subtotal", "C11", 0),
        // 工作经费: no number in the goal, no 满意度, "得到有效提高", and a 是否 question.
        f("goal-unquantified", "F12", 0),
        f("satisfaction-missing", "G12", 0),
        // cost-missing: 20 of the 24 projects state no cost at all; only rows 17,
        // 18, 34 and 35 have a 14-成本指标 (中发〔2018〕34号 asks for one).
        f("cost-missing", "G12", 0),
        f("value-vague", "G12", 1),
        f("value-is-criterion", "G12", 2),
        f("goal-unquantified", "F13", 0),
        f("cost-missing", "G13", 0),
        f("cost-missing", "G14", 0),
        // Added with goal-indicator-mismatch's reverse check: the goal speaks
        // of 800多名 staff fed, not of the main output 工作人员 18人.
        f("goal-indicator-mismatch", "G14", 1),
        // 电子政务团队经费: no 效益; "30" with no unit.
        f("goal-unquantified", "F16", 0),
        f("benefit-missing", "G16", 0),
        f("cost-missing", "G16", 0),
        f("value-unit-missing", "G16", 4),
        // 民生档案…: no 效益; a disbursement rate filed as 成本指标.
        f("benefit-missing", "G17", 0),
        f("cost-misfiled", "G17", 3),
        // 免费刻章: no 满意度; 29027 with no unit (200元/套 × 29027 = 580.54 ≤ 705: no cost finding).
        f("goal-unquantified", "F18", 0),
        f("satisfaction-missing", "G18", 0),
        f("value-unit-missing", "G18", 4),
        f("benefit-missing", "G19", 0),
        f("cost-missing", "G19", 0),
        // <p> markup in the four projects of rows 21–24.
        f("markup-in-cell", "F21", 0),
        f("markup-in-cell", "G21", 0),
        f("cost-missing", "G21", 0),
        // Added with indicator-misfiled: 减少群众跑动次数和办事距离 | 服务均等化
        // filed under 13-时效指标 is no time.
        f("indicator-misfiled", "G21", 2),
        f("markup-in-cell", "F22", 0),
        f("goal-unquantified", "F22", 0),
        f("markup-in-cell", "G22", 0),
        f("cost-missing", "G22", 0),
        // 放管服…: the goal stops at "无纸化、数"; "合格" alone.
        f("markup-in-cell", "F23", 0),
        f("goal-truncated", "F23", 0),
        // The goal promises 250项 政务服务事项; the indicators count 50个以上 units.
        f("goal-indicator-mismatch", "F23", 0),
        f("markup-in-cell", "G23", 0),
        f("cost-missing", "G23", 0),
        f("value-vague", "G23", 3),
        // Added with the reverse check: 250项 in the goal, the main output
        // 调查覆盖单位数量 50个以上 not.
        f("goal-indicator-mismatch", "G23", 4),
        f("markup-in-cell", "F24", 0),
        f("markup-in-cell", "G24", 0),
        f("cost-missing", "G24", 0),
        f("cost-missing", "G26", 0),
        f("goal-unquantified", "F27", 0),
        f("benefit-missing", "G27", 0),
        f("cost-missing", "G27", 0),
        // Added with indicator-misfiled: 补贴发放率 100% and 完成绩效评价 100%
        // under 13-时效指标 say nothing of when.
        f("indicator-misfiled", "G27", 1),
        f("indicator-misfiled", "G27", 2),
        // The goal lists 6项工作; no indicator counts them.
        f("goal-indicator-mismatch", "F28", 0),
        f("cost-missing", "G28", 0),
        // "数字政府" (1,164.43): 标准:控制数 twice.
        f("value-placeholder", "G28", 1),
        f("value-placeholder", "G28", 2),
        f("benefit-missing", "G29", 0),
        f("cost-missing", "G29", 0),
        // "数字政府" again in the same unit (3,488.57): bare 满意, 标准:控制数.
        f("project-duplicate", "A30", 0),
        f("goal-unquantified", "F30", 0),
        f("benefit-missing", "G30", 0),
        f("cost-missing", "G30", 0),
        f("satisfaction-not-numeric", "G30", 1),
        f("value-placeholder", "G30", 2),
        f("benefit-missing", "G32", 0),
        f("cost-missing", "G32", 0),
        // 新型智慧政务…: the goal stops at "进一步向全国各地".
        f("goal-truncated", "F33", 0),
        // 8省20个地区 is the baseline the goal starts from, not a target: the
        // rule cannot tell, which is why it is only a note.
        f("goal-indicator-mismatch", "F33", 0),
        f("satisfaction-missing", "G33", 0),
        f("cost-missing", "G33", 0),
        // 双回路供电改造: "安全可靠", 400万元 against a 297.00 budget, "正常使用".
        f("satisfaction-missing", "G34", 0),
        f("value-vague", "G34", 1),
        f("cost-exceeds-budget", "G34", 3),
        f("value-vague", "G34", 4),
        f("satisfaction-missing", "G35", 0),
        f("value-vague", "G35", 1),
        f("cost-missing", "G37", 0),
        // 政务服务中心: its three projects add up (370 + 225.18 + 235.82 = 831).
        f("goal-unquantified", "F39", 0),
        f("benefit-missing", "G39", 0),
        f("cost-missing", "G39", 0),
        f("benefit-missing", "G40", 0),
        f("cost-missing", "G40", 0),
        f("goal-unquantified", "F41", 0),
        f("benefit-missing", "G41", 0),
        f("satisfaction-missing", "G41", 0),
        f("cost-missing", "G41", 0),
    ];
    assert_eq!(findings(&seed()), expected);
}

#[test]
fn messages_carry_the_figures() {
    let report = report(&seed());
    let message = |rule: &str, cell: &str| {
        report
            .diagnostics
            .iter()
            .find(|d| d.rule == rule && d.cell() == cell)
            .map(|d| d.message.zh.clone())
            .unwrap()
    };
    assert_eq!(
        message("amount-unit-subtotal", "B11"),
        "单位小计 13,100.00 ≠ 所列项目合计 12,585.00（差额 515.00），共 21 个项目"
    );
    assert!(message("cost-exceeds-budget", "G34").contains("400.00 万元，超过项目预算 297.00 万元"));
    assert!(message("project-duplicate", "A30").contains("第 28 行"));
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "cost-exceeds-budget")
        .unwrap();
    assert_eq!(d.project.as_deref(), Some("政务中心双回路供电改造工程"));
    assert!(d.message.en.contains("above the project budget of 297.00"));
}

/// A large table has a hundred thousand findings: those of one project hold
/// one copy of its name between them, and a finding's cell is written out
/// from its row and column. Its indicators' levels, when the framework's own
/// words, are not copied either.
#[test]
fn findings_and_indicators_are_small() {
    let report = report(&seed());
    let project = report.sheet.projects().next().unwrap();
    let first = &project.indicators.indicators[0];
    // The cell is a piece of the input, and the name and values pieces of
    // the cell: none of them a copy.
    let input = jixiao_lint::SharedText::new(seed());
    let shared = jixiao_lint::check_shared(&input, &Default::default(), &mut |_| {});
    let within_input = input.as_bytes().as_ptr_range();
    let shared_cell = shared
        .sheet
        .projects()
        .next()
        .unwrap()
        .indicator_cell
        .text();
    assert!(within_input.contains(&shared_cell.as_ptr()));
    let cell = project.indicator_cell.text().as_bytes().as_ptr_range();
    for piece in [&first.name, &first.period.raw, &first.annual.raw] {
        assert!(
            !piece.is_empty() && cell.contains(&piece.as_ptr()),
            "{piece:?}"
        );
    }
    assert_eq!(
        (first.level1().name, first.level2().name),
        ("效益指标", "社会效益")
    );
    // A level in the framework's words is held as that word, not a copy.
    let benefit = jixiao_lint::indicator::framework::Family::Benefit.name();
    assert_eq!(first.level1().name.as_ptr(), benefit.as_ptr());
    // A unit is a byte: the place of the framework's own word (`%`, `个`).
    assert!(std::mem::size_of::<jixiao_lint::indicator::Value>() <= 56);
    // A finding's project, and the amounts, are pieces of the input too.
    let projects: Vec<_> = shared
        .diagnostics
        .iter()
        .filter_map(|d| d.project.as_ref())
        .collect();
    assert!(projects.len() > 10 && projects.iter().all(|p| within_input.contains(&p.as_ptr())));
    let amounts: Vec<_> = shared
        .sheet
        .projects()
        .flat_map(|p| &p.line.amounts)
        .filter(|a| !a.raw.is_empty())
        .collect();
    assert!(
        amounts.len() > 10
            && amounts
                .iter()
                .all(|a| within_input.contains(&a.raw.as_ptr()))
    );
    let subtotal = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "amount-unit-subtotal")
        .unwrap();
    assert_eq!(
        (subtotal.column().as_deref(), subtotal.cell().as_str()),
        (Some("B"), "B11")
    );
    // Findings that say the same share one message.
    let mut shared = 0;
    for (i, d) in report.diagnostics.iter().enumerate() {
        for e in &report.diagnostics[i + 1..] {
            if d.message == e.message {
                assert!(std::sync::Arc::ptr_eq(&d.message, &e.message), "{d:?}");
                shared += 1;
            }
        }
    }
    assert!(shared > 10, "{shared}");
    assert!(std::mem::size_of::<jixiao_lint::rules::Diagnostic>() <= 104);
    // A range's high end and a text other than as written are boxed apart.
    assert!(std::mem::size_of::<jixiao_lint::indicator::Indicator>() <= 184);
}

#[test]
fn breakdowns_of_the_seed() {
    use jixiao_lint::report::CoverageKind;
    let report = report(&seed());
    let coverage = report.coverage();
    assert_eq!(coverage.len(), 24);
    let missing = |kind: CoverageKind| -> Vec<u32> {
        coverage
            .iter()
            .filter(|c| c.present.iter().any(|(k, present)| *k == kind && !present))
            .map(|c| c.row)
            .collect()
    };
    assert_eq!(
        missing(CoverageKind::Satisfaction),
        vec![12, 18, 33, 34, 35, 41]
    );
    assert_eq!(
        missing(CoverageKind::Benefit),
        vec![16, 17, 19, 27, 29, 30, 32, 39, 40, 41]
    );
    assert_eq!(missing(CoverageKind::Output), Vec::<u32>::new());
    assert_eq!(
        missing(CoverageKind::Cost).len(),
        20,
        "only 4 projects carry a cost indicator"
    );
    let funding = report.funding_by_unit();
    let totals: Vec<(Option<&str>, Decimal)> = funding
        .iter()
        .map(|u| (u.name.as_deref(), u.total))
        .collect();
    assert_eq!(
        totals,
        vec![
            (
                Some("广州市番禺区政务服务数据管理局本级"),
                Decimal::new(1310000, 2)
            ),
            (Some("广州市番禺区政务服务中心"), Decimal::new(83100, 2))
        ]
    );
}
