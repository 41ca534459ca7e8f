//! The per-thread heap: one obmalloc instance that serves every object and every piece of
//! variable storage objects own, plus object allocation with the optional GC header.
//!
//! One interpreter runs per thread, so the allocator lives in a thread-local; objects are not
//! `Send`, so memory is always freed on the thread that allocated it.
//!
//! `alloc_raw`/`free_raw`/`realloc_raw` are the only ways into the allocator for live data, and
//! they report to `tracemalloc` when it is tracing.
//!
//! Invariants:
//! - Every block is freed with the size it was allocated with (obmalloc's contract).
//! - For a GC type, the block starts with a `GcHeader` and the object follows it.

use std::cell::UnsafeCell;
use std::ptr::NonNull;

use super::gc;
use super::header::{GcHeader, ObjHeader, GC_HEADER_SIZE};
use super::memreport;
use super::obmalloc::Obmalloc;
use super::tracemalloc;
use crate::objects::typeobj::TypeObject;

thread_local! {
    static OBMALLOC: UnsafeCell<Obmalloc> = const { UnsafeCell::new(Obmalloc::new()) };
}

/// Runs `f` with exclusive access to this thread's allocator.
#[inline(always)]
pub fn with_obmalloc<R>(f: impl FnOnce(&mut Obmalloc) -> R) -> R {
    // The thread-local's address is taken on its own, so that the tiny accessor inlines and
    // `f` (an allocator fast path) is compiled into its caller, not behind an out-of-line
    // `LocalKey::with` instance called through the key's accessor pointer.
    let m = OBMALLOC.with(|m| m.get());
    // SAFETY: the allocator is thread-local and `f` cannot re-enter it: allocator code never
    // calls back into the interpreter, and the closures passed here are allocator calls only.
    f(unsafe { &mut *m })
}

/// Allocation failed: out of memory, over the configured limit, or a size that overflows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllocError;

#[inline(always)]
pub fn alloc_raw(size: usize) -> Result<NonNull<u8>, AllocError> {
    let p = with_obmalloc(|m| m.alloc(size)).ok_or(AllocError)?;
    if memreport::is_recording() {
        memreport::on_alloc(size);
    }
    if tracemalloc::is_tracing() {
        trace_alloc(p, size);
    }
    Ok(p)
}

/// Records a new block for tracemalloc (out of line: the allocation fast path stays small).
#[inline(never)]
fn trace_alloc(p: NonNull<u8>, size: usize) {
    tracemalloc::on_alloc(p.as_ptr() as usize, size);
}

/// # Safety
/// `ptr` came from `alloc_raw`/`realloc_raw` with exactly `size` bytes and is not used again.
#[inline(always)]
pub unsafe fn free_raw(ptr: NonNull<u8>, size: usize) {
    if tracemalloc::is_tracing() {
        tracemalloc::on_free(ptr.as_ptr() as usize);
    }
    // SAFETY: forwarded contract.
    with_obmalloc(|m| unsafe { m.free(ptr, size) })
}

/// # Safety
/// `ptr` came from this allocator with `old_size` bytes; on success it must not be used again.
pub unsafe fn realloc_raw(
    ptr: NonNull<u8>,
    old_size: usize,
    new_size: usize,
) -> Result<NonNull<u8>, AllocError> {
    // SAFETY: forwarded contract.
    let p = with_obmalloc(|m| unsafe { m.realloc(ptr, old_size, new_size) }).ok_or(AllocError)?;
    if tracemalloc::is_tracing() {
        // The block may have moved; either way it now belongs to the current line.
        tracemalloc::on_free(ptr.as_ptr() as usize);
        trace_alloc(p, new_size);
    }
    if memreport::is_recording() {
        memreport::on_alloc(new_size);
    }
    Ok(p)
}

