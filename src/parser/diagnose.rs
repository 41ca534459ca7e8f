//! Turning a failed parse into CPython's message.
//!
//! LALRPOP reports only "unexpected token X, expected one of ...". CPython instead re-parses
//! with extra `invalid_*` rules; this module recovers the messages that matter most from the
//! recorded tokens and the expected-token set: indentation errors, "expected ':'", the
//! missing-`else` and missing-comma hints, `print "x"`, `if x = 1:`, and the `try` without
//! `except`. Then, like CPython, it tokenizes the rest of the input: a tokenizer error there,
//! or a bracket left open on an earlier line, replaces the parser's message.
//!
//! Invariant: this only inspects tokens; it never re-enters the parser. Heuristics that do not
//! apply fall back to plain "invalid syntax" at the offending token.

use lalrpop_util::ParseError;

use super::error::Quirk;
use super::tokscan::*;
use super::{RawError, SyntaxErrorKind};
use crate::lexer::{line_of, Kind, Layout, Tok};

type PError = ParseError<usize, Tok, RawError>;

/// The final error for a failed parse of `src`. `toks` holds the tokens the parser saw;
/// `rest` is the token stream positioned after them.
pub fn explain(
    src: &str,
    err: PError,
    toks: &[TokInfo],
    rest: &mut Layout<'_>,
    lex_failed: bool,
) -> RawError {
    // The heuristics look ahead of the failing token, and CPython's last step (tokenizing
    // the rest of the input) needs the first tokenizer error after it: read both now.
    let mut all = toks.to_vec();
    let mut later_error = None;
    if !lex_failed {
        for item in rest {
            match item {
                Ok((l, tok, r)) => all.push(TokInfo::new(l, &tok, r)),
                Err(e) => {
                    later_error = Some(e);
                    break;
                }
            }
        }
    }
    let (mut e, check_rest) = match err {
        ParseError::User { error } => (error, !lex_failed),
        ParseError::UnrecognizedEof { expected, .. } => (at_eof(src, &all, &expected), false),
        ParseError::UnrecognizedToken { token, expected } => {
            let at = (token.0, token.2);
            match all[..toks.len()]
                .iter()
                .rposition(|t| (t.start, t.end) == at)
            {
                Some(i) => unexpected(src, &all, i, &expected),
                None => (RawError::new("invalid syntax", at.0, at.1), true),
            }
        }
        ParseError::ExtraToken { token } => {
            (RawError::new("invalid syntax", token.0, token.2), true)
        }
        ParseError::InvalidToken { location } => {
            (RawError::new("invalid syntax", location, location), true)
        }
    };
    if matches!(e.quirk.as_deref(), Some(Quirk::NextToken)) {
        e = resolve_next_token(e, &all, src.len());
    }
    if check_rest {
        let err_line = toks.last().map_or(1, |t| line_of(src, t.start));
        if let Some(mut later) = later_error.and_then(|l| overrides(src, l, err_line)) {
            // The parser already failed before the end, so more input cannot help.
            later.incomplete = false;
            return later;
        }
    }
    e
}

fn resolve_next_token(mut e: RawError, toks: &[TokInfo], len: usize) -> RawError {
    let (s, t) = toks
        .iter()
        .find(|t| t.start >= e.start)
        .map_or((len, len), |t| (t.start, t.end));
    e.start = s;
    e.end = t;
    e.quirk = None;
    e
}

/// CPython's `_PyPegen_tokenize_full_source_to_check_for_errors`: whether the first
/// tokenizer error after a parser error replaces it.
fn overrides(src: &str, later: RawError, err_line: usize) -> Option<RawError> {
    if later.msg.ends_with("was never closed") {
        // Only a bracket opened on an earlier line than the error explains it better.
        return (line_of(src, later.start) < err_line).then_some(later);
    }
    let continuation = later.msg == "unexpected EOF while parsing"
        || later.msg == "unexpected character after line continuation character";
    (!continuation).then_some(later)
}

fn expects(expected: &[String], what: &str) -> bool {
    expected.iter().any(|s| s == what)
}

/// The parser wanted more input: an empty block at the end, or an unfinished statement.
fn at_eof(src: &str, toks: &[TokInfo], expected: &[String]) -> RawError {
    // CPython reports these on the last line of the input, without a column.
    let last = src.len().saturating_sub(1);
    let e = if expects(expected, "Indent") {
        let msg = indented_block_message(src, toks, toks.len());
        RawError::new(msg, last, last).with_kind(SyntaxErrorKind::IndentationError)
    } else if expects(expected, "\"except\"") && expects(expected, "\"finally\"") {
        RawError::new("expected 'except' or 'finally' block", last, last)
    } else {
        RawError::new("invalid syntax", last, last)
    };
    e.no_column().incomplete()
}

