//! Ctrl-C as Python sees it: SIGINT sets a process-wide flag (through signal-hook, so no
//! handler of ours runs in signal context), and the VM turns a set flag into
//! KeyboardInterrupt at its next check — every backward jump, so any loop can be
//! interrupted, between the slices of `time.sleep`, and while a text read waits on a
//! terminal (`input()` at a prompt).
//!
//! Invariant: the flag is only cleared by the thread that raises the exception (`take`) or
//! by the REPL before it runs a new statement (`clear`), so one Ctrl-C raises at most once.

use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static HANDLER_INSTALLED: AtomicBool = AtomicBool::new(false);

/// Routes SIGINT to the flag instead of killing the process (idempotent). A second Ctrl-C
/// that arrives before the first was raised (the program is blocked outside the VM's
/// checks, in a read for instance) ends the process with status 130, as an unhandled
/// SIGINT would.
pub fn install_sigint_handler() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        HANDLER_INSTALLED.store(true, Ordering::Relaxed);
        use signal_hook::consts::SIGINT;
        // Actions run in registration order: the shutdown test sees the flag as it was
        // before this signal. If registration fails the default action (terminate) stays.
        let _ = signal_hook::flag::register_conditional_shutdown(SIGINT, 130, &INTERRUPTED);
        let _ = signal_hook::flag::register(SIGINT, &INTERRUPTED);
    });
}

/// Whether a Ctrl-C is waiting to be raised (one relaxed load: this sits on loop back-edges).
#[inline(always)]
pub fn pending() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}

/// Consumes a waiting Ctrl-C.
pub fn take() -> bool {
    INTERRUPTED.swap(false, Ordering::Relaxed)
}

/// Forgets a Ctrl-C that arrived while no Python code ran.
pub fn clear() {
    INTERRUPTED.store(false, Ordering::Relaxed);
}

/// Sets the flag as SIGINT would (for tests and embedders that want to stop a run).
pub fn request() {
    INTERRUPTED.store(true, Ordering::Relaxed);
}

/// Waits until standard input (a terminal) has something to read, or a Ctrl-C arrives, in
/// which case the error is `Interrupted` and the caller raises KeyboardInterrupt. Returns at
/// once when stdin is not a terminal or Ctrl-C is not routed here (the read then blocks as
/// usual). Only for reads that bypass std's stdin buffer (terminal lines are read whole
/// into the file's own read-ahead), so nothing already buffered is waited on.
pub fn wait_for_terminal_input() -> std::io::Result<()> {
    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    use std::io::IsTerminal;
    let stdin = std::io::stdin();
    if !HANDLER_INSTALLED.load(Ordering::Relaxed) || !stdin.is_terminal() {
        return Ok(());
    }
    let slice = Timespec {
        tv_sec: 0,
        tv_nsec: 50_000_000,
    };
    loop {
        if pending() {
            return Err(std::io::ErrorKind::Interrupted.into());
        }
        let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
        match poll(&mut fds, Some(&slice)) {
            Ok(0) => continue,
            Ok(_) => return Ok(()),
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}
