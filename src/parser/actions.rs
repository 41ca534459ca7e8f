//! Node construction for the grammar's actions, and the checks CPython makes while parsing
//! call arguments, parameter lists, comprehensions and parenthesized forms.
//!
//! Invariant: every function here either builds a well-formed AST node or returns a
//! `ParseError::User` carrying CPython's message and location; none of them panics. Spans are
//! byte ranges; a compound statement ends where its last body statement ends (so trailing
//! comments and blank lines are not included).

use lalrpop_util::ParseError;

use super::ast::*;
use super::error::Quirk;
use super::RawError;
use crate::lexer::{StrLit, Tok};

pub type PResult<T> = Result<T, ParseError<usize, Tok, RawError>>;

pub fn user(error: RawError) -> ParseError<usize, Tok, RawError> {
    ParseError::User { error }
}

/// An error reported at the first token starting at or after `pos` (CPython's "last token
/// fetched"), resolved by the driver, which knows the tokens.
pub fn at_next_token(msg: impl Into<String>, pos: usize) -> RawError {
    let mut e = RawError::new(msg, pos, pos);
    e.quirk = Some(Box::new(Quirk::NextToken));
    e
}

pub fn comma_list<T>(mut v: Vec<T>, last: Option<T>) -> (Vec<T>, bool) {
    match last {
        Some(e) => {
            v.push(e);
            (v, false)
        }
        None => (v, true),
    }
}

/// Every expression node the grammar builds comes through here (nesting is capped).
pub fn expr(kind: ExprKind, l: usize, r: usize) -> Expr {
    super::depth::node(kind, l, r)
}

pub fn stmt(kind: StmtKind, l: usize, r: usize) -> Stmt {
    Stmt {
        kind,
        span: Span::new(l, r),
    }
}

pub fn constant(c: Constant, l: usize, r: usize) -> Expr {
    expr(ExprKind::Constant(c), l, r)
}

pub fn binop(x: Expr, op: Operator, y: Expr, l: usize, r: usize) -> Expr {
    expr(
        ExprKind::BinOp {
            left: Box::new(x),
            op,
            right: Box::new(y),
        },
        l,
        r,
    )
}

pub fn unary(op: UnaryOp, e: Expr, l: usize, r: usize) -> Expr {
    expr(
        ExprKind::UnaryOp {
            op,
            operand: Box::new(e),
        },
        l,
        r,
    )
}

pub fn boolop(op: BoolOp, first: Expr, rest: Vec<Expr>, l: usize, r: usize) -> Expr {
    let mut values = vec![first];
    values.extend(rest);
    expr(ExprKind::BoolOp { op, values }, l, r)
}

pub fn compare(left: Expr, rest: Vec<(CmpOp, Expr)>, l: usize, r: usize) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    expr(
        ExprKind::Compare {
            left: Box::new(left),
            ops,
            comparators,
        },
        l,
        r,
    )
}

/// A single item stays itself; several items, or one with a trailing comma, make a tuple.
pub fn tuple_or_single(items: (Vec<Expr>, bool), l: usize, r: usize) -> Expr {
    tuple_or_single_flag(items, l, r).0
}

/// As [`tuple_or_single`], also telling whether a (bare, unparenthesized) tuple was built.
pub fn tuple_or_single_flag(
    (mut items, trailing): (Vec<Expr>, bool),
    l: usize,
    r: usize,
) -> (Expr, bool) {
    if items.len() == 1 && !trailing {
        if let Some(e) = items.pop() {
            return (e, false);
        }
    }
    (expr(ExprKind::Tuple(items), l, r), true)
}

/// `( ... )` holding a group or a tuple display.
pub fn paren((mut items, trailing): (Vec<Expr>, bool), l: usize, r: usize) -> PResult<Expr> {
    if items.len() == 1 && !trailing {
        if let Some(e) = items.pop() {
            if let ExprKind::Starred(_) = e.kind {
                let (s, t) = (e.span.start as usize, e.span.end as usize);
                return Err(user(RawError::new(
                    "cannot use starred expression here",
                    s,
                    t,
                )));
            }
            return Ok(e);
        }
    }
    Ok(expr(ExprKind::Tuple(items), l, r))
}

pub fn dict(items: Vec<(Option<Expr>, Expr)>, l: usize, r: usize) -> Expr {
    let (keys, values) = items.into_iter().unzip();
    expr(ExprKind::Dict { keys, values }, l, r)
}

pub fn subscript_list((items, trailing): (Vec<Expr>, bool), l: usize, r: usize) -> Expr {
    let starred = items.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
    if starred {
        // `a[*b]` is a tuple even without a comma (PEP 646).
        return expr(ExprKind::Tuple(items), l, r);
    }
    tuple_or_single((items, trailing), l, r)
}

