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
pub fn concat(src: &str, parts: Vec<(usize, StrLit, usize)>) -> Result<Expr, RawError> {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return Err(RawError::new("invalid syntax", 0, 0));
    };
    let (l, r) = (first.0, last.2);
    let span = Span::new(l, r);
    let bytes = first.1.prefix.bytes;
    if parts.iter().any(|p| p.1.prefix.bytes != bytes) {
        return Err(at_next_token("cannot mix bytes and nonbytes literals", r));
    }
    if bytes {
        let mut out = Vec::new();
        for (tl, lit, tr) in &parts {
            let body = &src[lit.body_start..lit.body_end];
            if !body.is_ascii() {
                let msg = "bytes can only contain ASCII literal characters";
                return Err(RawError::new(msg, *tl, *tr));
            }
            let v = decode_bytes(body, lit.prefix.raw).map_err(|m| at_next_token(m, r))?;
            out.extend(v);
        }
        return Ok(Expr {
            kind: ExprKind::Constant(Constant::Bytes(out)),
            span,
        });
    }
    let fmode = parts.iter().any(|p| p.1.prefix.fstring);
    let mut values = Vec::new();
    let mut text = String::new();
    for (_, lit, _) in &parts {
        if !lit.prefix.fstring {
            let body = &src[lit.body_start..lit.body_end];
            text.push_str(&decode_str(body, lit.prefix.raw).map_err(|m| at_next_token(m, r))?);
            continue;
        }
        let mut compile = |s: usize, e: usize| parse_fstring_field(src, s, e);
        let pieces = fstring::split(
            src,
            lit.body_start,
            lit.body_end,
            lit.prefix.raw,
            &mut compile,
        )
        .map_err(|e| match e {
            FError::AtEnd(msg) => at_next_token(msg, r),
            FError::Expr(err) => err,
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
    if !fmode {
        return Ok(Expr {
            kind: ExprKind::Constant(Constant::Str(text)),
            span,
        });
    }
    flush(&mut text, &mut values, span);
    Ok(Expr {
        kind: ExprKind::JoinedStr(values),
        span,
    })
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
