//! The layout pass: raw logos tokens in, the grammar's token stream out.
//!
//! Owns everything about Python's line structure, as CPython's tokenizer does: NEWLINE at the
//! end of each logical line, INDENT/DEDENT from an indentation stack (tabs to multiples of 8,
//! checked against a tabs-as-1 column for TabError), implicit line joining inside brackets
//! (with a bracket stack for "never closed"/"does not match" messages and CPython's
//! 200-level limit), backslash continuation, and the end-of-file flush (a final NEWLINE and
//! one DEDENT per open block). It also finishes the tokens logos only starts: numbers,
//! strings, non-ASCII identifiers.
//!
//! Invariants: the stream is lazy and stops at the first error, so an earlier parse error is
//! reported before a later tokenizer error, as in CPython; positions are byte offsets into the
//! *original* source (`base` is added to offsets within `text`); nothing here recurses, so
//! deeply nested input cannot overflow the stack.

use std::collections::VecDeque;

use logos::Logos;

use super::kind::Kind;
use super::number::scan_number;
use super::string::{self, Prefix};
use super::token::{StrLit, Tok};
use crate::parser::{Quirk, RawError, SyntaxErrorKind};

/// A token with its byte range.
pub type Spanned = (usize, Tok, usize);

/// CPython's `MAXLEVEL`: brackets may nest this deep.
const MAX_BRACKET_DEPTH: usize = 200;

/// CPython's `MAXINDENT`: at most 99 nested blocks.
const MAX_INDENT: usize = 100;

pub struct Layout<'s> {
    text: &'s str,
    base: usize,
    lex: logos::Lexer<'s, Kind>,
    /// (column with tabs to multiples of 8, column with tabs counting 1); bottom is (0, 0).
    indents: Vec<(usize, usize)>,
    /// Open brackets and their offsets (within `text`).
    brackets: Vec<(Kind, usize)>,
    pending: VecDeque<Result<Spanned, RawError>>,
    /// True once the current logical line has produced a token.
    line_has_tokens: bool,
    last_kind: Option<Kind>,
    done: bool,
}

