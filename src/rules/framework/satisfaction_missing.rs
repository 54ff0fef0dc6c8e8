use crate::indicator::framework::Family;
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::t;

pub static RULE: Rule = Rule {
    id: "satisfaction-missing",
    severity: Severity::Warning,
    title: t("缺少满意度指标", "No satisfaction indicator"),
    what: t("项目没有 3-满意度指标（服务对象满意度）。", "A project has no 3-满意度指标 (beneficiary satisfaction)."),
    why: t(
        "服务对象满意度是绩效目标的必要组成部分，反映服务对象对项目的认可程度。",
        "Beneficiary satisfaction is a required part of the targets: it shows whether those served approve of the project.",
    ),
    example: t("便民服务站补助经费只有产出和效益指标。", "A subsidy project with only output and benefit indicators."),
    source: t(
        "《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：绩效目标包括服务对象满意度；财预〔2015〕88号的指标体系。",
        "中发〔2018〕34号: targets include beneficiary satisfaction; the framework of 财预〔2015〕88号.",
    ),
    check: Check::Project(check),
};

fn check(cx: &Context, project: &Project, out: &mut Sink) {
    super::report_family_missing(cx, project, Family::Satisfaction, out);
}
