//! The format-spec mini-language (`format(v, spec)`, `f"{v:spec}"`,
//! `str.format`): parsing a spec, the checks CPython makes on it, and
//! formatting of `str` values.  Numbers are formatted by
//! [`super::format_number`] (re-exported here).
//!
//! Grammar (3.11): `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`.
//!
//! An empty spec means `str(value)` in CPython; the caller should take that
//! path for objects whose `__str__` differs from their numeric rendering
//! (e.g. `format(True, '') == 'True'`).

use super::unicode::decimal_value;
use super::{TextError, MAX_RESULT_LEN};
use std::borrow::Cow;

pub use super::format_number::{format_float, format_int};

/// Alignment option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding between the sign/prefix and the digits.
    AfterSign,
}

/// Sign option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// `-` (explicit; same output as none for numbers)
    Minus,
    /// `+`
    Plus,
    /// ` `
    Space,
}

/// Thousands grouping option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// `,`
    Comma,
    /// `_`
    Underscore,
}

impl Grouping {
    pub fn char(self) -> char {
        match self {
            Grouping::Comma => ',',
            Grouping::Underscore => '_',
        }
    }
}

/// A parsed format spec.  Fields hold what was written; defaults that
/// depend on the value's type are resolved when formatting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill char (only given together with an alignment).
    pub fill: Option<char>,
    pub align: Option<Align>,
    pub sign: Option<Sign>,
    /// `z`: coerce negative zero to positive (floats only).
    pub no_neg_zero: bool,
    /// `#`
    pub alternate: bool,
    /// The `0` flag before the width (only possible without explicit fill).
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<Grouping>,
    pub precision: Option<usize>,
    /// Presentation type char, if any (any char is accepted by the parser).
    pub ty: Option<char>,
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Parses a run of (Unicode) decimal digits like CPython's `get_integer`.
fn parse_count(it: &mut std::str::Chars) -> Result<Option<usize>, TextError> {
    let mut value: usize = 0;
    let mut any = false;
    while let Some(d) = it.clone().next().and_then(decimal_value) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= MAX_RESULT_LEN)
            .ok_or_else(|| TextError::value("Too many decimal digits in format string"))?;
        any = true;
        it.next();
    }
    Ok(any.then_some(value))
}

/// Consumes the next char if it is `c`.
fn eat(it: &mut std::str::Chars, c: char) -> bool {
    if it.clone().next() == Some(c) {
        it.next();
        true
    } else {
        false
    }
}

/// `'c'` or `'\xNN'` as CPython prints a presentation char in messages.
pub(crate) fn code_display(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        c.to_string()
    } else {
        format!("\\x{cp:x}")
    }
}

/// `ValueError: Unknown format code 'q' for object of type 'int'`.
pub(crate) fn unknown_code(ty: char, type_name: &str) -> TextError {
    TextError::value(format!(
        "Unknown format code '{}' for object of type '{}'",
        code_display(ty),
        type_name
    ))
}

