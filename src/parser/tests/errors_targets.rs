//! Rendered errors for invalid assignment targets, call arguments and parameter lists.
//! Expected texts are what `python3 x.py` (CPython 3.11) prints for each source.

use super::check_errors;

const CASES: &[(&str, &str)] = &[
    (
        "f() = 1\n",
        r#"  File "x.py", line 1
    f() = 1
    ^^^
SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "1 = x\n",
        r#"  File "x.py", line 1
    1 = x
    ^
SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "a + b = 1\n",
        r#"  File "x.py", line 1
    a + b = 1
    ^^^^^
SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "(a, 1) = x\n",
        r#"  File "x.py", line 1
    (a, 1) = x
        ^
SyntaxError: cannot assign to literal
"#,
    ),
    (
        "x = 1 = 2\n",
        r#"  File "x.py", line 1
    x = 1 = 2
        ^
SyntaxError: cannot assign to literal
"#,
    ),
    (
        "x = f() = 1\n",
        r#"  File "x.py", line 1
    x = f() = 1
        ^^^
SyntaxError: cannot assign to function call
"#,
    ),
    (
        "f() = 1, 2\n",
        r#"  File "x.py", line 1
    f() = 1, 2
    ^^^
SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "f() = yield\n",
        r#"  File "x.py", line 1
    f() = yield
    ^^^
SyntaxError: cannot assign to function call
"#,
    ),
    (
        "[x for x in y] = 1\n",
        r#"  File "x.py", line 1
    [x for x in y] = 1
    ^^^^^^^^^^^^^^
SyntaxError: cannot assign to list comprehension here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "(x for x in y) = 1\n",
        r#"  File "x.py", line 1
    (x for x in y) = 1
    ^^^^^^^^^^^^^^
SyntaxError: cannot assign to generator expression
"#,
    ),
    (
        "True + 1 = 2\n",
        r#"  File "x.py", line 1
    True + 1 = 2
    ^^^^^^^^
SyntaxError: cannot assign to expression
"#,
    ),
    (
        "a < b = 1\n",
        r#"  File "x.py", line 1
    a < b = 1
    ^^^^^
SyntaxError: cannot assign to comparison
"#,
    ),
    (
        "(1) = 2\n",
        r#"  File "x.py", line 1
    (1) = 2
     ^
SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "1, 2 = x\n",
        r#"  File "x.py", line 1
    1, 2 = x
       ^
SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "a.b, c() = x\n",
        r#"  File "x.py", line 1
    a.b, c() = x
         ^^^
SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "None = 1\n",
        r#"  File "x.py", line 1
    None = 1
    ^^^^
SyntaxError: cannot assign to None
"#,
    ),
    (
        "x = yield = 1\n",
        r#"  File "x.py", line 1
    x = yield = 1
        ^^^^^
SyntaxError: assignment to yield expression not possible
"#,
    ),
    (
        "x + 1 += 1\n",
        r#"  File "x.py", line 1
    x + 1 += 1
    ^^^^^
SyntaxError: 'expression' is an illegal expression for augmented assignment
"#,
    ),
    (
        "a, b += 1\n",
        r#"  File "x.py", line 1
    a, b += 1
    ^^^^
SyntaxError: 'tuple' is an illegal expression for augmented assignment
"#,
    ),
    (
        "[a, b] += 1\n",
        r#"  File "x.py", line 1
    [a, b] += 1
    ^^^^^^
SyntaxError: 'list' is an illegal expression for augmented assignment
"#,
    ),
    (
        "f() += 1\n",
        r#"  File "x.py", line 1
    f() += 1
    ^^^
SyntaxError: 'function call' is an illegal expression for augmented assignment
"#,
    ),
    (
        "(a, b): int\n",
        r#"  File "x.py", line 1
    (a, b): int
    ^^^^^^
SyntaxError: only single target (not tuple) can be annotated
"#,
    ),
    (
        "f(): int\n",
        r#"  File "x.py", line 1
    f(): int
    ^^^
SyntaxError: illegal target for annotation
"#,
    ),
    (
        "del 1\n",
        r#"  File "x.py", line 1
    del 1
        ^
SyntaxError: cannot delete literal
"#,
    ),
    (
        "del f()\n",
        r#"  File "x.py", line 1
    del f()
        ^^^
SyntaxError: cannot delete function call
"#,
    ),
    (
        "del a + b\n",
        r#"  File "x.py", line 1
    del a + b
        ^^^^^
SyntaxError: cannot delete expression
"#,
    ),
    (
        "del (x for x in y)\n",
        r#"  File "x.py", line 1
    del (x for x in y)
        ^^^^^^^^^^^^^^
SyntaxError: cannot delete generator expression
"#,
    ),
    (
        "del *a\n",
        r#"  File "x.py", line 1
    del *a
        ^^
SyntaxError: cannot delete starred
"#,
    ),
    (
        "for 1 in x: pass\n",
        r#"  File "x.py", line 1
    for 1 in x: pass
        ^
SyntaxError: cannot assign to literal
"#,
    ),
    (
        "with a as 1: pass\n",
        r#"  File "x.py", line 1
    with a as 1: pass
              ^
SyntaxError: cannot assign to literal
"#,
    ),
    (
        "(a.b := 1)\n",
        r#"  File "x.py", line 1
    (a.b := 1)
     ^^^
SyntaxError: cannot use assignment expressions with attribute
"#,
    ),
    (
        "x := 1\n",
        r#"  File "x.py", line 1
    x := 1
      ^^
SyntaxError: invalid syntax
"#,
    ),
    (
        "f(a.b=1)\n",
        r#"  File "x.py", line 1
    f(a.b=1)
      ^^^^
SyntaxError: expression cannot contain assignment, perhaps you meant "=="?
"#,
    ),
    (
        "f(1=2)\n",
        r#"  File "x.py", line 1
    f(1=2)
      ^^
SyntaxError: expression cannot contain assignment, perhaps you meant "=="?
"#,
    ),
    (
        "f(True=1)\n",
        r#"  File "x.py", line 1
    f(True=1)
      ^^^^^
SyntaxError: cannot assign to True
"#,
    ),
    (
        "f(a=x for x in y)\n",
        r#"  File "x.py", line 1
    f(a=x for x in y)
      ^^
SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
"#,
    ),
    (
        "f(a=1, b)\n",
        r#"  File "x.py", line 1
    f(a=1, b)
            ^
SyntaxError: positional argument follows keyword argument
"#,
    ),
    (
        "f(a=1, b+c)\n",
        r#"  File "x.py", line 1
    f(a=1, b+c)
              ^
SyntaxError: positional argument follows keyword argument
"#,
    ),
    (
        "f(**a, b)\n",
        r#"  File "x.py", line 1
    f(**a, b)
            ^
SyntaxError: positional argument follows keyword argument unpacking
"#,
    ),
    (
        "f(**a, *b)\n",
        r#"  File "x.py", line 1
    f(**a, *b)
           ^
SyntaxError: iterable argument unpacking follows keyword argument unpacking
"#,
    ),
    (
        "f(x for x in y, 1)\n",
        r#"  File "x.py", line 1
    f(x for x in y, 1)
      ^^^^^^^^^^^^
SyntaxError: Generator expression must be parenthesized
"#,
    ),
    (
        "f(a, b for b in c)\n",
        r#"  File "x.py", line 1
    f(a, b for b in c)
         ^^^^^^^^^^^^
SyntaxError: Generator expression must be parenthesized
"#,
    ),
    (
        "f(x for x in y, )\n",
        r#"  File "x.py", line 1
    f(x for x in y, )
      ^^^^^^^^^^^^
SyntaxError: Generator expression must be parenthesized
"#,
    ),
    (
        "def f(a=1, b): pass\n",
        r#"  File "x.py", line 1
    def f(a=1, b): pass
               ^
SyntaxError: non-default argument follows default argument
"#,
    ),
    (
        "def f(*): pass\n",
        r#"  File "x.py", line 1
    def f(*): pass
          ^
SyntaxError: named arguments must follow bare *
"#,
    ),
    (
        "def f(*, **k): pass\n",
        r#"  File "x.py", line 1
    def f(*, **k): pass
          ^
SyntaxError: named arguments must follow bare *
"#,
    ),
    (
        "def f(**k, a): pass\n",
        r#"  File "x.py", line 1
    def f(**k, a): pass
               ^
SyntaxError: arguments cannot follow var-keyword argument
"#,
    ),
    (
        "def f(a, **b, **c): pass\n",
        r#"  File "x.py", line 1
    def f(a, **b, **c): pass
                  ^^
SyntaxError: arguments cannot follow var-keyword argument
"#,
    ),
    (
        "def f(/, a): pass\n",
        r#"  File "x.py", line 1
    def f(/, a): pass
          ^
SyntaxError: at least one argument must precede /
"#,
    ),
    (
        "def f(a, /, b, /): pass\n",
        r#"  File "x.py", line 1
    def f(a, /, b, /): pass
                   ^
SyntaxError: / may appear only once
"#,
    ),
    (
        "def f(*, a, /): pass\n",
        r#"  File "x.py", line 1
    def f(*, a, /): pass
                ^
SyntaxError: / must be ahead of *
"#,
    ),
    (
        "def f(*a, *b): pass\n",
        r#"  File "x.py", line 1
    def f(*a, *b): pass
              ^
SyntaxError: * argument may appear only once
"#,
    ),
    (
        "def f(*a=1): pass\n",
        r#"  File "x.py", line 1
    def f(*a=1): pass
            ^
SyntaxError: var-positional argument cannot have default value
"#,
    ),
    (
        "def f(**a=1): pass\n",
        r#"  File "x.py", line 1
    def f(**a=1): pass
             ^
SyntaxError: var-keyword argument cannot have default value
"#,
    ),
    (
        "def f(a=1, /, b): pass\n",
        r#"  File "x.py", line 1
    def f(a=1, /, b): pass
                  ^
SyntaxError: non-default argument follows default argument
"#,
    ),
    (
        "lambda x=1, y: x\n",
        r#"  File "x.py", line 1
    lambda x=1, y: x
                ^
SyntaxError: non-default argument follows default argument
"#,
    ),
    (
        "lambda *: 1\n",
        r#"  File "x.py", line 1
    lambda *: 1
            ^
SyntaxError: named arguments must follow bare *
"#,
    ),
    (
        "for x in y:\n    if x:\n",
        r#"  File "x.py", line 2
    if x:
IndentationError: expected an indented block after 'if' statement on line 2
"#,
    ),
    (
        "for x in y:\n    if x:",
        r#"  File "x.py", line 2
    if x:
IndentationError: expected an indented block after 'if' statement on line 2
"#,
    ),
    (
        "if x:\n    try:\n        pass\n",
        r#"  File "x.py", line 3
    pass
SyntaxError: expected 'except' or 'finally' block
"#,
    ),
    (
        "if x:\n    y = 1 +\n",
        r#"  File "x.py", line 2
    y = 1 +
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "if x:\n    y = 1 +",
        r#"  File "x.py", line 2
    y = 1 +
           ^
SyntaxError: invalid syntax
"#,
    ),
];

#[test]
fn target_and_argument_errors_render_like_cpython() {
    check_errors(CASES);
}
