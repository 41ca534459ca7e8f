//! Splitting `str`: `split rsplit splitlines partition rpartition`, with
//! CPython 3.11 semantics.  Results borrow from the input; a single piece
//! equal to the whole input corresponds to CPython returning the original
//! object inside the list/tuple.

use super::unicode::{is_linebreak, is_space};
use super::TextError;

fn empty_separator() -> TextError {
    TextError::value("empty separator")
}

/// Python's maxsplit (negative = unlimited) as a count of splits.
fn max_splits(maxsplit: i64) -> usize {
    if maxsplit < 0 {
        usize::MAX
    } else {
        usize::try_from(maxsplit).unwrap_or(usize::MAX)
    }
}

#[inline]
fn space_at(s: &str, i: usize) -> Option<(char, bool)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some((b as char, matches!(b, b'\t'..=b'\r' | 0x1c..=b' ')))
    } else {
        let c = s[i..].chars().next()?;
        Some((c, is_space(c)))
    }
}

/// `s.split(sep, maxsplit)`.  With `sep == None` splits on runs of Python
/// whitespace and drops empty pieces (`' a  b '.split() == ['a', 'b']`);
/// otherwise splits on every `sep` (`'a,,b'.split(',') == ['a', '', 'b']`).
/// `ValueError: empty separator` for `Some("")`.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, TextError> {
    let max = max_splits(maxsplit);
    match sep {
        Some("") => Err(empty_separator()),
        Some(sep) => Ok(s.splitn(max.saturating_add(1), sep).collect()),
        None => Ok(split_whitespace(s, max)),
    }
}

fn split_whitespace(s: &str, mut max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let n = s.len();
    let mut i = 0;
    while max > 0 {
        // Skip whitespace.
        while let Some((c, true)) = space_at(s, i) {
            i += c.len_utf8();
        }
        if i >= n {
            return out;
        }
        let j = i;
        while let Some((c, false)) = space_at(s, i) {
            i += c.len_utf8();
        }
        out.push(&s[j..i]);
        max -= 1;
    }
    while let Some((c, true)) = space_at(s, i) {
        i += c.len_utf8();
    }
    if i < n {
        out.push(&s[i..]);
    }
    out
}

/// `s.rsplit(sep, maxsplit)`: like [`split`] but splitting from the right
/// (`' a b c '.rsplit(None, 1) == [' a b', 'c']`).
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, TextError> {
    let max = max_splits(maxsplit);
    let mut v: Vec<&str> = match sep {
        Some("") => return Err(empty_separator()),
        Some(sep) => s.rsplitn(max.saturating_add(1), sep).collect(),
        None => rsplit_whitespace(s, max),
    };
    v.reverse();
    Ok(v)
}

/// Pieces in reverse order.
fn rsplit_whitespace(s: &str, mut max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut i = s.len();
    let back = |i: usize| -> Option<(char, bool)> {
        let c = s[..i].chars().next_back()?;
        Some((c, is_space(c)))
    };
    while max > 0 {
        while let Some((c, true)) = back(i) {
            i -= c.len_utf8();
        }
        if i == 0 {
            return out;
        }
        let j = i;
        while let Some((c, false)) = back(i) {
            i -= c.len_utf8();
        }
        out.push(&s[i..j]);
        max -= 1;
    }
    while let Some((c, true)) = back(i) {
        i -= c.len_utf8();
    }
    if i > 0 {
        out.push(&s[..i]);
    }
    out
}

/// `s.splitlines(keepends)`: splits at `\n \r \r\n \v \f \x1c \x1d \x1e
/// \x85 \u2028 \u2029`; no trailing empty piece.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, w) = if b < 0x80 {
            (b as char, 1)
        } else {
            let c = s[i..].chars().next().unwrap_or('\0');
            (c, c.len_utf8())
        };
        if is_linebreak(c) {
            let mut eol = i + w;
            if c == '\r' && bytes.get(eol) == Some(&b'\n') {
                eol += 1;
            }
            out.push(&s[start..if keepends { eol } else { i }]);
            start = eol;
            i = eol;
        } else {
            i += w;
        }
    }
    if start < bytes.len() {
        out.push(&s[start..]);
    }
    out
}

