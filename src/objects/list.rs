//! `list`: a mutable array of handles whose item buffer comes from the obmalloc heap with
//! CPython's over-allocation, GC-tracked.
//!
//! Invariant (borrow discipline): the item buffer is only borrowed for the duration of one
//! accessor below; no accessor calls Python code or drops an item while the buffer is borrowed
//! (removed items are returned to the caller and dropped after), so a `__del__` or `__eq__` that
//! mutates the list never observes a half-done operation.

use std::cell::UnsafeCell;

use crate::heap::{AllocError, HeapVec, Obj};
use crate::objects::pybox::{new_box, payload};
use crate::objects::typeobj::{as_type, flags, TypeObject};
use crate::vm::{PyResult, Vm};

pub struct ListData {
    items: UnsafeCell<HeapVec<Obj>>,
}

#[inline(always)]
pub fn is_list(obj: &Obj) -> bool {
    obj.ty().has_flag(flags::LIST_SUBCLASS)
}

/// The list payload. Panics if `obj` is not a list.
#[inline(always)]
pub fn data(obj: &Obj) -> &ListData {
    assert!(is_list(obj), "not a list");
    // SAFETY: lists and their subclasses use the `PyBox<ListData>` layout.
    unsafe { payload::<ListData>(obj) }
}

#[inline(always)]
pub fn try_data(obj: &Obj) -> Option<&ListData> {
    if is_list(obj) {
        Some(data(obj))
    } else {
        None
    }
}

impl ListData {
    pub fn new(items: HeapVec<Obj>) -> ListData {
        ListData {
            items: UnsafeCell::new(items),
        }
    }

    #[inline(always)]
    fn vec(&self) -> &HeapVec<Obj> {
        // SAFETY: see the module invariant: the borrow ends inside each accessor.
        unsafe { &*self.items.get() }
    }

    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn vec_mut(&self) -> &mut HeapVec<Obj> {
        // SAFETY: see the module invariant: exclusive for the duration of one accessor only.
        unsafe { &mut *self.items.get() }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.vec().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn capacity(&self) -> usize {
        self.vec().capacity()
    }

    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<Obj> {
        self.vec().as_slice().get(i).cloned()
    }

    /// Replaces item `i`, returning the old item for the caller to drop.
    #[inline]
    pub fn set(&self, i: usize, v: Obj) -> Obj {
        std::mem::replace(&mut self.vec_mut().as_mut_slice()[i], v)
    }

    #[inline]
    pub fn push(&self, v: Obj) -> Result<(), AllocError> {
        self.vec_mut().push(v)
    }

    pub fn pop(&self) -> Option<Obj> {
        let v = self.vec_mut().pop();
        self.vec_mut().shrink_if_sparse();
        v
    }

    pub fn remove(&self, i: usize) -> Obj {
        let v = self.vec_mut().remove(i);
        self.vec_mut().shrink_if_sparse();
        v
    }

    pub fn insert(&self, i: usize, v: Obj) -> Result<(), AllocError> {
        self.vec_mut().insert(i, v)
    }

    pub fn reserve(&self, n: usize) -> Result<(), AllocError> {
        self.vec_mut().reserve(n)
    }

    /// New handles to every item (for iterating while Python code may run).
    pub fn snapshot(&self) -> Vec<Obj> {
        self.vec().as_slice().to_vec()
    }

    /// Runs `f` over the items. `f` must not run Python code or touch this list.
    #[inline]
    pub fn with_items<R>(&self, f: impl FnOnce(&[Obj]) -> R) -> R {
        f(self.vec().as_slice())
    }

    /// Removes every item and returns them (the caller drops them after).
    pub fn take_all(&self) -> Vec<Obj> {
        let v = self.vec_mut().take_all();
        self.vec_mut().free_buffer();
        v
    }

    /// Removes items `[start, end)` and returns them.
    pub fn drain(&self, start: usize, end: usize) -> Vec<Obj> {
        let v = self.vec_mut().drain_range(start, end);
        self.vec_mut().shrink_if_sparse();
        v
    }

    /// Replaces the whole content with `items`, returning the old items.
    pub fn replace_all(&self, items: Vec<Obj>) -> Result<Vec<Obj>, AllocError> {
        let mut fresh = HeapVec::with_capacity(items.len())?;
        for it in items {
            fresh.push(it)?;
        }
        let mut old = std::mem::replace(self.vec_mut(), fresh);
        Ok(old.take_all())
    }

    /// Bytes of heap the item buffer occupies.
    pub fn buffer_bytes(&self) -> usize {
        self.vec().buffer_bytes()
    }
}

impl Vm {
    pub fn new_list(&mut self, items: Vec<Obj>) -> PyResult<Obj> {
        let mut v = HeapVec::with_capacity(items.len()).map_err(|_| self.memory_error())?;
        for it in items {
            v.push(it).map_err(|_| self.memory_error())?;
        }
        self.new_list_from_heapvec(v)
    }

    pub fn new_list_from_heapvec(&mut self, v: HeapVec<Obj>) -> PyResult<Obj> {
        let ty = as_type(&self.types.list) as *const TypeObject;
        // SAFETY: the list type lives as long as the interpreter.
        new_box(unsafe { &*ty }, ListData::new(v), true).map_err(|_| self.memory_error())
    }
}
