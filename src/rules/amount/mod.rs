//! Amounts: exact decimal arithmetic on the 万元 columns.
pub mod amount_grand_total;
pub mod amount_invalid;
pub mod amount_row_sum;
pub mod amount_unit_subtotal;
pub mod project_duplicate;

use crate::layout::{Column, Line};
use rust_decimal::Decimal;

/// Sums one amount column over some rows; `None` when a row has no readable
/// value there (it is reported by amount-invalid instead).
pub(crate) fn sum<'a>(
    lines: impl IntoIterator<Item = &'a Line>,
    column: Column,
) -> Option<Decimal> {
    lines
        .into_iter()
        .map(|line| line.amount(column).and_then(|a| a.value))
        .sum()
}

/// `（差额 515.00）`, signed from the point of view of the stated figure.
pub(crate) fn gap(stated: Decimal, computed: Decimal) -> (String, String) {
    let gap = crate::money::format_amount(stated - computed);
    (format!("（差额 {gap}）"), format!(" (gap {gap})"))
}

/// A computed amount as its cell would hold it, for a suggested fix: in the
/// table's own unit (元 tables in 元), with thousands separators only when
/// the cell uses them. `None` beyond Decimal's range.
pub(crate) fn as_written(cx: &crate::rules::Context, wan: Decimal, raw: &str) -> Option<String> {
    let value = match cx.sheet.amount_unit {
        crate::money::AmountUnit::WanYuan => wan,
        crate::money::AmountUnit::Yuan => wan.checked_mul(Decimal::from(10_000))?,
    };
    let text = crate::money::format_amount(value);
    let raw = raw.trim();
    Some(if raw.is_empty() || raw.contains(',') {
        text
    } else {
        text.replace(',', "")
    })
}
