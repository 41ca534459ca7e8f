//! Deciding when the REPL's input lines form something to run, with the rules a `python3`
//! prompt follows: a simple statement runs as soon as its line ends (or its brackets and
//! strings close); a compound statement (`if`, `def`, `for`, a decorator ...) keeps the
//! `... ` prompt until an empty line; a syntax error is reported as soon as it is certain.
//! One convenience goes beyond CPython 3.11 (and matches 3.13): a non-indented line after a
//! complete compound statement ends it and starts the next statement, so pasted code with no
//! blank lines between blocks runs as a script would.
//!
//! Invariant: `lines` is empty exactly when the next prompt is the primary one (`>>> `).

use crate::parser::ast::{Module, StmtKind};
use crate::parser::parse_module;

/// What the caller should do after a line.
#[derive(Debug, PartialEq, Eq)]
pub enum Action {
    /// Compile and run this source (it may hold a syntax error, which compiling reports).
    Run(String),
}

#[derive(Default)]
pub struct StatementBuffer {
    lines: Vec<String>,
}

enum Parse {
    Complete(Module),
    /// The text ends too early; `open` when it is cut off inside brackets or a
    /// triple-quoted string (rather than a block header waiting for its body).
    Incomplete {
        open: bool,
    },
    Error,
}

fn parse(lines: &[String]) -> Parse {
    let mut src = lines.join("\n");
    src.push('\n');
    match parse_module(&src, "<stdin>") {
        Ok(m) => Parse::Complete(m),
        Err(e) if e.incomplete => Parse::Incomplete {
            open: e.msg.contains("was never closed") || e.msg.contains("unterminated"),
        },
        Err(_) => Parse::Error,
    }
}

/// Whether the input ends with a statement that has a block, which only an empty line ends.
fn ends_in_block(m: &Module) -> bool {
    m.body.last().is_some_and(|s| {
        matches!(
            s.kind,
            StmtKind::FunctionDef(_)
                | StmtKind::ClassDef(_)
                | StmtKind::For { .. }
                | StmtKind::While { .. }
                | StmtKind::If { .. }
                | StmtKind::With { .. }
                | StmtKind::Try { .. }
        )
    })
}

/// Whether a non-indented line carries on the statement above (`else:`, `elif x:`,
/// `except E:`, `finally:`) rather than starting a new one.
fn continues_compound(line: &str) -> bool {
    let word: String = line
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    matches!(word.as_str(), "else" | "elif" | "except" | "finally")
}

