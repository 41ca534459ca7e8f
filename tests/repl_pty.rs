//! The REPL driven through a real pseudo-terminal (rexpect): the banner and prompts,
//! continuation lines with auto-indent, echo of values and `_`, error recovery, Ctrl-C at
//! the prompt and during a running loop, Tab completion, history saved to the XDG state
//! directory, and Ctrl-D leaving with status 0.

use std::process::Command;

use rexpect::process::WaitStatus;
use rexpect::session::{spawn_command, PtySession};

const TIMEOUT_MS: u64 = 30_000;

fn start(home: &std::path::Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyrena"));
    cmd.env("HOME", home)
        .env_remove("XDG_STATE_HOME")
        .env_remove("PYRENA_HISTFILE")
        .env("TERM", "xterm");
    spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn pyrena in a pty")
}

fn temp_home(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("pyrena-repl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Sends a line as a terminal does (Enter is a carriage return). Callers wait for the
/// prompt first: the line editor discards what arrives while it switches terminal modes.
fn enter(p: &mut PtySession, line: &str) {
    p.send(line).unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
}

#[test]
fn a_session_at_the_prompt() {
    let home = temp_home("session");
    let mut p = start(&home);
    p.exp_string("Pyrena").unwrap();
    p.exp_string(">>> ").unwrap();

    enter(&mut p, "6 * 7");
    p.exp_string("42").unwrap();
    p.exp_string(">>> ").unwrap();
    enter(&mut p, "_ + 1");
    p.exp_string("43").unwrap();
    p.exp_string(">>> ").unwrap();
    enter(&mut p, "None");
    p.exp_string(">>> ").unwrap();

    // A block: the continuation prompt offers the indentation; an empty line runs it.
    enter(&mut p, "for i in range(3):");
    p.exp_string("... ").unwrap();
    enter(&mut p, "print('row', i * 10)");
    p.exp_string("... ").unwrap();
    enter(&mut p, "");
    p.exp_string("row 0").unwrap();
    p.exp_string("row 20").unwrap();
    p.exp_string(">>> ").unwrap();

    // Errors print a traceback and the session goes on.
    enter(&mut p, "1/0");
    p.exp_string("ZeroDivisionError: division by zero").unwrap();
    p.exp_string(">>> ").unwrap();
    enter(&mut p, "x = (1,");
    p.exp_string("... ").unwrap();
    enter(&mut p, "2)");
    p.exp_string(">>> ").unwrap();
    enter(&mut p, "x");
    p.exp_string("(1, 2)").unwrap();

    // Ctrl-C at the prompt discards the line.
    p.send("this is discarded").unwrap();
    p.flush().unwrap();
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    p.exp_string(">>> ").unwrap();

    // Ctrl-C during execution interrupts the running loop. The loop says when it runs, so
    // the Ctrl-C is sent while the terminal is in cooked mode (a signal, not a key).
    enter(&mut p, "n = 0");
    p.exp_string(">>> ").unwrap();
    enter(&mut p, "while True:");
    p.exp_string("... ").unwrap();
    enter(&mut p, "n += 1");
    p.exp_string("... ").unwrap();
    enter(&mut p, "if n == 1000: print('spinning', flush=True)");
    p.exp_string("... ").unwrap();
    enter(&mut p, "");
    p.exp_string("spinning").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    p.exp_string(">>> ").unwrap();
    enter(&mut p, "n > 0");
    p.exp_string("True").unwrap();
    p.exp_string(">>> ").unwrap();

    // Ctrl-C while input() waits on the terminal raises KeyboardInterrupt there.
    enter(&mut p, "answer = input('name? ')");
    p.exp_string("name? ").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    p.exp_string(">>> ").unwrap();

    // Tab completes names and attributes.
    p.send("pri\t").unwrap();
    p.flush().unwrap();
    p.exp_string("print").unwrap();
    enter(&mut p, "('completed')");
    p.exp_string("completed").unwrap();
    p.exp_string(">>> ").unwrap();
    enter(&mut p, "import sys");
    p.exp_string(">>> ").unwrap();
    p.send("sys.getref\t").unwrap();
    p.flush().unwrap();
    p.exp_string("getrefcount").unwrap();
    enter(&mut p, "([]) >= 1");
    p.exp_string("True").unwrap();

    // A bracketed paste of several lines (as a terminal sends it) runs block by block.
    p.exp_string(">>> ").unwrap();
    p.send("\x1b[200~def seven():\n    return 7\nprint('pasted', seven())\x1b[201~")
        .unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("pasted 7").unwrap();

    // Ctrl-D leaves with status 0 and the history is saved.
    p.exp_string(">>> ").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 0),
        other => panic!("pyrena did not exit normally: {other:?}"),
    }
    let history = std::fs::read_to_string(home.join(".local/state/pyrena/history")).unwrap();
    assert!(history.contains("6 * 7"), "{history}");
    assert!(history.contains("while True:"), "{history}");
    assert!(history.contains("    n += 1"), "{history}");
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn exit_with_a_status_and_inspect_after_a_script() {
    let home = temp_home("exit");
    let mut p = start(&home);
    p.exp_string(">>> ").unwrap();
    enter(&mut p, "exit(3)");
    p.exp_eof().unwrap();
    match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 3),
        other => panic!("pyrena did not exit normally: {other:?}"),
    }

    // -i: the prompt opens in the program's globals.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyrena"));
    cmd.env("HOME", &home)
        .env("TERM", "xterm")
        .args(["-i", "-c", "answer = 41 + 1"]);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).unwrap();
    p.exp_string(">>> ").unwrap();
    enter(&mut p, "answer");
    p.exp_string("42").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn ctrl_c_in_a_script_raises_keyboard_interrupt() {
    for body in ["while True: pass", "time.sleep(60)", "input()"] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyrena"));
        let src = format!("import time\nprint('ready', flush=True)\n{body}\n");
        cmd.args(["-c", &src]);
        let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).unwrap();
        p.exp_string("ready").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(200));
        p.send_control('c').unwrap();
        p.exp_string("line 3, in <module>").unwrap();
        p.exp_string("KeyboardInterrupt").unwrap();
        p.exp_eof().unwrap();
        match p.process().wait().unwrap() {
            WaitStatus::Exited(_, code) => assert_eq!(code, 130, "{body}"),
            other => panic!("{body}: {other:?}"),
        }
    }
}