impl<'s> Layout<'s> {
    /// Tokenizes `text`, reporting offsets shifted by `base`.
    pub fn new(text: &'s str, base: usize) -> Layout<'s> {
        let mut lex = Kind::lexer(text);
        if text.starts_with('\u{feff}') {
            lex.bump('\u{feff}'.len_utf8());
        }
        Layout {
            text,
            base,
            lex,
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            pending: VecDeque::new(),
            line_has_tokens: false,
            last_kind: None,
            done: false,
        }
    }

    fn push(&mut self, start: usize, tok: Tok, end: usize) {
        self.pending
            .push_back(Ok((start + self.base, tok, end + self.base)));
    }

    fn fail(&mut self, err: RawError) {
        self.pending.push_back(Err(err.shifted(self.base)));
        self.done = true;
    }

    /// Consumes one raw token, queueing what it produces (possibly nothing).
    fn step(&mut self) {
        let Some(raw) = self.lex.next() else {
            self.finish();
            return;
        };
        let span = self.lex.span();
        let kind = match raw {
            Ok(k) => k,
            Err(()) => return self.bad_char(span.start),
        };
        match kind {
            Kind::Newline => {
                if self.brackets.is_empty() && self.line_has_tokens {
                    self.line_has_tokens = false;
                    self.push(span.start, Tok::Newline, span.end);
                }
                return;
            }
            Kind::Backslash => return self.continuation(span.start),
            _ => {}
        }
        if !self.line_has_tokens && self.brackets.is_empty() {
            if let Err(e) = self.indentation(span.start) {
                return self.fail(e);
            }
        }
        self.line_has_tokens = true;
        let (tok, end) = match kind {
            Kind::Name => (
                Tok::Name(self.identifier(span.start, span.end)),
                self.lex.span().end,
            ),
            Kind::NonAscii => match self.unicode_identifier(span.start) {
                Ok(name) => (Tok::Name(name), self.lex.span().end),
                Err(e) => return self.fail(e),
            },
            Kind::Number => match scan_number(self.text, span.start) {
                Ok((tok, end)) => {
                    self.lex.bump(end.saturating_sub(span.end));
                    (tok, end)
                }
                Err(e) => return self.fail(e),
            },
            Kind::StrStart => match self.string(span.start, span.end) {
                Ok(x) => x,
                Err(e) => return self.fail(e),
            },
            k if k.is_open_bracket() => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    let e = RawError::new("too many nested parentheses", span.start, span.start);
                    return self.fail(e);
                }
                let k = if k == Kind::LPar && self.last_kind == Some(Kind::With) {
                    self.classify_with_paren()
                } else {
                    k
                };
                self.brackets.push((k, span.start));
                (Tok::Sym(k), span.end)
            }
            k if k.is_close_bracket() => {
                if let Err(e) = self.close_bracket(k, span.start) {
                    return self.fail(e);
                }
                (Tok::Sym(k), span.end)
            }
            k => (Tok::Sym(k), span.end),
        };
        self.last_kind = tok.sym();
        self.push(span.start, tok, end);
    }

    /// A byte logos has no token for.
    fn bad_char(&mut self, pos: usize) {
        let c = self.text[pos..].chars().next().unwrap_or('\0');
        if c == '\0' {
            // CPython's line text stops at the NUL byte.
            let line_start = self.text[..pos].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let mut e = RawError::new("source code cannot contain null bytes", pos, pos);
            e.quirk = Some(Box::new(Quirk::Text {
                text: self.text[line_start..pos].to_string(),
                offset: 0,
                end_offset: 0,
            }));
            return self.fail(e);
        }
        if !is_printable(c) {
            let msg = format!("invalid non-printable character U+{:04X}", c as u32);
            return self.fail(RawError::new(msg, pos, pos));
        }
        // `$`, `?`, `!`, a backtick: CPython's tokenizer returns an error token without an
        // exception, so the parser reports "invalid syntax" right there.
        if !self.line_has_tokens && self.brackets.is_empty() {
            if let Err(e) = self.indentation(pos) {
                return self.fail(e);
            }
        }
        self.line_has_tokens = true;
        self.last_kind = None;
        self.push(pos, Tok::Unknown, pos + c.len_utf8());
    }

    /// `\` must be followed by a line break; the break (and the backslash) vanish.
    fn continuation(&mut self, pos: usize) {
        let rest = &self.text[pos + 1..];
        let nl = if rest.starts_with("\r\n") {
            2
        } else if rest.starts_with(['\n', '\r']) {
            1
        } else if rest.is_empty() {
            let e = RawError::new("unexpected EOF while parsing", pos + 1, pos + 1);
            return self.fail(e.incomplete());
        } else {
            let msg = "unexpected character after line continuation character";
            return self.fail(RawError::new(msg, pos + 1, pos + 1));
        };
        self.lex.bump(nl);
        if pos + 1 + nl >= self.text.len() {
            let e = RawError::new("unexpected EOF while parsing", pos + 1, pos + 1);
            self.fail(e.incomplete());
        }
    }

    /// Called on the first token of a logical line: emits INDENT/DEDENTs or reports an error.
    fn indentation(&mut self, pos: usize) -> Result<(), RawError> {
        let line_start = self.text[..pos].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let (mut col, mut altcol) = (0usize, 0usize);
        for b in self.text[line_start..pos].bytes() {
            match b {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                b'\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                _ => {}
            }
        }
        let tab_error = || {
            RawError::new(
                "inconsistent use of tabs and spaces in indentation",
                line_start,
                line_start,
            )
            .with_kind(SyntaxErrorKind::TabError)
        };
        let &(top, alttop) = self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if altcol != alttop {
                return Err(tab_error());
            }
        } else if col > top {
            if altcol <= alttop {
                return Err(tab_error());
            }
            if self.indents.len() >= MAX_INDENT {
                let msg = "too many levels of indentation";
                return Err(RawError::new(msg, line_start, line_start)
                    .with_kind(SyntaxErrorKind::IndentationError));
            }
            self.indents.push((col, altcol));
            self.push(line_start, Tok::Indent, pos);
        } else {
            while self.indents.len() > 1 && col < self.indents[self.indents.len() - 1].0 {
                self.indents.pop();
                self.push(pos, Tok::Dedent, pos);
            }
            let &(top, alttop) = self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                let line_end = self.text[pos..]
                    .find(['\n', '\r'])
                    .map_or(self.text.len(), |i| pos + i);
                let msg = "unindent does not match any outer indentation level";
                return Err(RawError::new(msg, line_end, line_end)
                    .with_kind(SyntaxErrorKind::IndentationError));
            }
            if altcol != alttop {
                return Err(tab_error());
            }
        }
        Ok(())
    }

    fn close_bracket(&mut self, close: Kind, pos: usize) -> Result<(), RawError> {
        let Some((open, open_pos)) = self.brackets.pop() else {
            return Err(RawError::new(
                format!("unmatched '{}'", close.text()),
                pos,
                pos,
            ));
        };
        let matches = matches!(
            (open, close),
            (Kind::LPar | Kind::WithLPar, Kind::RPar)
                | (Kind::LSqb, Kind::RSqb)
                | (Kind::LBrace, Kind::RBrace)
        );
        if matches {
            return Ok(());
        }
        let mut msg = format!(
            "closing parenthesis '{}' does not match opening parenthesis '{}'",
            close.text(),
            open.text()
        );
        let open_line = super::line_of(self.text, open_pos);
        let close_line = super::line_of(self.text, pos);
        if open_line != close_line {
            // Only whole sources reach here (f-string fields are bracket-checked before they
            // are lexed), so lines relative to `text` are the file's lines.
            msg.push_str(&format!(" on line {open_line}"));
        }
        Err(RawError::new(msg, pos, pos))
    }

    /// An ASCII name, extended by any non-ASCII identifier characters right after it.
    fn identifier(&mut self, start: usize, end: usize) -> String {
        let tail = ident_tail_len(&self.text[end..]);
        self.lex.bump(tail);
        self.text[start..end + tail].to_string()
    }

    fn unicode_identifier(&mut self, start: usize) -> Result<String, RawError> {
        let c = self.text[start..].chars().next().unwrap_or(' ');
        if !is_id_start(c) {
            let msg = if is_printable(c) {
                format!("invalid character '{c}' (U+{:04X})", c as u32)
            } else {
                format!("invalid non-printable character U+{:04X}", c as u32)
            };
            return Err(RawError::new(msg, start, start));
        }
        let end = start + c.len_utf8();
        Ok(self.identifier(start, end))
    }

    /// Scans a string literal whose prefix and opening quote logos matched at `start..end`.
    fn string(&mut self, start: usize, end: usize) -> Result<(Tok, usize), RawError> {
        let quote_pos = end - 1;
        let scanned = string::scan(self.text, start, quote_pos)?;
        self.lex.bump(scanned.end - end);
        let lit = StrLit {
            prefix: Prefix::parse(&self.text[start..quote_pos]),
            body_start: scanned.body_start + self.base,
            body_end: scanned.body_end + self.base,
        };
        Ok((Tok::Str(lit), scanned.end))
    }

    /// Decides whether the `(` just read after `with` opens a parenthesized list of
    /// with-items: the matching `)` must be followed by `:`, and nothing at the top level of
    /// the parentheses may make it a genexp, walrus, starred or yield expression instead.
    fn classify_with_paren(&self) -> Kind {
        let mut look = self.lex.clone();
        let mut depth = 0usize;
        let mut items = 0usize;
        let mut prev: Option<Kind> = Some(Kind::LPar);
        while let Some(raw) = look.next() {
            let Ok(k) = raw else { return Kind::LPar };
            match k {
                Kind::StrStart => {
                    let span = look.span();
                    match string::scan(self.text, span.start, span.end - 1) {
                        Ok(s) => look.bump(s.end - span.end),
                        Err(_) => return Kind::LPar,
                    }
                }
                Kind::Backslash => {}
                k if k.is_open_bracket() => depth += 1,
                Kind::RPar if depth == 0 => {
                    let next = loop {
                        match look.next() {
                            Some(Ok(Kind::Newline | Kind::Backslash)) => continue,
                            other => break other,
                        }
                    };
                    let is_items = items > 0 && next == Some(Ok(Kind::Colon));
                    return if is_items { Kind::WithLPar } else { Kind::LPar };
                }
                k if k.is_close_bracket() => match depth.checked_sub(1) {
                    Some(d) => depth = d,
                    None => return Kind::LPar,
                },
                Kind::For | Kind::ColonEqual | Kind::Yield if depth == 0 => return Kind::LPar,
                Kind::Star | Kind::DoubleStar
                    if depth == 0 && matches!(prev, Some(Kind::LPar | Kind::Comma)) =>
                {
                    return Kind::LPar
                }
                _ => {}
            }
            if depth == 0 && k != Kind::Newline && k != Kind::Comma {
                items += 1;
            }
            if k != Kind::Newline {
                prev = Some(k);
            }
        }
        Kind::LPar
    }

    /// End of input: unclosed brackets are an error; otherwise close the last line and
    /// every open block.
    fn finish(&mut self) {
        if let Some(&(open, pos)) = self.brackets.last() {
            let e = RawError::new(format!("'{}' was never closed", open.text()), pos, pos);
            return self.fail(e.incomplete());
        }
        let end = self.text.len();
        if self.line_has_tokens {
            self.line_has_tokens = false;
            self.push(end, Tok::Newline, end);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(end, Tok::Dedent, end);
        }
        self.done = true;
    }
}

impl Iterator for Layout<'_> {
    type Item = Result<Spanned, RawError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            self.step();
        }
    }
}

/// Byte length of the identifier characters at the start of `s` (ASCII or not).
fn ident_tail_len(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| !is_id_continue(c))
        .map_or(s.len(), |(i, _)| i)
}

/// Approximates XID_Start with the standard library's Unicode tables.
fn is_id_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

/// Approximates XID_Continue (letters, digits, `_`, and the middle dot CPython allows).
fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric() || c == '\u{b7}' || is_combining_mark(c)
}

/// The common combining-mark blocks (general categories Mn/Mc), which continue identifiers.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0487 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Python's `str.isprintable` for one character, approximated: not a control, separator
/// (other than space), format, private-use or noncharacter code point.
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let u = c as u32;
    let format = matches!(u,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F
        | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB
        | 0xE0001 | 0xE0020..=0xE007F);
    let private = matches!(u, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF);
    let nonchar = (u & 0xFFFE) == 0xFFFE || (0xFDD0..=0xFDEF).contains(&u);
    !(format || private || nonchar)
}
