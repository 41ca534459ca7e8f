//! The internal-error guard and the command-line limits of issue 8: a Rust panic inside the
//! interpreter ends the run with status 70 and a report that names the Python frames running
//! at the time (checked through `_pyrena._panic`, which fails on purpose, as CPython's
//! `faulthandler._sigsegv` does); `-X int_max_str_digits` and `PYTHONINTMAXSTRDIGITS` set
//! the integer string conversion limit, and bad values are fatal with CPython's message;
//! `-X max-memory=SIZE` caps the heap, past which allocations raise a catchable MemoryError.

use std::process::{Command, Output};

fn pyrena(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pyrena"));
    c.args(args).env_remove("PYTHONINTMAXSTRDIGITS");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run pyrena")
}

#[test]
fn a_panic_is_reported_as_an_internal_error_with_the_python_traceback() {
    let program = "import _pyrena\n\
                   print('before')\n\
                   def inner():\n    _pyrena._panic()\n\
                   def outer():\n    inner()\n\
                   outer()\n\
                   print('never')\n";
    let o = pyrena(&["-c", program], &[]);
    assert_eq!(o.status.code(), Some(70));
    // Output written before the failure is not lost.
    assert_eq!(String::from_utf8_lossy(&o.stdout), "before\n");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with(
            "Fatal Python error: pyrena internal error: deliberate internal error (_pyrena._panic) at "
        ),
        "{err}"
    );
    assert!(
        err.ends_with(
            "This is a bug in Pyrena, not in the program.\n\
             Python traceback so far (most recent call last):\n  \
             File \"<string>\", line 7, in <module>\n  \
             File \"<string>\", line 6, in outer\n  \
             File \"<string>\", line 4, in inner\n"
        ),
        "{err}"
    );
    assert!(
        !err.contains("panicked at"),
        "Rust's own panic message leaked: {err}"
    );
}

#[test]
fn the_conversion_limit_comes_from_x_option_or_environment() {
    let probe = "import sys; print(sys.get_int_max_str_digits())";
    let out = |o: Output| String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(out(pyrena(&["-c", probe], &[])), "4300\n");
    assert_eq!(
        out(pyrena(&["-X", "int_max_str_digits=700", "-c", probe], &[])),
        "700\n"
    );
    let env = [("PYTHONINTMAXSTRDIGITS", "800")];
    assert_eq!(out(pyrena(&["-c", probe], &env)), "800\n");
    assert_eq!(
        out(pyrena(&["-X", "int_max_str_digits=0", "-c", probe], &env)),
        "0\n"
    );
    let o = pyrena(&["-X", "int_max_str_digits=700", "-c", "str(10**700)"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Exceeds the limit (700 digits)"));
}

#[test]
fn bad_conversion_limits_are_fatal() {
    for (args, env, source) in [
        (
            vec!["-X", "int_max_str_digits=5"],
            vec![],
            "-X int_max_str_digits",
        ),
        (
            vec!["-X", "int_max_str_digits"],
            vec![],
            "-X int_max_str_digits",
        ),
        (
            vec![],
            vec![("PYTHONINTMAXSTRDIGITS", "abc")],
            "PYTHONINTMAXSTRDIGITS",
        ),
    ] {
        let mut a = args.clone();
        a.extend(["-c", "print(1)"]);
        let o = pyrena(&a, &env);
        assert_eq!(o.status.code(), Some(1), "{args:?} {env:?}");
        assert!(o.stdout.is_empty());
        assert_eq!(
            String::from_utf8_lossy(&o.stderr),
            format!(
                "Fatal Python error: config_init_int_max_str_digits: {source}: invalid limit; \
                 must be >= 640 or 0 for unlimited.\nPython runtime state: preinitialized\n\n"
            )
        );
    }
}

#[test]
fn max_memory_caps_the_heap_with_a_catchable_memory_error() {
    let program = "try:\n    x = [0] * 10**8\nexcept MemoryError:\n    print('list refused')\n\
                   try:\n    b = bytearray(100 << 20)\nexcept MemoryError:\n    print('bytearray refused')\n\
                   keep = []\ntry:\n    while True:\n        keep.append([1] * 1000)\n\
                   except MemoryError:\n    grown = len(keep)\n    keep = None\n\
                   print('grew then stopped:', grown > 100)\nprint('continues', sum(range(10)))\n";
    for size in ["32MiB", "33554432"] {
        let o = pyrena(&["-X", &format!("max-memory={size}"), "-c", program], &[]);
        assert_eq!(
            String::from_utf8_lossy(&o.stdout),
            "list refused\nbytearray refused\ngrew then stopped: True\ncontinues 45\n",
            "-X max-memory={size}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(o.status.success());
    }
    // Without the cap the same list is fine.
    let o = pyrena(&["-c", "x = [0] * 10**6\nprint(len(x))"], &[]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "1000000\n");
    for bad in [
        "max-memory",
        "max-memory=",
        "max-memory=abc",
        "max-memory=0",
        "max-memory=-5M",
    ] {
        let o = pyrena(&["-X", bad, "-c", "pass"], &[]);
        assert_eq!(o.status.code(), Some(2), "-X {bad}");
        assert!(String::from_utf8_lossy(&o.stderr).starts_with("pyrena: -X max-memory=SIZE"));
    }
}

thread_local! {
    static KEPT: std::cell::RefCell<Option<pyrena::Interpreter>> =
        const { std::cell::RefCell::new(None) };
}

/// An interpreter kept in a thread-local (as the compile fuzz target keeps one) is dropped
/// while the thread's locals are being destroyed, after the heap's own queues may be gone:
/// its objects must still be freed without a panic. (Found by `scripts/fuzz compile`.)
#[test]
fn an_interpreter_in_a_thread_local_is_dropped_cleanly_at_thread_exit() {
    let joined = std::thread::spawn(|| {
        // Touched first, so it is destroyed last: after the heap's thread-locals, which
        // the interpreter registers as it runs.
        KEPT.with(|_| {});
        let mut interp = pyrena::Interpreter::new();
        interp
            .run_source(
                "import tracemalloc, weakref\ntracemalloc.start()\n\
                 class Node:\n    def __del__(self): pass\n\
                 deep = []\nfor i in range(200): deep = [deep]\n\
                 ring = [Node()]\nring.append(ring)\nkinds = [type('K%d' % i, (), {}) for i in range(5)]\n",
            )
            .expect("runs");
        KEPT.with(|k| *k.borrow_mut() = Some(interp));
    })
    .join();
    assert!(
        joined.is_ok(),
        "dropping the interpreter at thread exit panicked"
    );
}

/// Inputs the fuzzers found, run under heap caps from just above what the interpreter holds
/// up to 256 KiB more, in 4 KiB steps: the `run` target found its crash when the heap was
/// nearly full (earlier inputs had filled it), so each input meets a refused allocation at
/// many points. Each must end as a Python error or normally.
#[test]
fn fuzzer_findings_end_cleanly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/regressions");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("regressions dir")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for path in names {
        let source = String::from_utf8_lossy(&std::fs::read(&path).expect("read")).into_owned();
        let joined = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || {
                let mut interp = pyrena::Interpreter::new();
                interp.capture_output();
                let base = pyrena::heap::alloc::with_obmalloc(|m| m.bytes_in_use());
                for extra in (0..256 * 1024).step_by(4096) {
                    interp.set_memory_limit(Some(base + extra));
                    let _ = interp.run_source(&source);
                    interp.finish();
                    interp.capture_output();
                }
            })
            .expect("spawn")
            .join();
        assert!(joined.is_ok(), "{} panicked", path.display());
    }
}