/// `pyrena -i` with piped input prompts on stderr and runs line by line, exactly as
/// `python3 -i` does (the oracle), for blocks, echo, `_`, errors and exit().
#[test]
fn piped_interactive_input_matches_python3() {
    use std::io::Write;
    use std::process::Stdio;
    let input = "x = 1\nx\nfor i in range(2):\n    i\n\n1/0\nprint('after')\n\
                 def f():\n    return 5\n\nf()\n_ + 1\nclass C:\n    def __repr__(self):\n\
                 \x20       return 'C()'\n\nC()\ny = [1,\n2]\ny\nif x:\n    pass\nelse:\n    pass\n\n\
                 undefined_name\nexit(4)\nprint('not reached')\n";
    let run = |exe: &str| {
        let mut child = Command::new(exe)
            .args(["-i", "-c", "pass"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let ours = run(env!("CARGO_BIN_EXE_pyrena"));
    let theirs = run("python3");
    assert_eq!(
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&theirs.stdout)
    );
    assert_eq!(
        String::from_utf8_lossy(&ours.stderr),
        String::from_utf8_lossy(&theirs.stderr)
    );
    assert_eq!(ours.status.code(), Some(4));
    assert_eq!(theirs.status.code(), Some(4));
}

/// Code run from piped `-i` input can read stdin itself (the prompt does not keep it
/// locked): input() meets the end of the input as EOFError, as in python3 -i.
#[test]
fn piped_interactive_code_can_read_stdin() {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrena"))
        .args(["-i", "-c", "pass"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"x = input()\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("EOFError: EOF when reading a line"), "{err}");
    assert_eq!(out.status.code(), Some(0));
}
