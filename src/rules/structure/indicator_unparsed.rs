use crate::layout::Project;
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{excerpt, t, Message};

pub static RULE: Rule = Rule {
    id: "indicator-unparsed",
    severity: Severity::Error,
    title: t("绩效指标无法解析", "Indicators cannot be read"),
    what: t(
        "绩效指标单元格有内容，却读不出任何一项“N、一级, 二级, 三级；实施周期指标值:…, 年度指标值:…”格式的指标（错误）；或读出了指标但有多余文字（警告）。",
        "The 绩效指标 cell has text but no indicator of the form \"N、level 1, level 2, name；实施周期指标值:…, 年度指标值:…\" can be read (error), or text is left over besides the indicators (warning).",
    ),
    why: t(
        "预算系统导出的指标都有固定格式；读不出的指标无法审核，也无法汇总。",
        "Budget systems export indicators in a fixed format; indicators that cannot be read cannot be reviewed or summarised.",
    ),
    example: t("绩效指标单元格只写了“完成全年工作任务”。", "A 绩效指标 cell reading only 完成全年工作任务."),
    source: t("约定：预算管理一体化系统导出的绩效指标格式。", "Convention: the indicator format exported by the budget management system."),
    check: Check::Project(check),
};

fn check(_: &Context, project: &Project, out: &mut Sink) {
    let cell = &project.indicators;
    let at = || Location::in_project(project, project.indicator_cell.index);
    if cell.indicators.is_empty() && !project.indicator_cell.is_empty() {
        let text = excerpt(project.indicator_cell.text().trim(), 40);
        out.report(
            at(),
            Message::new(
                format!("绩效指标无法解析：找不到“N、一级指标, 二级指标, 三级指标；实施周期指标值:…, 年度指标值:…”格式的指标。内容为「{text}」"),
                format!("Indicators cannot be read: no indicator of the form \"N、level 1, level 2, name；实施周期指标值:…, 年度指标值:…\" was found. The cell reads \"{text}\""),
            ),
        );
    } else if let Some(left) = &cell.leftover {
        let text = excerpt(left, 40);
        out.report_as(
            Severity::Warning,
            at(),
            Message::new(
                format!("绩效指标中有不属于任何指标的文字：「{text}」"),
                format!("The indicator cell has text that belongs to no indicator: \"{text}\""),
            ),
        );
    }
}
