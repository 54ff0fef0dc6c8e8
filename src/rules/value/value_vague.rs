use crate::indicator::{Indicator, Value};
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::{contains_any, t};

pub static RULE: Rule = Rule {
    id: "value-vague",
    severity: Severity::Warning,
    title: t("指标值不可衡量", "Value cannot be measured"),
    what: t(
        "定性指标值只表达趋势或态度而无法衡量，如“得到有效提高”“明显提升”“有所改善”“进一步加强”，或只写“满意”“合格”“正常使用”。分级表述（优、良、中、差，达到预期目标，是/否）不在此列。",
        "A qualitative value states a trend or attitude that cannot be measured, such as 得到有效提高 (effectively improved), 明显提升, 有所改善, 进一步加强, or a bare 满意/合格/正常使用. Graded wording (优/良/中/差, 达到预期目标, 是/否) is fine.",
    ),
    why: t(
        "定性指标也应可衡量、可分级；否则年底无法判断是否完成。",
        "Qualitative targets must still be measurable or graded; otherwise nobody can tell at year end whether they were met.",
    ),
    example: t("政务服务水平；实施周期指标值:得到有效提高", "政务服务水平；实施周期指标值:得到有效提高"),
    source: t(
        "财预〔2015〕88号：定性表述的指标应具有可衡量性；财预〔2020〕10号评价要点“绩效指标明确性”：清晰、可衡量的指标值。",
        "财预〔2015〕88号: qualitative indicators must be measurable; 财预〔2020〕10号 evaluation point 绩效指标明确性: clear, measurable values.",
    ),
    check: Check::Indicator(check),
};

/// Words of trend or intent without a measure.
const TREND_WORDS: [&str; 17] = [
    "提高",
    "提升",
    "改善",
    "增强",
    "加强",
    "优化",
    "显著",
    "明显",
    "有效",
    "进一步",
    "有所",
    "大幅",
    "不断",
    "逐步",
    "持续",
    "稳步",
    "良好",
];

/// Whole values that say nothing measurable.
const BARE_WORDS: [&str; 12] = [
    "满意",
    "合格",
    "正常",
    "正常使用",
    "正常运行",
    "正常运作",
    "较好",
    "好",
    "安全可靠",
    "稳定",
    "完成",
    "达标",
];

/// Graded or yes/no answers that a reviewer accepts as measurable.
const GRADED: [&str; 10] = [
    "优",
    "良",
    "中",
    "差",
    "优良",
    "优秀",
    "是",
    "否",
    "达到预期目标",
    "达到预期",
];

pub(crate) fn is_vague(value: &Value) -> bool {
    if value.has_number() || value.is_empty() || value.is_placeholder() {
        return false;
    }
    let text = value.text();
    !GRADED.contains(&text) && (BARE_WORDS.contains(&text) || contains_any(text, &TREND_WORDS))
}

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    // A satisfaction value that is no percentage is satisfaction-not-numeric's.
    let matches = |v: &Value| {
        is_vague(v)
            && !(indicator.is_satisfaction() && super::satisfaction_not_numeric::is_not_numeric(v))
    };
    super::report_values(
        project,
        indicator,
        out,
        matches,
        "无法衡量，请改为可量化或可分级的目标",
        "cannot be measured; state a number or a grade",
    );
}
