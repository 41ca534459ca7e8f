//! Command-line modes beyond running a script: `-m dis`, `-m` with a module found on
//! `PYRENA_PATH`, a missing module, and `-X gcstats` (expectations follow python3 where it
//! has the same mode).

use std::process::{Command, Output};

fn pyrena(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pyrena"));
    c.args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run pyrena")
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("pyrena-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn m_dis_disassembles_a_file() {
    let d = temp_dir("dis");
    let f = d.join("prog.py");
    std::fs::write(&f, "x = 1\nprint(x + 1)\n").unwrap();
    let o = pyrena(&["-m", "dis", f.to_str().unwrap()], &[]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "  1           0 LOAD_CONST               0 (1)");
    assert_eq!(lines[1], "              2 STORE_NAME               0 (x)");
    assert_eq!(lines[2], "");
    assert!(lines[3].starts_with("  2           4 LOAD_NAME                1 (print)"));
    assert!(out.contains("BINARY_OP                0 (+)"), "{out}");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn m_runs_a_module_from_pyrena_path_as_main() {
    let d = temp_dir("m");
    std::fs::write(
        d.join("greet.py"),
        "import sys\nprint(__name__, sys.argv[1:], sys.argv[0].endswith('greet.py'))\n",
    )
    .unwrap();
    let o = pyrena(
        &["-m", "greet", "a", "b"],
        &[("PYRENA_PATH", d.to_str().unwrap())],
    );
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "__main__ ['a', 'b'] True\n"
    );
    let o = pyrena(&["-m", "no_such_module_here"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "pyrena: No module named no_such_module_here\n"
    );
    let o = pyrena(&["-m"], &[]);
    assert_eq!(o.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn x_gcstats_reports_every_collection() {
    let src =
        "import gc\nclass N: pass\na = N(); a.me = a; del a\nprint(gc.collect(), gc.get_debug())\n";
    let o = pyrena(&["-X", "gcstats", "-c", src], &[]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "1 1\n");
    let err = String::from_utf8_lossy(&o.stderr);
    // The startup's objects cross generation 0's threshold, so an automatic generation-0
    // collection may be reported first; the explicit gc.collect() is the generation-2 one.
    let all: Vec<&str> = err.lines().collect();
    let start = all
        .iter()
        .position(|l| *l == "gc: collecting generation 2...")
        .expect("a generation-2 report");
    assert!(all[..start]
        .chunks(4)
        .all(|c| c[0] == "gc: collecting generation 0..."));
    let lines = &all[start..];
    assert_eq!(lines[0], "gc: collecting generation 2...");
    assert!(lines[1].starts_with("gc: objects in each generation: "));
    assert_eq!(lines[2], "gc: objects in permanent generation: 0");
    assert!(lines[3].starts_with("gc: done, 1 unreachable, 0 uncollectable, "));
    let o = pyrena(&["-c", src], &[]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "1 0\n");
    assert!(o.stderr.is_empty());
}
