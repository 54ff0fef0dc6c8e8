use crate::indicator::framework::{name_key, Family, Level2};
use crate::indicator::Indicator;
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::{t, Message};

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
    let (level1, level2) = (indicator.level1(), indicator.level2());
    let levels = [
        (
            level1.code.and_then(Family::from_code).map(Family::name),
            level1,
        ),
        (
            level2.code.and_then(Level2::from_code).map(|l| l.name),
            level2,
        ),
    ];
    for (at, (expected, written)) in levels.into_iter().enumerate() {
        let Some(expected) = expected else {
            continue;
        };
        // As written in most tables, with or without the trailing 指标: no allocation.
        let as_expected =
            written.name == expected || expected.strip_suffix("指标") == Some(written.name);
        if as_expected || written.name.is_empty() || name_key(written.name) == name_key(expected) {
            continue;
        }
        let code = written.code.unwrap_or_default();
        out.report_indicator(
            project,
            indicator,
            &format!("编码 {code} 对应“{expected}”，但名称写作“{}”", written.name),
            &format!(
                "code {code} stands for \"{expected}\" but the name reads \"{}\"",
                written.name
            ),
        );
        // The code that the name stands for, where the framework knows the name.
        let named = if at == 0 {
            Family::from_name(written.name).and_then(Family::code)
        } else {
            Level2::from_name(written.name).and_then(|l| l.code)
        };
        if let Some(right) = named.filter(|right| *right != code) {
            out.suggest(
                format!("{right}-{}", written.name),
                Message::new(
                    format!("指标体系中“{}”的编码是 {right}；若名称无误，编码应改为 {right}", written.name),
                    format!("in the framework \"{}\" has the code {right}; if the name is right, the code should be {right}", written.name),
                ),
            );
        }
    }
}
