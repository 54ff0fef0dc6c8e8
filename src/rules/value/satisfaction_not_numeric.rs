use crate::indicator::{Indicator, Value};
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::{t, Message};

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

fn check(cx: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    if indicator.is_satisfaction() {
        let hit = [&indicator.period, &indicator.annual].map(is_not_numeric);
        super::report_values(
            project,
            indicator,
            out,
            is_not_numeric,
            "不是百分比，满意度目标应写成如“≥90%”",
            "is not a percentage; write a satisfaction target such as ≥90 %",
        );
        // A bare number is that percentage; a word (满意) becomes the floor of
        // the profile, which is what satisfaction-low would accept.
        let floor = cx.config.satisfaction_floor.normalize();
        let fixed = |v: &Value| match (v.number, v.unit()) {
            (Some(_), None) => format!("{}%", v.raw.trim()),
            _ => format!("≥{floor}%"),
        };
        if let Some(value) = super::fixed_values(indicator, hit, fixed) {
            out.suggest(
                value,
                Message::new(
                    format!("满意度目标写成百分比；没有数字时取满意度下限 {floor}%（satisfaction-floor，可在规则配置中修改）"),
                    format!("a satisfaction target as a percentage; without a figure, the satisfaction floor of {floor} % (satisfaction-floor, set in the profile)"),
                ),
            );
        }
    }
}
