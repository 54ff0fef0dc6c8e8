//! Amounts: exact decimal parsing and display. Money is never a float.

use rust_decimal::Decimal;
use serde::Serialize;

/// The unit the table states for its amounts (`单位：万元` or `单位：元`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AmountUnit {
    #[default]
    WanYuan,
    Yuan,
}

impl AmountUnit {
    pub fn label(self) -> &'static str {
        match self {
            AmountUnit::WanYuan => "万元",
            AmountUnit::Yuan => "元",
        }
    }

    /// Converts an amount written in this unit to 万元, the unit of every report.
    /// Cannot overflow: amounts are at most [`MAX_INTEGER_DIGITS`] digits.
    pub fn to_wan(self, amount: Decimal) -> Decimal {
        match self {
            AmountUnit::WanYuan => amount,
            AmountUnit::Yuan => amount / Decimal::from(10_000),
        }
    }
}

/// Why an amount cell could not be taken as it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AmountProblem {
    NotANumber,
    Negative,
    /// How many (at most 28, `Decimal`'s most): a byte, as a large table
    /// has an amount for each of its rows and columns.
    TooManyDecimals(u8),
    /// More than [`MAX_INTEGER_DIGITS`] digits before the point.
    TooLarge,
}

/// The most digits an amount may have before its point: 10¹⁵ 万元 is a
/// million times the national budget, and any sum of amounts this size over
/// any table that fits in memory stays far inside `Decimal`'s 28 digits, so
/// the rules' arithmetic cannot overflow.
pub const MAX_INTEGER_DIGITS: usize = 15;