pub fn slice(
    lower: Option<Expr>,
    upper: Option<Expr>,
    step: Option<Option<Expr>>,
    l: usize,
    r: usize,
) -> Expr {
    expr(
        ExprKind::Slice {
            lower: lower.map(Box::new),
            upper: upper.map(Box::new),
            step: step.flatten().map(Box::new),
        },
        l,
        r,
    )
}

pub fn strings(src: &str, parts: Vec<(usize, StrLit, usize)>) -> PResult<Expr> {
    super::strings::concat(src, parts).map_err(user)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

pub fn comprehension(
    kind: CompKind,
    elt: Expr,
    value: Option<Expr>,
    generators: Vec<Comprehension>,
    l: usize,
    r: usize,
) -> PResult<Expr> {
    if let ExprKind::Starred(_) = elt.kind {
        let (s, t) = (elt.span.start as usize, elt.span.end as usize);
        let msg = "iterable unpacking cannot be used in comprehension";
        return Err(user(RawError::new(msg, s, t)));
    }
    let elt = Box::new(elt);
    let kind = match kind {
        CompKind::List => ExprKind::ListComp { elt, generators },
        CompKind::Set => ExprKind::SetComp { elt, generators },
        CompKind::Gen => ExprKind::GeneratorExp { elt, generators },
        CompKind::Dict => ExprKind::DictComp {
            key: elt,
            value: Box::new(value.unwrap_or_else(|| expr(ExprKind::Tuple(vec![]), l, l))),
            generators,
        },
    };
    Ok(expr(kind, l, r))
}

pub fn dotted(first: String, rest: Vec<String>) -> String {
    let mut s = first;
    for part in rest {
        s.push('.');
        s.push_str(&part);
    }
    s
}

pub fn import_names((names, trailing): (Vec<Alias>, bool), r: usize) -> PResult<Vec<Alias>> {
    if trailing {
        let msg = "trailing comma not allowed without surrounding parentheses";
        return Err(user(at_next_token(msg, r)));
    }
    Ok(names)
}

// ---------------------------------------------------------------- compound statements

/// Where a compound statement ends: the end of its last body statement.
pub fn block_end(body: &[Stmt], orelse: &[Stmt]) -> usize {
    orelse
        .last()
        .or(body.last())
        .map_or(0, |s| s.span.end as usize)
}

pub fn if_stmt(
    l: usize,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
) -> Stmt {
    // `elif` chains nest as `If` statements in the `orelse` of the previous one.
    let mut tail = orelse.unwrap_or_default();
    for (el, etest, ebody) in elifs.into_iter().rev() {
        let r = block_end(&ebody, &tail);
        tail = vec![stmt(
            StmtKind::If {
                test: etest,
                body: ebody,
                orelse: tail,
            },
            el,
            r,
        )];
    }
    let r = block_end(&body, &tail);
    stmt(
        StmtKind::If {
            test,
            body,
            orelse: tail,
        },
        l,
        r,
    )
}

pub fn try_stmt(
    l: usize,
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Option<Vec<Stmt>>,
    finalbody: Option<Vec<Stmt>>,
) -> Stmt {
    let orelse = orelse.unwrap_or_default();
    let finalbody = finalbody.unwrap_or_default();
    let r = [
        finalbody.last().map(|s| s.span.end),
        orelse.last().map(|s| s.span.end),
        handlers.last().map(|h| h.span.end),
        body.last().map(|s| s.span.end),
    ]
    .into_iter()
    .flatten()
    .next()
    .unwrap_or(0) as usize;
    stmt(
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        },
        l,
        r,
    )
}

pub fn handler(
    l: usize,
    typ: Option<Expr>,
    name: Option<String>,
    body: Vec<Stmt>,
) -> ExceptHandler {
    let r = block_end(&body, &[]);
    ExceptHandler {
        typ,
        name,
        body,
        span: Span::new(l, r),
    }
}

pub fn with_stmt(
    l: usize,
    (items, trailing): (Vec<WithItem>, bool),
    colon: usize,
    body: Vec<Stmt>,
) -> PResult<Stmt> {
    if trailing {
        return Err(user(at_next_token("invalid syntax", colon)));
    }
    let r = block_end(&body, &[]);
    Ok(stmt(StmtKind::With { items, body }, l, r))
}

pub fn decorate(decorators: Vec<Expr>, mut s: Stmt) -> Stmt {
    match &mut s.kind {
        StmtKind::FunctionDef(f) => f.decorator_list = decorators,
        StmtKind::ClassDef(c) => c.decorator_list = decorators,
        _ => {}
    }
    s
}

