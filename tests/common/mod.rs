//! Shared helpers for the example-program tests (`tests/programs.rs`, the
//! snapshot harness, and `tests/difftest.rs`, the differential test against
//! CPython).
//!
//! A program is `tests/programs/NAME.py`, optionally with
//!
//! * `NAME.stdin` – fed to the interpreter's standard input (otherwise the
//!   standard input is empty);
//! * `NAME.args`  – extra command-line arguments, one per line, taken verbatim
//!   (a single trailing newline at the end of the file is ignored).
//!
//! Every interpreter is started with the crate root as its working directory
//! and the program path relative to it (`tests/programs/NAME.py`). CPython
//! 3.11 turns that path into an absolute one in tracebacks, so both
//! interpreters' output is normalised back to the relative form before it is
//! compared or snapshotted.

// Each integration-test crate includes this module and uses only part of it.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Directory of the example programs, relative to the crate root.
pub const PROGRAMS_DIR: &str = "tests/programs";

/// Per-run time limit unless `PYRENA_TEST_TIMEOUT_SECS` says otherwise. A guard against
/// hangs, not a speed check: the heaviest program (mem_trashcan, a million-node chain) takes
/// about 9 s of CPU in a debug build, and the leak check runs four programs at once, so on a
/// busy 2-core machine 20 s was exceeded without anything being wrong.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Environment variables set for every interpreter run.
pub const ENV_SET: &[(&str, &str)] = &[("PYTHONHASHSEED", "0"), ("PYTHONIOENCODING", "utf-8")];

/// Environment variables removed for every interpreter run, because they would
/// change CPython's behaviour or output (e.g. `PYTHONOPTIMIZE` strips asserts,
/// `PYTHONNODEBUGRANGES` removes the `^^^^` markers from tracebacks).
pub const ENV_REMOVE: &[&str] = &[
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTHONSTARTUP",
    "PYTHONOPTIMIZE",
    "PYTHONWARNINGS",
    "PYTHONINSPECT",
    "PYTHONDEVMODE",
    "PYTHONUTF8",
    "PYTHONSAFEPATH",
    "PYTHONNODEBUGRANGES",
    "PYTHONINTMAXSTRDIGITS",
];

/// The crate root, which is the working directory of every run.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The time limit for one interpreter run.
pub fn timeout() -> Duration {
    std::env::var("PYRENA_TEST_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map(Duration::from_secs)
        .unwrap_or(DEFAULT_TIMEOUT)
}

/// One example program with its standard input and arguments.
#[derive(Debug, Clone)]
pub struct Program {
    /// File stem, e.g. `fizzbuzz`.
    pub name: String,
    /// Path relative to the crate root, e.g. `tests/programs/fizzbuzz.py`.
    pub rel_path: String,
    /// Absolute path of the `.py` file.
    pub path: PathBuf,
    /// Contents of `NAME.stdin`, or empty.
    pub stdin: Vec<u8>,
    /// Lines of `NAME.args`, or empty.
    pub args: Vec<String>,
}

impl Program {
    /// Loads the program at `path` (absolute, or relative to the crate root)
    /// together with its `.stdin` and `.args` files.
    pub fn load(path: &Path) -> Program {
        let path = if path.is_absolute() {
            path.to_path_buf()
        } else {
            manifest_dir().join(path)
        };
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_else(|| panic!("program path without a UTF-8 name: {}", path.display()))
            .to_string();
        let stdin = read_optional(&path.with_extension("stdin")).unwrap_or_default();
        let args = read_optional(&path.with_extension("args"))
            .map(|bytes| parse_args(&String::from_utf8_lossy(&bytes)))
            .unwrap_or_default();
        Program {
            rel_path: format!("{PROGRAMS_DIR}/{name}.py"),
            name,
            path,
            stdin,
            args,
        }
    }

    /// The program's source text.
    pub fn source(&self) -> String {
        std::fs::read_to_string(&self.path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", self.path.display()))
    }

    /// The reason given by a `# difftest: skip — <reason>` line in the
    /// program's leading comment block, if there is one.
    pub fn skip_reason(&self) -> Option<String> {
        skip_reason(&self.source())
    }

    /// A one-line description of how the program is run, for reports.
    pub fn invocation(&self) -> String {
        let mut s = self.rel_path.clone();
        for arg in &self.args {
            s.push(' ');
            s.push_str(&shell_quote(arg));
        }
        if !self.stdin.is_empty() {
            s.push_str(&format!(" < {PROGRAMS_DIR}/{}.stdin", self.name));
        }
        s
    }
}

/// Quotes `arg` for display like a POSIX shell would need it.
pub fn shell_quote(arg: &str) -> String {
    let plain = !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_=./,:+@%".contains(c));
    if plain {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', "'\\''"))
    }
}

fn read_optional(path: &Path) -> Option<Vec<u8>> {
    match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => panic!("cannot read {}: {e}", path.display()),
    }
}

/// Splits the contents of a `.args` file: one argument per line, verbatim;
/// one trailing newline is ignored (same as bash's `mapfile -t`).
pub fn parse_args(text: &str) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    let text = text.strip_suffix('\n').unwrap_or(text);
    text.split('\n').map(str::to_string).collect()
}

