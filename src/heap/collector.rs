//! The cycle collector: CPython 3.11's algorithm, written as its phases.
//!
//! 1. merge the younger generations into the one being collected;
//! 2. copy each object's reference count into `gc_refs`;
//! 3. subtract the references that come from inside the generation (via each type's
//!    traverse), so what remains counts references from outside;
//! 4. everything reachable from an object with `gc_refs > 0` survives and is promoted
//!    (atomic tuples and dicts met on the way are untracked, as CPython does);
//! 5. the rest is unreachable: first, finalizers that have not run are queued (PEP 442) and
//!    the cycle is left for a later collection; otherwise each object's clear slot drops its
//!    references, which breaks the cycles, and reference counting frees them;
//! 6. survivors of step 5 (objects a clear could not free) are promoted.
//!
//! Invariants: collection never runs re-entrantly (`collecting`); objects are only freed
//! through their reference counts. The collector holds a handle to the unreachable object
//! it is working on (as CPython's `delete_garbage` does), never a list of them: objects
//! freed meanwhile unlink themselves, and each walk takes the next object from its list
//! afresh.

use std::ptr::NonNull;
use std::time::Instant;

use super::gc::{with_gc, GcState, NUM_GENERATIONS};
use super::handle::{with_borrowed, Obj};
use super::header::{GcHeader, ObjHeader, GC_HEADER_SIZE};

/// What one collection found.
#[derive(Debug, Clone, Copy, Default)]
pub struct CollectResult {
    pub generation: usize,
    /// Objects found unreachable (what `gc.collect()` returns).
    pub unreachable: usize,
    /// Unreachable objects that could not be freed.
    pub uncollectable: usize,
    pub elapsed: f64,
    /// Objects in each generation before the collection (for DEBUG_STATS).
    pub sizes: [usize; NUM_GENERATIONS],
    /// Finalizers were queued: the unreachable objects were left for a later collection.
    pub finalizers_queued: bool,
}

fn obj_of(g: *mut GcHeader) -> NonNull<ObjHeader> {
    // SAFETY: tracked GC headers are always followed by their object.
    unsafe { NonNull::new_unchecked((g as *mut u8).add(GC_HEADER_SIZE) as *mut ObjHeader) }
}

fn gc_of(o: &Obj) -> Option<*mut GcHeader> {
    if !o.ty().has_gc() {
        return None;
    }
    Some((o.as_ptr() as *mut u8).wrapping_sub(GC_HEADER_SIZE) as *mut GcHeader)
}

// While a collection runs, a member of the generation being collected keeps, in its
// header's `prev` word, `gc_refs << REFS_SHIFT | SCANNED? | REACHABLE? | COLLECTING`
// (SCANNED: phase 4 went past it). CPython keeps its gc_refs in `_gc_prev` the same way.
// Real links are 8-aligned, so COLLECTING tells members from objects of other generations
// and untracked ones (null links).
const COLLECTING: usize = 1;
const REACHABLE: usize = 2;
const SCANNED: usize = 4;
const REFS_SHIFT: u32 = 3;
const _: () = assert!(std::mem::align_of::<GcHeader>() >= 8);

fn collecting_tag(gc_refs: usize) -> usize {
    gc_refs << REFS_SHIFT | COLLECTING
}

/// The tag word of a member during phases 2-4.
///
/// # Safety
/// `g` is a live GC header.
unsafe fn gc_refs_tag(g: *mut GcHeader) -> usize {
    // SAFETY: forwarded contract.
    unsafe { (*g).prev.get() as usize }
}

/// # Safety
/// `g` is a live GC header of a member of the generation being collected.
unsafe fn set_gc_refs_tag(g: *mut GcHeader, tag: usize) {
    // SAFETY: forwarded contract; the word is a tag until phase 5 rebuilds the link.
    unsafe { (*g).prev.set(tag as *mut GcHeader) }
}