/// Parses an amount cell: thousands separators, spaces and a trailing 万元/元 are
/// accepted, empty means zero. Returns the value as written and the unit the
/// cell names, if any (`60000元` in a table of 万元 is 6 万元, not 60 000).
pub fn parse_amount(
    raw: &str,
    max_decimals: u32,
) -> Result<(Decimal, Option<AmountUnit>), AmountProblem> {
    // Most cells are plain ASCII with nothing to clean: borrowed as they are.
    let cleaned: std::borrow::Cow<str> = if raw.bytes().all(|b| b.is_ascii_graphic() && b != b',') {
        raw.into()
    } else {
        raw.chars()
            .map(crate::text::to_half_width)
            .filter(|c| !c.is_whitespace() && *c != ',')
            .collect::<String>()
            .into()
    };
    // `250万`, as forms write it, is 250 万元.
    let (cleaned, unit) = if let Some(number) = cleaned
        .strip_suffix("万元")
        .or_else(|| cleaned.strip_suffix('万'))
    {
        (number, Some(AmountUnit::WanYuan))
    } else if let Some(number) = cleaned.strip_suffix('元') {
        (number, Some(AmountUnit::Yuan))
    } else {
        (&*cleaned, None)
    };
    if cleaned.is_empty() || cleaned == "-" {
        return Ok((Decimal::ZERO, unit));
    }
    let well_formed = cleaned
        .strip_prefix('-')
        .unwrap_or(cleaned)
        .split_once('.')
        .map_or_else(
            || is_digits(cleaned.trim_start_matches('-')),
            |(int, frac)| is_digits(int) && is_digits(frac),
        );
    if !well_formed {
        return Err(AmountProblem::NotANumber);
    }
    let integer = cleaned
        .trim_start_matches('-')
        .split('.')
        .next()
        .unwrap_or("");
    if integer.trim_start_matches('0').len() > MAX_INTEGER_DIGITS {
        return Err(AmountProblem::TooLarge);
    }
    // Exact parsing: the text was checked to be plain digits, and the lossy
    // scientific-notation path would only add weight to the wasm.
    let value = Decimal::from_str_exact(cleaned).map_err(|_| AmountProblem::NotANumber)?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(AmountProblem::Negative);
    }
    if value.scale() > max_decimals && value.normalize().scale() > max_decimals {
        return Err(AmountProblem::TooManyDecimals(value.scale() as u8));
    }
    Ok((value, unit))
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Formats an amount as Chinese finance tables do: `13,100.00`, and an exact
/// amount with the decimals it has, to the fen in 万元 (`438.768`).
pub fn format_amount(value: Decimal) -> String {
    let decimals = value.normalize().scale().clamp(2, 6);
    let rounded = value.round_dp(decimals);
    // The amount in units of its last decimal, its digits written back to
    // front with a comma every three: no formatter and one allocation, as
    // amount findings are many.
    let mut units =
        rounded.mantissa().unsigned_abs() * 10u128.pow(decimals - rounded.scale().min(decimals));
    let point = decimals as usize;
    let mut text = [0u8; 64];
    let mut at = text.len();
    let mut put = |b: u8| {
        at -= 1;
        text[at] = b;
    };
    let mut digits = 0;
    while digits <= point || units > 0 {
        if digits == point {
            put(b'.');
        } else if digits > point && (digits - point).is_multiple_of(3) {
            put(b',');
        }
        put(b'0' + (units % 10) as u8);
        units /= 10;
        digits += 1;
    }
    if rounded.is_sign_negative() && !rounded.is_zero() {
        put(b'-');
    }
    text[at..].iter().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn parses_amounts() {
        let ok = [
            ("13,931.00", "13931.00"),
            ("", "0"),
            (" 6.00 ", "6.00"),
            ("1164.43", "1164.43"),
            ("２０.5", "20.5"),
            ("12万元", "12"),
            ("-", "0"),
        ];
        for (raw, want) in ok {
            assert_eq!(
                parse_amount(raw, 2).map(|(value, _)| value),
                Ok(d(want)),
                "{raw:?}"
            );
        }
        assert_eq!(
            parse_amount("60,000元", 2),
            Ok((d("60000"), Some(AmountUnit::Yuan)))
        );
        assert_eq!(
            parse_amount("12万元", 2),
            Ok((d("12"), Some(AmountUnit::WanYuan)))
        );
        assert_eq!(parse_amount("12", 2), Ok((d("12"), None)));
        assert_eq!(
            parse_amount("999999999999999.99", 2),
            Ok((d("999999999999999.99"), None)),
            "fifteen digits are still an amount"
        );
        for huge in [
            "1000000000000000",
            "79228162514264337593543950335",
            "1".repeat(40).as_str(),
        ] {
            assert_eq!(
                parse_amount(huge, 2),
                Err(AmountProblem::TooLarge),
                "{huge}"
            );
        }
        assert_eq!(parse_amount("abc", 2), Err(AmountProblem::NotANumber));
        assert_eq!(parse_amount("1.2.3", 2), Err(AmountProblem::NotANumber));
        assert_eq!(parse_amount("-5", 2), Err(AmountProblem::Negative));
        assert_eq!(
            parse_amount("1.234", 2),
            Err(AmountProblem::TooManyDecimals(3))
        );
        assert_eq!(
            parse_amount("1.200", 2),
            Ok((d("1.200"), None)),
            "trailing zeros are not extra precision"
        );
    }

    /// A plain formatter, kept as the reference.
    fn format_amount_reference(value: Decimal) -> String {
        let decimals = value.normalize().scale().clamp(2, 6);
        let rounded = value.round_dp(decimals);
        let text = format!("{:.*}", decimals as usize, rounded.abs());
        let (int, frac) = text.split_once('.').unwrap();
        let mut grouped = String::new();
        for (i, digit) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
            "-"
        } else {
            ""
        };
        format!("{sign}{grouped}.{frac}")
    }

    #[test]
    fn formats_as_the_reference_does() {
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "-0.001",
            "0.005",
            "0.004",
            "-0.005",
            "999.995",
            "1000",
            "-1000000.5",
        ]
        .iter()
        .map(|s| d(s))
        .collect();
        values.extend([
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            Decimal::new(-5, 3),
        ]);
        let mut x: u64 = 1;
        for _ in 0..20_000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let mantissa = (x >> 20) as i64 - (1 << 43);
            values.push(Decimal::new(mantissa, (x % 12) as u32));
        }
        for v in values {
            assert_eq!(format_amount(v), format_amount_reference(v), "{v}");
        }
    }

    #[test]
    fn formats_amounts() {
        let cases = [
            ("13100", "13,100.00"),
            ("515", "515.00"),
            ("0.5", "0.50"),
            ("1234567.891", "1,234,567.891"),
            ("438.768", "438.768"),
            ("0.0000004", "0.000000"),
            ("12.5000", "12.50"),
            ("-515", "-515.00"),
            ("100", "100.00"),
        ];
        for (value, want) in cases {
            assert_eq!(format_amount(d(value)), want);
        }
    }
}