/// "expected an indented block after 'if' statement on line 3": finds the header whose
/// suite is missing, i.e. the logical line ending just before token `i`.
fn indented_block_message(src: &str, toks: &[TokInfo], i: usize) -> String {
    // Skip back over the NEWLINE that ended the header line.
    let mut j = i;
    while j > 0
        && matches!(
            toks[j - 1].class,
            Class::Newline | Class::Dedent | Class::Indent
        )
    {
        j -= 1;
    }
    let header_end = j;
    let mut k = header_end;
    while k > 0
        && !matches!(
            toks[k - 1].class,
            Class::Newline | Class::Indent | Class::Dedent
        )
    {
        k -= 1;
    }
    let Some(first) = toks.get(k).filter(|_| k < header_end) else {
        return "expected an indented block".into();
    };
    let what = match first.class {
        Class::Sym(Kind::Def) => "function definition".to_string(),
        Class::Sym(Kind::Class) => "class definition".to_string(),
        Class::Sym(k) => format!("'{}' statement", k.text()),
        _ => return "expected an indented block".into(),
    };
    format!(
        "expected an indented block after {what} on line {}",
        line_of(src, first.start)
    )
}

/// Token `i` could not be shifted. Returns the error and whether CPython would go on to
/// tokenize the rest of the file.
fn unexpected(src: &str, toks: &[TokInfo], i: usize, expected: &[String]) -> (RawError, bool) {
    let t = toks[i];
    if t.class == Class::Dedent && t.start >= src.len() {
        // Only the end-of-input flush is left: the parser really ran out of input.
        return (at_eof(src, &toks[..i], expected), false);
    }
    let here = RawError::new("invalid syntax", t.start, t.end);
    if t.class == Class::Indent {
        // Point at the last indentation character: CPython's offset is the indent width.
        let p = t.end.saturating_sub(1).max(t.start);
        let e = RawError::new("unexpected indent", p, p);
        return (e.with_kind(SyntaxErrorKind::IndentationError), false);
    }
    if expects(expected, "Indent") {
        let msg = indented_block_message(src, toks, i);
        let e = RawError::new(msg, t.start, t.end).with_kind(SyntaxErrorKind::IndentationError);
        return (e, true);
    }
    if expects(expected, "\"except\"") && expects(expected, "\"finally\"") {
        let msg = "expected 'except' or 'finally' block";
        let prev = i.checked_sub(1).map(|p| toks[p]);
        let e = match prev {
            Some(p) if p.class == Class::Newline => RawError::new(msg, p.start, p.start),
            _ => RawError::new(msg, t.start, t.end),
        };
        return (e, true);
    }
    if let Some(e) = forced_token(toks, i, expected) {
        return (e, true);
    }
    if let Some(e) = dict_key_without_value(src, toks, i, expected) {
        return (e, true);
    }
    if let Some(e) = legacy_print(src, toks, i) {
        return (e, true);
    }
    if let Some(e) = equals_in_condition(toks, i) {
        return (e, true);
    }
    if let Some(e) = missing_comma(src, toks, i) {
        return (e, true);
    }
    (here, true)
}

/// CPython's "expected ':'" / "expected '('": its grammar forces these tokens after some
/// headers (`&&':'`), and reports a missing `:` after `if`/`while`/... conditions when the
/// line ends there.
fn forced_token(toks: &[TokInfo], i: usize, expected: &[String]) -> Option<RawError> {
    let t = toks[i];
    let prev = i.checked_sub(1).map(|p| toks[p]);
    let first = toks[line_start(toks, i)];
    if expects(expected, "\"(\"") && expected.len() == 1 && first.is(Kind::Def) {
        return Some(RawError::new("expected '('", t.start, t.end));
    }
    if let Some(p) = prev.filter(|p| p.is(Kind::RArrow) && first.is(Kind::Def)) {
        return Some(RawError::new("expected ':'", p.start, p.end));
    }
    if !expects(expected, "\":\"") || bracket_depth_before(toks, i) > 0 {
        return None;
    }
    let forced = matches!(
        first.class,
        Class::Sym(
            Kind::For
                | Kind::Class
                | Kind::Try
                | Kind::Finally
                | Kind::Else
                | Kind::With
                | Kind::Def
        )
    );
    if t.class == Class::Newline && starts_compound(toks, i) {
        return Some(RawError::new("expected ':'", t.start, t.start));
    }
    if forced && t.class != Class::Newline {
        return Some(RawError::new("expected ':'", t.start, t.end));
    }
    None
}

