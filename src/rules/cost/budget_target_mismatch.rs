use super::total_cost;
use crate::layout::{Column, Project};
use crate::money::format_amount;
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    id: "budget-target-mismatch",
    severity: Severity::Warning,
    title: t("成本远低于预算", "Costs far below the budget"),
    what: t(
        "项目的成本指标都以金额表示（单位成本乘以对应的数量指标，按月的乘以 12），合计不到项目总计的一半。高于预算的一侧由 cost-exceeds-budget 检查；有成本控制率等非金额成本指标时不检查。",
        "Every cost indicator of the project is in money (a unit cost times its matching quantity, a monthly cost times 12), and together they come to less than half the project's total. The other side, a cost above the budget, is cost-exceeds-budget's; a project with a non-money cost indicator such as a cost-control rate is not checked.",
    ),
    why: t(
        "资金量与绩效目标要双向匹配：成本只占预算的一小部分，说明预算偏大、成本没有写全，或者数量目标定低了。",
        "Funds and targets must match both ways: costs that account for a small part of the budget mean the budget is too large, the costs are incomplete, or the quantity targets are set too low.",
    ),
    example: t(
        "预算 100 万元的培训项目，唯一的成本指标是“培训成本 200元/人”，数量指标“培训人数 500人”：合 10 万元，只占预算的 10%。",
        "A 100 万元 training project whose only cost is 200元/人 for 500 trainees: 10 万元, a tenth of the budget.",
    ),
    source: t(
        "财预〔2015〕88号审核要点“适当性”：资金规模与绩效目标之间是否匹配。“不到一半”为约定。",
        "财预〔2015〕88号 review point 适当性: whether the funds match the targets. \"Less than half\" is a convention.",
    ),
    check: Check::Project(check),
};

fn check(_: &Context, project: &Project, out: &mut Sink) {
    let Some(budget) = project.line.amount(Column::Total).and_then(|a| a.value) else {
        return;
    };
    let costs: Vec<_> = project
        .indicators
        .indicators
        .iter()
        .filter(|i| i.is_cost())
        .collect();
    let Some(first) = costs.first() else {
        return;
    };
    let mut sum = Decimal::ZERO;
    let (mut parts_zh, mut parts_en) = (Vec::new(), Vec::new());
    for cost in &costs {
        let value = cost.target();
        // A rate or a text cost bounds the whole project in another way.
        let Some((Some(amount), how_zh, how_en)) = total_cost(project, value) else {
            return;
        };
        let Some(next) = sum.checked_add(amount) else {
            return;
        };
        sum = next;
        let (name, raw, wan) = (&cost.name, &value.raw, format_amount(amount));
        parts_zh.push(format!("「{name}」{raw}{how_zh}合 {wan} 万元"));
        parts_en.push(format!("\"{name}\" {raw}{how_en} = {wan} 万元"));
    }
    if sum * Decimal::TWO >= budget {
        return;
    }
    let share = (sum / budget * Decimal::ONE_HUNDRED)
        .round_dp(1)
        .normalize();
    let (s, b) = (format_amount(sum), format_amount(budget));
    out.report(
        Location::indicator(project, first),
        Message::new(
            format!(
                "成本指标合计 {s} 万元（{}），只占项目预算 {b} 万元的 {share}%；请核对预算、补全成本或数量目标",
                parts_zh.join("；")
            ),
            format!(
                "the cost indicators come to {s} 万元 ({}), only {share}% of the project budget of {b} 万元; check the budget, or complete the costs or the quantity targets",
                parts_en.join("; ")
            ),
        ),
    );
}
