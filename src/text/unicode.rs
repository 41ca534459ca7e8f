//! Per-character Unicode properties with CPython 3.11 semantics.
//!
//! Properties Rust's std does not expose (general categories, numeric types,
//! XID, Case_Ignorable, titlecase/casefold mappings) come from tables
//! generated from CPython 3.11 itself (`gen_unicode_tables.py`, Unicode
//! 14.0.0).  Lowercase/Uppercase and the lower/upper mappings come from Rust's
//! std, which follows a newer Unicode version; they are filtered so that
//! characters unassigned in Unicode 14, and the few Unicode 14 characters
//! whose case data changed later, behave as in CPython 3.11 (verified
//! against python3.11 for every code point with the Rust 1.95 toolchain).

use super::unicode_tables_case::{
    CASEFOLD_EXCEPTIONS, CASE_IGNORABLE, TITLE_EXCEPTIONS, XID_CONTINUE, XID_START,
};
use super::unicode_tables_props::{
    ALPHA, ASSIGNED_NONPRINTABLE, DECIMAL, DIGIT, NUMERIC, PRINTABLE,
};
use std::cmp::Ordering;

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                Ordering::Less
            } else if lo > c {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

fn lookup_map(table: &'static [(char, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by(|&(k, _)| k.cmp(&c))
        .ok()
        .map(|i| table[i].1)
}

/// Python's `str.isspace` for one char (`Py_UNICODE_ISSPACE`): bidi classes
/// WS/B/S plus category Zs.  Also the separator set of `split()`/`strip()`.
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\t'..='\r' | '\x1c'..=' ')
    } else {
        matches!(
            c,
            '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'
                ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
        )
    }
}

/// Line boundaries recognised by `str.splitlines`.
#[inline]
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `str.isprintable` for one char: false for categories Cc Cf Cs Co Cn Zl Zp
/// and Zs other than the ASCII space.
#[inline]
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        (' '..='~').contains(&c)
    } else {
        in_table(PRINTABLE, c)
    }
}

/// `str.isalpha` for one char: categories Lu Ll Lt Lm Lo.
#[inline]
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(ALPHA, c)
    }
}

/// `str.isdecimal` for one char (category Nd).
#[inline]
pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// The value of a decimal digit (category Nd), e.g. `'٣'` -> 3; used by
/// `int()`/`float()` which accept any Unicode decimal digits.
#[inline]
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let cp = c as u32;
    let i = DECIMAL
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                Ordering::Less
            } else if lo > cp {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .ok()?;
    Some((cp - DECIMAL[i].0) % 10)
}

/// `str.isdigit` for one char (Numeric_Type Decimal or Digit, e.g. `'²'`).
#[inline]
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(DIGIT, c)
    }
}

/// `str.isnumeric` for one char (any Numeric_Type, e.g. `'½'`, `'一'`).
#[inline]
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(NUMERIC, c)
    }
}

/// `str.isalnum` for one char: alpha, decimal, digit or numeric.
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_alpha(c) || is_numeric(c)
    }
}

/// XID_Start or `_`: a valid first identifier character.
#[inline]
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic() || c == '_'
    } else {
        in_table(XID_START, c)
    }
}

/// XID_Continue: a valid non-first identifier character.
#[inline]
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_table(XID_CONTINUE, c)
    }
}

/// Category Lt (titlecase letters such as `'ǅ'`).
#[inline]
pub fn is_titlecase(c: char) -> bool {
    matches!(
        c,
        '\u{1c5}'
            | '\u{1c8}'
            | '\u{1cb}'
            | '\u{1f2}'
            | '\u{1f88}'..='\u{1f8f}'
            | '\u{1f98}'..='\u{1f9f}'
            | '\u{1fa8}'..='\u{1faf}'
            | '\u{1fbc}'
            | '\u{1fcc}'
            | '\u{1ffc}'
    )
}

/// Whether CPython 3.11's Unicode 14 database knows `c`.
#[inline]
fn assigned_in_14(c: char) -> bool {
    let cp = c as u32;
    // Latin, IPA, combining marks and Cyrillic are fully assigned.
    cp < 0x370
        || (0x400..0x530).contains(&cp)
        || is_printable(c)
        || in_table(ASSIGNED_NONPRINTABLE, c)
}

/// Unicode 14 lowercase letters that only got an uppercase mapping later.
fn upper_mapping_added_later(c: char) -> bool {
    matches!(c, '\u{19b}' | '\u{264}' | '\u{a7d3}' | '\u{a7d5}')
}

/// Unicode 14 characters whose Lowercase property changed later:
/// `Some(cpython_value)` for those, `None` otherwise.
fn lowercase_changed_later(c: char) -> Option<bool> {
    match c {
        '\u{295}' => Some(true), // became Lo in Unicode 16
        '\u{10fc}' | '\u{a7f2}'..='\u{a7f4}' | '\u{ab69}' => Some(false), // Other_Lowercase later
        _ => None,
    }
}

/// `Py_UNICODE_ISLOWER` (the Lowercase property).
#[inline]
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else if let Some(v) = lowercase_changed_later(c) {
        v
    } else {
        c.is_lowercase() && assigned_in_14(c)
    }
}

