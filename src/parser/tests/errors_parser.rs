//! Rendered errors found by the parser: generic failures, blocks and indentation, headers.
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
];

#[test]
fn parser_errors_render_like_cpython() {
    check_errors(CASES);
}
