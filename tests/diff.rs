//! Comparing a revision with the earlier table (src/diff.rs): each matching
//! rule of the README on an edit of the seed, with the exact fixed,
//! introduced and remaining findings and the changes to the table.

mod common;
use common::{edit, report, seed};
use jixiao_lint::diff::{compare, Comparison, Item};

fn diff(old: &str, new: &str) -> Comparison {
    compare(&report(old), &report(new))
}

/// A finding as `(rule, cell, indicator)`; 0 for no indicator.
fn items(items: &[Item]) -> Vec<(String, String, u32)> {
    items
        .iter()
        .map(|i| (i.rule.clone(), i.cell.clone(), i.indicator.unwrap_or(0)))
        .collect()
}

/// A change as `kind subject field: old → new @cell (old_cell)`.
fn changes(c: &Comparison) -> Vec<String> {
    c.changes
        .iter()
        .map(|c| {
            format!(
                "{} {} {}: {} → {} @{} ({})",
                c.kind.id(),
                c.subject(jixiao_lint::text::Lang::Zh),
                c.field.map(|f| f.id()).unwrap_or("-"),
                c.old.as_deref().unwrap_or("-"),
                c.new.as_deref().unwrap_or("-"),
                c.cell.as_deref().unwrap_or("-"),
                c.old_cell.as_deref().unwrap_or("-"),
            )
        })
        .collect()
}

fn lines(text: &str) -> Vec<&str> {
    text.split('\n').collect()
}

/// The seed with its 1-based rows `a` and `b` swapped.
fn swap_rows(text: &str, a: usize, b: usize) -> String {
    let mut rows = lines(text);
    rows.swap(a - 1, b - 1);
    rows.join("\n")
}

const CLEAN_PROJECT: &str = "培训经费\t20.00\t20.00\t\t\t组织业务培训6次，培训费用控制在20万元以内，参训人员全部持证上岗。\t1、1-产出指标, 11-数量指标, 培训次数；实施周期指标值:6次, 年度指标值:6次; ; 2、1-产出指标, 14-成本指标, 培训费用；实施周期指标值:≤20万元, 年度指标值:≤20万元; ; 3、2-效益指标, 24-可持续影响, 持证上岗率；实施周期指标值:100%, 年度指标值:100%; ; 4、3-满意度指标, 31-服务对象满意度, 参训人员满意度；实施周期指标值:≥90%, 年度指标值:≥90%;";

/// The seed's 80 findings: 5 errors, 52 warnings, 23 infos.
const SEED_FINDINGS: usize = 80;

fn t(rule: &str, cell: &str, indicator: u32) -> (String, String, u32) {
    (rule.to_owned(), cell.to_owned(), indicator)
}

fn assert_nothing_changed(c: &Comparison) {
    assert_eq!(items(&c.fixed), vec![]);
    assert_eq!(items(&c.introduced), vec![]);
    assert_eq!(c.remaining.len(), SEED_FINDINGS);
    assert_eq!(changes(c), Vec::<String>::new());
}

#[test]
fn the_same_table_has_everything_remaining() {
    let seed = seed();
    let c = diff(&seed, &seed);
    assert_nothing_changed(&c);
    assert_eq!(c.counts().zh, "已解决 0，新出现 0，仍存在 80；表格变化 0");
    assert!(c
        .remaining
        .iter()
        .all(|i| i.old_cell.as_ref() == Some(&i.cell)));
}

/// Matching is by meaning: rows inserted at the top move every cell and
/// change no finding; each remaining finding knows both cells.
#[test]
fn rows_inserted_at_the_top_make_nothing_new() {
    let seed = seed();
    let c = diff(&seed, &format!("附件2\n\n{seed}"));
    assert_nothing_changed(&c);
    let first = &c.remaining[0];
    assert_eq!(
        (
            first.rule.as_str(),
            first.cell.as_str(),
            first.old_cell.as_deref()
        ),
        ("amount-unit-subtotal", "B13", Some("B11"))
    );
    assert!(c
        .remaining
        .iter()
        .all(|i| i.row == row_of(i.old_cell.as_ref().unwrap()) + 2));
}

