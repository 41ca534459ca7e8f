//! A class's shared attribute keys (CPython 3.11's `ht_cached_keys`): the names its
//! instances store, in the order they were first stored. An instance keeping its attributes
//! as inline values (`heap::instance_values`) holds value `i` for key `i`, so the names are
//! stored once per class instead of once per instance.
//!
//! Invariants: the list only grows (an index, once given to a name, keeps meaning that name
//! for the class's whole life, which is what lets attribute caches remember indices); it holds
//! interned exact str objects, at most `MAX_SHARED_KEYS` of them (CPython's limit of 30), so
//! a name from a code object (interned too) is found by pointer alone.

use std::cell::RefCell;

use crate::heap::Obj;
use crate::objects::str::{as_str, is_str, str_eq};
use crate::objects::typeobj::flags;
use crate::vm::Vm;

pub const MAX_SHARED_KEYS: usize = 30;

#[derive(Default)]
pub struct SharedKeys {
    keys: RefCell<Vec<Obj>>,
}

impl SharedKeys {
    #[inline]
    pub fn len(&self) -> usize {
        self.keys.borrow().len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The index of str `name` (compared by identity first, then by content).
    #[inline]
    pub fn index_of(&self, name: &Obj) -> Option<usize> {
        if let Some(i) = self.index_of_interned(name) {
            return Some(i);
        }
        if !is_str(name) {
            return None;
        }
        self.keys.borrow().iter().position(|k| str_eq(k, name))
    }

    /// The index of `name`, an interned str (a name from a code object): by pointer only.
    #[inline]
    pub fn index_of_interned(&self, name: &Obj) -> Option<usize> {
        self.keys.borrow().iter().position(|k| k.is(name))
    }

    /// Key `i`.
    pub fn key(&self, i: usize) -> Obj {
        self.keys.borrow()[i].clone()
    }

    /// Appends `name` (an exact str not in the list yet) and returns its index, or None when
    /// the list is full or `name` cannot be a shared key.
    pub fn append(&self, vm: &mut Vm, name: &Obj) -> Option<usize> {
        // The only str type that is not a heap type is `str` itself.
        if !is_str(name) || name.ty().has_flag(flags::HEAPTYPE) || self.len() >= MAX_SHARED_KEYS {
            return None;
        }
        let name = vm.intern(as_str(name));
        let mut keys = self.keys.borrow_mut();
        if keys.len() >= MAX_SHARED_KEYS {
            return None;
        }
        keys.push(name);
        Some(keys.len() - 1)
    }
}