fn is_blank(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

impl StatementBuffer {
    pub fn new() -> Self {
        Self::default()
    }

    /// True when the next prompt is `... `.
    pub fn is_continuing(&self) -> bool {
        !self.lines.is_empty()
    }

    /// The indentation to offer on the next continuation line: the last line's, one level
    /// deeper after a line ending in `:`.
    pub fn next_indent(&self) -> String {
        let Some(last) = self.lines.iter().rev().find(|l| !is_blank(l)) else {
            return String::new();
        };
        let indent: String = last
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let code = last.split('#').next().unwrap_or("").trim_end();
        if code.ends_with(':') {
            indent + "    "
        } else {
            indent
        }
    }

    /// Forgets a half-entered statement (Ctrl-C at the prompt).
    pub fn reset(&mut self) {
        self.lines.clear();
    }

    /// Takes one input line; returns what to run now, in order (usually nothing or one item;
    /// two when a new statement ends a finished block).
    pub fn push(&mut self, line: &str) -> Vec<Action> {
        let mut out = Vec::new();
        self.push_into(line, &mut out);
        out
    }

    fn take_source(&mut self) -> String {
        let mut src = std::mem::take(&mut self.lines).join("\n");
        src.push('\n');
        src
    }

    fn push_into(&mut self, line: &str, out: &mut Vec<Action>) {
        if self.lines.is_empty() {
            if is_blank(line) {
                return;
            }
        } else if line.trim().is_empty() {
            // An empty line ends a block; inside open brackets or a string it is just a line.
            match parse(&self.lines) {
                Parse::Incomplete { open: true } => self.lines.push(line.to_string()),
                _ => out.push(Action::Run(self.take_source())),
            }
            return;
        } else if !line.starts_with([' ', '\t'])
            && !continues_compound(line)
            && matches!(parse(&self.lines), Parse::Complete(m) if ends_in_block(&m))
        {
            // A non-indented line after a finished block starts the next statement.
            out.push(Action::Run(self.take_source()));
            return self.push_into(line, out);
        }
        self.lines.push(line.to_string());
        match parse(&self.lines) {
            Parse::Incomplete { .. } => {}
            Parse::Complete(m) if ends_in_block(&m) => {}
            Parse::Complete(_) | Parse::Error => out.push(Action::Run(self.take_source())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(lines: &[&str]) -> (Vec<String>, bool) {
        let mut b = StatementBuffer::new();
        let mut runs = Vec::new();
        for l in lines {
            for Action::Run(src) in b.push(l) {
                runs.push(src);
            }
        }
        (runs, b.is_continuing())
    }

    #[test]
    fn simple_statements_run_at_once() {
        assert_eq!(feed(&["x = 1"]), (vec!["x = 1\n".to_string()], false));
        assert_eq!(feed(&["x = 1; y = 2"]).0, vec!["x = 1; y = 2\n"]);
        assert_eq!(feed(&["", "   ", "# note"]), (vec![], false));
    }

    #[test]
    fn brackets_and_strings_continue_until_closed() {
        assert_eq!(feed(&["x = (1,"]), (vec![], true));
        assert_eq!(feed(&["x = (1,", "", "2)"]).0, vec!["x = (1,\n\n2)\n"]);
        assert_eq!(feed(&["s = '''a", "b'''"]).0, vec!["s = '''a\nb'''\n"]);
    }

    #[test]
    fn blocks_wait_for_an_empty_line() {
        let (runs, cont) = feed(&["for i in range(3):", "    print(i)"]);
        assert_eq!((runs.len(), cont), (0, true));
        let (runs, cont) = feed(&["for i in range(3):", "    print(i)", ""]);
        assert_eq!(
            (runs, cont),
            (vec!["for i in range(3):\n    print(i)\n".into()], false)
        );
        assert_eq!(feed(&["if 1: print(1)"]), (vec![], true));
        let src = feed(&["if x:", "    y", "else:", "    z", ""]).0;
        assert_eq!(src, vec!["if x:\n    y\nelse:\n    z\n"]);
        assert!(feed(&["@dec", "def f():", "    pass"]).1);
    }

    #[test]
    fn a_dedented_statement_ends_a_finished_block() {
        let (runs, cont) = feed(&["def f():", "    return 1", "print(f())"]);
        assert_eq!(runs, vec!["def f():\n    return 1\n", "print(f())\n"]);
        assert!(!cont);
        let (runs, cont) = feed(&["def f():", "    return 1", "class C:"]);
        assert_eq!((runs.len(), cont), (1, true));
    }

    #[test]
    fn errors_run_so_compiling_reports_them() {
        assert_eq!(feed(&["x = = 1"]).0, vec!["x = = 1\n"]);
        // A header with no body ends at the empty line, and compiling reports it.
        assert_eq!(feed(&["if x:", ""]).0, vec!["if x:\n"]);
    }

    #[test]
    fn indentation_is_offered_after_a_colon() {
        let mut b = StatementBuffer::new();
        b.push("def f(x):");
        assert_eq!(b.next_indent(), "    ");
        b.push("    if x:  # deeper");
        assert_eq!(b.next_indent(), "        ");
        b.push("        return 1");
        assert_eq!(b.next_indent(), "        ");
        b.reset();
        assert!(!b.is_continuing());
    }
}
