use crate::layout::Project;
use crate::rules::{indicator_label, Check, Context, Location, Rule, Severity, Sink};
use crate::text::{normalize_key, t, Message};
use std::borrow::Cow;

pub static RULE: Rule = Rule {
    id: "indicator-duplicate",
    severity: Severity::Warning,
    title: t("同一项目内指标重复", "Indicator repeated in a project"),
    what: t("同一项目中两项三级指标名称相同。", "Two third-level indicators of one project have the same name."),
    why: t(
        "重复的指标不增加信息，常是复制后忘记修改；也会使指标数量虚高。",
        "A repeated indicator adds nothing, is usually a copy left unedited, and inflates the indicator count.",
    ),
    example: t("1、…验收合格率；…3、…验收合格率", "1、…验收合格率; …3、…验收合格率"),
    source: t("推定：没有文件明文规定。", "Inferred; no regulation states it."),
    check: Check::Project(check),
};

fn check(_: &Context, project: &Project, out: &mut Sink) {
    let indicators = &project.indicators.indicators;
    let keys: Vec<Cow<str>> = indicators.iter().map(|i| name_key(&i.name)).collect();
    for (i, indicator) in indicators.iter().enumerate() {
        let earlier = indicators[..i]
            .iter()
            .zip(&keys)
            .find(|(_, k)| !k.is_empty() && **k == keys[i]);
        if let Some((earlier, _)) = earlier {
            let (label_zh, label_en) = indicator_label(indicator);
            let n = earlier.number.map_or_else(String::new, |n| n.to_string());
            out.report(
                Location::indicator(project, indicator),
                Message::new(
                    format!("{label_zh}与第 {n} 项指标名称相同"),
                    format!("{label_en} has the same name as indicator {n}"),
                ),
            );
        }
    }
}

/// The name for comparison: spaces and full-width forms do not count. Most
/// names have neither, and are compared as they are, without allocating.
fn name_key(name: &str) -> Cow<'_, str> {
    // Full-width forms start with 0xEF and the ideographic space with 0xE3 in
    // UTF-8: names without those bytes, spaces or capitals are already keys.
    let plain = !name
        .bytes()
        .any(|b| b == 0xEF || b == 0xE3 || b.is_ascii_whitespace() || b.is_ascii_uppercase());
    if plain {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(normalize_key(name))
    }
}
