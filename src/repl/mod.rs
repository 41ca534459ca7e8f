//! The interactive prompt (`pyrena` on a terminal, or `pyrena -i`): reads statements with
//! `>>> ` and `... ` prompts, runs each in `__main__` as `python3` does (expression values
//! echoed with repr and kept in `_`, errors reported and the session kept), until Ctrl-D,
//! `exit()` or the end of piped input. Ctrl-C at the prompt discards the line; during
//! execution it raises KeyboardInterrupt in the running code.

mod line_editor;
mod statement;

use std::cell::RefCell;
use std::rc::Rc;

use crate::interpreter::{Exit, Interpreter, MainSession};
pub use line_editor::history_path;
use line_editor::{Input, LineEditor};
pub use statement::{Action, StatementBuffer};

/// The lines printed before the first prompt (on stderr, like CPython's banner).
pub fn banner() -> String {
    format!(
        "Pyrena {} (Python 3.11 subset) on {}\n\
         Type \"exit()\" or press Ctrl-D to leave; sys.getrefcount, gc and tracemalloc show \
         the heap at work.\n",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS
    )
}

/// Runs the prompt in `session` (a fresh `__main__`, or the one a script just ran in for
/// `-i`), then finalizes the interpreter. Returns the exit status.
pub fn run(interp: Interpreter, session: MainSession, show_banner: bool) -> Exit {
    run_then(interp, session, show_banner, |_, _| {})
}

/// `run`, calling `before_teardown` with the interpreter and the exit status when the session
/// ends, while `__main__` and everything it holds are still alive (`-X memreport` writes its
/// report then).
pub fn run_then(
    interp: Interpreter,
    session: MainSession,
    show_banner: bool,
    before_teardown: impl FnOnce(&mut Interpreter, &Exit),
) -> Exit {
    crate::vm::interrupt::install_sigint_handler();
    let shared = Rc::new(RefCell::new((interp, session)));
    let mut editor = LineEditor::new(shared.clone());
    if show_banner {
        eprint!("{}", banner());
    }
    let mut buffer = StatementBuffer::new();
    let exit = 'session: loop {
        let (prompt, indent) = if buffer.is_continuing() {
            ("... ", buffer.next_indent())
        } else {
            (">>> ", String::new())
        };
        let text = match editor.read(prompt, &indent) {
            Input::Line(l) => l,
            Input::Interrupted => {
                eprintln!("\nKeyboardInterrupt");
                buffer.reset();
                continue;
            }
            Input::Eof => {
                if matches!(editor, LineEditor::Terminal { .. }) {
                    eprintln!();
                }
                break Exit { code: 0 };
            }
        };
        // A bracketed paste arrives as one text with newlines: its lines go in one by one.
        for line in text.split('\n') {
            for Action::Run(src) in buffer.push(line) {
                let mut state = shared.borrow_mut();
                let (interp, session) = &mut *state;
                if let Some(exit) = interp.exec_interactive(session, &src) {
                    break 'session exit;
                }
            }
        }
    };
    editor.save();
    drop(editor);
    let Ok(cell) = Rc::try_unwrap(shared) else {
        unreachable!("the editor and its completer are gone");
    };
    let (mut interp, session) = cell.into_inner();
    before_teardown(&mut interp, &exit);
    interp.end_main(session);
    exit
}
