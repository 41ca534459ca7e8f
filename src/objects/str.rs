//! `str`: an immutable Unicode string stored inline after its header as UTF-8 (one block per
//! string, like CPython's compact strings), with its length in code points and a cached hash.
//!
//! Invariants: the bytes are valid UTF-8 followed by one NUL; `char_len` is the number of code
//! points; `hash` is -1 until computed. ASCII strings (`char_len == byte_len`) index in O(1).
//! Results of known length are written straight into their object by a [`StrBuilder`].

use std::cell::Cell;
use std::ptr::NonNull;

use crate::heap::alloc::{alloc_object, free_object};
use crate::heap::{Obj, ObjHeader};
use crate::objects::typeobj::{as_type, flags, TypeObject};
use crate::vm::{PyResult, Vm};

#[repr(C)]
pub struct StrObj {
    head: ObjHeader,
    hash: Cell<i64>,
    byte_len: usize,
    char_len: usize,
}

const DATA_OFFSET: usize = std::mem::size_of::<StrObj>();

fn alloc_size(byte_len: usize) -> Option<usize> {
    DATA_OFFSET.checked_add(byte_len)?.checked_add(1)
}

#[inline(always)]
pub fn is_str(obj: &Obj) -> bool {
    obj.ty().has_flag(flags::UNICODE_SUBCLASS)
}

#[inline(always)]
fn header(obj: &Obj) -> &StrObj {
    // SAFETY: callers check the type; str objects use the `StrObj` layout.
    unsafe { obj.cast::<StrObj>() }
}

/// The text of a str object. Panics if `obj` is not a str.
#[inline(always)]
pub fn as_str(obj: &Obj) -> &str {
    assert!(is_str(obj), "not a str");
    let h = header(obj);
    // SAFETY: the data follows the header, is `byte_len` bytes of valid UTF-8, and lives as long
    // as the object, which the borrowed handle keeps alive.
    unsafe {
        let p = (obj.as_ptr() as *const u8).add(DATA_OFFSET);
        std::str::from_utf8_unchecked(std::slice::from_raw_parts(p, h.byte_len))
    }
}

#[inline(always)]
pub fn try_as_str(obj: &Obj) -> Option<&str> {
    if is_str(obj) {
        Some(as_str(obj))
    } else {
        None
    }
}

/// Length in code points.
#[inline(always)]
pub fn char_len(obj: &Obj) -> usize {
    header(obj).char_len
}

#[inline(always)]
pub fn is_ascii(obj: &Obj) -> bool {
    let h = header(obj);
    h.char_len == h.byte_len
}

/// The hash of a str, computed once and cached.
pub fn str_hash_value(obj: &Obj) -> i64 {
    let h = header(obj);
    let cached = h.hash.get();
    if cached != -1 {
        return cached;
    }
    let v = hash_bytes(as_str(obj).as_bytes());
    h.hash.set(v);
    v
}

/// A fixed-key hash of bytes (Pyrena does not randomise str hashes; see README).
pub fn hash_bytes(b: &[u8]) -> i64 {
    use std::hash::{BuildHasher, Hasher};
    // CPython hashes the empty string (and b'') to 0 whatever the seed.
    if b.is_empty() {
        return 0;
    }
    let mut st = ahash::RandomState::with_seeds(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344)
        .build_hasher();
    st.write(b);
    let v = (st.finish() >> 1) as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}

/// Allocates a str object holding `s` (no caching).
pub fn alloc_str(ty: &TypeObject, s: &str) -> Option<Obj> {
    let size = alloc_size(s.len())?;
    let p = alloc_object(ty, size).ok()?;
    // SAFETY: the block holds the header plus `s.len() + 1` bytes.
    unsafe {
        let o = p.as_ptr() as *mut StrObj;
        std::ptr::addr_of_mut!((*o).hash).write(Cell::new(-1));
        std::ptr::addr_of_mut!((*o).byte_len).write(s.len());
        std::ptr::addr_of_mut!((*o).char_len).write(s.chars().count());
        let d = (p.as_ptr() as *mut u8).add(DATA_OFFSET);
        std::ptr::copy_nonoverlapping(s.as_ptr(), d, s.len());
        d.add(s.len()).write(0);
        Some(Obj::from_owned(p))
    }
}

