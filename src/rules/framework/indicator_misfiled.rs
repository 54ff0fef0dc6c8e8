use crate::indicator::{Indicator, Value};
use crate::layout::Project;
use crate::rules::{indicator_label, Check, Context, Location, Rule, Severity, Sink};
use crate::text::{contains_any, t, Message};

pub static RULE: Rule = Rule {
    id: "indicator-misfiled",
    severity: Severity::Warning,
    title: t("指标归类与指标值不符", "Indicator filed under the wrong kind"),
    what: t(
        "指标值说明指标归错了二级指标：13-时效指标的值不是时间、期限或及时率；12-质量指标的值是个数（个、人、项、次……）而不是比率或等级；11-数量指标的值是“完成率”之类的百分比。满意度和成本的归类分别由 satisfaction-misfiled 和 cost-misfiled 检查。",
        "The value shows the indicator is under the wrong second level: a 13-时效指标 whose value is no time, deadline or timeliness rate; a 12-质量指标 whose value is a count (个, 人, 项, 次 …) rather than a rate or grade; an 11-数量指标 whose value is a completion rate. Satisfaction and cost are satisfaction-misfiled's and cost-misfiled's.",
    ),
    why: t(
        "数量、质量、时效各有含义：数量指标说提供多少，质量指标说达到什么标准，时效指标说何时完成、是否及时。归错类，汇总和评价就会失真，也常说明目标没有想清楚。",
        "Quantity says how much is delivered, quality to what standard, timeliness when and how promptly. Misfiled, the summaries and the evaluation are skewed, and the target was often not thought through.",
    ),
    example: t(
        "13-时效指标“教育均衡化发展 有效”；12-质量指标“培训人数 ≥200人”；11-数量指标“项目完成率 100%”。",
        "13-时效指标 教育均衡化发展 有效; 12-质量指标 培训人数 ≥200人; 11-数量指标 项目完成率 100%.",
    ),
    source: t(
        "《项目支出绩效评价管理办法》（财预〔2020〕10号）附件1 共性指标框架：数量指标反映预期提供的产品和服务数量，质量指标反映应达到的标准和水平，时效指标反映完成的及时程度。",
        "财预〔2020〕10号 annex 1, the common framework: quantity is how much is delivered, quality the standard reached, timeliness how promptly it is done.",
    ),
    check: Check::Indicator(check),
};

/// Units of a time or a duration.
const TIME_UNITS: [&str; 10] = [
    "年",
    "月",
    "日",
    "天",
    "小时",
    "分钟",
    "工作日",
    "季度",
    "周",
    "学时",
];
/// Words of a deadline or a date written out.
const DEADLINE_WORDS: [&str; 18] = [
    "年", "月", "日", "天", "季度", "周", "前", "底", "内", "截止", "期间", "当年", "年度", "按时",
    "及时", "按期", "限期", "同步",
];
/// A rate of timeliness (及时率, 按时完成率) or of progress in time.
const TIMELY_WORDS: [&str; 11] = [
    "及时", "按时", "准时", "按期", "时限", "时效", "进度", "期限", "时间", "周期", "到位",
];
/// Units that count things.
const COUNT_UNITS: [&str; 16] = [
    "个", "人", "名", "项", "次", "人次", "所", "户", "台", "套", "件", "家", "场", "期", "批",
    "辆",
];

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let Some(level2) = indicator.level2_known().and_then(|l| l.code) else {
        return;
    };
    let value = indicator.target();
    if value.is_empty() || value.is_placeholder() {
        return;
    }
    let name = &indicator.name;
    let unit = value.unit().unwrap_or("");
    let (under_zh, under_en, zh, en) = match level2 {
        "13" if !is_time(name, value, unit) => (
            "时效指标",
            "timeliness",
            "不是时间、期限或及时率；请写明完成时限（如“2025年12月底前”），或移到质量、数量指标下",
            "is no time, deadline or timeliness rate; state when it is done (2025年12月底前), or file it under quality or quantity",
        ),
        "12" if COUNT_UNITS.contains(&unit) && !name_is_rate(name) => (
            "质量指标",
            "quality",
            "是个数；个数应归数量指标，质量指标写合格率、达标率或等级",
            "is a count; a count belongs under quantity, quality takes a pass rate, a compliance rate or a grade",
        ),
        "11" if value.is_percent() && contains_any(name, &["完成率", "完成比例", "完成度"]) => (
            "数量指标",
            "quantity",
            "是完成率；数量指标应写提供的数量（如“≥200人次”），完成率归质量或时效指标",
            "is a completion rate; quantity states how much is delivered (≥200人次), a completion rate belongs under quality or timeliness",
        ),
        _ => return,
    };
    let (label_zh, label_en) = indicator_label(indicator);
    let raw = &value.raw;
    out.report(
        Location::indicator(project, indicator),
        Message::new(
            format!("{label_zh}归在{under_zh}下，但指标值「{raw}」{zh}"),
            format!("{label_en} is filed under {under_en}, yet its value \"{raw}\" {en}"),
        ),
    );
}

fn is_time(name: &str, value: &Value, unit: &str) -> bool {
    let has_digit = value
        .text()
        .contains(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    crate::indicator::value::is_date(value.text())
        || TIME_UNITS.contains(&unit)
        || unit.ends_with("/年")
        || (has_digit && contains_any(value.text(), &DEADLINE_WORDS))
        || contains_any(value.text(), &["年底", "月底", "年内", "按时", "及时", "按期", "同步"])
        || (value.is_percent() && contains_any(name, &TIMELY_WORDS))
        // 是/否 on a name that says the time: 是否按时完成.
        || (contains_any(name, &TIMELY_WORDS) && value.kind != crate::indicator::ValueKind::Quantity)
}

/// A quality name that is a rate whose unit is wrong (`合格率 ≥90个`):
/// unit-name-mismatch's, not a count.
fn name_is_rate(name: &str) -> bool {
    contains_any(name, &["率", "比例", "占比"])
}
