//! `ObjSlot`: an interior-mutable `Option<Obj>` field for object payloads that change after
//! creation (an exception's `__cause__`, a cell's contents, a function's defaults).
//!
//! Invariant: no reference into the slot ever escapes; readers get a cloned handle, writers
//! swap the value out and drop the old one after the slot is consistent again, so a `__del__`
//! run by that drop sees the new value.

use std::cell::UnsafeCell;

use super::handle::Obj;

#[derive(Default)]
pub struct ObjSlot(UnsafeCell<Option<Obj>>);

impl ObjSlot {
    pub fn new(v: Option<Obj>) -> ObjSlot {
        ObjSlot(UnsafeCell::new(v))
    }

    /// A new handle to the current value.
    #[inline]
    pub fn get(&self) -> Option<Obj> {
        // SAFETY: single-threaded; the shared borrow ends before any other access can happen.
        unsafe { (*self.0.get()).clone() }
    }

    /// Whether the slot holds a value.
    #[inline]
    pub fn is_some(&self) -> bool {
        // SAFETY: as above.
        unsafe { (*self.0.get()).is_some() }
    }

    /// Whether the slot holds exactly `obj`.
    #[inline]
    pub fn holds(&self, obj: &Obj) -> bool {
        // SAFETY: as above.
        unsafe { (*self.0.get()).as_ref().is_some_and(|o| o.is(obj)) }
    }

    /// Stores `v`; the previous value is dropped after the store.
    #[inline]
    pub fn set(&self, v: Option<Obj>) {
        drop(self.replace(v));
    }

    /// Stores `v` and returns the previous value.
    #[inline]
    pub fn replace(&self, v: Option<Obj>) -> Option<Obj> {
        // SAFETY: the exclusive access lasts only for the swap; no reference escapes.
        unsafe { std::mem::replace(&mut *self.0.get(), v) }
    }

    #[inline]
    pub fn take(&self) -> Option<Obj> {
        self.replace(None)
    }

    /// Calls `f` with a borrow of the value, without touching the count. `f` must not write
    /// this slot (it gets only a shared borrow of the handle).
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce(Option<&Obj>) -> R) -> R {
        // SAFETY: `f` receives a shared borrow; writers go through `replace`, which `f` cannot
        // reach for this slot without a re-entrant path the callers below avoid.
        unsafe { f((*self.0.get()).as_ref()) }
    }
}

/// Views a run of stack slots known to be all filled as plain handles.
///
/// Panics (debug) if a slot is empty.
#[inline(always)]
pub fn as_objs(slots: &[Option<Obj>]) -> &[Obj] {
    debug_assert!(slots.iter().all(|s| s.is_some()));
    // SAFETY: `Obj` is `repr(transparent)` over `NonNull`, so `Option<Obj>` has the same layout
    // with `None` as null; every slot is `Some`, so each element is a valid `Obj`.
    unsafe { std::slice::from_raw_parts(slots.as_ptr() as *const Obj, slots.len()) }
}
