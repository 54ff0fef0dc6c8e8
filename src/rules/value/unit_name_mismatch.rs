use crate::indicator::Indicator;
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::t;

pub static RULE: Rule = Rule {
    id: "unit-name-mismatch",
    severity: Severity::Warning,
    title: t("名称中的单位与计量单位不符", "Unit in the name differs from the unit"),
    what: t(
        "指标名称用括号注明了单位（如“满意度（%）”“新增数量（个）”），但指标值或计量单位列用的是另一个单位。",
        "The indicator's name states a unit in brackets (满意度（%）, 新增数量（个）) but its value or unit column uses another.",
    ),
    why: t("两个单位不一致时，目标的数量级和含义都不确定。", "With two different units the target's meaning and magnitude are unclear."),
    example: t("覆盖率（%）；指标值 85；计量单位 个", "覆盖率（%）; value 85; unit 个"),
    source: t("约定。", "Convention."),
    check: Check::Indicator(check),
};

/// The unit a name states in trailing brackets: `满意度（%）` → `%`.
fn unit_in_name(name: &str) -> Option<&str> {
    let name = name.trim_end();
    let inner = name.strip_suffix(')').or_else(|| name.strip_suffix('）'))?;
    let open = inner.rfind(['(', '（'])?;
    let unit = inner[open..].trim_start_matches(['(', '（']).trim();
    let looks_like_a_unit = !unit.is_empty()
        && unit.chars().count() <= 4
        && !unit.contains(['*', '＊', '≥', '≤', '>', '<', '=', 'x', 'X', '×']);
    looks_like_a_unit.then_some(unit)
}

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let Some(named) = unit_in_name(&indicator.name) else {
        return;
    };
    let column = indicator
        .own_row
        .as_ref()
        .and_then(|o| o.measure_unit.as_deref());
    let written = column.or(indicator
        .annual
        .unit()
        .filter(|_| indicator.annual.has_number()));
    let Some(written) = written else { return };
    let same =
        |a: &str, b: &str| a == b || a.trim_start_matches('个') == b.trim_start_matches('个');
    if !same(named, written) && !written.starts_with(named) {
        out.report_indicator(
            project,
            indicator,
            &format!("名称注明单位「{named}」，计量单位却是「{written}」"),
            &format!("the name states the unit \"{named}\" but the value uses \"{written}\""),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn units_in_names() {
        assert_eq!(super::unit_in_name("群众满意度（%）"), Some("%"));
        assert_eq!(super::unit_in_name("服务对象满意度(%) "), Some("%"));
        assert_eq!(super::unit_in_name("新增数量（个）"), Some("个"));
        assert_eq!(super::unit_in_name("一、二类视频联网率"), None);
        assert_eq!(super::unit_in_name("培训（含线上线下各类培训）"), None);
    }
}
