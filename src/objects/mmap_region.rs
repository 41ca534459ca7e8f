//! One OS memory mapping (mmap(2)) as owned by an `mmap.mmap` object: created with the
//! caller's length, protection, flags, descriptor and offset, grown or shrunk with mremap,
//! written back with msync, advised with madvise, and unmapped exactly once.
//!
//! This memory is not the interpreter's heap: it belongs to the kernel's page cache (or is
//! anonymous), so obmalloc, tracemalloc and the memory statistics do not see it, as in
//! CPython.
//!
//! Invariants:
//! - `ptr .. ptr + len` is one live mapping with `len > 0` for as long as the `Region`
//!   exists; `Drop` unmaps it (a failed `remap` leaves the old mapping in place).
//! - Slices handed out borrow the region, so they cannot outlive the mapping or a remap.
//!   Writes through `as_mut_slice` are made only on mappings whose protection includes
//!   PROT_WRITE (the `mmap` object checks its access mode first).

use std::io;
use std::ptr::NonNull;

pub struct Region {
    ptr: NonNull<u8>,
    len: usize,
}

impl Region {
    /// Maps `len` bytes (`len > 0`) of `fd` at `offset` (or anonymous memory for `fd == -1`,
    /// with MAP_ANONYMOUS in `flags`).
    pub fn map(len: usize, prot: i32, flags: i32, fd: i32, offset: i64) -> io::Result<Region> {
        if len == 0 {
            return Err(io::Error::from_raw_os_error(libc::EINVAL));
        }
        // SAFETY: a request for a fresh mapping at an address the kernel chooses (NULL hint)
        // cannot disturb any existing memory; failure is reported as MAP_FAILED.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                prot,
                flags,
                fd,
                offset as libc::off_t,
            )
        };
        if p == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        let ptr = NonNull::new(p.cast::<u8>())
            .ok_or_else(|| io::Error::from_raw_os_error(libc::EINVAL))?;
        Ok(Region { ptr, len })
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn as_slice(&self) -> &[u8] {
        // SAFETY: the mapping covers `len` readable bytes while `self` lives (invariant).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    /// The mapped bytes for writing. The caller has checked that the mapping is writable and
    /// holds no other slice of this region while using this one.
    #[allow(clippy::mut_from_ref)]
    pub fn as_mut_slice(&self) -> &mut [u8] {
        // SAFETY: the mapping covers `len` bytes while `self` lives; exclusivity and the
        // PROT_WRITE protection are the caller's documented obligations (one interpreter
        // thread, and every writer goes through the object's access check first).
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }

    /// msync(MS_SYNC) of `[start, start + len)`, which must lie inside the region (`start`
    /// not page-aligned fails with EINVAL, as the system call does).
    pub fn sync(&self, start: usize, len: usize) -> io::Result<()> {
        assert!(start <= self.len && len <= self.len - start);
        // SAFETY: the range lies inside this live mapping (checked above).
        let r = unsafe { libc::msync(self.ptr.as_ptr().add(start).cast(), len, libc::MS_SYNC) };
        if r == -1 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// madvise of `[start, start + len)` inside the region.
    pub fn advise(&self, start: usize, len: usize, advice: i32) -> io::Result<()> {
        assert!(start <= self.len && len <= self.len - start);
        // SAFETY: the range lies inside this live mapping; advice values that discard pages
        // (MADV_DONTNEED, MADV_FREE, MADV_REMOVE) change contents but never validity.
        let r = unsafe { libc::madvise(self.ptr.as_ptr().add(start).cast(), len, advice) };
        if r == -1 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// Changes the length to `new_len` (the mapping may move). On failure the region is
    /// unchanged.
    pub fn remap(&mut self, new_len: usize) -> io::Result<()> {
        if new_len == 0 {
            return Err(io::Error::from_raw_os_error(libc::EINVAL));
        }
        // SAFETY: `ptr`/`len` describe this live mapping and `&mut self` guarantees no slice
        // of it is borrowed; MREMAP_MAYMOVE lets the kernel pick a new address, which
        // replaces the old one only on success.
        let p = unsafe {
            libc::mremap(
                self.ptr.as_ptr().cast(),
                self.len,
                new_len,
                libc::MREMAP_MAYMOVE,
            )
        };
        if p == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        self.ptr = NonNull::new(p.cast::<u8>()).expect("mremap returned NULL");
        self.len = new_len;
        Ok(())
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        // SAFETY: the region owns this mapping and nothing borrows it any more (`&mut self`).
        unsafe {
            libc::munmap(self.ptr.as_ptr().cast(), self.len);
        }
    }
}

/// `dup` of a descriptor, close-on-exec as CPython's `_Py_dup` makes it.
pub fn dup_fd(fd: i32) -> io::Result<std::fs::File> {
    use std::os::unix::io::FromRawFd;
    // SAFETY: F_DUPFD_CLOEXEC only reads `fd`; an invalid one fails with EBADF.
    let new = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if new == -1 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `new` is a descriptor this process just created and nothing else owns.
    Ok(unsafe { std::fs::File::from_raw_fd(new) })
}

/// The size of `fd` if it is a regular file; None for anything else or a failed fstat
/// (CPython checks lengths against regular files only and leaves the rest to mmap).
pub fn regular_file_size(fd: i32) -> Option<u64> {
    let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
    // SAFETY: fstat writes a `stat` into the buffer we own, or fails (EBADF) writing nothing.
    let r = unsafe { libc::fstat(fd, st.as_mut_ptr()) };
    if r != 0 {
        return None;
    }
    // SAFETY: fstat succeeded, so the structure is initialised.
    let st = unsafe { st.assume_init() };
    (st.st_mode & libc::S_IFMT == libc::S_IFREG).then_some(st.st_size as u64)
}

/// The system's page size (mmap offsets must be multiples of it).
pub fn page_size() -> usize {
    // SAFETY: sysconf has no memory-safety preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if n > 0 {
        n as usize
    } else {
        4096
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymous_region_is_zeroed_writable_and_grows() {
        let flags = libc::MAP_SHARED | libc::MAP_ANONYMOUS;
        let prot = libc::PROT_READ | libc::PROT_WRITE;
        let mut r = Region::map(10, prot, flags, -1, 0).unwrap();
        assert_eq!(r.as_slice(), &[0u8; 10]);
        r.as_mut_slice()[..5].copy_from_slice(b"hello");
        r.remap(page_size() * 3).unwrap();
        assert_eq!(r.len(), page_size() * 3);
        assert_eq!(&r.as_slice()[..5], b"hello");
        r.sync(0, r.len()).unwrap();
        r.advise(0, r.len(), libc::MADV_NORMAL).unwrap();
        assert_eq!(r.remap(0).unwrap_err().raw_os_error(), Some(libc::EINVAL));
        assert_eq!(r.len(), page_size() * 3);
    }

    #[test]
    fn bad_requests_report_the_os_error() {
        let prot = libc::PROT_READ;
        let e = Region::map(0, prot, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0);
        assert_eq!(e.err().unwrap().raw_os_error(), Some(libc::EINVAL));
        let e = Region::map(10, prot, libc::MAP_SHARED, 987_654, 0);
        assert_eq!(e.err().unwrap().raw_os_error(), Some(libc::EBADF));
        assert_eq!(
            dup_fd(987_654).unwrap_err().raw_os_error(),
            Some(libc::EBADF)
        );
    }
}
