use crate::indicator::Indicator;
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::t;

pub static RULE: Rule = Rule {
    id: "value-placeholder",
    severity: Severity::Error,
    title: t("指标值是模板占位符", "Placeholder left as a value"),
    what: t(
        "指标值是模板中的占位内容，如“标准:控制数”“XX”“**”“***”“/”“无”“待定”“≥**%”。指标名称声明“不适用”的（如“本项目不适用此指标”，值为“无”）是填表人的说明，不报。",
        "A value is a template placeholder such as 标准:控制数, XX, **, ***, /, 无, 待定 or ≥**%. An indicator whose name declares it does not apply (本项目不适用此指标, with 无 as its value) is the filer's statement and is not reported.",
    ),
    why: t(
        "占位符不是目标，说明该指标值还没有真正填写。",
        "A placeholder is not a target: the value was never really filled in.",
    ),
    example: t(
        "实施周期指标值:标准:控制数, 年度指标值:99%",
        "实施周期指标值:标准:控制数, 年度指标值:99%",
    ),
    source: t(
        "约定：从实际表格中观察到的模板残留。",
        "Convention: template leftovers observed in real tables.",
    ),
    check: Check::Indicator(check),
};

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    // 生态效益指标 | 本项目不适用此指标 | 无: said, not left blank. (The
    // values first: they are decided already, the name is searched.)
    let placeholder = indicator.period.is_placeholder() || indicator.annual.is_placeholder();
    if !placeholder || indicator.name.contains("不适用") {
        return;
    }
    super::report_values(
        project,
        indicator,
        out,
        |v| v.is_placeholder(),
        "是模板占位符，未填写实际目标",
        "is a template placeholder, not a target",
    );
}