pub fn func_def(
    l: usize,
    name: String,
    params: Option<(Vec<ParamItem>, bool)>,
    returns: Option<Expr>,
    body: Vec<Stmt>,
) -> PResult<Stmt> {
    let args = parameters(params.map(|p| p.0).unwrap_or_default(), false)?;
    let r = block_end(&body, &[]);
    let def = FunctionDef {
        name,
        args,
        body,
        decorator_list: vec![],
        returns,
    };
    Ok(stmt(StmtKind::FunctionDef(Box::new(def)), l, r))
}

pub fn class_def(
    l: usize,
    name: String,
    args: Option<((Vec<ArgItem>, bool), usize)>,
    body: Vec<Stmt>,
) -> PResult<Stmt> {
    let (bases, keywords) = match args {
        Some(((items, trailing), close)) => {
            if let Some(ArgItem::Gen(e, ..)) = items.first() {
                if items.len() == 1 && !trailing {
                    // CPython has no genexp form for class bases: "invalid syntax" at `for`.
                    return Err(user(at_next_token("invalid syntax", e.span.end as usize)));
                }
            }
            let call = call_args(items, trailing, close, close)?;
            (call.0, call.1)
        }
        None => (vec![], vec![]),
    };
    let r = block_end(&body, &[]);
    let def = ClassDef {
        name,
        bases,
        keywords,
        body,
        decorator_list: vec![],
    };
    Ok(stmt(StmtKind::ClassDef(Box::new(def)), l, r))
}

// ---------------------------------------------------------------- calls

/// One call argument as parsed, before order checks.
pub enum ArgItem {
    Pos(Expr),
    /// `elt for ...` without its own parentheses; (l, r) cover `elt ... last clause`.
    Gen(Expr, Vec<Comprehension>, usize, usize),
    /// `name = value`; `eq` is the end of the `=` token.
    Kw(Expr, usize, Expr, usize, usize),
    Star(Expr, usize, usize),
    DoubleStar(Expr, usize, usize),
}

/// `f(args)`; `open` and `close` are the offsets of the parentheses.
pub fn call(
    f: Expr,
    (items, trailing): (Vec<ArgItem>, bool),
    open: usize,
    close: usize,
) -> PResult<Expr> {
    let (args, keywords) = call_args(items, trailing, open, close)?;
    let l = f.span.start as usize;
    Ok(expr(
        ExprKind::Call {
            func: Box::new(f),
            args,
            keywords,
        },
        l,
        close + 1,
    ))
}

/// Checks argument order as CPython's grammar does and splits positional from keyword
/// arguments. `open` and `close` are the offsets of the parentheses (a sole generator
/// argument takes their span as its own).
fn call_args(
    items: Vec<ArgItem>,
    trailing: bool,
    open: usize,
    close: usize,
) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
    let count = items.len();
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let mut seen_keyword = false;
    let mut seen_unpack = false;
    for item in items {
        match item {
            ArgItem::Pos(e) => {
                if seen_keyword {
                    let msg = if seen_unpack {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    // CPython reports this at the last token it read: the closing `)`.
                    return Err(user(RawError::new(msg, close, close + 1)));
                }
                args.push(e);
            }
            ArgItem::Gen(elt, generators, l, r) => {
                if count > 1 || trailing {
                    let msg = "Generator expression must be parenthesized";
                    return Err(user(RawError::new(msg, l, r)));
                }
                let kind = ExprKind::GeneratorExp {
                    elt: Box::new(elt),
                    generators,
                };
                args.push(expr(kind, open, close + 1));
            }
            ArgItem::Kw(name, eq, value, l, r) => {
                let arg = keyword_name(name, eq)?;
                seen_keyword = true;
                keywords.push(Keyword {
                    arg: Some(arg),
                    value,
                    span: Span::new(l, r),
                });
            }
            ArgItem::Star(e, l, r) => {
                if seen_unpack {
                    let msg = "iterable argument unpacking follows keyword argument unpacking";
                    return Err(user(RawError::new(msg, l, l + 1)));
                }
                args.push(expr(ExprKind::Starred(Box::new(e)), l, r));
            }
            ArgItem::DoubleStar(value, l, r) => {
                seen_keyword = true;
                seen_unpack = true;
                keywords.push(Keyword {
                    arg: None,
                    value,
                    span: Span::new(l, r),
                });
            }
        }
    }
    Ok((args, keywords))
}

/// The `name` of `name=value` must be a plain identifier.
fn keyword_name(name: Expr, eq_end: usize) -> PResult<String> {
    let start = name.span.start as usize;
    match name.kind {
        ExprKind::Name(n) => Ok(n),
        ExprKind::Constant(c @ (Constant::True | Constant::False | Constant::None)) => {
            let word = match c {
                Constant::True => "True",
                Constant::False => "False",
                _ => "None",
            };
            let msg = format!("cannot assign to {word}");
            Err(user(RawError::new(msg, start, eq_end)))
        }
        _ => {
            let msg = "expression cannot contain assignment, perhaps you meant \"==\"?";
            Err(user(RawError::new(msg, start, eq_end)))
        }
    }
}

