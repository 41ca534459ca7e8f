//! The buffer protocol: which objects export raw memory (bytes, bytearray, memoryview,
//! mmap), how a consumer reads it, and the type objects of the buffer family (`bytearray`,
//! `memoryview`, `mmap.mmap` and their iterators), created here so the shared `Types` struct
//! gains a single field.
//!
//! Invariants: bytes memory never changes; bytearray memory may only change size, and an
//! mmap may only be resized or closed, while its export count is zero (a managed buffer holds
//! one export for as long as any view made from it is unreleased), so a view's offsets stay
//! inside its exporter's memory.

use std::cell::Cell;

use crate::heap::Obj;
use crate::objects::pybox::{dealloc_box, PyBox};
use crate::objects::typeobj::{as_type, flags, TypeObject};
use crate::objects::{bytearray, bytes, iter::SeqIterData, memoryview, mmap};
use crate::vm::{PyResult, Vm};

/// The types of the buffer family.
pub struct BufferTypes {
    pub bytearray: Obj,
    pub memoryview: Obj,
    /// CPython's `managedbuffer`: the one export shared by every view of an exporter.
    pub managedbuffer: Obj,
    pub bytes_iterator: Obj,
    pub bytearray_iterator: Obj,
    pub memory_iterator: Obj,
    /// `mmap.mmap`, made at startup like the rest of the family so buffer consumers can
    /// recognise its instances; the `mmap` module hands it out.
    pub mmap: Obj,
    /// The plain `iterator` that walks an mmap one byte at a time.
    pub mmap_iterator: Obj,
}

thread_local! {
    static BYTEARRAY_TYPE: Cell<*const TypeObject> = const { Cell::new(std::ptr::null()) };
    static MEMORYVIEW_TYPE: Cell<*const TypeObject> = const { Cell::new(std::ptr::null()) };
}

/// This thread's `bytearray` type (for type checks that have no VM at hand).
pub fn bytearray_type_ptr() -> *const TypeObject {
    BYTEARRAY_TYPE.with(|c| c.get())
}

/// This thread's `memoryview` type.
pub fn memoryview_type_ptr() -> *const TypeObject {
    MEMORYVIEW_TYPE.with(|c| c.get())
}

/// Creates the buffer-family types at startup (`meta` is `type`, `object` the root type).
pub fn make_types(meta: &Obj, object: &Obj) -> BufferTypes {
    let mk = |name: &str, size: usize, fl: u32, dealloc| {
        let weaklist = match name {
            "memoryview" => memoryview::WEAKLIST_OFFSET,
            "mmap.mmap" => mmap::WEAKLIST_OFFSET,
            _ => 0,
        };
        let qualname = name.rsplit('.').next().unwrap_or(name);
        let t = crate::vm::types::alloc_type_with_weaklist(
            Some(as_type(meta)),
            name,
            qualname,
            size,
            fl,
            dealloc,
            0,
            weaklist,
        )
        .expect("out of memory at startup");
        as_type(&t).base.set(Some(object.clone()));
        t
    };
    let iter_size = std::mem::size_of::<PyBox<SeqIterData>>();
    let t = BufferTypes {
        bytearray: mk(
            "bytearray",
            std::mem::size_of::<PyBox<bytearray::ByteArrayData>>(),
            0,
            dealloc_box::<bytearray::ByteArrayData>,
        ),
        memoryview: mk(
            "memoryview",
            std::mem::size_of::<PyBox<memoryview::MemoryViewData>>(),
            flags::HAVE_GC,
            dealloc_box::<memoryview::MemoryViewData>,
        ),
        managedbuffer: mk(
            "managedbuffer",
            std::mem::size_of::<PyBox<memoryview::ManagedBufferData>>(),
            flags::HAVE_GC,
            dealloc_box::<memoryview::ManagedBufferData>,
        ),
        bytes_iterator: mk(
            "bytes_iterator",
            iter_size,
            flags::HAVE_GC,
            dealloc_box::<SeqIterData>,
        ),
        bytearray_iterator: mk(
            "bytearray_iterator",
            iter_size,
            flags::HAVE_GC,
            dealloc_box::<SeqIterData>,
        ),
        memory_iterator: mk(
            "memory_iterator",
            iter_size,
            flags::HAVE_GC,
            dealloc_box::<SeqIterData>,
        ),
        mmap: mk(
            "mmap.mmap",
            std::mem::size_of::<PyBox<mmap::MmapData>>(),
            flags::HAVE_GC,
            dealloc_box::<mmap::MmapData>,
        ),
        mmap_iterator: mk(
            "iterator",
            iter_size,
            flags::HAVE_GC,
            dealloc_box::<SeqIterData>,
        ),
    };
    mmap::set_type_ptr(as_type(&t.mmap) as *const TypeObject);
    BYTEARRAY_TYPE.with(|c| c.set(as_type(&t.bytearray) as *const TypeObject));
    MEMORYVIEW_TYPE.with(|c| c.set(as_type(&t.memoryview) as *const TypeObject));
    t
}

