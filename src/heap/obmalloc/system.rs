//! Where arenas come from: anonymous memory mappings of their own (`mmap`/`munmap`), as CPython's
//! `_PyObject_ArenaMmap` takes them, not the C heap.
//!
//! Why it matters: glibc's `malloc` serves requests at or above its mmap threshold with a private
//! mapping, but the threshold is dynamic — freeing a mapped block raises it to that block's size
//! (up to 32 MiB). After a program frees one large string, 256 KiB arenas would come from the
//! `brk` heap instead, where a freed arena is returned to the system only if nothing above it is
//! still live; the heap stays fragmented and peak RSS depends on incidental layout (measured on
//! `bench/strbuild.py`: 25–35 MiB depending on the size of the environment block). A mapping of
//! its own is returned by `munmap` the moment the arena is freed, whatever else is live.
//!
//! Invariants: an arena is `ARENA_SIZE` bytes, aligned to `ARENA_ALIGN` (a pool; mappings are page-aligned,
//! and a page is never smaller than a pool on the platforms that use this path), and
//! is released with [`free_arena_memory`] exactly once. Under Miri and on non-unix targets the
//! global allocator stands in, with the same contract.

use std::ptr::NonNull;

use super::{ARENA_ALIGN, ARENA_SIZE};

/// Layout of one arena when it comes from the global allocator.
#[cfg(not(all(unix, not(miri))))]
const ARENA_LAYOUT: std::alloc::Layout =
    match std::alloc::Layout::from_size_align(ARENA_SIZE, ARENA_ALIGN) {
        Ok(layout) => layout,
        Err(_) => panic!("bad arena layout"),
    };

/// A fresh arena of `ARENA_SIZE` bytes aligned to `ARENA_ALIGN`, or `None` if the system refuses.
#[cfg(all(unix, not(miri)))]
pub(super) fn alloc_arena_memory() -> Option<NonNull<u8>> {
    // SAFETY: an anonymous private mapping at an address of the kernel's choosing aliases no
    // existing memory; the arguments are valid for `mmap`.
    let base = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            ARENA_SIZE,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if base == libc::MAP_FAILED {
        return None;
    }
    debug_assert!(
        base.addr().is_multiple_of(ARENA_ALIGN),
        "mapping not pool-aligned"
    );
    NonNull::new(base.cast::<u8>())
}

/// Returns an arena's memory to the system.
///
/// # Safety
/// `base` came from [`alloc_arena_memory`], has not been released, and nothing points into it
/// any longer.
#[cfg(all(unix, not(miri)))]
pub(super) unsafe fn free_arena_memory(base: *mut u8) {
    // SAFETY: per the contract, `base..base + ARENA_SIZE` is exactly one live mapping of ours.
    let rc = unsafe { libc::munmap(base.cast::<libc::c_void>(), ARENA_SIZE) };
    debug_assert_eq!(rc, 0, "munmap of an arena failed");
}

/// A fresh arena of `ARENA_SIZE` bytes aligned to `ARENA_ALIGN`, or `None` if the system refuses.
#[cfg(not(all(unix, not(miri))))]
pub(super) fn alloc_arena_memory() -> Option<NonNull<u8>> {
    // SAFETY: `ARENA_LAYOUT` has a non-zero size.
    NonNull::new(unsafe { std::alloc::alloc(ARENA_LAYOUT) })
}

/// Returns an arena's memory to the system.
///
/// # Safety
/// `base` came from [`alloc_arena_memory`], has not been released, and nothing points into it
/// any longer.
#[cfg(not(all(unix, not(miri))))]
pub(super) unsafe fn free_arena_memory(base: *mut u8) {
    // SAFETY: per the contract, `base` was allocated with `ARENA_LAYOUT` and is live.
    unsafe { std::alloc::dealloc(base, ARENA_LAYOUT) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arena_memory_is_pool_aligned_writable_and_released() {
        let mut held = Vec::new();
        for _ in 0..4 {
            let base = alloc_arena_memory().expect("an arena from the system");
            assert!(base.as_ptr().addr().is_multiple_of(ARENA_ALIGN));
            // SAFETY: the arena is `ARENA_SIZE` bytes, live and ours alone.
            unsafe {
                base.as_ptr().write(1);
                base.as_ptr().add(ARENA_SIZE - 1).write(2);
                assert_eq!(
                    base.as_ptr().read() + base.as_ptr().add(ARENA_SIZE - 1).read(),
                    3
                );
            }
            held.push(base);
        }
        for base in held {
            // SAFETY: each came from `alloc_arena_memory` and is released once.
            unsafe { free_arena_memory(base.as_ptr()) };
        }
    }
}
