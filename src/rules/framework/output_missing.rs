use crate::indicator::framework::Family;
use crate::layout::{Column, Project};
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "output-missing",
    severity: Severity::Error,
    title: t("缺少产出指标", "No output indicator"),
    what: t(
        "项目没有任何 1-产出指标（数量、质量、时效、成本），或者绩效指标单元格为空。",
        "A project has no 1-产出指标 (output: quantity, quality, timeliness, cost), or its 绩效指标 cell is empty.",
    ),
    why: t(
        "产出指标说明用这笔钱做成什么、做多少、做到什么程度，是绩效目标的核心；没有产出指标就无法评价资金使用。",
        "Output indicators say what the money delivers, how much and how well; without them spending cannot be evaluated.",
    ),
    example: t("一个项目只填了社会效益和满意度指标。", "A project with only social-benefit and satisfaction indicators."),
    source: t(
        "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：绩效指标包括产出指标、效益指标和满意度指标；各地填写要求同此三个一级指标。",
        "财预〔2015〕88号 (central budget performance target rules): indicators comprise output, benefit and satisfaction; local filing instructions require the three first-level indicators.",
    ),
    check: Check::Project(check),
};

fn check(cx: &Context, project: &Project, out: &mut Sink) {
    let has_column = cx
        .sheet
        .header
        .as_ref()
        .is_some_and(|h| h.index(Column::Indicators).is_some());
    if has_column && project.indicator_cell.is_empty() {
        out.report(
            Location::in_project(project, project.indicator_cell.index),
            Message::new(
                "未填写绩效指标（产出、效益、满意度指标均缺）",
                "No indicators at all (output, benefit and satisfaction are all missing)",
            ),
        );
    } else {
        super::report_family_missing(cx, project, Family::Output, out);
    }
}