impl BufferTypes {
    pub fn all(&self) -> Vec<Obj> {
        vec![
            self.bytearray.clone(),
            self.memoryview.clone(),
            self.managedbuffer.clone(),
            self.bytes_iterator.clone(),
            self.bytearray_iterator.clone(),
            self.memory_iterator.clone(),
            self.mmap.clone(),
            self.mmap_iterator.clone(),
        ]
    }
}

/// How many buffer exports (managed buffers of memoryviews) an exporter whose memory can
/// move or vanish (bytearray, mmap) has outstanding; while it is non-zero the exporter must
/// not resize or unmap.
#[derive(Default)]
pub struct ExportCount(Cell<usize>);

impl ExportCount {
    pub fn get(&self) -> usize {
        self.0.get()
    }

    pub fn add(&self) {
        self.0.set(self.0.get() + 1);
    }

    pub fn release(&self) {
        debug_assert!(self.0.get() > 0);
        self.0.set(self.0.get().saturating_sub(1));
    }
}

/// The export count of an exporter whose memory can move or vanish (bytearray, mmap); None
/// for bytes (immutable) and anything that exports nothing.
pub fn export_count(obj: &Obj) -> Option<&ExportCount> {
    if let Some(d) = bytearray::try_data(obj) {
        Some(d.exports())
    } else if mmap::is_mmap(obj) {
        Some(mmap::data(obj).exports())
    } else {
        None
    }
}

/// The memory of a bytes or bytearray object, borrowed (no Python code may run while it is
/// held, since a bytearray could be resized).
pub fn bytes_like(obj: &Obj) -> Option<&[u8]> {
    if bytes::is_bytes(obj) {
        Some(bytes::as_bytes(obj))
    } else {
        bytearray::try_data(obj).map(|d| d.as_slice())
    }
}

/// Whether `obj` supports the buffer protocol.
pub fn is_buffer(obj: &Obj) -> bool {
    bytes::is_bytes(obj)
        || bytearray::is_bytearray(obj)
        || memoryview::is_memoryview(obj)
        || mmap::is_mmap(obj)
}

/// A copy of the bytes of any buffer (a memoryview's in logical order), or `None` when `obj`
/// does not support the buffer protocol.
pub fn to_vec(vm: &mut Vm, obj: &Obj) -> PyResult<Option<Vec<u8>>> {
    if let Some(b) = bytes_like(obj) {
        return Ok(Some(b.to_vec()));
    }
    if memoryview::is_memoryview(obj) {
        return memoryview::contents(vm, obj).map(Some);
    }
    if mmap::is_mmap(obj) {
        return mmap::contents(vm, obj).map(Some);
    }
    Ok(None)
}

/// The bytes of a buffer argument, or CPython's "a bytes-like object is required" TypeError.
pub fn require(vm: &mut Vm, obj: &Obj) -> PyResult<Vec<u8>> {
    match to_vec(vm, obj)? {
        Some(v) => Ok(v),
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            obj.ty().name()
        ))),
    }
}
