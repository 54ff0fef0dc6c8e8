use crate::indicator::{Indicator, Operator, Value};
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::{contains_any, t};

pub static RULE: Rule = Rule {
    id: "value-kind-mismatch",
    severity: Severity::Warning,
    title: t("指标值的单位或符号与指标不符", "Value does not fit the indicator"),
    what: t(
        "指标值的计量单位或比较符号与指标本身的性质不符：比率（及时率、完成率、覆盖率……）写成天数或个数；人数、人口写成户，户数写成人；数量指标中要完成的数量用了 ≤ 或 <。",
        "A value's unit or operator does not fit what the indicator is: a rate (及时率, 完成率, 覆盖率 …) given in days or items; a number of people given in households, or households in people; a quantity to deliver under 数量指标 capped with ≤ or <.",
    ),
    why: t(
        "单位或符号与指标不符时，目标无法按指标的本意考核：“拨付及时率 ≤10 个工作日”考核的是天数而非比率，“培训人数 ≤200 人”把要完成的产出写成了上限，做得越少越“达标”。",
        "A target that does not fit its indicator cannot be assessed as meant: 拨付及时率 ≤10 working days measures days, not a rate; 培训人数 ≤200 人 turns the output to deliver into a ceiling, so that doing less \"meets\" it.",
    ),
    example: t(
        "资金拨付及时率；年度指标值:≤10个工作日（应为及时率 ≥95%，或改名为“资金拨付时间”）",
        "资金拨付及时率; annual value ≤10个工作日 (a rate such as ≥95 %, or rename it 资金拨付时间)",
    ),
    source: t(
        "财预〔2020〕10号附件1：指标值应与指标相匹配，能够量化的用数量表述；数量指标反映预期提供的产品或服务数量（约定：以“≥”表述须完成的数量）。",
        "财预〔2020〕10号 annex 1: a target fits its indicator and is stated as a quantity where it can be; quantity indicators state the products or services to provide (convention: a quantity to deliver is written with ≥).",
    ),
    check: Check::Indicator(check),
};

/// Units of time, and of things counted: what a rate is not given in.
const TIME_UNITS: [&str; 9] = ["工作日", "小时", "分钟", "天", "日", "月", "年", "周", "秒"];
const COUNT_UNITS: [&str; 14] = [
    "个", "人", "人次", "户", "次", "项", "名", "台", "套", "家", "件", "场", "条", "处",
];

/// Units of people, and of what people are not counted in.
const PEOPLE: [&str; 3] = ["人", "人次", "名"];
const NOT_PEOPLE: [&str; 6] = ["户", "家", "台", "套", "件", "项"];

/// Names ending in 率 that are no ratio: an efficiency or frequency is
/// legitimately a time or a count (办件效率 ≤3天, 巡查频率 2次/周).
const NOT_RATIOS: [&str; 7] = ["效率", "频率", "功率", "速率", "利率", "汇率", "税率"];

/// Words of a count that is to be kept low, where ≤ is right
/// (投诉次数 ≤3次, 安全事故发生数 0起).
const KEPT_LOW: [&str; 22] = [
    "投诉",
    "事故",
    "故障",
    "差错",
    "错误",
    "违规",
    "违法",
    "违纪",
    "超标",
    "死亡",
    "伤亡",
    "发生",
    "损失",
    "缺陷",
    "不合格",
    "返工",
    "逾期",
    "超期",
    "积压",
    "信访",
    "上访",
    "控制",
];

/// The unit before any `/` (人 of 人/天). The `/` is found byte by byte: a
/// unit is a few bytes, shorter than a searcher takes to set up, and this runs
/// several times for each value of a large table.
fn base_unit(value: &Value) -> Option<&str> {
    let unit = value.unit()?;
    Some(
        unit.bytes()
            .position(|b| b == b'/')
            .map_or(unit, |at| &unit[..at]),
    )
}

fn is_ratio(name: &str) -> bool {
    let name = name.trim_end_matches([')', '）', ' ', '%']);
    let name = name.trim_end_matches(['(', '（']);
    (name.ends_with('率') && !NOT_RATIOS.iter().any(|w| name.ends_with(w)))
        || name.ends_with("比例")
        || name.ends_with("占比")
}

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let name = indicator.name.as_str();
    if is_ratio(name) {
        // A unit stated in the name (合格率（%）) is unit-name-mismatch's.
        if name.trim_end().ends_with([')', '）']) {
            return;
        }
        let in_time = |v: &Value| base_unit(v).is_some_and(|u| TIME_UNITS.contains(&u));
        let counted = |v: &Value| base_unit(v).is_some_and(|u| COUNT_UNITS.contains(&u));
        super::report_values(
            project,
            indicator,
            out,
            in_time,
            "是时间而非比率：比率应以百分比表述，考核时间的指标应改名（如“……时间”）",
            "is a time, not a rate: give the rate in %, or rename an indicator that measures time",
        );
        super::report_values(
            project,
            indicator,
            out,
            counted,
            "是个数而非比率：比率应以百分比表述",
            "is a count, not a rate: give the rate in %",
        );
        return;
    }
    // The values are looked at before the name is searched: most values
    // rule a finding out already.
    let values = [&indicator.period, &indicator.annual];
    let unit_in = |units: &[&str]| {
        values
            .iter()
            .any(|v| base_unit(v).is_some_and(|u| units.contains(&u)))
    };
    let counted = unit_in(&PEOPLE) || unit_in(&NOT_PEOPLE);
    let of_people = counted && contains_any(name, &["人数", "人口", "人员数", "人次"]);
    let of_households = counted && name.contains("户数");
    if of_people != of_households {
        let wrong: &[&str] = if of_people { &NOT_PEOPLE } else { &PEOPLE };
        let (zh, en) = if of_people {
            (
                "不是以人计：人数、人口应以人或人次计",
                "is not counted in people, as a number of people is",
            )
        } else {
            (
                "是以人计：户数应以户计",
                "is counted in people, but a number of households is counted in 户",
            )
        };
        super::report_values(
            project,
            indicator,
            out,
            |v| base_unit(v).is_some_and(|u| wrong.contains(&u)),
            zh,
            en,
        );
    }
    let capped = |v: &Value| {
        matches!(v.operator, Some(Operator::AtMost | Operator::Below))
            && base_unit(v).is_some_and(|u| COUNT_UNITS.contains(&u))
    };
    let to_deliver = values.iter().any(|v| capped(v))
        && indicator
            .level2_known()
            .is_some_and(|l| l.name == "数量指标")
        && !contains_any(name, &KEPT_LOW);
    if to_deliver {
        super::report_values(
            project,
            indicator,
            out,
            capped,
            "把须完成的数量写成了上限（≤ 或 <）：数量指标应写“≥”或“=”",
            "caps a quantity to deliver (≤ or <): a quantity indicator takes ≥ or =",
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ratios() {
        for name in ["资金拨付及时率", "覆盖率（%）", "残疾人占比", "补助比例"]
        {
            assert!(super::is_ratio(name), "{name}");
        }
        for name in ["办件效率", "巡查频率", "拨付时间", "培训人数"] {
            assert!(!super::is_ratio(name), "{name}");
        }
    }
}
