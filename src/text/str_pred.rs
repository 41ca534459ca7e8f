//! `str` predicates: `isdigit isdecimal isnumeric isalpha isalnum isspace
//! isupper islower istitle isidentifier isascii isprintable`, CPython 3.11
//! semantics (Unicode 14 tables generated from CPython, see `unicode.rs`).
//! All except `isascii`/`isprintable` are false for the empty string.

use super::str_case::is_upper_or_title;
use super::unicode::{
    is_alnum, is_alpha, is_decimal, is_digit, is_lower, is_numeric, is_printable, is_space,
    is_titlecase, is_upper, is_xid_continue, is_xid_start,
};

fn all_nonempty(s: &str, ascii: impl Fn(u8) -> bool, uni: impl Fn(char) -> bool) -> bool {
    if s.is_empty() {
        return false;
    }
    if s.is_ascii() {
        s.bytes().all(ascii)
    } else {
        s.chars().all(uni)
    }
}

/// `s.isdecimal()` (category Nd).
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, |b| b.is_ascii_digit(), is_decimal)
}

/// `s.isdigit()` (Nd plus digits like `'²'`).
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, |b| b.is_ascii_digit(), is_digit)
}

/// `s.isnumeric()` (any numeric char, e.g. `'½'`, `'一'`).
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, |b| b.is_ascii_digit(), is_numeric)
}

/// `s.isalpha()` (categories L*).
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, |b| b.is_ascii_alphabetic(), is_alpha)
}

/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, |b| b.is_ascii_alphanumeric(), is_alnum)
}

/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, |b| matches!(b, b'\t'..=b'\r' | 0x1c..=b' '), is_space)
}

/// `s.isascii()` (true for `''`).
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.isprintable()` (true for `''`).
pub fn isprintable(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes().all(|b| (b' '..=b'~').contains(&b))
    } else {
        s.chars().all(is_printable)
    }
}

/// `s.islower()`: has a cased char and no uppercase or titlecase char.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper_or_title(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}

/// `s.isupper()`: has a cased char and no lowercase or titlecase char.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_titlecase(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}

/// `s.istitle()`: uppercase/titlecase chars only after uncased chars,
/// lowercase only after cased ones, and at least one cased char.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if is_upper_or_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// `s.isidentifier()`: XID_Start or `_`, then XID_Continue chars.
/// (Keywords are identifiers too; `keyword.iskeyword` is separate.)
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if is_xid_start(c) => it.all(is_xid_continue),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_kinds() {
        // Expected values from python3.11.
        assert!(isdigit("²") && !isdecimal("²") && isnumeric("²"));
        assert!(isnumeric("一") && isnumeric("½") && !isdigit("½"));
        assert!(!isdigit("") && !isdecimal("") && !isnumeric(""));
        assert!(isdecimal("١٢٣") && isdecimal("0123"));
        assert!(!isdecimal("12a") && !isdecimal("-1"));
        assert!(isnumeric("Ⅻ") && !isalpha("Ⅻ"));
    }

    #[test]
    fn alpha_alnum_space() {
        assert!(isalpha("abcé") && !isalpha("ab1") && !isalpha(""));
        assert!(!isalpha("\u{345}"));
        assert!(isalnum("abc123") && isalnum("é٣½") && !isalnum("a b"));
        assert!(isspace(" \t\n\x1c\u{a0}\u{3000}") && !isspace("") && !isspace("\u{200b}"));
        assert!(isascii("") && isascii("abc\x7f") && !isascii("é"));
        assert!(isprintable("") && isprintable("abc é") && !isprintable("\x7f"));
        assert!(!isprintable("a\u{a0}") && !isprintable("\u{ad}") && !isprintable("\n"));
    }

    #[test]
    fn casing() {
        assert!(islower("ʰ") && islower("a1") && !islower("1") && !islower(""));
        assert!(!islower("aǅ") && !islower("aB"));
        assert!(isupper("ABC1") && !isupper("ǅ") && !isupper("Ab") && !isupper("1"));
        assert!(istitle("ǅ") && istitle("Hello World") && !istitle("Hello world"));
        assert!(!istitle("HELLO") && istitle("1A") && !istitle("A1a") && !istitle(""));
        assert!(istitle("Ǆa") && istitle("ǅa Ab") && !istitle("ǅA"));
    }

    #[test]
    fn identifiers() {
        assert!(isidentifier("_a1") && !isidentifier("1a") && !isidentifier(""));
        assert!(isidentifier("℘") && isidentifier("a·") && !isidentifier("·"));
        assert!(isidentifier("café") && isidentifier("变量") && !isidentifier("a-b"));
        assert!(isidentifier("if") && !isidentifier("a b"));
    }
}
