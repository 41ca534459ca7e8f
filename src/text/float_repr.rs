//! `repr(float)` / `str(float)` and `float(str)` parsing with CPython 3.11
//! rules.  The digit engine lives in [`super::float_fmt`].

use super::float_fmt::{write_float, FloatFormat};
use super::unicode::{decimal_value, is_space};

/// CPython's `repr(float)` (also `str(float)`): shortest round-trip digits,
/// fixed notation for decimal exponents -4 <= exp < 16 (always with a
/// fractional part, `1.0`), scientific otherwise (`1e+16`, `1.5e-05`);
/// `inf`, `-inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    let mut s = String::with_capacity(24);
    if x.is_sign_negative() && !x.is_nan() {
        s.push('-');
    }
    write_float(&mut s, x, &FloatFormat::REPR);
    s
}

/// Strips Python whitespace (`str.isspace`) from both ends.
pub(crate) fn trim_py_space(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Python's `float(str)`: surrounding whitespace allowed, optional sign,
/// decimal digits (any Unicode Nd digits) with optional point and exponent,
/// single underscores only between digits, `inf`/`infinity`/`nan` in any
/// case.  No hex.  Out-of-range values give `±inf` / `±0.0` like CPython.
///
/// Returns `None` when CPython raises; the caller builds
/// `ValueError("could not convert string to float: %R")` from the original
/// argument (CPython does not truncate that repr).
pub fn parse_float(s: &str) -> Option<f64> {
    let t = trim_py_space(s);
    if t.is_empty() {
        return None;
    }
    // Normalise to ASCII (Unicode digits -> ASCII digits) and remove
    // underscores, checking they sit between two digits.
    let mut small = [0u8; 64];
    let mut heap = Vec::new();
    let mut n = 0usize;
    let use_small = t.len() <= small.len();
    let mut prev: u8 = 0;
    for c in t.chars() {
        let b = if c.is_ascii() {
            c as u8
        } else {
            match decimal_value(c) {
                Some(v) => b'0' + v as u8,
                None => return None,
            }
        };
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !b.is_ascii_digit() {
                return None;
            }
            if use_small {
                small[n] = b;
                n += 1;
            } else {
                heap.push(b);
            }
        }
        prev = b;
    }
    if prev == b'_' {
        return None;
    }
    let buf: &[u8] = if use_small { &small[..n] } else { &heap };
    let (negative, body) = match buf.first() {
        Some(b'-') => (true, &buf[1..]),
        Some(b'+') => (false, &buf[1..]),
        _ => (false, buf),
    };
    let special = if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    if !is_decimal_literal(body) {
        return None;
    }
    // The grammar is validated, so Rust's (correctly rounded) parser agrees.
    let text = std::str::from_utf8(buf).ok()?;
    text.parse::<f64>().ok()
}

/// `digits [. [digits]] | . digits`, then optional `e[sign]digits`.
fn is_decimal_literal(b: &[u8]) -> bool {
    let mut i = 0;
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut mantissa_digits = i - int_start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        mantissa_digits += i - frac_start;
    }
    if mantissa_digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        // Expected values from python3.11 repr().
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (100.0, "100.0"),
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (1e22, "1e+22"),
            (1e-4, "0.0001"),
            (1.5e-5, "1.5e-05"),
            (1e-7, "1e-07"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (-1.5, "-1.5"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "repr({x:e})");
        }
    }

    #[test]
    fn parse_accepts() {
        let cases: &[(&str, f64)] = &[
            ("1_000.5", 1000.5),
            ("1e1_0", 1e10),
            (" -inf ", f64::NEG_INFINITY),
            ("infinity", f64::INFINITY),
            ("iNfInItY", f64::INFINITY),
            (".5", 0.5),
            ("5.", 5.0),
            ("1e+5", 1e5),
            ("1E5", 1e5),
            ("+1.5", 1.5),
            ("١.٥", 1.5),
            ("1.5\u{2003}", 1.5),
            ("\u{a0}2", 2.0),
            ("1e400", f64::INFINITY),
            ("-1e400", f64::NEG_INFINITY),
            ("1e-400", 0.0),
            ("1.5e-3_0", 1.5e-30),
            ("0.1", 0.1),
            ("2.675", 2.675),
        ];
        for &(s, want) in cases {
            assert_eq!(parse_float(s), Some(want), "float({s:?})");
        }
        let neg_zero = parse_float("-0").unwrap();
        assert!(neg_zero == 0.0 && neg_zero.is_sign_negative());
        assert!(parse_float("nan ").unwrap().is_nan());
        assert!(parse_float("-NaN").unwrap().is_nan());
        let long = format!("0.{}1", "0".repeat(100));
        assert_eq!(parse_float(&long), Some(1e-101));
    }

    #[test]
    fn parse_rejects() {
        for s in [
            "", "  ", "1_e5", "1__0", "_1", "1_", "infinit", ".", "e5", "1e", "0x1p3", "in_f",
            "1_.5", "1._5", "1.5_", "--1", "+-1", "abc", "1,5", "1 2", "1\0", "nan1", "+", "1e+",
            "é", "١_", "inf_",
        ] {
            assert_eq!(parse_float(s), None, "float({s:?})");
        }
    }
}
