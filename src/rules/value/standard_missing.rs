use crate::indicator::Indicator;
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::t;

pub static RULE: Rule = Rule {
    id: "standard-missing",
    severity: Severity::Warning,
    title: t("未填写指标值的依据", "No standard for the target"),
    what: t(
        "表格有“绩效标准”（指标值确定依据、指标标准或依据）列，而某项指标的这一格是空的。",
        "The table has a 绩效标准 column (指标值确定依据, 指标标准或依据), and an indicator leaves it empty.",
    ),
    why: t(
        "指标值要有依据：按计划、行业、历史或预算支出标准定出的目标才能审核是否合理；没有依据的数字无从判断高低。",
        "A target needs a basis: one set by a plan, an industry, past results or a spending standard can be reviewed; a number without one cannot be judged.",
    ),
    example: t(
        "“雾炮车风炮射程 ≥80M”一行的绩效标准一栏空着（应为计划标准、行业标准、历史标准等）。",
        "The 绩效标准 cell of 雾炮车风炮射程 ≥80M is empty (it should say 计划标准, 行业标准, 历史标准 …).",
    ),
    source: t(
        "各地预算绩效管理办法：绩效标准包括计划标准、行业标准、历史标准和其他经财政部门确认的标准。",
        "Local budget performance rules: the standards are plan, industry, historical and other standards the finance bureau accepts.",
    ),
    check: Check::Indicator(check),
};

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let Some((standard, at)) = super::standard_cell(project, indicator) else {
        return;
    };
    // An indicator with no target at all is value-missing's.
    if !standard.is_empty() || indicator.annual.is_empty() {
        return;
    }
    let (label_zh, label_en) = crate::rules::indicator_label(indicator);
    out.report(
        at,
        crate::text::Message::new(
            format!("{label_zh}没有填写绩效标准（计划标准、行业标准、历史标准等）"),
            format!("{label_en} states no standard (plan, industry, historical …)"),
        ),
    );
}
