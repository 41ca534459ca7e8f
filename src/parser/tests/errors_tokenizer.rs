//! Rendered errors found by the tokenizer (strings, numbers, brackets, indentation).
//! Expected texts are what `python3 x.py` (CPython 3.11) prints for each source.

use super::check_errors;

const CASES: &[(&str, &str)] = &[
    (
        "x = (1 +\n",
        r#"  File "x.py", line 1
    x = (1 +
        ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        "x = [1, 2\ny = 3\n",
        r#"  File "x.py", line 1
    x = [1, 2
        ^
SyntaxError: '[' was never closed
"#,
    ),
    (
        "foo(\n  a,\n  b\n",
        r#"  File "x.py", line 1
    foo(
       ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        "x = (1, 2]\n",
        r#"  File "x.py", line 1
    x = (1, 2]
             ^
SyntaxError: closing parenthesis ']' does not match opening parenthesis '('
"#,
    ),
    (
        "x = (1,\n2]\n",
        r#"  File "x.py", line 2
    2]
     ^
SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1
"#,
    ),
    (
        "x = 1)\n",
        r#"  File "x.py", line 1
    x = 1)
         ^
SyntaxError: unmatched ')'
"#,
    ),
    (
        "x = }\n",
        r#"  File "x.py", line 1
    x = }
        ^
SyntaxError: unmatched '}'
"#,
    ),
    (
        "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((()))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))\n",
        r#"  File "x.py", line 1
    ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((()))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
                                                                                                                                                                                                            ^
SyntaxError: too many nested parentheses
"#,
    ),
    (
        "x = \"abc\n",
        r#"  File "x.py", line 1
    x = "abc
        ^
SyntaxError: unterminated string literal (detected at line 1)
"#,
    ),
    (
        "x = 'abc\ny = 2\n",
        r#"  File "x.py", line 1
    x = 'abc
        ^
SyntaxError: unterminated string literal (detected at line 1)
"#,
    ),
    (
        "x = \"abc\\\ndef\n",
        r#"  File "x.py", line 1
    x = "abc\
        ^
SyntaxError: unterminated string literal (detected at line 2)
"#,
    ),
    (
        "x = \"abc",
        r#"  File "x.py", line 1
    x = "abc
        ^
SyntaxError: unterminated string literal (detected at line 1)
"#,
    ),
    (
        "x = \"\"\"abc\n\ny\n",
        r#"  File "x.py", line 1
    x = """abc
        ^
SyntaxError: unterminated triple-quoted string literal (detected at line 3)
"#,
    ),
    (
        "x = '''abc",
        r#"  File "x.py", line 1
    x = '''abc
        ^
SyntaxError: unterminated triple-quoted string literal (detected at line 1)
"#,
    ),
    (
        "x = rb\"abc\n",
        r#"  File "x.py", line 1
    x = rb"abc
        ^
SyntaxError: unterminated string literal (detected at line 1)
"#,
    ),
    (
        "x = €\n",
        r#"  File "x.py", line 1
    x = €
        ^
SyntaxError: invalid character '€' (U+20AC)
"#,
    ),
    (
        "x =  \n",
        r#"  File "x.py", line 1
    x =  
        ^
SyntaxError: invalid non-printable character U+00A0
"#,
    ),
    (
        "x = \u{1}\n",
        r#"  File "x.py", line 1
    x = 
        ^
SyntaxError: invalid non-printable character U+0001
"#,
    ),
    (
        "x = \u{0}\n",
        r#"  File "x.py", line 1
    x = 
SyntaxError: source code cannot contain null bytes
"#,
    ),
    (
        "x€ = 1\n",
        r#"  File "x.py", line 1
    x€ = 1
     ^
SyntaxError: invalid character '€' (U+20AC)
"#,
    ),
    (
        "x = $\n",
        r#"  File "x.py", line 1
    x = $
        ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "x = ?\n",
        r#"  File "x.py", line 1
    x = ?
        ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "a ! b\n",
        r#"  File "x.py", line 1
    a ! b
      ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "x = 1 \\ 2\n",
        r#"  File "x.py", line 1
    x = 1 \ 2
           ^
SyntaxError: unexpected character after line continuation character
"#,
    ),
    (
        "x = 1 \\",
        r#"  File "x.py", line 1
    x = 1 \
           ^
SyntaxError: unexpected EOF while parsing
"#,
    ),
    (
        "x = 1 \\\n",
        r#"  File "x.py", line 1
    x = 1 \
           ^
SyntaxError: unexpected EOF while parsing
"#,
    ),
    (
        "x = 012\n",
        r#"  File "x.py", line 1
    x = 012
        ^
SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
"#,
    ),
    (
        "x = 0_7\n",
        r#"  File "x.py", line 1
    x = 0_7
        ^^
SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
"#,
    ),
    (
        "x = 1__0\n",
        r#"  File "x.py", line 1
    x = 1__0
         ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        "x = 1_\n",
        r#"  File "x.py", line 1
    x = 1_
         ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        "x = 0x\n",
        r#"  File "x.py", line 1
    x = 0x
         ^
SyntaxError: invalid hexadecimal literal
"#,
    ),
    (
        "x = 0b2\n",
        r#"  File "x.py", line 1
    x = 0b2
          ^
SyntaxError: invalid digit '2' in binary literal
"#,
    ),
    (
        "x = 0o8\n",
        r#"  File "x.py", line 1
    x = 0o8
          ^
SyntaxError: invalid digit '8' in octal literal
"#,
    ),
    (
        "x = 0o\n",
        r#"  File "x.py", line 1
    x = 0o
         ^
SyntaxError: invalid octal literal
"#,
    ),
    (
        "x = 1e\n",
        r#"  File "x.py", line 1
    x = 1e
        ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        "x = 1e+\n",
        r#"  File "x.py", line 1
    x = 1e+
          ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        "x = 1.real\n",
        r#"  File "x.py", line 1
    x = 1.real
         ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        "x = 1abc\n",
        r#"  File "x.py", line 1
    x = 1abc
        ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        "x = 5jx\n",
        r#"  File "x.py", line 1
    x = 5jx
         ^
SyntaxError: invalid imaginary literal
"#,
    ),
    (
        "if x:\n  a\n b\n",
        r#"  File "x.py", line 3
    b
     ^
IndentationError: unindent does not match any outer indentation level
"#,
    ),
    (
        "if True:\n    x = 1\n  y = 2\n",
        r#"  File "x.py", line 3
    y = 2
         ^
IndentationError: unindent does not match any outer indentation level
"#,
    ),
    (
        "for x in range(3):\n    print(x)\n  print(x)\n",
        r#"  File "x.py", line 3
    print(x)
            ^
IndentationError: unindent does not match any outer indentation level
"#,
    ),
    (
        "if x:\n\ta\n        b\n",
        r#"  File "x.py", line 3
    b
TabError: inconsistent use of tabs and spaces in indentation
"#,
    ),
    (
        "if x:\n        a\n\tb\n",
        r#"  File "x.py", line 3
    b
TabError: inconsistent use of tabs and spaces in indentation
"#,
    ),
    (
        "if x:\n    a\n\tb\n",
        r#"  File "x.py", line 3
    b
TabError: inconsistent use of tabs and spaces in indentation
"#,
    ),
    (
        "if x:\n\ty\n        z\n",
        r#"  File "x.py", line 3
    z
TabError: inconsistent use of tabs and spaces in indentation
"#,
    ),
    (
        "  x = 1\n",
        r#"  File "x.py", line 1
    x = 1
IndentationError: unexpected indent
"#,
    ),
    (
        "x = 1\n  y = 2\n",
        r#"  File "x.py", line 2
    y = 2
IndentationError: unexpected indent
"#,
    ),
    (
        "\\\n    x = 1\n",
        r#"  File "x.py", line 2
    x = 1
IndentationError: unexpected indent
"#,
    ),
    (
        "x = \"\\x4\"\n",
        r#"  File "x.py", line 1
    x = "\x4"
             ^
SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape
"#,
    ),
    (
        "x = \"\\u12\"\n",
        r#"  File "x.py", line 1
    x = "\u12"
              ^
SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape
"#,
    ),
    (
        "x = \"\\U1234\"\n",
        r#"  File "x.py", line 1
    x = "\U1234"
                ^
SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-5: truncated \UXXXXXXXX escape
"#,
    ),
    (
        "x = \"\\U00110000\"\n",
        r#"  File "x.py", line 1
    x = "\U00110000"
                    ^
SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character
"#,
    ),
    (
        "x = \"\\N\"\n",
        r#"  File "x.py", line 1
    x = "\N"
            ^
SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \N character escape
"#,
    ),
    (
        "x = \"\\N{\"\n",
        r#"  File "x.py", line 1
    x = "\N{"
             ^
SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \N character escape
"#,
    ),
    (
        "x = \"\\N{no such name}\"\n",
        r#"  File "x.py", line 1
    x = "\N{no such name}"
                          ^
SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: unknown Unicode character name
"#,
    ),
    (
        "x = b\"\\x4\"\n",
        r#"  File "x.py", line 1
    x = b"\x4"
              ^
SyntaxError: (value error) invalid \x escape at position 0
"#,
    ),
    (
        "b\"a\" \"b\" u\"c\"\n",
        r#"  File "x.py", line 1
    b"a" "b" u"c"
                 ^
SyntaxError: cannot mix bytes and nonbytes literals
"#,
    ),
    (
        "\"a\" b\"c\"\n",
        r#"  File "x.py", line 1
    "a" b"c"
            ^
SyntaxError: cannot mix bytes and nonbytes literals
"#,
    ),
    (
        "f\"a\" b\"c\"\n",
        r#"  File "x.py", line 1
    f"a" b"c"
             ^
SyntaxError: cannot mix bytes and nonbytes literals
"#,
    ),
    (
        "x = = 1\ny = \"abc\n",
        r#"  File "x.py", line 2
    y = "abc
        ^
SyntaxError: unterminated string literal (detected at line 2)
"#,
    ),
    (
        "x = (1,\ny = 2\n",
        r#"  File "x.py", line 1
    x = (1,
        ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        "x = (1\nif x:\n  pass\n",
        r#"  File "x.py", line 1
    x = (1
        ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        "x = = 1\ny = (\n",
        r#"  File "x.py", line 1
    x = = 1
        ^
SyntaxError: invalid syntax
"#,
    ),
    (
        "x = = 1\ny = 1 \\ 2\n",
        r#"  File "x.py", line 1
    x = = 1
        ^
SyntaxError: invalid syntax
"#,
    ),
];

#[test]
fn tokenizer_errors_render_like_cpython() {
    check_errors(CASES);
}