/// The GC header of `o` when it is a member of the generation being collected.
fn collecting_member(o: &Obj) -> Option<*mut GcHeader> {
    let g = gc_of(o)?;
    // SAFETY: `o` is live and its type has GC, so a header precedes it.
    (unsafe { gc_refs_tag(g) } & COLLECTING != 0).then_some(g)
}

/// A list head that lives on the collector's stack frame for one collection (CPython's
/// local `unreachable` list). Its address must not change while it has members, so it is
/// only used by reference; it must be empty when dropped.
struct ListHead(GcHeader);

impl ListHead {
    fn new() -> ListHead {
        ListHead(GcHeader {
            next: std::cell::Cell::new(std::ptr::null_mut()),
            prev: std::cell::Cell::new(std::ptr::null_mut()),
        })
    }

    /// The head's address, made circular (empty) on first use.
    fn as_ptr(&self) -> *mut GcHeader {
        let p = &self.0 as *const GcHeader as *mut GcHeader;
        if self.0.next.get().is_null() {
            self.0.next.set(p);
            self.0.prev.set(p);
        }
        p
    }

    /// Moves each member in order to the list `to`, calling `f` on it meanwhile with a
    /// handle that keeps it alive. Members that `f` (or the release of the handle) frees
    /// leave the lists and are not visited.
    fn drain_into(&self, to: *mut GcHeader, mut f: impl FnMut(&Obj)) {
        let head = self.as_ptr();
        // SAFETY: both lists are circular through live headers; the member being visited
        // is kept alive by its handle while it moves from `head` to `to`.
        unsafe {
            loop {
                let g = (*head).next.get();
                if g == head {
                    break;
                }
                let o = Obj::from_borrowed(obj_of(g));
                move_to(g, to);
                f(&o);
                drop(o);
            }
        }
    }

    /// Calls `f` on each member in order (as `drain_into`), leaving the survivors here.
    fn for_each(&self, f: impl FnMut(&Obj)) {
        let done = ListHead::new();
        self.drain_into(done.as_ptr(), f);
        // SAFETY: both are list heads of this collection.
        unsafe { merge(done.as_ptr(), self.as_ptr()) };
    }

    /// Whether `f` holds for some member (same contract as `for_each`).
    fn any(&self, mut f: impl FnMut(&Obj) -> bool) -> bool {
        let mut found = false;
        self.for_each(|o| found = found || f(o));
        found
    }
}

impl Drop for ListHead {
    fn drop(&mut self) {
        let p = &self.0 as *const GcHeader as *mut GcHeader;
        debug_assert!(
            self.0.next.get().is_null() || self.0.next.get() == p,
            "a collector list head dropped with members"
        );
    }
}

/// The members of a list, in order.
fn list_members(head: *mut GcHeader) -> Vec<*mut GcHeader> {
    let mut out = Vec::new();
    // SAFETY: generation lists are circular through live headers.
    unsafe {
        let mut cur = (*head).next.get();
        while cur != head {
            out.push(cur);
            cur = (*cur).next.get();
        }
    }
    out
}

/// The number of objects on a generation list.
///
/// # Safety
/// `head` is one of this thread's generation list heads.
pub unsafe fn list_len(head: *mut GcHeader) -> usize {
    let mut n = 0;
    // SAFETY: generation lists are circular through live headers.
    unsafe {
        let mut cur = (*head).next.get();
        while cur != head {
            n += 1;
            cur = (*cur).next.get();
        }
    }
    n
}

/// Unlinks `g` from its list and appends it to `to`.
///
/// # Safety
/// `g` is tracked; `to` is a list head.
unsafe fn move_to(g: *mut GcHeader, to: *mut GcHeader) {
    // SAFETY: forwarded contract; all headers involved are live.
    unsafe {
        let (p, n) = ((*g).prev.get(), (*g).next.get());
        (*p).next.set(n);
        (*n).prev.set(p);
        let last = (*to).prev.get();
        (*g).prev.set(last);
        (*g).next.set(to);
        (*last).next.set(g);
        (*to).prev.set(g);
    }
}

