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
        "同一行中，总计 ≠ 财政拨款 + 财政专户拨款 + 其他资金。",
        "In one row, 总计 (total) ≠ 财政拨款 + 财政专户拨款 + 其他资金 (the funding sources).",
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
    for column in [Column::Fiscal, Column::SpecialAccount, Column::Other] {
        match line.amount(column).and_then(|a| a.value) {
            Some(value) => computed += value,
            None => return,
        }
    }
    if !cx.config.amounts_agree(stated, computed) {
        let (gap_zh, gap_en) = gap(stated, computed);
        let (s, c) = (format_amount(stated), format_amount(computed));
        out.report(
            Location::in_line(line, total.index),
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
    }
}
