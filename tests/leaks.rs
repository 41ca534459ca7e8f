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
        // Like CPython, only builds that keep the total reference count (debug assertions, or
        // the `ref-total` feature) print the line; the leak check itself works in any build.
        if cfg!(debug_assertions) && !has_line {
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
#[cfg_attr(
    not(debug_assertions),
    ignore = "release builds keep no total reference count and print no line, as CPython's"
)]
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

/// Regression snippets for the leaks the check found (and for the teardown's restore rules):
/// each must end with nothing but the permanent objects.
const SNIPPETS: &[(&str, &str)] = &[
    ("class (cycle through its MRO)", "class A:\n    def f(self): return 1\nA().f()\n"),
    (
        "class with super() cell, property, staticmethod, classmethod",
        "class M:\n    @property\n    def p(self): return 1\n    @staticmethod\n    def s(): pass\n    @classmethod\n    def c(cls): return super().__init__\nM().c(); M.s(); M().p\n",
    ),
    ("exception subclass instance", "class E(Exception): pass\ntry:\n    raise E('a')\nexcept E as e:\n    err = e\n"),
    ("suspended generator dropped", "def g():\n    yield 1\n    yield 2\nx = g(); next(x); del x\nfor i in g():\n    break\n"),
    (
        "generator in a cycle with its own cell",
        "def outer():\n    def g():\n        yield me\n    me = g()\n    next(me)\nouter()\n",
    ),
    ("uncaught exception with a traceback", "def f():\n    raise ValueError('x')\nf()\n"),
    ("RecursionError", "import sys\nsys.setrecursionlimit(60)\ndef r(): r()\nr()\n"),
    ("SystemExit", "import sys\nx = [1]\nsys.exit(3)\n"),
    ("closure cycle", "def outer():\n    def inner(): return inner\n    return inner\nx = outer()\n"),
    (
        "startup module attributes and lists",
        "import sys, gc, builtins\nsys.foo = [1]\nsys.argv.append('xyz')\nsys.path.extend(['a', 'b'])\nbuiltins.zz = {}\ngc.garbage.append([])\ngc.callbacks.append(lambda p, i: None)\n",
    ),
    ("frozen cycle", "import gc\nclass A: pass\na = A(); a.a = a\ngc.freeze()\n"),
    ("weakref with callback", "import weakref\nclass A: pass\na = A()\nr = weakref.ref(a, lambda r: None)\ndel a\n"),
    (
        "__del__ resurrection",
        "class P:\n    saved = None\n    def __del__(self):\n        P.saved = self\np = P()\ndel p\n",
    ),
];

#[test]
fn leak_regressions() {
    let mut failures = Vec::new();
    for (what, code) in SNIPPETS {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pyrena"))
            .args(["-X", "showrefcount", "-c", code])
            .env("PYRENA_LEAK_CHECK", "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if let Some(report) = leak_report(&stderr) {
            failures.push(format!("{what}: {report}"));
        }
    }
    assert!(failures.is_empty(), "leaks:\n{}", failures.join("\n"));
}

#[test]
fn sys_xoptions_reflects_the_command_line() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pyrena"))
        .args(["-X", "a=b=c", "-Xflag", "-X", "a=2", "-c"])
        .arg("import sys; print(sys._xoptions)")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "{'a': '2', 'flag': True}\n"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pyrena"))
        .arg("-X")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("Argument expected for the -X option"));
}