// ---------------------------------------------------------------- parameters

/// One parameter-list item as parsed, before order checks. Positions are byte offsets.
pub enum ParamItem {
    Plain {
        arg: Arg,
        /// Start of the `=` and the default value.
        default: Option<(usize, Expr)>,
    },
    Slash(usize, usize),
    Star {
        star: (usize, usize),
        arg: Option<Arg>,
        /// Start of a (forbidden) `=` default.
        eq: Option<usize>,
    },
    DoubleStar {
        star: (usize, usize),
        arg: Arg,
        eq: Option<usize>,
    },
}

impl ParamItem {
    /// Where CPython points when this item is out of place.
    fn span(&self) -> (usize, usize) {
        match self {
            ParamItem::Plain { arg, .. } => (arg.span.start as usize, arg.span.end as usize),
            ParamItem::Slash(l, r) => (*l, *r),
            ParamItem::Star { star, .. } | ParamItem::DoubleStar { star, .. } => *star,
        }
    }
}

pub fn lambda(
    params: Option<(Vec<ParamItem>, bool)>,
    body: Expr,
    l: usize,
    r: usize,
) -> PResult<Expr> {
    let args = parameters(params.map(|p| p.0).unwrap_or_default(), true)?;
    Ok(expr(
        ExprKind::Lambda {
            args: Box::new(args),
            body: Box::new(body),
        },
        l,
        r,
    ))
}

/// Lays out a parameter list as `ast.arguments`, with CPython's messages for misplaced items.
fn parameters(items: Vec<ParamItem>, is_lambda: bool) -> PResult<Arguments> {
    let mut out = Arguments::default();
    let mut seen_slash = false;
    let mut seen_star = false;
    let mut seen_kwarg = false;
    let mut seen_default = false;
    let mut bare_star: Option<(usize, usize)> = None;
    let err = |msg: &str, (s, e): (usize, usize)| Err(user(RawError::new(msg, s, e)));
    for item in items {
        if seen_kwarg {
            return err("arguments cannot follow var-keyword argument", item.span());
        }
        match item {
            ParamItem::Plain { arg, default } => {
                if seen_star {
                    out.kwonlyargs.push(arg);
                    out.kw_defaults.push(default.map(|d| d.1));
                    continue;
                }
                match default {
                    Some((_, d)) => {
                        seen_default = true;
                        out.defaults.push(d);
                    }
                    None if seen_default => {
                        let span = (arg.span.start as usize, arg.span.end as usize);
                        return err("non-default argument follows default argument", span);
                    }
                    None => {}
                }
                out.args.push(arg);
            }
            ParamItem::Slash(l, r) => {
                if seen_slash {
                    return err("/ may appear only once", (l, r));
                }
                if seen_star {
                    return err("/ must be ahead of *", (l, r));
                }
                if out.args.is_empty() {
                    return err("at least one argument must precede /", (l, r));
                }
                seen_slash = true;
                out.posonlyargs = std::mem::take(&mut out.args);
            }
            ParamItem::Star { star, arg, eq } => {
                if seen_star {
                    return err("* argument may appear only once", star);
                }
                if let Some(eq) = eq {
                    return err(
                        "var-positional argument cannot have default value",
                        (eq, eq + 1),
                    );
                }
                seen_star = true;
                if arg.is_none() {
                    bare_star = Some(star);
                }
                out.vararg = arg;
            }
            ParamItem::DoubleStar { star: _, arg, eq } => {
                if let Some(eq) = eq {
                    return err(
                        "var-keyword argument cannot have default value",
                        (eq, eq + 1),
                    );
                }
                if let Some(star) = bare_star.filter(|_| out.kwonlyargs.is_empty()) {
                    return bare_star_error(star, is_lambda);
                }
                seen_kwarg = true;
                out.kwarg = Some(arg);
            }
        }
    }
    if let Some(star) = bare_star.filter(|_| out.kwonlyargs.is_empty()) {
        return bare_star_error(star, is_lambda);
    }
    Ok(out)
}

/// `def f(*)` is reported at the `*`; `lambda *: 1` at the token after it.
fn bare_star_error<T>(star: (usize, usize), is_lambda: bool) -> PResult<T> {
    let msg = "named arguments must follow bare *";
    if is_lambda {
        Err(user(at_next_token(msg, star.1)))
    } else {
        Err(user(RawError::new(msg, star.0, star.1)))
    }
}