/// `Py_UNICODE_ISUPPER` (the Uppercase property).
#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        c.is_uppercase() && assigned_in_14(c)
    }
}

/// Full uppercase mapping of one char, appended to `out`.
#[inline]
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        let up = c.to_uppercase();
        // Only consult the (slower) database filter for mapped chars.
        if up.clone().eq(std::iter::once(c)) || !assigned_in_14(c) || upper_mapping_added_later(c) {
            out.push(c);
        } else {
            out.extend(up);
        }
    }
}

/// Full lowercase mapping of one char (no final-sigma context).
#[inline]
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        let low = c.to_lowercase();
        if low.clone().eq(std::iter::once(c)) || !assigned_in_14(c) {
            out.push(c);
        } else {
            out.extend(low);
        }
    }
}

/// The Cased property: Lowercase, Uppercase or Lt.
#[inline]
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        is_lower(c) || is_upper(c) || is_titlecase(c)
    }
}

/// Case_Ignorable (used for the Final_Sigma rule).
#[inline]
pub fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\'' | '.' | ':' | '^' | '`')
    } else {
        in_table(CASE_IGNORABLE, c)
    }
}

/// Full titlecase mapping of one char, appended to `out`.
pub fn push_title(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if let Some(s) = lookup_map(TITLE_EXCEPTIONS, c) {
        out.push_str(s);
    } else {
        push_upper(out, c);
    }
}

/// Full case folding of one char, appended to `out`.
pub fn push_casefold(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(s) = lookup_map(CASEFOLD_EXCEPTIONS, c) {
        out.push_str(s);
    } else {
        push_lower(out, c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted() {
        use super::super::unicode_tables_case as c;
        use super::super::unicode_tables_props as p;
        for t in [
            p::PRINTABLE,
            p::ALPHA,
            p::DECIMAL,
            p::DIGIT,
            p::NUMERIC,
            c::XID_START,
            c::XID_CONTINUE,
            c::CASE_IGNORABLE,
        ] {
            for w in t.windows(2) {
                assert!(w[0].0 <= w[0].1 && w[0].1 < w[1].0);
            }
        }
        for t in [c::TITLE_EXCEPTIONS, c::CASEFOLD_EXCEPTIONS] {
            for w in t.windows(2) {
                assert!(w[0].0 < w[1].0);
            }
        }
    }

    #[test]
    fn properties() {
        // Expected values from python3.11.
        assert!(is_space('\x1c') && is_space('\u{a0}') && !is_space('\u{200b}'));
        assert!(!is_space('\u{180e}'));
        assert!(is_printable(' ') && !is_printable('\x7f') && !is_printable('\u{a0}'));
        assert!(!is_printable('\u{ad}') && !is_printable('\u{2028}') && !is_printable('\u{378}'));
        assert!(is_printable('é') && is_printable('\u{1f600}') && !is_printable('\u{e0001}'));
        assert!(is_digit('²') && !is_decimal('²') && is_numeric('²'));
        assert!(is_numeric('一') && is_numeric('½') && !is_digit('½'));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('\u{1d7ce}'), Some(0));
        assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
        assert_eq!(decimal_value('x'), None);
        assert!(!is_alpha('Ⅻ') && is_numeric('Ⅻ') && !is_alpha('\u{345}'));
        assert!(is_alpha('é') && is_alnum('٣') && !is_alnum('-'));
        assert!(is_xid_start('℘') && !is_xid_start('·') && is_xid_continue('·'));
        assert!(is_titlecase('ǅ') && !is_upper('ǅ') && is_cased('ǅ'));
        assert!(is_lower('ʰ') && is_case_ignorable('ʰ') && is_case_ignorable('\''));
        assert!(is_linebreak('\u{85}') && !is_linebreak('\x1f'));
    }

    #[test]
    fn case_data_is_cpython_311() {
        // Newer Unicode versions than CPython 3.11's 14.0 changed these.
        let mut s = String::new();
        for c in ['ƛ', 'ɤ', '\u{a7d3}', '\u{a7d5}', '\u{a7cb}', '\u{1c89}'] {
            push_upper(&mut s, c);
            push_lower(&mut s, c);
        }
        assert_eq!(
            s,
            "ƛƛɤɤ\u{a7d3}\u{a7d3}\u{a7d5}\u{a7d5}\u{a7cb}\u{a7cb}\u{1c89}\u{1c89}"
        );
        assert!(is_lower('ƛ') && is_lower('\u{295}') && !is_lower('\u{ab69}'));
        assert!(!is_upper('\u{a7cb}') && !is_cased('\u{1c89}'));
        assert!(is_upper('Ω') && is_lower('ω') && !is_upper('\u{378}'));
    }

    #[test]
    fn mappings() {
        let mut s = String::new();
        push_title(&mut s, 'ǆ');
        push_title(&mut s, 'ß');
        push_title(&mut s, 'ﬀ');
        push_title(&mut s, 'a');
        assert_eq!(s, "ǅSsFfA");
        let mut s = String::new();
        for c in "ßﬁΣİ".chars() {
            push_casefold(&mut s, c);
        }
        assert_eq!(s, "ssfiσi\u{307}");
    }
}
