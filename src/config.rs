//! Thresholds of the rules that no regulation fixes: one place, with defaults.

use rust_decimal::Decimal;

#[derive(Clone, Debug)]
pub struct Config {
    /// `satisfaction-low` reports satisfaction targets under this percentage.
    /// No regulation fixes a number; 85 % is a common practice.
    pub satisfaction_floor: Decimal,
    /// `amount-invalid` reports amounts with more decimals than this
    /// (two: 万元 to the hundredth, or 元 to the fen).
    pub amount_decimals: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            satisfaction_floor: Decimal::from(85),
            amount_decimals: 2,
        }
    }
}
