//! Splitting an f-string body into literal text and replacement fields.
//!
//! A line-by-line port of CPython 3.11's `fstring_find_literal` / `fstring_find_expr` /
//! `fstring_parse` (Parser/string_parser.c), so that the same inputs are accepted and the same
//! messages produced: `{{`/`}}` only unescape at the top level, a field's expression ends at a
//! top-level `!`, `:`, `=` or `}` that is not part of `!=`, `==`, `<=`, `>=`, format specs may
//! hold fields one level deep, and backslashes and `#` are banned inside expressions.
//!
//! The expression of each field is handed to a caller-supplied `compile` callback as soon as
//! its extent is known — before the conversion and spec are examined — because CPython reports
//! an error inside the expression ahead of a malformed conversion or spec that follows it.

use super::string::decode_str;
use crate::parser::RawError;

/// One piece of an f-string (or of a format spec).
#[derive(Debug, Clone, PartialEq)]
pub enum FPart<E> {
    /// Literal text, escapes decoded (unless raw). Never empty.
    Lit(String),
    Field(Field<E>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field<E> {
    pub expr: E,
    /// `'s'`, `'r'` or `'a'`; `'r'` is implied by a `=` field without conversion or spec.
    pub conversion: Option<char>,
    pub spec: Option<Vec<FPart<E>>>,
    /// Byte offsets of the `{` and one past the closing `}`.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FError {
    /// A malformed f-string; CPython reports it at the token after the run of literals.
    AtEnd(String),
    /// The callback's error for a field expression, passed through unchanged.
    Expr(RawError),
}

/// Splits the body `src[body_start..body_end]` of an f-string.
pub fn split<E>(
    src: &str,
    body_start: usize,
    body_end: usize,
    raw: bool,
    compile: &mut dyn FnMut(usize, usize) -> Result<E, RawError>,
) -> Result<Vec<FPart<E>>, FError> {
    let mut sp = Splitter {
        src,
        b: src.as_bytes(),
        end: body_end,
        raw,
        compile,
    };
    let mut pos = body_start;
    sp.parse(&mut pos, 0)
}

struct Splitter<'a, 'c, E> {
    src: &'a str,
    b: &'a [u8],
    end: usize,
    raw: bool,
    compile: &'c mut dyn FnMut(usize, usize) -> Result<E, RawError>,
}

fn at_end(msg: impl Into<String>) -> FError {
    FError::AtEnd(msg.into())
}

impl<E> Splitter<'_, '_, E> {
    fn byte(&self, i: usize) -> u8 {
        if i < self.end {
            self.b[i]
        } else {
            0
        }
    }

    /// `fstring_parse`: literals and fields until the end (top level) or a `}` (spec).
    fn parse(&mut self, pos: &mut usize, depth: u32) -> Result<Vec<FPart<E>>, FError> {
        let mut parts = Vec::new();
        loop {
            let (lit, doubled) = self.literal(pos, depth)?;
            if let Some(l) = lit {
                parts.push(FPart::Lit(l));
            }
            if doubled {
                continue;
            }
            if *pos >= self.end || self.b[*pos] == b'}' {
                break;
            }
            let (debug_text, field) = self.field(pos, depth)?;
            if let Some(t) = debug_text {
                parts.push(FPart::Lit(t));
            }
            parts.push(FPart::Field(field));
        }
        if depth != 0 && (*pos >= self.end || self.b[*pos] != b'}') {
            return Err(at_end("f-string: expecting '}'"));
        }
        Ok(parts)
    }

    /// `fstring_find_literal`: returns the literal text before the next field (if any) and
    /// whether it stopped at a doubled brace (the caller then simply continues).
    fn literal(&mut self, pos: &mut usize, depth: u32) -> Result<(Option<String>, bool), FError> {
        let start = *pos;
        let mut s = *pos;
        let mut lit_end = None;
        while s < self.end {
            let mut ch = self.b[s];
            s += 1;
            if !self.raw && ch == b'\\' && s < self.end {
                ch = self.b[s];
                s += 1;
                if ch == b'N' {
                    // Skip `\N{...}` so its braces are not taken for a field.
                    if s < self.end {
                        let c = self.b[s];
                        s += 1;
                        if c == b'{' {
                            while s < self.end {
                                let c2 = self.b[s];
                                s += 1;
                                if c2 == b'}' {
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
            }
            if ch == b'{' || ch == b'}' {
                if depth == 0 {
                    if s < self.end && self.b[s] == ch {
                        lit_end = Some(s);
                        *pos = s + 1;
                        break;
                    }
                    if ch == b'}' {
                        *pos = s - 1;
                        return Err(at_end("f-string: single '}' is not allowed"));
                    }
                }
                s -= 1;
                break;
            }
        }
        let doubled = lit_end.is_some();
        let lit_end = match lit_end {
            Some(e) => e,
            None => {
                *pos = s;
                s
            }
        };
        if lit_end == start {
            return Ok((None, doubled));
        }
        let text = &self.src[start..lit_end];
        let decoded = decode_str(text, self.raw).map_err(FError::AtEnd)?;
        Ok((Some(decoded).filter(|d| !d.is_empty()), doubled))
    }

    /// `fstring_find_expr`: one `{...}` field starting at `*pos`. Returns the `=` debug text
    /// (which becomes literal text before the field) and the field.
    fn field(&mut self, pos: &mut usize, depth: u32) -> Result<(Option<String>, Field<E>), FError> {
        if depth >= 2 {
            return Err(at_end("f-string: expressions nested too deeply"));
        }
        let field_start = *pos;
        *pos += 1;
        let expr_start = *pos;
        let mut quote: u8 = 0;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while *pos < self.end {
            let ch = self.b[*pos];
            if ch == b'\\' {
                return Err(at_end(
                    "f-string expression part cannot include a backslash",
                ));
            }
            if quote != 0 {
                if ch == quote {
                    if !triple {
                        quote = 0;
                    } else if self.byte(*pos + 1) == ch && self.byte(*pos + 2) == ch {
                        *pos += 2;
                        quote = 0;
                        triple = false;
                    }
                }
                *pos += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    triple = self.byte(*pos + 1) == ch && self.byte(*pos + 2) == ch;
                    if triple {
                        *pos += 2;
                    }
                    quote = ch;
                }
                b'[' | b'{' | b'(' => {
                    if stack.len() >= 200 {
                        return Err(at_end("f-string: too many nested parenthesis"));
                    }
                    stack.push(ch);
                }
                b'#' => {
                    return Err(at_end("f-string expression part cannot include '#'"));
                }
                b'!' | b':' | b'}' | b'=' | b'<' | b'>' if stack.is_empty() => {
                    let next = self.byte(*pos + 1);
                    if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        *pos += 2;
                        continue;
                    }
                    if ch == b'<' || ch == b'>' {
                        *pos += 1;
                        continue;
                    }
                    break;
                }
                b']' | b'}' | b')' => {
                    let Some(open) = stack.pop() else {
                        return Err(at_end(format!("f-string: unmatched '{}'", ch as char)));
                    };
                    let ok = matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                    if !ok {
                        return Err(at_end(format!(
                            "f-string: closing parenthesis '{}' does not match opening \
                             parenthesis '{}'",
                            ch as char, open as char
                        )));
                    }
                }
                _ => {}
            }
            *pos += 1;
        }
        let expr_end = *pos;
        if quote != 0 {
            return Err(at_end("f-string: unterminated string"));
        }
        if let Some(&open) = stack.last() {
            return Err(at_end(format!("f-string: unmatched '{}'", open as char)));
        }
        if *pos >= self.end {
            return Err(at_end("f-string: expecting '}'"));
        }
        let blank = self.b[expr_start..expr_end]
            .iter()
            .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'));
        if blank {
            let t = self.b[expr_end];
            if matches!(t, b'!' | b':' | b'=') {
                return Err(at_end(format!(
                    "f-string: expression required before '{}'",
                    t as char
                )));
            }
            return Err(at_end("f-string: empty expression not allowed"));
        }
        let expr = (self.compile)(expr_start, expr_end).map_err(FError::Expr)?;

        let mut debug_text = None;
        if self.b[*pos] == b'=' {
            *pos += 1;
            // Py_ISSPACE: space, \t, \n, \v, \f, \r.
            while *pos < self.end && matches!(self.b[*pos], b' ' | b'\t'..=b'\r') {
                *pos += 1;
            }
            if *pos >= self.end {
                return Err(at_end("f-string: expecting '}'"));
            }
            let text = &self.src[expr_start..*pos];
            debug_text = Some(super::string::normalize_newlines(text).into_owned());
        }
        let mut conversion = None;
        if self.b[*pos] == b'!' {
            *pos += 1;
            if *pos >= self.end {
                return Err(at_end("f-string: expecting '}'"));
            }
            let c = self.src[*pos..].chars().next().unwrap_or('\0');
            *pos += c.len_utf8();
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(at_end(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                ));
            }
            conversion = Some(c);
        }
        let mut spec = None;
        if *pos < self.end && self.b[*pos] == b':' {
            *pos += 1;
            if *pos >= self.end {
                return Err(at_end("f-string: expecting '}'"));
            }
            spec = Some(self.parse(pos, depth + 1)?);
        }
        if *pos >= self.end || self.b[*pos] != b'}' {
            return Err(at_end("f-string: expecting '}'"));
        }
        *pos += 1;
        if debug_text.is_some() && spec.is_none() && conversion.is_none() {
            conversion = Some('r');
        }
        let field = Field {
            expr,
            conversion,
            spec,
            start: field_start,
            end: *pos,
        };
        Ok((debug_text, field))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits `f"..."` given as the body text; expressions come back as their source text.
    fn parts(body: &str) -> Result<Vec<FPart<String>>, FError> {
        let mut compile = |s: usize, e: usize| Ok(body[s..e].to_string());
        split(body, 0, body.len(), false, &mut compile)
    }

    fn lit(s: &str) -> FPart<String> {
        FPart::Lit(s.into())
    }

    fn field(e: &str, conv: Option<char>, spec: Option<Vec<FPart<String>>>) -> FPart<String> {
        FPart::Field(Field {
            expr: e.into(),
            conversion: conv,
            spec,
            start: 0,
            end: 0,
        })
    }

    /// Field positions are checked elsewhere; zero them for shape comparisons.
    fn shape(v: Vec<FPart<String>>) -> Vec<FPart<String>> {
        v.into_iter()
            .map(|p| match p {
                FPart::Field(mut f) => {
                    f.start = 0;
                    f.end = 0;
                    f.spec = f.spec.map(shape);
                    FPart::Field(f)
                }
                l => l,
            })
            .collect()
    }

    #[test]
    fn literals_fields_and_doubled_braces() {
        assert_eq!(
            shape(parts("a{x}b{{c}}").unwrap()),
            vec![lit("a"), field("x", None, None), lit("b{"), lit("c}")]
        );
        assert_eq!(
            shape(parts("{a!=b}{x!r}{y:>{w}}").unwrap()),
            vec![
                field("a!=b", None, None),
                field("x", Some('r'), None),
                field("y", None, Some(vec![lit(">"), field("w", None, None)])),
            ]
        );
    }

    #[test]
    fn debug_fields() {
        assert_eq!(
            shape(parts("{ x = }").unwrap()),
            vec![lit(" x = "), field(" x ", Some('r'), None)]
        );
        assert_eq!(
            shape(parts("{x=:>3}").unwrap()),
            vec![lit("x="), field("x", None, Some(vec![lit(">3")]))]
        );
    }

    #[test]
    fn errors_match_cpython() {
        let e = |b: &str| match parts(b) {
            Err(FError::AtEnd(m)) => m,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            e("{x!z}"),
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        );
        assert_eq!(e("{}"), "f-string: empty expression not allowed");
        assert_eq!(e("{x"), "f-string: expecting '}'");
        assert_eq!(e("}"), "f-string: single '}' is not allowed");
        assert_eq!(e("{x:{y:{z}}}"), "f-string: expressions nested too deeply");
        assert_eq!(e("{#}"), "f-string expression part cannot include '#'");
        assert_eq!(
            e("{\\'a\\'}"),
            "f-string expression part cannot include a backslash"
        );
        assert_eq!(
            e("{a['b'}"),
            "f-string: closing parenthesis '}' does not match opening parenthesis '['"
        );
        assert_eq!(e("{x!r=}"), "f-string: expecting '}'");
        assert_eq!(e("{!r}"), "f-string: expression required before '!'");
    }
}
