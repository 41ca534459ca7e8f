//! A cap on expression nesting, so no later recursive pass (not even `Drop`) can overflow
//! the stack on adversarial input such as a hundred thousand unary minus signs.
//!
//! CPython accepts about 2000 levels and fails near 3000 (RecursionError in its compiler);
//! Pyrena accepts [`MAX_DEPTH`] and reports "Python source too complex to parse" beyond.
//!
//! How depth is known without a field in `Expr`: nodes are built bottom-up and AST spans
//! nest, so when a parent is built, the most recently built node starting at a child's start
//! offset *is* that child (any later node starting there would have to be an ancestor of the
//! child, hence the parent). A per-parse table indexed by start offset therefore holds every
//! child's depth. A node that would exceed the cap is replaced by a leaf (its children are at
//! most `MAX_DEPTH` deep, so dropping them is safe) and the overflow is remembered; the
//! driver turns it into a SyntaxError when the parse ends. Nodes built outside
//! [`super::actions::expr`] (f-string pieces) are not recorded; they add a bounded amount.
//!
//! Invariant: between [`enter`] and the matching [`leave`] of the outermost parse, the table
//! covers the whole source; nested parses (f-string fields) share it.

use std::cell::RefCell;

use super::ast::{Constant, Expr, ExprKind, Span};

pub const MAX_DEPTH: u16 = 2500;

#[derive(Default)]
struct Table {
    depth_at: Vec<u16>,
    overflow: Option<usize>,
    active: u32,
}

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
}

/// Starts a parse of a source of `len` bytes (nested parses reuse the outer table).
pub fn enter(len: usize) {
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        if t.active == 0 {
            t.depth_at = vec![0; len + 1];
            t.overflow = None;
        }
        t.active += 1;
    });
}

/// Ends a parse; for the outermost one, returns where nesting first exceeded the cap.
pub fn leave() -> Option<usize> {
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        t.active = t.active.saturating_sub(1);
        if t.active > 0 {
            return None;
        }
        t.depth_at = Vec::new();
        t.overflow.take()
    })
}

/// Wraps `kind` into a node at `l..r`, recording its depth, or a leaf if it is too deep.
pub fn node(kind: ExprKind, l: usize, r: usize) -> Expr {
    let span = Span::new(l, r);
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        let depth = 1 + children_depth(&t.depth_at, &kind);
        if let Some(slot) = t.depth_at.get_mut(l) {
            *slot = depth.min(MAX_DEPTH + 1);
        }
        if depth <= MAX_DEPTH {
            return Expr { kind, span };
        }
        t.overflow.get_or_insert(l);
        Expr {
            kind: ExprKind::Constant(Constant::None),
            span,
        }
    })
}

fn children_depth(table: &[u16], kind: &ExprKind) -> u16 {
    let d = |e: &Expr| table.get(e.span.start as usize).copied().unwrap_or(0);
    let all = |v: &[Expr]| v.iter().map(d).max().unwrap_or(0);
    let gens = |g: &[super::ast::Comprehension]| {
        g.iter()
            .map(|c| d(&c.target).max(d(&c.iter)).max(all(&c.ifs)))
            .max()
            .unwrap_or(0)
    };
    match kind {
        ExprKind::BoolOp { values, .. } => all(values),
        ExprKind::NamedExpr { target, value } => d(target).max(d(value)),
        ExprKind::BinOp { left, right, .. } => d(left).max(d(right)),
        ExprKind::UnaryOp { operand, .. } => d(operand),
        ExprKind::Lambda { args, body } => {
            let defaults = all(&args.defaults);
            let kw = args.kw_defaults.iter().flatten().map(d).max().unwrap_or(0);
            d(body).max(defaults).max(kw)
        }
        ExprKind::IfExp { test, body, orelse } => d(test).max(d(body)).max(d(orelse)),
        ExprKind::Dict { keys, values } => {
            let k = keys.iter().flatten().map(d).max().unwrap_or(0);
            k.max(all(values))
        }
        ExprKind::Set(v) | ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::JoinedStr(v) => {
            all(v)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => d(elt).max(gens(generators)),
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => d(key).max(d(value)).max(gens(generators)),
        ExprKind::Yield(v) => v.as_deref().map_or(0, d),
        ExprKind::YieldFrom(v) | ExprKind::Starred(v) => d(v),
        ExprKind::Compare {
            left, comparators, ..
        } => d(left).max(all(comparators)),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            let kw = keywords.iter().map(|k| d(&k.value)).max().unwrap_or(0);
            d(func).max(all(args)).max(kw)
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => d(value).max(format_spec.as_deref().map_or(0, d)),
        ExprKind::Attribute { value, .. } => d(value),
        ExprKind::Subscript { value, slice } => d(value).max(d(slice)),
        ExprKind::Slice { lower, upper, step } => [lower, upper, step]
            .iter()
            .filter_map(|x| x.as_deref())
            .map(d)
            .max()
            .unwrap_or(0),
        ExprKind::Constant(_) | ExprKind::Name(_) => 0,
    }
}
