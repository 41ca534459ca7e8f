//! A clone of CPython's `ast.dump()` (default options) for our AST, so test expectations
//! can be produced by running `python3 -c "import ast; print(ast.dump(ast.parse(src)))"`.
//! Expression contexts (Load/Store/Del), which our AST leaves implicit, are recomputed from
//! position.

use crate::lexer::layout::is_printable;
use crate::parser::ast::*;

#[derive(Clone, Copy)]
enum Ctx {
    Load,
    Store,
    Del,
}

pub fn module(m: &Module) -> String {
    format!("Module(body={}, type_ignores=[])", stmts(&m.body))
}

fn list<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    let parts: Vec<String> = items.iter().map(f).collect();
    format!("[{}]", parts.join(", "))
}

fn stmts(v: &[Stmt]) -> String {
    list(v, stmt)
}

fn node(name: &str, fields: Vec<(&str, Option<String>)>) -> String {
    let parts: Vec<String> = fields
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| format!("{k}={v}")))
        .collect();
    format!("{name}({})", parts.join(", "))
}

fn opt(e: &Option<Expr>) -> Option<String> {
    e.as_ref().map(load)
}

fn s(v: String) -> Option<String> {
    Some(v)
}

fn stmt(st: &Stmt) -> String {
    match &st.kind {
        StmtKind::FunctionDef(f) => node(
            "FunctionDef",
            vec![
                ("name", s(str_repr(&f.name))),
                ("args", s(arguments(&f.args))),
                ("body", s(stmts(&f.body))),
                ("decorator_list", s(list(&f.decorator_list, load))),
                ("returns", opt(&f.returns)),
            ],
        ),
        StmtKind::ClassDef(c) => node(
            "ClassDef",
            vec![
                ("name", s(str_repr(&c.name))),
                ("bases", s(list(&c.bases, load))),
                ("keywords", s(list(&c.keywords, keyword))),
                ("body", s(stmts(&c.body))),
                ("decorator_list", s(list(&c.decorator_list, load))),
            ],
        ),
        StmtKind::Return(v) => node("Return", vec![("value", opt(v))]),
        StmtKind::Delete(t) => node(
            "Delete",
            vec![("targets", s(list(t, |e| expr(e, Ctx::Del))))],
        ),
        StmtKind::Assign { targets, value } => node(
            "Assign",
            vec![
                ("targets", s(list(targets, store))),
                ("value", s(load(value))),
            ],
        ),
        StmtKind::AugAssign { target, op, value } => node(
            "AugAssign",
            vec![
                ("target", s(store(target))),
                ("op", s(format!("{}()", operator(*op)))),
                ("value", s(load(value))),
            ],
        ),
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        } => node(
            "AnnAssign",
            vec![
                ("target", s(store(target))),
                ("annotation", s(load(annotation))),
                ("value", opt(value)),
                ("simple", s(u8::from(*simple).to_string())),
            ],
        ),
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => node(
            "For",
            vec![
                ("target", s(store(target))),
                ("iter", s(load(iter))),
                ("body", s(stmts(body))),
                ("orelse", s(stmts(orelse))),
            ],
        ),
        StmtKind::While { test, body, orelse } => node(
            "While",
            vec![
                ("test", s(load(test))),
                ("body", s(stmts(body))),
                ("orelse", s(stmts(orelse))),
            ],
        ),
        StmtKind::If { test, body, orelse } => node(
            "If",
            vec![
                ("test", s(load(test))),
                ("body", s(stmts(body))),
                ("orelse", s(stmts(orelse))),
            ],
        ),
        StmtKind::With { items, body } => node(
            "With",
            vec![
                (
                    "items",
                    s(list(items, |w| {
                        node(
                            "withitem",
                            vec![
                                ("context_expr", s(load(&w.context_expr))),
                                ("optional_vars", w.optional_vars.as_ref().map(store)),
                            ],
                        )
                    })),
                ),
                ("body", s(stmts(body))),
            ],
        ),
        StmtKind::Raise { exc, cause } => {
            node("Raise", vec![("exc", opt(exc)), ("cause", opt(cause))])
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => node(
            "Try",
            vec![
                ("body", s(stmts(body))),
                (
                    "handlers",
                    s(list(handlers, |h| {
                        node(
                            "ExceptHandler",
                            vec![
                                ("type", opt(&h.typ)),
                                ("name", h.name.as_ref().map(|n| str_repr(n))),
                                ("body", s(stmts(&h.body))),
                            ],
                        )
                    })),
                ),
                ("orelse", s(stmts(orelse))),
                ("finalbody", s(stmts(finalbody))),
            ],
        ),
        StmtKind::Assert { test, msg } => {
            node("Assert", vec![("test", s(load(test))), ("msg", opt(msg))])
        }
        StmtKind::Import(names) => node("Import", vec![("names", s(list(names, alias)))]),
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => node(
            "ImportFrom",
            vec![
                ("module", module.as_ref().map(|m| str_repr(m))),
                ("names", s(list(names, alias))),
                ("level", s(level.to_string())),
            ],
        ),
        StmtKind::Global(n) => node("Global", vec![("names", s(list(n, |x| str_repr(x))))]),
        StmtKind::Nonlocal(n) => node("Nonlocal", vec![("names", s(list(n, |x| str_repr(x))))]),
        StmtKind::Expr(e) => node("Expr", vec![("value", s(load(e)))]),
        StmtKind::Pass => "Pass()".into(),
        StmtKind::Break => "Break()".into(),
        StmtKind::Continue => "Continue()".into(),
    }
}

