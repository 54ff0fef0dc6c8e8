use crate::layout::Project;
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "indicator-numbering",
    severity: Severity::Info,
    title: t("指标编号跳号或重复", "Indicator numbers skip or repeat"),
    what: t(
        "同一单元格内指标的“N、”编号不是从 1 开始连续递增。",
        "The \"N、\" numbers of the indicators in one cell do not run 1, 2, 3… without gaps or repeats.",
    ),
    why: t(
        "跳号或重号常说明有指标被删掉或复制粘贴时出错，审核时容易漏看。",
        "A gap or a repeat often means an indicator was deleted or pasted twice.",
    ),
    example: t("1、…; 2、…; 4、…（缺第 3 项）", "1、…; 2、…; 4、… (no 3)"),
    source: t("约定。", "Convention."),
    check: Check::Project(check),
};

fn check(_: &Context, project: &Project, out: &mut Sink) {
    let numbers = || {
        project
            .indicators
            .indicators
            .iter()
            .filter_map(|i| i.number)
    };
    // Almost every cell is numbered right: the list is built only when not.
    if numbers().zip(1..).all(|(n, expected)| n == expected) {
        return;
    }
    let numbers: Vec<u32> = numbers().collect();
    let list = numbers
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join("、");
    out.report(
        Location::in_project(project, project.indicator_cell.index),
        Message::new(
            format!("指标编号应为 1 起连续编号，实际为：{list}"),
            format!("Indicator numbers should run from 1 without gaps; they are: {list}"),
        ),
    );
}
