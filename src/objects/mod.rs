//! The built-in object types: one file per type for layout and constructors, with slot and
//! method tables in the `*_type` / `*_methods` files.

pub mod args;
pub mod bytes;
pub mod class;
pub mod class_slots;
pub mod code;
pub mod descr;
pub mod dict;
pub mod dict_type;
pub mod exc_type;
pub mod exception;
pub mod float;
pub mod function;
pub mod generator;
pub mod int;
pub mod int_ops;
pub mod iter;
pub mod list;
pub mod list_type;
pub mod module;
pub mod pybox;
pub mod seq;
pub mod set;
pub mod simple;
pub mod sizeof;
pub mod slots;
pub mod str;
pub mod str_methods;
pub mod str_type;
pub mod traverse;
pub mod tuple;
pub mod typeobj;
pub mod weakproxy;
pub mod weakref;
pub mod weakref_sub;
