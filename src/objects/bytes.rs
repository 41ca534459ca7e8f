//! `bytes`: an immutable byte string stored inline after its header, in one block from the
//! interpreter's allocator (like CPython's `PyBytesObject`), with a cached hash.
//!
//! Invariants: `len` data bytes follow the header, then one NUL (as CPython keeps, so the
//! block size is `DATA_OFFSET + len + 1`); the data never changes after allocation, so a
//! borrowed `&[u8]` stays valid for as long as the object lives; `hash` is -1 until computed.

use std::cell::Cell;
use std::ptr::NonNull;

use crate::heap::alloc::{alloc_object, free_object};
use crate::heap::{Obj, ObjHeader};
use crate::objects::typeobj::{as_type, flags, TypeObject};
use crate::vm::{PyResult, Vm};

#[repr(C)]
pub struct BytesObj {
    head: ObjHeader,
    hash: Cell<i64>,
    len: usize,
}

/// Where the data starts; also the type's basic size.
pub const DATA_OFFSET: usize = std::mem::size_of::<BytesObj>();

#[inline(always)]
pub fn is_bytes(obj: &Obj) -> bool {
    obj.ty().has_flag(flags::BYTES_SUBCLASS)
}

#[inline(always)]
fn header(obj: &Obj) -> &BytesObj {
    // SAFETY: callers check the type; bytes objects use the `BytesObj` layout.
    unsafe { obj.cast::<BytesObj>() }
}

/// The content of a bytes object. Panics if `obj` is not bytes.
#[inline(always)]
pub fn as_bytes(obj: &Obj) -> &[u8] {
    assert!(is_bytes(obj), "not bytes");
    let h = header(obj);
    // SAFETY: `len` initialised bytes follow the header and never change while the object
    // lives; the borrowed handle keeps it alive.
    unsafe {
        let p = (obj.as_ptr() as *const u8).add(DATA_OFFSET);
        std::slice::from_raw_parts(p, h.len)
    }
}

/// The address of the data (stable for the object's life; memoryviews read through it).
pub fn data_ptr(obj: &Obj) -> *mut u8 {
    assert!(is_bytes(obj), "not bytes");
    // SAFETY: the data follows the header inside the object's block.
    unsafe { (obj.as_ptr() as *mut u8).add(DATA_OFFSET) }
}

/// The hash of a bytes object, computed once and cached (equal to the hash of an ASCII str
/// with the same characters, as in CPython).
pub fn bytes_hash_value(obj: &Obj) -> i64 {
    let h = header(obj);
    let cached = h.hash.get();
    if cached != -1 {
        return cached;
    }
    let v = crate::objects::str::hash_bytes(as_bytes(obj));
    h.hash.set(v);
    v
}

/// Allocates a bytes object of type `ty` holding `b`.
pub fn alloc_bytes(ty: &TypeObject, b: &[u8]) -> Option<Obj> {
    let size = DATA_OFFSET.checked_add(b.len())?.checked_add(1)?;
    let p = alloc_object(ty, size).ok()?;
    // SAFETY: the block holds the header plus `b.len() + 1` bytes.
    unsafe {
        let o = p.as_ptr() as *mut BytesObj;
        std::ptr::addr_of_mut!((*o).hash).write(Cell::new(-1));
        std::ptr::addr_of_mut!((*o).len).write(b.len());
        let d = (p.as_ptr() as *mut u8).add(DATA_OFFSET);
        std::ptr::copy_nonoverlapping(b.as_ptr(), d, b.len());
        d.add(b.len()).write(0);
        Some(Obj::from_owned(p))
    }
}

/// The dealloc slot of `bytes`.
///
/// # Safety
/// Called only through the type's dealloc slot on a dead bytes object.
pub unsafe fn bytes_dealloc(p: NonNull<ObjHeader>) {
    // SAFETY: the object is a dead bytes object; its block size follows from its length.
    unsafe {
        let o = p.as_ptr() as *const BytesObj;
        let size = DATA_OFFSET + (*o).len + 1;
        let ty = &*(*p.as_ptr()).ty.get();
        free_object(p, ty, size);
    }
}

impl Vm {
    /// A new bytes object holding a copy of `b`.
    pub fn new_bytes(&mut self, b: &[u8]) -> PyResult<Obj> {
        let ty = as_type(&self.types.bytes) as *const TypeObject;
        // SAFETY: the bytes type lives as long as the interpreter.
        alloc_bytes(unsafe { &*ty }, b).ok_or_else(|| self.memory_error())
    }
}

pub fn install(vm: &mut Vm) {
    crate::objects::bytes_type::install(vm);
}

#[cfg(test)]
mod tests {
    use crate::heap::alloc::with_obmalloc;
    use crate::vm::Vm;

    #[test]
    fn data_is_inline_and_freed_with_the_object() {
        let mut vm = Vm::new();
        let before = with_obmalloc(|m| m.bytes_in_use());
        let b = vm.new_bytes(b"hello\xff").unwrap();
        assert_eq!(super::as_bytes(&b), b"hello\xff");
        // One block: header fields, six bytes and the NUL.
        assert!(with_obmalloc(|m| m.bytes_in_use()) >= before + super::DATA_OFFSET + 7);
        drop(b);
        assert_eq!(with_obmalloc(|m| m.bytes_in_use()), before);
    }
}
