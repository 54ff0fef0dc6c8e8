use crate::indicator::Indicator;
use crate::layout::Project;
use crate::rules::{Check, Context, Rule, Severity, Sink};
use crate::text::t;

pub static RULE: Rule = Rule {
    id: "value-is-criterion",
    severity: Severity::Warning,
    title: t("指标值写成了评价问题", "Value written as a question"),
    what: t(
        "指标值是一个评价标准或问题（含“是否”，或以问号结尾），而不是要达到的目标。",
        "The value is a criterion or a question (it contains 是否 or ends with a question mark) rather than a target to reach.",
    ),
    why: t("目标值应说明要达到的状态，问题句无法作为考核依据。", "A target states the state to reach; a question cannot be assessed against."),
    example: t("实施周期指标值:考察、调研的经费开支范围是否合规", "实施周期指标值:考察、调研的经费开支范围是否合规"),
    source: t("约定。", "Convention."),
    check: Check::Indicator(check),
};

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    super::report_values(
        project,
        indicator,
        out,
        |v| crate::text::contains_any(v.text(), &["是否"]) || v.text().ends_with(['?', '？']),
        "是评价问题而不是目标，应写明要达到的状态（如“开支范围合规”）",
        "is a question, not a target; state the result to reach",
    );
}