#[test]
fn reordered_projects_change_nothing() {
    let seed = seed();
    // 工作经费 and 后勤保障经费 change places.
    assert_nothing_changed(&diff(&seed, &swap_rows(&seed, 12, 14)));
    // The two “数字政府”建设专项资金 of one unit too: they pair by their
    // indicators and 总计, and the repeated name is still one finding.
    let c = diff(&seed, &swap_rows(&seed, 28, 30));
    assert_nothing_changed(&c);
    let duplicate = c
        .remaining
        .iter()
        .find(|i| i.rule == "project-duplicate")
        .unwrap();
    assert_eq!(
        (duplicate.cell.as_str(), duplicate.old_cell.as_deref()),
        ("A30", Some("A30"))
    );
}

#[test]
fn an_inserted_unit_adds_only_itself() {
    let seed = seed();
    let unit = format!(
        "番禺区数据中心\t20.00\t20.00\t\t\t\t\n{CLEAN_PROJECT}\n广州市番禺区政务服务中心\t831.00"
    );
    let revised = edit(
        &seed,
        &[
            ("合计\t13,931.00\t13,931.00", "合计\t13,951.00\t13,951.00"),
            ("广州市番禺区政务服务中心\t831.00", &unit),
        ],
    );
    let c = diff(&seed, &revised);
    assert_eq!(items(&c.fixed), vec![]);
    assert_eq!(items(&c.introduced), vec![]);
    assert_eq!(c.remaining.len(), SEED_FINDINGS);
    assert_eq!(
        changes(&c),
        vec![
            "amount-changed 合计 total: 13,931.00 → 13,951.00 @B10 (B10)",
            "amount-changed 合计 fiscal: 13,931.00 → 13,951.00 @C10 (C10)",
            "unit-added 番禺区数据中心 -: - → - @A38 (-)",
            "project-added 培训经费 -: - → 培训经费 @A39 (-)",
        ]
    );
    // The 中心's findings moved down two rows and are still the same.
    assert!(c
        .remaining
        .iter()
        .any(|i| row_of(i.old_cell.as_ref().unwrap()) >= 38));
    for i in &c.remaining {
        let old = row_of(i.old_cell.as_ref().unwrap());
        assert_eq!(i.row, if old >= 38 { old + 2 } else { old }, "{i:?}");
    }
}

/// `B11` → 11.
fn row_of(cell: &str) -> u32 {
    cell.trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .unwrap()
}

#[test]
fn a_renamed_project_is_matched_by_its_indicators() {
    let seed = seed();
    let c = diff(
        &seed,
        &edit(&seed, &[("\n后勤保障经费\t", "\n后勤保障服务经费\t")]),
    );
    assert_eq!(items(&c.fixed), vec![]);
    assert_eq!(items(&c.introduced), vec![]);
    assert_eq!(c.remaining.len(), SEED_FINDINGS);
    assert_eq!(
        changes(&c),
        vec!["project-renamed 后勤保障服务经费 name: 后勤保障经费 → 后勤保障服务经费 @A14 (A14)"]
    );
    // Renamed and given another indicator in the same revision: still matched
    // (3 of its 4 indicators are the same; the new one is found).
    let revised = edit(
        &seed,
        &[(
            "\n工作经费\t6.00",
            "\n出国考察经费\t6.00",
        ), (
            "4、1-产出指标, 11-数量指标, 出国组团次数；实施周期指标值:1-2次/年, 年度指标值:1-2次/年;",
            "4、1-产出指标, 11-数量指标, 出国组团次数；实施周期指标值:2次, 年度指标值:2次;",
        )],
    );
    let c = diff(&seed, &revised);
    assert_eq!(items(&c.fixed), vec![]);
    assert_eq!(items(&c.introduced), vec![]);
    assert_eq!(
        changes(&c),
        vec![
            "project-renamed 出国考察经费 name: 工作经费 → 出国考察经费 @A12 (A12)",
            "indicator-changed 出国考察经费 · 第 4 项「出国组团次数」 period: 1-2次/年 → 2次 @G12 (G12)",
            "indicator-changed 出国考察经费 · 第 4 项「出国组团次数」 annual: 1-2次/年 → 2次 @G12 (G12)",
        ]
    );
}

