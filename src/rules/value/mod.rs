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
use crate::rules::{Location, Sink};
use crate::text::{contains_any, Message};
use std::fmt::Write;

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
    let hit = [matches(&indicator.period), matches(&indicator.annual)];
    if hit == [false, false] {
        return;
    }
    // Written straight into the two messages: value findings are many.
    // (Writing to a String cannot fail: the results are dropped.)
    let (mut message_zh, mut message_en) = (String::new(), String::new());
    let name = &indicator.name;
    let _ = match indicator.number {
        Some(n) => write!(message_zh, "第 {n} 项指标「{name}」的")
            .and(write!(message_en, "indicator {n} \"{name}\": ")),
        None => {
            write!(message_zh, "指标「{name}」的").and(write!(message_en, "indicator \"{name}\": "))
        }
    };
    let (period, annual) = (&indicator.period.raw, &indicator.annual.raw);
    let same = hit == [true, true] && period == annual;
    let _ = if same && indicator.has_single_value() {
        write!(message_zh, "指标值「{period}」").and(write!(message_en, "value \"{period}\""))
    } else if same {
        write!(message_zh, "实施周期指标值和年度指标值「{period}」")
            .and(write!(message_en, "period and annual values \"{period}\""))
    } else {
        let hits = indicator
            .values()
            .into_iter()
            .zip(hit)
            .filter(|(_, hit)| *hit);
        for (n, ((label_zh, label_en, value), _)) in hits.enumerate() {
            if n > 0 {
                message_zh.push('、');
                message_en.push_str(" and ");
            }
            let _ = write!(message_zh, "{label_zh}「{}」", value.raw).and(write!(
                message_en,
                "{label_en} \"{}\"",
                value.raw
            ));
        }
        Ok(())
    };
    message_zh.push_str(zh);
    message_en.push(' ');
    message_en.push_str(en);
    out.report(
        Location::indicator(project, indicator),
        Message::new(message_zh, message_en),
    );
}

/// A rate or percentage indicator, by its name.
pub(crate) fn is_rate_name(name: &str) -> bool {
    contains_any(name, &["率", "满意度", "占比", "比例", "比重"])
}

/// Rates that may legitimately exceed 100 % or fall below 0.
pub(crate) fn is_growth_name(name: &str) -> bool {
    contains_any(
        name,
        &[
            "增长",
            "增幅",
            "提升率",
            "提高率",
            "增速",
            "同比",
            "环比",
            "变化率",
            "下降",
        ],
    )
}
