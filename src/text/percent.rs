//! printf-style `str % args` (CPython's `PyUnicode_Format`).
//!
//! The formatter drives argument access through [`PercentArgs`], which the
//! interpreter implements over its objects; the argument bookkeeping
//! (tuple vs single object vs mapping, and CPython's quirks such as
//! `'%(a)s %s' % {'a': 1}` failing) lives here, as do all messages.
//!
//! Supported: flags `-+ 0#`, width and precision (digits or `*`), the
//! ignored length modifiers `h l L`, mapping keys `%(name)s` (nested
//! parentheses allowed), `%%`, conversions `d i u o x X e E f F g G c r s a`.

use super::float_fmt::{write_float, FloatFormat, FloatStyle};
use super::format_number::char_from_int;
use super::{TextError, MAX_RESULT_LEN};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// A converted argument, as produced by [`PercentArgs::convert`].
#[derive(Clone, Debug, PartialEq)]
pub enum PercentArg {
    Int(BigInt),
    Float(f64),
    Str(String),
    /// The object is not acceptable for the conversion; carries its type
    /// name (`type(obj).__name__`) so the formatter can word the TypeError.
    Wrong(String),
}

/// Argument access for [`percent_format`], implemented by the interpreter.
pub trait PercentArgs {
    /// Handle to a Python object (e.g. a refcounted pointer).
    type Obj;

    /// `Some(n)` when the right operand is a tuple of `n` items, `None` when
    /// it is a single object (which is then the one positional argument).
    fn tuple_len(&self) -> Option<usize>;

    /// Tuple item `i`, or the right operand itself for `None`.
    fn item(&mut self, index: Option<usize>) -> Self::Obj;

    /// Whether `%(key)` lookups are allowed: CPython's
    /// `PyMapping_Check(v) && !PyTuple_Check(v) && !PyUnicode_Check(v)`,
    /// i.e. true for any non-tuple, non-str object with `__getitem__`
    /// (lists too: `'hello' % []` is `'hello'`).
    fn is_mapping(&self) -> bool;

    /// `operand[key]`; errors (such as `KeyError('b')`) are the caller's.
    fn lookup(&mut self, key: &str) -> Result<Self::Obj, TextError>;

    /// Converts `obj` for conversion `conv`:
    /// * `s` -> `Str(str(obj))`, `r` -> `Str(repr(obj))`, `a` -> `Str(ascii(obj))`.
    /// * `d i u` -> `Int`: an int (bool included) as is; otherwise if the
    ///   object is a number (has `__index__`, `__int__` or `__float__`),
    ///   `Int(int(obj))` (so `'%d' % 3.7 == '3'`; errors other than
    ///   TypeError propagate); else `Wrong(type_name)`.
    /// * `o x X` -> `Int`: an int as is; otherwise a number with `__index__`
    ///   gives `Int(operator.index(obj))`; else `Wrong(type_name)`.
    /// * `e E f F g G` -> `Float(float(obj))` via `__float__`/`__index__`
    ///   (int overflow errors propagate), else `Wrong(type_name)`.
    /// * `c` -> `Int` for an int, `Str` for a str, else `Wrong(type_name)`.
    /// * `*` (a `*` width or precision) -> `Int` if the object is an int
    ///   (bool included, no `__index__`), else `Wrong(type_name)`.
    fn convert(&mut self, obj: Self::Obj, conv: char) -> Result<PercentArg, TextError>;
}

/// Where positional arguments currently come from (CPython's
/// `args`/`arglen`/`argidx` triple).
enum Source<O> {
    Tuple {
        len: usize,
        idx: usize,
    },
    Single {
        used: bool,
    },
    /// After a `%(key)`: the looked-up value, usable once.
    Item(Option<O>),
}

fn not_enough() -> TextError {
    TextError::type_error("not enough arguments for format string")
}

fn next_obj<A: PercentArgs + ?Sized>(
    src: &mut Source<A::Obj>,
    args: &mut A,
) -> Result<A::Obj, TextError> {
    match src {
        Source::Tuple { len, idx } => {
            if idx < len {
                let o = args.item(Some(*idx));
                *idx += 1;
                Ok(o)
            } else {
                Err(not_enough())
            }
        }
        Source::Single { used } => {
            if *used {
                Err(not_enough())
            } else {
                *used = true;
                Ok(args.item(None))
            }
        }
        Source::Item(o) => o.take().ok_or_else(not_enough),
    }
}

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// A cursor over the format string that tracks byte position.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }
    fn incomplete(&self) -> TextError {
        TextError::value("incomplete format")
    }
    /// Next char or "incomplete format".
    fn need(&mut self) -> Result<char, TextError> {
        self.bump().ok_or_else(|| self.incomplete())
    }
}

/// Reads a `*` argument as CPython does (`* wants int`).
fn star_arg<A: PercentArgs + ?Sized>(
    src: &mut Source<A::Obj>,
    args: &mut A,
) -> Result<BigInt, TextError> {
    let obj = next_obj(src, args)?;
    match args.convert(obj, '*')? {
        PercentArg::Int(v) => Ok(v),
        _ => Err(TextError::type_error("* wants int")),
    }
}

