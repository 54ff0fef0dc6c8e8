use super::{as_written, gap};
use crate::layout::{Column, Line};
use crate::money::format_amount;
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    id: "amount-row-sum",
    severity: Severity::Error,
    title: t("总计不等于各资金来源之和", "Total differs from its funding sources"),
    what: t(
        "同一行中，总计 ≠ 财政拨款 + 财政专户拨款 + 其他资金；申报表只列出其中几项（“其中：财政拨款”）时，所列各项之和大于总计。",
        "In one row, 总计 (total) ≠ 财政拨款 + 财政专户拨款 + 其他资金 (the funding sources); where a form lists only some of them (其中：财政拨款), the listed sources add up to more than the total.",
    ),
    why: t(
        "总计由各资金来源构成，两者不等说明某个金额填错或漏填。",
        "The total is made of its funding sources; a difference means an amount is wrong or missing.",
    ),
    example: t("总计 100.00，财政拨款 80.00，其他资金 10.00（差 10.00）。", "总计 100.00 with 财政拨款 80.00 and 其他资金 10.00 (10.00 missing)."),
    source: t("推定：由表格各列的含义得出，没有文件明文规定。", "Inferred from the meaning of the columns; no regulation states it."),
    check: Check::Line(check),
};

fn check(cx: &Context, line: &Line, out: &mut Sink) {
    let Some(total) = line.amount(Column::Total) else {
        return;
    };
    let Some(stated) = total.value else {
        return;
    };
    let mut computed = Decimal::ZERO;
    let mut listed = 0;
    for column in [Column::Fiscal, Column::SpecialAccount, Column::Other] {
        let Some(amount) = line.amount(column) else {
            continue;
        };
        match amount.value {
            // Amounts have at most 15 digits: three of them cannot overflow.
            Some(value) => computed += value,
            None => return,
        }
        listed += 1;
    }
    // A form's `其中:` lines are parts of the total, not all of them: their
    // sum is only a lower bound, so no total can be suggested.
    let wrong = match listed {
        3 => true,
        1 | 2 => computed > stated,
        _ => false,
    };
    // Formatted only for a finding: nearly every row adds up.
    if !wrong || cx.config.amounts_agree(stated, computed) {
        return;
    }
    let (s, c) = (format_amount(stated), format_amount(computed));
    let (gap_zh, gap_en) = gap(stated, computed);
    if listed == 3 {
        out.report(
            Location::amount(line, total),
            Message::new(
                format!("总计 {s} ≠ 财政拨款 + 财政专户拨款 + 其他资金 = {c}{gap_zh}"),
                format!("Total {s} ≠ fiscal + special account + other = {c}{gap_en}"),
            ),
        );
        if let Some(value) = as_written(cx, computed, &total.raw) {
            out.suggest(
                value,
                Message::new(
                    "各资金来源之和；若各来源金额无误，总计应为此数",
                    "the sum of the funding sources; if they are right, the total should be this",
                ),
            );
        }
    } else {
        out.report(
            Location::amount(line, total),
            Message::new(
                format!("总计 {s} 小于其中所列资金之和 {c}{gap_zh}"),
                format!("Total {s} is less than the sources listed under it, {c}{gap_en}"),
            ),
        );
    }
}
