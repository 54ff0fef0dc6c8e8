//! Indicator values: present, real, measurable, consistent.
pub mod direction_mismatch;
pub mod period_annual_mismatch;
pub mod period_equals_annual;
pub mod rate_out_of_range;
pub mod satisfaction_low;
pub mod satisfaction_not_numeric;
pub mod standard_missing;
pub mod standard_unknown;
pub mod unit_name_mismatch;
pub mod value_is_criterion;
pub mod value_kind_mismatch;
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
    // (Writing to a String cannot fail: the results are dropped.) Made with
    // room after the label for the values and what names them (at most
    // `的实施周期指标值和年度指标值「」`, 48 bytes) and the words, so that the
    // messages are not copied as they grow.
    let (period, annual) = (&indicator.period.raw, &indicator.annual.raw);
    let values = 48 + period.len() + annual.len();
    let (mut message_zh, mut message_en) =
        crate::rules::labelled(indicator, values + zh.len(), values + en.len());
    message_zh.push('的');
    message_en.push_str(": ");
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

/// The corrected values of an indicator whose values `hit` (period, annual):
/// `fixed(value)` for one, or both labelled when they differ
/// (`实施周期指标值:30人；年度指标值:10人`). `None` when nothing is hit.
pub(crate) fn fixed_values(
    indicator: &Indicator,
    hit: [bool; 2],
    fixed: impl Fn(&Value) -> String,
) -> Option<String> {
    let [period, annual] = [&indicator.period, &indicator.annual];
    match hit {
        [false, false] => None,
        [true, false] => Some(fixed(period)),
        [false, true] => Some(fixed(annual)),
        [true, true] if period.raw == annual.raw => Some(fixed(period)),
        [true, true] => Some(format!(
            "实施周期指标值:{}；年度指标值:{}",
            fixed(period),
            fixed(annual)
        )),
    }
}

/// The unit an indicator's name implies for a bare number: `培训人数` → 人,
/// `巡查次数` → 次, a rate or satisfaction → %. `None` when the name says
/// nothing certain (数量, 面积 …).
pub(crate) fn unit_from_name(name: &str) -> Option<&'static str> {
    let name = name.trim();
    if is_rate_name(name) && !is_growth_name(name) {
        return Some("%");
    }
    const ENDINGS: &[(&str, &str)] = &[
        ("人次", "人次"),
        ("人数", "人"),
        ("次数", "次"),
        ("场次", "场"),
        ("批次", "批"),
        ("个数", "个"),
        ("户数", "户"),
        ("天数", "天"),
        ("台数", "台"),
        ("套数", "套"),
        ("件数", "件"),
        ("场数", "场"),
        ("期数", "期"),
        ("篇数", "篇"),
        ("项数", "项"),
        ("家数", "家"),
        ("份数", "份"),
        ("条数", "条"),
        ("所数", "所"),
        ("处数", "处"),
        ("座数", "座"),
        ("册数", "册"),
        ("名数", "名"),
    ];
    ENDINGS
        .iter()
        .find(|(ending, _)| name.ends_with(ending))
        .map(|(_, unit)| *unit)
}

/// The 绩效标准 cell of an indicator read from its own row, where the table
/// has that column: its text and where a finding about it points.
pub(crate) fn standard_cell<'i>(
    project: &'i Project,
    indicator: &'i Indicator,
) -> Option<(&'i str, Location<'i>)> {
    let own = indicator.own_row.as_deref()?;
    let (column, standard) = own.standard.as_ref()?;
    let at = Location {
        indicator: indicator.number,
        ..Location::in_project(project, *column).at_row(own.row)
    };
    Some((standard.trim(), at))
}
