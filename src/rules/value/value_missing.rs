use crate::indicator::Indicator;
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::t;

pub static RULE: Rule = Rule {
    id: "value-missing",
    severity: Severity::Error,
    title: t("指标值未填写", "Indicator value missing"),
    what: t(
        "指标的实施周期指标值或年度指标值为空。",
        "An indicator's 实施周期指标值 (period value) or 年度指标值 (annual value) is empty.",
    ),
    why: t(
        "没有指标值的指标无法衡量，也无法在年底评价是否完成。",
        "An indicator without a value measures nothing and cannot be evaluated at year end.",
    ),
    example: t(
        "1、1-产出指标, 11-数量指标, 培训次数；实施周期指标值:, 年度指标值:4次",
        "1、1-产出指标, 11-数量指标, 培训次数；实施周期指标值:, 年度指标值:4次",
    ),
    source: t(
        "预算管理系统中指标值为必填项。",
        "Budget systems make the indicator values required fields.",
    ),
    check: Check::Indicator(check),
};

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let (zh, en) = match (indicator.period.is_empty(), indicator.annual.is_empty()) {
        (true, true) if indicator.has_single_value() => ("未填写指标值", "the value is empty"),
        (true, true) => (
            "实施周期指标值和年度指标值都未填写",
            "neither the period value nor the annual value is filled in",
        ),
        (true, false) => ("未填写实施周期指标值", "the period value is empty"),
        (false, true) => ("未填写年度指标值", "the annual value is empty"),
        (false, false) => return,
    };
    out.report_indicator(project, indicator, zh, en);
}