/// Finds `# difftest: skip <sep> <reason>` in the leading comment block of a
/// program (the lines before the first line that is not a `#` comment).
pub fn skip_reason(source: &str) -> Option<String> {
    for line in source.lines() {
        let Some(comment) = line.trim_start().strip_prefix('#') else {
            break;
        };
        let Some(rest) = comment.trim_start().strip_prefix("difftest:") else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix("skip") else {
            continue;
        };
        let reason = rest.trim_start_matches(|c: char| c.is_whitespace() || "—–-:".contains(c));
        let reason = reason.trim_end();
        return Some(if reason.is_empty() {
            "no reason given".to_string()
        } else {
            reason.to_string()
        });
    }
    None
}

/// All programs in `tests/programs`, sorted by name.
pub fn all_programs() -> Vec<Program> {
    let dir = manifest_dir().join(PROGRAMS_DIR);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "py"))
        .collect();
    paths.sort();
    paths.iter().map(|p| Program::load(p)).collect()
}

/// How to start an interpreter: `program pre_args... tests/programs/NAME.py args...`.
#[derive(Debug, Clone)]
pub struct Interpreter {
    /// Short name used in reports, e.g. `pyrena` or `python3`.
    pub label: String,
    pub program: PathBuf,
    pub pre_args: Vec<String>,
}

impl Interpreter {
    /// The pyrena binary built by cargo for this test run.
    pub fn pyrena() -> Interpreter {
        Interpreter {
            label: "pyrena".to_string(),
            program: PathBuf::from(env!("CARGO_BIN_EXE_pyrena")),
            pre_args: Vec::new(),
        }
    }

    /// CPython 3.11, the reference: `$PYTHON3` if set, else `python3` from
    /// `PATH`, resolved to its real executable (this skips wrapper scripts
    /// such as pyenv shims, which are slow to start).
    ///
    /// Errors (with a message meant for a human) if it cannot be run or is
    /// not 3.11; `PYRENA_DIFFTEST_ANY_PYTHON=1` accepts any version.
    pub fn python3() -> Result<Interpreter, String> {
        let requested = std::env::var("PYTHON3").unwrap_or_else(|_| "python3".to_string());
        let output = Command::new(&requested)
            .args([
                "-c",
                "import sys; print(sys.executable); print('%d.%d' % sys.version_info[:2])",
            ])
            .stdin(Stdio::null())
            .output()
            .map_err(|e| {
                format!(
                    "cannot run `{requested}`: {e}.\nThe differential test needs CPython 3.11 as \
                     its reference: install python3 (3.11) or set PYTHON3=/path/to/python3.11."
                )
            })?;
        if !output.status.success() {
            return Err(format!(
                "`{requested} -c ...` failed with {}:\n{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let stdout = String::from_utf8_lossy(&output.stdout);
        let mut lines = stdout.lines();
        let executable = lines.next().unwrap_or("").trim().to_string();
        let version = lines.next().unwrap_or("").trim().to_string();
        let any_version = std::env::var("PYRENA_DIFFTEST_ANY_PYTHON").is_ok_and(|v| v == "1");
        if version != "3.11" && !any_version {
            return Err(format!(
                "`{requested}` is Python {version}, but the reference outputs (error messages, \
                 traceback markers) are CPython 3.11's.\nSet PYTHON3=/path/to/python3.11, or \
                 PYRENA_DIFFTEST_ANY_PYTHON=1 to compare against it anyway."
            ));
        }
        let program = if executable.is_empty() {
            PathBuf::from(&requested)
        } else {
            PathBuf::from(executable)
        };
        Ok(Interpreter {
            label: format!("python{version}"),
            program,
            pre_args: Vec::new(),
        })
    }
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
    Timeout(Duration),
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Code(code) => write!(f, "{code}"),
            Exit::Signal(signal) => write!(f, "none (killed by signal {signal})"),
            Exit::Timeout(limit) => write!(f, "none (timed out after {} s)", limit.as_secs_f64()),
        }
    }
}

/// The captured result of one run, with paths already normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub exit: Exit,
}

