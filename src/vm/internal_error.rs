//! The last line of defence: a Rust panic inside the interpreter (a bug of ours, never a
//! Python error) is reported as an internal error with the Python traceback so far, and the
//! process exits with status 70 (EX_SOFTWARE) instead of printing Rust's panic message.
//!
//! The panic hook runs on the panicking thread before unwinding, while the VM's frames are
//! still intact, and reads them through the allocator's frame provider (read only).

use std::sync::Once;

/// The exit status of a run that ended in an internal error.
pub const INTERNAL_ERROR_STATUS: u8 = 70;

/// Replaces the default panic message with Pyrena's internal-error report (once per process).
pub fn install_panic_report() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(no message)".into());
            let place = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let mut report = format!(
                "Fatal Python error: pyrena internal error: {message}{place}\n\
                 This is a bug in Pyrena, not in the program.\n"
            );
            let mut frames = Vec::new();
            crate::heap::tracemalloc::python_stack(&mut |file, line, name| {
                frames.push(format!("  File \"{file}\", line {line}, in {name}\n"));
            });
            if !frames.is_empty() {
                report.push_str("Python traceback so far (most recent call last):\n");
                for f in frames {
                    report.push_str(&f);
                }
            }
            eprint!("{report}");
        }));
    });
}