impl FormatSpec {
    /// Parses `spec`.  `type_name` (the value's type, e.g. `"int"`) is only
    /// used in the "Invalid format specifier" message.
    pub fn parse(spec: &str, type_name: &str) -> Result<FormatSpec, TextError> {
        let mut f = FormatSpec::default();
        if spec.is_empty() {
            return Ok(f);
        }
        let mut it = spec.chars();
        let mut ahead = it.clone();
        let (c0, c1) = (ahead.next(), ahead.next());
        if let Some(a) = c1.and_then(align_of) {
            f.fill = c0;
            f.align = Some(a);
            it = ahead;
        } else if let Some(a) = c0.and_then(align_of) {
            f.align = Some(a);
            it.next();
        }
        f.sign = match it.clone().next() {
            Some('+') => Some(Sign::Plus),
            Some('-') => Some(Sign::Minus),
            Some(' ') => Some(Sign::Space),
            _ => None,
        };
        if f.sign.is_some() {
            it.next();
        }
        f.no_neg_zero = eat(&mut it, 'z');
        f.alternate = eat(&mut it, '#');
        if f.fill.is_none() {
            f.zero = eat(&mut it, '0');
        }
        f.width = parse_count(&mut it)?;
        if eat(&mut it, ',') {
            f.grouping = Some(Grouping::Comma);
        }
        if eat(&mut it, '_') {
            if f.grouping.is_some() {
                return Err(both_separators());
            }
            f.grouping = Some(Grouping::Underscore);
        }
        if f.grouping == Some(Grouping::Underscore) && it.clone().next() == Some(',') {
            return Err(both_separators());
        }
        if eat(&mut it, '.') {
            f.precision = parse_count(&mut it)?;
            if f.precision.is_none() {
                return Err(TextError::value("Format specifier missing precision"));
            }
        }
        f.ty = it.next();
        if it.next().is_some() {
            return Err(TextError::value(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )));
        }
        Ok(f)
    }

    /// CPython's post-parse grouping check, with `default_ty` the type used
    /// when none was given (`'d'` for int, `'s'` for str, none for float).
    pub(crate) fn check_grouping(&self, default_ty: Option<char>) -> Result<(), TextError> {
        let Some(g) = self.grouping else {
            return Ok(());
        };
        let ty = self.ty.or(default_ty);
        let ok = match ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == Grouping::Underscore,
            _ => false,
        };
        if ok {
            return Ok(());
        }
        let shown = ty.map(code_display).unwrap_or_default();
        Err(TextError::value(format!(
            "Cannot specify '{}' with '{}'.",
            g.char(),
            shown
        )))
    }

    /// Fill char and alignment after applying the `0` flag and the type's
    /// default alignment (`Right` for numbers, `Left` for strings).
    pub(crate) fn fill_align(&self, default_align: Align) -> (char, Align) {
        let fill = self.fill.unwrap_or(if self.zero { '0' } else { ' ' });
        let align = self
            .align
            .unwrap_or(if self.zero && default_align == Align::Right {
                Align::AfterSign
            } else {
                default_align
            });
        (fill, align)
    }
}

fn both_separators() -> TextError {
    TextError::value("Cannot specify both ',' and '_'.")
}

