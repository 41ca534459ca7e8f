//! Adjacent string literals → one `Constant` or `JoinedStr` node.
//!
//! Implements CPython's `_PyPegen_concatenate_strings`: bytes and str may not mix; plain
//! pieces and f-string literal text merge into single constants; an f-string's replacement
//! fields are parsed by re-entering the expression parser on `(expr)` (see
//! [`super::driver::parse_fstring_field`]). Errors found while decoding or splitting are
//! reported, as CPython does, at the token that follows the run of literals.

use super::actions::at_next_token;
use super::ast::*;
use super::driver::parse_fstring_field;
use super::RawError;
use crate::lexer::fstring::{self, FError, FPart};
use crate::lexer::string::{decode_bytes, decode_str};
use crate::lexer::StrLit;

/// Builds the node for the literals `parts` (each with its token span).
///
/// Tokens are processed in order, each completely (decoded, or split and its fields parsed)
/// before the next is looked at, so the first problem in source order is the one reported —
/// the order of CPython's `_PyPegen_concatenate_strings`.
pub fn concat(src: &str, parts: Vec<(usize, StrLit, usize)>) -> Result<Expr, RawError> {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return Err(RawError::new("invalid syntax", 0, 0));
    };
    let (l, r) = (first.0, last.2);
    let span = Span::new(l, r);
    let bytes_mode = first.1.prefix.bytes;
    let fmode = parts.iter().any(|p| p.1.prefix.fstring);
    let mut bytes = Vec::new();
    let mut values = Vec::new();
    let mut text = String::new();
    for (tl, lit, tr) in &parts {
        let body = &src[lit.body_start..lit.body_end];
        let raw = lit.prefix.raw;
        if lit.prefix.bytes {
            if !body.is_ascii() {
                let msg = "bytes can only contain ASCII literal characters";
                return Err(RawError::new(msg, *tl, *tr));
            }
            let v = decode_bytes(body, raw).map_err(|m| at_next_token(m, r))?;
            if bytes_mode {
                bytes.extend(v);
            }
        } else if !lit.prefix.fstring {
            let v = decode_str(body, raw).map_err(|m| at_next_token(m, r))?;
            text.push_str(&v);
        }
        if lit.prefix.bytes != bytes_mode {
            return Err(at_next_token("cannot mix bytes and nonbytes literals", r));
        }
        if !lit.prefix.fstring {
            continue;
        }
        let mut compile = |s: usize, e: usize| parse_fstring_field(src, s, e);
        let pieces =
            fstring::split(src, lit.body_start, lit.body_end, raw, &mut compile).map_err(|e| {
                match e {
                    FError::AtEnd(msg) => at_next_token(msg, r),
                    FError::Expr(err) => err,
                }
            })?;
        for piece in pieces {
            match piece {
                FPart::Lit(s) => text.push_str(&s),
                FPart::Field(f) => {
                    flush(&mut text, &mut values, span);
                    values.push(formatted_value(f, span));
                }
            }
        }
    }
    let kind = if bytes_mode {
        ExprKind::Constant(Constant::Bytes(bytes))
    } else if fmode {
        flush(&mut text, &mut values, span);
        ExprKind::JoinedStr(values)
    } else {
        ExprKind::Constant(Constant::Str(text))
    };
    Ok(Expr { kind, span })
}

/// Moves pending literal text into a `Constant` (CPython drops empty pieces).
fn flush(text: &mut String, values: &mut Vec<Expr>, span: Span) {
    if !text.is_empty() {
        values.push(Expr {
            kind: ExprKind::Constant(Constant::Str(std::mem::take(text))),
            span,
        });
    }
}

fn formatted_value(f: fstring::Field<Expr>, span: Span) -> Expr {
    let format_spec = f.spec.map(|parts| {
        let mut values = Vec::new();
        let mut text = String::new();
        for p in parts {
            match p {
                FPart::Lit(s) => text.push_str(&s),
                FPart::Field(inner) => {
                    flush(&mut text, &mut values, span);
                    values.push(formatted_value(inner, span));
                }
            }
        }
        flush(&mut text, &mut values, span);
        Box::new(Expr {
            kind: ExprKind::JoinedStr(values),
            span,
        })
    });
    Expr {
        kind: ExprKind::FormattedValue {
            value: Box::new(f.expr),
            conversion: f.conversion,
            format_spec,
        },
        span: Span::new(f.start, f.end),
    }
}
