//! `HeapVec<T>`: a growable array whose buffer comes from the interpreter's obmalloc heap, so
//! list item arrays and dict tables are counted by the allocator statistics, tracemalloc and the
//! memory limit, as in CPython.
//!
//! Invariants: `ptr` is dangling iff `cap == 0`; elements `[0, len)` are initialised; the buffer
//! holds exactly `cap * size_of::<T>()` bytes from `alloc_raw`. Growth follows CPython's list
//! over-allocation (`n + n/8 + 6`, rounded down to a multiple of 4) so capacities match.

use std::marker::PhantomData;
use std::ptr::{self, NonNull};

use super::alloc::{alloc_raw, free_raw, realloc_raw, AllocError};

pub struct HeapVec<T> {
    ptr: NonNull<T>,
    len: usize,
    cap: usize,
    _owns: PhantomData<T>,
}

const MAX_BYTES: usize = isize::MAX as usize;

impl<T> HeapVec<T> {
    pub const fn new() -> HeapVec<T> {
        HeapVec {
            ptr: NonNull::dangling(),
            len: 0,
            cap: 0,
            _owns: PhantomData,
        }
    }

    pub fn with_capacity(cap: usize) -> Result<HeapVec<T>, AllocError> {
        let mut v = HeapVec::new();
        v.set_capacity(cap)?;
        Ok(v)
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline(always)]
    pub fn capacity(&self) -> usize {
        self.cap
    }

    /// Bytes of heap the buffer occupies.
    pub fn buffer_bytes(&self) -> usize {
        self.cap * std::mem::size_of::<T>()
    }

    #[inline(always)]
    pub fn as_slice(&self) -> &[T] {
        // SAFETY: `[0, len)` is initialised; a dangling pointer is fine for len 0.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    #[inline(always)]
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        // SAFETY: as above, and `&mut self` is exclusive.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }

    /// Reallocates the buffer to exactly `new_cap` elements (`new_cap >= len`).
    fn set_capacity(&mut self, new_cap: usize) -> Result<(), AllocError> {
        debug_assert!(new_cap >= self.len);
        let elem = std::mem::size_of::<T>();
        if elem == 0 {
            self.cap = usize::MAX;
            return Ok(());
        }
        let new_bytes = new_cap.checked_mul(elem).ok_or(AllocError)?;
        if new_bytes > MAX_BYTES {
            return Err(AllocError);
        }
        let old_bytes = self.cap * elem;
        let new_ptr = if new_cap == 0 {
            if self.cap != 0 {
                // SAFETY: the buffer came from alloc_raw with `old_bytes`.
                unsafe { free_raw(self.ptr.cast(), old_bytes) };
            }
            NonNull::dangling()
        } else if self.cap == 0 {
            alloc_raw(new_bytes)?.cast()
        } else {
            // SAFETY: the buffer came from alloc_raw with `old_bytes`; elements are moved bitwise.
            unsafe { realloc_raw(self.ptr.cast(), old_bytes, new_bytes)?.cast() }
        };
        self.ptr = new_ptr;
        self.cap = new_cap;
        Ok(())
    }

    /// Makes room for `additional` more elements with CPython's list over-allocation.
    pub fn reserve(&mut self, additional: usize) -> Result<(), AllocError> {
        let needed = self.len.checked_add(additional).ok_or(AllocError)?;
        if needed <= self.cap {
            return Ok(());
        }
        let grown = needed.checked_add((needed >> 3) + 6).ok_or(AllocError)? & !3;
        let new_cap = grown.max(needed);
        self.set_capacity(new_cap)
    }

    /// Makes room for exactly `additional` more elements (no over-allocation).
    pub fn reserve_exact(&mut self, additional: usize) -> Result<(), AllocError> {
        let needed = self.len.checked_add(additional).ok_or(AllocError)?;
        if needed <= self.cap {
            return Ok(());
        }
        self.set_capacity(needed)
    }

    /// Shrinks the buffer to CPython's list policy after removals: when fewer than half the
    /// slots are used, reallocate.
    pub fn shrink_if_sparse(&mut self) {
        if self.cap > 8 && self.len < self.cap / 2 {
            let target = (self.len + (self.len >> 3) + 6) & !3;
            let _ = self.set_capacity(target.max(self.len));
        }
    }

    #[inline]
    pub fn push(&mut self, value: T) -> Result<(), AllocError> {
        if self.len == self.cap {
            self.reserve(1)?;
        }
        // SAFETY: `len < cap`, so the slot is inside the buffer and uninitialised.
        unsafe { self.ptr.as_ptr().add(self.len).write(value) };
        self.len += 1;
        Ok(())
    }

    #[inline]
    pub fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: the slot was initialised and is now outside `[0, len)`.
        Some(unsafe { self.ptr.as_ptr().add(self.len).read() })
    }

