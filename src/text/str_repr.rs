//! `repr()` / `ascii()` of `str` and `repr()` of `bytes`, CPython 3.11 style.
//!
//! Quote choice: single quotes unless the text contains `'` and no `"`.
//! Escapes: `\\`, the chosen quote, `\t`, `\n`, `\r`; other ASCII controls
//! and DEL as `\xNN`; non-ASCII chars that are not printable (per
//! `str.isprintable`) as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.

use super::unicode::is_printable;
use std::fmt::Write as _;

fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

fn push_escaped(out: &mut String, c: char, quote: char, ascii_only: bool) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        _ if c == quote => {
            out.push('\\');
            out.push(c);
        }
        ' '..='~' => out.push(c),
        _ if !c.is_ascii() && !ascii_only && is_printable(c) => out.push(c),
        _ => {
            let cp = c as u32;
            let _ = if cp <= 0xff {
                write!(out, "\\x{cp:02x}")
            } else if cp <= 0xffff {
                write!(out, "\\u{cp:04x}")
            } else {
                write!(out, "\\U{cp:08x}")
            };
        }
    }
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let bytes = s.as_bytes();
    let has_single = bytes.contains(&b'\'');
    let has_double = bytes.contains(&b'"');
    let quote = pick_quote(has_single, has_double);
    // Fast path: printable ASCII with nothing to escape.
    let plain = bytes
        .iter()
        .all(|&b| (b' '..=b'~').contains(&b) && b != b'\\' && b != quote as u8);
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    if plain {
        out.push_str(s);
    } else {
        for c in s.chars() {
            push_escaped(&mut out, c, quote, ascii_only);
        }
    }
    out.push(quote);
    out
}

/// `repr(s)` for a `str`.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// `ascii(s)` for a `str`: like [`str_repr`] but every non-ASCII char is
/// escaped (`\xe9`, `\u20ac`, `\U0001f600`).
pub fn str_ascii_repr(s: &str) -> String {
    repr_impl(s, true)
}

/// `repr(b)` for `bytes`: `b'...'` with `\xNN` for bytes outside 0x20..0x7e.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = pick_quote(b.contains(&b'\''), b.contains(&b'"'));
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote as u8 => {
                out.push('\\');
                out.push(c as char);
            }
            b' '..=b'~' => out.push(c as char),
            _ => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_repr_cases() {
        // Expected values from python3.11 repr().
        assert_eq!(str_repr(""), "''");
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("abc'\""), "'abc\\'\"'");
        assert_eq!(str_repr("say \"hi\""), "'say \"hi\"'");
        assert_eq!(str_repr("\\"), "'\\\\'");
        assert_eq!(str_repr("a\tb\nc\rd"), "'a\\tb\\nc\\rd'");
        assert_eq!(
            str_repr("\x00\x7f\u{80}\u{ad}\u{2028}\u{1f600}\u{e0001} é"),
            "'\\x00\\x7f\\x80\\xad\\u2028\u{1f600}\\U000e0001 é'"
        );
        assert_eq!(str_repr("\u{378}"), "'\\u0378'");
        assert_eq!(str_repr("\u{10ffff}"), "'\\U0010ffff'");
        assert_eq!(str_repr("\u{a0}"), "'\\xa0'");
        assert_eq!(str_repr("日本"), "'日本'");
    }

    #[test]
    fn ascii_repr_cases() {
        // python3.11 ascii()
        assert_eq!(str_ascii_repr("é"), "'\\xe9'");
        assert_eq!(str_ascii_repr("€\u{1f600}"), "'\\u20ac\\U0001f600'");
        assert_eq!(str_ascii_repr("it's\n"), "\"it's\\n\"");
    }

    #[test]
    fn bytes_repr_cases() {
        assert_eq!(bytes_repr(b""), "b''");
        assert_eq!(
            bytes_repr(b"it's\x00\x7f\xff\""),
            "b'it\\'s\\x00\\x7f\\xff\"'"
        );
        assert_eq!(bytes_repr(b"'"), "b\"'\"");
        assert_eq!(bytes_repr(b"a\\b\t\n\r"), "b'a\\\\b\\t\\n\\r'");
    }
}
