use crate::indicator::Indicator;
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::t;

pub static RULE: Rule = Rule {
    id: "name-placeholder",
    severity: Severity::Error,
    title: t("指标名称中留有模板占位符", "Placeholder left in a name"),
    what: t(
        "三级指标名称中留有模板的占位内容，如“（≥**%）”“XX”“***”“××”。",
        "A third-level name still holds a template placeholder such as （≥**%）, XX, *** or ××.",
    ),
    why: t(
        "照抄模板而未填写实际内容的指标没有意义，也说明该表未经认真编制。",
        "An indicator copied from the template without its real content means nothing.",
    ),
    example: t("设备完好率（≥**%）", "设备完好率（≥**%）"),
    source: t(
        "约定：从模板残留中观察到。",
        "Convention: template leftovers observed in real tables.",
    ),
    check: Check::Indicator(check),
};

const MARKS: [&str; 6] = ["**", "XX", "xx", "××", "＊＊", "ＸＸ"];

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    // One pass for the marks' characters first: most names have none.
    if !indicator.name.contains(['*', 'X', 'x', '×', '＊', 'Ｘ']) {
        return;
    }
    if let Some(mark) = MARKS.iter().find(|m| indicator.name.contains(**m)) {
        out.report_indicator(
            project,
            indicator,
            &format!("名称中有模板占位符「{mark}」，请填写实际内容"),
            &format!(
                "the name holds the template placeholder \"{mark}\"; fill in the real content"
            ),
        );
    }
}
