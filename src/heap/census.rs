//! The instance census: how many objects of each type are alive and how many bytes their own
//! blocks take, kept exactly at allocation and deallocation (`alloc::alloc_object` /
//! `free_object`), so `pyrena.heap_snapshot()` and the memory report can list live objects per
//! type without walking the heap (untracked objects such as ints and strs are on no list).
//!
//! Invariants:
//! - A type's `count`/`bytes` are the instances allocated by `alloc_object` with that type and
//!   not yet freed; `bytes` is what was requested for their blocks, GC header included (the
//!   allocator rounds a small block up to its 16-byte size class). Storage an object owns
//!   separately (a list's item array, a dict's table) is not part of it.
//! - `registered_types` holds every type object alive on this thread: a type is added when it
//!   is made (`vm::types`) and removed by its dealloc, so reading one from the registry is
//!   always reading a live type.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;

use super::handle::Obj;
use super::header::ObjHeader;
use crate::objects::typeobj::TypeObject;

/// Live instances of one type (a field of every `TypeObject`).
#[derive(Debug, Default)]
pub struct InstanceCensus {
    count: Cell<usize>,
    bytes: Cell<usize>,
}

impl InstanceCensus {
    #[inline(always)]
    pub fn on_alloc(&self, block_bytes: usize) {
        self.count.set(self.count.get() + 1);
        self.bytes.set(self.bytes.get() + block_bytes);
    }

    #[inline(always)]
    pub fn on_free(&self, block_bytes: usize) {
        debug_assert!(self.count.get() > 0 && self.bytes.get() >= block_bytes);
        self.count.set(self.count.get().wrapping_sub(1));
        self.bytes.set(self.bytes.get().wrapping_sub(block_bytes));
    }

    /// Live instances.
    pub fn count(&self) -> usize {
        self.count.get()
    }

    /// Bytes of their blocks.
    pub fn bytes(&self) -> usize {
        self.bytes.get()
    }
}

thread_local! {
    // ManuallyDrop: never destroyed, so objects freed while the thread's locals are torn down
    // (an interpreter kept in a thread-local, dropped at thread exit) still find it; the OS
    // reclaims it with the thread.
    static TYPES: std::mem::ManuallyDrop<RefCell<HashSet<usize, ahash::RandomState>>> =
        std::mem::ManuallyDrop::new(RefCell::new(HashSet::default()));
}

/// Adds a newly made type object to the registry.
pub fn register_type(ty: *const TypeObject) {
    TYPES.with(|t| t.borrow_mut().insert(ty as usize));
}

/// Removes a dying type object from the registry.
pub fn forget_type(ty: *const TypeObject) {
    TYPES.with(|t| t.borrow_mut().remove(&(ty as usize)));
}

/// Every live type object (for walks that must reach all subclasses of a type).
pub fn live_type_objects() -> Vec<*const TypeObject> {
    TYPES.with(|t| t.borrow().iter().map(|&p| p as *const TypeObject).collect())
}

/// The live classes other than `cls` whose MRO goes through it, bases before their
/// subclasses (a class's MRO contains its bases' MROs, so it is longer than each of theirs):
/// the order in which changes to `cls` must be redone down the hierarchy (CPython walks
/// `__subclasses__` for the same purpose).
pub fn live_subclasses(cls: &Obj) -> Vec<Obj> {
    let mut subs: Vec<(usize, Obj)> = live_type_objects()
        .into_iter()
        .filter(|&p| !std::ptr::eq(p.cast::<ObjHeader>(), cls.as_ptr()))
        .filter_map(|p| {
            // SAFETY: the registry holds only live type objects, and none is freed while
            // this list is built (nothing here runs Python code or drops a type).
            let sub = unsafe { &*p };
            let mro = sub.mro.get()?;
            let items = crate::objects::tuple::items(&mro);
            items
                .iter()
                .any(|c| c.is(cls))
                .then(|| (items.len(), sub.to_obj()))
        })
        .collect();
    subs.sort_by_key(|(depth, _)| *depth);
    subs.into_iter().map(|(_, s)| s).collect()
}

/// One line of the census.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeCount {
    /// The type's `__name__` (two classes may share one; they are listed separately).
    pub name: String,
    pub count: usize,
    pub bytes: usize,
}

/// Every type with live instances, most bytes first (then by name, for a stable order).
pub fn live_types() -> Vec<TypeCount> {
    let ptrs: Vec<usize> = TYPES.with(|t| t.borrow().iter().copied().collect());
    let mut out: Vec<TypeCount> = ptrs
        .into_iter()
        .filter_map(|p| {
            // SAFETY: the registry holds only live type objects (see the module invariants),
            // and nothing is freed while this reads them.
            let ty = unsafe { &*(p as *const TypeObject) };
            let c = &ty.instances;
            (c.count() > 0).then(|| TypeCount {
                name: ty.name().to_string(),
                count: c.count(),
                bytes: c.bytes(),
            })
        })
        .collect();
    out.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    out
}