#[test]
fn renumbered_indicators_keep_their_findings() {
    let seed = seed();
    // 电子政务团队经费 loses its indicator 1: the others become 1–3, and the
    // bare “30” of (old) indicator 4 is the same finding at indicator 3.
    let revised = edit(
        &seed,
        &[
            (
                "1、1-产出指标, 11-数量指标, 推进信息化项目数量; 实施周期指标值:8个; 年度指标值:8个;; 2、3-满意度指标",
                "1、3-满意度指标",
            ),
            ("; ; 3、1-产出指标, 11-数量指标, 网络平均无故障时间", "; ; 2、1-产出指标, 11-数量指标, 网络平均无故障时间"),
            ("; ; 4、1-产出指标, 11-数量指标, 电子政务团队信息管理师", "; ; 3、1-产出指标, 11-数量指标, 电子政务团队信息管理师"),
        ],
    );
    let c = diff(&seed, &revised);
    assert_eq!(items(&c.fixed), vec![]);
    assert_eq!(items(&c.introduced), vec![]);
    assert_eq!(c.remaining.len(), SEED_FINDINGS);
    let unit = c
        .remaining
        .iter()
        .find(|i| i.rule == "value-unit-missing" && i.cell == "G16")
        .unwrap();
    assert_eq!(unit.indicator, Some(3));
    assert_eq!(
        changes(&c),
        vec!["indicator-removed 电子政务团队经费 · 第 1 项「推进信息化项目数量」 -: 1、推进信息化项目数量 → - @- (G16)"]
    );
    // 工作经费's indicators reordered (4 first) and renumbered: nothing changed,
    // its vague value and its 是否 question are now indicators 2 and 3.
    let row12 = lines(&seed)[11].to_owned();
    let cells: Vec<&str> = row12.split('\t').collect();
    let parts: Vec<&str> = cells[6].split("; ; ").collect();
    let strip = |p: &str| {
        p.split_once('、')
            .unwrap()
            .1
            .trim_end_matches(';')
            .to_owned()
    };
    let reordered = [3, 0, 1, 2]
        .iter()
        .enumerate()
        .map(|(n, &i)| format!("{}、{}", n + 1, strip(parts[i])))
        .collect::<Vec<_>>()
        .join("; ; ")
        + ";";
    let revised = seed.replacen(
        &row12,
        &format!("{}\t{reordered}", cells[..6].join("\t")),
        1,
    );
    let c = diff(&seed, &revised);
    assert_nothing_changed(&c);
    let moved: Vec<(String, u32)> = c
        .remaining
        .iter()
        .filter(|i| i.cell == "G12" && i.indicator.is_some())
        .map(|i| (i.rule.clone(), i.indicator.unwrap()))
        .collect();
    assert_eq!(
        moved,
        vec![
            ("value-vague".to_owned(), 2),
            ("value-is-criterion".to_owned(), 3)
        ]
    );
}

#[test]
fn a_fixed_value_is_fixed_and_changed() {
    let seed = seed();
    let c = diff(
        &seed,
        &edit(
            &seed,
            &[(
                "实施周期指标值:400万元, 年度指标值:400万元",
                "实施周期指标值:280万元, 年度指标值:280万元",
            )],
        ),
    );
    assert_eq!(items(&c.fixed), vec![t("cost-exceeds-budget", "G34", 3)]);
    // Where it was, and where that indicator is in the revision.
    assert_eq!(
        (
            c.fixed[0].old_cell.as_deref(),
            c.fixed[0].new_cell.as_deref()
        ),
        (Some("G34"), Some("G34"))
    );
    assert_eq!(items(&c.introduced), vec![]);
    assert_eq!(c.remaining.len(), SEED_FINDINGS - 1);
    assert_eq!(
        changes(&c),
        vec![
            "indicator-changed 政务中心双回路供电改造工程 · 第 3 项「工程结算金额」 period: 400万元 → 280万元 @G34 (G34)",
            "indicator-changed 政务中心双回路供电改造工程 · 第 3 项「工程结算金额」 annual: 400万元 → 280万元 @G34 (G34)",
        ]
    );
}

