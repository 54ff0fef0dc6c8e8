use crate::indicator::Indicator;
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::t;

pub static RULE: Rule = Rule {
    id: "name-placeholder",
    severity: Severity::Error,
    title: t("指标名称中留有模板占位符", "Placeholder left in a name"),
    what: t(
        "三级指标名称中留有模板的占位内容，如“（≥**%）”“XX”“***”“××”。占位符是模板对指标值的提示（在括号中或紧跟运算符，省里印制的模板常写“（≥**个）”“≥**人”），而指标值已经填写时，只作提示：指标值说明了目标，名称里的提示删去即可。",
        "A third-level name still holds a template placeholder such as （≥**%）, XX, *** or ××. Where the placeholder is the template's hint of the value (in brackets or after an operator: a province's printed template often says （≥**个） or ≥**人) and the value is filled in, it is only a note: the value states the target, and the hint is to be deleted from the name.",
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
    let Some(mark) = MARKS.iter().find(|m| indicator.name.contains(**m)) else {
        return;
    };
    let value = &indicator.annual;
    if is_hint(&indicator.name, mark) && !value.is_empty() && !value.is_placeholder() {
        let raw = &value.raw;
        out.report_indicator_as(
            Severity::Info,
            project,
            indicator,
            &format!("名称中留有模板提示「{mark}」，指标值已填写（{raw}），请删去名称中的提示"),
            &format!("the name keeps the template's hint \"{mark}\" while the value is filled in ({raw}); delete the hint from the name"),
        );
        return;
    }
    out.report_indicator(
        project,
        indicator,
        &format!("名称中有模板占位符「{mark}」，请填写实际内容"),
        &format!("the name holds the template placeholder \"{mark}\"; fill in the real content"),
    );
}

/// Whether the first `mark` in `name` is a template's hint of the value: in
/// brackets (`设备完好率（≥**%）`) or after an operator (`受益人口数≥**人`).
fn is_hint(name: &str, mark: &str) -> bool {
    name.find(mark).is_some_and(|at| {
        let (before, after) = name.split_at(at);
        let bracketed =
            before.rfind(['（', '(']) > before.rfind(['）', ')']) && after.contains(['）', ')']);
        bracketed || before.trim_end().ends_with(['≥', '≤', '>', '<', '='])
    })
}
