use super::{as_written, gap, sum};
use crate::money::format_amount;
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    id: "amount-grand-total",
    severity: Severity::Error,
    title: t("合计与各单位（项目）之和不符", "Grand total differs from its parts"),
    what: t(
        "合计行的每一金额列，应等于各资金使用单位行之和；没有单位行时，应等于各项目之和。",
        "Each amount of the 合计 row must equal the sum of the spending-unit rows, or of the projects when there are no unit rows.",
    ),
    why: t(
        "合计是部门申请的资金总量，与明细不符说明明细漏项、重复或合计填错。",
        "The grand total is what the department asks for; a difference from the detail means a missing or repeated line, or a wrong total.",
    ),
    example: t("合计 13,931.00，而两个单位小计之和为 13,900.00。", "合计 13,931.00 while the two unit subtotals add up to 13,900.00."),
    source: t("推定：由合计的含义得出，没有文件明文规定。", "Inferred from what a total means; no regulation states it."),
    check: Check::Sheet(check),
};

fn check(cx: &Context, out: &mut Sink) {
    let Some(total) = &cx.sheet.total else { return };
    let has_unit_rows = cx.sheet.unit_lines().next().is_some();
    let (parts_zh, parts_en) = if has_unit_rows {
        ("各单位小计之和", "the unit subtotals")
    } else {
        ("各项目之和", "the projects")
    };
    for amount in &total.amounts {
        // A unit counts with its own row when it has one, else with its projects.
        let computed: Option<Decimal> = cx
            .sheet
            .units
            .iter()
            .map(|unit| match &unit.line {
                Some(line) => line.amount(amount.column).and_then(|a| a.value),
                None => sum(unit.projects.iter().map(|p| &p.line), amount.column),
            })
            .sum();
        let (Some(stated), Some(computed)) = (amount.value, computed) else {
            continue;
        };
        if !cx.config.amounts_agree(stated, computed) {
            let (gap_zh, gap_en) = gap(stated, computed);
            let (s, c) = (format_amount(stated), format_amount(computed));
            out.report(
                Location::amount(total, amount),
                Message::new(
                    format!(
                        "合计{} {s} ≠ {parts_zh} {c}{gap_zh}",
                        column_zh(amount.column)
                    ),
                    format!(
                        "Grand total{} {s} ≠ sum of {parts_en} {c}{gap_en}",
                        column_en(amount.column)
                    ),
                ),
            );
            if let Some(value) = as_written(cx, computed, &amount.raw) {
                out.suggest(
                    value,
                    Message::new(
                        format!("{parts_zh}；若明细无误，合计应为此数"),
                        format!("the sum of {parts_en}; if the detail is right, the total should be this"),
                    ),
                );
            }
        }
    }
}

fn column_zh(column: crate::layout::Column) -> String {
    format!("（{}）", column.title())
}

fn column_en(column: crate::layout::Column) -> String {
    format!(" ({})", column.title_en())
}
