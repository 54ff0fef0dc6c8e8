use crate::indicator::Indicator;
use crate::layout::Project;
use crate::rules::{indicator_label, Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "period-annual-mismatch",
    severity: Severity::Warning,
    title: t("年度值与实施周期值不一致", "Annual and period values disagree"),
    what: t(
        "同一指标的年度指标值与实施周期指标值类型或单位不同（一个是数字一个是文字，或单位不同），或者累计数量的年度值大于整个实施周期的值。",
        "The annual and period values of one indicator differ in kind or unit (one a number, the other text; or different units), or an annual cumulative quantity exceeds the whole period's.",
    ),
    why: t(
        "年度目标是实施周期目标的一部分；混淆长期目标与年度目标是绩效目标编制的常见错误。",
        "The annual target is a part of the period target; confusing long-term and annual targets is a listed common error.",
    ),
    example: t("培训次数；实施周期指标值:4次, 年度指标值:6次", "培训次数；实施周期指标值:4次, 年度指标值:6次"),
    source: t("各地绩效目标编制指引列举的常见问题：长期目标与年度目标混淆。", "Local target-setting guides list it as a common error: long-term and annual targets confused."),
    check: Check::Indicator(check),
};

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    if let Some((zh, en)) = mismatch(indicator) {
        let (label_zh, label_en) = indicator_label(indicator);
        let (p, a) = (&indicator.period.raw, &indicator.annual.raw);
        out.report(
            Location::indicator(project, indicator),
            Message::new(
                format!("{label_zh}：实施周期指标值「{p}」与年度指标值「{a}」{zh}"),
                format!("{label_en}: period value \"{p}\" and annual value \"{a}\" {en}"),
            ),
        );
        if exceeds(indicator) {
            out.suggest(
                p.to_string(),
                Message::new(
                    format!("年度指标值不应大于整个实施周期的值「{p}」，至多与之相同（实施周期为一年时两者相同）"),
                    format!("the annual value cannot exceed the whole period's \"{p}\"; at most the same (they are equal for a one-year period)"),
                ),
            );
        }
    }
}

/// The annual quantity exceeds the period's (the one mismatch with a fix).
fn exceeds(indicator: &Indicator) -> bool {
    mismatch(indicator).is_some_and(|(zh, _)| zh.contains("年度值大于"))
}

fn mismatch(indicator: &Indicator) -> Option<(&'static str, &'static str)> {
    let (period, annual) = (&indicator.period, &indicator.annual);
    if period.is_empty() || annual.is_empty() || period.is_placeholder() || annual.is_placeholder()
    {
        return None;
    }
    if period.has_number() != annual.has_number() {
        return Some((
            "一个是数值、一个是文字，类型不一致",
            "are of different kinds (one a number, one text)",
        ));
    }
    let (Some(p), Some(a)) = (
        period.upper().or(period.number),
        annual.upper().or(annual.number),
    ) else {
        return None;
    };
    if period.unit() != annual.unit() {
        return Some(("的计量单位不同", "have different units"));
    }
    // Only cumulative quantities add up over the period: not rates, not per-time units.
    let cumulative = period
        .unit()
        .is_some_and(|u| u != "%" && u != "‰" && !u.contains('/'));
    (cumulative && a > p).then_some((
        "中，年度值大于整个实施周期的值",
        "differ: the annual quantity exceeds the whole period's",
    ))
}
