//! Rendered errors found by the parser: generic failures, blocks and indentation, headers, forced tokens.
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
        "import a from b\n",
        r#"  File "x.py", line 1
    import a from b
             ^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        "x = 1 +* 2\n",
        r#"  File "x.py", line 1
    x = 1 +* 2
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "def f:\n    pass\n",
        r#"  File "x.py", line 1
    def f:
         ^
SyntaxError: expected '('
"#,
    ),
    (
        "class A(:\n    pass\n",
        r#"  File "x.py", line 1
    class A(:
            ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "if x == 1\n    pass\n",
        r#"  File "x.py", line 1
    if x == 1
             ^
SyntaxError: expected ':'
"#,
    ),
    (
        "print('a'\n",
        r#"  File "x.py", line 1
    print('a'
         ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        "for i in range(10)\n    pass\n",
        r#"  File "x.py", line 1
    for i in range(10)
                      ^
SyntaxError: expected ':'
"#,
    ),
    (
        "while True print(1)\n",
        r#"  File "x.py", line 1
    while True print(1)
               ^^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        "else if x:\n    pass\n",
        r#"  File "x.py", line 1
    else if x:
    ^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        "if x:\n    pass\nelse if y:\n    pass\n",
        r#"  File "x.py", line 3
    else if y:
         ^^
SyntaxError: expected ':'
"#,
    ),
    (
        "elif x:\n    pass\n",
        r#"  File "x.py", line 1
    elif x:
    ^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        "f(**)\n",
        r#"  File "x.py", line 1
    f(**)
        ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "\"abc\" = x\n",
        r#"  File "x.py", line 1
    "abc" = x
    ^^^^^
SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "x === y\n",
        r#"  File "x.py", line 1
    x === y
        ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "x =! y\n",
        r#"  File "x.py", line 1
    x =! y
       ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "def f(self, *args, **kwargs, x): pass\n",
        r#"  File "x.py", line 1
    def f(self, *args, **kwargs, x): pass
                                 ^
SyntaxError: arguments cannot follow var-keyword argument
"#,
    ),
    (
        "x = 10 if y\n",
        r#"  File "x.py", line 1
    x = 10 if y
        ^^^^^^^
SyntaxError: expected 'else' after 'if' expression
"#,
    ),
    (
        "x = [1, 2 3]\n",
        r#"  File "x.py", line 1
    x = [1, 2 3]
            ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "return x y\n",
        r#"  File "x.py", line 1
    return x y
             ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "x = (1 2)\n",
        r#"  File "x.py", line 1
    x = (1 2)
         ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "import\n",
        r#"  File "x.py", line 1
    import
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "from x import\n",
        r#"  File "x.py", line 1
    from x import
                 ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "def f(x y): pass\n",
        r#"  File "x.py", line 1
    def f(x y): pass
            ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "f(x y=1)\n",
        r#"  File "x.py", line 1
    f(x y=1)
      ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "a.1\n",
        r#"  File "x.py", line 1
    a.1
     ^^
SyntaxError: invalid syntax
"#,
    ),
    (
        "1.__class__\n",
        r#"  File "x.py", line 1
    1.__class__
     ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        "x = {1 2}\n",
        r#"  File "x.py", line 1
    x = {1 2}
         ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "x = {a: 1 b: 2}\n",
        r#"  File "x.py", line 1
    x = {a: 1 b: 2}
            ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "lambda x: yield\n",
        r#"  File "x.py", line 1
    lambda x: yield
              ^^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        "assert\n",
        r#"  File "x.py", line 1
    assert
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "raise from x\n",
        r#"  File "x.py", line 1
    raise from x
          ^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        "with open(x) as f\n    pass\n",
        r#"  File "x.py", line 1
    with open(x) as f
                     ^
SyntaxError: expected ':'
"#,
    ),
    (
        "try\n    pass\n",
        r#"  File "x.py", line 1
    try
       ^
SyntaxError: expected ':'
"#,
    ),
    (
        "try:\n    pass\nexcept\n    pass\n",
        r#"  File "x.py", line 3
    except
          ^
SyntaxError: expected ':'
"#,
    ),
    (
        "def f(x) -> :\n    pass\n",
        r#"  File "x.py", line 1
    def f(x) -> :
             ^^
SyntaxError: expected ':'
"#,
    ),
    (
        "x: = 1\n",
        r#"  File "x.py", line 1
    x: = 1
       ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "if x:\n    pass\n  else:\n    pass\n",
        r#"  File "x.py", line 3
    else:
         ^
IndentationError: unindent does not match any outer indentation level
"#,
    ),
    (
        "if True:\n    pass\n    else:\n        pass\n",
        r#"  File "x.py", line 3
    else:
    ^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        "@\ndef f(): pass\n",
        r#"  File "x.py", line 1
    @
     ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "class A\n",
        r#"  File "x.py", line 1
    class A
           ^
SyntaxError: expected ':'
"#,
    ),
    (
        "x = \"a\" \"b\n",
        r#"  File "x.py", line 1
    x = "a" "b
            ^
SyntaxError: unterminated string literal (detected at line 1)
"#,
    ),
    (
        "for x in range(3):\npass\n",
        r#"  File "x.py", line 2
    pass
    ^
IndentationError: expected an indented block after 'for' statement on line 1
"#,
    ),
    (
        "nonlocal\n",
        r#"  File "x.py", line 1
    nonlocal
            ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "print(f\"{x!r}\" f\"{y\")\n",
        r#"  File "x.py", line 1
    print(f"{x!r}" f"{y")
                        ^
SyntaxError: f-string: expecting '}'
"#,
    ),
    (
        "x = 1\ny = 2 +\nz = 3\n",
        r#"  File "x.py", line 2
    y = 2 +
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "f(a for a in b, c for c in d)\n",
        r#"  File "x.py", line 1
    f(a for a in b, c for c in d)
      ^^^^^^^^^^^^
SyntaxError: Generator expression must be parenthesized
"#,
    ),
    (
        "a, b = = c\n",
        r#"  File "x.py", line 1
    a, b = = c
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "def f(*a, **b, c): pass\n",
        r#"  File "x.py", line 1
    def f(*a, **b, c): pass
                   ^
SyntaxError: arguments cannot follow var-keyword argument
"#,
    ),
    (
        "x += 1 = 2\n",
        r#"  File "x.py", line 1
    x += 1 = 2
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "(yield) = 1\n",
        r#"  File "x.py", line 1
    (yield) = 1
     ^^^^^
SyntaxError: cannot assign to yield expression here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "True = 1\n",
        r#"  File "x.py", line 1
    True = 1
    ^^^^
SyntaxError: cannot assign to True
"#,
    ),
    (
        "x = 1;;\n",
        r#"  File "x.py", line 1
    x = 1;;
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        ";\n",
        r#"  File "x.py", line 1
    ;
    ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "pass pass\n",
        r#"  File "x.py", line 1
    pass pass
         ^^^^
SyntaxError: invalid syntax
"#,
    ),
];

#[test]
fn parser_errors_render_like_cpython() {
    check_errors(CASES);
}
