//! `PyBox<T>`: the layout of every fixed-size built-in object — the object header followed by
//! a Rust payload — with generic allocation and dealloc.
//!
//! Invariant: an object whose type's dealloc is `dealloc_box::<T>` was created by
//! `new_box::<T>` and has layout `PyBox<T>`.

use std::ptr::{addr_of_mut, NonNull};

use crate::heap::alloc::{alloc_object, free_object, gc_forget, gc_header_of, AllocError};
use crate::heap::gc;
use crate::heap::{Obj, ObjHeader};
use crate::objects::typeobj::TypeObject;

#[repr(C)]
pub struct PyBox<T> {
    pub head: ObjHeader,
    pub data: T,
}

/// Allocates a `PyBox<T>` of type `ty`; GC types are tracked at once when `track` is set.
pub fn new_box<T>(ty: &TypeObject, data: T, track: bool) -> Result<Obj, AllocError> {
    let p = alloc_object(ty, std::mem::size_of::<PyBox<T>>())?;
    // SAFETY: `alloc_object` returned room for a `PyBox<T>` with the header written.
    unsafe {
        addr_of_mut!((*p.cast::<PyBox<T>>().as_ptr()).data).write(data);
        if track && ty.has_gc() {
            gc::track(gc_header_of(p));
        }
        Ok(Obj::from_owned(p))
    }
}

/// The payload of a `PyBox<T>` object.
///
/// # Safety
/// `obj` must have layout `PyBox<T>`.
#[inline(always)]
pub unsafe fn payload<T>(obj: &Obj) -> &T {
    // SAFETY: forwarded contract.
    unsafe { &obj.cast::<PyBox<T>>().data }
}

/// The dealloc slot of every `PyBox<T>` type: untrack, drop the payload, free the block.
///
/// # Safety
/// Called only through a type's dealloc slot on an object of layout `PyBox<T>` whose count is 0.
pub unsafe fn dealloc_box<T>(p: NonNull<ObjHeader>) {
    // SAFETY: the object is dead and has layout `PyBox<T>`; its type outlives this call.
    unsafe {
        let ty = &*(*p.as_ptr()).ty.get();
        if ty.has_gc() {
            gc_forget(p);
        }
        std::ptr::drop_in_place(addr_of_mut!((*p.cast::<PyBox<T>>().as_ptr()).data));
        free_object(p, ty, std::mem::size_of::<PyBox<T>>());
    }
}
