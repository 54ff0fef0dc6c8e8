use crate::indicator::weight_band;
use crate::layout::Project;
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    id: "weight-band",
    severity: Severity::Error,
    title: t("权重超出表格印定的范围", "Weights outside the printed band"),
    what: t(
        "表格在一级或二级指标名称后印有权重（“产出指标（50分）”“效益指标（权重20-30%）”）时，该类指标的权重之和应等于这个数或落在这个范围内。合计是否为 100 由 weight-sum 检查。",
        "Where the form prints a weight after a first- or second-level name (产出指标（50分）, 效益指标（权重20-30%）), the weights of the indicators under it must add up to that number or fall in that range. Whether they total 100 is weight-sum's.",
    ),
    why: t(
        "印定的权重是财政部门对各类指标分量的要求；合计为 100 而各类分配不符，评价时产出、效益、满意度的得分比例就被改变了。",
        "The printed weights are the finance bureau's requirement of how much each kind counts; weights that total 100 but are spread otherwise change the shares of output, benefit and satisfaction in the evaluation.",
    ),
    example: t(
        "“产出指标（50分）”下三项指标的分值为 30、30、20，合计 80。",
        "Under 产出指标（50分）, three indicators scored 30, 30 and 20: 80.",
    ),
    source: t(
        "各地绩效目标申报表模板印定的一级、二级指标权重（如产出 50、效益 30、满意度 10）。按表格所印为约定。",
        "The first- and second-level weights that local templates print (output 50, benefit 30, satisfaction 10, for example). Holding the table to what it prints is a convention.",
    ),
    check: Check::Project(check),
};

/// The indicators under one level that prints a band.
struct Group<'p> {
    /// The level as written, band included.
    level: &'p str,
    band: (Decimal, Decimal),
    sum: Decimal,
    /// The first weight's row and column, where a finding points.
    at: (u32, usize),
}

fn check(_: &Context, project: &Project, out: &mut Sink) {
    let mut groups: Vec<Group> = Vec::new();
    for indicator in &project.indicators.indicators {
        let Some(own) = indicator.own_row.as_deref() else {
            continue;
        };
        let Some((column, raw)) = &own.weight else {
            continue;
        };
        // A weight that is no number is weight-sum's.
        let Ok(weight) = Decimal::from_str_exact(raw.trim_end_matches(['%', '分']).trim()) else {
            continue;
        };
        for level in [indicator.level1().name, indicator.level2().name] {
            let Some(band) = weight_band(level).1 else {
                continue;
            };
            match groups.iter_mut().find(|g| g.level == level) {
                Some(group) => group.sum = group.sum.saturating_add(weight),
                None => groups.push(Group {
                    level,
                    band,
                    sum: weight,
                    at: (own.row, *column),
                }),
            }
        }
    }
    for Group {
        level,
        band: (lo, hi),
        sum,
        at: (row, column),
    } in groups
    {
        if (lo..=hi).contains(&sum) {
            continue;
        }
        let band = if lo == hi {
            lo.normalize().to_string()
        } else {
            format!("{}–{}", lo.normalize(), hi.normalize())
        };
        let sum = sum.normalize();
        out.report(
            Location {
                project: Some(&project.line.name),
                ..Location::cell(row, column)
            },
            Message::new(
                format!("「{level}」下各指标的权重合计为 {sum}，表格印定为 {band}"),
                format!("the weights under \"{level}\" total {sum}; the form prints {band}"),
            ),
        );
    }
}
