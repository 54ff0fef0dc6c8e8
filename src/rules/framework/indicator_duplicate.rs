use crate::rules::{indicator_label, Context, Location, Rule, Severity, Sink};
use crate::text::{normalize_key, t, Message};

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
    check,
};

fn check(cx: &Context, out: &mut Sink) {
    for project in cx.sheet.projects() {
        let indicators = &project.indicators.indicators;
        for (i, indicator) in indicators.iter().enumerate() {
            let key = normalize_key(&indicator.name);
            let earlier = indicators[..i]
                .iter()
                .find(|e| !key.is_empty() && normalize_key(&e.name) == key);
            if let Some(earlier) = earlier {
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
}
