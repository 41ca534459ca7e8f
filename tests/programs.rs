//! Snapshot tests of the example programs in `tests/programs/`.
//!
//! Each `tests/programs/NAME.py` is run by the pyrena binary from the crate
//! root as `pyrena tests/programs/NAME.py [args from NAME.args]`, with
//! `NAME.stdin` (or nothing) on standard input, and its stdout, stderr and
//! exit code are snapshotted as one text in
//! `tests/snapshots/programs__run_program@NAME.py.snap`.
//!
//! Review new or changed snapshots with `cargo insta review`. The reference
//! behaviour is CPython 3.11's; `tests/difftest.rs` and `scripts/difftest`
//! compare against it directly.

mod common;

use std::panic::{self, AssertUnwindSafe};

#[test]
fn run_program() {
    let pyrena = common::Interpreter::pyrena();
    let limit = common::timeout();
    let mut timed_out = Vec::new();
    // glob! stops at the first panic that is not a snapshot mismatch, so a
    // timeout is recorded here and reported after every program has run.
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        insta::glob!("programs/*.py", |path| {
            let program = common::Program::load(path);
            let outcome = common::run(&pyrena, &program, limit);
            if let common::Exit::Timeout(_) = outcome.exit {
                eprintln!(
                    "TIMEOUT {} after {} s; output so far:\n{}",
                    program.invocation(),
                    limit.as_secs(),
                    common::render(&outcome)
                );
                timed_out.push(program.name.clone());
                return;
            }
            insta::with_settings!({
                description => program.invocation(),
                omit_expression => true,
            }, {
                insta::assert_snapshot!(common::render(&outcome));
            });
        });
    }));
    if !timed_out.is_empty() {
        panic!(
            "{} program(s) did not finish within {} s (PYRENA_TEST_TIMEOUT_SECS changes the \
             limit): {}{}",
            timed_out.len(),
            limit.as_secs(),
            timed_out.join(", "),
            if result.is_err() {
                "; snapshot assertions failed as well, see above"
            } else {
                ""
            }
        );
    }
    if let Err(payload) = result {
        panic::resume_unwind(payload);
    }
}
