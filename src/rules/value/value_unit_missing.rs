use crate::indicator::{Indicator, Value, ValueKind};
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "value-unit-missing",
    severity: Severity::Warning,
    title: t("指标值缺少计量单位", "Value without a unit"),
    what: t(
        "指标值只有数字，没有计量单位（且指标名称中也没有用括号注明单位）。",
        "A value is a bare number with no unit (and the indicator name gives none in brackets).",
    ),
    why: t(
        "没有单位的数字含义不清：30 是 30 人、30 次还是 30%？",
        "A bare number is ambiguous: 30 people, 30 times or 30 %?",
    ),
    example: t(
        "电子政务团队信息管理师；实施周期指标值:30",
        "电子政务团队信息管理师；实施周期指标值:30",
    ),
    source: t(
        "预算管理系统中“计量单位”为单独的必填项。",
        "Budget systems have the unit of measure as a separate required field.",
    ),
    check: Check::Indicator(check),
};

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let bare = |v: &Value| {
        v.kind == ValueKind::Quantity
            && v.unit().is_none()
            && v.number.is_some()
            && !crate::indicator::value::is_date(v.text())
    };
    // Most values have a unit: they are looked at before the name is searched.
    let hit = [&indicator.period, &indicator.annual].map(bare);
    if hit == [false, false] {
        return;
    }
    // `服务对象满意度(%)`, `新增数量（个）`: the name carries the unit.
    let name = indicator.name.trim_end();
    if name.ends_with([')', '）']) && name.contains(['(', '（']) {
        return;
    }
    super::report_values(
        project,
        indicator,
        out,
        bare,
        "只有数字，缺少计量单位",
        "is a bare number without a unit",
    );
    let Some(unit) = super::unit_from_name(&indicator.name) else {
        return;
    };
    if let Some(value) = super::fixed_values(indicator, hit, |v| format!("{}{unit}", v.raw.trim()))
    {
        out.suggest(
            value,
            Message::new(
                format!("指标名称「{}」表明计量单位是「{unit}」", indicator.name),
                format!(
                    "the indicator's name \"{}\" implies the unit \"{unit}\"",
                    indicator.name
                ),
            ),
        );
    }
}