/// Pushes `n` copies of `c`.
pub(crate) fn push_fill(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

/// Pads `body` (of `len` chars) to `width` with CPython's `calc_padding`
/// (centre puts the extra char on the right).
pub(crate) fn pad_into(
    out: &mut String,
    body: &str,
    len: usize,
    width: usize,
    fill: char,
    align: Align,
) {
    let total = width.max(len);
    let left = match align {
        Align::Right => total - len,
        Align::Center => (total - len) / 2,
        Align::Left | Align::AfterSign => 0,
    };
    push_fill(out, fill, left);
    out.push_str(body);
    push_fill(out, fill, total - len - left);
}

/// `format(s, spec)` for a `str` (type `s` or none); `type_name` is the
/// value's type for error messages.  Precision truncates to that many chars.
/// Returns a borrowed prefix of `s` when no padding is needed; it is all of
/// `s` (CPython returns the original object) when the lengths are equal.
pub fn format_str<'a>(
    s: &'a str,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<Cow<'a, str>, TextError> {
    spec.check_grouping(Some('s'))?;
    if let Some(t) = spec.ty {
        if t != 's' {
            return Err(unknown_code(t, type_name));
        }
    }
    match spec.sign {
        Some(Sign::Space) => {
            return Err(TextError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(TextError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_neg_zero {
        return Err(TextError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(TextError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(TextError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let mut body = s;
    let mut len = None;
    if let Some(p) = spec.precision {
        if let Some((i, _)) = s.char_indices().nth(p) {
            body = &s[..i];
            len = Some(p);
        }
    }
    let width = spec.width.unwrap_or(0);
    if width == 0 || (width <= body.len() && len.is_none() && body.is_ascii()) {
        return Ok(Cow::Borrowed(body));
    }
    let len = len.unwrap_or_else(|| body.chars().count());
    if width <= len {
        return Ok(Cow::Borrowed(body));
    }
    let (fill, align) = spec.fill_align(Align::Left);
    let mut out = String::with_capacity(body.len() + (width - len) * fill.len_utf8());
    pad_into(&mut out, body, len, width, fill, align);
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fs(v: &str, spec: &str) -> Result<String, String> {
        FormatSpec::parse(spec, "str")
            .and_then(|f| format_str(v, &f, "str").map(|c| c.into_owned()))
            .map_err(|e| e.msg)
    }

    #[test]
    fn parse_fields() {
        let f = FormatSpec::parse("*^+z#012_.3f", "float").unwrap();
        assert_eq!(f.fill, Some('*'));
        assert_eq!(f.align, Some(Align::Center));
        assert_eq!(f.sign, Some(Sign::Plus));
        assert!(f.no_neg_zero && f.alternate);
        assert!(!f.zero); // fill given: the 0 is part of the width
        assert_eq!(f.width, Some(12));
        assert_eq!(f.grouping, Some(Grouping::Underscore));
        assert_eq!(f.precision, Some(3));
        assert_eq!(f.ty, Some('f'));
        let g = FormatSpec::parse("010,", "int").unwrap();
        assert!(g.zero && g.width == Some(10) && g.grouping == Some(Grouping::Comma));
        let u = FormatSpec::parse("١٠", "int").unwrap();
        assert_eq!(u.width, Some(10));
        assert_eq!(FormatSpec::parse("", "int").unwrap(), FormatSpec::default());
        let lt = FormatSpec::parse("<", "int").unwrap();
        assert_eq!((lt.align, lt.fill), (Some(Align::Left), None));
        let fill_is_align = FormatSpec::parse("<<", "int").unwrap();
        assert_eq!(
            (fill_is_align.fill, fill_is_align.align),
            (Some('<'), Some(Align::Left))
        );
    }

    #[test]
    fn parse_errors() {
        // Messages from python3.11.
        let e = |s: &str| FormatSpec::parse(s, "int").unwrap_err().msg;
        assert_eq!(e(",_"), "Cannot specify both ',' and '_'.");
        assert_eq!(e("_,"), "Cannot specify both ',' and '_'.");
        assert_eq!(e("."), "Format specifier missing precision");
        assert_eq!(
            e("dd"),
            "Invalid format specifier 'dd' for object of type 'int'"
        );
        assert_eq!(
            e("99999999999999999999"),
            "Too many decimal digits in format string"
        );
        assert_eq!(
            e(".99999999999999999999"),
            "Too many decimal digits in format string"
        );
        assert_eq!(e("1000000001"), "Too many decimal digits in format string");
        // ",," parses with ',' as the type; the grouping check rejects it.
        let f = FormatSpec::parse(",,", "int").unwrap();
        assert_eq!(
            f.check_grouping(Some('d')).unwrap_err().msg,
            "Cannot specify ',' with ','."
        );
        let f = FormatSpec::parse(",\x01", "int").unwrap();
        assert_eq!(
            f.check_grouping(Some('d')).unwrap_err().msg,
            "Cannot specify ',' with '\\x1'."
        );
    }

    #[test]
    fn strings() {
        assert_eq!(fs("ab", "05"), Ok("ab000".into()));
        assert_eq!(fs("abc", ".2"), Ok("ab".into()));
        assert_eq!(fs("abc", "^7"), Ok("  abc  ".into()));
        assert_eq!(fs("abc", "*^8"), Ok("**abc***".into()));
        assert_eq!(fs("abc", "0^8"), Ok("00abc000".into()));
        assert_eq!(fs("abc", "0<8"), Ok("abc00000".into()));
        assert_eq!(fs("abc", "08"), Ok("abc00000".into()));
        assert_eq!(fs("abc", ">5"), Ok("  abc".into()));
        assert_eq!(fs("abc", "2"), Ok("abc".into()));
        assert_eq!(fs("héllo", "é^9.2"), Ok("éééhééééé".into()));
        assert_eq!(fs("abc", "s"), Ok("abc".into()));
        assert_eq!(fs("", ".0"), Ok("".into()));
    }

    #[test]
    fn string_errors() {
        let e = |spec: &str| fs("a", spec).unwrap_err();
        assert_eq!(e(","), "Cannot specify ',' with 's'.");
        assert_eq!(e("_"), "Cannot specify '_' with 's'.");
        assert_eq!(
            e("z"),
            "Negative zero coercion (z) not allowed in string format specifier"
        );
        assert_eq!(e("+"), "Sign not allowed in string format specifier");
        assert_eq!(e(" "), "Space not allowed in string format specifier");
        assert_eq!(e("-"), "Sign not allowed in string format specifier");
        assert_eq!(
            e("#"),
            "Alternate form (#) not allowed in string format specifier"
        );
        assert_eq!(
            e("=5"),
            "'=' alignment not allowed in string format specifier"
        );
        assert_eq!(e("d"), "Unknown format code 'd' for object of type 'str'");
        assert_eq!(
            e("é"),
            "Unknown format code '\\xe9' for object of type 'str'"
        );
        assert_eq!(e("+d"), "Unknown format code 'd' for object of type 'str'");
    }

    #[test]
    fn borrowed_when_unchanged() {
        let f = FormatSpec::parse("3", "str").unwrap();
        assert!(matches!(
            format_str("abc", &f, "str"),
            Ok(Cow::Borrowed("abc"))
        ));
    }
}
