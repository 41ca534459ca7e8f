//! The type attribute cache (CPython's "method cache"): a fixed table mapping
//! (type, attribute name) to the result of walking the type's MRO dicts, so `obj.attr` and
//! `obj.method()` do not probe every class dict on every access. Misses ("no class defines
//! this name", the common case for instance attributes) are cached too.
//!
//! Values are *borrowed*: the cache never owns the attribute it remembers, so it cannot keep
//! an object alive or change what `sys.getrefcount` reports (CPython's cache borrows too).
//! Names are owned, as in CPython 3.11, so a name's address cannot be reused by a different
//! string while an entry still mentions it.
//!
//! Invariant that makes a borrowed value safe to read: an entry is used only while the global
//! *epoch* equals the epoch it was filled in. The epoch moves whenever anything that could free
//! or replace a cached value happens — any mutation or destruction of a dict that serves as a
//! type's namespace (`DictData` calls [`invalidate`] for dicts marked as type dicts), the
//! destruction of a type object (its address could be reused by a new type), and the setting of
//! a type's MRO. While the epoch stands still, every type with an entry is alive, its MRO is
//! unchanged and every dict on that MRO holds the same values, so the remembered value is still
//! owned by one of those dicts.

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use super::handle::Obj;
use super::header::ObjHeader;

thread_local! {
    static EPOCH: Cell<u64> = const { Cell::new(1) };
}

/// Invalidates every entry (a type namespace changed, a type died, an MRO was set).
#[inline]
pub fn invalidate() {
    EPOCH.with(|e| e.set(e.get() + 1));
}

#[inline(always)]
pub fn epoch() -> u64 {
    EPOCH.with(|e| e.get())
}

/// 4096 entries, as CPython uses.
const BITS: u32 = 12;
const SIZE: usize = 1 << BITS;

struct Entry {
    /// Epoch the entry was filled in; 0 = never filled.
    epoch: Cell<u64>,
    ty: Cell<usize>,
    /// The name, owned (see the module comment).
    name: UnsafeCell<Option<Obj>>,
    /// The attribute found, borrowed; null when no class on the MRO defines the name.
    value: Cell<*mut ObjHeader>,
}

pub struct TypeAttrCache {
    entries: Box<[Entry]>,
}

impl Default for TypeAttrCache {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeAttrCache {
    pub fn new() -> TypeAttrCache {
        let entries = (0..SIZE)
            .map(|_| Entry {
                epoch: Cell::new(0),
                ty: Cell::new(0),
                name: UnsafeCell::new(None),
                value: Cell::new(std::ptr::null_mut()),
            })
            .collect();
        TypeAttrCache { entries }
    }

    #[inline(always)]
    fn slot(&self, ty: usize, name: &Obj) -> &Entry {
        // Types and strings are at least 16-byte aligned: drop the always-zero bits, mix the
        // two addresses and keep the top bits of a multiplicative hash.
        let h = ((ty >> 4) ^ (name.addr() >> 3)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        &self.entries[h >> (usize::BITS - BITS)]
    }

    /// The cached result for (`ty`, `name`): `Some(Some(v))` hit, `Some(None)` cached miss,
    /// `None` when the cache does not know.
    #[inline]
    pub fn get(&self, ty: usize, name: &Obj) -> Option<Option<Obj>> {
        let e = self.slot(ty, name);
        if e.epoch.get() != epoch() || e.ty.get() != ty {
            return None;
        }
        // SAFETY: shared read of the owned name; writers (`put`, `clear`) never run while this
        // borrow is alive (no calls in between).
        let same_name = unsafe { (*e.name.get()).as_ref().is_some_and(|n| n.is(name)) };
        if !same_name {
            return None;
        }
        let v = NonNull::new(e.value.get()).map(|p| {
            // SAFETY: the epoch matches, so by the module invariant the value is still owned
            // by a dict on the live type's MRO; taking a new reference to it is sound.
            unsafe { Obj::from_borrowed(p) }
        });
        Some(v)
    }

    /// Remembers the result of a full MRO walk for (`ty`, `name`).
    #[inline]
    pub fn put(&self, ty: usize, name: &Obj, value: Option<&Obj>) {
        let e = self.slot(ty, name);
        e.epoch.set(epoch());
        e.ty.set(ty);
        e.value
            .set(value.map_or(std::ptr::null_mut(), |v| v.as_ptr()));
        // SAFETY: exclusive access for the swap only; the old name is dropped afterwards (a
        // str's dealloc runs no Python code and does not touch this cache).
        let old = unsafe { (*e.name.get()).replace(name.clone()) };
        drop(old);
    }

    /// Forgets every entry and releases the names (interpreter teardown).
    pub fn clear(&self) {
        for e in self.entries.iter() {
            e.epoch.set(0);
            e.value.set(std::ptr::null_mut());
            // SAFETY: as in `put`.
            let old = unsafe { (*e.name.get()).take() };
            drop(old);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_moves_on_invalidate() {
        let a = epoch();
        invalidate();
        assert_eq!(epoch(), a + 1);
    }
}
