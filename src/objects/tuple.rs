//! `tuple`: an immutable array of handles stored inline after the header (one block, like
//! CPython's tuple), GC-tracked because it can be part of a cycle.
//!
//! Invariants: `len` items follow the header, all initialised; the empty tuple is a shared
//! singleton.

use std::ptr::NonNull;

use crate::heap::alloc::{alloc_object, free_object, gc_forget, gc_header_of};
use crate::heap::gc;
use crate::heap::{Obj, ObjHeader};
use crate::objects::typeobj::{as_type, flags, TypeObject};
use crate::vm::{PyResult, Vm};

#[repr(C)]
pub struct TupleObj {
    head: ObjHeader,
    len: usize,
}

const ITEMS_OFFSET: usize = std::mem::size_of::<TupleObj>();

#[inline(always)]
pub fn is_tuple(obj: &Obj) -> bool {
    obj.ty().has_flag(flags::TUPLE_SUBCLASS)
}

/// The items of a tuple. Panics if `obj` is not a tuple.
#[inline(always)]
pub fn items(obj: &Obj) -> &[Obj] {
    assert!(is_tuple(obj), "not a tuple");
    // SAFETY: tuple objects have `len` initialised handles right after the header; the borrowed
    // handle keeps them alive and tuples are immutable once built.
    unsafe {
        let h = obj.cast::<TupleObj>();
        let p = (obj.as_ptr() as *const u8).add(ITEMS_OFFSET) as *const Obj;
        std::slice::from_raw_parts(p, h.len)
    }
}

#[inline(always)]
pub fn try_items(obj: &Obj) -> Option<&[Obj]> {
    if is_tuple(obj) {
        Some(items(obj))
    } else {
        None
    }
}

#[inline(always)]
pub fn len(obj: &Obj) -> usize {
    items(obj).len()
}

/// Allocates a tuple of type `ty` holding `values`.
pub fn alloc_tuple(ty: &TypeObject, values: impl ExactSizeIterator<Item = Obj>) -> Option<Obj> {
    let n = values.len();
    let size = n
        .checked_mul(std::mem::size_of::<Obj>())?
        .checked_add(ITEMS_OFFSET)?;
    let p = alloc_object(ty, size).ok()?;
    // SAFETY: the block has room for the header, `len` and `n` handles.
    unsafe {
        let o = p.as_ptr() as *mut TupleObj;
        std::ptr::addr_of_mut!((*o).len).write(0);
        let base = (p.as_ptr() as *mut u8).add(ITEMS_OFFSET) as *mut Obj;
        let mut i = 0;
        for v in values.take(n) {
            base.add(i).write(v);
            i += 1;
        }
        // An iterator that lied about its length leaves the tail short: record what was written.
        (*o).len = i;
        gc::track(gc_header_of(p));
        Some(Obj::from_owned(p))
    }
}

/// The dealloc slot of `tuple`: releases items last-to-first, then frees the block.
///
/// # Safety
/// Called only through the type's dealloc slot on a dead tuple.
pub unsafe fn tuple_dealloc(p: NonNull<ObjHeader>) {
    // SAFETY: the object is a dead tuple with `len` initialised items.
    unsafe {
        gc_forget(p);
        let o = p.as_ptr() as *mut TupleObj;
        let n = (*o).len;
        let base = (p.as_ptr() as *mut u8).add(ITEMS_OFFSET) as *mut Obj;
        for i in (0..n).rev() {
            std::ptr::drop_in_place(base.add(i));
        }
        let ty = &*(*p.as_ptr()).ty.get();
        free_object(p, ty, ITEMS_OFFSET + n * std::mem::size_of::<Obj>());
    }
}

impl Vm {
    pub fn new_tuple(&mut self, values: Vec<Obj>) -> PyResult<Obj> {
        self.new_tuple_from(values.into_iter())
    }

    pub fn new_tuple_from(&mut self, values: impl ExactSizeIterator<Item = Obj>) -> PyResult<Obj> {
        if values.len() == 0 {
            return Ok(self.empty_tuple.clone());
        }
        let ty = as_type(&self.types.tuple) as *const TypeObject;
        // SAFETY: the tuple type lives as long as the interpreter.
        alloc_tuple(unsafe { &*ty }, values).ok_or_else(|| self.memory_error())
    }

    pub fn new_tuple_slice(&mut self, values: &[Obj]) -> PyResult<Obj> {
        self.new_tuple_from(values.iter().cloned())
    }
}