/// Runs `program` under `interp` from the crate root, with the program's
/// stdin and args, the fixed environment, and a time limit after which the
/// child is killed (`Exit::Timeout`). Panics only if the child cannot be
/// started.
pub fn run(interp: &Interpreter, program: &Program, limit: Duration) -> Outcome {
    let mut command = Command::new(&interp.program);
    command
        .args(&interp.pre_args)
        .arg(&program.rel_path)
        .args(&program.args)
        .current_dir(manifest_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for var in ENV_REMOVE {
        command.env_remove(var);
    }
    for (key, value) in ENV_SET {
        command.env(key, value);
    }
    let mut child = command.spawn().unwrap_or_else(|e| {
        panic!(
            "cannot start {} ({}): {e}",
            interp.label,
            interp.program.display()
        )
    });

    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = program.stdin.clone();
    // A child that exits without reading its input makes this fail with a
    // broken pipe; that is not an error of the test.
    let writer = thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let stdout_reader = spawn_reader(child.stdout.take().expect("piped stdout"));
    let stderr_reader = spawn_reader(child.stderr.take().expect("piped stderr"));

    let start = Instant::now();
    let exit = loop {
        match child.try_wait() {
            Ok(Some(status)) => break exit_of(status),
            Ok(None) if start.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                break Exit::Timeout(limit);
            }
            Ok(None) => thread::sleep(Duration::from_millis(2)),
            Err(e) => panic!("waiting for {} failed: {e}", interp.label),
        }
    };
    let _ = writer.join();
    let stdout = stdout_reader.join().expect("stdout reader");
    let stderr = stderr_reader.join().expect("stderr reader");
    Outcome {
        stdout: normalize(&String::from_utf8_lossy(&stdout)),
        stderr: normalize(&String::from_utf8_lossy(&stderr)),
        exit,
    }
}

fn spawn_reader<R: Read + Send + 'static>(mut source: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = source.read_to_end(&mut buffer);
        buffer
    })
}

fn exit_of(status: std::process::ExitStatus) -> Exit {
    if let Some(code) = status.code() {
        return Exit::Code(code);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return Exit::Signal(signal);
        }
    }
    Exit::Code(-1)
}

/// Rewrites absolute paths of the programs directory (as CPython prints them
/// in tracebacks) to the relative `tests/programs/` form.
pub fn normalize(text: &str) -> String {
    let relative = format!("{PROGRAMS_DIR}/");
    let mut prefixes = vec![manifest_dir()];
    if let Ok(canonical) = manifest_dir().canonicalize() {
        prefixes.push(canonical);
    }
    let mut text = text.to_string();
    for prefix in prefixes {
        let absolute = format!("{}/{PROGRAMS_DIR}/", prefix.display());
        text = text.replace(&absolute, &relative);
    }
    text
}

/// Renders an outcome as the snapshot text:
///
/// ```text
/// --- stdout
/// ...
/// --- stderr
/// ...
/// --- exit code: N
/// ```
///
/// A stream that does not end in a newline gets a `\ no newline at end`
/// line, so that this difference stays visible.
pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    for (name, text) in [("stdout", &outcome.stdout), ("stderr", &outcome.stderr)] {
        let text = &mask_gc_elapsed(&mask_addresses(text));
        out.push_str("--- ");
        out.push_str(name);
        out.push('\n');
        out.push_str(text);
        if !text.is_empty() && !text.ends_with('\n') {
            out.push_str("\n\\ no newline at end\n");
        }
    }
    let _ = writeln!(out, "--- exit code: {}", outcome.exit);
    out
}

/// Replaces the time in `gc.DEBUG_STATS` lines (`gc: done, ..., 0.0012s elapsed`) with `…`:
/// it differs between runs.
pub fn mask_gc_elapsed(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        let masked = line.starts_with("gc: done, ").then(|| {
            let (body, end) = match line.strip_suffix('\n') {
                Some(b) => (b, "\n"),
                None => (line, ""),
            };
            let head = body.strip_suffix("s elapsed")?;
            let cut = head.rfind(", ")?;
            Some(format!("{}, …s elapsed{end}", &head[..cut]))
        });
        match masked.flatten() {
            Some(m) => out.push_str(&m),
            None => out.push_str(line),
        }
    }
    out
}

/// Replaces object addresses (`0x` followed by 6 or more hex digits, as in default reprs)
/// with `0x…`: they differ between runs and between interpreters.
pub fn mask_addresses(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'0' && i + 1 < b.len() && b[i + 1] == b'x' {
            let mut j = i + 2;
            while j < b.len() && b[j].is_ascii_hexdigit() {
                j += 1;
            }
            if j - (i + 2) >= 6 {
                out.push_str("0x…");
                i = j;
                continue;
            }
        }
        let ch = s[i..].chars().next().unwrap_or('\u{fffd}');
        out.push(ch);
        i += ch.len_utf8().max(1);
    }
    out
}

