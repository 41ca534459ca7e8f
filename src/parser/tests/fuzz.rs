//! Robustness: random and garbled input always yields a value (an AST or a SyntaxError),
//! never a panic. A tiny LCG keeps the test deterministic and dependency-free.

use std::panic;

use crate::parser::{parse_expression, parse_module};

/// Knuth's MMIX linear congruential generator.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "x",
    "y",
    "foo",
    "_",
    "match",
    "print",
    "1",
    "0x1f",
    "1.5e3",
    "2j",
    "012",
    "1_",
    "'s'",
    "\"t\"",
    "'''u'''",
    "b'b'",
    "f'{x}'",
    "f'{x!r:>{y}}'",
    "f'{'",
    "rb'\\x'",
    "'\\N{BULLET}'",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    ".",
    "...",
    "=",
    "==",
    ":=",
    "->",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "|",
    "&",
    "^",
    "~",
    "<",
    ">",
    "<=",
    "!=",
    "<<",
    "+=",
    "**=",
    "if",
    "elif",
    "else",
    "while",
    "for",
    "in",
    "not",
    "is",
    "and",
    "or",
    "def",
    "class",
    "return",
    "yield",
    "from",
    "import",
    "as",
    "try",
    "except",
    "finally",
    "with",
    "lambda",
    "pass",
    "break",
    "del",
    "global",
    "assert",
    "raise",
    "await",
    "async",
    "None",
    "True",
    "\n",
    "\n    ",
    "\n\t",
    "\n  ",
    " ",
    " ",
    "\\\n",
    "\\",
    "#c\n",
    "$",
    "€",
    "\u{a0}",
    "\r\n",
    "\x0c",
];

const VALID: &[&str] = &[
    "def f(a, b=1, *c, d, **e):\n    return [x for x in a if x]\n",
    "class C(B, metaclass=M):\n    x: int = 1\n    def m(self): yield from self\n",
    "try:\n    a = b[1:2, ::3]\nexcept (E, F) as e:\n    raise X from e\nfinally:\n    pass\n",
    "with (open(a) as f, g):\n    print(f\"{f!r:>{w}} {g=}\", sep='')\n",
    "x = {**a, 'b': [*c, (d := 1)]}\nlambda *, k=1: k\n",
    "if a:\n\tb\nelif c: d\nelse:\n    while e: del f[0], g.h\n",
];

/// Parses `src` both ways, turning a panic into the offending input.
fn survives(src: &str) -> Result<(), String> {
    let owned = src.to_string();
    panic::catch_unwind(move || {
        let _ = parse_module(&owned, "fuzz.py").map_err(|e| e.render());
        let _ = parse_expression(&owned, "fuzz.py").map_err(|e| e.render());
    })
    .map_err(|_| src.to_string())
}

#[test]
fn random_token_soup_never_panics() {
    let mut rng = Lcg(0x5eed);
    let mut failures = Vec::new();
    for _ in 0..600 {
        let n = 1 + rng.below(24);
        let mut src = String::new();
        for _ in 0..n {
            src.push_str(PIECES[rng.below(PIECES.len())]);
            if rng.below(3) == 0 {
                src.push(' ');
            }
        }
        if let Err(s) = survives(&src) {
            failures.push(s);
        }
    }
    assert!(failures.is_empty(), "panicked on: {failures:?}");
}

#[test]
fn mutated_valid_programs_never_panic() {
    let mut rng = Lcg(42);
    let mut failures = Vec::new();
    for _ in 0..600 {
        let mut chars: Vec<char> = VALID[rng.below(VALID.len())].chars().collect();
        for _ in 0..1 + rng.below(4) {
            let i = rng.below(chars.len() + 1);
            match rng.below(4) {
                0 if i < chars.len() => {
                    chars.remove(i);
                }
                1 => {
                    let piece = PIECES[rng.below(PIECES.len())];
                    for (k, c) in piece.chars().enumerate() {
                        chars.insert(i + k, c);
                    }
                }
                2 if i < chars.len() => {
                    let c = chars[i];
                    chars.insert(i, c);
                }
                _ => chars.truncate(i),
            }
        }
        let src: String = chars.into_iter().collect();
        if let Err(s) = survives(&src) {
            failures.push(s);
        }
    }
    assert!(failures.is_empty(), "panicked on: {failures:?}");
}

#[test]
fn arbitrary_bytes_as_text_never_panic() {
    let mut rng = Lcg(7);
    let mut failures = Vec::new();
    for _ in 0..300 {
        let n = rng.below(40);
        let src: String = (0..n)
            .map(|_| match rng.below(10) {
                0 => char::from_u32(rng.below(0x3000) as u32).unwrap_or('?'),
                _ => (rng.below(0x60) as u8 + 0x20) as char,
            })
            .collect();
        if let Err(s) = survives(&src) {
            failures.push(s);
        }
    }
    assert!(failures.is_empty(), "panicked on: {failures:?}");
}