/// Index of the first token of the logical line containing token `i`.
fn line_start(toks: &[TokInfo], i: usize) -> usize {
    let mut k = i;
    while k > 0
        && !matches!(
            toks[k - 1].class,
            Class::Newline | Class::Indent | Class::Dedent
        )
    {
        k -= 1;
    }
    k
}

fn starts_compound(toks: &[TokInfo], i: usize) -> bool {
    let first = toks[line_start(toks, i)];
    matches!(
        first.class,
        Class::Sym(
            Kind::If
                | Kind::Elif
                | Kind::Else
                | Kind::While
                | Kind::For
                | Kind::Def
                | Kind::Class
                | Kind::Try
                | Kind::Except
                | Kind::Finally
                | Kind::With
        )
    )
}

// ---------------------------------------------------------------- targeted messages

/// `{1: 2, 3}` and `{1:}` inside a dict display.
fn dict_key_without_value(
    src: &str,
    toks: &[TokInfo],
    i: usize,
    expected: &[String],
) -> Option<RawError> {
    let t = toks[i];
    if !(t.is(Kind::RBrace) || t.is(Kind::Comma)) || i == 0 {
        return None;
    }
    // The innermost open bracket must be a `{` holding a top-level `:` (a dict display).
    let mut depth = 0usize;
    let mut has_colon = false;
    let mut j = i;
    loop {
        j = j.checked_sub(1)?;
        match toks[j].class {
            Class::Sym(k) if k.is_close_bracket() => depth += 1,
            Class::Sym(k) if k.is_open_bracket() => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            Class::Sym(Kind::Colon) if depth == 0 => has_colon = true,
            _ => {}
        }
    }
    if !toks[j].is(Kind::LBrace) || !has_colon {
        return None;
    }
    let prev = toks[i - 1];
    if prev.is(Kind::Colon) {
        let msg = "expression expected after dictionary key and ':'";
        return Some(RawError::new(msg, prev.start, prev.end));
    }
    if !expects(expected, "\":\"") {
        return None;
    }
    let p = super::driver::floor_char(src, prev.end.saturating_sub(1));
    Some(RawError::new("':' expected after dictionary key", p, p))
}

/// `print "x"` / `exec "code"`.
fn legacy_print(src: &str, toks: &[TokInfo], i: usize) -> Option<RawError> {
    let name = toks.get(i.checked_sub(1)?)?;
    let word = name.text(src);
    if name.class != Class::Name || !(word == "print" || word == "exec") {
        return None;
    }
    if i >= 2 && toks[i - 2].is(Kind::Dot) {
        return None;
    }
    if !starts_expression(toks[i].class) {
        return None;
    }
    // `b=star_expressions`: expressions separated by commas.
    let mut end = expression_end(toks, i)?;
    while toks.get(end + 1).is_some_and(|t| t.is(Kind::Comma))
        && toks
            .get(end + 2)
            .is_some_and(|t| starts_expression(t.class))
    {
        end = expression_end(toks, end + 2)?;
    }
    let msg = format!("Missing parentheses in call to '{word}'. Did you mean {word}(...)?");
    Some(RawError::new(msg, name.start, toks[end].end))
}

/// `if x = 1:`, `[f() = 1]`: a `=` after a `bitwise_or` where CPython parses a named
/// expression (its `invalid_named_expression` rule).
fn equals_in_condition(toks: &[TokInfo], i: usize) -> Option<RawError> {
    if !toks[i].is(Kind::Equal) || i < 2 || !ends_operand(toks[i - 1].class) {
        return None;
    }
    let a = expression_start(toks, i - 1, true)?;
    let before = toks.get(a.checked_sub(1)?)?.class;
    let named_context = matches!(
        before,
        Class::Sym(
            Kind::If
                | Kind::Elif
                | Kind::While
                | Kind::LSqb
                | Kind::LBrace
                | Kind::LPar
                | Kind::Comma
        )
    );
    if !named_context || (before == Class::Sym(Kind::Comma) && bracket_depth_before(toks, i) == 0) {
        return None;
    }
    let end = expression_end_bitwise(toks, i + 1)?;
    if toks
        .get(end + 1)
        .is_some_and(|t| t.is(Kind::Equal) || t.is(Kind::ColonEqual))
    {
        return None;
    }
    let (first, last) = (toks[a], toks[i - 1]);
    if a == i - 1 && first.class == Class::Name {
        let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
        return Some(RawError::new(msg, first.start, toks[end].end));
    }
    let name = token_expr_name(toks, a, i - 1)?;
    let msg = format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?");
    Some(RawError::new(msg, first.start, last.end))
}

