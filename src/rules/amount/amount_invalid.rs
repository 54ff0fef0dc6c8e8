use crate::layout::Line;
use crate::money::{parse_amount, AmountProblem, AmountUnit, MAX_INTEGER_DIGITS};
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "amount-invalid",
    severity: Severity::Error,
    title: t("金额无效", "Invalid amount"),
    what: t(
        "金额单元格不是数字、为负数、整数部分超过 15 位，或比分更细（万元超过 6 位小数，元超过 2 位）；档案可规定更少的小数位（amount-decimals，如 2）。单元格自带单位（如万元表中的“60000元”）时按其单位折算。",
        "An amount cell is not a number, is negative, has more than 15 digits before the point, or is finer than a fen (over 6 decimals in 万元, over 2 in 元); a profile can ask for fewer decimals (amount-decimals, e.g. 2). A cell that names its own unit (60000元 in a table of 万元) is converted from it.",
    ),
    why: t(
        "金额是汇总和核对的基础；不规范的金额无法参与合计，也常是录入错误。",
        "Amounts are what every sum is built on; a malformed amount cannot be added up and is usually a typing error.",
    ),
    example: t(
        "总计写成“约1000”或“1164.4353001”（万元，比分更细）；“438.768”是准确到十元的金额，不报。",
        "总计 written as 约1000 or 1164.4353001 (万元, finer than a fen); 438.768 is an exact amount (to ten 元) and is not reported.",
    ),
    source: t(
        "约定：金额以分为最小单位；公开的绩效目标表常写到万元的三、四位小数（如 438.768 万元）。",
        "Convention: the fen is the smallest unit of money; published target tables often write 万元 to three or four decimals (438.768 万元).",
    ),
    check: Check::Line(check),
};

fn check(cx: &Context, line: &Line, out: &mut Sink) {
    // To the fen by default: 0.000001 万元, 0.01 元.
    let decimals = cx
        .config
        .amount_decimals
        .unwrap_or(match cx.sheet.amount_unit {
            AmountUnit::WanYuan => 6,
            AmountUnit::Yuan => 2,
        });
    for amount in &line.amounts {
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
                    "金额「{raw}」有 {n} 位小数，最多应为 {decimals} 位"
                ),
                format!(
                    "The amount \"{raw}\" has {n} decimals; at most {decimals} are expected"
                ),
            ),
        };
        out.report(Location::amount(line, amount), Message::new(zh, en));
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
