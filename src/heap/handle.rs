//! `Obj`, the owning handle to a Python object: cloning increments `ob_refcnt`, dropping
//! decrements it, and the drop that reaches zero runs the type's dealloc immediately.
//!
//! Invariants:
//! - An `Obj` always owns exactly one reference; `&Obj` borrows without counting.
//! - Deallocation never recurses more than `TRASH_DEPTH_LIMIT` levels: deeper deallocs are
//!   queued on the trashcan and run by the outermost dealloc, so freeing a million nested lists
//!   uses constant native stack.

use std::cell::{Cell, UnsafeCell};
use std::fmt;
use std::ptr::NonNull;

use super::header::ObjHeader;
use crate::objects::typeobj::TypeObject;

#[repr(transparent)]
pub struct Obj(NonNull<ObjHeader>);

impl Obj {
    /// Wraps a pointer that already carries one reference owned by the caller.
    ///
    /// # Safety
    /// `ptr` must point at a live, initialised object, and the caller transfers one reference.
    #[inline(always)]
    pub unsafe fn from_owned(ptr: NonNull<ObjHeader>) -> Obj {
        Obj(ptr)
    }

    /// Creates a new owning handle from a borrowed pointer (increments the count).
    ///
    /// # Safety
    /// `ptr` must point at a live object.
    #[inline(always)]
    pub unsafe fn from_borrowed(ptr: NonNull<ObjHeader>) -> Obj {
        // SAFETY: the caller guarantees `ptr` is live.
        let h = unsafe { ptr.as_ref() };
        h.refcnt.set(h.refcnt.get() + 1);
        ref_total_add(1);
        Obj(ptr)
    }

    /// Gives up the handle without decrementing; the caller now owns the reference.
    #[inline(always)]
    pub fn into_raw(self) -> NonNull<ObjHeader> {
        let p = self.0;
        std::mem::forget(self);
        p
    }

    #[inline(always)]
    pub fn as_ptr(&self) -> *mut ObjHeader {
        self.0.as_ptr()
    }

    #[inline(always)]
    pub fn as_nonnull(&self) -> NonNull<ObjHeader> {
        self.0
    }

    #[inline(always)]
    pub fn header(&self) -> &ObjHeader {
        // SAFETY: a handle keeps its object alive.
        unsafe { self.0.as_ref() }
    }

    #[inline(always)]
    pub fn ty(&self) -> &TypeObject {
        self.header().ty()
    }

    #[inline(always)]
    pub fn type_ptr(&self) -> *const TypeObject {
        self.header().ty.get()
    }

    /// Identity comparison: Python's `is`.
    #[inline(always)]
    pub fn is(&self, other: &Obj) -> bool {
        self.0 == other.0
    }

    #[inline(always)]
    pub fn refcnt(&self) -> isize {
        self.header().refcnt.get()
    }

    /// The object's address, as `id()` reports it.
    pub fn addr(&self) -> usize {
        self.0.as_ptr() as usize
    }

    /// Reinterprets the object as layout `T`.
    ///
    /// # Safety
    /// The object's type must use layout `T` (checked by the caller, usually via its type).
    #[inline(always)]
    pub unsafe fn cast<T>(&self) -> &T {
        // SAFETY: the caller checked that the object has layout `T`; the handle keeps it alive.
        unsafe { &*(self.0.as_ptr() as *const T) }
    }
}

/// Gives a dead object (count zero, inside its dealloc) one reference again, for a finalizer
/// that must run before the memory is freed (PEP 442 resurrection).
///
/// # Safety
/// `ptr` is an object whose count just reached zero and whose memory has not been freed.
pub unsafe fn resurrect(ptr: NonNull<ObjHeader>) -> Obj {
    // SAFETY: the caller guarantees the header is still valid.
    unsafe { ptr.as_ref() }.refcnt.set(1);
    ref_total_add(1);
    Obj(ptr)
}

// ---- total reference count (`-X showrefcount`) ----
//
// Like CPython's `_Py_RefTotal`, the sum of the counts of all live objects is kept only in
// builds with debug assertions (or the `ref-total` feature): every count change updates it, a
// cost a release build should not pay. Object creation counts +1 (`ObjHeader::new`), each
// clone +1, each drop -1, so at any instant it equals Σ ob_refcnt over live objects.

#[cfg(any(debug_assertions, feature = "ref-total"))]
thread_local! {
    static REF_TOTAL: Cell<isize> = const { Cell::new(0) };
}

/// Adds `delta` to this thread's total reference count (a no-op when it is not kept).
#[inline(always)]
pub(crate) fn ref_total_add(delta: isize) {
    #[cfg(any(debug_assertions, feature = "ref-total"))]
    REF_TOTAL.with(|t| t.set(t.get() + delta));
    #[cfg(not(any(debug_assertions, feature = "ref-total")))]
    let _ = delta;
}

/// The sum of the reference counts of this thread's live objects, if this build keeps it.
pub fn ref_total() -> Option<isize> {
    #[cfg(any(debug_assertions, feature = "ref-total"))]
    return Some(REF_TOTAL.with(|t| t.get()));
    #[cfg(not(any(debug_assertions, feature = "ref-total")))]
    None
}

