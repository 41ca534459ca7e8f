//! Generation bookkeeping for the cycle collector: the three generation lists that tracked
//! containers are linked into, and CPython's counts and thresholds.
//!
//! Invariants:
//! - Each generation list is circular and doubly linked through `GcHeader`s, with a sentinel
//!   head that lives in this thread's `GcState` (its address is stable for the thread).
//! - A tracked object is on exactly one list; an untracked one has null links.
//! - `count[0]` is GC-container allocations minus deallocations since the last collection of
//!   generation 0; `count[i]` for i > 0 counts collections of generation i-1 since the last
//!   collection of generation i (CPython 3.11's definition).

use std::cell::Cell;
use std::ptr;

use super::header::GcHeader;

pub const NUM_GENERATIONS: usize = 3;
pub const DEFAULT_THRESHOLDS: [usize; NUM_GENERATIONS] = [700, 10, 10];

pub struct GcState {
    heads: [GcHeader; NUM_GENERATIONS],
    /// `gc.freeze()` moves objects here; collections never look at them.
    permanent: GcHeader,
    pub count: [Cell<usize>; NUM_GENERATIONS],
    pub threshold: [Cell<usize>; NUM_GENERATIONS],
    pub enabled: Cell<bool>,
    pub collecting: Cell<bool>,
    pub debug: Cell<u32>,
    pub stats_collections: [Cell<usize>; NUM_GENERATIONS],
    pub stats_collected: [Cell<usize>; NUM_GENERATIONS],
    pub stats_uncollectable: [Cell<usize>; NUM_GENERATIONS],
    /// Objects promoted to the oldest generation since its last collection, and its size
    /// then: a full collection runs only when pending exceeds a quarter of the total.
    pub long_lived_pending: Cell<usize>,
    pub long_lived_total: Cell<usize>,
    /// An automatic collection is queued on `heap::pending` and has not run yet.
    pub collect_queued: Cell<bool>,
    /// Unreachable objects a `DEBUG_SAVEALL` collection kept, waiting to be moved to
    /// `gc.garbage` by the VM.
    pub saved: std::cell::RefCell<Vec<super::handle::Obj>>,
}

/// `gc.DEBUG_STATS`: print statistics during collection.
pub const DEBUG_STATS: u32 = 1;
pub const DEBUG_COLLECTABLE: u32 = 2;
pub const DEBUG_UNCOLLECTABLE: u32 = 4;
pub const DEBUG_SAVEALL: u32 = 32;
pub const DEBUG_LEAK: u32 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

impl GcState {
    const fn empty_head() -> GcHeader {
        GcHeader {
            next: Cell::new(ptr::null_mut()),
            prev: Cell::new(ptr::null_mut()),
        }
    }

    const fn new() -> GcState {
        GcState {
            heads: [Self::empty_head(), Self::empty_head(), Self::empty_head()],
            permanent: Self::empty_head(),
            collecting: Cell::new(false),
            debug: Cell::new(0),
            stats_collections: [Cell::new(0), Cell::new(0), Cell::new(0)],
            stats_collected: [Cell::new(0), Cell::new(0), Cell::new(0)],
            stats_uncollectable: [Cell::new(0), Cell::new(0), Cell::new(0)],
            long_lived_pending: Cell::new(0),
            long_lived_total: Cell::new(0),
            collect_queued: Cell::new(false),
            saved: std::cell::RefCell::new(Vec::new()),
            count: [Cell::new(0), Cell::new(0), Cell::new(0)],
            threshold: [
                Cell::new(DEFAULT_THRESHOLDS[0]),
                Cell::new(DEFAULT_THRESHOLDS[1]),
                Cell::new(DEFAULT_THRESHOLDS[2]),
            ],
            enabled: Cell::new(true),
        }
    }

    /// The sentinel of generation `g`, made circular on first use.
    pub fn head(&self, g: usize) -> *mut GcHeader {
        Self::init_head(&self.heads[g])
    }

    /// The sentinel of the permanent generation (`gc.freeze`).
    pub fn permanent_head(&self) -> *mut GcHeader {
        Self::init_head(&self.permanent)
    }

    fn init_head(h: &GcHeader) -> *mut GcHeader {
        let p = h as *const GcHeader as *mut GcHeader;
        if h.next.get().is_null() {
            h.next.set(p);
            h.prev.set(p);
        }
        p
    }
}

thread_local! {
    // ManuallyDrop: never destroyed, so objects freed while the thread's locals are torn down
    // (an interpreter kept in a thread-local, dropped at thread exit) still find it; the OS
    // reclaims it with the thread.
    static GC: std::mem::ManuallyDrop<GcState> = const { std::mem::ManuallyDrop::new(GcState::new()) };
}

/// Runs `f` with this thread's collector state.
pub fn with_gc<R>(f: impl FnOnce(&GcState) -> R) -> R {
    GC.with(|s| f(s))
}

/// Counts the allocation of a GC container against generation 0 (tracked or not, as CPython).
pub fn count_alloc() {
    GC.with(|s| s.count[0].set(s.count[0].get() + 1))
}

/// Links a container into generation 0 (`PyObject_GC_Track`).
///
/// # Safety
/// `g` is the GC header of a live, untracked GC object.
pub unsafe fn track(g: *mut GcHeader) {
    GC.with(|s| {
        let head = s.head(0);
        // SAFETY: `g` and the sentinel are live headers; the list is circular.
        unsafe {
            let last = (*head).prev.get();
            (*g).next.set(head);
            (*g).prev.set(last);
            (*last).next.set(g);
            (*head).prev.set(g);
        }
    })
}

/// Unlinks `g` from whatever generation holds it (no-op if untracked) and counts the
/// deallocation against generation 0.
///
/// # Safety
/// `g` is the GC header of an object being freed.
pub unsafe fn untrack_raw(g: *mut GcHeader) {
    // SAFETY: forwarded contract.
    unsafe { untrack(g) };
    GC.with(|s| {
        let c = s.count[0].get();
        if c > 0 {
            s.count[0].set(c - 1);
        }
    })
}

/// Unlinks `g` from its generation without counting a deallocation (`PyObject_GC_UnTrack`).
///
/// # Safety
/// `g` is the GC header of a live GC object.
pub unsafe fn untrack(g: *mut GcHeader) {
    // SAFETY: a tracked header's neighbours are live headers on the same list.
    unsafe {
        let next = (*g).next.get();
        if !next.is_null() {
            let prev = (*g).prev.get();
            (*prev).next.set(next);
            (*next).prev.set(prev);
            (*g).next.set(ptr::null_mut());
            (*g).prev.set(ptr::null_mut());
        }
    }
}

/// Whether the object with GC header `g` is currently tracked.
///
/// # Safety
/// `g` is the GC header of a live GC object.
pub unsafe fn is_tracked(g: *mut GcHeader) -> bool {
    // SAFETY: forwarded contract.
    unsafe { !(*g).next.get().is_null() }
}
