//! The parser: source text → [`ast::Module`] (or an `eval` expression), or a [`SyntaxError`].
//!
//! The grammar lives in `grammar/python.lalrpop` (compiled by `build.rs`); this module holds
//! the glue: the driver that feeds it the layout token stream ([`driver`]), the grammar's
//! node builders and checks ([`actions`], [`targets`], [`strings`]), the translation of parse
//! failures into CPython's messages ([`diagnose`]), and SyntaxError values ([`error`]).
//!
//! Invariant: the public functions never panic; every failure is a `SyntaxError` whose
//! attributes and rendering match CPython 3.11's for the same input wherever feasible.

pub mod ast;

mod actions;
mod depth;
mod diagnose;
mod driver;
mod error;
mod line_index;
mod strings;
mod targets;
mod tokscan;

lalrpop_util::lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        unused,
        dead_code,
        unused_qualifications
    )]
    python,
    "/python.rs"
);

pub use error::{Quirk, RawError, SyntaxError, SyntaxErrorKind};
pub use line_index::LineIndex;

/// Parses a whole module (`exec` / file input).
pub fn parse_module(source: &str, filename: &str) -> Result<ast::Module, SyntaxError> {
    driver::parse_module_raw(source).map_err(|e| resolve(e, source, filename))
}

/// Parses the input of `eval()`: one expression list, with surrounding whitespace and
/// newlines allowed.
pub fn parse_expression(source: &str, filename: &str) -> Result<ast::Expr, SyntaxError> {
    driver::parse_expression_raw(source).map_err(|e| resolve(e, source, filename))
}

fn resolve(e: RawError, source: &str, filename: &str) -> SyntaxError {
    let index = LineIndex::new(source);
    e.resolve(source, &index, filename)
}

#[cfg(test)]
mod tests;
