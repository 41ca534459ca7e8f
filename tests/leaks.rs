//! The leak test: every `tests/programs` program, run with `-X showrefcount` and the
//! interpreter's own leak check (`PYRENA_LEAK_CHECK=1`), must end with the heap exactly as it
//! was at startup: the same allocated blocks and the same total reference count. The
//! interpreter compares itself with its startup snapshot (which accounts for per-run startup
//! differences such as the length of `sys.argv`) and prints a `pyrena: leak check:` line naming
//! the GC-tracked types that grew when they differ.
//!
//! Programs run in parallel threads (a debug build takes a few seconds for all of them).

mod common;

use std::sync::{Arc, Mutex};
use std::thread;

/// Programs known to leave objects behind, with the reason. Each entry is a bug to fix; the
/// test fails if a listed program stops leaking, so the list cannot go stale.
const KNOWN_LEAKS: &[(&str, &str)] = &[];

fn leak_report(stderr: &str) -> Option<String> {
    stderr
        .lines()
        .find(|l| l.starts_with("pyrena: leak check:"))
        .map(str::to_string)
}

#[test]
fn every_program_leaves_only_permanent_objects() {
    let mut pyrena = common::Interpreter::pyrena();
    pyrena.pre_args = vec!["-X".to_string(), "showrefcount".to_string()];
    std::env::set_var("PYRENA_LEAK_CHECK", "1");
    let programs = Arc::new(Mutex::new(common::all_programs()));
    let results = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let programs = Arc::clone(&programs);
            let results = Arc::clone(&results);
            let pyrena = pyrena.clone();
            thread::spawn(move || loop {
                let Some(p) = programs.lock().unwrap().pop() else {
                    break;
                };
                let out = common::run(&pyrena, &p, common::timeout());
                results.lock().unwrap().push((p.name.clone(), out));
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let mut failures = Vec::new();
    let mut results = results.lock().unwrap().clone();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, out) in &results {
        let known = KNOWN_LEAKS.iter().any(|(n, _)| n == name);
        let has_line = out
            .stderr
            .lines()
            .any(|l| l.starts_with('[') && l.ends_with(" blocks]") && l.contains(" refs, "));
        if !has_line {
            failures.push(format!(
                "{name}: no `[N refs, M blocks]` line (exit {})",
                out.exit
            ));
            continue;
        }
        match (leak_report(&out.stderr), known) {
            (Some(report), false) => failures.push(format!("{name}: {report}")),
            (None, true) => failures.push(format!(
                "{name}: no longer leaks; remove it from KNOWN_LEAKS"
            )),
            _ => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} program(s) failed the leak check:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn showrefcount_line_matches_cpython_format() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pyrena"))
        .args(["-X", "showrefcount", "-c", "x = [1, 2]"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr.trim_end();
    let inner = line
        .strip_prefix('[')
        .and_then(|l| l.strip_suffix(" blocks]"))
        .unwrap_or_else(|| panic!("unexpected stderr {stderr:?}"));
    let (refs, blocks) = inner.split_once(" refs, ").unwrap();
    assert!(refs.parse::<i64>().unwrap() > 0);
    assert!(blocks.parse::<i64>().unwrap() > 0);
}
