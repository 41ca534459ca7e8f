//! The tokenizer: logos recognises raw tokens ([`kind`]), the layout pass ([`layout`]) turns
//! them into the grammar's stream with NEWLINE/INDENT/DEDENT, and hand-written scanners
//! finish numbers ([`number`]) and strings ([`string`]); [`fstring`] splits f-string bodies.
//!
//! Invariant: every position is a byte offset into the original source text, and every
//! malformed input yields a `RawError` carrying CPython's message, never a panic.

pub mod fstring;
pub mod kind;
pub mod layout;
pub mod number;
pub mod string;
pub mod token;
mod unicode_names;

pub use kind::Kind;
pub use layout::{Layout, Spanned};
pub use token::{StrLit, Tok};

/// Tokenizes a whole source text.
pub fn tokenize(src: &str) -> Layout<'_> {
    Layout::new(src, 0)
}

/// 1-based line of byte `pos`, counting `\n`, `\r\n` and lone `\r` as line breaks (the same
/// rule as `parser::LineIndex`).
pub fn line_of(src: &str, pos: usize) -> usize {
    let b = src.as_bytes();
    let end = pos.min(b.len());
    let mut line = 1;
    for i in 0..end {
        match b[i] {
            b'\n' => line += 1,
            b'\r' if b.get(i + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
    }
    line
}

/// The line of the last character of `src` (1 for an empty text): where CPython's tokenizer
/// stands when it meets the end of the input.
pub fn line_of_last_char(src: &str) -> usize {
    line_of(src, src.len().saturating_sub(1))
}

#[cfg(test)]
mod tests;