fn alias(a: &Alias) -> String {
    node(
        "alias",
        vec![
            ("name", s(str_repr(&a.name))),
            ("asname", a.asname.as_ref().map(|n| str_repr(n))),
        ],
    )
}

fn keyword(k: &Keyword) -> String {
    node(
        "keyword",
        vec![
            ("arg", k.arg.as_ref().map(|n| str_repr(n))),
            ("value", s(load(&k.value))),
        ],
    )
}

fn arg(a: &Arg) -> String {
    node(
        "arg",
        vec![
            ("arg", s(str_repr(&a.arg))),
            ("annotation", opt(&a.annotation)),
        ],
    )
}

fn arguments(a: &Arguments) -> String {
    node(
        "arguments",
        vec![
            ("posonlyargs", s(list(&a.posonlyargs, arg))),
            ("args", s(list(&a.args, arg))),
            ("vararg", a.vararg.as_ref().map(arg)),
            ("kwonlyargs", s(list(&a.kwonlyargs, arg))),
            (
                "kw_defaults",
                s(list(&a.kw_defaults, |d| {
                    d.as_ref().map_or("None".into(), load)
                })),
            ),
            ("kwarg", a.kwarg.as_ref().map(arg)),
            ("defaults", s(list(&a.defaults, load))),
        ],
    )
}

fn load(e: &Expr) -> String {
    expr(e, Ctx::Load)
}

fn store(e: &Expr) -> String {
    expr(e, Ctx::Store)
}

fn ctx_name(c: Ctx) -> String {
    match c {
        Ctx::Load => "Load()",
        Ctx::Store => "Store()",
        Ctx::Del => "Del()",
    }
    .into()
}

fn comprehensions(gens: &[Comprehension]) -> String {
    list(gens, |g| {
        node(
            "comprehension",
            vec![
                ("target", s(store(&g.target))),
                ("iter", s(load(&g.iter))),
                ("ifs", s(list(&g.ifs, load))),
                ("is_async", s("0".into())),
            ],
        )
    })
}