/// Allocates `size` bytes for an object of type `ty` (header included), writes the header
/// (count 1) and, for GC types, an untracked GC header in front. The rest is uninitialised.
pub fn alloc_object(ty: &TypeObject, size: usize) -> Result<NonNull<ObjHeader>, AllocError> {
    let obj = if ty.has_gc() {
        let total = size.checked_add(GC_HEADER_SIZE).ok_or(AllocError)?;
        let block = alloc_raw(total)?;
        ty.instances.on_alloc(total);
        // SAFETY: the block has room for the GC header followed by `size` bytes, 16-aligned.
        unsafe {
            gc::count_alloc();
            // As in CPython, counting a new container past the threshold is what triggers
            // an automatic collection (queued for the next instruction boundary).
            super::collector::maybe_collect();
            let g = block.as_ptr() as *mut GcHeader;
            g.write(GcHeader {
                next: std::cell::Cell::new(std::ptr::null_mut()),
                prev: std::cell::Cell::new(std::ptr::null_mut()),
            });
            NonNull::new_unchecked(block.as_ptr().add(GC_HEADER_SIZE) as *mut ObjHeader)
        }
    } else {
        let block = alloc_raw(size)?;
        ty.instances.on_alloc(size);
        block.cast::<ObjHeader>()
    };
    // SAFETY: `obj` points at `size >= 16` writable bytes.
    unsafe { obj.as_ptr().write(ObjHeader::new(ty as *const TypeObject)) };
    Ok(obj)
}

/// Allocates an untracked GC block of `size` object bytes (GC header in front) for an object
/// whose type does not exist yet: `type`, which is its own type. The caller writes the header.
pub fn alloc_gc_block(size: usize) -> Result<NonNull<ObjHeader>, AllocError> {
    let total = size.checked_add(GC_HEADER_SIZE).ok_or(AllocError)?;
    let block = alloc_raw(total)?;
    // SAFETY: the block has room for the GC header followed by `size` bytes, 16-aligned.
    unsafe {
        let g = block.as_ptr() as *mut GcHeader;
        g.write(GcHeader {
            next: std::cell::Cell::new(std::ptr::null_mut()),
            prev: std::cell::Cell::new(std::ptr::null_mut()),
        });
        Ok(NonNull::new_unchecked(
            block.as_ptr().add(GC_HEADER_SIZE) as *mut ObjHeader
        ))
    }
}

/// Unlinks a dying GC object from its generation before its payload is dropped, so that a
/// collection triggered while its children are released never sees it half-destroyed.
///
/// # Safety
/// `obj`'s type has the GC flag and `obj` is being deallocated.
pub unsafe fn gc_forget(obj: NonNull<ObjHeader>) {
    // SAFETY: forwarded contract.
    unsafe { gc::untrack_raw(gc_header_of(obj)) }
}

/// Frees the memory of an object whose payload has already been dropped (and which, for a
/// GC type, `gc_forget` has already unlinked).
///
/// # Safety
/// `obj` came from `alloc_object` for type `ty` with `size`, and nothing refers to it any more.
pub unsafe fn free_object(obj: NonNull<ObjHeader>, ty: &TypeObject, size: usize) {
    if ty.has_gc() {
        ty.instances.on_free(size + GC_HEADER_SIZE);
        // SAFETY: GC objects have their GC header right before the object header.
        unsafe {
            let g = gc_header_of(obj);
            debug_assert!(!gc::is_tracked(g));
            free_raw(NonNull::new_unchecked(g as *mut u8), size + GC_HEADER_SIZE);
        }
    } else {
        ty.instances.on_free(size);
        // SAFETY: forwarded contract.
        unsafe { free_raw(obj.cast::<u8>(), size) };
    }
}

/// The GC header of a GC-type object.
///
/// # Safety
/// `obj`'s type must have the GC flag.
pub unsafe fn gc_header_of(obj: NonNull<ObjHeader>) -> *mut GcHeader {
    // SAFETY: forwarded contract: the header precedes the object.
    unsafe { (obj.as_ptr() as *mut u8).sub(GC_HEADER_SIZE) as *mut GcHeader }
}
