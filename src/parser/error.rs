//! `SyntaxError` values and their CPython-identical rendering.
//!
//! Two layers: [`RawError`] is what the lexer, the grammar actions and the error analysis
//! produce — a message anchored at byte offsets of the source. [`SyntaxError`] is the resolved
//! form with CPython's attribute conventions (1-based line, 1-based *character* offset, the
//! offending line as text). Invariant: every failure of the front end reaches the caller as a
//! `SyntaxError`; nothing in the front end panics on bad input.

use super::line_index::LineIndex;

/// Which Python exception class the error is raised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// The compiler could not allocate (the heap cap was reached): raised as MemoryError,
    /// as CPython does when compilation runs out of memory.
    MemoryError,
}

impl SyntaxErrorKind {
    /// The Python class name, as printed before the message.
    pub fn name(&self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A syntax error with CPython's `SyntaxError` attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    /// 1-based line of the error.
    pub lineno: usize,
    /// 1-based column in characters; 0 means "no column" (CPython then prints no caret).
    pub offset: usize,
    pub end_lineno: usize,
    pub end_offset: usize,
    /// The offending source line without its trailing newline.
    pub text: Option<String>,
    /// True when the only problem is that the input ended too early (the REPL asks for more).
    pub incomplete: bool,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}, line {})", self.msg, self.filename, self.lineno)
    }
}

impl std::error::Error for SyntaxError {}

impl SyntaxError {
    /// Exactly what CPython 3.11 writes to stderr for this error left uncaught in a file
    /// (the logic of `print_exception` / `print_error_text` in `Python/pythonrun.c`).
    pub fn render(&self) -> String {
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.lineno);
        if let Some(text) = &self.text {
            // CPython's `text` keeps its newline; its length is what it clamps the range to.
            let line_size = text.chars().count() as isize + 1;
            let offset = self.offset as isize;
            // Subclasses (IndentationError, TabError) always get a single caret.
            let mut end_offset = match self.kind {
                SyntaxErrorKind::SyntaxError => self.end_offset as isize,
                _ => -1,
            };
            if self.kind == SyntaxErrorKind::SyntaxError && self.end_lineno > self.lineno {
                end_offset = line_size;
            }
            if end_offset > line_size + 1 {
                end_offset = line_size + 1;
            }
            let carets = if end_offset > 0 && end_offset > offset {
                (end_offset - offset) as usize
            } else {
                1
            };
            let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
            let col = offset - 1 - (text.chars().count() - stripped.chars().count()) as isize;
            let col = col.min(stripped.chars().count() as isize);
            out.push_str("    ");
            out.push_str(stripped);
            out.push('\n');
            if col >= 0 {
                out.push_str("    ");
                out.extend(std::iter::repeat_n(' ', col as usize));
                out.extend(std::iter::repeat_n('^', carets));
                out.push('\n');
            }
        }
        out.push_str(self.kind.name());
        out.push_str(": ");
        out.push_str(&self.msg);
        out.push('\n');
        out
    }
}

/// Where CPython reports an error when that is not simply a source range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Quirk {
    /// Report `offset = 0` (no caret) on the line containing `start`.
    NoColumn,
    /// Report at the first token that starts at or after `start` — CPython's "last token
    /// read" for errors raised while reducing (string concatenation, f-strings, ...). The
    /// parse driver replaces this with that token's span.
    NextToken,
    /// Report against a synthetic line of text, as CPython 3.11 does for errors inside an
    /// f-string replacement field (it re-parses `(expr)` on its own). `lineno` comes from
    /// `start`; offsets are 1-based columns into `text`.
    Text {
        text: String,
        offset: usize,
        end_offset: usize,
    },
}

/// An error anchored at byte offsets into the source; resolved by [`RawError::resolve`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    /// Byte range `[start, end)`; `end == start` gives a single caret.
    pub start: usize,
    pub end: usize,
    pub incomplete: bool,
    pub quirk: Option<Box<Quirk>>,
}