/// Moves every member of list `from` to the end of list `to`, in order (one splice).
///
/// # Safety
/// Both are list heads of this thread's collector.
pub unsafe fn merge(from: *mut GcHeader, to: *mut GcHeader) {
    // SAFETY: forwarded contract; both lists are circular through live headers.
    unsafe {
        let first = (*from).next.get();
        if first == from || from == to {
            return;
        }
        let last = (*from).prev.get();
        let to_last = (*to).prev.get();
        (*to_last).next.set(first);
        (*first).prev.set(to_last);
        (*last).next.set(to);
        (*to).prev.set(last);
        (*from).next.set(from);
        (*from).prev.set(from);
    }
}

/// Unlinks `g` (leaving it untracked).
///
/// # Safety
/// `g` is tracked.
unsafe fn untrack(g: *mut GcHeader) {
    // SAFETY: forwarded contract.
    unsafe {
        let (p, n) = ((*g).prev.get(), (*g).next.get());
        (*p).next.set(n);
        (*n).prev.set(p);
        (*g).next.set(std::ptr::null_mut());
        (*g).prev.set(std::ptr::null_mut());
    }
}

/// Whether a tuple or dict holds only objects that can never be part of a cycle
/// (CPython's `_PyTuple_MaybeUntrack` / `_PyDict_MaybeUntrack`).
fn is_atomic_container(o: &Obj) -> bool {
    let name = o.ty().name();
    if name != "tuple" && name != "dict" {
        return false;
    }
    let mut atomic = true;
    if let Some(tr) = o.ty().slots.traverse.get() {
        tr(o, &mut |child| {
            if let Some(g) = gc_of(child) {
                // SAFETY: `child` is a live GC object.
                if unsafe { super::gc::is_tracked(g) } {
                    atomic = false;
                }
            }
        });
    }
    atomic
}

/// Every tracked object of every generation, the permanent one included (for accounting).
pub fn all_tracked() -> Vec<Obj> {
    let heads: Vec<*mut GcHeader> = with_gc(|s| {
        let mut h: Vec<_> = (0..NUM_GENERATIONS).map(|g| s.head(g)).collect();
        h.push(s.permanent_head());
        h
    });
    let mut out = Vec::new();
    for h in heads {
        for g in list_members(h) {
            // SAFETY: members of a generation list are live tracked objects.
            out.push(unsafe { Obj::from_borrowed(obj_of(g)) });
        }
    }
    out
}

/// Tracked objects in each generation now (walks the lists: O(tracked objects)).
pub fn generation_sizes() -> [usize; NUM_GENERATIONS] {
    // SAFETY: generation heads; the lists are not being changed while this walks them.
    with_gc(|s| std::array::from_fn(|g| unsafe { list_len(s.head(g)) }))
}