/// Out of memory at every point of compiling and running a small program: the heap is capped
/// a little above what it holds, in steps, so each allocation in turn is the one refused. Each
/// run must end as a Python error (MemoryError, or the compiler's error) — never a panic.
/// (The `run` fuzz target found the compiler panicking on a refused allocation.)
#[test]
fn every_allocation_may_fail_without_a_panic() {
    let source = "from math import pi, sqrt\nimport os\n\
                  class P:\n    def __init__(self, x):\n        self.x = x\n    def f(self):\n        return lambda y: self.x + y\n\
                  ps = [P(i) for i in range(50)]\n\
                  d = {str(i): [p.f()(i) for p in ps[:3]] for i in range(20)}\n\
                  s = ' '.join(k * 3 for k in d)\nprint(len(s), f'{pi:.3f}', sqrt(2))\n";
    // The stack the command line gives its interpreter thread.
    let joined = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut interp = pyrena::Interpreter::new();
            interp.capture_output();
            let base = pyrena::heap::alloc::with_obmalloc(|m| m.bytes_in_use());
            for extra in (0..96 * 1024).step_by(512) {
                interp.set_memory_limit(Some(base + extra));
                let _ = interp.run_source(source);
                interp.finish();
                interp.capture_output();
            }
            interp.set_memory_limit(None);
            interp.run_source(source).expect("runs without a cap");
            interp.take_stdout()
        })
        .expect("spawn")
        .join();
    let out = joined.expect("an allocation failure panicked");
    assert!(out.ends_with("3.142 1.4142135623730951\n"), "{out}");
}

/// A compiler that cannot allocate raises MemoryError, as CPython does, not a SyntaxError:
/// `exec` of a large source with the heap capped just above what it holds is refused with a
/// catchable MemoryError and the program goes on.
#[test]
fn compiling_out_of_memory_raises_memory_error() {
    let mut interp = pyrena::Interpreter::new();
    interp.capture_output();
    let build = "pad = 'x' * 200\n\
                 src = 'def f():\\n' + ''.join(f'    a{i} = \"{i}{pad}\"\\n' for i in range(2000))\n";
    interp.run_source(build).expect("builds the source");
    let base = pyrena::heap::alloc::with_obmalloc(|m| m.bytes_in_use());
    interp.set_memory_limit(Some(base + (64 << 10)));
    let attempt = "try:\n    exec(src)\nexcept MemoryError as e:\n    print('refused', type(e).__name__, e.args)\n";
    interp
        .run_source(attempt)
        .expect("the MemoryError is caught");
    interp.set_memory_limit(None);
    interp
        .run_source("exec(src)\nprint('compiled', f.__name__)")
        .expect("compiles without the cap");
    assert_eq!(interp.take_stdout(), "refused MemoryError ()\ncompiled f\n");
}
