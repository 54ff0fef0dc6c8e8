use crate::indicator::Indicator;
use crate::layout::{Column, Project};
use crate::money::format_amount;
use crate::rules::{indicator_label, Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "period-equals-annual",
    severity: Severity::Warning,
    title: t("多年资金，中期目标却与年度目标相同", "Period target equal to the year's, with more money"),
    what: t(
        "表格写明实施期资金总额大于当年资金总额（多年项目），而某项以个数或数量计的指标，中期（实施周期）指标值与年度指标值完全相同。比率（%）不计。",
        "The form states funds over the implementation period larger than the year's (a multi-year project), and an indicator counted in items or quantities has the same period (mid-term) value as its annual one. Rates (%) are not counted.",
    ),
    why: t(
        "中期目标是整个实施期要完成的量：钱是一年的几倍，产出却与一年相同，说明中期目标照抄了年度目标，或资金与产出不匹配。",
        "The period target is what the whole period delivers: several years' money for one year's output means the period target was copied from the annual one, or funds and output do not match.",
    ),
    example: t(
        "资金总额 240 万元、当年资金总额 80 万元，“维修学校数量”中期目标 3所、年度目标 3所。",
        "Funds of 240 万元 over the period and 80 万元 this year, with 维修学校数量 at 3所 for both.",
    ),
    source: t(
        "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：绩效目标分为中长期绩效目标和年度绩效目标；审核其适当性（资金规模与绩效目标是否匹配）。",
        "财预〔2015〕88号: targets are set for the medium term and for the year; review checks their 适当性 (do the funds match the targets).",
    ),
    check: Check::Indicator(check),
};

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let amount = |c: Column| project.line.amount(c).and_then(|a| a.value);
    let (Some(period_funds), Some(annual_funds)) =
        (amount(Column::PeriodTotal), amount(Column::Total))
    else {
        return;
    };
    let (period, annual) = (&indicator.period, &indicator.annual);
    let counted =
        |v: &crate::indicator::Value| v.has_number() && !v.is_percent() && v.unit().is_some();
    let single = indicator.own_row.as_deref().is_some_and(|o| o.single_value);
    if single
        || period_funds <= annual_funds
        || !counted(period)
        || period.number != annual.number
        || period.unit() != annual.unit()
    {
        return;
    }
    let (label_zh, label_en) = indicator_label(indicator);
    let (p, a) = (format_amount(period_funds), format_amount(annual_funds));
    let raw = &annual.raw;
    out.report(
        Location::indicator(project, indicator),
        Message::new(
            format!("实施期资金 {p} 万元多于当年资金 {a} 万元，{label_zh}的中期目标却与年度目标相同（{raw}）；中期目标应是整个实施期的量"),
            format!("funds over the period ({p} 万元) exceed this year's ({a} 万元), yet {label_en} has the same period and annual target ({raw}); the period target is the whole period's"),
        ),
    );
}
