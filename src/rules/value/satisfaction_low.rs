use crate::indicator::Indicator;
use crate::layout::Project;
use crate::money::format_amount;
use crate::rules::{indicator_label, Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "satisfaction-low",
    severity: Severity::Info,
    title: t("满意度目标偏低", "Low satisfaction target"),
    what: t(
        "满意度目标低于设定的下限（默认 85%，可配置）。",
        "A satisfaction target below the configured floor (85 % by default).",
    ),
    why: t(
        "过低的满意度目标起不到约束作用。没有文件规定具体数值，85% 只是常见做法，可按本地要求调整。",
        "A low target binds no one. No regulation fixes the number: 85 % is common practice and can be changed.",
    ),
    example: t("服务对象满意度；年度指标值:60%", "服务对象满意度；年度指标值:60%"),
    source: t("推定：无文件规定的数值，阈值可配置。", "Inferred: no regulation fixes the figure; the threshold is configurable."),
    check: Check::Indicator(check),
};

fn check(cx: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let floor = cx.config.satisfaction_floor;
    if !indicator.is_satisfaction() {
        return;
    }
    let low = indicator
        .values()
        .into_iter()
        .find(|(_, _, v)| v.is_percent() && v.number.is_some_and(|n| n < floor));
    if let Some((zh, en, value)) = low {
        let (label_zh, label_en) = indicator_label(indicator);
        let floor = format_amount(floor).trim_end_matches(".00").to_owned();
        out.report(
            Location::indicator(project, indicator),
            Message::new(
                format!("{label_zh}的{zh}「{}」低于 {floor}%", value.raw),
                format!("{label_en}: the {en} \"{}\" is below {floor} %", value.raw),
            ),
        );
    }
}