/// Parses decimal digits after `first`; returns the value and the next char.
fn read_number(
    cur: &mut Cursor,
    first: char,
    too_big: &str,
) -> Result<(usize, Option<char>), TextError> {
    let mut v = first.to_digit(10).unwrap_or(0) as usize;
    loop {
        let c = cur.bump();
        match c.and_then(|c| c.to_digit(10)) {
            Some(d) => {
                v = v
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(d as usize))
                    .filter(|&v| v <= MAX_RESULT_LEN)
                    .ok_or_else(|| TextError::value(too_big))?;
            }
            None => return Ok((v, c)),
        }
    }
}

/// `fmt % args`.
pub fn percent_format<A: PercentArgs + ?Sized>(
    fmt: &str,
    args: &mut A,
) -> Result<String, TextError> {
    let is_dict = args.is_mapping();
    let mut src: Source<A::Obj> = match args.tuple_len() {
        Some(len) => Source::Tuple { len, idx: 0 },
        None => Source::Single { used: false },
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut cur = Cursor { s: fmt, pos: 0 };
    loop {
        let rest = &fmt[cur.pos..];
        let Some(i) = rest.find('%') else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..i]);
        cur.pos += i + 1;
        if cur.peek() == Some('%') {
            cur.pos += 1;
            out.push('%');
            continue;
        }
        format_one(&mut cur, &mut src, args, is_dict, &mut out)?;
    }
    let unused = match &src {
        Source::Tuple { len, idx } => idx < len,
        Source::Single { used } => !used,
        Source::Item(o) => o.is_some(),
    };
    if unused && !is_dict {
        return Err(TextError::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

/// Handles one conversion; `cur` is just past the `%`.
fn format_one<A: PercentArgs + ?Sized>(
    cur: &mut Cursor,
    src: &mut Source<A::Obj>,
    args: &mut A,
    is_dict: bool,
    out: &mut String,
) -> Result<(), TextError> {
    let mut c = cur.need()?;
    if c == '(' {
        if !is_dict {
            return Err(TextError::type_error("format requires a mapping"));
        }
        let key_start = cur.pos;
        let mut depth = 1;
        let mut key_end = None;
        while let Some(k) = cur.bump() {
            match k {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        key_end = Some(cur.pos - 1);
                        break;
                    }
                }
                _ => {}
            }
        }
        let key_end = key_end.ok_or_else(|| TextError::value("incomplete format key"))?;
        let obj = args.lookup(&cur.s[key_start..key_end])?;
        *src = Source::Item(Some(obj));
        c = cur.need()?;
    }
    let mut flags = 0u8;
    loop {
        let f = match c {
            '-' => F_LJUST,
            '+' => F_SIGN,
            ' ' => F_BLANK,
            '#' => F_ALT,
            '0' => F_ZERO,
            _ => break,
        };
        flags |= f;
        c = cur.need()?;
    }
    let mut width: usize = 0;
    if c == '*' {
        let v = star_arg(src, args)?;
        if v.is_negative() {
            flags |= F_LJUST;
        }
        width = v
            .abs()
            .to_usize()
            .filter(|&w| w <= MAX_RESULT_LEN)
            .ok_or_else(|| TextError::value("width too big"))?;
        c = cur.need()?;
    } else if c.is_ascii_digit() {
        let (w, next) = read_number(cur, c, "width too big")?;
        width = w;
        c = next.ok_or_else(|| cur.incomplete())?;
    }
    let mut prec: Option<usize> = None;
    if c == '.' {
        c = cur.need()?;
        if c == '*' {
            let v = star_arg(src, args)?;
            let p = if v.is_negative() {
                0
            } else {
                v.to_usize().unwrap_or(usize::MAX)
            };
            if p > MAX_RESULT_LEN {
                return Err(TextError::value("precision too big"));
            }
            prec = Some(p);
            c = cur.need()?;
        } else if c.is_ascii_digit() {
            let (p, next) = read_number(cur, c, "precision too big")?;
            prec = Some(p);
            c = next.ok_or_else(|| cur.incomplete())?;
        } else {
            prec = Some(0);
        }
    }
    if matches!(c, 'h' | 'l' | 'L') {
        c = cur.need()?;
    }
    let conv_pos = cur.pos - c.len_utf8();
    let obj = next_obj(src, args)?;
    let spec = Spec { flags, width, prec };
    match c {
        's' | 'r' | 'a' => match args.convert(obj, c)? {
            PercentArg::Str(s) => {
                let (body, len) = truncate(&s, prec);
                emit(out, &spec, None, "", body, len, false);
            }
            other => emit_display(out, &spec, &other),
        },
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let v = match args.convert(obj, c)? {
                PercentArg::Int(v) => v,
                PercentArg::Wrong(t) => return Err(int_type_error(c, &t)),
                PercentArg::Str(_) => return Err(int_type_error(c, "str")),
                PercentArg::Float(_) => return Err(int_type_error(c, "float")),
            };
            format_int(out, &spec, c, &v)?;
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match args.convert(obj, c)? {
                PercentArg::Float(x) => x,
                PercentArg::Int(v) => super::format_number::int_to_f64(&v)?,
                PercentArg::Wrong(t) => {
                    return Err(TextError::type_error(format!(
                        "must be real number, not {t}"
                    )))
                }
                PercentArg::Str(_) => {
                    return Err(TextError::type_error("must be real number, not str"))
                }
            };
            format_float(out, &spec, c, x);
        }
        'c' => {
            let ch = match args.convert(obj, c)? {
                PercentArg::Int(v) => char_from_int(&v)?,
                PercentArg::Str(s) => {
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(ch), None) => ch,
                        _ => return Err(TextError::type_error("%c requires int or char")),
                    }
                }
                _ => return Err(TextError::type_error("%c requires int or char")),
            };
            let mut buf = [0u8; 4];
            emit(out, &spec, None, "", ch.encode_utf8(&mut buf), 1, false);
        }
        _ => {
            let index = cur.s[..conv_pos].chars().count();
            let shown = if (' '..='~').contains(&c) { c } else { '?' };
            return Err(TextError::value(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {index}",
                c as u32
            )));
        }
    }
    Ok(())
}