impl RawError {
    pub fn new(msg: impl Into<String>, start: usize, end: usize) -> RawError {
        RawError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            start,
            end,
            incomplete: false,
            quirk: None,
        }
    }

    pub fn with_kind(mut self, kind: SyntaxErrorKind) -> RawError {
        self.kind = kind;
        self
    }

    pub fn incomplete(mut self) -> RawError {
        self.incomplete = true;
        self
    }

    pub fn no_column(mut self) -> RawError {
        self.quirk = Some(Box::new(Quirk::NoColumn));
        self
    }

    /// Moves the error by `delta` bytes (used when a sub-string was lexed on its own).
    pub fn shifted(mut self, delta: usize) -> RawError {
        self.start += delta;
        self.end += delta;
        self
    }

    /// Turns byte offsets into CPython's line/column attributes.
    pub fn resolve(self, src: &str, index: &LineIndex, filename: &str) -> SyntaxError {
        let start = self.start.min(src.len());
        let end = self.end.clamp(start, src.len());
        let (lineno, _) = index.line_col(start as u32);
        let text = index.line_text(src, lineno).to_string();
        let (offset, end_lineno, end_offset, text) = match self.quirk.map(|q| *q) {
            Some(Quirk::NoColumn) => (0, lineno, 0, text),
            // Unresolved (no token list at hand): the position itself is the best guess.
            Some(Quirk::NextToken) | None if start == end => {
                let offset = index.char_col(src, start) + 1;
                (offset, lineno, offset, text)
            }
            Some(Quirk::Text {
                text,
                offset,
                end_offset,
            }) => (offset, lineno, end_offset, text),
            Some(Quirk::NextToken) | None => {
                let offset = index.char_col(src, start) + 1;
                let (end_lineno, _) = index.line_col(end as u32);
                let end_offset = index.char_col(src, end) + 1;
                (offset, end_lineno, end_offset, text)
            }
        };
        SyntaxError {
            kind: self.kind,
            msg: self.msg,
            filename: filename.to_string(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text: Some(text),
            incomplete: self.incomplete,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(kind: SyntaxErrorKind, offset: usize, end_offset: usize, text: &str) -> SyntaxError {
        SyntaxError {
            kind,
            msg: "m".into(),
            filename: "f.py".into(),
            lineno: 3,
            offset,
            end_lineno: 3,
            end_offset,
            text: Some(text.into()),
            incomplete: false,
        }
    }

    #[test]
    fn renders_caret_range_after_stripping_indent() {
        let e = err(SyntaxErrorKind::SyntaxError, 7, 10, "    f() = 1");
        assert_eq!(
            e.render(),
            "  File \"f.py\", line 3\n    f() = 1\n      ^^^\nSyntaxError: m\n"
        );
        let e = err(SyntaxErrorKind::SyntaxError, 5, 8, "    f() = 1");
        assert_eq!(
            e.render(),
            "  File \"f.py\", line 3\n    f() = 1\n    ^^^\nSyntaxError: m\n"
        );
    }

    #[test]
    fn subclasses_get_one_caret_and_offset_zero_none() {
        let e = err(SyntaxErrorKind::IndentationError, 3, 9, " b");
        assert_eq!(
            e.render(),
            "  File \"f.py\", line 3\n    b\n     ^\nIndentationError: m\n"
        );
        let e = err(SyntaxErrorKind::IndentationError, 0, 0, "if x:");
        assert_eq!(
            e.render(),
            "  File \"f.py\", line 3\n    if x:\nIndentationError: m\n"
        );
        let e = err(SyntaxErrorKind::TabError, 1, 0, "\tb");
        assert_eq!(e.render(), "  File \"f.py\", line 3\n    b\nTabError: m\n");
    }

    #[test]
    fn empty_text_line_and_no_text() {
        let e = err(SyntaxErrorKind::SyntaxError, 0, 0, "");
        assert_eq!(
            e.render(),
            "  File \"f.py\", line 3\n    \nSyntaxError: m\n"
        );
        let mut e = err(SyntaxErrorKind::SyntaxError, 0, 0, "");
        e.text = None;
        assert_eq!(e.render(), "  File \"f.py\", line 3\nSyntaxError: m\n");
    }
}
