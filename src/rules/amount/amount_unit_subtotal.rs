use super::{as_written, gap, sum};
use crate::layout::Column;
use crate::money::format_amount;
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "amount-unit-subtotal",
    severity: Severity::Error,
    title: t("单位小计与所列项目合计不符", "Unit subtotal differs from its projects"),
    what: t(
        "资金使用单位行（有金额、无绩效目标和指标的行）的每一金额列，应等于其下所列项目之和。",
        "Each amount of a spending-unit row (amounts, no goal, no indicators) must equal the sum of the projects listed under it.",
    ),
    why: t(
        "小计大于项目之和，说明有资金没有对应的项目和绩效目标；小于则说明项目金额重复或小计漏算。",
        "A subtotal above its projects means money with no project and no performance target behind it; below means a project counted twice or a subtotal left short.",
    ),
    example: t("本级小计 13,100.00，而所列项目合计 12,585.00（差额 515.00）。", "A unit subtotal of 13,100.00 over projects adding up to 12,585.00 (gap 515.00)."),
    source: t("推定：由小计的含义得出，没有文件明文规定。", "Inferred from what a subtotal means; no regulation states it."),
    check: Check::Sheet(check),
};

fn check(cx: &Context, out: &mut Sink) {
    for unit in &cx.sheet.units {
        let Some(line) = &unit.line else { continue };
        for amount in &line.amounts {
            let (Some(stated), Some(computed)) = (
                amount.value,
                sum(unit.projects.iter().map(|p| &p.line), amount.column),
            ) else {
                continue;
            };
            if cx.config.amounts_agree(stated, computed) {
                continue;
            }
            let (gap_zh, gap_en) = gap(stated, computed);
            let (s, c, n) = (
                format_amount(stated),
                format_amount(computed),
                unit.projects.len(),
            );
            let column = amount.column;
            out.report(
                Location::amount(line, amount),
                Message::new(
                    format!(
                        "单位小计{} {s} ≠ 所列项目合计 {c}{gap_zh}，共 {n} 个项目",
                        label_zh(column)
                    ),
                    format!(
                        "Unit subtotal{} {s} ≠ sum of its {n} projects {c}{gap_en}",
                        label_en(column)
                    ),
                ),
            );
            if let Some(value) = as_written(cx, computed, &amount.raw) {
                out.suggest(
                    value,
                    Message::new(
                        format!("所列 {n} 个项目{}之和；若项目齐全、金额无误，小计应为此数", label_zh(column)),
                        format!("the sum of the {n} projects listed{}; if they are complete and right, the subtotal should be this", label_en(column)),
                    ),
                );
            }
        }
    }
}

/// The column in the message, except for 总计 where it goes without saying.
fn label_zh(column: Column) -> String {
    if column == Column::Total {
        String::new()
    } else {
        format!("（{}）", column.title())
    }
}

fn label_en(column: Column) -> String {
    if column == Column::Total {
        String::new()
    } else {
        format!(" ({})", column.title_en())
    }
}
