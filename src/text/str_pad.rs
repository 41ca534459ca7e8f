//! Trimming and padding `str`: `strip lstrip rstrip center ljust rjust
//! zfill expandtabs`, CPython 3.11 semantics.  Widths are Python ints
//! clamped to `i64` by the caller and measured in chars.  Results that
//! CPython returns unchanged are borrowed (`&str` equal to the input, or
//! `Cow::Borrowed`).

use super::unicode::is_space;
use super::{TextError, MAX_RESULT_LEN};
use std::borrow::Cow;

#[inline]
fn strip_pred(chars: Option<&str>) -> impl Fn(char) -> bool + '_ {
    move |c: char| match chars {
        None => is_space(c),
        Some(set) => {
            if set.len() == 1 {
                set.as_bytes()[0] as char == c
            } else {
                set.chars().any(|x| x == c)
            }
        }
    }
}

/// `s.strip(chars)`: `None` strips Python whitespace, `Some(set)` strips
/// any char in `set` (`'abcba'.strip('ab') == 'c'`).
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_matches(strip_pred(chars))
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_start_matches(strip_pred(chars))
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_end_matches(strip_pred(chars))
}

fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

fn pad<'a>(s: &'a str, left: usize, right: usize, fill: char) -> Result<Cow<'a, str>, TextError> {
    if left == 0 && right == 0 {
        return Ok(Cow::Borrowed(s));
    }
    if left + right > MAX_RESULT_LEN {
        return Err(TextError::overflow("padded string is too long"));
    }
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Cow::Owned(out))
}

/// Padding needed to reach `width`, or `None` if `s` is already wide enough.
fn margin(s: &str, width: i64) -> Option<usize> {
    let width = usize::try_from(width).ok()?;
    // Cheap check first: char count <= byte length.
    if width <= s.len() {
        let len = char_len(s);
        if width <= len {
            return None;
        }
        return Some(width - len);
    }
    Some(width - char_len(s))
}

/// `s.center(width, fillchar)` (CPython puts the odd char on the left when
/// both the margin and width are odd: `'ab'.center(5) == '  ab '`).
pub fn center(s: &str, width: i64, fill: char) -> Result<Cow<'_, str>, TextError> {
    let Some(marg) = margin(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    let left = marg / 2 + (marg & (width as usize) & 1);
    pad(s, left, marg - left, fill)
}

/// `s.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: i64, fill: char) -> Result<Cow<'_, str>, TextError> {
    match margin(s, width) {
        None => Ok(Cow::Borrowed(s)),
        Some(m) => pad(s, 0, m, fill),
    }
}

/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: i64, fill: char) -> Result<Cow<'_, str>, TextError> {
    match margin(s, width) {
        None => Ok(Cow::Borrowed(s)),
        Some(m) => pad(s, m, 0, fill),
    }
}

/// `s.zfill(width)`: left-pad with zeros after a leading `+`/`-`.
pub fn zfill(s: &str, width: i64) -> Result<Cow<'_, str>, TextError> {
    let Some(m) = margin(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    let mut out = pad(s, m, 0, '0')?.into_owned();
    if matches!(s.as_bytes().first(), Some(b'+' | b'-')) {
        // Move the sign in front of the zeros.
        let sign = out.remove(m);
        out.insert(0, sign);
    }
    Ok(Cow::Owned(out))
}

