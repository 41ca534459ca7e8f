//! Input nobody planned for: random token soups and random bytes, generated from a fixed seed,
//! each run as a program. Every one must end with a Python error or normally — exit status 0
//! or 1, within the time limit, and never an internal error (status 70), a crash by signal or
//! a Rust panic message.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// xorshift64*: reproducible inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Tokens of the language (no loops, so a soup cannot run forever by construction).
const TOKENS: &[&str] = &[
    "a",
    "b",
    "x",
    "f",
    "self",
    "0",
    "1",
    "2.5",
    "10",
    "'s'",
    "b'y'",
    "f'{a}'",
    "\"\"\"t\"\"\"",
    "+",
    "-",
    "*",
    "/",
    "//",
    "%",
    "**",
    "==",
    "<",
    ">=",
    "!=",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    ".",
    "=",
    "+=",
    ";",
    "->",
    "@",
    "~",
    "&",
    "|",
    "^",
    "<<",
    ">>",
    ":=",
    "...",
    "if",
    "elif",
    "else",
    "def",
    "return",
    "class",
    "lambda",
    "not",
    "and",
    "or",
    "in",
    "is",
    "pass",
    "None",
    "True",
    "False",
    "import",
    "from",
    "try",
    "except",
    "finally",
    "with",
    "as",
    "yield",
    "del",
    "global",
    "nonlocal",
    "assert",
    "raise",
    "async",
    "await",
    "\n",
    "\n    ",
    "\n        ",
    "\t",
    "\\",
    "#",
    "\"",
    "'",
    "$",
    "?",
    "\u{e9}",
    "\u{1F600}",
];

fn run(dir: &std::path::Path, name: &str, program: &[u8]) -> Result<(), String> {
    let path = dir.join(name);
    std::fs::write(&path, program).map_err(|e| e.to_string())?;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrena"))
        .arg(&path)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("{name}: did not finish in 30 s"));
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    match status.code() {
        Some(0 | 1) if !err.contains("internal error") && !err.contains("panicked") => Ok(()),
        code => Err(format!(
            "{name}: exit {code:?}\n--- program ({} bytes) saved at {}\n--- stderr\n{err}",
            program.len(),
            path.display()
        )),
    }
}

#[test]
fn random_token_soups_and_random_bytes_end_in_python_errors() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/hostile-input");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut failures = Vec::new();
    for i in 0..150 {
        let n = 1 + rng.below(60);
        let soup: String = (0..n)
            .map(|_| TOKENS[rng.below(TOKENS.len())])
            .collect::<Vec<_>>()
            .join(if rng.below(2) == 0 { " " } else { "" });
        if let Err(e) = run(&dir, &format!("soup{i}.py"), soup.as_bytes()) {
            failures.push(e);
        }
    }
    for i in 0..150 {
        let n = rng.below(300);
        let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        if let Err(e) = run(&dir, &format!("bytes{i}.py"), &bytes) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
