use crate::layout::Project;
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "markup-in-cell",
    severity: Severity::Info,
    title: t("单元格含 HTML 标记", "HTML markup in a cell"),
    what: t(
        "绩效目标或绩效指标单元格里有 <p>、</p>、<br> 等 HTML 标记（检查前已忽略）。",
        "A 绩效目标 or 绩效指标 cell contains HTML tags such as <p>, </p> or <br> (ignored by the other checks).",
    ),
    why: t(
        "标记是从网页或系统编辑器带出来的，打印和公开时会原样显示，影响表格的规范性。",
        "The tags come from a web editor; printed or published tables show them as is.",
    ),
    example: t("<p>通过“商务云”服务器及网络保障维护……</p>", "<p>通过“商务云”服务器及网络保障维护……</p>"),
    source: t("约定。", "Convention."),
    check: Check::Project(check),
};

fn check(_: &Context, project: &Project, out: &mut Sink) {
    for (cell, zh, en) in [
        (&project.goal, "绩效目标", "goal"),
        (&project.indicator_cell, "绩效指标", "indicator"),
    ] {
        if cell.has_markup() {
            out.report(
                Location::in_project(project, cell.index),
                Message::new(
                    format!("{zh}单元格含有 HTML 标记（如 <p>），公开前请删除。"),
                    format!("The {en} cell contains HTML markup (such as <p>); remove it before publishing."),
                ),
            );
        }
    }
}
