//! Tokenizer tests: the layout pass's token stream (NEWLINE/INDENT/DEDENT, implicit and
//! explicit line joining, end-of-file flush) and its errors.

use super::{tokenize, Tok};
use crate::parser::SyntaxErrorKind;

/// The token stream as compact text, or the error message it stopped with.
fn toks(src: &str) -> String {
    let mut out = Vec::new();
    for item in tokenize(src) {
        match item {
            Ok((_, Tok::Name(n), _)) => out.push(n),
            Ok((_, Tok::Sym(k), _)) => out.push(k.text().to_string()),
            Ok((l, Tok::Str(_), r)) => out.push(format!("STR{}", &src[l..r])),
            Ok((_, tok, _)) => out.push(tok.describe()),
            Err(e) => out.push(format!("ERROR {} @{}", e.msg, e.start)),
        }
    }
    out.join(" ")
}

fn error(src: &str) -> (SyntaxErrorKind, String, usize) {
    let e = tokenize(src)
        .find_map(|t| t.err())
        .unwrap_or_else(|| panic!("no error for {src:?}"));
    (e.kind, e.msg, e.start)
}

#[test]
fn blocks_produce_indent_and_dedent() {
    assert_eq!(
        toks("if x:\n    y\n    z\nw\n"),
        "if x : NEWLINE INDENT y NEWLINE z NEWLINE DEDENT w NEWLINE"
    );
    assert_eq!(
        toks("if a:\n  if b:\n    c\nd"),
        "if a : NEWLINE INDENT if b : NEWLINE INDENT c NEWLINE DEDENT DEDENT d NEWLINE"
    );
}

#[test]
fn end_of_file_flushes_newline_and_dedents() {
    assert_eq!(
        toks("if a:\n  if b:\n    c"),
        "if a : NEWLINE INDENT if b : NEWLINE INDENT c NEWLINE DEDENT DEDENT"
    );
    assert_eq!(toks(""), "");
    assert_eq!(toks("\n\n   \n# only a comment"), "");
}

#[test]
fn blank_and_comment_lines_are_invisible() {
    assert_eq!(
        toks("if x:\n    y\n\n  # odd comment\n        \n    z\n"),
        "if x : NEWLINE INDENT y NEWLINE z NEWLINE DEDENT"
    );
}

#[test]
fn brackets_join_lines_and_ignore_indentation() {
    assert_eq!(
        toks("x = [\n1,\n      2,\n   3]\ny\n"),
        "x = [ INT 1 , INT 2 , INT 3 ] NEWLINE y NEWLINE"
    );
}

#[test]
fn backslash_continuation_joins_lines() {
    assert_eq!(toks("x = 1 + \\\n    2\n"), "x = INT 1 + INT 2 NEWLINE");
    assert_eq!(toks("x = 1 + \\\r\n2\n"), "x = INT 1 + INT 2 NEWLINE");
}

#[test]
fn all_line_break_styles() {
    assert_eq!(
        toks("if x:\r\n    y\r    z\nw"),
        "if x : NEWLINE INDENT y NEWLINE z NEWLINE DEDENT w NEWLINE"
    );
}

#[test]
fn tabs_count_to_multiples_of_eight() {
    assert_eq!(
        toks("if x:\n\ty\n\tz\n"),
        "if x : NEWLINE INDENT y NEWLINE z NEWLINE DEDENT"
    );
    // A form feed resets the column.
    assert_eq!(
        toks("\x0cif x:\n\x0c    y\n"),
        "if x : NEWLINE INDENT y NEWLINE DEDENT"
    );
}

#[test]
fn operators_take_the_longest_match() {
    assert_eq!(
        toks("a **= b //= c >>= d <<= e -> f := g ... h != i @= j"),
        "a **= b //= c >>= d <<= e -> f := g ... h != i @= j NEWLINE"
    );
    assert_eq!(toks("x.y..z"), "x . y . . z NEWLINE");
}

#[test]
fn keywords_and_soft_keywords() {
    assert_eq!(
        toks("match case _ print async await"),
        "match case _ print async await NEWLINE"
    );
    assert_eq!(toks("ifx iffy if"), "ifx iffy if NEWLINE");
}

#[test]
fn unicode_identifiers() {
    assert_eq!(toks("café = naïve_π"), "café = naïve_π NEWLINE");
    assert_eq!(toks("ñ1 = 日本"), "ñ1 = 日本 NEWLINE");
}