/// Runs one collection of `generation` (0..=2).
pub fn collect(generation: usize) -> CollectResult {
    let start = Instant::now();
    let already = with_gc(|s| s.collecting.replace(true));
    if already {
        return CollectResult {
            generation,
            ..Default::default()
        };
    }
    let mut result = CollectResult {
        generation,
        ..Default::default()
    };
    let heads: Vec<*mut GcHeader> = with_gc(|s| (0..NUM_GENERATIONS).map(|g| s.head(g)).collect());
    for (i, h) in heads.iter().enumerate() {
        // SAFETY: `h` is a generation head.
        result.sizes[i] = unsafe { list_len(*h) };
    }
    with_gc(|s: &GcState| {
        for i in 0..=generation {
            s.count[i].set(0);
        }
    });

    // Phase 1: merge younger generations into this one.
    let young = heads[generation];
    for &h in &heads[..generation] {
        // SAFETY: generation heads.
        unsafe { merge(h, young) };
    }
    let older = heads[(generation + 1).min(NUM_GENERATIONS - 1)];

    // Phases 2-4 keep each member's `gc_refs` in its header's `prev` link, as CPython
    // does, so a collection allocates nothing per object; the list stays walkable through
    // `next`, and `prev` is rebuilt in phase 5.

    // Phase 2: gc_refs = ob_refcnt.
    // SAFETY: `young` is a generation head whose members are live tracked objects; nothing
    // links, unlinks or frees objects while phases 2-4 run (traverse only reports references).
    unsafe {
        let mut g = (*young).next.get();
        while g != young {
            let rc = (*obj_of(g).as_ptr()).refcnt.get();
            set_gc_refs_tag(g, collecting_tag(rc.max(0) as usize));
            g = (*g).next.get();
        }
    }

    // Phase 3: subtract references internal to the generation.
    // SAFETY: `young` is a generation head whose members are live tracked objects; nothing
    // links, unlinks or frees objects while phases 2-4 run (traverse only reports references).
    unsafe {
        let mut g = (*young).next.get();
        while g != young {
            with_borrowed(obj_of(g), |o| {
                if let Some(tr) = o.ty().slots.traverse.get() {
                    tr(o, &mut |child| {
                        if let Some(c) = collecting_member(child) {
                            let tag = gc_refs_tag(c);
                            if tag >> REFS_SHIFT > 0 {
                                set_gc_refs_tag(c, tag - (1 << REFS_SHIFT));
                            }
                        }
                    });
                }
            });
            g = (*g).next.get();
        }
    }

    // Phase 4: mark everything reachable from an object referenced from outside, in one
    // pass down the list. A reachable object's references to members the pass has not met
    // yet are only marked (the pass traverses them when it gets there); references back to
    // members it already passed go on `frontier`, walked depth first at once. So `frontier`
    // holds back-references only: none for a list built before its items, one path of a
    // tree built children first (CPython relinks its lists instead, with no side storage).
    let mut frontier: Vec<*mut GcHeader> = Vec::new();
    // Marks the members `o` refers to; queues those the pass already went by.
    let mark_referents = |o: &Obj, frontier: &mut Vec<*mut GcHeader>| {
        if let Some(tr) = o.ty().slots.traverse.get() {
            tr(o, &mut |child| {
                if let Some(c) = collecting_member(child) {
                    // SAFETY: `c` is a live member (`collecting_member`).
                    unsafe {
                        let t = gc_refs_tag(c);
                        if t & REACHABLE == 0 {
                            set_gc_refs_tag(c, t | REACHABLE);
                            if t & SCANNED != 0 {
                                frontier.push(c);
                            }
                        }
                    }
                }
            });
        }
    };
    // SAFETY: as in phase 2; every header on `frontier` is a member.
    unsafe {
        let mut g = (*young).next.get();
        while g != young {
            let mut tag = gc_refs_tag(g) | SCANNED;
            if tag >> REFS_SHIFT > 0 {
                tag |= REACHABLE;
            }
            set_gc_refs_tag(g, tag);
            if tag & REACHABLE != 0 {
                with_borrowed(obj_of(g), |o| mark_referents(o, &mut frontier));
                while let Some(r) = frontier.pop() {
                    with_borrowed(obj_of(r), |o| mark_referents(o, &mut frontier));
                }
            }
            g = (*g).next.get();
        }
    }
    drop(frontier);

    // Phase 5: rebuild the `prev` links, moving the unreachable to a list of their own
    // (CPython's `unreachable`); then promote the survivors (untracking atomic containers,
    // as CPython does). Objects freed later unlink themselves from whichever list holds
    // them; the list heads live on this stack frame and are empty again before it returns.
    let trash = ListHead::new();
    let trash_p = trash.as_ptr();
    // SAFETY: as in phase 2; after this loop every member's `prev` is a real link again,
    // each on `young` or on `trash`.
    unsafe {
        let mut before = young;
        let mut g = (*young).next.get();
        while g != young {
            let next = (*g).next.get();
            if gc_refs_tag(g) & REACHABLE != 0 {
                (*g).prev.set(before);
                (*before).next.set(g);
                before = g;
            } else {
                let last = (*trash_p).prev.get();
                (*g).prev.set(last);
                (*g).next.set(trash_p);
                (*last).next.set(g);
                (*trash_p).prev.set(g);
                result.unreachable += 1;
            }
            g = next;
        }
        (*before).next.set(young);
        (*young).prev.set(before);
    }
    // What is left in `young` survived.
    // SAFETY: `young` is a generation head; its members are live tracked objects.
    unsafe {
        let mut g = (*young).next.get();
        while g != young {
            let next = (*g).next.get();
            if with_borrowed(obj_of(g), is_atomic_container) {
                untrack(g);
            }
            g = next;
        }
        if older != young {
            merge(young, older);
        }
    }

    // Phase 5b: weak references to unreachable objects are cleared before any finalizer
    // can see them; callbacks are queued only for weakrefs that are not garbage themselves.
    let has_weakrefs =
        trash.any(|o| crate::objects::weakref::weak_list(o).is_some_and(|l| !l.is_empty()));
    if has_weakrefs {
        let mut garbage: std::collections::HashSet<usize, ahash::RandomState> = Default::default();
        trash.for_each(|o| {
            garbage.insert(o.addr());
        });
        trash.for_each(|o| {
            crate::objects::weakref::clear_for_collection(o, &|a| garbage.contains(&a))
        });
    }

    // Phase 6 (PEP 442): finalizers run before anything is cleared. Deallocs and the
    // collector cannot call Python, so pending `__del__`s are queued for the VM and this
    // collection leaves the cycle alone; a later collection frees it if nothing resurrected it.
    let mut finalizing = false;
    trash.for_each(|o| {
        if let Some(f) = o.ty().slots.gc_finalize.get() {
            finalizing |= f(o);
        }
    });
    result.finalizers_queued = finalizing;
    let debug = with_gc(|s| s.debug.get());
    let save_all = !finalizing && debug & super::gc::DEBUG_SAVEALL != 0;

    // DEBUG_COLLECTABLE: one line per unreachable object, in CPython's shape. A pass that
    // only queued finalizers stays quiet: the pass after them reports what it collects.
    if !finalizing && debug & super::gc::DEBUG_COLLECTABLE != 0 {
        trash.for_each(|o| eprintln!("gc: collectable <{} {:#x}>", o.ty().name(), o.addr()));
    }

    // Phase 7: break the cycles, one object at a time as CPython's `delete_garbage` does:
    // the collector holds the object it clears (so the clear cannot free it), sets it aside,
    // then lets it go; clearing frees what the cycles kept, and freed objects leave the
    // lists. What is still set aside at the end could not be freed: the uncollectable.
    // DEBUG_SAVEALL keeps the objects instead, for the VM to append to `gc.garbage`.
    if save_all {
        trash.for_each(|o| with_gc(|s| s.saved.borrow_mut().push(o.clone())));
    }
    let kept = ListHead::new();
    if !finalizing && !save_all {
        trash.drain_into(kept.as_ptr(), |o| {
            if let Some(clear) = o.ty().slots.clear.get() {
                clear(o);
            }
        });
        // SAFETY: list heads of this collection; the generation head `older`.
        unsafe {
            result.uncollectable = list_len(kept.as_ptr());
            merge(kept.as_ptr(), older);
        }
    }
    // After a pass that only queued finalizers the objects stay in this generation, for
    // the pass that follows the finalizers; objects kept for DEBUG_SAVEALL are promoted so
    // that young collections do not examine them again.
    let dest = if finalizing { young } else { older };
    // SAFETY: list heads of this collection.
    unsafe { merge(trash_p, dest) };
    result.elapsed = start.elapsed().as_secs_f64();
    // A pass that only queued finalizers is the first half of one collection (the VM runs
    // the finalizers and collects again): only the second pass is counted.
    let counted = !result.finalizers_queued;
    with_gc(|s| {
        s.collecting.set(false);
        if !counted {
            return;
        }
        if generation + 1 < NUM_GENERATIONS {
            let c = &s.count[generation + 1];
            c.set(c.get() + 1);
        }
        s.stats_collections[generation].set(s.stats_collections[generation].get() + 1);
        s.stats_collected[generation]
            .set(s.stats_collected[generation].get() + result.unreachable - result.uncollectable);
        s.stats_uncollectable[generation]
            .set(s.stats_uncollectable[generation].get() + result.uncollectable);
        if super::memreport::is_recording() {
            super::memreport::on_collection(&result);
        }
        if generation == NUM_GENERATIONS - 1 {
            // As CPython's full collections, let the free lists go.
            super::free_list::clear();
            s.long_lived_pending.set(0);
            // SAFETY: a generation head.
            s.long_lived_total
                .set(unsafe { list_len(heads[NUM_GENERATIONS - 1]) });
        } else if generation == NUM_GENERATIONS - 2 {
            // SAFETY: a generation head.
            let promoted = unsafe { list_len(heads[NUM_GENERATIONS - 1]) };
            s.long_lived_pending
                .set(s.long_lived_pending.get() + promoted);
        }
    });
    result
}

