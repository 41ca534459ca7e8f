//! CPython 3.11's float free list: the blocks of up to 100 dead floats are kept instead of
//! being returned to obmalloc, and the next floats are built in them (`PyFloat_MAXFREELIST`).
//! Float-heavy code frees and allocates a float per arithmetic operation; without the list
//! each pair goes through the pool machinery, and a pool that the working set keeps exactly
//! full flips between full and used on every operation.
//!
//! What it changes is what CPython's list changes: a block on the list is still an allocated
//! obmalloc block (for the allocator statistics, the `-X max-memory` cap and tracemalloc, whose
//! trace stays with the line that first allocated it), while the per-type census counts the
//! float as gone. A full collection empties the list, as CPython's `clear_freelists` does, and
//! so does the interpreter before it reports its heap totals.
//!
//! Invariant: the `len` first entries of `blocks` are distinct obmalloc blocks of `block_size`
//! bytes that no object occupies.

use std::cell::UnsafeCell;
use std::ptr::NonNull;

use super::alloc::free_raw;
use super::header::ObjHeader;

/// CPython 3.11's `PyFloat_MAXFREELIST`.
pub const MAX_FREE_FLOATS: usize = 100;

struct FreeFloats {
    len: usize,
    block_size: usize,
    blocks: [*mut ObjHeader; MAX_FREE_FLOATS],
}

thread_local! {
    static FREE_FLOATS: UnsafeCell<FreeFloats> = const {
        UnsafeCell::new(FreeFloats {
            len: 0,
            block_size: 0,
            blocks: [std::ptr::null_mut(); MAX_FREE_FLOATS],
        })
    };
}

#[inline(always)]
fn with_list<R>(f: impl FnOnce(&mut FreeFloats) -> R) -> R {
    // SAFETY: the list is thread-local and the closures below neither call out nor re-enter.
    FREE_FLOATS.with(|l| f(unsafe { &mut *l.get() }))
}

/// Keeps the block of a dead float of `size` bytes; false when the list is full (the caller
/// then frees the block).
///
/// # Safety
/// `p` is the obmalloc block of a dead float, `size` bytes, that nothing refers to any more.
#[inline]
pub unsafe fn push_float(p: NonNull<ObjHeader>, size: usize) -> bool {
    with_list(|l| {
        if l.len == MAX_FREE_FLOATS {
            return false;
        }
        l.block_size = size;
        l.blocks[l.len] = p.as_ptr();
        l.len += 1;
        true
    })
}

/// A kept block for a new float, if there is one. The caller writes the whole object.
#[inline]
pub fn pop_float() -> Option<NonNull<ObjHeader>> {
    with_list(|l| {
        if l.len == 0 {
            return None;
        }
        l.len -= 1;
        NonNull::new(l.blocks[l.len])
    })
}

/// How many float blocks are kept.
pub fn free_floats() -> usize {
    with_list(|l| l.len)
}

/// Frees every kept block.
pub fn clear() {
    while let Some(p) = pop_float() {
        let size = with_list(|l| l.block_size);
        // SAFETY: module invariant: a kept block is an unoccupied obmalloc block of
        // `block_size` bytes, and it has just left the list.
        unsafe { free_raw(p.cast::<u8>(), size) };
    }
}
