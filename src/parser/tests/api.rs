//! The public API: `parse_expression` (eval input), node spans, the `incomplete` flag the
//! REPL relies on, error attributes, and nesting limits.

use crate::parser::ast::*;
use crate::parser::{parse_expression, parse_module, SyntaxErrorKind};

use super::dump;

fn expr_dump(src: &str) -> String {
    match parse_expression(src, "<string>") {
        Ok(e) => dump::module(&Module {
            body: vec![Stmt {
                kind: StmtKind::Expr(e),
                span: Span::default(),
            }],
        }),
        Err(e) => format!("{}: {} ({}, {})", e.kind.name(), e.msg, e.lineno, e.offset),
    }
}

#[test]
fn eval_input_allows_surrounding_blank_space() {
    let one = "Module(body=[Expr(value=Constant(value=1))], type_ignores=[])";
    for src in [
        "1", "  1", "\t1", "1\n", "1\n\n", "\n1", "# c\n1", "1  # c\n",
    ] {
        assert_eq!(expr_dump(src), one, "{src:?}");
    }
    assert_eq!(
        expr_dump("\t1 +\\\n 2"),
        "Module(body=[Expr(value=BinOp(left=Constant(value=1), op=Add(), \
         right=Constant(value=2)))], type_ignores=[])"
    );
    assert_eq!(
        expr_dump("(1,\n2)"),
        "Module(body=[Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2)], \
         ctx=Load()))], type_ignores=[])"
    );
    assert_eq!(
        expr_dump("1, 2"),
        "Module(body=[Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2)], \
         ctx=Load()))], type_ignores=[])"
    );
}

#[test]
fn eval_input_rejects_statements_like_cpython() {
    // (source, CPython's eval() error: kind, msg, lineno, offset)
    let cases = [
        ("x = 1", "SyntaxError: invalid syntax (1, 3)"),
        ("1;", "SyntaxError: invalid syntax (1, 2)"),
        ("1\n2", "SyntaxError: invalid syntax (2, 1)"),
        ("yield 1", "SyntaxError: invalid syntax (1, 1)"),
        ("*a", "SyntaxError: invalid syntax (1, 1)"),
        ("a, *b", "SyntaxError: invalid syntax (1, 4)"),
        ("\n  1", "IndentationError: unexpected indent (2, 2)"),
    ];
    for (src, expected) in cases {
        assert_eq!(expr_dump(src), expected, "{src:?}");
    }
    let e = parse_expression("", "<string>").unwrap_err();
    assert_eq!(e.msg, "invalid syntax");
}

fn span_text(src: &str, span: Span) -> &str {
    &src[span.start as usize..span.end as usize]
}

#[test]
fn spans_cover_source_text() {
    let src = "x = foo(1, a.b) + [c[0]]\nif y:\n    pass\nelse:\n    z = 2  # tail\n\ndef f(a: int):\n    return a\n";
    let m = parse_module(src, "s.py").unwrap();
    assert_eq!(span_text(src, m.body[0].span), "x = foo(1, a.b) + [c[0]]");
    let StmtKind::Assign { targets, value } = &m.body[0].kind else {
        panic!("not an assignment")
    };
    assert_eq!(span_text(src, targets[0].span), "x");
    assert_eq!(span_text(src, value.span), "foo(1, a.b) + [c[0]]");
    let ExprKind::BinOp { left, right, .. } = &value.kind else {
        panic!("not a binop")
    };
    assert_eq!(span_text(src, left.span), "foo(1, a.b)");
    assert_eq!(span_text(src, right.span), "[c[0]]");
    // A compound statement ends with its last body statement, not at the comment.
    assert_eq!(
        span_text(src, m.body[1].span),
        "if y:\n    pass\nelse:\n    z = 2"
    );
    assert_eq!(
        span_text(src, m.body[2].span),
        "def f(a: int):\n    return a"
    );
    let StmtKind::FunctionDef(f) = &m.body[2].kind else {
        panic!("not a def")
    };
    assert_eq!(span_text(src, f.args.args[0].span), "a: int");
}

#[test]
fn parenthesized_expressions_keep_inner_span_but_tuples_include_parens() {
    let src = "(a + b)\n(1, 2)\nf(x for x in y)\n";
    let m = parse_module(src, "s.py").unwrap();
    let spans: Vec<&str> = m
        .body
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Expr(e) => span_text(src, e.span),
            _ => "",
        })
        .collect();
    assert_eq!(spans, ["a + b", "(1, 2)", "f(x for x in y)"]);
    let StmtKind::Expr(call) = &m.body[2].kind else {
        panic!()
    };
    let ExprKind::Call { args, .. } = &call.kind else {
        panic!()
    };
    // A sole generator argument takes the call's parentheses, as in CPython.
    assert_eq!(span_text(src, args[0].span), "(x for x in y)");
}

