//! Cost indicators (成本指标): money that must match the budget.
pub mod cost_exceeds_budget;
pub mod cost_misfiled;
pub mod cost_missing;

use crate::indicator::Value;
use rust_decimal::Decimal;

/// A money value in 万元 (`None` inside when it is too large for `Decimal`,
/// `99999999999999999999999999亿元`), and the denominator of a unit cost
/// (`元/套` → `套`).
pub(crate) fn money_in_wan(value: &Value) -> Option<(Option<Decimal>, Option<&str>)> {
    let unit = value.unit.as_deref()?;
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
    Some((value.upper.or(value.number)?.checked_mul(factor), per))
}
