//! `bytearray`: a mutable byte string whose storage is a `HeapVec<u8>` from the interpreter's
//! allocator, resized with CPython's policy (so `sys.getsizeof` grows the same way), and an
//! export count kept by the buffer protocol.
//!
//! Invariants:
//! - The buffer's capacity is CPython's `ob_alloc` (room for the data plus its trailing NUL):
//!   every resize goes through [`ByteArrayData::splice`], which applies the growth policy.
//! - While `exports > 0` (a memoryview is alive on this object) the size never changes and
//!   the buffer never moves; in-place writes of the same length are still allowed.
//! - Borrow discipline: slices returned by `as_slice`/`as_mut_slice` are used within one
//!   accessor call and never across Python code, which could mutate the array.

use std::cell::UnsafeCell;

use crate::heap::{HeapVec, Obj};
use crate::objects::pybox::{new_box, payload};
use crate::objects::typeobj::{as_type, TypeObject};
use crate::vm::{PyResult, Vm};

pub struct ByteArrayData {
    buf: UnsafeCell<HeapVec<u8>>,
    exports: crate::objects::buffer::ExportCount,
}

/// Why a resize failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResizeError {
    /// A buffer export (memoryview) is alive.
    Exported,
    NoMemory,
}

/// CPython's bytearray allocation policy: the new `ob_alloc` for a resize to `size` bytes
/// from a buffer of `alloc` bytes.
pub fn target_alloc(size: usize, alloc: usize) -> usize {
    if size < alloc {
        // Shrinking: only a major downsize (below half) reallocates, to the exact size.
        if size < alloc / 2 {
            size + 1
        } else {
            alloc
        }
    } else if size as f64 <= alloc as f64 * 1.125 {
        // Moderate growth over-allocates like list_resize.
        size + (size >> 3) + if size < 9 { 3 } else { 6 }
    } else {
        size + 1
    }
}

impl ByteArrayData {
    pub fn new() -> ByteArrayData {
        ByteArrayData {
            buf: UnsafeCell::new(HeapVec::new()),
            exports: Default::default(),
        }
    }

    #[inline(always)]
    fn vec(&self) -> &HeapVec<u8> {
        // SAFETY: module invariant: borrows end inside each accessor.
        unsafe { &*self.buf.get() }
    }

    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn vec_mut(&self) -> &mut HeapVec<u8> {
        // SAFETY: module invariant: exclusive for the duration of one accessor only.
        unsafe { &mut *self.buf.get() }
    }

