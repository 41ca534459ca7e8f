//! Token-level views of expressions, for diagnostics after a failed parse.
//!
//! When the LR parser stops, the partial AST is gone; CPython's hints ("Perhaps you forgot a
//! comma?", "Maybe you meant '=='") need the extent of the expressions around the failure.
//! These functions recover them from the recorded tokens: where an expression that ends at a
//! token starts, where one that starts at a token ends, bracket matching and depth.
//!
//! Invariant: purely structural and conservative — when the tokens do not clearly form an
//! expression they return `None`, and the caller falls back to plain "invalid syntax".

use crate::lexer::{Kind, Tok};

/// What diagnostics need to know about a token that was handed to the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokInfo {
    pub start: usize,
    pub end: usize,
    pub class: Class,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Name,
    Number,
    Str,
    Newline,
    Indent,
    Dedent,
    Sym(Kind),
    Unknown,
}

impl TokInfo {
    pub fn new(start: usize, tok: &Tok, end: usize) -> TokInfo {
        let class = match tok {
            Tok::Name(_) => Class::Name,
            Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) => Class::Number,
            Tok::Str(_) => Class::Str,
            Tok::Newline => Class::Newline,
            Tok::Indent => Class::Indent,
            Tok::Dedent => Class::Dedent,
            Tok::Sym(k) => Class::Sym(*k),
            Tok::Unknown => Class::Unknown,
        };
        TokInfo { start, end, class }
    }

    pub fn is(&self, k: Kind) -> bool {
        self.class == Class::Sym(k)
    }

    pub fn text<'s>(&self, src: &'s str) -> &'s str {
        src.get(self.start..self.end).unwrap_or("")
    }
}

pub fn starts_operand(c: Class) -> bool {
    matches!(
        c,
        Class::Name
            | Class::Number
            | Class::Str
            | Class::Sym(
                Kind::LPar
                    | Kind::LSqb
                    | Kind::LBrace
                    | Kind::None
                    | Kind::True
                    | Kind::False
                    | Kind::Ellipsis
            )
    )
}

pub fn is_prefix_op(c: Class) -> bool {
    matches!(
        c,
        Class::Sym(Kind::Minus | Kind::Plus | Kind::Tilde | Kind::Not | Kind::Await)
    )
}

pub fn starts_expression(c: Class) -> bool {
    starts_operand(c) || is_prefix_op(c) || c == Class::Sym(Kind::Lambda)
}

pub fn ends_operand(c: Class) -> bool {
    matches!(
        c,
        Class::Name
            | Class::Number
            | Class::Str
            | Class::Sym(
                Kind::RPar
                    | Kind::RSqb
                    | Kind::RBrace
                    | Kind::None
                    | Kind::True
                    | Kind::False
                    | Kind::Ellipsis
            )
    )
}

pub fn is_binary_op(c: Class) -> bool {
    let Class::Sym(k) = c else { return false };
    matches!(
        k,
        Kind::Plus
            | Kind::Minus
            | Kind::Star
            | Kind::Slash
            | Kind::DoubleSlash
            | Kind::Percent
            | Kind::At
            | Kind::DoubleStar
            | Kind::LeftShift
            | Kind::RightShift
            | Kind::Amper
            | Kind::VBar
            | Kind::Circumflex
            | Kind::EqEqual
            | Kind::NotEqual
            | Kind::Less
            | Kind::Greater
            | Kind::LessEqual
            | Kind::GreaterEqual
            | Kind::In
            | Kind::Is
            | Kind::And
            | Kind::Or
    )
}

pub fn is_comparison_or_bool(c: Class) -> bool {
    matches!(
        c,
        Class::Sym(
            Kind::EqEqual
                | Kind::NotEqual
                | Kind::Less
                | Kind::Greater
                | Kind::LessEqual
                | Kind::GreaterEqual
                | Kind::In
                | Kind::Is
                | Kind::Not
                | Kind::And
                | Kind::Or
        )
    )
}

