//! The tokens the grammar consumes (the `extern` token type of `grammar/python.lalrpop`).
//!
//! Invariant: names and numbers arrive as values; string literals arrive as their prefix and
//! the source range of their body (see [`StrLit`]). All offsets are into the original source.

use num_bigint::BigInt;

use super::kind::Kind;
use super::string::Prefix;

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Name(String),
    Int(BigInt),
    Float(f64),
    /// An imaginary literal; the value is its imaginary part.
    Imag(f64),
    Str(StrLit),
    Newline,
    Indent,
    Dedent,
    /// A keyword, operator or delimiter.
    Sym(Kind),
    /// A character CPython's tokenizer reports as a bare error token (`$`, `?`, `!`, a
    /// backtick): the grammar never accepts it, so it becomes "invalid syntax" at its position.
    Unknown,
}

/// One string literal token. Its body is decoded by the parser (with the decoders in
/// `lexer::string`), because CPython reports decoding errors where the whole run of adjacent
/// literals ends, which only the parser knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrLit {
    pub prefix: Prefix,
    /// Byte range of the text between the quotes, in the original source.
    pub body_start: usize,
    pub body_end: usize,
}

impl Tok {
    /// The fixed-spelling kind, if this is a keyword/operator/delimiter.
    pub fn sym(&self) -> Option<Kind> {
        match self {
            Tok::Sym(k) => Some(*k),
            _ => None,
        }
    }

    /// A short description for diagnostics and tests.
    pub fn describe(&self) -> String {
        match self {
            Tok::Name(n) => format!("NAME {n}"),
            Tok::Int(i) => format!("INT {i}"),
            Tok::Float(f) => format!("FLOAT {f}"),
            Tok::Imag(f) => format!("IMAG {f}"),
            Tok::Str(s) => format!("STRING {}..{}", s.body_start, s.body_end),
            Tok::Newline => "NEWLINE".into(),
            Tok::Indent => "INDENT".into(),
            Tok::Dedent => "DEDENT".into(),
            Tok::Sym(k) => format!("'{}'", k.text()),
            Tok::Unknown => "ERRORTOKEN".into(),
        }
    }
}
