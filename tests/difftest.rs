//! Differential test: every example program in `tests/programs/` must behave
//! exactly like it does under CPython 3.11 (same stdout, stderr and exit
//! code), unless its leading comment block contains
//! `# difftest: skip — <reason>`.
//!
//! CPython is `$PYTHON3` or `python3` from `PATH`; the test fails (it does not
//! skip) if it is missing or is not 3.11. `DIFFTEST_ONLY=name1,name2` limits
//! the run to some programs. `scripts/difftest` does the same by hand.

mod common;

use std::fmt::Write as _;

#[test]
fn programs_match_cpython() {
    let python = common::Interpreter::python3().unwrap_or_else(|message| panic!("{message}"));
    let pyrena = common::Interpreter::pyrena();
    let limit = common::timeout();
    let only: Option<Vec<String>> = std::env::var("DIFFTEST_ONLY").ok().map(|list| {
        list.split(',')
            .map(|name| name.trim().trim_end_matches(".py").to_string())
            .filter(|name| !name.is_empty())
            .collect()
    });

    let mut passed = 0;
    let mut failures = Vec::new();
    let mut skipped = Vec::new();
    for program in common::all_programs() {
        if let Some(only) = &only {
            if !only.contains(&program.name) {
                continue;
            }
        }
        if let Some(reason) = program.skip_reason() {
            skipped.push(format!("{}: {reason}", program.name));
            continue;
        }
        let expected = common::run(&python, &program, limit);
        let actual = common::run(&pyrena, &program, limit);
        if let common::Exit::Timeout(_) = expected.exit {
            failures.push(format!(
                "{}: {} itself timed out, so there is no reference output\n",
                program.name, python.label
            ));
            continue;
        }
        match common::compare(&python.label, &expected, &pyrena.label, &actual) {
            None => passed += 1,
            Some(report) => failures.push(format!(
                "{} ({}):\n{report}",
                program.name,
                program.invocation()
            )),
        }
    }

    let mut summary = format!(
        "difftest: {passed} passed, {} failed, {} skipped\n",
        failures.len(),
        skipped.len()
    );
    for skip in &skipped {
        let _ = writeln!(summary, "  skipped {skip}");
    }
    eprint!("{summary}");
    if !failures.is_empty() {
        let names: Vec<&str> = failures
            .iter()
            .map(|f| f.split([' ', ':']).next().unwrap_or(""))
            .collect();
        panic!(
            "{} program(s) behave differently under pyrena than under {}: {}\n\n{}\n{summary}",
            failures.len(),
            python.label,
            names.join(", "),
            failures.join("\n")
        );
    }
    assert!(
        passed > 0 || !skipped.is_empty(),
        "no programs were run (check DIFFTEST_ONLY)"
    );
}
