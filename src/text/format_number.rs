//! `format(int, spec)` and `format(float, spec)`: presentation types, sign,
//! alternate prefixes, thousands grouping (including CPython's grouping of
//! zero padding, `format(1234567, '010,') == '01,234,567'`) and padding.
//! Mirrors CPython's `format_long_internal`, `format_float_internal`,
//! `calc_number_widths` and `_PyUnicode_InsertThousandsGrouping`.

use super::float_fmt::{write_float, FloatFormat, FloatStyle};
use super::format_spec::{push_fill, unknown_code, Align, FormatSpec, Sign};
use super::TextError;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// Resolved layout of one number.
struct Layout {
    fill: char,
    align: Align,
    width: usize,
    sign: Option<Sign>,
    /// Separator and group size (3 for decimal, 4 for `_` with b/o/x/X).
    sep: Option<(u8, usize)>,
}

impl Layout {
    fn new(spec: &FormatSpec, group_size: usize) -> Self {
        let (fill, align) = spec.fill_align(Align::Right);
        Layout {
            fill,
            align,
            width: spec.width.unwrap_or(0),
            sign: spec.sign,
            sep: spec.grouping.map(|g| (g.char() as u8, group_size)),
        }
    }
}

/// Appends `digits` grouped from the right, left-padded with zeros (and
/// separators) to at least `min_width` chars; CPython's
/// `_PyUnicode_InsertThousandsGrouping` with an infinitely repeating group.
fn push_grouped(out: &mut String, digits: &[u8], min_width: usize, sep: Option<(u8, usize)>) {
    let Some((sep, group)) = sep else {
        push_fill(out, '0', min_width.saturating_sub(digits.len()));
        out.extend(digits.iter().map(|&b| b as char));
        return;
    };
    let group = group as isize;
    let mut rev: Vec<u8> = Vec::with_capacity(digits.len() + digits.len() / 3 + min_width + 2);
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width as isize;
    let mut first = true;
    loop {
        let l = group.min(remaining.max(min_width).max(1));
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        if !first {
            rev.push(sep);
        }
        first = false;
        let lo = (remaining - n_chars) as usize;
        rev.extend(digits[lo..remaining as usize].iter().rev());
        rev.extend(std::iter::repeat_n(b'0', n_zeros as usize));
        remaining -= n_chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    out.extend(rev.iter().rev().map(|&b| b as char));
}

/// CPython's `calc_number_widths` + `fill_number`.  `digits` is the part to
/// group (ASCII digits, possibly empty); `rest` is everything after it
/// (decimal point, fraction, exponent, `%`, or the char for `c`).
fn write_number(
    out: &mut String,
    neg: bool,
    prefix: &str,
    digits: &[u8],
    rest: &str,
    lay: &Layout,
) {
    let sign_char = if neg {
        Some('-')
    } else {
        match lay.sign {
            Some(Sign::Plus) => Some('+'),
            Some(Sign::Space) => Some(' '),
            _ => None,
        }
    };
    let rest_len = if rest.is_ascii() {
        rest.len()
    } else {
        rest.chars().count()
    };
    let non_digit = sign_char.is_some() as usize + prefix.len() + rest_len;
    let min_width = if lay.fill == '0' && lay.align == Align::AfterSign {
        lay.width.saturating_sub(non_digit)
    } else {
        0
    };
    let mut grouped = String::new();
    if !digits.is_empty() {
        push_grouped(&mut grouped, digits, min_width, lay.sep);
    }
    let padding = lay.width.saturating_sub(non_digit + grouped.len());
    let (left, mid, right) = match lay.align {
        Align::Left => (0, 0, padding),
        Align::Right => (padding, 0, 0),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
    };
    out.reserve(non_digit + grouped.len() + padding * lay.fill.len_utf8());
    push_fill(out, lay.fill, left);
    if let Some(c) = sign_char {
        out.push(c);
    }
    out.push_str(prefix);
    push_fill(out, lay.fill, mid);
    out.push_str(&grouped);
    out.push_str(rest);
    push_fill(out, lay.fill, right);
}

/// `format(v, spec)` for an `int` (`type_name` is the value's type, e.g.
/// `"int"` or `"bool"`, for messages).  Types `b c d o x X n` and none;
/// `e E f F g G %` convert to float first (`OverflowError` if too large).
pub fn format_int(v: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, TextError> {
    spec.check_grouping(Some('d'))?;
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float_inner(int_to_f64(v)?, spec);
        }
        _ => return Err(unknown_code(ty, type_name)),
    }
    if spec.precision.is_some() {
        return Err(TextError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(TextError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let mut out = String::new();
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(TextError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(TextError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        if v.to_i64().is_none() {
            return Err(TextError::overflow(
                "Python int too large to convert to C long",
            ));
        }
        let c = char_from_int(v)?;
        let mut buf = [0u8; 4];
        write_number(
            &mut out,
            false,
            "",
            b"",
            c.encode_utf8(&mut buf),
            &Layout::new(spec, 3),
        );
        return Ok(out);
    }
    let (radix, prefix, group) = match ty {
        'b' => (2, "0b", 4),
        'o' => (8, "0o", 4),
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let prefix = if spec.alternate { prefix } else { "" };
    let mut digits = super::int_parse::int_digits_limited(v, radix)?;
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let neg = v.is_negative();
    // Fast path: nothing but the digits (and sign).
    if spec.width.is_none() && spec.sign.is_none() && spec.grouping.is_none() && prefix.is_empty() {
        if neg {
            digits.insert(0, '-');
        }
        return Ok(digits);
    }
    let mut lay = Layout::new(spec, group);
    if ty == 'n' {
        lay.sep = None; // C locale: no grouping
    }
    write_number(&mut out, neg, prefix, digits.as_bytes(), "", &lay);
    Ok(out)
}

/// `OverflowError: %c arg not in range(0x110000)` check for the `c` type.
pub(crate) fn char_from_int(v: &BigInt) -> Result<char, TextError> {
    let cp = v
        .to_u32()
        .filter(|&c| c < 0x110000)
        .ok_or_else(|| TextError::overflow("%c arg not in range(0x110000)"))?;
    // Lone surrogates are valid Python strs but not Rust chars.
    char::from_u32(cp).ok_or_else(|| {
        TextError::value(format!(
            "%c arg U+{cp:04X} is a lone surrogate, which is not supported"
        ))
    })
}

/// `float(int)` with CPython's rounding and `OverflowError`.
pub(crate) fn int_to_f64(v: &BigInt) -> Result<f64, TextError> {
    if let Some(i) = v.to_i64() {
        return Ok(i as f64);
    }
    match v.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ if v.is_zero() => Ok(0.0),
        _ => Err(TextError::overflow("int too large to convert to float")),
    }
}

/// `format(x, spec)` for a `float`: types `e E f F g G n %` and none (which
/// is like `repr` without precision, else like `g` with at least one
/// fractional digit).  `type_name` is the value's type, for messages.
pub fn format_float(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, TextError> {
    spec.check_grouping(None)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_inner(x, spec),
        Some(t) => Err(unknown_code(t, type_name)),
    }
}

fn format_float_inner(mut x: f64, spec: &FormatSpec) -> Result<String, TextError> {
    let ty = spec.ty;
    let mut f = FloatFormat::new(FloatStyle::General, spec.precision.unwrap_or(6));
    f.alternate = spec.alternate;
    f.no_neg_0 = spec.no_neg_zero;
    let mut percent = false;
    match ty {
        None => {
            f.add_dot_0 = true;
            if spec.precision.is_none() {
                f.style = FloatStyle::Repr;
            }
        }
        Some('e' | 'E') => f.style = FloatStyle::Exp,
        Some('f' | 'F') => f.style = FloatStyle::Fixed,
        Some('%') => {
            f.style = FloatStyle::Fixed;
            x *= 100.0;
            percent = true;
        }
        _ => {} // g G n
    }
    f.upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut body = String::with_capacity(24);
    let neg = write_float(&mut body, x, &f);
    if percent {
        body.push('%');
    }
    let plain_sign = matches!(spec.sign, None | Some(Sign::Minus));
    if plain_sign && spec.width.is_none() && spec.grouping.is_none() {
        if neg {
            body.insert(0, '-');
        }
        return Ok(body);
    }
    let split = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(split);
    let mut lay = Layout::new(spec, 3);
    if ty == Some('n') {
        lay.sep = None;
    }
    let mut out = String::new();
    write_number(&mut out, neg, "", digits.as_bytes(), rest, &lay);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fi(v: &str, spec: &str) -> Result<String, String> {
        let v: BigInt = v.parse().unwrap();
        FormatSpec::parse(spec, "int")
            .and_then(|f| format_int(&v, &f, "int"))
            .map_err(|e| e.msg)
    }

    fn ff(x: f64, spec: &str) -> Result<String, String> {
        FormatSpec::parse(spec, "float")
            .and_then(|f| format_float(x, &f, "float"))
            .map_err(|e| e.msg)
    }

    #[test]
    fn ints() {
        // Expected values from python3.11 format(v, spec).
        let cases: &[(&str, &str, &str)] = &[
            ("5", "", "5"),
            ("-5", "", "-5"),
            ("5", "x<05", "5xxxx"),
            ("123", "04,", "0,123"),
            ("123", "05,", "0,123"),
            ("1234", "06,", "01,234"),
            ("1234", "07,", "001,234"),
            ("1234567", "010,", "01,234,567"),
            ("1234567", "0=10,", "01,234,567"),
            ("1234567", ",", "1,234,567"),
            ("-1234567", "_", "-1_234_567"),
            ("5", "_x", "5"),
            ("255", "_b", "1111_1111"),
            ("65", "05c", "0000A"),
            ("65", "c", "A"),
            ("233", "^5c", "  é  "),
            ("-5", "=+8", "-      5"),
            ("5", "=+8", "+      5"),
            ("5", " ", " 5"),
            ("255", "#X", "0XFF"),
            ("255", "#010x", "0x000000ff"),
            ("-255", "#010_x", "-0x00_00ff"),
            ("-255", "#_x", "-0xff"),
            ("255", "#_b", "0b1111_1111"),
            ("8", "#o", "0o10"),
            ("5", "0=+5", "+0005"),
            ("5", "+05", "+0005"),
            ("-5", "<05", "-5000"),
            ("5", "<05", "50000"),
            ("5", "^5", "  5  "),
            ("5", "*^6", "**5***"),
            ("1234", "n", "1234"),
            ("100000000000000000000", "n", "100000000000000000000"),
            ("100000000000000000000", "e", "1.000000e+20"),
            ("3", "%", "300.000000%"),
            ("-1", "+.2f", "-1.00"),
            ("0", "#x", "0x0"),
            ("-0", "+", "+0"),
            ("1", "d", "1"),
            ("123456789", "020,d", "0,000,000,123,456,789"),
            ("123456789", "_o", "7_2674_6425"),
            ("-42", "010", "-000000042"),
            ("42", "#10b", "  0b101010"),
        ];
        for &(v, spec, want) in cases {
            assert_eq!(fi(v, spec).as_deref(), Ok(want), "format({v}, {spec:?})");
        }
        let big = "1".repeat(50);
        assert_eq!(fi(&big, ",").unwrap().len(), 50 + 16);
    }

    #[test]
    fn int_errors() {
        let cases: &[(&str, &str, &str)] = &[
            ("5", ",x", "Cannot specify ',' with 'x'."),
            ("5", ",n", "Cannot specify ',' with 'n'."),
            ("65", ",c", "Cannot specify ',' with 'c'."),
            (
                "5",
                "z",
                "Negative zero coercion (z) not allowed in integer format specifier",
            ),
            (
                "5",
                "zd",
                "Negative zero coercion (z) not allowed in integer format specifier",
            ),
            ("5", "q", "Unknown format code 'q' for object of type 'int'"),
            (
                "5",
                "\x01",
                "Unknown format code '\\x1' for object of type 'int'",
            ),
            (
                "5",
                "é",
                "Unknown format code '\\xe9' for object of type 'int'",
            ),
            ("5", "s", "Unknown format code 's' for object of type 'int'"),
            (
                "5",
                ".2",
                "Precision not allowed in integer format specifier",
            ),
            (
                "5",
                ".2d",
                "Precision not allowed in integer format specifier",
            ),
            (
                "65",
                "+c",
                "Sign not allowed with integer format specifier 'c'",
            ),
            (
                "65",
                "#c",
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ),
            ("-1", "c", "%c arg not in range(0x110000)"),
            ("1114112", "c", "%c arg not in range(0x110000)"),
            ("9223372036854775807", "c", "%c arg not in range(0x110000)"),
            (
                "9223372036854775808",
                "c",
                "Python int too large to convert to C long",
            ),
            (
                "-9223372036854775809",
                "c",
                "Python int too large to convert to C long",
            ),
        ];
        for &(v, spec, want) in cases {
            assert_eq!(fi(v, spec).unwrap_err(), want, "format({v}, {spec:?})");
        }
        let huge = format!("1{}", "0".repeat(400));
        assert_eq!(
            fi(&huge, "f").unwrap_err(),
            "int too large to convert to float"
        );
        let v: BigInt = "5".parse().unwrap();
        let f = FormatSpec::parse("z", "bool").unwrap();
        assert_eq!(
            format_int(&v, &FormatSpec { ty: Some('q'), ..f }, "bool")
                .unwrap_err()
                .msg,
            "Unknown format code 'q' for object of type 'bool'"
        );
    }

    #[test]
    fn int_to_float_rounding() {
        let v = |s: &str| int_to_f64(&s.parse::<BigInt>().unwrap());
        // python3.11: float(2**53+1), float(-(2**53+3)), float(2**1024-2**971)
        assert_eq!(v("9007199254740993"), Ok(9007199254740992.0));
        assert_eq!(v("-9007199254740995"), Ok(-9007199254740996.0));
        let two = |e: u32| BigInt::from(2).pow(e);
        let max = two(1024) - two(971);
        assert_eq!(int_to_f64(&max), Ok(f64::MAX));
        assert!(int_to_f64(&(two(1024) - two(970))).is_err());
        assert!(int_to_f64(&(two(1024) - 1)).is_err());
        let r = int_to_f64(&(two(100) + two(47))); // tie -> even
        assert_eq!(r, Ok(2f64.powi(100)));
        let r = int_to_f64(&(two(100) + two(47) + 1));
        assert_eq!(r, Ok(2f64.powi(100) + 2f64.powi(48)));
    }

    #[test]
    fn floats() {
        // Expected values from python3.11 format(x, spec).
        let cases: &[(f64, &str, &str)] = &[
            (1.0, "", "1.0"),
            (-0.0, "z", "0.0"),
            (-0.0, "z.1f", "0.0"),
            (-0.0001, "z.2f", "0.00"),
            (-0.0001, "z.1%", "0.0%"),
            (-0.0, "", "-0.0"),
            (f64::NAN, "+", "+nan"),
            (-f64::NAN, "", "nan"),
            (-f64::NAN, "z", "nan"),
            (f64::INFINITY, "010", "0000000inf"),
            (f64::INFINITY, "010,", "0000000inf"),
            (f64::NEG_INFINITY, "010", "-000000inf"),
            (f64::INFINITY, "E", "INF"),
            (f64::INFINITY, "%", "inf%"),
            (1.0, "#", "1.0"),
            (1e16, "#", "1.e+16"),
            (1e16, "", "1e+16"),
            (1e20, "", "1e+20"),
            (123.0, ".3", "1.23e+02"),
            (1234.0, ".3", "1.23e+03"),
            (0.1, ".3", "0.1"),
            (1234.5, ",", "1,234.5"),
            (2.675, ".2f", "2.67"),
            (0.5, ".0f", "0"),
            (1.5, ".0f", "2"),
            (2.5, ".0f", "2"),
            (1.0, "#.0f", "1."),
            (1.0, "#.0e", "1.e+00"),
            (1.0, ".0e", "1e+00"),
            (1.0, "#g", "1.00000"),
            (1.0, "g", "1"),
            (0.0, "g", "0"),
            (0.0, "e", "0.000000e+00"),
            (1e-5, "g", "1e-05"),
            (1e-4, "g", "0.0001"),
            (123456789.0, "g", "1.23457e+08"),
            (1.5, ",e", "1.500000e+00"),
            (1.5e20, ",e", "1.500000e+20"),
            (12345.678, "_f", "12_345.678000"),
            (1234.5, "n", "1234.5"),
            (5.5, "<05", "5.500"),
            (0.1, "", "0.1"),
            (1e-5, "", "1e-05"),
            (123456789012345678.0, "", "1.2345678901234568e+17"),
            (1e15, "", "1000000000000000.0"),
            (0.1, ".17", "0.10000000000000001"),
            (0.1, ".0", "0.1"),
            (100.0, ".0", "1e+02"),
            (100.0, ".3", "1e+02"),
            (1e16, ".17", "1e+16"),
            (1.5, "#.3", "1.50"),
            (100.0, "#.1", "1.e+02"),
            (0.125, ".1%", "12.5%"),
            (1.0 / 3.0, "%", "33.333333%"),
            (1.0 / 3.0, ",.3%", "33.333%"),
            (1234567.891, "015,.2f", "0,001,234,567.89"),
            (-1234.5, "=+12,.1f", "-    1,234.5"),
            (3.14259, "*^10.2f", "***3.14***"),
            (3.14259, "+.3", "+3.14"),
            (-3.0, " ", "-3.0"),
            (3.0, " ", " 3.0"),
            (1.5e300, ",.0f", "1,500,000,000,000,000,078,757,140,382,806,630,373,056,702,871,662,238,732,373,781,173,267,703,686,983,362,293,679,557,062,620,671,796,065,556,665,749,325,817,265,413,784,853,040,645,863,467,188,277,180,060,474,272,580,801,389,863,705,606,745,350,692,182,135,089,053,429,852,456,199,917,621,678,558,451,461,320,111,979,114,170,213,741,868,888,183,230,085,264,257,173,504,208,294,580,298,189,100,810,240"),
            (1e-7, "G", "1E-07"),
            (2.5, "F", "2.500000"),
            (f64::NAN, "F", "NAN"),
        ];
        for &(x, spec, want) in cases {
            assert_eq!(ff(x, spec).as_deref(), Ok(want), "format({x:e}, {spec:?})");
        }
    }

    #[test]
    fn float_errors() {
        assert_eq!(
            ff(5.0, "d").unwrap_err(),
            "Unknown format code 'd' for object of type 'float'"
        );
        assert_eq!(
            ff(5.0, "c").unwrap_err(),
            "Unknown format code 'c' for object of type 'float'"
        );
        assert_eq!(ff(5.0, ",x").unwrap_err(), "Cannot specify ',' with 'x'.");
        assert_eq!(ff(5.0, ",n").unwrap_err(), "Cannot specify ',' with 'n'.");
    }
}