struct Spec {
    flags: u8,
    width: usize,
    prec: Option<usize>,
}

fn int_type_error(conv: char, type_name: &str) -> TextError {
    let what = if matches!(conv, 'o' | 'x' | 'X') {
        "an integer"
    } else {
        "a real number"
    };
    TextError::type_error(format!(
        "%{conv} format: {what} is required, not {type_name}"
    ))
}

/// First `prec` chars of `s` and their count.
fn truncate(s: &str, prec: Option<usize>) -> (&str, usize) {
    if let Some(p) = prec {
        if let Some((i, _)) = s.char_indices().nth(p) {
            return (&s[..i], p);
        }
    }
    let len = if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    };
    (s, len)
}

/// Fallback for a caller returning a non-`Str` for `s`/`r`/`a`.
fn emit_display(out: &mut String, spec: &Spec, arg: &PercentArg) {
    let s = match arg {
        PercentArg::Int(v) => v.to_string(),
        PercentArg::Float(x) => super::float_repr::float_repr(*x),
        PercentArg::Str(s) | PercentArg::Wrong(s) => s.clone(),
    };
    let (body, len) = truncate(&s, spec.prec);
    emit(out, spec, None, "", body, len, false);
}

/// CPython's `unicode_format_arg_output`: sign, alternate prefix, padding.
/// `numeric` enables the `0` flag.
fn emit(
    out: &mut String,
    spec: &Spec,
    sign: Option<char>,
    prefix: &str,
    body: &str,
    len: usize,
    numeric: bool,
) {
    let total = sign.is_some() as usize + prefix.len() + len;
    let pad = spec.width.saturating_sub(total);
    let ljust = spec.flags & F_LJUST != 0;
    let zero = numeric && spec.flags & F_ZERO != 0 && !ljust;
    if pad > 0 && !ljust && !zero {
        out.extend(std::iter::repeat_n(' ', pad));
    }
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(prefix);
    if pad > 0 && zero {
        out.extend(std::iter::repeat_n('0', pad));
    }
    out.push_str(body);
    if pad > 0 && ljust {
        out.extend(std::iter::repeat_n(' ', pad));
    }
}

fn sign_for(neg: bool, flags: u8) -> Option<char> {
    if neg {
        Some('-')
    } else if flags & F_SIGN != 0 {
        Some('+')
    } else if flags & F_BLANK != 0 {
        Some(' ')
    } else {
        None
    }
}

fn format_int(out: &mut String, spec: &Spec, conv: char, v: &BigInt) -> Result<(), TextError> {
    let (radix, prefix) = match conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let prefix = if spec.flags & F_ALT != 0 { prefix } else { "" };
    let mut digits = super::int_parse::int_digits_limited(v, radix)?;
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = spec.prec {
        if p > digits.len() {
            digits.insert_str(0, &"0".repeat(p - digits.len()));
        }
    }
    let sign = sign_for(v.is_negative(), spec.flags);
    emit(out, spec, sign, prefix, &digits, digits.len(), true);
    Ok(())
}

fn format_float(out: &mut String, spec: &Spec, conv: char, x: f64) {
    let style = match conv {
        'e' | 'E' => FloatStyle::Exp,
        'f' | 'F' => FloatStyle::Fixed,
        _ => FloatStyle::General,
    };
    let mut f = FloatFormat::new(style, spec.prec.unwrap_or(6));
    f.upper = conv.is_ascii_uppercase();
    f.alternate = spec.flags & F_ALT != 0;
    let mut body = String::with_capacity(24);
    let neg = write_float(&mut body, x, &f);
    let sign = sign_for(neg, spec.flags);
    emit(out, spec, sign, "", &body, body.len(), true);
}

#[cfg(test)]
#[path = "percent_tests.rs"]
mod tests;