/// Index of the bracket matching the opener at `i`, scanning forward.
pub fn matching_close(toks: &[TokInfo], i: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (j, t) in toks.iter().enumerate().skip(i) {
        match t.class {
            Class::Sym(k) if k.is_open_bracket() => depth += 1,
            Class::Sym(k) if k.is_close_bracket() => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

/// Index of the bracket matching the closer at `i`, scanning backward.
pub fn matching_open(toks: &[TokInfo], i: usize) -> Option<usize> {
    let mut depth = 0usize;
    for j in (0..=i).rev() {
        match toks[j].class {
            Class::Sym(k) if k.is_close_bracket() => depth += 1,
            Class::Sym(k) if k.is_open_bracket() => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

/// The last token of the expression starting at `i` (operators, trailers, brackets), if the
/// tokens there form one.
pub fn expression_end(toks: &[TokInfo], mut i: usize) -> Option<usize> {
    let mut want_operand = true;
    loop {
        let t = toks.get(i)?;
        if want_operand {
            if is_prefix_op(t.class) {
                i += 1;
                continue;
            }
            if !starts_operand(t.class) {
                return None;
            }
            if let Class::Sym(k) = t.class {
                if k.is_open_bracket() {
                    i = matching_close(toks, i)?;
                }
            } else if t.class == Class::Str {
                while toks.get(i + 1).is_some_and(|n| n.class == Class::Str) {
                    i += 1;
                }
            }
            want_operand = false;
            i += 1;
            continue;
        }
        match t.class {
            Class::Sym(Kind::Dot) if toks.get(i + 1).is_some_and(|n| n.class == Class::Name) => {
                i += 2;
            }
            Class::Sym(Kind::LPar | Kind::LSqb) => i = matching_close(toks, i)? + 1,
            Class::Sym(Kind::Not) if toks.get(i + 1).is_some_and(|n| n.is(Kind::In)) => {
                i += 2;
                want_operand = true;
            }
            Class::Sym(Kind::Is) if toks.get(i + 1).is_some_and(|n| n.is(Kind::Not)) => {
                i += 2;
                want_operand = true;
            }
            c if is_binary_op(c) => {
                i += 1;
                want_operand = true;
            }
            _ => return Some(i - 1),
        }
    }
}

/// The first token of the `disjunction` (or, with `bitwise`, the `bitwise_or`) ending at
/// token `i`, scanning backward.
pub fn expression_start(toks: &[TokInfo], mut i: usize, bitwise: bool) -> Option<usize> {
    let binary = |c: Class| is_binary_op(c) && !(bitwise && is_comparison_or_bool(c));
    loop {
        // `i` ends an operand: find where that operand (with its trailers) starts.
        let t = toks[i];
        let mut s = match t.class {
            Class::Sym(k) if k.is_close_bracket() => {
                let open = matching_open(toks, i)?;
                let is_trailer = matches!(toks[open].class, Class::Sym(Kind::LPar | Kind::LSqb))
                    && open > 0
                    && ends_operand(toks[open - 1].class);
                if is_trailer {
                    i = open - 1;
                    continue;
                }
                open
            }
            Class::Name if i >= 2 && toks[i - 1].is(Kind::Dot) => {
                i -= 2;
                continue;
            }
            Class::Str => {
                let mut s = i;
                while s > 0 && toks[s - 1].class == Class::Str {
                    s -= 1;
                }
                s
            }
            c if ends_operand(c) => i,
            _ => return None,
        };
        // `s` starts an operand: look at what precedes it.
        loop {
            let Some(p) = s.checked_sub(1) else {
                return Some(s);
            };
            let prev = toks[p].class;
            let binary_before = p > 0 && ends_operand(toks[p - 1].class);
            if matches!(prev, Class::Sym(Kind::Minus | Kind::Plus)) && binary_before {
                i = p - 1;
                break;
            }
            if matches!(
                prev,
                Class::Sym(Kind::Minus | Kind::Plus | Kind::Tilde | Kind::Await)
            ) {
                s = p;
                continue;
            }
            if prev == Class::Sym(Kind::Not) && !bitwise {
                if p > 0 && toks[p - 1].is(Kind::Is) && p > 1 && ends_operand(toks[p - 2].class) {
                    i = p - 2;
                    break;
                }
                s = p;
                continue;
            }
            if prev == Class::Sym(Kind::In) && !bitwise {
                if p > 0 && toks[p - 1].is(Kind::Not) && p > 1 && ends_operand(toks[p - 2].class) {
                    i = p - 2;
                    break;
                }
                if in_comprehension_clause(toks, p) {
                    return Some(s);
                }
            }
            if binary(prev) && binary_before {
                i = p - 1;
                break;
            }
            return Some(s);
        }
    }
}

/// Whether the `in` at `p` belongs to a `for ... in` clause.
pub fn in_comprehension_clause(toks: &[TokInfo], p: usize) -> bool {
    let mut j = p;
    while j > 0 {
        j -= 1;
        match toks[j].class {
            Class::Sym(Kind::For) => return true,
            Class::Sym(k) if k.is_close_bracket() => match matching_open(toks, j) {
                Some(o) => j = o,
                None => return false,
            },
            Class::Sym(
                Kind::Comma | Kind::Equal | Kind::Colon | Kind::LPar | Kind::LSqb | Kind::LBrace,
            )
            | Class::Newline
            | Class::Indent
            | Class::Dedent => return false,
            _ => {}
        }
    }
    false
}

pub fn bracket_depth_before(toks: &[TokInfo], i: usize) -> usize {
    let mut depth = 0usize;
    for t in &toks[..i] {
        match t.class {
            Class::Sym(k) if k.is_open_bracket() => depth += 1,
            Class::Sym(k) if k.is_close_bracket() => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// Like [`expression_end`] but stopping before comparisons and boolean operators
/// (a `bitwise_or`).
pub fn expression_end_bitwise(toks: &[TokInfo], i: usize) -> Option<usize> {
    let full = expression_end(toks, i)?;
    let mut depth = 0usize;
    for (j, t) in toks.iter().enumerate().take(full + 1).skip(i) {
        match t.class {
            Class::Sym(k) if k.is_open_bracket() => depth += 1,
            Class::Sym(k) if k.is_close_bracket() => depth = depth.saturating_sub(1),
            c if is_comparison_or_bool(c) && depth == 0 && j > i => return Some(j - 1),
            _ => {}
        }
    }
    Some(full)
}