#[test]
fn string_prefixes_are_tokens_not_names() {
    assert_eq!(
        toks("rb'a' BR\"b\" f'c' u'd' b x"),
        "STRrb'a' STRBR\"b\" STRf'c' STRu'd' b x NEWLINE"
    );
    assert_eq!(toks("'''a\nb''' 'c'"), "STR'''a\nb''' STR'c' NEWLINE");
}

#[test]
fn numbers() {
    assert_eq!(
        toks("1 0x1F 1.5 1e3 2j 1_0"),
        "INT 1 INT 31 FLOAT 1.5 FLOAT 1000 IMAG 2 INT 10 NEWLINE"
    );
    assert_eq!(toks("1if x else 2"), "INT 1 if x else INT 2 NEWLINE");
}

#[test]
fn with_paren_is_told_apart() {
    assert_eq!(toks("with (a as b, c):"), "with ( a as b , c ) : NEWLINE");
    let tokens: Vec<_> = tokenize("with (a as b): pass")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(tokens[1].1, Tok::Sym(super::Kind::WithLPar));
    for src in [
        "with (a, b) as c: pass",
        "with (x for x in y): pass",
        "with (a := b): pass",
        "with (): pass",
        "with (a).b: pass",
    ] {
        let tokens: Vec<_> = tokenize(src).filter_map(Result::ok).collect();
        assert_eq!(tokens[1].1, Tok::Sym(super::Kind::LPar), "{src}");
    }
}

#[test]
fn indentation_errors() {
    use SyntaxErrorKind::*;
    let unindent = "unindent does not match any outer indentation level";
    assert_eq!(
        error("if x:\n  a\n b\n"),
        (IndentationError, unindent.into(), 12)
    );
    let tab = "inconsistent use of tabs and spaces in indentation";
    assert_eq!(error("if x:\n\ta\n        b\n"), (TabError, tab.into(), 9));
    assert_eq!(error("if x:\n        a\n\tb\n"), (TabError, tab.into(), 16));
}

#[test]
fn bracket_errors() {
    use SyntaxErrorKind::SyntaxError as S;
    assert_eq!(error("x = (1 +\n"), (S, "'(' was never closed".into(), 4));
    assert_eq!(error("x = 1)"), (S, "unmatched ')'".into(), 5));
    assert_eq!(
        error("x = (1, 2]"),
        (
            S,
            "closing parenthesis ']' does not match opening parenthesis '('".into(),
            9
        )
    );
    assert_eq!(
        error("x = (1,\n2]"),
        (
            S,
            "closing parenthesis ']' does not match opening parenthesis '(' on line 1".into(),
            9
        )
    );
    let deep = format!("{}1", "(".repeat(201));
    assert_eq!(error(&deep), (S, "too many nested parentheses".into(), 200));
}

#[test]
fn character_and_continuation_errors() {
    use SyntaxErrorKind::SyntaxError as S;
    assert_eq!(
        error("x = €"),
        (S, "invalid character '€' (U+20AC)".into(), 4)
    );
    assert_eq!(
        error("x = \u{a0}1"),
        (S, "invalid non-printable character U+00A0".into(), 4)
    );
    assert_eq!(
        error("x = 1 \\ 2"),
        (
            S,
            "unexpected character after line continuation character".into(),
            7
        )
    );
    assert_eq!(
        error("x = 1 \\"),
        (S, "unexpected EOF while parsing".into(), 7)
    );
    // `$`, `?` and `!` are tokens the grammar rejects ("invalid syntax"), as in CPython.
    assert_eq!(
        toks("a $ b ? !"),
        "a ERRORTOKEN b ERRORTOKEN ERRORTOKEN NEWLINE"
    );
}

#[test]
fn string_errors() {
    use SyntaxErrorKind::SyntaxError as S;
    assert_eq!(
        error("x = 'abc\ny"),
        (
            S,
            "unterminated string literal (detected at line 1)".into(),
            4
        )
    );
    assert_eq!(
        error("x = b'''abc\n\n"),
        (
            S,
            "unterminated triple-quoted string literal (detected at line 2)".into(),
            4
        )
    );
}

#[test]
fn lexing_stops_at_the_first_error() {
    let items: Vec<_> = tokenize("a\nb = 012\nc $ 'x").collect();
    assert!(items.last().is_some_and(|i| i.is_err()));
    assert_eq!(items.iter().filter(|i| i.is_err()).count(), 1);
}
