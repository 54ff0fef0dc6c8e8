use crate::layout::Line;
use crate::money::{parse_amount, AmountProblem, MAX_INTEGER_DIGITS};
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "amount-invalid",
    severity: Severity::Error,
    title: t("金额无效", "Invalid amount"),
    what: t(
        "金额单元格不是数字、为负数、整数部分超过 15 位，或小数位超过两位（万元精确到百分位；元精确到分）。单元格自带单位（如万元表中的“60000元”）时按其单位折算。",
        "An amount cell is not a number, is negative, has more than 15 digits before the point, or has more than two decimals (万元 to the hundredth; 元 to the fen). A cell that names its own unit (60000元 in a table of 万元) is converted from it.",
    ),
    why: t(
        "金额是汇总和核对的基础；不规范的金额无法参与合计，也常是录入错误。",
        "Amounts are what every sum is built on; a malformed amount cannot be added up and is usually a typing error.",
    ),
    example: t("总计写成“1,164.435”或“约1000”。", "总计 written as 1,164.435 or 约1000."),
    source: t("约定：表头“单位：万元”，金额保留两位小数。", "Convention: the table's 单位：万元 preamble; amounts have two decimals."),
    check: Check::Line(check),
};

fn check(cx: &Context, line: &Line, out: &mut Sink) {
    for amount in &line.amounts {
        let decimals = cx.config.amount_decimals;
        let problem = match &amount.problem {
            Some(problem) => Some(problem.clone()),
            // The layout read it with any number of decimals; only their
            // count can still be wrong. Plain amounts are counted in place.
            None if few_decimals(&amount.raw, decimals) => None,
            None => parse_amount(&amount.raw, decimals).err(),
        };
        let raw = &amount.raw;
        let (zh, en) = match problem {
            None => continue,
            Some(AmountProblem::NotANumber) => (
                format!("金额「{raw}」不是有效数字"),
                format!("The amount \"{raw}\" is not a number"),
            ),
            Some(AmountProblem::Negative) => (
                format!("金额「{raw}」为负数"),
                format!("The amount \"{raw}\" is negative"),
            ),
            Some(AmountProblem::TooLarge) => (
                format!(
                    "金额「{raw}」的整数部分超过 {MAX_INTEGER_DIGITS} 位，不是可以核算的金额，未参与合计"
                ),
                format!(
                    "The amount \"{raw}\" has more than {MAX_INTEGER_DIGITS} digits before the point: no amount to add up, so it is left out of the sums"
                ),
            ),
            Some(AmountProblem::TooManyDecimals(n)) => (
                format!(
                    "金额「{raw}」有 {n} 位小数，最多应为 {} 位",
                    cx.config.amount_decimals
                ),
                format!(
                    "The amount \"{raw}\" has {n} decimals; at most {} are expected",
                    cx.config.amount_decimals
                ),
            ),
        };
        out.report(Location::in_line(line, amount.index), Message::new(zh, en));
    }
}

/// An amount of ASCII digits, separators and a point, with at most `max`
/// digits after the point: what parse_amount accepts as it is.
fn few_decimals(raw: &str, max: u32) -> bool {
    raw.bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && raw
            .split_once('.')
            .is_none_or(|(_, decimals)| decimals.len() <= max as usize)
}
