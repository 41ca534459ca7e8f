//! Object headers: the `{ ob_refcnt, ob_type }` pair every Python object starts with, and the
//! GC header that container objects carry in front of it.
//!
//! Invariants:
//! - Every object is `#[repr(C)]` and begins with an [`ObjHeader`], so a pointer to any object
//!   is a pointer to its header.
//! - `refcnt` is the number of owning [`crate::heap::Obj`] handles (plus raw owners inside
//!   `heap/`). It never goes below zero; at zero the type's dealloc runs at once.
//! - `ty` points at a live type object for as long as the object lives (the object owns one
//!   reference to heap types; static built-in types outlive every object).
//! - A type with the `HAVE_GC` flag allocates a [`GcHeader`] immediately before the object
//!   header (object address = block address + `GC_HEADER_SIZE`), as CPython does.

use std::cell::Cell;

use crate::objects::typeobj::TypeObject;

#[repr(C)]
pub struct ObjHeader {
    pub(crate) refcnt: Cell<isize>,
    pub(crate) ty: Cell<*const TypeObject>,
}

impl ObjHeader {
    pub fn new(ty: *const TypeObject) -> ObjHeader {
        super::handle::ref_total_add(1);
        ObjHeader {
            refcnt: Cell::new(1),
            ty: Cell::new(ty),
        }
    }

    /// The object's type.
    #[inline(always)]
    pub fn ty(&self) -> &TypeObject {
        // SAFETY: `ty` points at a live type object for the object's whole life (module invariant).
        unsafe { &*self.ty.get() }
    }

    #[inline(always)]
    pub fn refcnt(&self) -> isize {
        self.refcnt.get()
    }
}

/// Links a GC-tracked container into one generation's list (circular, doubly linked, with a
/// sentinel head per generation). Null links mean "not tracked".
#[repr(C)]
pub struct GcHeader {
    pub(crate) next: Cell<*mut GcHeader>,
    pub(crate) prev: Cell<*mut GcHeader>,
}

pub const GC_HEADER_SIZE: usize = std::mem::size_of::<GcHeader>();

// The header sizes are CPython's on a 64-bit build: 16 bytes each.
const _: () = assert!(std::mem::size_of::<ObjHeader>() == 16);
const _: () = assert!(GC_HEADER_SIZE == 16);