#[test]
fn fstring_fields_have_spans_in_the_original_source() {
    let src = "s = f'a{x + 1!r:>{w}}b'\n";
    let m = parse_module(src, "s.py").unwrap();
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!()
    };
    let ExprKind::JoinedStr(values) = &value.kind else {
        panic!()
    };
    let ExprKind::FormattedValue {
        value, format_spec, ..
    } = &values[1].kind
    else {
        panic!()
    };
    assert_eq!(span_text(src, value.span), "x + 1");
    let ExprKind::JoinedStr(spec) = &format_spec.as_ref().unwrap().kind else {
        panic!()
    };
    let ExprKind::FormattedValue { value: w, .. } = &spec[1].kind else {
        panic!()
    };
    assert_eq!(span_text(src, w.span), "w");
}

#[test]
fn incomplete_only_when_more_input_could_help() {
    let incomplete = [
        "x = (1 +\n",
        "foo(a,\n",
        "if x:\n",
        "for x in y:\n    if x:\n",
        "if x:\n    pass\nelse:\n",
        "def f():\n",
        "class A(\n",
        "\"\"\"abc\n",
        "x = 1 \\\n",
        "@dec\n",
        "try:\n    pass\n",
    ];
    for src in incomplete {
        let e = parse_module(src, "<stdin>").unwrap_err();
        assert!(e.incomplete, "{src:?} should be incomplete: {e:?}");
    }
    let complete_errors = [
        "x = )\n",
        "x = = 1\n",
        "'abc\n",
        "foo(a,\nb c\n",
        "x = = 1\n(\n",
        "if x:\npass\n",
        "  x\n",
    ];
    for src in complete_errors {
        let e = parse_module(src, "<stdin>").unwrap_err();
        assert!(!e.incomplete, "{src:?} should not be incomplete: {e:?}");
    }
}

#[test]
fn error_attributes_follow_cpython() {
    let e = parse_module("x = 1\nf() = 2\n", "t.py").unwrap_err();
    assert_eq!(e.kind, SyntaxErrorKind::SyntaxError);
    assert_eq!(e.kind.name(), "SyntaxError");
    assert_eq!(e.filename, "t.py");
    assert_eq!(
        (e.lineno, e.offset, e.end_lineno, e.end_offset),
        (2, 1, 2, 4)
    );
    assert_eq!(e.text.as_deref(), Some("f() = 2"));

    let e = parse_module("if x:\n", "t.py").unwrap_err();
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
    assert_eq!((e.lineno, e.offset), (1, 0));

    let e = parse_module("if x:\n\ty\n        z\n", "t.py").unwrap_err();
    assert_eq!(e.kind, SyntaxErrorKind::TabError);
    assert_eq!(e.kind.name(), "TabError");

    // Offsets count characters, not bytes.
    let e = parse_module("é = 'é' + $\n", "t.py").unwrap_err();
    assert_eq!(e.offset, 11);
}

fn nested(depth: usize, open: &str, close: &str, inner: &str) -> String {
    format!(
        "x = {}{}{}\n",
        open.repeat(depth),
        inner,
        close.repeat(depth)
    )
}

#[test]
fn deep_nesting_parses_up_to_cpythons_limit() {
    for (open, close) in [("(", ")"), ("[", "]"), ("{", "}"), ("f(", ")"), ("-(", ")")] {
        let src = nested(100, open, close, "1");
        assert!(parse_module(&src, "n.py").is_ok(), "{open}");
    }
    assert!(parse_module(&nested(200, "(", ")", "1"), "n.py").is_ok());
    let e = parse_module(&nested(201, "(", ")", "1"), "n.py").unwrap_err();
    assert_eq!(e.msg, "too many nested parentheses");
    assert_eq!(e.offset, 205);
    // Far beyond the limit the tokenizer stops at the first excess bracket.
    let e = parse_module(&nested(100_000, "(", ")", "1"), "n.py").unwrap_err();
    assert_eq!(e.msg, "too many nested parentheses");

    // CPython allows 99 nested blocks.
    let blocks = |n: usize| {
        let mut s = String::new();
        for i in 0..n {
            s.push_str(&" ".repeat(i));
            s.push_str("if x:\n");
        }
        s + &" ".repeat(n) + "pass\n"
    };
    assert!(parse_module(&blocks(99), "n.py").is_ok());
    let e = parse_module(&blocks(100), "n.py").unwrap_err();
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
    assert_eq!(
        (e.msg.as_str(), e.lineno),
        ("too many levels of indentation", 101)
    );
}

#[test]
fn expression_nesting_is_capped_without_overflowing_the_stack() {
    let unary = |n: usize| format!("x = {}1\n", "-".repeat(n));
    let chain = |n: usize| format!("x = 1{}\n", " + 1".repeat(n));
    let calls = |n: usize| format!("x = f{}\n", "()".repeat(n));
    for make in [unary, chain, calls] {
        assert!(parse_module(&make(2000), "n.py").is_ok());
        let e = parse_module(&make(100_000), "n.py").unwrap_err();
        assert_eq!(e.msg, "Python source too complex to parse");
        // A parse error after a very deep expression must not overflow either.
        let bad = make(100_000).replace('\n', " +\n");
        assert!(parse_module(&bad, "n.py").is_err());
    }
}