/// A str object under construction, for results whose byte length is known before they are
/// written (`join`, the ASCII case maps): the new object is allocated at its final size and the
/// text is written into it, as CPython fills the result of `PyUnicode_New`, so no temporary
/// buffer as large as the result exists beside it.
///
/// Invariants: `filled <= byte_len`; the first `filled` data bytes are valid UTF-8 (they are
/// whole `&str`s, edited only through `&mut str`); the object is reachable from nothing else
/// until [`StrBuilder::finish`], which requires it to be full. Dropped unfinished (an error
/// part-way), the block is freed.
pub struct StrBuilder {
    obj: NonNull<ObjHeader>,
    byte_len: usize,
    filled: usize,
}

impl StrBuilder {
    /// Allocates a str of `byte_len` bytes to be filled; `None` if the allocation fails.
    pub fn new(ty: &TypeObject, byte_len: usize) -> Option<StrBuilder> {
        let size = alloc_size(byte_len)?;
        let p = alloc_object(ty, size).ok()?;
        // SAFETY: the block holds the header fields; `char_len` is set again by `finish`.
        unsafe {
            let o = p.as_ptr() as *mut StrObj;
            std::ptr::addr_of_mut!((*o).hash).write(Cell::new(-1));
            std::ptr::addr_of_mut!((*o).byte_len).write(byte_len);
            std::ptr::addr_of_mut!((*o).char_len).write(0);
        }
        Some(StrBuilder {
            obj: p,
            byte_len,
            filled: 0,
        })
    }

    fn data(&self) -> *mut u8 {
        (self.obj.as_ptr() as *mut u8).wrapping_add(DATA_OFFSET)
    }

    /// Appends `s`. Panics if it does not fit in the bytes left.
    #[inline]
    pub fn push_str(&mut self, s: &str) {
        assert!(
            s.len() <= self.byte_len - self.filled,
            "StrBuilder: more text than announced"
        );
        // SAFETY: the destination range lies inside the block's data (checked above) and
        // cannot overlap `s`, which is borrowed from some other live object or buffer.
        unsafe {
            std::ptr::copy_nonoverlapping(s.as_ptr(), self.data().add(self.filled), s.len());
        }
        self.filled += s.len();
    }

    /// The text written so far, to be edited in place (safe `&mut str` edits keep it UTF-8).
    pub fn filled_mut(&mut self) -> &mut str {
        // SAFETY: the first `filled` bytes were written from whole `&str`s (invariant), and the
        // builder owns the block exclusively while this borrow of it lasts.
        unsafe {
            std::str::from_utf8_unchecked_mut(std::slice::from_raw_parts_mut(
                self.data(),
                self.filled,
            ))
        }
    }

    /// The finished object. Panics unless exactly `byte_len` bytes were written.
    pub fn finish(mut self) -> Obj {
        assert_eq!(
            self.filled, self.byte_len,
            "StrBuilder: less text than announced"
        );
        let char_len = self.filled_mut().chars().count();
        let p = self.obj;
        std::mem::forget(self);
        // SAFETY: the data is full and valid UTF-8; the NUL byte and `char_len` complete the
        // invariants of a str, and the owned reference passes to the handle.
        unsafe {
            let o = p.as_ptr() as *mut StrObj;
            std::ptr::addr_of_mut!((*o).char_len).write(char_len);
            (p.as_ptr() as *mut u8)
                .add(DATA_OFFSET + (*o).byte_len)
                .write(0);
            Obj::from_owned(p)
        }
    }
}

impl Drop for StrBuilder {
    fn drop(&mut self) {
        // SAFETY: the block was allocated by `new` with this size for the type in its header,
        // and nothing else refers to it (it was never finished).
        unsafe {
            let ty = &*(*self.obj.as_ptr()).ty.get();
            free_object(self.obj, ty, DATA_OFFSET + self.byte_len + 1);
        }
    }
}

/// The dealloc slot of `str`.
///
/// # Safety
/// Called only through the type's dealloc slot on a dead str object.
pub unsafe fn str_dealloc(p: NonNull<ObjHeader>) {
    // SAFETY: the object is a dead str; its size follows from its byte length.
    unsafe {
        let o = p.as_ptr() as *const StrObj;
        let size = DATA_OFFSET + (*o).byte_len + 1;
        let ty = &*(*p.as_ptr()).ty.get();
        free_object(p, ty, size);
    }
}

