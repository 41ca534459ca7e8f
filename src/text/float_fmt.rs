//! Correctly rounded `f64` -> decimal text: the one digit engine shared by
//! `repr(float)`, `format(float, spec)` and `%`-formatting.
//!
//! This mirrors CPython's `PyOS_double_to_string`/`format_float_short`:
//! digits come from Rust's float formatting (`{:e}` for the shortest
//! round-trip digits, `{:.*e}` / `{:.*}` for a fixed number of digits, all
//! correctly rounded from the exact binary value, ties to even), and are then
//! laid out with CPython's rules for the `e`, `f`, `g` and `r` codes.

use std::fmt::Write as _;

/// Which CPython format code to emulate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatStyle {
    /// `e`: one digit, point, `precision` digits, exponent.
    Exp,
    /// `f`: `precision` digits after the point.
    Fixed,
    /// `g`: `precision` significant digits, exponent if exp < -4 or >= precision.
    General,
    /// `r` (repr): shortest round-trip digits, exponent if exp < -4 or >= 16.
    Repr,
}

/// Options corresponding to `PyOS_double_to_string`'s code, precision and flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FloatFormat {
    pub style: FloatStyle,
    /// Ignored for [`FloatStyle::Repr`]; `General` treats 0 as 1.
    pub precision: usize,
    /// Upper-case `E`, `INF`, `NAN` (codes `E`, `F`, `G`).
    pub upper: bool,
    /// `#`: keep the decimal point (and for `g`, trailing zeros).
    pub alternate: bool,
    /// `Py_DTSF_ADD_DOT_0`: integral non-exponent results get `.0`, and `g`
    /// switches to exponent one digit earlier (format's no-type behaviour).
    pub add_dot_0: bool,
    /// `z`: a result that rounds to zero loses its minus sign.
    pub no_neg_0: bool,
}

impl FloatFormat {
    /// The format used by `repr(float)` and `str(float)`.
    pub const REPR: FloatFormat = FloatFormat {
        style: FloatStyle::Repr,
        precision: 0,
        upper: false,
        alternate: false,
        add_dot_0: true,
        no_neg_0: false,
    };

    /// A plain format for `style` and `precision` with all flags off.
    pub fn new(style: FloatStyle, precision: usize) -> Self {
        FloatFormat {
            style,
            precision,
            upper: false,
            alternate: false,
            add_dot_0: false,
            no_neg_0: false,
        }
    }
}

/// A fixed-capacity `fmt::Write` sink so the common short cases allocate nothing.
struct StackBuf {
    buf: [u8; 48],
    len: usize,
}

