use crate::indicator::framework::Family;
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::t;

pub static RULE: Rule = Rule {
    id: "benefit-missing",
    severity: Severity::Warning,
    title: t("缺少效益指标", "No benefit indicator"),
    what: t(
        "项目没有任何 2-效益指标（经济、社会、生态效益或可持续影响）。",
        "A project has no 2-效益指标 (economic, social or ecological benefit, or sustainable impact).",
    ),
    why: t(
        "效益指标说明项目带来的变化；只有产出没有效益，无法判断钱花得值不值。",
        "Benefit indicators state the change a project brings; outputs alone do not show whether the money was worth it.",
    ),
    example: t("一个项目的四项指标全是数量、质量和时效指标。", "A project whose four indicators are all quantity, quality and timeliness."),
    source: t(
        "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）的指标体系；各地填写要求包括三个一级指标。",
        "The framework of 财预〔2015〕88号; local filing instructions require all three first-level indicators.",
    ),
    check: Check::Project(check),
};

fn check(cx: &Context, project: &Project, out: &mut Sink) {
    super::report_family_missing(cx, project, Family::Benefit, out);
}
