//! `int(str, base)` parsing and radix rendering with CPython 3.11 rules,
//! including the integer string conversion length limit (PEP 651-era
//! CVE-2020-10735 fix, `sys.set_int_max_str_digits`).

use super::str_repr::str_repr;
use super::unicode::{decimal_value, is_space};
use super::TextError;
use num_bigint::{BigInt, BigUint, Sign};

/// CPython 3.11's default `sys.get_int_max_str_digits()`. The current value
/// (`max_str_digits`, set by `sys.set_int_max_str_digits`) is passed to
/// [`parse_int_limited`]; `int -> str` in decimal fails with
/// [`int_to_str_limit_error`] when the result would exceed it
/// ([`int_to_decimal_limited`]). 0 disables the limit.
pub const INT_MAX_STR_DIGITS: usize = 4300;

thread_local! {
    static MAX_STR_DIGITS: std::cell::Cell<usize> = const { std::cell::Cell::new(INT_MAX_STR_DIGITS) };
}

/// The current `sys.get_int_max_str_digits()` of this thread's interpreter.
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.with(std::cell::Cell::get)
}

/// `sys.set_int_max_str_digits(n)`: 0 (no limit) or at least the threshold.
pub fn set_max_str_digits(n: usize) -> Result<(), TextError> {
    if n != 0 && n < INT_MAX_STR_DIGITS_THRESHOLD {
        return Err(TextError::value(format!(
            "maxdigits must be 0 or larger than {INT_MAX_STR_DIGITS_THRESHOLD}"
        )));
    }
    MAX_STR_DIGITS.with(|c| c.set(n));
    Ok(())
}

/// The digits of `|v|` in `radix` (no sign), with the decimal conversion limit applied
/// when `radix` is 10: the body of the `d`, `o`, `x` format codes.
pub fn int_digits_limited(v: &BigInt, radix: u32) -> Result<String, TextError> {
    if radix != 10 {
        return Ok(int_to_string_radix(v, radix));
    }
    let mut d = int_to_decimal_limited(v)?;
    if v.sign() == Sign::Minus {
        d.remove(0);
    }
    Ok(d)
}

/// `v` in decimal, or CPython's error when it has more digits than the
/// current limit (checked only past the threshold, as CPython does).
pub fn int_to_decimal_limited(v: &BigInt) -> Result<String, TextError> {
    let limit = max_str_digits();
    // A number of b bits has between (b - 1) * log10(2) + 1 and b * log10(2) + 1 decimal
    // digits: a clearly too long one is refused before the (costly) conversion, as CPython
    // does, and most numbers need no count at all.
    let bits = v.bits() as f64;
    let at_least = (bits - 1.0).max(0.0) * std::f64::consts::LOG10_2 + 1.0;
    if limit > 0 && at_least > limit as f64 + 1.0 {
        return Err(int_to_str_limit_error(limit));
    }
    let bound = bits * std::f64::consts::LOG10_2 + 1.0;
    let s = v.to_string();
    if limit > 0 && bound > INT_MAX_STR_DIGITS_THRESHOLD as f64 {
        let digits = s.len() - usize::from(v.sign() == Sign::Minus);
        if digits > limit {
            return Err(int_to_str_limit_error(limit));
        }
    }
    Ok(s)
}

/// CPython only checks the limit for inputs longer than this
/// (`sys.int_info.str_digits_check_threshold`); also the minimum value
/// `sys.set_int_max_str_digits` accepts besides 0.
pub const INT_MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// Why [`parse_int_limited`] failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntParseError {
    /// Not a valid literal: `invalid literal for int() with base ...`.
    Invalid,
    /// More decimal digits than the limit; carries the digit count.
    TooManyDigits(usize),
}

/// Python's `int(s, base)` for a `str` argument, without the digit limit.
/// `base` must be 0 or 2..=36 (the caller raises [`int_base_error`]
/// otherwise; other bases are reported as `Err(())`).  Accepts surrounding
/// whitespace, a sign, Unicode decimal digits, single underscores between
/// digits (and one right after a base prefix), and a `0x`/`0o`/`0b` prefix
/// matching the base; base 0 infers the base from the prefix, in which case
/// non-zero decimals with a leading zero (`"010"`) are invalid.
#[allow(clippy::result_unit_err)] // the requested API; see parse_int_limited for details
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, ()> {
    parse_int_limited(s, base, 0).map_err(|_| ())
}

