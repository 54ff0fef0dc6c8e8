use crate::indicator::{Indicator, Operator};
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::t;

pub static RULE: Rule = Rule {
    id: "direction-mismatch",
    severity: Severity::Warning,
    title: t("运算符号与指标方向相反", "Operator contradicts the direction"),
    what: t(
        "“指标方向性”为正向（越大越好）却用 ≤ 或 <，或为反向（越小越好）却用 ≥ 或 >。",
        "The 指标方向性 says higher is better (正向) but the target uses ≤ or <, or lower is better (反向) but it uses ≥ or >.",
    ),
    why: t(
        "方向与符号相反时，目标表达的意思与本意相反：例如“故障率 ≥ 5%”把低故障写成了目标下限。",
        "When they disagree the target says the opposite of what is meant, e.g. a failure rate of ≥ 5 % sets a floor on failures.",
    ),
    example: t("投诉率；指标性质 ≥；指标值 5；指标方向性 反向", "投诉率; operator ≥; value 5; direction 反向 (lower is better)"),
    source: t("预算管理系统的指标方向性与计算符号。", "Budget systems' direction and operator fields."),
    check: Check::Indicator(check),
};

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let Some(direction) = indicator
        .own_row
        .as_ref()
        .and_then(|o| o.direction.as_deref())
    else {
        return;
    };
    let higher_is_better = ["正向", "越大越好", "越高越好", "上升"]
        .iter()
        .any(|w| direction.contains(w));
    let lower_is_better = ["反向", "越小越好", "越低越好", "下降"]
        .iter()
        .any(|w| direction.contains(w));
    let operator = indicator.annual.operator;
    let contradicts = match operator {
        Some(Operator::AtMost | Operator::Below) => higher_is_better,
        Some(Operator::AtLeast | Operator::Above) => lower_is_better,
        _ => false,
    };
    if contradicts {
        let symbol = operator.map_or("", |o| o.symbol());
        out.report_indicator(
            project,
            indicator,
            &format!("指标方向为「{direction}」，目标却写成「{symbol}」，两者相反"),
            &format!("the direction is \"{direction}\" but the target uses \"{symbol}\""),
        );
    }
}
