use crate::indicator::{Indicator, Value};
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::t;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    id: "rate-out-of-range",
    severity: Severity::Error,
    title: t("比率超出 0–100%", "Rate outside 0–100 %"),
    what: t(
        "比率或百分比指标（名称含率、满意度、占比、比例，或指标值以 % 计）的值大于 100% 或小于 0。增长率、提升率等变化率除外。",
        "A rate or percentage (named with 率, 满意度, 占比, 比例, or valued in %) above 100 % or below 0. Growth and change rates are exempt.",
    ),
    why: t("比率不可能超过 100%，超出说明数值或单位填错。", "A share cannot exceed 100 %; a larger figure means a wrong number or unit."),
    example: t("服务对象满意度；年度指标值:950%", "服务对象满意度；年度指标值:950%"),
    source: t("推定：由比率的含义得出。", "Inferred from what a rate is."),
    check: Check::Indicator(check),
};

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let hundred = Decimal::from(100);
    let beyond = |v: &Value| {
        v.upper().or(v.number).is_some_and(|n| n > hundred)
            || v.number.is_some_and(|n| n < Decimal::ZERO)
    };
    // Names are read only for the few values outside 0–100.
    if !(beyond(&indicator.period) || beyond(&indicator.annual))
        || super::is_growth_name(&indicator.name)
    {
        return;
    }
    let rate_name = super::is_rate_name(&indicator.name);
    let out_of_range = |v: &Value| {
        let is_rate = v.is_percent() || (rate_name && v.unit().is_none());
        is_rate && beyond(v)
    };
    super::report_values(
        project,
        indicator,
        out,
        out_of_range,
        "超出 0–100% 的范围",
        "is outside 0–100 %",
    );
}
