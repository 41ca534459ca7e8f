//! Calls into Python that deallocation needs but cannot make itself: `__del__` finalizers
//! and weakref callbacks. A dealloc (which has no VM at hand) queues them here; the VM runs
//! them at the next instruction boundary, before any later Python code can observe the
//! difference, so the order of output matches CPython's immediate calls.
//!
//! Automatic collections are queued here too, for the same reason: `gc.callbacks` must be
//! called around them.
//!
//! Invariant: `HAS_PENDING` is true whenever the queue is non-empty.

use std::cell::{Cell, UnsafeCell};

use super::handle::Obj;

pub enum PendingCall {
    /// A resurrected object whose `__del__` must run; dropping the handle afterwards frees it.
    Finalize(Obj),
    /// `callback(weakref)` for a weak reference whose referent just died.
    WeakCallback { callback: Obj, weakref: Obj },
    /// An automatic collection of this generation, due because an allocation crossed the
    /// thresholds. It runs at the instruction boundary so `gc.callbacks` can be called
    /// around it (an allocation has no VM to call them with).
    Collect(usize),
    /// A memory-report sample is due (see `heap::memreport`); it runs at the boundary, where
    /// no collection is half done.
    MemSample,
}

thread_local! {
    static HAS_PENDING: Cell<bool> = const { Cell::new(false) };
    // ManuallyDrop: never destroyed, so objects freed while the thread's locals are torn down
    // (an interpreter kept in a thread-local, dropped at thread exit) still find it; the OS
    // reclaims it with the thread.
    static QUEUE: std::mem::ManuallyDrop<UnsafeCell<Vec<PendingCall>>> =
        const { std::mem::ManuallyDrop::new(UnsafeCell::new(Vec::new())) };
}

pub fn push(call: PendingCall) {
    // SAFETY: the queue is only touched by these functions, which never hold a reference to
    // it across any other code.
    QUEUE.with(|q| unsafe { (*q.get()).push(call) });
    HAS_PENDING.with(|f| f.set(true));
}

/// Whether calls are waiting (checked by the eval loop after every instruction).
#[inline(always)]
pub fn has_pending() -> bool {
    HAS_PENDING.with(|f| f.get())
}

/// Takes the queued calls, oldest first.
pub fn take_all() -> Vec<PendingCall> {
    HAS_PENDING.with(|f| f.set(false));
    // SAFETY: as in `push`.
    QUEUE.with(|q| unsafe { std::mem::take(&mut *q.get()) })
}
