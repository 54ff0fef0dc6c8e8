use crate::indicator::framework::{Family, Level2};
use crate::indicator::Indicator;
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::t;

pub static RULE: Rule = Rule {
    id: "code-unknown",
    severity: Severity::Error,
    title: t("指标编码不在指标体系中", "Indicator code outside the framework"),
    what: t(
        "一级或二级指标的编码不在指标体系中（一级 1/2/3；二级 11–14、21–24、31），或者一级之后没有可识别的二级指标。",
        "A first- or second-level code is outside the framework (1/2/3; 11–14, 21–24, 31), or no known second level follows the first.",
    ),
    why: t(
        "编码决定指标归类和汇总；错误编码的指标在系统中会被归错类或无法统计。",
        "Codes decide how indicators are classified and summed; a wrong code misfiles the indicator.",
    ),
    example: t("1、4-产出指标, 41-数量指标, …", "1、4-产出指标, 41-数量指标, …"),
    source: t(
        "预算管理系统的指标体系编码（财预〔2015〕88号框架：1 产出、2 效益、3 满意度）。",
        "The coding of budget systems (framework of 财预〔2015〕88号: 1 output, 2 benefit, 3 satisfaction).",
    ),
    check: Check::Indicator(check),
};

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let mut report = |zh: String, en: String| out.report_indicator(project, indicator, &zh, &en);
    if let Some(code) = indicator
        .level1()
        .code
        .filter(|c| Family::from_code(c).is_none())
    {
        report(
                format!("一级指标编码「{code}」不在指标体系中（1 产出、2 效益、3 满意度）"),
                format!("first-level code \"{code}\" is not in the framework (1 output, 2 benefit, 3 satisfaction)"),
            );
    }
    if let Some(code) = indicator
        .level2()
        .code
        .filter(|c| Level2::from_code(c).is_none())
    {
        report(
            format!("二级指标编码「{code}」不在指标体系中（11–14、21–24、31）"),
            format!("second-level code \"{code}\" is not in the framework (11–14, 21–24, 31)"),
        );
    }
    // A known 二级 name merged across both columns (社会公众或服务对象满意度指标
    // over 一级 and 二级) is both levels at once.
    let spans_both = || Level2::from_name(indicator.level1().name).is_some();
    if !indicator.level1().is_empty() && indicator.level2().is_empty() && !spans_both() {
        report(
            format!(
                "一级指标「{}」之后没有可识别的二级指标",
                indicator.level1().label()
            ),
            format!(
                "no known second-level indicator follows \"{}\"",
                indicator.level1().label()
            ),
        );
    }
}