/// `s.expandtabs(tabsize)`: tabs become spaces up to the next multiple of
/// `tabsize` (columns reset after `\n` and `\r`); `tabsize <= 0` removes
/// tabs.  `OverflowError: new string is too long` beyond [`MAX_RESULT_LEN`].
pub fn expandtabs(s: &str, tabsize: i64) -> Result<Cow<'_, str>, TextError> {
    if !s.contains('\t') {
        return Ok(Cow::Borrowed(s));
    }
    let tab = usize::try_from(tabsize).unwrap_or(0);
    // First pass: the size, to check the bound before allocating.
    let mut col: usize = 0;
    let mut total: usize = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let incr = tab - col % tab;
                    col += incr;
                    total += incr;
                }
            }
            '\n' | '\r' => {
                col = 0;
                total += 1;
            }
            _ => {
                col += 1;
                total += 1;
            }
        }
        if total > MAX_RESULT_LEN || col > MAX_RESULT_LEN {
            return Err(TextError::overflow("new string is too long"));
        }
    }
    let mut out = String::with_capacity(s.len() + total - char_len(s).min(total));
    col = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let incr = tab - col % tab;
                    col += incr;
                    out.extend(std::iter::repeat_n(' ', incr));
                }
            }
            '\n' | '\r' => {
                col = 0;
                out.push(c);
            }
            _ => {
                col += 1;
                out.push(c);
            }
        }
    }
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripping() {
        // Expected values from python3.11.
        assert_eq!(strip(" \t a \x1c", None), "a");
        assert_eq!(strip("xxaxx", Some("x")), "a");
        assert_eq!(strip("abc", Some("")), "abc");
        assert_eq!(strip("abcba", Some("ab")), "c");
        assert_eq!(lstrip("  a", None), "a");
        assert_eq!(rstrip("a  ", None), "a");
        assert_eq!(lstrip("  a  ", None), "a  ");
        assert_eq!(rstrip("  a  ", None), "  a");
        assert_eq!(strip("\u{200b} a", None), "\u{200b} a");
        assert_eq!(strip("\u{180e} a", None), "\u{180e} a");
        assert_eq!(strip("\u{3000}é\u{a0}", None), "é");
        assert_eq!(strip("éaé", Some("é")), "a");
        assert_eq!(strip("", None), "");
    }

    #[test]
    fn padding() {
        let c = |s, w, f| center(s, w, f).unwrap().into_owned();
        assert_eq!(c("abc", 6, ' '), " abc  ");
        assert_eq!(c("abc", 6, '*'), "*abc**");
        assert_eq!(c("ab", 5, ' '), "  ab ");
        assert_eq!(c("abc", 2, ' '), "abc");
        assert_eq!(c("a", 4, ' '), " a  ");
        assert_eq!(c("ab", 5, 'é'), "ééabé");
        assert_eq!(c("é", 3, '-'), "-é-");
        assert_eq!(ljust("abc", 5, '-').unwrap(), "abc--");
        assert_eq!(rjust("abc", 5, ' ').unwrap(), "  abc");
        assert_eq!(rjust("abc", -5, ' ').unwrap(), "abc");
        assert_eq!(ljust("日本", 3, '.').unwrap(), "日本.");
        assert!(matches!(ljust("abc", 3, ' '), Ok(Cow::Borrowed(_))));
        assert_eq!(
            ljust("a", 10_000_000_000, ' ').unwrap_err().msg,
            "padded string is too long"
        );
    }

    #[test]
    fn zero_fill() {
        let z = |s, w| zfill(s, w).unwrap().into_owned();
        assert_eq!(z("42", 5), "00042");
        assert_eq!(z("-42", 5), "-0042");
        assert_eq!(z("+42", 5), "+0042");
        assert_eq!(z("", 3), "000");
        assert_eq!(z("-", 3), "-00");
        assert_eq!(z("abc", 2), "abc");
        assert_eq!(z("é", 3), "00é");
    }

    #[test]
    fn tabs() {
        let e = |s, t| expandtabs(s, t).unwrap().into_owned();
        assert_eq!(e("a\tb\tc", 8), "a       b       c");
        assert_eq!(e("a\tb", 4), "a   b");
        assert_eq!(e("ab\ncd\te", 4), "ab\ncd  e");
        assert_eq!(e("a\tb", 0), "ab");
        assert_eq!(e("a\tb", -1), "ab");
        assert_eq!(e("a\r\tb", 4), "a\r    b");
        assert_eq!(e("é\tb", 4), "é   b");
        assert_eq!(e("\t", 3), "   ");
        assert!(matches!(expandtabs("abc", 8), Ok(Cow::Borrowed("abc"))));
        assert_eq!(
            expandtabs("\t\t", 1_000_000_000).unwrap_err().msg,
            "new string is too long"
        );
    }
}
