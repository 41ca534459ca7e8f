//! Assignment-like targets: checking expressions parsed in target position.
//!
//! The grammar parses every target (`a, b = ...`, `for x in`, `del x`, `with ... as x`,
//! `x += 1`, `x: int`, `x := 1`) as an ordinary expression; these functions accept the valid
//! shapes and otherwise produce CPython 3.11's message and location — including its quirk of
//! suggesting `==` ("... here. Maybe you meant '==' instead of '='?") exactly when CPython's
//! `invalid_named_expression` rule would have fired first.

use super::actions::{expr, stmt, user, PResult};
use super::ast::*;
use super::RawError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetCtx {
    /// `=` targets (`star_targets`).
    Assign,
    /// `for` / comprehension targets.
    For,
    /// `with ... as` targets.
    With,
    Del,
}

/// CPython's `_PyPegen_get_expr_name`: how messages name an expression.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::True => "True",
            Constant::False => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// CPython's `_PyPegen_get_invalid_target`: the first sub-expression that cannot be a target.
fn invalid_target(e: &Expr, ctx: TargetCtx) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter().find_map(|x| invalid_target(x, ctx))
        }
        ExprKind::Starred(inner) => {
            if ctx == TargetCtx::Del {
                Some(e)
            } else {
                invalid_target(inner, ctx)
            }
        }
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

fn span_of(e: &Expr) -> (usize, usize) {
    (e.span.start as usize, e.span.end as usize)
}

fn target_error(bad: &Expr, ctx: TargetCtx) -> RawError {
    let verb = if ctx == TargetCtx::Del {
        "delete"
    } else {
        "assign to"
    };
    let (s, e) = span_of(bad);
    RawError::new(format!("cannot {verb} {}", expr_name(bad)), s, e)
}

/// Accepts `e` as a target in `ctx`, or reports the first invalid part.
pub fn check(e: Expr, ctx: TargetCtx) -> PResult<Expr> {
    match invalid_target(&e, ctx) {
        Some(bad) => Err(user(target_error(bad, ctx))),
        None => Ok(e),
    }
}

pub fn check_all(targets: Vec<Expr>, ctx: TargetCtx) -> PResult<Vec<Expr>> {
    targets.into_iter().map(|t| check(t, ctx)).collect()
}

/// The leftmost atom of an expression (what CPython's lookaheads see first).
fn leftmost(e: &Expr) -> &Expr {
    let mut e = e;
    loop {
        e = match &e.kind {
            ExprKind::BinOp { left, .. } => left,
            ExprKind::Call { func, .. } => func,
            ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value,
            _ => return e,
        };
    }
}

/// True for `bitwise_or`-level expressions (what `a=bitwise_or '='` can match).
fn is_bitwise_or(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred(_)
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
    )
}

/// Whether CPython's `invalid_named_expression` would report `target = value` with the
/// "here. Maybe you meant '=='" wording: the target is a `bitwise_or` (any parenthesized
/// expression is one) that does not start with a list/tuple/genexp display or
/// True/None/False, and the value starts with a `bitwise_or`.
fn suggests_equality(src: &str, target: &Expr, parenthesized: bool, value: &Expr) -> bool {
    if !parenthesized && !is_bitwise_or(target) {
        return false;
    }
    let head = leftmost(target);
    let excluded = matches!(
        head.kind,
        ExprKind::List(_)
            | ExprKind::Tuple(_)
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant(Constant::True | Constant::None | Constant::False)
    );
    if excluded {
        return false;
    }
    let rest = src.get(value.span.start as usize..).unwrap_or("");
    let starts_with_word = |w: &str| {
        rest.starts_with(w)
            && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
    };
    !(rest.starts_with('*')
        || ["not", "lambda", "yield", "await"]
            .iter()
            .any(|w| starts_with_word(w)))
}

/// `t1 = t2 = ... = value`. Each side comes with "is an unparenthesized tuple".
pub fn assign(
    src: &str,
    first: (Expr, bool),
    rest: Vec<(Expr, bool)>,
    l: usize,
    r: usize,
) -> PResult<Stmt> {
    let mut sides = vec![first];
    sides.extend(rest);
    let Some((value, _)) = sides.pop() else {
        return Err(user(RawError::new("invalid syntax", l, r)));
    };
    if sides.len() == 1 {
        // A single `=`: CPython first tries to read `target = value` as a mistyped comparison.
        let (target, bare_tuple) = &sides[0];
        let candidate = if *bare_tuple {
            match &target.kind {
                ExprKind::Tuple(elts) => elts.last(),
                _ => None,
            }
        } else {
            Some(target)
        };
        if let Some(c) = candidate {
            // The first target starts the statement unless it is wrapped in parentheses.
            let parenthesized = !*bare_tuple && c.span.start as usize != l;
            if invalid_target(c, TargetCtx::Assign).is_some()
                && suggests_equality(src, c, parenthesized, &value)
            {
                let (s, e) = span_of(c);
                let msg = format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(c)
                );
                return Err(user(RawError::new(msg, s, e)));
            }
        }
    }
    let mut targets = Vec::with_capacity(sides.len());
    for (t, _) in sides {
        if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            let (s, e) = span_of(&t);
            let msg = "assignment to yield expression not possible";
            return Err(user(RawError::new(msg, s, e)));
        }
        targets.push(check(t, TargetCtx::Assign)?);
    }
    Ok(stmt(StmtKind::Assign { targets, value }, l, r))
}

pub fn aug_assign(target: Expr, op: Operator, value: Expr, l: usize, r: usize) -> PResult<Stmt> {
    match target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
            Ok(stmt(StmtKind::AugAssign { target, op, value }, l, r))
        }
        _ => {
            let (s, e) = span_of(&target);
            let msg = format!(
                "'{}' is an illegal expression for augmented assignment",
                expr_name(&target)
            );
            Err(user(RawError::new(msg, s, e)))
        }
    }
}

pub fn ann_assign(
    (target, bare_tuple): (Expr, bool),
    annotation: Expr,
    value: Option<Expr>,
    l: usize,
    r: usize,
) -> PResult<Stmt> {
    let simple = match &target.kind {
        // A parenthesized name starts after the statement does: `(x): int` is not simple.
        ExprKind::Name(_) => target.span.start as usize == l,
        ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
        ExprKind::Tuple(elts) if bare_tuple => {
            let first = elts.first().unwrap_or(&target);
            let (s, e) = span_of(first);
            let msg = "only single target (not tuple) can be annotated";
            return Err(user(RawError::new(msg, s, e)));
        }
        ExprKind::Tuple(_) | ExprKind::List(_) => {
            let (s, e) = span_of(&target);
            let msg = format!(
                "only single target (not {}) can be annotated",
                expr_name(&target)
            );
            return Err(user(RawError::new(msg, s, e)));
        }
        _ => {
            let (s, e) = span_of(&target);
            return Err(user(RawError::new("illegal target for annotation", s, e)));
        }
    };
    Ok(stmt(
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        },
        l,
        r,
    ))
}

/// `target := value`: the target must be a plain name.
pub fn named_expr(target: Expr, value: Expr, l: usize, r: usize) -> PResult<Expr> {
    if let ExprKind::Name(_) = target.kind {
        return Ok(expr(
            ExprKind::NamedExpr {
                target: Box::new(target),
                value: Box::new(value),
            },
            l,
            r,
        ));
    }
    let (s, e) = span_of(&target);
    let msg = format!(
        "cannot use assignment expressions with {}",
        expr_name(&target)
    );
    Err(user(RawError::new(msg, s, e)))
}