/// `s.partition(sep)`: `Some((head, tail))` around the first `sep`, or
/// `None` when absent (Python then returns `(s, '', '')`).
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<Option<(&'a str, &'a str)>, TextError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(s.find(sep).map(|i| (&s[..i], &s[i + sep.len()..])))
}

/// `s.rpartition(sep)`: around the last `sep`, or `None` when absent
/// (Python then returns `('', '', s)`).
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Result<Option<(&'a str, &'a str)>, TextError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(s.rfind(sep).map(|i| (&s[..i], &s[i + sep.len()..])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_cases() {
        // Expected values from python3.11.
        let sp = |s, sep, m| split(s, sep, m).unwrap();
        assert_eq!(sp(" a  b ", None, -1), ["a", "b"]);
        assert_eq!(sp("a,,b", Some(","), -1), ["a", "", "b"]);
        assert!(sp("", None, -1).is_empty());
        assert_eq!(sp("", Some(","), -1), [""]);
        assert!(sp("  ", None, -1).is_empty());
        assert_eq!(sp("  a b  c  ", None, 1), ["a", "b  c  "]);
        assert_eq!(sp("a\x1cb\u{85}c\u{2028}d", None, -1), ["a", "b", "c", "d"]);
        assert_eq!(sp("a b", None, 0), ["a b"]);
        assert_eq!(sp("  a b", None, 0), ["a b"]);
        assert_eq!(sp("a,b", Some(","), 0), ["a,b"]);
        assert_eq!(sp("a,b,c", Some(","), 1), ["a", "b,c"]);
        assert_eq!(sp("aaa", Some("aa"), -1), ["", "a"]);
        assert_eq!(sp("a\u{a0}é\u{3000}b", None, -1), ["a", "é", "b"]);
        assert_eq!(sp("a\u{200b}b", None, -1), ["a\u{200b}b"]);
        assert_eq!(sp("x", None, i64::MAX), ["x"]);
        assert_eq!(split("a", Some(""), -1).unwrap_err().msg, "empty separator");
    }

    #[test]
    fn rsplit_cases() {
        let rs = |s, sep, m| rsplit(s, sep, m).unwrap();
        assert_eq!(rs(" a b c ", None, 1), [" a b", "c"]);
        assert_eq!(rs("a,b,c", Some(","), 1), ["a,b", "c"]);
        assert_eq!(rs("  a b  ", None, 0), ["  a b"]);
        assert_eq!(rs(" a  b ", None, -1), ["a", "b"]);
        assert_eq!(rs("aaa", Some("aa"), -1), ["a", ""]);
        assert_eq!(rs("é é", None, -1), ["é", "é"]);
        assert!(rs("   ", None, -1).is_empty());
        assert_eq!(
            rsplit("a", Some(""), -1).unwrap_err().msg,
            "empty separator"
        );
    }

    #[test]
    fn splitlines_cases() {
        let all = "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\u{85}j\u{2028}k\u{2029}l";
        assert_eq!(
            splitlines(all, false),
            ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"]
        );
        assert_eq!(splitlines("a\nb\r\n", true), ["a\n", "b\r\n"]);
        assert!(splitlines("", false).is_empty());
        assert_eq!(splitlines("\n", false), [""]);
        assert_eq!(splitlines("a\n\n", false), ["a", ""]);
        assert_eq!(splitlines("a\r\rb", true), ["a\r", "\r", "b"]);
        assert_eq!(splitlines("x\x1f", false), ["x\x1f"]);
    }

    #[test]
    fn partition_cases() {
        assert_eq!(partition("a,b,c", ","), Ok(Some(("a", "b,c"))));
        assert_eq!(partition("abc", ","), Ok(None));
        assert_eq!(rpartition("a,b,c", ","), Ok(Some(("a,b", "c"))));
        assert_eq!(rpartition("abc", ","), Ok(None));
        assert_eq!(partition("abc", "").unwrap_err().msg, "empty separator");
        assert_eq!(rpartition("abc", "").unwrap_err().msg, "empty separator");
    }
}
