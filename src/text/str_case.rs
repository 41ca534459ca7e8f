//! Case conversion of `str`: `upper lower casefold swapcase capitalize
//! title`, CPython 3.11 semantics: full (multi-char) mappings such as
//! `'ß'.upper() == 'SS'`, titlecase for `title()`/`capitalize()`
//! (`'ǆ'.title() == 'ǅ'`), and the Greek final-sigma rule wherever CPython
//! lowercases (`'ΑΣ'.lower() == 'ας'`).  ASCII input takes a fast path.
//!
//! Per-char mappings come from `unicode.rs` (Rust's std filtered to
//! CPython 3.11's Unicode 14 database, plus generated title/casefold tables).

use super::unicode::{
    is_case_ignorable, is_cased, is_lower, is_titlecase, is_upper, push_casefold, push_lower,
    push_title, push_upper,
};

/// CPython's `lower_ucs4`: full lowercase mapping of the char `c` at byte
/// offset `i` of `s`, with the Final_Sigma context for U+03A3.
fn push_lower_ctx(out: &mut String, s: &str, i: usize, c: char) {
    if c == '\u{3a3}' {
        out.push(if final_sigma(s, i) { 'ς' } else { 'σ' });
    } else {
        push_lower(out, c);
    }
}

/// `\p{cased}\p{case-ignorable}* Σ !(\p{case-ignorable}* \p{cased})` for
/// the Σ at byte offset `i`.
fn final_sigma(s: &str, i: usize) -> bool {
    let before = s[..i].chars().rev().find(|&c| !is_case_ignorable(c));
    if !before.is_some_and(is_cased) {
        return false;
    }
    let after = s[i + '\u{3a3}'.len_utf8()..]
        .chars()
        .find(|&c| !is_case_ignorable(c));
    !after.is_some_and(is_cased)
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(&mut out, c);
    }
    out
}

/// `s.lower()`.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        push_lower_ctx(&mut out, s, i, c);
    }
    out
}

/// `s.casefold()` (full case folding; no final-sigma rule).
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_casefold(&mut out, c);
    }
    out
}

/// `s.swapcase()`: uppercase chars are lowercased (with final sigma),
/// lowercase chars uppercased, others (including titlecase) kept.
pub fn swapcase(s: &str) -> String {
    if s.is_ascii() {
        return s
            .bytes()
            .map(|b| {
                if b.is_ascii_uppercase() {
                    b.to_ascii_lowercase() as char
                } else {
                    b.to_ascii_uppercase() as char
                }
            })
            .collect();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if is_upper(c) {
            push_lower_ctx(&mut out, s, i, c);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.capitalize()`: first char titlecased, the rest lowercased (3.8+).
pub fn capitalize(s: &str) -> String {
    if s.is_ascii() {
        let mut out = s.to_ascii_lowercase();
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    let mut it = s.char_indices();
    if let Some((_, first)) = it.next() {
        push_title(&mut out, first);
    }
    for (i, c) in it {
        push_lower_ctx(&mut out, s, i, c);
    }
    out
}

/// `s.title()`: a char following a cased char is lowercased, any other is
/// titlecased (`"they're".title() == "They'Re"`).
pub fn title(s: &str) -> String {
    if s.is_ascii() {
        let mut prev_cased = false;
        return s
            .bytes()
            .map(|b| {
                let c = if prev_cased {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                };
                prev_cased = b.is_ascii_alphabetic();
                c as char
            })
            .collect();
    }
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, c) in s.char_indices() {
        if prev_cased {
            push_lower_ctx(&mut out, s, i, c);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `Py_UNICODE_ISTITLE || Py_UNICODE_ISUPPER`, used by `istitle`.
pub(crate) fn is_upper_or_title(c: char) -> bool {
    is_upper(c) || is_titlecase(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_mappings() {
        // Expected values from python3.11.
        assert_eq!(upper("abc"), "ABC");
        assert_eq!(upper("ß"), "SS");
        assert_eq!(upper("ﬁ"), "FI");
        assert_eq!(upper("ǅ"), "Ǆ");
        assert_eq!(lower("İ"), "i\u{307}");
        assert_eq!(lower("ǅ"), "ǆ");
        assert_eq!(lower("ABC"), "abc");
        assert_eq!(casefold("ß"), "ss");
        assert_eq!(casefold("ΣΑΣ"), "σασ");
        assert_eq!(casefold("ﬁ"), "fi");
        assert_eq!(casefold("ABC"), "abc");
    }

    #[test]
    fn final_sigma_rule() {
        assert_eq!(lower("ΑΣ"), "ας");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(lower("ΑΣΑ"), "ασα");
        assert_eq!(lower("ΑΣ'"), "ας'");
        assert_eq!(lower("Α'Σ"), "α'ς");
        assert_eq!(lower("ΑΣ'Α"), "ασ'α");
        assert_eq!(lower("1Σ"), "1σ");
        assert_eq!(lower("ΟΔΟΣ ΟΔΟΣ."), "οδος οδος.");
        assert_eq!(capitalize("ΑΣ"), "Ας");
        assert_eq!(title("ΑΣ Σ"), "Ας Σ");
        assert_eq!(swapcase("aΣ"), "Aς");
    }

    #[test]
    fn swapping() {
        assert_eq!(swapcase("Hello World"), "hELLO wORLD");
        assert_eq!(swapcase("ß"), "SS");
        assert_eq!(swapcase("ǅ"), "ǅ");
        assert_eq!(swapcase("é1É"), "É1é");
    }

    #[test]
    fn capitalizing() {
        assert_eq!(capitalize(""), "");
        assert_eq!(capitalize("hello WORLD"), "Hello world");
        assert_eq!(capitalize("ǆa"), "ǅa");
        assert_eq!(capitalize("ßA"), "Ssa");
        assert_eq!(capitalize("1ABC"), "1abc");
        assert_eq!(capitalize("éCOLE"), "École");
    }

    #[test]
    fn titling() {
        assert_eq!(title("hello world"), "Hello World");
        assert_eq!(title("they're bill's"), "They'Re Bill'S");
        assert_eq!(title("ǆ"), "ǅ");
        assert_eq!(title("ﬀ abc"), "Ff Abc");
        assert_eq!(title("ŉ"), "ʼN");
        assert_eq!(title("hello2world"), "Hello2World");
        assert_eq!(title("éCOLE été"), "École Été");
        assert_eq!(title(""), "");
    }
}
