//! Large blocks (requests over `SMALL_REQUEST_THRESHOLD`): passed to the system allocator with
//! a small header in front that links every live large block (so `release_all` can free them)
//! and records its size (so the system layout can be rebuilt and, in debug builds, the size
//! given to `free` checked).

use std::alloc::Layout;
use std::ptr::{self, NonNull};

use super::{Obmalloc, ALIGNMENT, LARGE_HEADER};
#[cfg(feature = "heap-debug")]
use super::{CLEANBYTE, DEADBYTE};

/// In front of every large allocation: links of the doubly-linked list of live large blocks (so
/// `release_all` can free them) and the requested size (so the system layout can be rebuilt).
#[repr(C, align(16))]
pub(super) struct LargeHeader {
    pub(super) prev: *mut LargeHeader,
    pub(super) next: *mut LargeHeader,
    pub(super) size: usize,
}

impl Obmalloc {
    #[inline(never)]
    pub(super) fn alloc_large(&mut self, size: usize) -> Option<NonNull<u8>> {
        let layout = large_layout(size)?;
        if self.bytes_in_use.checked_add(size)? > self.limit {
            return None;
        }
        // SAFETY: the layout is non-zero (it includes the header).
        let base = unsafe { std::alloc::alloc(layout) }.cast::<LargeHeader>();
        if base.is_null() {
            return None;
        }
        let head = self.large_head;
        // SAFETY: `base` is a fresh allocation big enough for the header; `head`, if non-null,
        // is a live large block on our list.
        unsafe {
            base.write(LargeHeader {
                prev: ptr::null_mut(),
                next: head,
                size,
            });
            if !head.is_null() {
                (*head).prev = base;
            }
        }
        self.large_head = base;
        self.large_count += 1;
        self.large_bytes += size;
        self.charge(size);
        let user = base.cast::<u8>().wrapping_add(LARGE_HEADER);
        #[cfg(feature = "heap-debug")]
        {
            // SAFETY: `size` bytes follow the header inside the allocation.
            unsafe { ptr::write_bytes(user, CLEANBYTE, size) };
        }
        // SAFETY: derived from a non-null allocation pointer.
        Some(unsafe { NonNull::new_unchecked(user) })
    }

    /// # Safety
    /// `ptr` is a live large block of exactly `size` requested bytes.
    #[inline(never)]
    pub(super) unsafe fn free_large(&mut self, ptr: NonNull<u8>, size: usize) {
        let header = ptr
            .as_ptr()
            .wrapping_sub(LARGE_HEADER)
            .cast::<LargeHeader>();
        // SAFETY: per the contract, `header` is the header of a live large block on our list,
        // allocated with `large_layout(size)`.
        unsafe {
            debug_assert_eq!((*header).size, size, "obmalloc: freed with a wrong size");
            #[cfg(feature = "heap-debug")]
            ptr::write_bytes(ptr.as_ptr(), DEADBYTE, size);
            self.unlink_large(header);
            let layout = large_layout(size).expect("validated when allocated");
            std::alloc::dealloc(header.cast::<u8>(), layout);
        }
        self.large_count -= 1;
        self.large_bytes -= size;
        self.bytes_in_use -= size;
    }

    /// # Safety
    /// `header` is on the large list.
    unsafe fn unlink_large(&mut self, header: *mut LargeHeader) {
        // SAFETY: neighbours of a listed header are listed headers.
        unsafe {
            let (prev, next) = ((*header).prev, (*header).next);
            if prev.is_null() {
                self.large_head = next;
            } else {
                (*prev).next = next;
            }
            if !next.is_null() {
                (*next).prev = prev;
            }
        }
    }

    /// # Safety
    /// `ptr` is a live large block of exactly `old_size` bytes; `new_size` is large too.
    #[inline(never)]
    pub(super) unsafe fn realloc_large(
        &mut self,
        ptr: NonNull<u8>,
        old_size: usize,
        new_size: usize,
    ) -> Option<NonNull<u8>> {
        let new_layout = large_layout(new_size)?;
        if new_size > old_size && self.bytes_in_use.checked_add(new_size - old_size)? > self.limit {
            return None;
        }
        let header = ptr
            .as_ptr()
            .wrapping_sub(LARGE_HEADER)
            .cast::<LargeHeader>();
        let old_layout = large_layout(old_size).expect("validated when allocated");
        // SAFETY: per the contract the block was allocated with `old_layout`; the new size is
        // non-zero and valid for the alignment (checked by `large_layout`).
        let new_header =
            unsafe { std::alloc::realloc(header.cast::<u8>(), old_layout, new_layout.size()) }
                .cast::<LargeHeader>();
        if new_header.is_null() {
            return None;
        }
        // SAFETY: the header moved with the contents; its neighbours still point at the old
        // address, so they (or the list head) are repointed. The old address is not read.
        unsafe {
            debug_assert_eq!((*new_header).size, old_size);
            (*new_header).size = new_size;
            let (prev, next) = ((*new_header).prev, (*new_header).next);
            if prev.is_null() {
                self.large_head = new_header;
            } else {
                (*prev).next = new_header;
            }
            if !next.is_null() {
                (*next).prev = new_header;
            }
        }
        let user = new_header.cast::<u8>().wrapping_add(LARGE_HEADER);
        #[cfg(feature = "heap-debug")]
        if new_size > old_size {
            // SAFETY: the grown tail lies inside the new allocation.
            unsafe { ptr::write_bytes(user.add(old_size), CLEANBYTE, new_size - old_size) };
        }
        self.large_bytes = self.large_bytes - old_size + new_size;
        self.bytes_in_use -= old_size;
        self.charge(new_size);
        // SAFETY: derived from a non-null allocation pointer.
        Some(unsafe { NonNull::new_unchecked(user) })
    }
}

/// System layout of a large block of `size` requested bytes; `None` if unrepresentable.
pub(super) fn large_layout(size: usize) -> Option<Layout> {
    Layout::from_size_align(size.checked_add(LARGE_HEADER)?, ALIGNMENT).ok()
}
