//! Cost indicators (成本指标): money that must match the budget.
pub mod budget_target_mismatch;
pub mod cost_exceeds_budget;
pub mod cost_misfiled;
pub mod cost_missing;

use crate::indicator::framework::Family;
use crate::indicator::{Indicator, Value};
use crate::layout::Project;
use rust_decimal::Decimal;

/// A money value in 万元 (`None` inside when it is too large for `Decimal`,
/// `99999999999999999999999999亿元`), and the denominator of a unit cost
/// (`元/套` → `套`).
pub(crate) fn money_in_wan(value: &Value) -> Option<(Option<Decimal>, Option<&str>)> {
    let unit = value.unit()?;
    let (money, per) = match unit.split_once('/') {
        Some((money, per)) => (money, Some(per)),
        None => (unit, None),
    };
    let factor = match money {
        "元" => Decimal::new(1, 4),
        "千元" => Decimal::new(1, 1),
        // A cost of `250万` is 250 万元.
        "万元" | "万" => Decimal::ONE,
        "亿元" => Decimal::from(10_000),
        _ => return None,
    };
    Some((value.upper().or(value.number)?.checked_mul(factor), per))
}

/// The whole cost in 万元 (`None` when it overflows), with how it was
/// reckoned for the message.
pub(crate) fn total_cost(
    project: &Project,
    value: &Value,
) -> Option<(Option<Decimal>, String, String)> {
    let (amount, per) = money_in_wan(value)?;
    match per {
        None | Some("年") => Some((amount, String::new(), String::new())),
        Some("月") => Some((
            amount.and_then(|a| a.checked_mul(Decimal::from(12))),
            "按 12 个月".to_owned(),
            " over 12 months".to_owned(),
        )),
        Some(per) => {
            let (count, quantity, unit) = matching_quantity(project, per)?;
            let name = &quantity.name;
            Some((
                amount.and_then(|a| a.checked_mul(count)),
                format!("乘以「{name}」{count}{unit}"),
                format!(" times \"{name}\" {count} {unit}"),
            ))
        }
    }
}

/// The output quantity that counts the items a unit cost is per (`元/套` → a
/// quantity in 套, or named with 套), with the unit it counts in.
fn matching_quantity<'p>(
    project: &'p Project,
    per: &'p str,
) -> Option<(Decimal, &'p Indicator, &'p str)> {
    project.indicators.indicators.iter().find_map(|i| {
        if i.family() != Some(Family::Output) || i.is_cost() {
            return None;
        }
        let value = if i.annual.has_number() {
            &i.annual
        } else {
            &i.period
        };
        let counts = match value.unit() {
            Some(unit) => unit == per || (is_head(unit) && is_head(per)),
            None => i.name.contains(per),
        };
        let unit = value.unit().unwrap_or(per);
        counts
            .then(|| value.upper().or(value.number).map(|n| (n, i, unit)))
            .flatten()
    })
}

/// Units that count people: a cost per pupil (`元/生`) is multiplied by a
/// number of pupils given in 人 or 名.
fn is_head(unit: &str) -> bool {
    matches!(unit, "人" | "名" | "生")
}
