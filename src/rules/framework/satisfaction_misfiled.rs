use crate::indicator::framework::Family;
use crate::indicator::Indicator;
use crate::layout::Project;
use crate::rules::{indicator_label, Check, Context, Location, Rule, Severity, Sink};
use crate::text::{contains_any, t, Message};

pub static RULE: Rule = Rule {
    id: "satisfaction-misfiled",
    severity: Severity::Warning,
    title: t("满意度指标归类错误", "Satisfaction indicator misfiled"),
    what: t(
        "名称含“满意”的指标不在 3-满意度指标下，或 3-满意度指标下的指标名称与满意度无关。",
        "An indicator named with 满意 (satisfaction) sits outside 3-满意度指标, or one under 3-满意度指标 is not about satisfaction.",
    ),
    why: t(
        "满意度要单独统计和评价；归错类会使“缺少满意度指标”的判断和汇总出错。",
        "Satisfaction is counted and evaluated on its own; misfiling it skews the coverage and the summaries.",
    ),
    example: t("1-产出指标, 12-质量指标, 群众满意度", "1-产出指标, 12-质量指标, 群众满意度"),
    source: t("预算管理系统的指标体系：满意度指标下设服务对象满意度指标。", "Budget-system frameworks: satisfaction holds the beneficiary-satisfaction indicators."),
    check: Check::Indicator(check),
};

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let named = indicator.name.contains("满意");
    let filed = indicator.family() == Some(Family::Satisfaction);
    let about_satisfaction =
        || named || contains_any(&indicator.name, &["好评", "认可", "评价", "投诉"]);
    let message = match (named, filed, indicator.family()) {
        (true, false, Some(family)) => Message::new(
            format!("{}是满意度指标，却归在{}下，应归入 3-满意度指标、31-服务对象满意度", indicator_label(indicator).0, family.name()),
            format!("{} measures satisfaction but is filed under {}; file it under 3-满意度指标, 31-服务对象满意度", indicator_label(indicator).1, family.name_en()),
        ),
        (false, true, _) if !about_satisfaction() => Message::new(
            format!("{}归在满意度指标下，但名称与满意度无关", indicator_label(indicator).0),
            format!("{} is filed under satisfaction but its name is not about satisfaction", indicator_label(indicator).1),
        ),
        _ => return,
    };
    out.report(Location::indicator(project, indicator), message);
}
