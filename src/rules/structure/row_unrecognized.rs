use crate::layout::RowProblem;
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "row-unrecognized",
    severity: Severity::Warning,
    title: t("无法识别的行", "Unrecognised row"),
    what: t(
        "表头之后的非空行既不是合计行、单位行，也不是项目行，例如只有文字没有名称，或只有名称没有金额和指标。",
        "A non-blank row after the header that is neither the total, a unit nor a project: text without a name, or a name with nothing else.",
    ),
    why: t(
        "检查不会悄悄丢掉任何一行：说不清的行要让人看一眼，可能是换行断开的单元格或多余的备注。",
        "No row is dropped silently: a row that cannot be placed needs a human look; it may be a broken cell or a stray note.",
    ),
    example: t("表格末尾的“注：本表金额单位为万元”。", "A trailing note such as 注：本表金额单位为万元."),
    source: t("约定。", "Convention."),
    check: Check::Sheet(check),
};

fn check(cx: &Context, out: &mut Sink) {
    for row in &cx.sheet.unrecognized {
        let (zh, en) = match row.reason {
            RowProblem::NoName => (
                "此行有内容但没有项目名称，无法归入合计、单位或项目",
                "this row has content but no name, so it is neither total, unit nor project",
            ),
            RowProblem::OnlyName => (
                "此行只有名称，没有金额、绩效目标或绩效指标",
                "this row has a name and nothing else: no amounts, goal or indicators",
            ),
            RowProblem::ExtraTotal => (
                "表格中已有合计行，此行是第二个合计行",
                "the table already has a total row; this is a second one",
            ),
        };
        out.report(
            Location::cell(row.row, 0),
            Message::new(
                format!("{zh}：「{}」", row.text),
                format!("{}: \"{}\"", capitalize(en), row.text),
            ),
        );
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
