//! `InstanceValues`: the attribute values of a plain class instance kept without a dict, as
//! CPython 3.11 keeps them ("inline values" whose keys live once on the class, shared by
//! every instance). One machine word inside the instance points to an obmalloc block
//! `[len: u32, cap: u32, value 0, value 1, ...]`; value `i` belongs to key `i` of the class's
//! shared key list (`objects::shared_keys`). The word's low bit is the instance's PEP 442
//! "finalized" flag (CPython keeps that bit in the GC header), so the instance stays the
//! size CPython reports.
//!
//! Invariants:
//! - The block pointer is null (no values yet) or a live block from `alloc_raw` of exactly
//!   `block_bytes(cap)` bytes; blocks are 16-byte aligned, so bit 0 is free for the flag.
//! - Values `[0, len)` are initialised owned handles; there are no holes (attribute `i` is
//!   present iff `i < len`), so insertion order is index order.
//! - No reference into the block is kept across a drop of a value: every operation takes
//!   what it removes out of the block first and drops it after the block is consistent, so a
//!   deallocation that reaches this instance again sees a valid array.

use std::cell::Cell;
use std::ptr::NonNull;

use super::alloc::{alloc_raw, free_raw, realloc_raw, AllocError};
use super::handle::Obj;

const FINALIZED: usize = 1;
const HEADER: usize = 8;

#[repr(C)]
struct BlockHeader {
    len: u32,
    cap: u32,
}

fn block_bytes(cap: usize) -> usize {
    HEADER + cap * std::mem::size_of::<Obj>()
}

pub struct InstanceValues {
    word: Cell<usize>,
}

impl Default for InstanceValues {
    fn default() -> Self {
        InstanceValues::new()
    }
}

impl InstanceValues {
    pub const fn new() -> InstanceValues {
        InstanceValues { word: Cell::new(0) }
    }

    /// Whether the instance's `__del__` already ran (PEP 442: at most once).
    #[inline]
    pub fn finalized(&self) -> bool {
        self.word.get() & FINALIZED != 0
    }

    pub fn set_finalized(&self, on: bool) {
        let w = self.word.get() & !FINALIZED;
        self.word.set(w | usize::from(on));
    }

    #[inline(always)]
    fn block(&self) -> Option<NonNull<BlockHeader>> {
        NonNull::new((self.word.get() & !FINALIZED) as *mut BlockHeader)
    }

    fn set_block(&self, b: Option<NonNull<BlockHeader>>) {
        let p = b.map_or(0, |b| b.as_ptr() as usize);
        debug_assert_eq!(p & FINALIZED, 0, "obmalloc blocks are aligned");
        self.word.set(p | (self.word.get() & FINALIZED));
    }

    /// Pointer to value slot 0 of block `b`.
    #[inline(always)]
    fn slots(b: NonNull<BlockHeader>) -> *mut Obj {
        // SAFETY: the values start right after the 8-byte header inside the same block.
        unsafe { b.as_ptr().cast::<u8>().add(HEADER).cast::<Obj>() }
    }

    /// Number of values held.
    #[inline(always)]
    pub fn len(&self) -> usize {
        match self.block() {
            // SAFETY: a non-null block pointer is a live block (module invariant).
            Some(b) => unsafe { (*b.as_ptr()).len as usize },
            None => 0,
        }
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes of heap the values block occupies (0 when there is none).
    pub fn buffer_bytes(&self) -> usize {
        match self.block() {
            // SAFETY: as in `len`.
            Some(b) => block_bytes(unsafe { (*b.as_ptr()).cap } as usize),
            None => 0,
        }
    }

    /// A new handle to value `i`, if present.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<Obj> {
        let b = self.block()?;
        // SAFETY: the block is live; slots `[0, len)` are initialised handles, cloned here
        // (an increment) without being moved out.
        unsafe {
            if i < (*b.as_ptr()).len as usize {
                Some((*Self::slots(b).add(i)).clone())
            } else {
                None
            }
        }
    }

    /// Replaces present value `i` with `v`, returning the old value for the caller to drop;
    /// gives `v` back when value `i` is absent.
    #[inline(always)]
    pub fn replace(&self, i: usize, v: Obj) -> Result<Obj, Obj> {
        let Some(b) = self.block() else {
            return Err(v);
        };
        // SAFETY: the block is live and slot `i < len` is an initialised handle; the swap
        // leaves it initialised with `v`.
        unsafe {
            if i < (*b.as_ptr()).len as usize {
                Ok(std::mem::replace(&mut *Self::slots(b).add(i), v))
            } else {
                Err(v)
            }
        }
    }