impl StackBuf {
    fn new() -> Self {
        StackBuf {
            buf: [0; 48],
            len: 0,
        }
    }
    fn as_str(&self) -> &str {
        // Only ever filled from `&str` pieces written whole.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl std::fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return Err(std::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Runs `f` on Rust's scientific rendering of `a` (`d.ddde[-]N`): shortest
/// digits when `frac` is `None`, else exactly `frac` digits after the point.
/// A double's exact decimal value has at most 767 significant digits and 1074 digits after
/// the point; digits requested beyond these are zeros, and Rust's formatter refuses
/// precisions above 65535, so precisions are capped here and the rest padded.
const MAX_SIG_DIGITS: usize = 800;
const MAX_FRAC_DIGITS: usize = 1100;

fn with_sci<R>(a: f64, frac: Option<usize>, f: impl FnOnce(&str) -> R) -> R {
    let frac = frac.map(|p| p.min(MAX_SIG_DIGITS));
    if frac.is_none_or(|p| p <= 30) {
        let mut sb = StackBuf::new();
        let ok = match frac {
            None => write!(sb, "{:e}", a),
            Some(p) => write!(sb, "{:.*e}", p, a),
        };
        if ok.is_ok() {
            return f(sb.as_str());
        }
    }
    let s = match frac {
        None => format!("{:e}", a),
        Some(p) => format!("{:.*e}", p, a),
    };
    f(&s)
}

fn push_zeros(out: &mut String, n: i64) {
    if n > 0 {
        out.extend(std::iter::repeat_n('0', n as usize));
    }
}

/// Appends the formatted magnitude of `x` (never a sign) to `out` and
/// returns whether a `-` belongs in front of it.  NaN never has a sign.
pub fn write_float(out: &mut String, x: f64, f: &FloatFormat) -> bool {
    if x.is_nan() {
        out.push_str(if f.upper { "NAN" } else { "nan" });
        return false;
    }
    let neg = x.is_sign_negative();
    let a = x.abs();
    if a.is_infinite() {
        out.push_str(if f.upper { "INF" } else { "inf" });
        return neg;
    }
    if f.style == FloatStyle::Fixed {
        let start = out.len();
        let _ = write!(out, "{:.*}", f.precision.min(MAX_FRAC_DIGITS), a);
        if f.precision > MAX_FRAC_DIGITS {
            let pad = f.precision - MAX_FRAC_DIGITS;
            out.extend(std::iter::repeat_n('0', pad));
        }
        if f.alternate && f.precision == 0 {
            out.push('.');
        }
        if neg && f.no_neg_0 && out[start..].bytes().all(|b| b == b'0' || b == b'.') {
            return false;
        }
        return neg;
    }
    let frac = match f.style {
        FloatStyle::Repr => None,
        FloatStyle::Exp => Some(f.precision),
        _ => Some(f.precision.max(1) - 1),
    };
    with_sci(a, frac, |sci| {
        let mut d = Digits::from_sci(sci);
        if f.style == FloatStyle::Repr {
            d = repr_tie_to_even(a, d);
        }
        let digits = d.trimmed();
        let is_zero = digits == b"0";
        layout(out, digits, d.exp + 1, f);
        neg && !(f.no_neg_0 && is_zero)
    })
}

/// The significant digits and decimal exponent of a scientific rendering,
/// stored inline when short.
struct Digits {
    small: [u8; 48],
    len: usize,
    heap: Vec<u8>,
    /// Decimal exponent of the first digit.
    exp: i64,
}

impl Digits {
    /// Parses Rust's `d[.ddd]e[-]N`.
    fn from_sci(sci: &str) -> Self {
        let (mant, exp) = sci.split_once('e').unwrap_or((sci, "0"));
        let mut d = Digits {
            small: [0; 48],
            len: 0,
            heap: Vec::new(),
            exp: exp.parse().unwrap_or(0),
        };
        let bytes = mant.as_bytes();
        if bytes.len() <= d.small.len() {
            for &b in bytes.iter().filter(|b| b.is_ascii_digit()) {
                d.small[d.len] = b;
                d.len += 1;
            }
        } else {
            d.heap = bytes.iter().copied().filter(u8::is_ascii_digit).collect();
        }
        d
    }
    fn all(&self) -> &[u8] {
        if self.heap.is_empty() {
            &self.small[..self.len]
        } else {
            &self.heap
        }
    }
    /// Without trailing zeros, like `_Py_dg_dtoa` (zero itself stays "0").
    fn trimmed(&self) -> &[u8] {
        let d = self.all();
        let mut end = d.len();
        while end > 1 && d[end - 1] == b'0' {
            end -= 1;
        }
        &d[..end]
    }
}

/// Rust's shortest digits pick the upper candidate when two shortest
/// strings are equally close to `a`; CPython's dtoa picks the even one
/// (`repr(975712563701119.25) == '975712563701119.2'`).  When `a` lies
/// exactly halfway between two such candidates, the correctly rounded
/// (ties-to-even) string of the same length is used if it round-trips.
fn repr_tie_to_even(a: f64, d: Digits) -> Digits {
    let digits = d.trimmed();
    let n = digits.len();
    // Ties need a last-digit unit of at most one ulp: 16+ digits.
    if n < 16 || digits[n - 1].is_multiple_of(2) || !is_decimal_tie(a, d.exp - (n as i64 - 1)) {
        return d;
    }
    let mut sb = StackBuf::new();
    if write!(sb, "{:.*e}", n - 1, a).is_err() {
        return d;
    }
    let r = Digits::from_sci(sb.as_str());
    if (r.trimmed(), r.exp) != (digits, d.exp) && sb.as_str().parse::<f64>() == Ok(a) {
        r
    } else {
        d
    }
}

/// Whether finite `a > 0` is exactly `(j + 1/2) * 10**k` for an integer `j`,
/// i.e. `2a / 10**k` is an odd integer.  With `a = m * 2**e` (`m` odd) that
/// holds iff `k == e + 1` and, for `k > 0`, `5**k` divides `m`.
fn is_decimal_tie(a: f64, k: i64) -> bool {
    let bits = a.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    if m == 0 {
        return false;
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i64;
    if k != e + 1 {
        return false;
    }
    k <= 0 || (k <= 22 && m % 5u64.pow(k as u32) == 0)
}

/// CPython's `format_float_short` layout of `0.d1d2d3... * 10**decpt`.
fn layout(out: &mut String, digits: &[u8], mut decpt: i64, f: &FloatFormat) {
    let digits_len = digits.len() as i64;
    let precision = f.precision.min(i64::MAX as usize / 2) as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match f.style {
        FloatStyle::Exp => {
            use_exp = true;
            vdigits_end = precision + 1;
        }
        FloatStyle::General => {
            let p = precision.max(1);
            let limit = if f.add_dot_0 { p - 1 } else { p };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if f.alternate {
                vdigits_end = p;
            }
        }
        FloatStyle::Repr => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
        FloatStyle::Fixed => vdigits_end = decpt + precision,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && f.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let start = out.len();
    if decpt <= 0 {
        push_zeros(out, decpt - vdigits_start);
        out.push('.');
        push_zeros(out, -decpt);
    } else {
        push_zeros(out, -vdigits_start);
    }
    // Digits are ASCII, so byte pushes are valid UTF-8.
    if 0 < decpt && decpt <= digits_len {
        let (a, b) = digits.split_at(decpt as usize);
        out.extend(a.iter().map(|&c| c as char));
        out.push('.');
        out.extend(b.iter().map(|&c| c as char));
    } else {
        out.extend(digits.iter().map(|&c| c as char));
    }
    if digits_len < decpt {
        push_zeros(out, decpt - digits_len);
        out.push('.');
        push_zeros(out, vdigits_end - decpt);
    } else {
        push_zeros(out, vdigits_end - digits_len);
    }
    if out.len() > start && out.ends_with('.') && !f.alternate {
        out.pop();
    }
    if use_exp {
        out.push(if f.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        let _ = write!(out, "{}", e);
    }
}

/// Formats `x` including its `-` sign (no `+`/space handling).
pub fn format_f64(x: f64, f: &FloatFormat) -> String {
    let mut s = String::with_capacity(24);
    if write_float(&mut s, x, f) {
        s.insert(0, '-');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(x: f64, style: FloatStyle, p: usize) -> String {
        format_f64(x, &FloatFormat::new(style, p))
    }

    #[test]
    fn exp_style() {
        // Expected values: python3.11 '%.<p>e' % x
        assert_eq!(fmt(1.0, FloatStyle::Exp, 6), "1.000000e+00");
        assert_eq!(fmt(0.0, FloatStyle::Exp, 6), "0.000000e+00");
        assert_eq!(fmt(-0.0, FloatStyle::Exp, 2), "-0.00e+00");
        assert_eq!(fmt(1e100, FloatStyle::Exp, 6), "1.000000e+100");
        assert_eq!(fmt(12345.678, FloatStyle::Exp, 3), "1.235e+04");
        assert_eq!(fmt(5e-324, FloatStyle::Exp, 3), "4.941e-324");
        assert_eq!(fmt(1.0, FloatStyle::Exp, 0), "1e+00");
        assert_eq!(fmt(2.5, FloatStyle::Exp, 0), "2e+00");
        assert_eq!(
            fmt(1.5, FloatStyle::Exp, 40),
            format!("1.5{}e+00", "0".repeat(39))
        );
        let alt = FloatFormat {
            alternate: true,
            ..FloatFormat::new(FloatStyle::Exp, 0)
        };
        assert_eq!(format_f64(1.0, &alt), "1.e+00");
    }

    #[test]
    fn fixed_style() {
        assert_eq!(fmt(2.675, FloatStyle::Fixed, 2), "2.67");
        assert_eq!(fmt(0.5, FloatStyle::Fixed, 0), "0");
        assert_eq!(fmt(1.5, FloatStyle::Fixed, 0), "2");
        assert_eq!(fmt(2.5, FloatStyle::Fixed, 0), "2");
        assert_eq!(fmt(-0.0, FloatStyle::Fixed, 1), "-0.0");
        assert_eq!(fmt(3.14259, FloatStyle::Fixed, 2), "3.14");
        assert!(fmt(1e300, FloatStyle::Fixed, 0).starts_with("10000000000000000525047602552"));
        let z = FloatFormat {
            no_neg_0: true,
            ..FloatFormat::new(FloatStyle::Fixed, 2)
        };
        assert_eq!(format_f64(-0.0001, &z), "0.00");
        assert_eq!(format_f64(-0.01, &z), "-0.01");
    }

    #[test]
    fn general_style() {
        assert_eq!(fmt(1.0, FloatStyle::General, 6), "1");
        assert_eq!(fmt(0.0, FloatStyle::General, 6), "0");
        assert_eq!(fmt(1e-5, FloatStyle::General, 6), "1e-05");
        assert_eq!(fmt(1e-4, FloatStyle::General, 6), "0.0001");
        assert_eq!(fmt(123456789.0, FloatStyle::General, 6), "1.23457e+08");
        assert_eq!(fmt(100000.0, FloatStyle::General, 6), "100000");
        assert_eq!(fmt(1000000.0, FloatStyle::General, 6), "1e+06");
        assert_eq!(fmt(123.0, FloatStyle::General, 0), "1e+02");
        assert_eq!(fmt(0.1, FloatStyle::General, 15), "0.1");
        assert_eq!(fmt(1e-10, FloatStyle::General, 6), "1e-10");
        let alt = FloatFormat {
            alternate: true,
            ..FloatFormat::new(FloatStyle::General, 6)
        };
        assert_eq!(format_f64(1.0, &alt), "1.00000");
        let dot0 = FloatFormat {
            add_dot_0: true,
            ..FloatFormat::new(FloatStyle::General, 3)
        };
        assert_eq!(format_f64(123.0, &dot0), "1.23e+02");
        assert_eq!(format_f64(12.0, &dot0), "12.0");
        assert_eq!(format_f64(0.1, &dot0), "0.1");
    }

    #[test]
    fn repr_style() {
        let r = |x: f64| format_f64(x, &FloatFormat::REPR);
        assert_eq!(r(1.0), "1.0");
        assert_eq!(r(-0.0), "-0.0");
        assert_eq!(r(100.0), "100.0");
        assert_eq!(r(0.1), "0.1");
        assert_eq!(r(1e16), "1e+16");
        assert_eq!(r(1e15), "1000000000000000.0");
        assert_eq!(r(1e-4), "0.0001");
        assert_eq!(r(1e-5), "1e-05");
        assert_eq!(r(f64::NAN), "nan");
        assert_eq!(r(-f64::NAN), "nan");
        assert_eq!(r(f64::NEG_INFINITY), "-inf");
        // Ties between two shortest candidates go to the even digit.
        // (Exact binary values written as sums to keep every digit.)
        assert_eq!(r(975712563701119.0 + 0.25), "975712563701119.2");
        assert_eq!(r(-(109654900867286.0 + 0.125)), "-109654900867286.12");
        assert_eq!(r(25975215419823.0 + 0.8125), "25975215419823.812");
        assert_eq!(r(2200000000000000.0 + 0.25), "2200000000000000.2");
    }

    #[test]
    fn decimal_ties() {
        assert!(is_decimal_tie(0.5, 0)); // (0 + 1/2) * 10**0
        assert!(is_decimal_tie(2.5, 0));
        assert!(!is_decimal_tie(2.5, -1));
        assert!(is_decimal_tie(0.25, -1)); // (2 + 1/2) * 10**-1
        assert!(is_decimal_tie(975712563701119.0 + 0.25, -1));
        assert!(is_decimal_tie(1.5e16 + 2.0 * 5e15, 16)); // 2.5e16
        assert!(is_decimal_tie(50.0, 2));
        assert!(!is_decimal_tie(0.1, -1));
        assert!(!is_decimal_tie(3.0, 0));
    }
}
