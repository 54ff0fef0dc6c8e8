use super::money_in_wan;
use crate::indicator::{Indicator, Value};
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::{contains_any, t};

pub static RULE: Rule = Rule {
    id: "cost-misfiled",
    severity: Severity::Warning,
    title: t("成本指标不是金额", "Cost indicator is not a cost"),
    what: t(
        "成本指标的指标值既不是金额（元、万元，或 元/套 等单位成本），也不是成本控制类比率（如成本节约率、预算控制率）。",
        "A cost indicator whose values are neither money (元, 万元, or a unit cost such as 元/套) nor a cost-control rate (such as a saving or budget-control rate).",
    ),
    why: t(
        "成本指标分单位成本和总成本，用来约束花多少钱；拨付率、完成率等属于产出或时效指标。",
        "Cost indicators are unit or total costs that bound the spending; disbursement or completion rates belong to output or timeliness.",
    ),
    example: t("14-成本指标, 考评结果经费拨付率；年度指标值:100%", "14-成本指标, 考评结果经费拨付率；年度指标值:100%"),
    source: t(
        "财预〔2021〕101号：成本指标包括经济成本、社会成本、生态环境成本，经济成本分单位成本和总成本。",
        "财预〔2021〕101号: cost indicators are economic, social and environmental costs; economic cost is unit or total cost.",
    ),
    check: Check::Indicator(check),
};

/// Names of rates that do control cost.
const COST_CONTROL_WORDS: [&str; 9] = [
    "成本", "控制", "节约", "节支", "超支", "预算", "支出", "费用", "降低",
];

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    if !indicator.is_cost() {
        return;
    }
    let cost_rate = contains_any(&indicator.name, &COST_CONTROL_WORDS);
    let is_cost = |v: &Value| money_in_wan(v).is_some() || (cost_rate && v.is_percent());
    let written: Vec<&Value> = [&indicator.period, &indicator.annual]
        .into_iter()
        .filter(|v| !v.is_empty() && !v.is_placeholder())
        .collect();
    if !written.is_empty() && !written.iter().any(|v| is_cost(v)) {
        super::super::value::report_values(
            project,
            indicator,
            out,
            |v| !v.is_empty() && !is_cost(v),
            "不是金额，也不是成本控制率；请改为单位成本或总成本，或把该指标移到产出或时效指标下",
            "is neither an amount nor a cost-control rate; state a unit or total cost, or move the indicator to output or timeliness",
        );
    }
}