/// What CPython's messages call the expression spanning tokens `a..=z`, or `None` where its
/// rule would not fire (a list or tuple display, a generator, True/None/False first).
fn token_expr_name(toks: &[TokInfo], a: usize, z: usize) -> Option<&'static str> {
    let first = toks[a];
    if matches!(
        first.class,
        Class::Sym(Kind::True | Kind::False | Kind::None)
    ) {
        return None;
    }
    if is_prefix_op(first.class) {
        return Some("expression");
    }
    // Walk the top level: a binary operator anywhere makes it an "expression".
    let mut j = a;
    let mut last_kind = "";
    while j <= z {
        let t = toks[j];
        match t.class {
            Class::Sym(k) if k.is_open_bracket() => {
                let close = matching_close(toks, j)?;
                let inner = &toks[j + 1..close];
                let top = |want: Kind| {
                    let mut d = 0usize;
                    inner.iter().any(|t| match t.class {
                        Class::Sym(k) if k.is_open_bracket() => {
                            d += 1;
                            false
                        }
                        Class::Sym(k) if k.is_close_bracket() => {
                            d = d.saturating_sub(1);
                            false
                        }
                        _ => d == 0 && t.is(want),
                    })
                };
                last_kind = if j == a {
                    match k {
                        Kind::LSqb if top(Kind::For) => "list comprehension",
                        Kind::LBrace if top(Kind::For) && top(Kind::Colon) => "dict comprehension",
                        Kind::LBrace if top(Kind::For) => "set comprehension",
                        Kind::LBrace if inner.is_empty() || top(Kind::Colon) => "dict literal",
                        Kind::LBrace => "set display",
                        // A list display, a tuple or a generator: CPython's rule does not fire.
                        Kind::LSqb => return None,
                        _ if inner.is_empty() || top(Kind::Comma) || top(Kind::For) => return None,
                        _ => "group",
                    }
                } else if k == Kind::LPar {
                    "function call"
                } else {
                    "subscript"
                };
                j = close + 1;
            }
            Class::Sym(Kind::Dot) => {
                last_kind = "attribute";
                j += 2;
            }
            Class::Number | Class::Str => {
                last_kind = "literal";
                j += 1;
            }
            Class::Sym(Kind::Ellipsis) => {
                last_kind = "ellipsis";
                j += 1;
            }
            Class::Name => {
                last_kind = "name";
                j += 1;
            }
            c if is_binary_op(c) => return Some("expression"),
            _ => return None,
        }
    }
    match last_kind {
        "" | "group" | "name" => None,
        k => Some(k),
    }
}

/// "invalid syntax. Perhaps you forgot a comma?": two expressions side by side inside
/// brackets (CPython's `invalid_expression`).
fn missing_comma(src: &str, toks: &[TokInfo], i: usize) -> Option<RawError> {
    let t = toks[i];
    if !starts_expression(t.class) || i == 0 || !ends_operand(toks[i - 1].class) {
        return None;
    }
    let a = expression_start(toks, i - 1, false)?;
    let first = toks[a];
    if first.class == Class::Name {
        let word = first.text(src);
        if toks.get(a + 1).is_some_and(|n| n.class == Class::Str) {
            return None;
        }
        if matches!(word, "match" | "case" | "_") {
            return None;
        }
        if a == i - 1 && matches!(word, "print" | "exec") {
            return None;
        }
    }
    let b = expression_end(toks, i)?;
    if bracket_depth_before(toks, b + 1) == 0 || in_parameter_list(toks, i) {
        return None;
    }
    let msg = "invalid syntax. Perhaps you forgot a comma?";
    Some(RawError::new(msg, first.start, toks[b].end))
}

/// Whether token `i` sits directly inside a `def name(...)` parameter list, where
/// parameters are names, not expressions.
fn in_parameter_list(toks: &[TokInfo], i: usize) -> bool {
    let mut depth = 0usize;
    for j in (0..i).rev() {
        match toks[j].class {
            Class::Sym(k) if k.is_close_bracket() => depth += 1,
            Class::Sym(k) if k.is_open_bracket() => {
                if depth == 0 {
                    return toks[j].is(Kind::LPar) && j >= 2 && toks[j - 2].is(Kind::Def);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    false
}
