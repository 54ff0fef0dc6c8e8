use crate::indicator::framework::{name_key, Family, Level2};
use crate::indicator::Indicator;
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::t;

pub static RULE: Rule = Rule {
    id: "code-name-mismatch",
    severity: Severity::Error,
    title: t("指标编码与名称不符", "Code and name disagree"),
    what: t(
        "一级或二级指标的编码与其名称不对应（比较时忽略末尾的“指标”二字）。",
        "A first- or second-level code does not match its name (a trailing 指标 is ignored).",
    ),
    why: t(
        "系统按编码统计、人按名称阅读；两者不一致时，统计和阅读得出不同结论。",
        "Systems count by code while people read the name; when they disagree the two reach different conclusions.",
    ),
    example: t("11-质量指标（11 是数量指标）", "11-质量指标 (11 is the quantity indicator)"),
    source: t("预算管理系统的指标体系编码。", "The coding of budget systems."),
    check: Check::Indicator(check),
};

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let level1 = indicator
        .level1
        .code
        .as_deref()
        .and_then(Family::from_code)
        .map(|f| (f.name(), &indicator.level1));
    let level2 = indicator
        .level2
        .code
        .as_deref()
        .and_then(Level2::from_code)
        .map(|l| (l.name, &indicator.level2));
    for (expected, written) in [level1, level2].into_iter().flatten() {
        // As written in most tables, with or without the trailing 指标: no allocation.
        let as_expected = written.name == expected
            || expected.strip_suffix("指标") == Some(written.name.as_str());
        if !as_expected && !written.name.is_empty() && name_key(&written.name) != name_key(expected)
        {
            let code = written.code.as_deref().unwrap_or_default();
            out.report_indicator(
                project,
                indicator,
                &format!("编码 {code} 对应“{expected}”，但名称写作“{}”", written.name),
                &format!(
                    "code {code} stands for \"{expected}\" but the name reads \"{}\"",
                    written.name
                ),
            );
        }
    }
}
