//! Pyrena: a Python 3.11 subset interpreter whose memory manager is an observable model of
//! CPython's (reference counts in every object header, obmalloc arenas/pools/blocks, a
//! generational cycle collector).
//!
//! The pipeline is lexer -> parser -> compiler -> bytecode VM, with every value an object on
//! the heap in [`heap`]. [`Interpreter`] is the embedding entry point: `run_source`,
//! `run_file` and `eval` run code in a persistent `__main__` and return [`Value`]s or a
//! [`PyException`] (see [`embed`]).

pub mod bytecode;
pub mod compiler;
pub mod embed;
pub mod heap;
pub mod interpreter;
pub mod lexer;
pub mod memreport;
pub mod modules;
pub mod objects;
pub mod parser;
pub mod repl;
pub mod teardown;
pub mod text;
pub mod vm;
pub mod xoptions;

pub use embed::{PyException, Value};
pub use interpreter::{Interpreter, MainSession};
