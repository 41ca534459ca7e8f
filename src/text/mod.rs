//! Pure-Rust text algorithms behind Python's `str`, `int` and `float` text
//! behaviour: float repr/parsing, int parsing, the format-spec
//! mini-language, printf-style `%` formatting and the `str` methods.
//!
//! Nothing here knows about the interpreter's object model: functions take
//! and return plain Rust values and report failures as [`TextError`], whose
//! messages are exactly CPython 3.11's.  The interpreter wraps these in the
//! Python types and raises the corresponding exception class.
//!
//! Conventions shared by the submodules:
//! * Python strings are sequences of code points; every index or length that
//!   crosses this API is a *char* (code point) count, never a byte offset.
//! * Results that CPython would return *unchanged* (the same object) are
//!   signalled with borrowed data (`Cow::Borrowed`, or a slice covering the
//!   whole input), so the caller can hand back the original object.
//! * Sizes are bounded by [`MAX_RESULT_LEN`]: CPython would attempt the
//!   allocation (and usually die with `MemoryError`); we fail early with the
//!   error CPython raises on size overflow for that operation.

pub mod codecs;
pub mod float_fmt;
pub mod float_repr;
pub mod format_number;
pub mod format_spec;
pub mod int_parse;
pub mod percent;
pub mod str_case;
pub mod str_ops;
pub mod str_pad;
pub mod str_pred;
pub mod str_repr;
pub mod str_search;
pub mod str_split;
pub mod unicode;
mod unicode_tables_case;
mod unicode_tables_props;

use std::fmt;

/// Upper bound on widths, precisions and result lengths (in chars, or bytes
/// where only the byte length is known).  Anything larger is reported as the
/// overflow error CPython uses for that operation instead of allocating.
pub const MAX_RESULT_LEN: usize = 1_000_000_000;

/// The Python exception class a [`TextError`] maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    TypeError,
    KeyError,
    OverflowError,
    IndexError,
}

/// A failure with CPython's exact exception class and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextError {
    pub kind: ErrorKind,
    pub msg: String,
}

impl TextError {
    pub fn new(kind: ErrorKind, msg: impl Into<String>) -> Self {
        TextError {
            kind,
            msg: msg.into(),
        }
    }
    pub fn value(msg: impl Into<String>) -> Self {
        Self::new(ErrorKind::ValueError, msg)
    }
    pub fn type_error(msg: impl Into<String>) -> Self {
        Self::new(ErrorKind::TypeError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> Self {
        Self::new(ErrorKind::OverflowError, msg)
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

impl std::error::Error for TextError {}