/// [`parse_int`] plus the `int_max_str_digits` check (`max_str_digits` = 0
/// means unlimited), applied like CPython only to non-power-of-two bases.
pub fn parse_int_limited(
    s: &str,
    base: u32,
    max_str_digits: usize,
) -> Result<BigInt, IntParseError> {
    use IntParseError::Invalid;
    if base == 1 || base > 36 {
        return Err(Invalid);
    }
    let t = s.trim_matches(is_space);
    // Work on ASCII bytes: Unicode decimal digits become ASCII digits, any
    // other non-ASCII char cannot be valid.
    let owned: Vec<u8>;
    let b: &[u8] = if t.is_ascii() {
        t.as_bytes()
    } else {
        owned = t
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    c as u8
                } else {
                    decimal_value(c).map_or(b'?', |v| b'0' + v as u8)
                }
            })
            .collect();
        &owned
    };
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let at = |j: usize| b.get(j).copied().unwrap_or(0).to_ascii_lowercase();
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        }
    }
    if at(i) == b'0' && matches!((base, at(i + 1)), (16, b'x') | (8, b'o') | (2, b'b')) {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(Invalid);
    }
    // Scan digits and single underscores.
    let start = i;
    let mut ndigits = 0usize;
    let mut prev = 0u8;
    while i < b.len() {
        let c = b[i];
        if c == b'_' {
            if prev == b'_' {
                return Err(Invalid);
            }
        } else if digit_value(c) < base {
            ndigits += 1;
        } else {
            break;
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' {
        return Err(Invalid);
    }
    if !base.is_power_of_two()
        && ndigits > INT_MAX_STR_DIGITS_THRESHOLD
        && max_str_digits > 0
        && ndigits > max_str_digits
    {
        return Err(IntParseError::TooManyDigits(ndigits));
    }
    if ndigits == 0 || i != b.len() {
        return Err(Invalid);
    }
    let body = &b[start..i];
    let magnitude = digits_to_biguint(body, base).ok_or(Invalid)?;
    if error_if_nonzero && magnitude.bits() != 0 {
        return Err(Invalid);
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    Ok(BigInt::from_biguint(sign, magnitude))
}

fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 10,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        _ => 99,
    }
}

/// Converts validated digits (underscores allowed) to a magnitude.
fn digits_to_biguint(body: &[u8], base: u32) -> Option<BigUint> {
    // Fast path: fits in u64 without overflow (at most 12 base-36 digits).
    if body.len() <= 12 {
        let mut v: u64 = 0;
        for &c in body {
            if c != b'_' {
                v = v * base as u64 + digit_value(c) as u64;
            }
        }
        return Some(BigUint::from(v));
    }
    let clean: Vec<u8> = body
        .iter()
        .copied()
        .filter(|&c| c != b'_')
        .map(|c| digit_value(c) as u8)
        .collect();
    BigUint::from_radix_be(&clean, base)
}

/// `ValueError: invalid literal for int() with base B: 'S'` (the repr is
/// truncated to 200 chars like CPython's `%.200R`).  `base` is the argument
/// the user passed (0 stays 0).
pub fn invalid_int_literal(s: &str, base: u32) -> TextError {
    let r = str_repr(s);
    let r: String = r.chars().take(200).collect();
    TextError::value(format!("invalid literal for int() with base {base}: {r}"))
}

/// `ValueError: int() base must be >= 2 and <= 36, or 0`.
pub fn int_base_error() -> TextError {
    TextError::value("int() base must be >= 2 and <= 36, or 0")
}

/// The `str -> int` limit error for a literal with `digits` digits.
pub fn int_parse_limit_error(limit: usize, digits: usize) -> TextError {
    TextError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} \
         digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// The `int -> str` limit error (decimal output longer than `limit`).