/// An amount that changes: a change, and the unit's subtotal finding is
/// still the same finding though its gap moved (515.00 → 513.00).
#[test]
fn changed_amounts_are_old_to_new() {
    let seed = seed();
    let c = diff(
        &seed,
        &edit(&seed, &[("工作经费\t6.00\t6.00", "工作经费\t8.00\t8.00")]),
    );
    assert_eq!(items(&c.fixed), vec![]);
    assert_eq!(items(&c.introduced), vec![]);
    assert_eq!(c.remaining.len(), SEED_FINDINGS);
    assert!(
        c.remaining[0].message.contains("差额 513.00"),
        "{}",
        c.remaining[0].message
    );
    assert_eq!(
        changes(&c),
        vec![
            "amount-changed 工作经费 total: 6.00 → 8.00 @B12 (B12)",
            "amount-changed 工作经费 fiscal: 6.00 → 8.00 @C12 (C12)",
        ]
    );
}

#[test]
fn a_project_moved_to_another_unit() {
    let seed = seed();
    // 推进集约化管理工作经费 (286.00) moves from 本级 to the end of the 中心.
    let row32 = lines(&seed)[31].to_owned();
    let moved = seed.replacen(&format!("{row32}\n"), "", 1).replacen(
        "机构运行辅助经费\t235.82",
        &format!("{row32}\n机构运行辅助经费\t235.82"),
        1,
    );
    let c = diff(&seed, &moved);
    assert_eq!(items(&c.fixed), vec![]);
    // The 中心's subtotal no longer adds up.
    assert_eq!(
        items(&c.introduced),
        vec![
            t("amount-unit-subtotal", "B37", 0),
            t("amount-unit-subtotal", "C37", 0)
        ]
    );
    assert_eq!(c.remaining.len(), SEED_FINDINGS);
    assert_eq!(
        changes(&c),
        vec!["project-moved 推进集约化管理工作经费 unit: 广州市番禺区政务服务数据管理局本级 → 广州市番禺区政务服务中心 @A40 (A32)"]
    );
}

#[test]
fn a_removed_project_takes_its_findings_with_it() {
    let seed = seed();
    let row17 = lines(&seed)[16].to_owned();
    let c = diff(&seed, &seed.replacen(&format!("{row17}\n"), "", 1));
    assert_eq!(
        items(&c.fixed),
        vec![t("benefit-missing", "G17", 0), t("cost-misfiled", "G17", 3)]
    );
    // Nowhere in the revision.
    assert_eq!(
        c.fixed
            .iter()
            .map(|i| i.new_cell.as_deref())
            .collect::<Vec<_>>(),
        vec![None, None]
    );
    assert_eq!(items(&c.introduced), vec![]);
    assert_eq!(c.remaining.len(), SEED_FINDINGS - 2);
    assert_eq!(
        changes(&c),
        vec!["project-removed 民生档案信息采集与共享交换实施考评专项经费 -: 民生档案信息采集与共享交换实施考评专项经费 → - @- (A17)"]
    );
}

