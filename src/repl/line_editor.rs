//! Where the REPL's lines come from. On a terminal: rustyline, with persistent history,
//! Up/Down and Ctrl-R search, Tab completion of keywords, names and attributes after a dot
//! (Tab on an empty or indented line inserts four spaces), auto-indent after a line ending
//! in `:`, and bracketed paste. Otherwise (`pyrena -i` with piped input): plain lines from
//! stdin with the prompts on stderr, as `python3 -i` does.

use std::cell::RefCell;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::rc::Rc;

use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::{DefaultHistory, History};
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, Helper};

use crate::interpreter::{Interpreter, MainSession};

/// One read from the user.
pub enum Input {
    Line(String),
    /// Ctrl-C at the prompt.
    Interrupted,
    /// Ctrl-D, or the end of piped input.
    Eof,
}

/// The interpreter and its `__main__`, shared between the loop and the completer (which
/// only runs while the loop waits in `read`, so the two borrows never overlap).
pub type Shared = Rc<RefCell<(Interpreter, MainSession)>>;

/// Python's keywords, offered by completion.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub struct ReplHelper {
    shared: Shared,
}

impl ReplHelper {
    /// Candidates for the word before the cursor: (where it starts, sorted candidates).
    fn candidates(&self, before: &str) -> (usize, Vec<String>) {
        if before.trim().is_empty() {
            return (before.len(), vec!["    ".to_string()]);
        }
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '.'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[start..];
        let Ok(mut state) = self.shared.try_borrow_mut() else {
            return (start, Vec::new());
        };
        let (interp, session) = &mut *state;
        let mut out: Vec<String> = if let Some(dot) = word.rfind('.') {
            let (base, prefix) = (&word[..dot], &word[dot + 1..]);
            let names = interp.attribute_names(session, base).unwrap_or_default();
            let hide_private = !prefix.starts_with('_');
            let out = names
                .into_iter()
                .filter(|n| n.starts_with(prefix) && !(hide_private && n.starts_with('_')))
                .collect();
            return (start + dot + 1, sorted(out));
        } else {
            interp
                .global_names(session)
                .into_iter()
                .chain(KEYWORDS.iter().map(|k| k.to_string()))
                .filter(|n| n.starts_with(word) && (word.starts_with('_') || !n.starts_with('_')))
                .collect()
        };
        out.dedup();
        (start, sorted(out))
    }
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

impl Completer for ReplHelper {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        Ok(self.candidates(&line[..pos]))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}
impl Highlighter for ReplHelper {}
impl Validator for ReplHelper {}
impl Helper for ReplHelper {}

/// The history file: `$PYRENA_HISTFILE`, else `$XDG_STATE_HOME/pyrena/history`, else
/// `~/.local/state/pyrena/history`.
pub fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PYRENA_HISTFILE") {
        return Some(PathBuf::from(p));
    }
    let state = match std::env::var_os("XDG_STATE_HOME").filter(|v| !v.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".local/state"),
    };
    Some(state.join("pyrena").join("history"))
}

pub enum LineEditor {
    Terminal {
        editor: Box<Editor<ReplHelper, DefaultHistory>>,
        history: Option<PathBuf>,
    },
    /// Piped input, read a line at a time (stdin is locked only during each read, so the
    /// running code can read it too).
    Plain,
}

impl LineEditor {
    /// A terminal editor when stdin and stdout are terminals (and the terminal is usable),
    /// else plain stdin.
    pub fn new(shared: Shared) -> LineEditor {
        use std::io::IsTerminal;
        if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
            let config = Config::builder()
                .completion_type(CompletionType::List)
                .auto_add_history(false)
                .build();
            if let Ok(mut editor) = Editor::with_config(config) {
                editor.set_helper(Some(ReplHelper { shared }));
                let history = history_path();
                if let Some(h) = &history {
                    let _ = editor.load_history(h);
                }
                return LineEditor::Terminal {
                    editor: Box::new(editor),
                    history,
                };
            }
        }
        LineEditor::Plain
    }

    /// Shows `prompt` (with `indent` already typed on a terminal) and reads a line.
    pub fn read(&mut self, prompt: &str, indent: &str) -> Input {
        match self {
            LineEditor::Terminal { editor, .. } => {
                match editor.readline_with_initial(prompt, (indent, "")) {
                    Ok(line) => {
                        if !line.trim().is_empty() {
                            let _ = editor.add_history_entry(line.as_str());
                        }
                        Input::Line(line)
                    }
                    Err(ReadlineError::Interrupted) => Input::Interrupted,
                    Err(_) => Input::Eof,
                }
            }
            LineEditor::Plain => {
                let mut err = std::io::stderr();
                let _ = err.write_all(prompt.as_bytes());
                let _ = err.flush();
                let mut line = String::new();
                match std::io::stdin().lock().read_line(&mut line) {
                    Ok(0) | Err(_) => Input::Eof,
                    Ok(_) => {
                        let trimmed = line.strip_suffix('\n').unwrap_or(&line);
                        Input::Line(trimmed.strip_suffix('\r').unwrap_or(trimmed).to_string())
                    }
                }
            }
        }
    }

    /// Writes the history back (terminal sessions only).
    pub fn save(&mut self) {
        if let LineEditor::Terminal {
            editor,
            history: Some(path),
        } = self
        {
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            if editor.history().len() > 0 {
                let _ = editor.save_history(path);
            }
        }
    }
}