pub fn int_to_str_limit_error(limit: usize) -> TextError {
    TextError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use \
         sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// Maps a [`parse_int_limited`] failure to CPython's exception.
pub fn int_parse_error(err: IntParseError, s: &str, base: u32, limit: usize) -> TextError {
    match err {
        IntParseError::Invalid => invalid_int_literal(s, base),
        IntParseError::TooManyDigits(n) => int_parse_limit_error(limit, n),
    }
}

/// Digits of `|v|` in `radix` (2..=36), lowercase, no sign or prefix: the
/// body of `bin`/`oct`/`hex` and of the `b`/`o`/`x` format codes.
pub fn int_to_string_radix(v: &BigInt, radix: u32) -> String {
    let radix = radix.clamp(2, 36);
    if let Some(u) = num_traits::ToPrimitive::to_u64(v.magnitude()) {
        return match radix {
            2 => format!("{u:b}"),
            8 => format!("{u:o}"),
            10 => u.to_string(),
            16 => format!("{u:x}"),
            _ => v.magnitude().to_str_radix(radix),
        };
    }
    v.magnitude().to_str_radix(radix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, base: u32) -> Option<String> {
        parse_int(s, base).ok().map(|v| v.to_string())
    }

    #[test]
    fn valid_literals() {
        // Expected values from python3.11 int(s, base).
        let cases: &[(&str, u32, &str)] = &[
            ("0_0", 0, "0"),
            ("00", 0, "0"),
            ("-00", 0, "0"),
            ("0_0_0", 0, "0"),
            ("0x_1f", 0, "31"),
            ("0x_1f", 16, "31"),
            (" -12 ", 10, "-12"),
            ("٣", 10, "3"),
            ("١_٢", 10, "12"),
            ("\u{a0}12\u{2003}", 10, "12"),
            ("0b1", 2, "1"),
            ("0b1", 16, "177"),
            ("0B1", 0, "1"),
            ("z", 36, "35"),
            ("Z", 36, "35"),
            ("0o17", 8, "15"),
            ("0o17", 0, "15"),
            ("017", 8, "15"),
            ("017", 10, "17"),
            ("-0", 0, "0"),
            ("1_000_000", 10, "1000000"),
            ("+7", 0, "7"),
            (
                "123456789012345678901234567890",
                10,
                "123456789012345678901234567890",
            ),
            ("-ffffffffffffffffffff", 16, "-1208925819614629174706175"),
            ("zzzzzzzzzzzz", 36, "4738381338321616895"),
        ];
        for &(s, base, want) in cases {
            assert_eq!(p(s, base).as_deref(), Some(want), "int({s:?}, {base})");
        }
    }

    #[test]
    fn invalid_literals() {
        let cases: &[(&str, u32)] = &[
            ("0x", 0),
            ("12a", 0),
            ("010", 0),
            ("0_7", 0),
            ("0x__1f", 16),
            ("1__0", 10),
            ("1_", 10),
            ("_1", 10),
            ("- 12", 10),
            ("+_1", 10),
            ("1\0", 10),
            ("0b102", 0),
            ("0b", 2),
            ("", 10),
            ("  ", 10),
            ("-", 10),
            ("0x1g", 16),
            ("00x1", 0),
            ("1e5", 10),
            ("2", 2),
            ("é", 10),
            ("10", 37),
            ("10", 1),
            ("0x1", 10),
        ];
        for &(s, base) in cases {
            assert_eq!(p(s, base), None, "int({s:?}, {base})");
        }
    }

    #[test]
    fn digit_limit() {
        let s = "1".repeat(5000);
        assert_eq!(
            parse_int_limited(&s, 10, INT_MAX_STR_DIGITS),
            Err(IntParseError::TooManyDigits(5000))
        );
        let bad = format!("{s}x");
        assert_eq!(
            parse_int_limited(&bad, 10, INT_MAX_STR_DIGITS),
            Err(IntParseError::TooManyDigits(5000))
        );
        assert!(parse_int_limited(&"1".repeat(4300), 10, INT_MAX_STR_DIGITS).is_ok());
        let hex = format!("0x{}", "f".repeat(5000));
        assert!(parse_int_limited(&hex, 16, INT_MAX_STR_DIGITS).is_ok());
        assert_eq!(
            int_parse_error(IntParseError::TooManyDigits(4301), "", 10, 4300).msg,
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 \
             digits; use sys.set_int_max_str_digits() to increase the limit"
        );
        assert_eq!(
            int_to_str_limit_error(4300).msg,
            "Exceeds the limit (4300 digits) for integer string conversion; use \
             sys.set_int_max_str_digits() to increase the limit"
        );
    }

    #[test]
    fn messages() {
        assert_eq!(
            invalid_int_literal("12a", 0).msg,
            "invalid literal for int() with base 0: '12a'"
        );
        let long = invalid_int_literal(&"x".repeat(300), 10).msg;
        assert_eq!(
            long,
            format!(
                "invalid literal for int() with base 10: '{}",
                "x".repeat(199)
            )
        );
        assert_eq!(
            int_base_error().msg,
            "int() base must be >= 2 and <= 36, or 0"
        );
    }

    #[test]
    fn radix_rendering() {
        let v = |s: &str| s.parse::<BigInt>().unwrap();
        assert_eq!(int_to_string_radix(&v("-5"), 2), "101");
        assert_eq!(int_to_string_radix(&v("8"), 8), "10");
        assert_eq!(int_to_string_radix(&v("255"), 16), "ff");
        assert_eq!(int_to_string_radix(&v("0"), 16), "0");
        assert_eq!(int_to_string_radix(&v("35"), 36), "z");
        assert_eq!(
            int_to_string_radix(&v("1000000000000000000000000000000"), 16),
            "c9f2c9cd04674edea40000000"
        );
    }
}