impl Vm {
    /// A str object for `s`; the empty string and one-character Latin-1 strings are shared.
    pub fn new_str(&mut self, s: &str) -> PyResult<Obj> {
        if s.is_empty() {
            return Ok(self.empty_str.clone());
        }
        if s.len() == 1 {
            return Ok(self.latin1_chars[s.as_bytes()[0] as usize].clone());
        }
        let ty = as_type(&self.types.str) as *const TypeObject;
        // SAFETY: the str type lives as long as the interpreter.
        alloc_str(unsafe { &*ty }, s).ok_or_else(|| self.memory_error())
    }

    /// A builder for a str of `byte_len` bytes (see [`StrBuilder`]); MemoryError if it cannot
    /// be allocated. Results of 0 or 1 byte belong to `new_str`, whose objects are shared.
    pub fn str_builder(&mut self, byte_len: usize) -> PyResult<StrBuilder> {
        debug_assert!(byte_len > 1, "short results go through new_str");
        let ty = as_type(&self.types.str) as *const TypeObject;
        // SAFETY: the str type lives as long as the interpreter.
        StrBuilder::new(unsafe { &*ty }, byte_len).ok_or_else(|| self.memory_error())
    }

    /// The interned str for an identifier: one object per distinct name, compared by pointer.
    pub fn intern(&mut self, s: &str) -> Obj {
        if let Some(o) = self.interned.get(s) {
            return o.clone();
        }
        // An identifier is a few bytes the interpreter itself needs to go on (attribute and
        // method names): past a `-X max-memory` cap it is taken anyway, rather than failing
        // code that has no way to report it. Only a system out of memory is fatal here.
        let o = match self.new_str(s) {
            Ok(o) => o,
            Err(_) => {
                use crate::heap::alloc::with_obmalloc;
                let cap = with_obmalloc(|m| m.limit());
                with_obmalloc(|m| m.set_limit(None));
                let o = self.new_str(s);
                with_obmalloc(|m| m.set_limit(cap));
                o.expect("out of memory interning an identifier")
            }
        };
        self.interned.insert(s.into(), o.clone());
        o
    }
}

/// Byte offset of code point `i` (clamped to the end).
pub fn byte_offset(obj: &Obj, s: &str, i: usize) -> usize {
    if is_ascii(obj) {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}

/// Equality of two str objects by content (pointer first).
#[inline]
pub fn str_eq(a: &Obj, b: &Obj) -> bool {
    if a.is(b) {
        return true;
    }
    let (ha, hb) = (header(a), header(b));
    if ha.byte_len != hb.byte_len {
        return false;
    }
    let (x, y) = (ha.hash.get(), hb.hash.get());
    if x != -1 && y != -1 && x != y {
        return false;
    }
    as_str(a) == as_str(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::alloc::with_obmalloc;

    #[test]
    fn builder_writes_into_the_object_and_counts_chars() {
        let mut vm = Vm::new();
        let mut b = vm.str_builder(8).unwrap();
        b.push_str("ab");
        b.push_str("é");
        b.push_str("cdef");
        b.filled_mut().make_ascii_uppercase();
        let s = b.finish();
        assert_eq!(as_str(&s), "ABéCDEF");
        assert_eq!((char_len(&s), is_ascii(&s)), (7, false));
        assert!(str_eq(&s, &vm.new_str("ABéCDEF").unwrap()));
        let mut t = vm.str_builder(3).unwrap();
        t.push_str("xyz");
        let t = t.finish();
        assert!(is_ascii(&t) && char_len(&t) == 3 && str_hash_value(&t) == hash_bytes(b"xyz"));
    }

    #[test]
    fn unfinished_builder_frees_its_block() {
        let mut vm = Vm::new();
        let before = with_obmalloc(|m| m.bytes_in_use());
        let mut b = vm.str_builder(600).unwrap();
        b.push_str("partial");
        assert_eq!(
            with_obmalloc(|m| m.bytes_in_use()),
            before + DATA_OFFSET + 601
        );
        drop(b);
        assert_eq!(with_obmalloc(|m| m.bytes_in_use()), before);
    }

    #[test]
    #[should_panic(expected = "more text than announced")]
    fn builder_refuses_to_overflow() {
        let mut vm = Vm::new();
        let mut b = vm.str_builder(2).unwrap();
        b.push_str("abc");
    }

    #[test]
    #[should_panic(expected = "less text than announced")]
    fn builder_refuses_to_finish_short() {
        let mut vm = Vm::new();
        let mut b = vm.str_builder(4).unwrap();
        b.push_str("abc");
        b.finish();
    }
}
