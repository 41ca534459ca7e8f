//! The `str` methods as pure functions, gathered in one namespace.
//!
//! The implementations live in per-concept modules; this module only
//! re-exports them so callers can `use crate::text::str_ops::*`:
//! * [`super::str_split`]: `split rsplit splitlines partition rpartition`
//! * [`super::str_search`]: `find rfind index rindex count startswith
//!   endswith replace` (char-index conventions documented there)
//! * [`super::str_pad`]: `strip lstrip rstrip center ljust rjust zfill expandtabs`
//! * [`super::str_case`]: `upper lower casefold swapcase capitalize title`
//! * [`super::str_pred`]: the `is*` predicates
//! * [`super::str_repr`]: `repr`/`ascii` of str, `repr` of bytes
//!
//! `join` stays with the caller (it iterates Python objects).  Methods that
//! can fail return [`super::TextError`] with CPython's message; the caller
//! keeps the argument-type checks (e.g. `TypeError: The fill character must
//! be exactly one character long`).

pub use super::str_case::{capitalize, casefold, lower, swapcase, title, upper};
pub use super::str_pad::{center, expandtabs, ljust, lstrip, rjust, rstrip, strip, zfill};
pub use super::str_pred::{
    isalnum, isalpha, isascii, isdecimal, isdigit, isidentifier, islower, isnumeric, isprintable,
    isspace, istitle, isupper,
};
pub use super::str_repr::{bytes_repr, str_ascii_repr, str_repr};
pub use super::str_search::{count, endswith, find, index, replace, rfind, rindex, startswith};
pub use super::str_split::{partition, rpartition, rsplit, split, splitlines};