/// Runs `f` with a non-owning handle to the object at `ptr` (no count change).
///
/// # Safety
/// `ptr` must point at a live object for the duration of `f`.
pub unsafe fn with_borrowed<R>(ptr: NonNull<ObjHeader>, f: impl FnOnce(&Obj) -> R) -> R {
    let h = std::mem::ManuallyDrop::new(Obj(ptr));
    f(&h)
}

impl Clone for Obj {
    #[inline(always)]
    fn clone(&self) -> Obj {
        let h = self.header();
        h.refcnt.set(h.refcnt.get() + 1);
        ref_total_add(1);
        Obj(self.0)
    }
}

impl Drop for Obj {
    #[inline(always)]
    fn drop(&mut self) {
        let h = self.header();
        let n = h.refcnt.get() - 1;
        h.refcnt.set(n);
        ref_total_add(-1);
        if n == 0 {
            dealloc(self.0);
        } else {
            debug_assert!(n > 0, "reference count went negative");
        }
    }
}

impl PartialEq for Obj {
    /// Identity, not Python equality (which needs the VM).
    fn eq(&self, other: &Obj) -> bool {
        self.is(other)
    }
}

impl fmt::Debug for Obj {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object at {:p}>", self.ty().name(), self.0.as_ptr())
    }
}

const TRASH_DEPTH_LIMIT: u32 = 50;

thread_local! {
    static TRASH_DEPTH: Cell<u32> = const { Cell::new(0) };
    // ManuallyDrop: never destroyed, so objects freed while the thread's locals are torn down
    // (an interpreter kept in a thread-local, dropped at thread exit) still find it; the OS
    // reclaims it with the thread.
    static TRASH_QUEUE: std::mem::ManuallyDrop<UnsafeCell<Vec<NonNull<ObjHeader>>>> =
        const { std::mem::ManuallyDrop::new(UnsafeCell::new(Vec::new())) };
}

/// Whether a dealloc is running on this thread (collections must not start then).
pub fn in_dealloc() -> bool {
    TRASH_DEPTH.with(|d| d.get()) > 0
}

/// Runs the dealloc of an object whose count just reached zero, through the trashcan.
#[inline(never)]
fn dealloc(ptr: NonNull<ObjHeader>) {
    let depth = TRASH_DEPTH.with(|d| d.get());
    if depth >= TRASH_DEPTH_LIMIT {
        // SAFETY: the queue is only touched here and below, never while a reference to it is held.
        TRASH_QUEUE.with(|q| unsafe { (*q.get()).push(ptr) });
        return;
    }
    TRASH_DEPTH.with(|d| d.set(depth + 1));
    run_dealloc(ptr);
    if depth == 0 {
        // Outermost dealloc: drain what deeper levels deferred. Each drained dealloc may queue
        // more, so loop until the queue stays empty.
        // SAFETY: as above; the borrow ends before `run_dealloc` runs.
        while let Some(next) = TRASH_QUEUE.with(|q| unsafe { (*q.get()).pop() }) {
            run_dealloc(next);
        }
    }
    TRASH_DEPTH.with(|d| d.set(depth));
}

#[inline(always)]
fn run_dealloc(ptr: NonNull<ObjHeader>) {
    // SAFETY: the object's count is zero and nobody else can reach it; its type is alive.
    unsafe {
        let ty = (*ptr.as_ptr()).ty.get();
        ((*ty).dealloc)(ptr);
    }
}

#[cfg(test)]
mod tests {
    use crate::heap::alloc::with_obmalloc;
    use crate::heap::test_objects::TestObjects;

    #[test]
    fn clone_and_drop_count_references() {
        let l = TestObjects::new().new_obj(0);
        assert_eq!(l.refcnt(), 1);
        let l2 = l.clone();
        assert_eq!(l.refcnt(), 2);
        drop(l2);
        assert_eq!(l.refcnt(), 1);
    }

    #[test]
    fn memory_is_freed_the_moment_the_count_reaches_zero() {
        let objs = TestObjects::new();
        let before = with_obmalloc(|m| m.bytes_in_use());
        let items = (0..100).map(|i| objs.new_obj(1000 + i)).collect();
        let l = objs.new_container(items);
        assert!(with_obmalloc(|m| m.bytes_in_use()) > before);
        drop(l);
        assert_eq!(with_obmalloc(|m| m.bytes_in_use()), before);
    }

    #[test]
    fn deep_chains_dealloc_without_deep_recursion() {
        // Runs on a small stack: without the trashcan, freeing 200k nested containers
        // recursively would overflow it.
        std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(|| {
                let objs = TestObjects::new();
                let before = with_obmalloc(|m| m.bytes_in_use());
                let mut x = objs.new_container(vec![]);
                // Miri interprets every step, so it checks the trashcan's memory safety on a
                // shorter chain (its stacks are not the native ones anyway).
                let depth = if cfg!(miri) { 2_000 } else { 200_000 };
                for _ in 0..depth {
                    x = objs.new_container(vec![x]);
                }
                drop(x);
                assert_eq!(with_obmalloc(|m| m.bytes_in_use()), before);
            })
            .unwrap()
            .join()
            .unwrap();
    }
}
