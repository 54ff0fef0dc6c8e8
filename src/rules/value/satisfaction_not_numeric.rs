use crate::indicator::{Indicator, Value};
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::t;

pub static RULE: Rule = Rule {
    id: "satisfaction-not-numeric",
    severity: Severity::Warning,
    title: t("满意度目标不是百分比", "Satisfaction target not a percentage"),
    what: t("满意度指标的指标值不是百分比，如只写“满意”。", "A satisfaction indicator's value is not a percentage, e.g. a bare 满意."),
    why: t(
        "满意度通过问卷调查得出百分比，目标也应写成百分比（如 ≥90%），否则无法与调查结果比较。",
        "Satisfaction is measured by survey as a percentage; the target must be one too (such as ≥90 %) to be compared with the result.",
    ),
    example: t("3-满意度指标, 31-服务对象满意度, 满意；实施周期指标值:满意", "3-满意度指标, 31-服务对象满意度, 满意；实施周期指标值:满意"),
    source: t("约定：从实际表格中观察到的问题；满意度指标通常以百分比表述。", "Convention observed in real tables; satisfaction targets are stated as percentages."),
    check: Check::Indicator(check),
};

pub(crate) fn is_not_numeric(value: &Value) -> bool {
    !value.is_empty() && !value.is_placeholder() && !value.is_percent()
}

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    if indicator.is_satisfaction() {
        super::report_values(
            project,
            indicator,
            out,
            is_not_numeric,
            "不是百分比，满意度目标应写成如“≥90%”",
            "is not a percentage; write a satisfaction target such as ≥90 %",
        );
    }
}
