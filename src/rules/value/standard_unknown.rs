use crate::indicator::Indicator;
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::{contains_any, t, Message};

pub static RULE: Rule = Rule {
    id: "standard-unknown",
    severity: Severity::Warning,
    title: t("指标值的依据不是一种标准", "The standard names no standard"),
    what: t(
        "“绩效标准”（指标值确定依据）一格有内容，但既不是计划标准、行业标准、历史标准、预算支出标准或其他标准，也没有指向规划、方案、文件、办法、合同等依据，例如“无”“是”“100%”“/”。空着的一格由 standard-missing 检查。",
        "The 绩效标准 (指标值确定依据) cell is filled, but names neither a plan, industry, historical, spending or other standard nor a plan, scheme, document, measure or contract it rests on: 无, 是, 100%, /. An empty cell is standard-missing's.",
    ),
    why: t(
        "写了“无”或把指标值重抄一遍，等于没有依据：审核时仍无法判断目标定得是否合理。",
        "无, or the target copied again, is no basis at all: the reviewer still cannot tell whether the target is reasonable.",
    ),
    example: t(
        "“培训人数 ≥200人”一行的绩效标准写“无”；或写“≥200人”。",
        "The 绩效标准 of 培训人数 ≥200人 says 无, or repeats ≥200人.",
    ),
    source: t(
        "各地预算绩效管理办法：绩效标准包括计划标准、行业标准、历史标准和其他经财政部门确认的标准；哪些词算作依据为约定。",
        "Local budget performance rules: the standards are plan, industry, historical and other standards the finance bureau accepts; which words count as a basis is a convention.",
    ),
    check: Check::Indicator(check),
};

/// Words of a standard, or of what a target rests on.
const BASIS: [&str; 16] = [
    "标准", "计划", "行业", "历史", "规划", "方案", "文件", "办法", "规定", "要求", "政策", "合同",
    "协议", "预算", "依据", "号",
];

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let Some((standard, at)) = super::standard_cell(project, indicator) else {
        return;
    };
    if standard.is_empty() || contains_any(standard, &BASIS) {
        return;
    }
    let (label_zh, label_en) = crate::rules::indicator_label(indicator);
    out.report(
        at,
        Message::new(
            format!("{label_zh}的绩效标准「{standard}」不是一种标准；请写明计划标准、行业标准、历史标准或其他标准"),
            format!("{label_en}: the standard \"{standard}\" names no standard; state a plan, industry, historical or other standard"),
        ),
    );
}
