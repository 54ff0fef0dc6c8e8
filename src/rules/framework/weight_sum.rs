use crate::layout::Project;
use crate::money::format_amount;
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    id: "weight-sum",
    severity: Severity::Error,
    title: t("指标权重合计不是 100", "Indicator weights do not total 100"),
    what: t(
        "有“权重”（分值）列的表格中，同一项目各指标的权重之和应为 100；某项权重不是数字也报告。",
        "Where the table has a 权重 (weight) column, the weights of one project's indicators must total 100; a weight that is not a number is reported too.",
    ),
    why: t(
        "权重用于年底绩效评价打分，合计不是 100 时评分无法换算，说明有指标漏填或多填了权重。",
        "Weights score the year-end evaluation; when they do not total 100 the score cannot be computed, so a weight is missing or extra.",
    ),
    example: t("三项指标权重分别为 40、30、20，合计 90。", "Three indicators weighted 40, 30 and 20: 90 in all."),
    source: t("预算管理系统的权重字段（如四川、江西的绩效目标表）：各指标权重合计为 100。", "The weight field of budget systems (Sichuan and Jiangxi tables, for example): weights total 100."),
    check: Check::Project(check),
};

fn check(_: &Context, project: &Project, out: &mut Sink) {
    let weights: Vec<(u32, usize, &str)> = project
        .indicators
        .indicators
        .iter()
        .filter_map(|i| {
            i.own_row.as_ref().and_then(|own| {
                own.weight
                    .as_ref()
                    .map(|(column, raw)| (own.row, *column, raw.as_str()))
            })
        })
        .collect();
    let Some(&(first_row, column, _)) = weights.first() else {
        return;
    };
    let mut total = Decimal::ZERO;
    for (row, column, raw) in &weights {
        let weight = Decimal::from_str_exact(raw.trim_end_matches(['%', '分']).trim());
        let (zh, en) = match weight.map(|weight| total.checked_add(weight)) {
            Ok(Some(sum)) => {
                total = sum;
                continue;
            }
            Ok(None) => (
                format!("权重「{raw}」过大，无法合计"),
                format!("The weight \"{raw}\" is too large to add up"),
            ),
            Err(_) => (
                format!("权重「{raw}」不是数字"),
                format!("The weight \"{raw}\" is not a number"),
            ),
        };
        out.report(
            Location {
                project: Some(&project.line.name),
                ..Location::cell(*row, *column)
            },
            Message::new(zh, en),
        );
    }
    if total != Decimal::from(100) {
        let sum = format_amount(total).trim_end_matches(".00").to_owned();
        out.report(
            Location {
                project: Some(&project.line.name),
                ..Location::cell(first_row, column)
            },
            Message::new(
                format!(
                    "项目「{}」{} 项指标的权重合计为 {sum}，应为 100",
                    project.line.name,
                    weights.len()
                ),
                format!(
                    "The weights of the {} indicators of \"{}\" total {sum}, not 100",
                    weights.len(),
                    project.line.name
                ),
            ),
        );
    }
}
