use super::money_in_wan;
use crate::layout::{Column, Project};
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "cost-missing",
    severity: Severity::Warning,
    title: t("缺少成本指标", "No cost indicator"),
    what: t(
        "项目没有成本指标（产出指标下的 14-成本指标，或 财预〔2021〕101号 的一级成本指标）；或者金额达到阈值（cost-sizeable，默认 100 万元）的项目只有成本控制率之类的比率，没有一项以金额表示的单位成本或总成本。",
        "A project has no cost indicator (14-成本指标 under output, or the first-level 成本指标 of 财预〔2021〕101号); or a project at or above the threshold (cost-sizeable, default 100 万元) has only rates such as a cost-control rate, and no unit or total cost in money.",
    ),
    why: t(
        "绩效目标要同时约束产出和成本：没有成本指标，就无法判断钱与产出是否相称；大额项目只写“成本控制率 100%”等于没有约束。",
        "Targets must bound the cost as well as the output: without a cost indicator nobody can tell whether the money matches what it buys, and for a large project a bare 成本控制率 100% bounds nothing.",
    ),
    example: t(
        "预算 297 万元的改造工程，指标只有数量、质量和满意度；或只有“成本控制率 ≤100%”。",
        "A 297 万元 works project with only quantity, quality and satisfaction indicators, or only 成本控制率 ≤100%.",
    ),
    source: t(
        "《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：绩效目标不仅要包括产出、成本，还要包括经济效益、社会效益、生态效益、可持续影响和服务对象满意度等绩效指标。金额阈值为约定。",
        "中发〔2018〕34号: performance targets must cover output and cost as well as economic, social and ecological benefit, sustainability and satisfaction. The amount threshold is a convention.",
    ),
    check: Check::Project(check),
};

fn check(cx: &Context, project: &Project, out: &mut Sink) {
    let indicators = &project.indicators.indicators;
    // Empty or unreadable cells are left to output-missing and indicator-unparsed,
    // a table without levels to column-missing.
    if indicators.is_empty() || cx.unclassified() {
        return;
    }
    let costs: Vec<_> = indicators.iter().filter(|i| i.is_cost()).collect();
    let at = Location::in_project(project, project.indicator_cell.index);
    if costs.is_empty() {
        out.report(
            at,
            Message::new(
                format!(
                    "{} 项指标中没有成本指标；请写明单位成本或总成本",
                    indicators.len()
                ),
                format!(
                    "none of the {} indicators is a cost; state a unit or a total cost",
                    indicators.len()
                ),
            ),
        );
        return;
    }
    let total = project.line.amount(Column::Total).and_then(|a| a.value);
    let sizeable = total.filter(|t| *t >= cx.config.cost_sizeable);
    let in_money = costs.iter().any(|i| {
        [&i.period, &i.annual]
            .into_iter()
            .any(|v| money_in_wan(v).is_some())
    });
    if let (Some(total), false) = (sizeable, in_money) {
        let floor = cx.config.cost_sizeable.normalize();
        out.report(
            at,
            Message::new(
                format!(
                    "项目 {} 万元（不少于 {floor} 万元），成本指标（{}）中没有以金额表示的单位成本或总成本",
                    total.normalize(),
                    names(&costs)
                ),
                format!(
                    "the project is {} 万元 (at least {floor}), yet none of its cost indicators ({}) is a unit or total cost in money",
                    total.normalize(),
                    names(&costs)
                ),
            ),
        );
    }
}

fn names(costs: &[&crate::indicator::Indicator]) -> String {
    costs
        .iter()
        .map(|i| i.name.as_str())
        .collect::<Vec<_>>()
        .join("、")
}
