//! `mmap.mmap` objects as the rest of the interpreter sees them: a mapped region with a file
//! position, an access mode and an export count, exported through the buffer protocol like
//! bytes and bytearray (`memoryview(m)`, `bytes(m)`, `f.write(m)` ...). The Python-level
//! methods live in `mmap_type`, the OS mapping in `mmap_region`.
//!
//! Invariants:
//! - `region` is None exactly when the object is closed; a closed object refuses every
//!   operation but `close` and `closed` with "mmap closed or invalid".
//! - The region is neither unmapped nor remapped while `exports > 0` (`close` and `resize`
//!   check), so a memoryview's offsets always stay inside the live mapping.
//! - `pos` may exceed the length after a shrinking `resize`, as in CPython; readers treat
//!   the remainder as empty.
//! - Writes happen only when `access != Read` (checked before every write).

use std::cell::{Cell, RefCell};

use crate::heap::Obj;
use crate::objects::mmap_region::Region;
use crate::objects::pybox::payload;
use crate::objects::weakref::WeakList;
use crate::vm::{PyErr, PyResult, Vm};

/// The `access` argument (CPython's `access_mode`), with its repr names.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Access {
    Default = 0,
    Read = 1,
    Write = 2,
    Copy = 3,
}

impl Access {
    pub fn name(self) -> &'static str {
        match self {
            Access::Default => "ACCESS_DEFAULT",
            Access::Read => "ACCESS_READ",
            Access::Write => "ACCESS_WRITE",
            Access::Copy => "ACCESS_COPY",
        }
    }
}

pub struct MmapData {
    /// Weak references to the object (first in the payload: dropping it clears them).
    pub weaklist: WeakList,
    region: RefCell<Option<Region>>,
    /// The duplicated descriptor of a file mapping (None for anonymous memory or once closed).
    file: RefCell<Option<std::fs::File>>,
    pos: Cell<usize>,
    exports: crate::objects::buffer::ExportCount,
    pub access: Access,
    pub offset: i64,
}

/// Offset of the weak list inside an mmap object (its `tp_weaklistoffset`).
pub const WEAKLIST_OFFSET: usize =
    std::mem::offset_of!(crate::objects::pybox::PyBox<MmapData>, data)
        + std::mem::offset_of!(MmapData, weaklist);

thread_local! {
    static MMAP_TYPE: Cell<*const crate::objects::typeobj::TypeObject> =
        const { Cell::new(std::ptr::null()) };
}

/// Records this thread's `mmap.mmap` type (called when the buffer types are made).
pub fn set_type_ptr(t: *const crate::objects::typeobj::TypeObject) {
    MMAP_TYPE.with(|c| c.set(t));
}

pub fn is_mmap(obj: &Obj) -> bool {
    obj.ty().is_subtype(MMAP_TYPE.with(|c| c.get()))
}

/// The payload of an mmap object. Panics if `obj` is not one.
pub fn data(obj: &Obj) -> &MmapData {
    assert!(is_mmap(obj), "not an mmap object");
    // SAFETY: mmap objects use the `PyBox<MmapData>` layout.
    unsafe { payload::<MmapData>(obj) }
}

pub fn closed_error(vm: &mut Vm) -> PyErr {
    vm.value_error("mmap closed or invalid".into())
}

impl MmapData {
    pub fn new(region: Region, file: Option<std::fs::File>, access: Access, offset: i64) -> Self {
        MmapData {
            weaklist: WeakList::default(),
            region: RefCell::new(Some(region)),
            file: RefCell::new(file),
            pos: Cell::new(0),
            exports: Default::default(),
            access,
            offset,
        }
    }

    pub fn is_closed(&self) -> bool {
        self.region.borrow().is_none()
    }

    /// The mapped length, or the closed error.
    pub fn len(&self, vm: &mut Vm) -> PyResult<usize> {
        match &*self.region.borrow() {
            Some(r) => Ok(r.len()),
            None => Err(closed_error(vm)),
        }
    }

    pub fn pos(&self) -> usize {
        self.pos.get()
    }

    pub fn set_pos(&self, p: usize) {
        self.pos.set(p)
    }

    /// Runs `f` over the mapped bytes, or None when closed (no Python code may run in `f`).
    pub fn with_bytes<R>(&self, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        self.region.borrow().as_ref().map(|r| f(r.as_slice()))
    }

    /// Runs `f` over the mapped bytes for writing; the caller has checked `writable`.
    pub fn with_bytes_mut<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
        debug_assert!(self.access != Access::Read);
        // An exclusive borrow: a nested read or write of the same map would panic rather
        // than alias.
        self.region
            .borrow_mut()
            .as_ref()
            .map(|r| f(r.as_mut_slice()))
    }

    /// The mapped region itself (for msync/madvise), or None when closed.
    pub fn with_region<R>(&self, f: impl FnOnce(&Region) -> R) -> Option<R> {
        self.region.borrow().as_ref().map(f)
    }

    /// CPython's `is_writable`: TypeError for a read-only mapping.
    pub fn writable(&self, vm: &mut Vm) -> PyResult<()> {
        if self.access == Access::Read {
            return Err(vm.type_error("mmap can't modify a readonly memory map.".into()));
        }
        Ok(())
    }

    pub fn readonly(&self) -> bool {
        self.access == Access::Read
    }

    /// The buffer exports outstanding (memoryviews' managed buffers).
    pub fn exports(&self) -> &crate::objects::buffer::ExportCount {
        &self.exports
    }

    /// The duplicated descriptor's file, if this maps a file and is open.
    pub fn with_file<R>(&self, f: impl FnOnce(Option<&std::fs::File>) -> R) -> R {
        f(self.file.borrow().as_ref())
    }

    /// Resizes the mapping (and the file, if any, to `offset + new_len`). The caller has
    /// checked the export count and the access mode.
    pub fn resize(&self, new_len: usize) -> std::io::Result<()> {
        debug_assert_eq!(self.exports.get(), 0);
        if let Some(f) = &*self.file.borrow() {
            f.set_len(self.offset as u64 + new_len as u64)?;
        }
        match &mut *self.region.borrow_mut() {
            Some(r) => r.remap(new_len),
            None => Ok(()),
        }
    }

    /// Moves the mapping, descriptor and position into a new payload (for an instance of a
    /// subclass), leaving this one closed. Nothing is exported yet: the object is brand new.
    pub fn take_over(&self) -> MmapData {
        debug_assert_eq!(self.exports.get(), 0);
        MmapData {
            weaklist: WeakList::default(),
            region: RefCell::new(self.region.borrow_mut().take()),
            file: RefCell::new(self.file.borrow_mut().take()),
            pos: Cell::new(self.pos.get()),
            exports: Default::default(),
            access: self.access,
            offset: self.offset,
        }
    }

    /// Closes the descriptor and unmaps the region (idempotent). The caller has checked the
    /// export count.
    pub fn close(&self) {
        debug_assert_eq!(self.exports.get(), 0);
        self.file.borrow_mut().take();
        self.region.borrow_mut().take();
    }
}

/// A copy of the whole mapping (the buffer protocol's copy-out), or the closed error.
pub fn contents(vm: &mut Vm, obj: &Obj) -> PyResult<Vec<u8>> {
    match data(obj).with_bytes(|b| b.to_vec()) {
        Some(v) => Ok(v),
        None => Err(closed_error(vm)),
    }
}