/// A new problem in a revision is introduced, at its cell in the revision.
#[test]
fn a_new_problem_is_introduced() {
    let seed = seed();
    let c = diff(
        &seed,
        &edit(&seed, &[("年度指标值:800人/天", "年度指标值:")]),
    );
    assert_eq!(items(&c.fixed), vec![]);
    assert_eq!(items(&c.introduced), vec![t("value-missing", "G14", 2)]);
    assert_eq!(c.introduced[0].old_cell, None);
    assert_eq!(c.remaining.len(), SEED_FINDINGS);
    assert_eq!(
        changes(&c),
        vec![
            "indicator-changed 后勤保障经费 · 第 2 项「工作餐人数」 annual: 800人/天 →  @G14 (G14)"
        ]
    );
}

/// Large tables compare without comparing every project with every other:
/// 4 units of 400 projects, every project renamed in the revision (the
/// worst case of the rename rule: 1600 × 1600 pairs are too many, so renames
/// are looked for within each unit), and 40 000 projects in the same order.
#[test]
fn large_tables_compare_in_bounded_time() {
    let seed = seed();
    let rows = lines(&seed);
    let header = rows[..10].join("\n");
    let project = rows[11];
    let table = |units: usize, per_unit: usize, prefix: &str| {
        let mut out = format!("{header}\n");
        for u in 0..units {
            out.push_str(&format!("单位{u}\t1.00\t1.00\t\t\t\t\n"));
            for p in 0..per_unit {
                // Each project with an indicator of its own, so that a rename is recognisable.
                let own = format!("工作经费{prefix}{u}-{p}\t");
                let row = project.replacen("工作经费\t", &own, 1).replacen(
                    "出国组团次数",
                    &format!("组团{u}-{p}"),
                    1,
                );
                out.push_str(&row);
                out.push('\n');
            }
        }
        out
    };
    let start = std::time::Instant::now();
    let c = diff(&table(4, 400, ""), &table(4, 400, "改"));
    let renamed = c
        .changes
        .iter()
        .filter(|c| c.kind.id() == "project-renamed")
        .count();
    assert_eq!(renamed, 1600);
    assert_eq!((c.fixed.len(), c.introduced.len()), (0, 0));
    let big = table(1, 40_000, "");
    let c = diff(&big, &big);
    assert_eq!(
        (c.fixed.len(), c.introduced.len(), c.changes.len()),
        (0, 0, 0)
    );
    // Generous for a debug build on a loaded machine: all-pairs would take hours.
    assert!(
        start.elapsed() < std::time::Duration::from_secs(120),
        "{:?}",
        start.elapsed()
    );
}

/// A long layout (one indicator per row, Sichuan style): rows inserted at the
/// top change nothing; a fixed direction is fixed at its own row, and the
/// indicator's change is at its value's cell.
#[test]
fn long_layouts_match_indicators_by_their_rows_meaning() {
    let table = common::fixture("long-sichuan.txt");
    let c = diff(&table, &format!("附件3\n\n{table}"));
    assert_eq!(
        (c.fixed.len(), c.introduced.len(), c.remaining.len()),
        (0, 0, 4)
    );
    assert_eq!(changes(&c), Vec::<String>::new());
    assert!(c
        .remaining
        .iter()
        .all(|i| i.row == row_of(i.old_cell.as_ref().unwrap()) + 2));
    let fixed = edit(
        &table,
        &[(
            "\t群众投诉率\t≥\t5\t%\t20\t反向",
            "\t群众投诉率\t≤\t5\t%\t20\t反向",
        )],
    );
    let c = diff(&table, &format!("附件3\n{fixed}"));
    assert_eq!(items(&c.fixed), vec![t("direction-mismatch", "F6", 4)]);
    assert_eq!(c.fixed[0].new_cell.as_deref(), Some("F7"));
    assert_eq!(items(&c.introduced), vec![]);
    assert_eq!(c.remaining.len(), 3);
    assert_eq!(
        changes(&c),
        vec![
            "indicator-changed 政务服务能力提升 · 第 4 项「群众投诉率」 period: ≥5% → ≤5% @F7 (F6)",
            "indicator-changed 政务服务能力提升 · 第 4 项「群众投诉率」 annual: ≥5% → ≤5% @F7 (F6)",
        ]
    );
}
