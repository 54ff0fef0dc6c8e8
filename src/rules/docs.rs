//! Rule documentation, generated from the registry: the CLI's `explain` and
//! `rules --format markdown`, and the rule table of the README.

use super::{Rule, REGISTRY};
use crate::text::Lang;

/// One rule's help as plain text.
pub fn explain(rule: &Rule, lang: Lang) -> String {
    let labels = match lang {
        Lang::Zh => ["检查内容", "为什么", "示例", "依据"],
        Lang::En => ["What it checks", "Why", "Example", "Source"],
    };
    let mut text = format!(
        "{} ({}): {}\n",
        rule.id,
        rule.severity.label().get(lang),
        rule.title.get(lang)
    );
    for (label, body) in labels
        .iter()
        .zip([rule.what, rule.why, rule.example, rule.source])
    {
        text.push_str(&format!("\n{label}:\n  {}\n", body.get(lang)));
    }
    text
}

/// The whole catalog as a Markdown table.
pub fn markdown(lang: Lang) -> String {
    let header = match lang {
        Lang::Zh => "| 规则 | 级别 | 名称 | 检查内容 | 依据 |\n|---|---|---|---|---|\n",
        Lang::En => {
            "| rule | severity | title | what it checks | source |\n|---|---|---|---|---|\n"
        }
    };
    let mut text = header.to_owned();
    for rule in REGISTRY {
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        text.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            rule.id,
            rule.severity.id(),
            cell(rule.title.get(lang)),
            cell(rule.what.get(lang)),
            cell(rule.source.get(lang))
        ));
    }
    text
}
