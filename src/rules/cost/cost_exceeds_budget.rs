use super::total_cost;
use crate::indicator::Indicator;
use crate::layout::{Column, Project};
use crate::money::format_amount;
use crate::rules::{indicator_label, Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "cost-exceeds-budget",
    severity: Severity::Warning,
    title: t("成本指标超过项目预算", "Cost indicator above the budget"),
    what: t(
        "成本指标的金额（元按 ÷10000 折算为万元）大于项目的总计。单位成本（如 200元/套）乘以同一项目中对应的数量指标（如 29027 套）后比较；按年、按月的成本折算为全年。",
        "A cost indicator's amount (元 ÷ 10 000 → 万元) exceeds the project's total. A unit cost (200元/套) is multiplied by the matching quantity indicator (29 027 套) first; per-year and per-month costs are taken for the whole year.",
    ),
    why: t(
        "成本指标应与预算确定的资金量相匹配；成本高于预算，说明预算或指标至少有一个填错，或项目资金不足。",
        "Cost targets must match the funds the budget sets; a cost above the budget means either figure is wrong, or the project is underfunded.",
    ),
    example: t("双回路供电改造工程：预算 297.00 万元，成本指标“工程结算金额 400万元”。", "A power project budgeted at 297.00 万元 with a cost indicator of 400万元."),
    source: t(
        "绩效目标应与预算确定的资金量相匹配（财预〔2015〕88号审核要点“适当性”）；预算支出标准不得超出。",
        "Targets must match the funds the budget sets (财预〔2015〕88号 review point 适当性); spending standards may not be exceeded.",
    ),
    check: Check::Indicator(check),
};

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    if !indicator.is_cost() {
        return;
    }
    let Some(budget) = project.line.amount(Column::Total).and_then(|a| a.value) else {
        return;
    };
    let value = indicator.target();
    let Some((cost, how_zh, how_en)) = total_cost(project, value) else {
        return;
    };
    let (label_zh, label_en) = indicator_label(indicator);
    let b = format_amount(budget);
    let message = match cost {
        Some(cost) if cost > budget => {
            let c = format_amount(cost);
            Message::new(
                format!("{label_zh}的成本「{}」{how_zh}合 {c} 万元，超过项目预算 {b} 万元", value.raw),
                format!("{label_en}: the cost \"{}\"{how_en} comes to {c} 万元, above the project budget of {b} 万元", value.raw),
            )
        }
        Some(_) => return,
        // Beyond 28 digits: far above any budget (amounts have at most 15).
        None => Message::new(
            format!("{label_zh}的成本「{}」{how_zh}大到无法计算，远超项目预算 {b} 万元", value.raw),
            format!("{label_en}: the cost \"{}\"{how_en} is too large to compute, far above the project budget of {b} 万元", value.raw),
        ),
    };
    out.report(Location::indicator(project, indicator), message);
}
