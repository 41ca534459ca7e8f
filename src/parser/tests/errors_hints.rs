//! Rendered errors with CPython's targeted hints (missing comma, '=' for '==', f-strings).
//! Expected texts are what `python3 x.py` (CPython 3.11) prints for each source.

use super::check_errors;

const CASES: &[(&str, &str)] = &[
    (
        "{**a for a in b}\n",
        r#"  File "x.py", line 1
    {**a for a in b}
     ^^
SyntaxError: dict unpacking cannot be used in dict comprehension
"#,
    ),
    (
        "[*a for a in b]\n",
        r#"  File "x.py", line 1
    [*a for a in b]
     ^^
SyntaxError: iterable unpacking cannot be used in comprehension
"#,
    ),
    (
        "(*a)\n",
        r#"  File "x.py", line 1
    (*a)
     ^^
SyntaxError: cannot use starred expression here
"#,
    ),
    (
        "x = 1 if 2\n",
        r#"  File "x.py", line 1
    x = 1 if 2
        ^^^^^^
SyntaxError: expected 'else' after 'if' expression
"#,
    ),
    (
        "a if b\n",
        r#"  File "x.py", line 1
    a if b
    ^^^^^^
SyntaxError: expected 'else' after 'if' expression
"#,
    ),
    (
        "(a, b if c)\n",
        r#"  File "x.py", line 1
    (a, b if c)
        ^^^^^^
SyntaxError: expected 'else' after 'if' expression
"#,
    ),
    (
        "try:\n  pass\nexcept A, B:\n  pass\n",
        r#"  File "x.py", line 3
    except A, B:
           ^^^^
SyntaxError: multiple exception types must be parenthesized
"#,
    ),
    (
        "print \"hello\"\n",
        r#"  File "x.py", line 1
    print "hello"
    ^^^^^^^^^^^^^
SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?
"#,
    ),
    (
        "exec \"x\"\n",
        r#"  File "x.py", line 1
    exec "x"
    ^^^^^^^^
SyntaxError: Missing parentheses in call to 'exec'. Did you mean exec(...)?
"#,
    ),
    (
        "print(a b)\n",
        r#"  File "x.py", line 1
    print(a b)
          ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "[1 2]\n",
        r#"  File "x.py", line 1
    [1 2]
     ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "f(a, b c)\n",
        r#"  File "x.py", line 1
    f(a, b c)
         ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "print(a b c)\n",
        r#"  File "x.py", line 1
    print(a b c)
          ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "f(a b, c)\n",
        r#"  File "x.py", line 1
    f(a b, c)
      ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "f(a, b c=1)\n",
        r#"  File "x.py", line 1
    f(a, b c=1)
         ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "[a, b c, d]\n",
        r#"  File "x.py", line 1
    [a, b c, d]
        ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "{a: b c}\n",
        r#"  File "x.py", line 1
    {a: b c}
        ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "if x = 1:\n  pass\n",
        r#"  File "x.py", line 1
    if x = 1:
       ^^^^^
SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
"#,
    ),
    (
        "[x = 1]\n",
        r#"  File "x.py", line 1
    [x = 1]
     ^^^^^
SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
"#,
    ),
    (
        "if f() = 1:\n  pass\n",
        r#"  File "x.py", line 1
    if f() = 1:
       ^^^
SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "if a.b = 1:\n  pass\n",
        r#"  File "x.py", line 1
    if a.b = 1:
       ^^^
SyntaxError: cannot assign to attribute here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "if a + b = 1:\n  pass\n",
        r#"  File "x.py", line 1
    if a + b = 1:
       ^^^^^
SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "while a.b() = c:\n  pass\n",
        r#"  File "x.py", line 1
    while a.b() = c:
          ^^^^^
SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "[a, f() = 1]\n",
        r#"  File "x.py", line 1
    [a, f() = 1]
        ^^^
SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        "f(a, x = 1 = 2)\n",
        r#"  File "x.py", line 1
    f(a, x = 1 = 2)
               ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "{1: 2, 3}\n",
        r#"  File "x.py", line 1
    {1: 2, 3}
           ^
SyntaxError: ':' expected after dictionary key
"#,
    ),
    (
        "{1:}\n",
        r#"  File "x.py", line 1
    {1:}
      ^
SyntaxError: expression expected after dictionary key and ':'
"#,
    ),
    (
        "foo(a,\nb c\n",
        r#"  File "x.py", line 1
    foo(a,
       ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        "f\"{x!z}\"\n",
        r#"  File "x.py", line 1
    f"{x!z}"
            ^
SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'
"#,
    ),
    (
        "f\"{}\"\n",
        r#"  File "x.py", line 1
    f"{}"
         ^
SyntaxError: f-string: empty expression not allowed
"#,
    ),
    (
        "f\"{x\"\n",
        r#"  File "x.py", line 1
    f"{x"
         ^
SyntaxError: f-string: expecting '}'
"#,
    ),
    (
        "f\"}\"\n",
        r#"  File "x.py", line 1
    f"}"
        ^
SyntaxError: f-string: single '}' is not allowed
"#,
    ),
    (
        "f\"{x:{y:{z}}}\"\n",
        r#"  File "x.py", line 1
    f"{x:{y:{z}}}"
                  ^
SyntaxError: f-string: expressions nested too deeply
"#,
    ),
    (
        "f\"{lambda x: 1}\"\n",
        r#"  File "x.py", line 1
    (lambda x)
             ^
SyntaxError: f-string: invalid syntax
"#,
    ),
    (
        "f\"{a b}\"\n",
        r#"  File "x.py", line 1
    (a b)
     ^^^
SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "f\"{#}\"\n",
        r#"  File "x.py", line 1
    f"{#}"
          ^
SyntaxError: f-string expression part cannot include '#'
"#,
    ),
    (
        "f\"{\\\"a\\\"}\"\n",
        r#"  File "x.py", line 1
    f"{\"a\"}"
              ^
SyntaxError: f-string expression part cannot include a backslash
"#,
    ),
    (
        "f\"{x!r=}\"\n",
        r#"  File "x.py", line 1
    f"{x!r=}"
             ^
SyntaxError: f-string: expecting '}'
"#,
    ),
    (
        "f\"{x!}\"\n",
        r#"  File "x.py", line 1
    f"{x!}"
           ^
SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'
"#,
    ),
    (
        "f\"{x!r :>3}\"\n",
        r#"  File "x.py", line 1
    f"{x!r :>3}"
                ^
SyntaxError: f-string: expecting '}'
"#,
    ),
    (
        "f\"{*x}\"\n",
        r#"  File "x.py", line 1
    (*x)
     ^^
SyntaxError: f-string: cannot use starred expression here
"#,
    ),
    (
        "f'{a['b']}'\n",
        r#"  File "x.py", line 1
    f'{a['b']}'
               ^
SyntaxError: f-string: unmatched '['
"#,
    ),
    (
        "f\"\"\"{\nx\n+}\"\"\"\n",
        r#"  File "x.py", line 3
    +)
     ^
SyntaxError: f-string: invalid syntax
"#,
    ),
    (
        "x = 1\nf\"\"\"\n{a b}\"\"\"\n",
        r#"  File "x.py", line 3
    (a b)
     ^^^
SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        "f\"{!r}\"\n",
        r#"  File "x.py", line 1
    f"{!r}"
           ^
SyntaxError: f-string: expression required before '!'
"#,
    ),
    (
        "f\"{a)}\"\n",
        r#"  File "x.py", line 1
    f"{a)}"
           ^
SyntaxError: f-string: unmatched ')'
"#,
    ),
    (
        "f\"{(a}\"\n",
        r#"  File "x.py", line 1
    f"{(a}"
           ^
SyntaxError: f-string: closing parenthesis '}' does not match opening parenthesis '('
"#,
    ),
];

#[test]
fn targeted_hints_render_like_cpython() {
    check_errors(CASES);
}