    pub fn len(&self) -> usize {
        self.vec().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// CPython's `ob_alloc`: bytes of storage owned.
    pub fn alloc(&self) -> usize {
        self.vec().capacity()
    }

    /// The content; see the borrow discipline in the module header.
    pub fn as_slice(&self) -> &[u8] {
        self.vec().as_slice()
    }

    /// The content, writable in place (no size change).
    #[allow(clippy::mut_from_ref)]
    pub fn as_mut_slice(&self) -> &mut [u8] {
        self.vec_mut().as_mut_slice()
    }

    /// The data's address (stable while exports are alive).
    pub fn data_ptr(&self) -> *mut u8 {
        self.vec_mut().as_mut_slice().as_mut_ptr()
    }

    /// The buffer exports outstanding (memoryviews' managed buffers).
    pub fn exports(&self) -> &crate::objects::buffer::ExportCount {
        &self.exports
    }

    /// Replaces `[start, end)` with `src`, resizing with CPython's policy. Fails without
    /// changing anything when the size would change while exports are alive.
    pub fn splice(&self, start: usize, end: usize, src: &[u8]) -> Result<(), ResizeError> {
        let len = self.len();
        debug_assert!(start <= end && end <= len);
        let new_len = len - (end - start) + src.len();
        if new_len == len {
            self.as_mut_slice()[start..end].copy_from_slice(src);
            return Ok(());
        }
        if self.exports.get() > 0 {
            return Err(ResizeError::Exported);
        }
        let alloc = self.alloc();
        let want = target_alloc(new_len, alloc);
        if want != alloc {
            let mut fresh = HeapVec::with_capacity(want).map_err(|_| ResizeError::NoMemory)?;
            let old = self.as_slice();
            for &b in old[..start].iter().chain(src).chain(&old[end..]) {
                fresh.push(b).map_err(|_| ResizeError::NoMemory)?;
            }
            *self.vec_mut() = fresh;
            return Ok(());
        }
        let v = self.vec_mut();
        if new_len > len {
            for _ in len..new_len {
                v.push(0).map_err(|_| ResizeError::NoMemory)?;
            }
            let s = v.as_mut_slice();
            s.copy_within(end..len, start + src.len());
            s[start..start + src.len()].copy_from_slice(src);
        } else {
            let s = v.as_mut_slice();
            s.copy_within(end..len, start + src.len());
            s[start..start + src.len()].copy_from_slice(src);
            drop(v.drain_range(new_len, len));
        }
        Ok(())
    }

    /// Replaces the whole content.
    pub fn set_all(&self, src: &[u8]) -> Result<(), ResizeError> {
        self.splice(0, self.len(), src)
    }
}

impl Default for ByteArrayData {
    fn default() -> Self {
        ByteArrayData::new()
    }
}

pub fn is_bytearray(obj: &Obj) -> bool {
    obj.ty()
        .is_subtype(crate::objects::buffer::bytearray_type_ptr())
}

/// The bytearray payload. Panics if `obj` is not a bytearray.
pub fn data(obj: &Obj) -> &ByteArrayData {
    assert!(is_bytearray(obj), "not a bytearray");
    // SAFETY: bytearray objects use the `PyBox<ByteArrayData>` layout.
    unsafe { payload::<ByteArrayData>(obj) }
}

pub fn try_data(obj: &Obj) -> Option<&ByteArrayData> {
    if is_bytearray(obj) {
        Some(data(obj))
    } else {
        None
    }
}

impl Vm {
    /// A new bytearray holding a copy of `b` (allocated exactly, as CPython does).
    pub fn new_bytearray(&mut self, b: &[u8]) -> PyResult<Obj> {
        let d = ByteArrayData::new();
        if d.splice(0, 0, b).is_err() {
            return Err(self.memory_error());
        }
        let ty = as_type(&self.types.buf.bytearray) as *const TypeObject;
        // SAFETY: built-in types live as long as the interpreter.
        new_box(unsafe { &*ty }, d, false).map_err(|_| self.memory_error())
    }

    /// The error for a failed resize, with CPython's message.
    pub fn resize_error(&mut self, e: ResizeError) -> crate::vm::PyErr {
        match e {
            ResizeError::Exported => {
                let t = self.types.exc.buffer_error.clone();
                self.new_error(
                    &t,
                    "Existing exports of data: object cannot be re-sized".into(),
                )
            }
            ResizeError::NoMemory => self.memory_error(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_matches_cpython_ob_alloc() {
        // sys.getsizeof(bytearray) - 56 after each append, from CPython 3.11.
        let d = ByteArrayData::new();
        let mut seen = vec![];
        for _ in 0..40 {
            d.splice(d.len(), d.len(), &[1]).unwrap();
            if seen.last() != Some(&d.alloc()) {
                seen.push(d.alloc());
            }
        }
        assert_eq!(seen, vec![2, 5, 8, 12, 19, 27, 36, 46]);
        d.splice(0, 30, b"").unwrap();
        assert_eq!((d.len(), d.alloc()), (10, 11));
    }

    #[test]
    fn exports_forbid_resizing_but_not_writes() {
        let d = ByteArrayData::new();
        d.set_all(b"hello").unwrap();
        d.exports().add();
        assert_eq!(d.splice(0, 1, b""), Err(ResizeError::Exported));
        d.splice(0, 1, b"J").unwrap();
        assert_eq!(d.as_slice(), b"Jello");
        d.exports().release();
        d.splice(1, 5, b"ump!").unwrap();
        d.splice(5, 5, b"ed").unwrap();
        assert_eq!(d.as_slice(), b"Jump!ed");
    }
}
