//! Rule documentation, generated from the registry: the CLI's `explain` and
//! `rules --format markdown`, and the rule table of the README.

use super::{Rule, REGISTRY};
use crate::text::{t, Lang, Text};

/// Whether a rule suggests a fix, and which: each rule's help says so. A
/// suggestion is only made where the fix can be computed.
pub fn fix(rule: &Rule) -> Text {
    match rule.id {
        "amount-row-sum" => t(
            "建议：总计改为各资金来源之和（按表格的金额单位和写法）。",
            "Suggests: the total as the sum of its funding sources (in the table's unit and style).",
        ),
        "amount-unit-subtotal" => t(
            "建议：小计改为所列项目之和。",
            "Suggests: the subtotal as the sum of the projects listed.",
        ),
        "amount-grand-total" => t(
            "建议：合计改为各单位小计（或各项目）之和。",
            "Suggests: the grand total as the sum of the unit subtotals (or of the projects).",
        ),
        "code-name-mismatch" => t(
            "建议：名称在指标体系中时，改为该名称的编码（如 11-质量指标 → 12-质量指标）。",
            "Suggests: when the name is in the framework, the code of that name (11-质量指标 → 12-质量指标).",
        ),
        "value-unit-missing" => t(
            "建议：指标名称表明单位时（人数 → 人、次数 → 次、率和满意度 → %），补上该单位。",
            "Suggests: the unit the indicator's name implies (人数 → 人, 次数 → 次, rates and satisfaction → %).",
        ),
        "period-annual-mismatch" => t(
            "建议：年度值大于实施周期值时，年度值至多为实施周期值；类型或单位不同时不提供建议。",
            "Suggests: when the annual value exceeds the period's, the period value as its most; none for a kind or unit mismatch.",
        ),
        "satisfaction-not-numeric" => t(
            "建议：写成百分比；只有文字（满意）时取规则配置的满意度下限（默认 ≥85%）。",
            "Suggests: a percentage; for a word (满意), the profile's satisfaction floor (≥85 % by default).",
        ),
        _ => t("不提供修改建议：修改方式无法由表格推算。", "Suggests no fix: the right value cannot be computed from the table."),
    }
}

/// One rule's help as plain text.
pub fn explain(rule: &Rule, lang: Lang) -> String {
    let labels = match lang {
        Lang::Zh => ["检查内容", "为什么", "示例", "依据", "修改建议"],
        Lang::En => [
            "What it checks",
            "Why",
            "Example",
            "Source",
            "Suggested fix",
        ],
    };
    let mut text = format!(
        "{} ({}): {}\n",
        rule.id,
        rule.severity.label().get(lang),
        rule.title.get(lang)
    );
    for (label, body) in
        labels
            .iter()
            .zip([rule.what, rule.why, rule.example, rule.source, fix(rule)])
    {
        text.push_str(&format!("\n{label}:\n  {}\n", body.get(lang)));
    }
    text
}

/// The whole catalog as a Markdown table.
pub fn markdown(lang: Lang) -> String {
    let header = match lang {
        Lang::Zh => "| 规则 | 级别 | 名称 | 检查内容 | 依据 | 建议 |\n|---|---|---|---|---|---|\n",
        Lang::En => {
            "| rule | severity | title | what it checks | source | fix |\n|---|---|---|---|---|---|\n"
        }
    };
    let mut text = header.to_owned();
    for rule in REGISTRY {
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        let suggests = if fix(rule).zh.starts_with("建议") {
            ["有", "yes"]
        } else {
            ["—", "—"]
        };
        text.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} |\n",
            rule.id,
            rule.severity.id(),
            cell(rule.title.get(lang)),
            cell(rule.what.get(lang)),
            cell(rule.source.get(lang)),
            suggests[usize::from(lang == Lang::En)]
        ));
    }
    text
}