/// Compares a reference outcome with an actual one; returns a readable report
/// of every difference, or `None` if they are equal.
pub fn compare(
    expected_label: &str,
    expected: &Outcome,
    actual_label: &str,
    actual: &Outcome,
) -> Option<String> {
    let mut report = String::new();
    let masked = [
        mask_addresses(&expected.stdout),
        mask_addresses(&actual.stdout),
        mask_addresses(&expected.stderr),
        mask_addresses(&actual.stderr),
    ];
    for (stream, want, got) in [
        ("stdout", &masked[0], &masked[1]),
        ("stderr", &masked[2], &masked[3]),
    ] {
        if want != got {
            let _ = writeln!(report, "  {stream} differs:");
            report.push_str(&line_diff(expected_label, want, actual_label, got));
        }
    }
    if expected.exit != actual.exit {
        let _ = writeln!(
            report,
            "  exit code differs: {expected_label} {}, {actual_label} {}",
            expected.exit, actual.exit
        );
    }
    if report.is_empty() {
        None
    } else {
        Some(report)
    }
}

/// Lines of context shown around each change in [`line_diff`].
const CONTEXT: usize = 2;
/// Diff lines shown per stream before the rest is elided.
const MAX_DIFF_LINES: usize = 40;

/// A unified-style line diff (`-` lines from `old`, `+` lines from `new`)
/// limited to the first [`MAX_DIFF_LINES`] lines of output, each indented by
/// four spaces.
pub fn line_diff(old_label: &str, old: &str, new_label: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_terminator('\n').collect();
    let b: Vec<&str> = new.split_terminator('\n').collect();
    let mut out = format!("    --- {old_label}\n    +++ {new_label}\n");
    let ops = diff_ops(&a, &b);

    // Mark which ops are shown: every change plus CONTEXT equal lines around it.
    let mut shown = vec![false; ops.len()];
    for (i, op) in ops.iter().enumerate() {
        if !matches!(op, Op::Equal(..)) {
            let lo = i.saturating_sub(CONTEXT);
            let hi = (i + CONTEXT + 1).min(ops.len());
            shown[lo..hi].iter_mut().for_each(|s| *s = true);
        }
    }

    let mut written = 0;
    let mut previous_shown = true;
    for (i, op) in ops.iter().enumerate() {
        if !shown[i] {
            previous_shown = false;
            continue;
        }
        if written >= MAX_DIFF_LINES {
            out.push_str("    ... (diff truncated)\n");
            break;
        }
        if !previous_shown || written == 0 {
            let (line_a, line_b) = op.positions();
            let _ = writeln!(
                out,
                "    @@ {old_label} line {line_a}, {new_label} line {line_b} @@"
            );
        }
        previous_shown = true;
        let line = match op {
            Op::Equal(i, _) => format!("      {}", a[*i]),
            Op::Delete(i, _) => format!("    - {}", a[*i]),
            Op::Insert(_, j) => format!("    + {}", b[*j]),
        };
        out.push_str(&line);
        out.push('\n');
        written += 1;
    }
    if !old.is_empty() && !new.is_empty() && old.ends_with('\n') != new.ends_with('\n') {
        let which = if old.ends_with('\n') {
            new_label
        } else {
            old_label
        };
        let _ = writeln!(out, "    (only {which}'s output lacks a final newline)");
    }
    out
}

/// One step of an edit script; the indices are 0-based line numbers in the
/// old and new text (for inserts/deletes, the position in the other text).
#[derive(Debug, Clone, Copy)]
enum Op {
    Equal(usize, usize),
    Delete(usize, usize),
    Insert(usize, usize),
}

impl Op {
    /// 1-based line positions for hunk headers.
    fn positions(&self) -> (usize, usize) {
        match *self {
            Op::Equal(i, j) | Op::Delete(i, j) | Op::Insert(i, j) => (i + 1, j + 1),
        }
    }
}

/// Line edit script via a longest-common-subsequence table. Outputs here are
/// small; for very large inputs it falls back to a positional comparison.
fn diff_ops(a: &[&str], b: &[&str]) -> Vec<Op> {
    let (n, m) = (a.len(), b.len());
    if n.saturating_mul(m) > 4_000_000 {
        let mut ops = Vec::new();
        for k in 0..n.max(m) {
            match (a.get(k), b.get(k)) {
                (Some(x), Some(y)) if x == y => ops.push(Op::Equal(k, k)),
                (x, y) => {
                    if x.is_some() {
                        ops.push(Op::Delete(k, k.min(m)));
                    }
                    if y.is_some() {
                        ops.push(Op::Insert(k.min(n), k));
                    }
                }
            }
        }
        return ops;
    }
    // lcs[i][j] = length of the LCS of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push(Op::Equal(i, j));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(Op::Delete(i, j));
            i += 1;
        } else {
            ops.push(Op::Insert(i, j));
            j += 1;
        }
    }
    ops
}
