//! Parser tests: AST shapes (compared with `ast.dump` output of CPython 3.11), the rendered
//! text of syntax errors (compared with what `python3 file.py` prints), the public API, and
//! robustness against garbled input.

mod api;
mod ast_expressions;
mod ast_statements;
mod dump;
mod errors_hints;
mod errors_parser;
mod errors_targets;
mod errors_tokenizer;
mod fuzz;

use crate::parser::parse_module;

/// Parses each source and compares `ast.dump`-style output; reports every mismatch at once.
fn check_dumps(cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (src, expected) in cases {
        let got = match parse_module(src, "x.py") {
            Ok(m) => dump::module(&m),
            Err(e) => format!("error: {}", e.render()),
        };
        if got != *expected {
            failures.push(format!(
                "source: {src:?}\nexpected: {expected}\n     got: {got}\n"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Parses each source, expecting a SyntaxError whose rendering is exactly the given text.
fn check_errors(cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (src, expected) in cases {
        let got = match parse_module(src, "x.py") {
            Ok(m) => format!("parsed: {}", dump::module(&m)),
            Err(e) => e.render(),
        };
        if got != *expected {
            failures.push(format!("source: {src:?}\nexpected:\n{expected}got:\n{got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Development aid: dumps every snippet of the file named by `PYRENA_DUMP_IN` (snippets
/// separated by a U+001E line) into `PYRENA_DUMP_OUT`, to diff against CPython.
#[test]
#[ignore]
fn dev_dump() {
    let (Ok(input), Ok(output)) = (
        std::env::var("PYRENA_DUMP_IN"),
        std::env::var("PYRENA_DUMP_OUT"),
    ) else {
        return;
    };
    let text = std::fs::read_to_string(input).unwrap_or_default();
    let mut out = String::new();
    for src in text.split("\u{1e}\n") {
        match parse_module(src, "/tmp/pyx/x.py") {
            Ok(m) => out.push_str(&dump::module(&m)),
            Err(e) => out.push_str(&format!("ERR\n{}", e.render())),
        }
        out.push_str("\u{1e}\n");
    }
    std::fs::write(output, out).unwrap_or_default();
}
