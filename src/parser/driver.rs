//! Runs the generated LALRPOP parser over the layout token stream.
//!
//! The driver records a compact copy of every token it hands to the parser, so that a
//! failure can be explained afterwards (`diagnose`), and keeps the token stream alive after
//! a failure to imitate CPython's last step: re-tokenizing the rest of the file, where a
//! tokenizer error (or an unclosed bracket opened on an earlier line) takes precedence over
//! the parser's own message. It is also the re-entry point for f-string replacement fields.

use super::ast::{Expr, Module};
use super::depth;
use super::diagnose;
use super::error::Quirk;
use super::python;
use super::tokscan::TokInfo;
use super::RawError;
use crate::lexer::{Layout, Spanned};

/// Passes tokens through to the parser while recording them.
struct Recorder<'a, 's> {
    inner: &'a mut Layout<'s>,
    toks: &'a mut Vec<TokInfo>,
    lex_failed: &'a mut bool,
}

impl Iterator for Recorder<'_, '_> {
    type Item = Result<Spanned, RawError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.inner.next()?;
        match &item {
            Ok((l, tok, r)) => self.toks.push(TokInfo::new(*l, tok, *r)),
            Err(_) => *self.lex_failed = true,
        }
        Some(item)
    }
}

/// Which start symbol to parse.
enum Goal {
    Module,
    Expression,
}

enum Parsed {
    Module(Module),
    Expr(Expr),
}

/// Parses `layout`'s tokens; `src` is the whole original source (token offsets point into it).
fn run(src: &str, layout: &mut Layout<'_>, goal: Goal) -> Result<Parsed, RawError> {
    let mut toks = Vec::new();
    let mut lex_failed = false;
    depth::enter(src.len());
    let result = {
        let rec = Recorder {
            inner: layout,
            toks: &mut toks,
            lex_failed: &mut lex_failed,
        };
        match goal {
            Goal::Module => python::ModuleParser::new()
                .parse(src, rec)
                .map(|body| Parsed::Module(Module { body })),
            Goal::Expression => python::ExpressionParser::new()
                .parse(src, rec)
                .map(Parsed::Expr),
        }
    };
    let too_deep = depth::leave();
    let parsed = result.map_err(|e| diagnose::explain(src, e, &toks, layout, lex_failed))?;
    match too_deep {
        Some(at) => Err(RawError::new("Python source too complex to parse", at, at)),
        None => Ok(parsed),
    }
}

pub fn parse_module_raw(src: &str) -> Result<Module, RawError> {
    let mut layout = Layout::new(src, 0);
    match run(src, &mut layout, Goal::Module)? {
        Parsed::Module(m) => Ok(m),
        Parsed::Expr(_) => Err(RawError::new("invalid syntax", 0, 0)),
    }
}

/// `eval` input. CPython's `eval()` strips leading spaces and tabs before parsing.
pub fn parse_expression_raw(src: &str) -> Result<Expr, RawError> {
    let lead = src.len() - src.trim_start_matches([' ', '\t']).len();
    let mut layout = Layout::new(&src[lead..], lead);
    match run(src, &mut layout, Goal::Expression)? {
        Parsed::Expr(e) => Ok(e),
        Parsed::Module(_) => Err(RawError::new("invalid syntax", 0, 0)),
    }
}

/// Parses the replacement-field expression `src[start..end]` of an f-string.
///
/// As CPython 3.11 does, the text is parsed as `(expr)`; positions map back to the original
/// source (the added parentheses land on the `{` and on the character after the
/// expression). Errors get CPython's "f-string: " prefix and are located in the synthetic
/// `(expr)` line, which is what CPython prints.
pub fn parse_fstring_field(src: &str, start: usize, end: usize) -> Result<Expr, RawError> {
    let text = format!("({})", &src[start..end]);
    let base = start - 1;
    let mut layout = Layout::new(&text, base);
    match run(src, &mut layout, Goal::Expression) {
        Ok(Parsed::Expr(e)) => Ok(e),
        Ok(Parsed::Module(_)) => Err(RawError::new("invalid syntax", start, end)),
        Err(mut err) => {
            err.msg = format!("f-string: {}", err.msg);
            err.incomplete = false;
            if err.quirk.is_none() {
                let sp = floor_char(&text, err.start.saturating_sub(base));
                let ep = floor_char(&text, err.end.saturating_sub(base)).max(sp);
                let line_start = text[..sp].rfind('\n').map_or(0, |i| i + 1);
                let line_end = text[sp..].find('\n').map_or(text.len(), |i| sp + i);
                let offset = text[line_start..sp].chars().count() + 1;
                let end_offset = if ep <= line_end {
                    text[line_start..ep].chars().count() + 1
                } else {
                    offset
                };
                err.quirk = Some(Box::new(Quirk::Text {
                    text: text[line_start..line_end].to_string(),
                    offset,
                    end_offset,
                }));
            }
            Err(err)
        }
    }
}

/// The largest char boundary of `s` at or before `i`.
pub(crate) fn floor_char(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
