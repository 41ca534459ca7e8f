//! Rendered errors found by the parser and its actions: blocks, targets, calls, parameters.
//! Expected texts are what `python3 x.py` (CPython 3.11) prints for each source.

use super::check_errors;

const CASES: &[(&str, &str)] = &[
    (
        "x = 1 +\n",
        r#"  File "x.py", line 1
    x = 1 +
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "x = = 1\n",
        r#"  File "x.py", line 1
    x = = 1
        ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "a b\n",
        r#"  File "x.py", line 1
    a b
      ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "a = b c\n",
        r#"  File "x.py", line 1
    a = b c
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "else:\n  pass\n",
        r#"  File "x.py", line 1
    else:
    ^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        "x = (\n  1 +\n)\n",
        r#"  File "x.py", line 3
    )
    ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "import a.b as c.d\n",
        r#"  File "x.py", line 1
    import a.b as c.d
                   ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "from x import (*)\n",
        r#"  File "x.py", line 1
    from x import (*)
                   ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "from x import a,\n",
        r#"  File "x.py", line 1
    from x import a,
                    ^
SyntaxError: trailing comma not allowed without surrounding parentheses
"#,
    ),
    (
        "x: int, y: int = 1, 2\n",
        r#"  File "x.py", line 1
    x: int, y: int = 1, 2
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "f(a, b \"c\")\n",
        r#"  File "x.py", line 1
    f(a, b "c")
           ^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        "class A(x for x in y): pass\n",
        r#"  File "x.py", line 1
    class A(x for x in y): pass
              ^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        "@foo\n",
        r#"  File "x.py", line 1
    @foo
SyntaxError: invalid syntax
"#,
    ),
    (
        "@foo\nx = 1\n",
        r#"  File "x.py", line 2
    x = 1
    ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "if x:\n",
        r#"  File "x.py", line 1
    if x:
IndentationError: expected an indented block after 'if' statement on line 1
"#,
    ),
    (
        "if x:\n\n\n",
        r#"  File "x.py", line 3
    
IndentationError: expected an indented block after 'if' statement on line 1
"#,
    ),
    (
        "if x:\n# c\n\n",
        r#"  File "x.py", line 3
    
IndentationError: expected an indented block after 'if' statement on line 1
"#,
    ),
    (
        "if x:\n    ",
        r#"  File "x.py", line 2
    
IndentationError: expected an indented block after 'if' statement on line 1
"#,
    ),
    (
        "if x:\npass\n",
        r#"  File "x.py", line 2
    pass
    ^
IndentationError: expected an indented block after 'if' statement on line 1
"#,
    ),
    (
        "while x:\n",
        r#"  File "x.py", line 1
    while x:
IndentationError: expected an indented block after 'while' statement on line 1
"#,
    ),
    (
        "for x in y:\n",
        r#"  File "x.py", line 1
    for x in y:
IndentationError: expected an indented block after 'for' statement on line 1
"#,
    ),
    (
        "def f():\n",
        r#"  File "x.py", line 1
    def f():
IndentationError: expected an indented block after function definition on line 1
"#,
    ),
    (
        "class C:\n",
        r#"  File "x.py", line 1
    class C:
IndentationError: expected an indented block after class definition on line 1
"#,
    ),
    (
        "try:\n",
        r#"  File "x.py", line 1
    try:
IndentationError: expected an indented block after 'try' statement on line 1
"#,
    ),
    (
        "try:\n  pass\nexcept:\n",
        r#"  File "x.py", line 3
    except:
IndentationError: expected an indented block after 'except' statement on line 3
"#,
    ),
    (
        "try:\n  pass\nfinally:\n",
        r#"  File "x.py", line 3
    finally:
IndentationError: expected an indented block after 'finally' statement on line 3
"#,
    ),
    (
        "if x:\n  pass\nelif y:\n",
        r#"  File "x.py", line 3
    elif y:
IndentationError: expected an indented block after 'elif' statement on line 3
"#,
    ),
    (
        "if x:\n  pass\nelse:\n",
        r#"  File "x.py", line 3
    else:
IndentationError: expected an indented block after 'else' statement on line 3
"#,
    ),
    (
        "for x in y:\n  pass\nelse:\n",
        r#"  File "x.py", line 3
    else:
IndentationError: expected an indented block after 'else' statement on line 3
"#,
    ),
    (
        "with a:\n",
        r#"  File "x.py", line 1
    with a:
IndentationError: expected an indented block after 'with' statement on line 1
"#,
    ),
    (
        "def f(x):\nreturn x\n",
        r#"  File "x.py", line 2
    return x
    ^
IndentationError: expected an indented block after function definition on line 1
"#,
    ),
    (
        "class A:\n  def f(self):\n  pass\n",
        r#"  File "x.py", line 3
    pass
    ^
IndentationError: expected an indented block after function definition on line 2
"#,
    ),
    (
        "try:\n  pass\n",
        r#"  File "x.py", line 2
    pass
SyntaxError: expected 'except' or 'finally' block
"#,
    ),
    (
        "try:\n  pass\n\n\n",
        r#"  File "x.py", line 4
    
SyntaxError: expected 'except' or 'finally' block
"#,
    ),
    (
        "try:\n  pass\nelse:\n  pass\n",
        r#"  File "x.py", line 3
    else:
    ^^^^
SyntaxError: expected 'except' or 'finally' block
"#,
    ),
    (
        "if x\n  pass\n",
        r#"  File "x.py", line 1
    if x
        ^
SyntaxError: expected ':'
"#,
    ),
    (
        "while x\n  pass\n",
        r#"  File "x.py", line 1
    while x
           ^
SyntaxError: expected ':'
"#,
    ),
    (
        "def f()\n  pass\n",
        r#"  File "x.py", line 1
    def f()
           ^
SyntaxError: expected ':'
"#,
    ),
    (
        "class C\n  pass\n",
        r#"  File "x.py", line 1
    class C
           ^
SyntaxError: expected ':'
"#,
    ),
    (
        "for x in y\n  pass\n",
        r#"  File "x.py", line 1
    for x in y
              ^
SyntaxError: expected ':'
"#,
    ),
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
fn parser_errors_render_like_cpython() {
    check_errors(CASES);
}
