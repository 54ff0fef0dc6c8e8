//! Indicator values: present, real, measurable, consistent.
pub mod direction_mismatch;
pub mod period_annual_mismatch;
pub mod rate_out_of_range;
pub mod satisfaction_low;
pub mod satisfaction_not_numeric;
pub mod unit_name_mismatch;
pub mod value_is_criterion;
pub mod value_missing;
pub mod value_placeholder;
pub mod value_unit_missing;
pub mod value_vague;

use crate::indicator::{Indicator, Value};
use crate::layout::Project;
use crate::rules::{indicator_label, Location, Sink};
use crate::text::Message;

/// Reports the values of one indicator that `matches`, in one finding:
/// `{label}：实施周期指标值「…」{zh}` (both values named when both match).
pub(crate) fn report_values(
    project: &Project,
    indicator: &Indicator,
    out: &mut Sink,
    matches: impl Fn(&Value) -> bool,
    zh: &str,
    en: &str,
) {
    if !(matches(&indicator.period) || matches(&indicator.annual)) {
        return;
    }
    let hits: Vec<_> = indicator
        .values()
        .into_iter()
        .filter(|(_, _, v)| matches(v))
        .collect();
    let (label_zh, label_en) = indicator_label(indicator);
    let same = hits.len() == 2 && hits[0].2.raw == hits[1].2.raw;
    let (which_zh, which_en) = if same && indicator.has_single_value() {
        (
            format!("指标值「{}」", hits[0].2.raw),
            format!("value \"{}\"", hits[0].2.raw),
        )
    } else if same {
        (
            format!("实施周期指标值和年度指标值「{}」", hits[0].2.raw),
            format!("period and annual values \"{}\"", hits[0].2.raw),
        )
    } else {
        let zh: Vec<String> = hits
            .iter()
            .map(|(l, _, v)| format!("{l}「{}」", v.raw))
            .collect();
        let en: Vec<String> = hits
            .iter()
            .map(|(_, l, v)| format!("{l} \"{}\"", v.raw))
            .collect();
        (zh.join("、"), en.join(" and "))
    };
    out.report(
        Location::indicator(project, indicator),
        Message::new(
            format!("{label_zh}的{which_zh}{zh}"),
            format!("{label_en}: {which_en} {en}"),
        ),
    );
}

/// A rate or percentage indicator, by its name.
pub(crate) fn is_rate_name(name: &str) -> bool {
    ["率", "满意度", "占比", "比例", "比重"]
        .iter()
        .any(|w| name.contains(w))
}

/// Rates that may legitimately exceed 100 % or fall below 0.
pub(crate) fn is_growth_name(name: &str) -> bool {
    [
        "增长",
        "增幅",
        "提升率",
        "提高率",
        "增速",
        "同比",
        "环比",
        "变化率",
        "下降",
    ]
    .iter()
    .any(|w| name.contains(w))
}