fn expr(e: &Expr, c: Ctx) -> String {
    match &e.kind {
        ExprKind::BoolOp { op, values } => node(
            "BoolOp",
            vec![
                (
                    "op",
                    s(if *op == BoolOp::And { "And()" } else { "Or()" }.into()),
                ),
                ("values", s(list(values, load))),
            ],
        ),
        ExprKind::NamedExpr { target, value } => node(
            "NamedExpr",
            vec![("target", s(store(target))), ("value", s(load(value)))],
        ),
        ExprKind::BinOp { left, op, right } => node(
            "BinOp",
            vec![
                ("left", s(load(left))),
                ("op", s(format!("{}()", operator(*op)))),
                ("right", s(load(right))),
            ],
        ),
        ExprKind::UnaryOp { op, operand } => node(
            "UnaryOp",
            vec![
                ("op", s(format!("{op:?}()").replace("Invert", "Invert"))),
                ("operand", s(load(operand))),
            ],
        ),
        ExprKind::Lambda { args, body } => node(
            "Lambda",
            vec![("args", s(arguments(args))), ("body", s(load(body)))],
        ),
        ExprKind::IfExp { test, body, orelse } => node(
            "IfExp",
            vec![
                ("test", s(load(test))),
                ("body", s(load(body))),
                ("orelse", s(load(orelse))),
            ],
        ),
        ExprKind::Dict { keys, values } => node(
            "Dict",
            vec![
                (
                    "keys",
                    s(list(keys, |k| k.as_ref().map_or("None".into(), load))),
                ),
                ("values", s(list(values, load))),
            ],
        ),
        ExprKind::Set(elts) => node("Set", vec![("elts", s(list(elts, load)))]),
        ExprKind::ListComp { elt, generators } => node(
            "ListComp",
            vec![
                ("elt", s(load(elt))),
                ("generators", s(comprehensions(generators))),
            ],
        ),
        ExprKind::SetComp { elt, generators } => node(
            "SetComp",
            vec![
                ("elt", s(load(elt))),
                ("generators", s(comprehensions(generators))),
            ],
        ),
        ExprKind::GeneratorExp { elt, generators } => node(
            "GeneratorExp",
            vec![
                ("elt", s(load(elt))),
                ("generators", s(comprehensions(generators))),
            ],
        ),
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => node(
            "DictComp",
            vec![
                ("key", s(load(key))),
                ("value", s(load(value))),
                ("generators", s(comprehensions(generators))),
            ],
        ),
        ExprKind::Yield(v) => node("Yield", vec![("value", v.as_deref().map(load))]),
        ExprKind::YieldFrom(v) => node("YieldFrom", vec![("value", s(load(v)))]),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => node(
            "Compare",
            vec![
                ("left", s(load(left))),
                ("ops", s(list(ops, |o| format!("{o:?}()")))),
                ("comparators", s(list(comparators, load))),
            ],
        ),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => node(
            "Call",
            vec![
                ("func", s(load(func))),
                ("args", s(list(args, load))),
                ("keywords", s(list(keywords, keyword))),
            ],
        ),
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => node(
            "FormattedValue",
            vec![
                ("value", s(load(value))),
                (
                    "conversion",
                    s(conversion.map_or(-1, |c| c as i64).to_string()),
                ),
                ("format_spec", format_spec.as_deref().map(load)),
            ],
        ),
        ExprKind::JoinedStr(values) => node("JoinedStr", vec![("values", s(list(values, load)))]),
        ExprKind::Constant(k) => node("Constant", vec![("value", s(constant(k)))]),
        ExprKind::Attribute { value, attr } => node(
            "Attribute",
            vec![
                ("value", s(load(value))),
                ("attr", s(str_repr(attr))),
                ("ctx", s(ctx_name(c))),
            ],
        ),
        ExprKind::Subscript { value, slice } => node(
            "Subscript",
            vec![
                ("value", s(load(value))),
                ("slice", s(load(slice))),
                ("ctx", s(ctx_name(c))),
            ],
        ),
        ExprKind::Starred(v) => node(
            "Starred",
            vec![("value", s(expr(v, c))), ("ctx", s(ctx_name(c)))],
        ),
        ExprKind::Name(id) => node(
            "Name",
            vec![("id", s(str_repr(id))), ("ctx", s(ctx_name(c)))],
        ),
        ExprKind::List(elts) => node(
            "List",
            vec![
                ("elts", s(list(elts, |x| expr(x, c)))),
                ("ctx", s(ctx_name(c))),
            ],
        ),
        ExprKind::Tuple(elts) => node(
            "Tuple",
            vec![
                ("elts", s(list(elts, |x| expr(x, c)))),
                ("ctx", s(ctx_name(c))),
            ],
        ),
        ExprKind::Slice { lower, upper, step } => node(
            "Slice",
            vec![
                ("lower", lower.as_deref().map(load)),
                ("upper", upper.as_deref().map(load)),
                ("step", step.as_deref().map(load)),
            ],
        ),
    }
}

fn operator(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}

fn constant(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::True => "True".into(),
        Constant::False => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex(f) => {
            let r = float_repr(*f);
            format!("{}j", r.strip_suffix(".0").unwrap_or(&r))
        }
        Constant::Str(v) => str_repr(v),
        Constant::Bytes(b) => bytes_repr(b),
    }
}

/// Python's `repr(float)`: shortest round-trip digits; scientific notation outside
/// `1e-4 <= |x| < 1e16`.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sci = format!("{f:e}");
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mant) = match mant.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mant),
    };
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    if (-4..16).contains(&exp) {
        let point = exp + 1;
        let s = if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if point as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        return format!("{sign}{s}");
    }
    let m = if digits.len() > 1 {
        format!("{}.{}", &digits[..1], &digits[1..])
    } else {
        digits
    };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}{m}e{esign}{:02}", exp.abs())
}

pub fn str_repr(v: &str) -> String {
    let quote = if v.contains('\'') && !v.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_ascii() || is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}