/// The automatic collection CPython runs on allocation: choose the oldest generation whose
/// count exceeds its threshold (with the long-lived heuristic for the oldest) and queue its
/// collection for the VM's next instruction boundary (see `heap::pending`), where
/// `gc.callbacks` are called around it.
pub fn maybe_collect() {
    let gen = with_gc(|s| {
        if !s.enabled.get() || s.collecting.get() || s.collect_queued.get() {
            return None;
        }
        if s.count[0].get() <= s.threshold[0].get() || s.threshold[0].get() == 0 {
            return None;
        }
        for g in (0..NUM_GENERATIONS).rev() {
            if s.count[g].get() > s.threshold[g].get() {
                if g == NUM_GENERATIONS - 1
                    && s.long_lived_pending.get() < s.long_lived_total.get() / 4
                {
                    continue;
                }
                return Some(g);
            }
        }
        None
    });
    if let Some(g) = gen {
        with_gc(|s| s.collect_queued.set(true));
        super::pending::push(super::pending::PendingCall::Collect(g));
    }
}

/// Takes the objects `DEBUG_SAVEALL` collections kept (for `gc.garbage`).
pub fn take_saved() -> Vec<Obj> {
    with_gc(|s| std::mem::take(&mut *s.saved.borrow_mut()))
}

