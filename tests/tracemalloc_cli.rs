//! `pyrena -X tracemalloc[=N]`: tracing from startup, the traceback depth, and CPython's
//! handling of bad values (the expectations are what python3 3.11 prints).

use std::process::{Command, Output};

fn pyrena(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyrena"))
        .args(args)
        .output()
        .expect("run pyrena")
}

const PROBE: &str = "import tracemalloc\n\
def f():\n    return [str(i) for i in range(100)]\n\
x = f()\n\
tb = tracemalloc.get_object_traceback(x[50])\n\
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit(), tb and len(tb))\n";

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn x_tracemalloc_starts_tracing_with_one_frame() {
    let o = pyrena(&["-X", "tracemalloc", "-c", PROBE]);
    assert_eq!(stdout(&o), "True 1 1\n");
    assert!(o.status.success());
}

#[test]
fn x_tracemalloc_n_sets_the_depth_and_attached_form_works() {
    let o = pyrena(&["-X", "tracemalloc=5", "-c", PROBE]);
    // <listcomp>, f and <module>: three frames, fewer than the limit.
    assert_eq!(stdout(&o), "True 5 3\n");
    let o = pyrena(&["-Xtracemalloc=2", "-c", PROBE]);
    assert_eq!(stdout(&o), "True 2 2\n");
}

#[test]
fn zero_or_empty_leaves_tracing_off_and_other_options_are_ignored() {
    for opt in ["tracemalloc=0", "tracemalloc=", "showrefcount"] {
        let o = pyrena(&["-X", opt, "-c", PROBE]);
        assert_eq!(stdout(&o), "False 1 None\n", "-X {opt}");
    }
}

#[test]
fn bad_frame_counts_are_fatal() {
    for opt in ["tracemalloc=abc", "tracemalloc=70000", "tracemalloc=-1"] {
        let o = pyrena(&["-X", opt, "-c", "print(1)"]);
        assert_eq!(o.status.code(), Some(1), "-X {opt}");
        assert!(o.stdout.is_empty());
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("-X tracemalloc=NFRAME: invalid number of frames"),
            "{err}"
        );
    }
}

#[test]
fn missing_x_argument_is_a_usage_error() {
    let o = pyrena(&["-X"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("Argument expected for the -X option\n"),
        "{err}"
    );
}
