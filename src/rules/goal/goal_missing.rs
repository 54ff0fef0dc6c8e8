use crate::layout::{Column, Project};
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "goal-missing",
    severity: Severity::Error,
    title: t("缺少绩效目标", "Performance goal missing"),
    what: t("项目的绩效目标单元格为空。", "A project's 绩效目标 cell is empty."),
    why: t(
        "绩效目标是预算安排的前置条件：没有绩效目标的项目原则上不得安排预算。",
        "A performance goal is a precondition of budgeting: a project without one should not be funded.",
    ),
    example: t("项目行只有名称、金额和绩效指标，绩效目标一栏空白。", "A project row with name, amounts and indicators but a blank 绩效目标."),
    source: t(
        "《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：绩效目标是预算安排的前置条件。",
        "中发〔2018〕34号 (CPC Central Committee and State Council opinion on budget performance management): performance goals are a precondition of budgeting.",
    ),
    check: Check::Project(check),
};

fn check(cx: &Context, project: &Project, out: &mut Sink) {
    let has_goal_column = cx
        .sheet
        .header
        .as_ref()
        .is_some_and(|h| h.index(Column::Goal).is_some());
    if !has_goal_column {
        return;
    }
    if super::goal_text(project).is_empty() {
        out.report(
            Location::goal(project),
            Message::new("未填写绩效目标", "The performance goal is empty"),
        );
    }
}