    /// Makes room for at least `cap` values (no-op when the block is big enough already).
    pub fn reserve_total(&self, cap: usize) -> Result<(), AllocError> {
        let cap32 = u32::try_from(cap).map_err(|_| AllocError)?;
        match self.block() {
            None => {
                let p = alloc_raw(block_bytes(cap))?.cast::<BlockHeader>();
                // SAFETY: a fresh block of at least 8 bytes, suitably aligned for the header.
                unsafe { p.as_ptr().write(BlockHeader { len: 0, cap: cap32 }) };
                self.set_block(Some(p));
            }
            Some(b) => {
                // SAFETY: the block is live with `block_bytes(old)` bytes; after a successful
                // realloc only the new pointer is used (the handles move bitwise with it).
                unsafe {
                    let old = (*b.as_ptr()).cap as usize;
                    if old >= cap {
                        return Ok(());
                    }
                    let p = realloc_raw(b.cast(), block_bytes(old), block_bytes(cap))?
                        .cast::<BlockHeader>();
                    (*p.as_ptr()).cap = cap32;
                    self.set_block(Some(p));
                }
            }
        }
        Ok(())
    }

    /// Appends `v` as value `len()`, growing the block to at least `cap_hint` values (the
    /// class's key count) when it is full.
    pub fn push(&self, v: Obj, cap_hint: usize) -> Result<(), AllocError> {
        let len = self.len();
        if self.block().is_none_or(|b| {
            // SAFETY: as in `len`.
            len == unsafe { (*b.as_ptr()).cap } as usize
        }) {
            self.reserve_total(cap_hint.max(len + 1))?;
        }
        let b = self.block().expect("reserved above");
        // SAFETY: `len < cap` after the reserve, so slot `len` is in the block and
        // uninitialised; writing it and bumping `len` keeps `[0, len)` initialised.
        unsafe {
            Self::slots(b).add(len).write(v);
            (*b.as_ptr()).len += 1;
        }
        Ok(())
    }

    /// Calls `f` on each value, first to last.
    pub fn for_each(&self, mut f: impl FnMut(&Obj)) {
        let Some(b) = self.block() else {
            return;
        };
        // SAFETY: the block is live and `[0, len)` initialised; `f` only borrows (it is
        // the collector's visit or a read), so the block does not change meanwhile.
        unsafe {
            let len = (*b.as_ptr()).len as usize;
            for i in 0..len {
                f(&*Self::slots(b).add(i));
            }
        }
    }

    /// Moves all values out, first to last, and frees the block.
    pub fn take_all(&self) -> Vec<Obj> {
        let Some(b) = self.block() else {
            return Vec::new();
        };
        self.set_block(None);
        // SAFETY: the block was detached above, so nothing else reaches it; its `[0, len)`
        // handles are moved out (read exactly once) and the block freed with its size.
        unsafe {
            let len = (*b.as_ptr()).len as usize;
            let cap = (*b.as_ptr()).cap as usize;
            let out: Vec<Obj> = (0..len).map(|i| Self::slots(b).add(i).read()).collect();
            free_raw(b.cast(), block_bytes(cap));
            out
        }
    }

    /// Drops every value, first to last (the order CPython releases an instance's values),
    /// and frees the block.
    pub fn clear(&self) {
        let Some(b) = self.block() else {
            return;
        };
        self.set_block(None);
        // SAFETY: as in `take_all`; each handle is read once and dropped, so a deallocation
        // that reaches this instance finds it already detached from the block.
        unsafe {
            let len = (*b.as_ptr()).len as usize;
            let cap = (*b.as_ptr()).cap as usize;
            for i in 0..len {
                drop(Self::slots(b).add(i).read());
            }
            free_raw(b.cast(), block_bytes(cap));
        }
    }
}

impl Drop for InstanceValues {
    fn drop(&mut self) {
        self.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::test_objects::TestObjects;

    #[test]
    fn values_push_replace_and_release_in_order() {
        let objs = TestObjects::new();
        let obj = |i: i64| objs.new_obj(i);
        let v = InstanceValues::new();
        assert_eq!(v.len(), 0);
        assert!(v.get(0).is_none());
        let (a, b, c) = (obj(1), obj(2), obj(3));
        v.push(a.clone(), 2).unwrap();
        v.push(b.clone(), 2).unwrap();
        assert_eq!(v.buffer_bytes(), block_bytes(2));
        v.push(c.clone(), 2).unwrap();
        assert_eq!(v.len(), 3);
        assert!(v.get(1).unwrap().is(&b));
        assert_eq!(a.refcnt(), 2);
        let old = v.replace(0, c.clone()).unwrap();
        assert!(old.is(&a));
        drop(old);
        assert_eq!(a.refcnt(), 1);
        assert!(v.replace(5, a.clone()).is_err());
        let mut seen = Vec::new();
        v.for_each(|o| seen.push(o.clone()));
        assert!(seen[0].is(&c) && seen[1].is(&b) && seen[2].is(&c));
        drop(seen);
        assert_eq!(c.refcnt(), 3);
        v.clear();
        assert_eq!((v.len(), c.refcnt(), b.refcnt()), (0, 1, 1));
    }

    #[test]
    fn the_finalized_flag_survives_block_changes() {
        let objs = TestObjects::new();
        let obj = |i: i64| objs.new_obj(i);
        let v = InstanceValues::new();
        v.set_finalized(true);
        v.push(obj(7), 1).unwrap();
        v.push(obj(8), 1).unwrap();
        assert!(v.finalized());
        let out = v.take_all();
        assert_eq!(out.len(), 2);
        assert!(v.finalized() && v.is_empty());
        v.set_finalized(false);
        assert!(!v.finalized());
    }
}