    pub fn insert(&mut self, index: usize, value: T) -> Result<(), AllocError> {
        assert!(index <= self.len);
        if self.len == self.cap {
            self.reserve(1)?;
        }
        // SAFETY: room for one more; the tail is shifted up by one, then the hole is written.
        unsafe {
            let p = self.ptr.as_ptr().add(index);
            ptr::copy(p, p.add(1), self.len - index);
            p.write(value);
        }
        self.len += 1;
        Ok(())
    }

    pub fn remove(&mut self, index: usize) -> T {
        assert!(index < self.len);
        // SAFETY: the element is read out, then the tail shifted down over it.
        unsafe {
            let p = self.ptr.as_ptr().add(index);
            let v = p.read();
            ptr::copy(p.add(1), p, self.len - index - 1);
            self.len -= 1;
            v
        }
    }

    /// Removes and returns every element, leaving the buffer allocated.
    pub fn take_all(&mut self) -> Vec<T> {
        let mut out = Vec::with_capacity(self.len);
        // SAFETY: elements are moved out bitwise and `len` reset, so none is dropped twice.
        unsafe {
            for i in 0..self.len {
                out.push(self.ptr.as_ptr().add(i).read());
            }
        }
        self.len = 0;
        out
    }

    /// Drops every element, first to last, without allocating (for a dying container whose
    /// items must be released in insertion order, as CPython's dict dealloc does). The vector
    /// is empty before the first drop runs, so a drop that looks at it sees no half-dropped
    /// element; the buffer is kept.
    pub fn clear_front_to_back(&mut self) {
        let len = self.len;
        self.len = 0;
        for i in 0..len {
            // SAFETY: `i < len`, the old length, so the element is initialised; `len` is
            // already 0, so it is read (and dropped) exactly once.
            drop(unsafe { self.ptr.as_ptr().add(i).read() });
        }
    }

    /// Removes the elements in `[start, end)` and returns them (so the caller can drop them
    /// after the container is consistent again).
    pub fn drain_range(&mut self, start: usize, end: usize) -> Vec<T> {
        assert!(start <= end && end <= self.len);
        let mut out = Vec::with_capacity(end - start);
        // SAFETY: the range is moved out bitwise and the tail moved down over it.
        unsafe {
            let base = self.ptr.as_ptr();
            for i in start..end {
                out.push(base.add(i).read());
            }
            ptr::copy(base.add(end), base.add(start), self.len - end);
        }
        self.len -= end - start;
        out
    }

    /// Releases the buffer (the vector must be empty).
    pub fn free_buffer(&mut self) {
        debug_assert!(self.len == 0);
        let _ = self.set_capacity(0);
    }
}

impl<T> Default for HeapVec<T> {
    fn default() -> Self {
        HeapVec::new()
    }
}

impl<T> Drop for HeapVec<T> {
    fn drop(&mut self) {
        // Items are released last-to-first, as CPython's list dealloc does.
        while let Some(v) = self.pop() {
            drop(v);
        }
        let _ = self.set_capacity(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::alloc::with_obmalloc;

    #[test]
    fn growth_follows_cpython_list_overallocation() {
        let mut v: HeapVec<u64> = HeapVec::new();
        let mut caps = vec![];
        for i in 0..80u64 {
            v.push(i).unwrap();
            if caps.last() != Some(&v.capacity()) {
                caps.push(v.capacity());
            }
        }
        // list.append's capacity sequence in CPython 3.11.
        assert_eq!(caps, vec![4, 8, 16, 24, 32, 40, 52, 64, 76, 92]);
        assert_eq!(v.as_slice(), (0..80).collect::<Vec<_>>().as_slice());
    }

    #[test]
    fn insert_remove_drain_keep_order() {
        let mut v: HeapVec<u32> = HeapVec::new();
        for i in 0..10 {
            v.push(i).unwrap();
        }
        v.insert(0, 100).unwrap();
        v.insert(11, 200).unwrap();
        assert_eq!(v.remove(5), 4);
        let d = v.drain_range(1, 3);
        assert_eq!(d, vec![0, 1]);
        assert_eq!(v.as_slice(), &[100, 2, 3, 5, 6, 7, 8, 9, 200]);
        assert_eq!(v.pop(), Some(200));
        assert_eq!(v.take_all().len(), 8);
        assert!(v.is_empty());
    }

    #[test]
    fn buffers_come_from_obmalloc_and_are_returned() {
        let before = with_obmalloc(|m| m.bytes_in_use());
        {
            let mut v: HeapVec<u64> = HeapVec::new();
            for i in 0..1000 {
                v.push(i).unwrap();
            }
            assert!(with_obmalloc(|m| m.bytes_in_use()) >= before + 8000);
        }
        assert_eq!(with_obmalloc(|m| m.bytes_in_use()), before);
    }

    #[test]
    fn impossible_sizes_fail_cleanly() {
        let mut v: HeapVec<u64> = HeapVec::new();
        assert!(v.reserve_exact(usize::MAX / 4).is_err());
        assert!(v.reserve(usize::MAX).is_err());
        assert!(v.is_empty());
    }
}