/// A collection that prints CPython's `gc.DEBUG_STATS` lines when that flag is set.
pub fn collect_reporting(generation: usize) -> CollectResult {
    let debug = with_gc(|s| s.debug.get());
    let r = collect(generation);
    if debug & super::gc::DEBUG_STATS != 0 && !r.finalizers_queued {
        // SAFETY: the permanent generation's head.
        let permanent = with_gc(|s| unsafe { list_len(s.permanent_head()) });
        eprintln!("gc: collecting generation {generation}...");
        eprintln!(
            "gc: objects in each generation: {} {} {}",
            r.sizes[0], r.sizes[1], r.sizes[2]
        );
        eprintln!("gc: objects in permanent generation: {permanent}");
        eprintln!(
            "gc: done, {} unreachable, {} uncollectable, {:.4}s elapsed",
            r.unreachable, r.uncollectable, r.elapsed
        );
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::Vm;

    /// The checks below need built-in lists and their traversal, so a `Vm`; building one is
    /// most of a test's time under Miri (`scripts/miri`), so one serves them all. Each check
    /// leaves no garbage behind, and runs full collections over everything the bootstrap
    /// made as well as its own objects.
    #[test]
    fn full_collections_free_cycles_and_keep_what_is_reachable() {
        let mut vm = Vm::new();
        a_full_collection_reports_freed_cycles_as_collectable(&mut vm);
        reachability_runs_through_survivors_and_links_are_restored(&mut vm);
        objects_reachable_only_from_younger_ones_survive(&mut vm);
    }

    /// A full collection used to count every surviving object of the oldest generation as
    /// uncollectable (survivors and the unreachable shared one list there).
    fn a_full_collection_reports_freed_cycles_as_collectable(vm: &mut Vm) {
        let keep = vm.new_list(vec![]).unwrap();
        let l = vm.new_list(vec![]).unwrap();
        crate::objects::list::data(&l).push(l.clone()).unwrap();
        drop(l);
        let r = collect(NUM_GENERATIONS - 1);
        assert_eq!(r.unreachable, 1);
        assert_eq!(r.uncollectable, 0);
        drop(keep);
    }

    /// Checks that a circular list's `prev` links mirror its `next` links.
    fn assert_links_consistent(head: *mut GcHeader) {
        // SAFETY: a generation head of this thread; its members are live.
        unsafe {
            let mut g = head;
            loop {
                let next = (*g).next.get();
                assert_eq!((*next).prev.get(), g, "prev link not restored");
                g = next;
                if g == head {
                    break;
                }
            }
        }
    }

    /// Objects reachable only through a survivor survive, however deep; garbage cycles are
    /// found; and every `prev` word used for gc_refs is a link again afterwards.
    fn reachability_runs_through_survivors_and_links_are_restored(vm: &mut Vm) {
        let new_list = |vm: &mut Vm| vm.new_list(vec![]).unwrap();
        let push = |l: &Obj, v: &Obj| crate::objects::list::data(l).push(v.clone()).unwrap();
        // keep -> a -> b <-> c (a, b and c are referenced only from inside the generation).
        let keep = new_list(vm);
        let (a, b, c) = (new_list(vm), new_list(vm), new_list(vm));
        push(&keep, &a);
        push(&a, &b);
        push(&b, &c);
        push(&c, &b);
        drop((a, b, c));
        // d <-> e: garbage.
        let (d, e) = (new_list(vm), new_list(vm));
        push(&d, &e);
        push(&e, &d);
        drop((d, e));
        let r = collect(NUM_GENERATIONS - 1);
        assert_eq!(r.unreachable, 2);
        assert_eq!(r.uncollectable, 0);
        for g in 0..NUM_GENERATIONS {
            assert_links_consistent(with_gc(|s| s.head(g)));
        }
        let a = crate::objects::list::data(&keep).get(0).unwrap();
        assert_eq!(crate::objects::list::data(&a).len(), 1);
        drop(a);
        drop(keep);
        // Without `keep`, b <-> c is garbage.
        assert_eq!(collect(NUM_GENERATIONS - 1).unreachable, 2);
    }

    /// Objects reachable only through members created after them (back-references for the
    /// marking pass, which walks the list oldest first) survive, however long the chain.
    fn objects_reachable_only_from_younger_ones_survive(vm: &mut Vm) {
        let push = |l: &Obj, v: &Obj| crate::objects::list::data(l).push(v.clone()).unwrap();
        // chain[i + 1] holds chain[i]; chain[0] also holds the last one (a cycle).
        let chain: Vec<Obj> = (0..5).map(|_| vm.new_list(vec![]).unwrap()).collect();
        for w in chain.windows(2) {
            push(&w[1], &w[0]);
        }
        push(&chain[0], &chain[4]);
        let mut chain = chain;
        let last = chain.pop().unwrap();
        drop(chain);
        let r = collect(NUM_GENERATIONS - 1);
        assert_eq!(r.unreachable, 0);
        let mut cur = last.clone();
        for _ in 0..4 {
            let next = crate::objects::list::data(&cur).get(0).unwrap();
            cur = next;
        }
        assert_eq!(crate::objects::list::data(&cur).len(), 1);
        drop((cur, last));
        assert_eq!(collect(NUM_GENERATIONS - 1).unreachable, 5);
    }
}
