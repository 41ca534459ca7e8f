//! Interpreter teardown and heap accounting: the snapshot of the heap taken at startup (the
//! permanent objects), the finalization that runs when a program ends, and the comparison
//! behind `-X showrefcount` and the leak check.
//!
//! Invariants and rules:
//! - The snapshot is taken after the built-in modules, types, small ints and startup interned
//!   strings exist and `sys.argv` is set, but before the program is compiled. Everything alive
//!   then is "permanent"; after a clean run and [`finalize`], the allocator holds exactly the
//!   snapshot's blocks again and the total reference count is the snapshot's.
//! - The snapshot holds its own references to the startup contents of `sys.modules` and of every
//!   startup module's dict. Those references exist both when the baseline is measured and at
//!   exit, so they cancel out.
//! - Interned strings: identifiers the program's code interned (names, attribute names, ...)
//!   are not leaks; they belong to the program, not to the interpreter. Teardown drops every
//!   interned entry whose text was not interned at startup; the ones that were stay permanent.

use std::collections::HashSet;

use crate::heap::alloc::with_obmalloc;
use crate::heap::collector;
use crate::heap::gc::{with_gc, NUM_GENERATIONS};
use crate::heap::Obj;
use crate::objects::{dict, list, module};
use crate::vm::Vm;

/// The allocator and reference-count totals at one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeapTotals {
    /// Σ ob_refcnt over live objects (`None` when this build does not keep it).
    pub refs: Option<isize>,
    /// Blocks handed out by the allocator (small and large).
    pub blocks: usize,
}

impl HeapTotals {
    pub fn now() -> HeapTotals {
        // Kept float blocks are a cache, not objects: CPython's finalization empties its free
        // lists before it reports, and snapshots compare equal only without them.
        crate::heap::free_list::clear();
        HeapTotals {
            refs: crate::heap::handle::ref_total(),
            blocks: with_obmalloc(|m| m.allocated_blocks()),
        }
    }

    /// CPython's `-X showrefcount` line (without the newline).
    pub fn showrefcount_line(&self) -> Option<String> {
        self.refs
            .map(|r| format!("[{r} refs, {} blocks]", self.blocks))
    }
}

/// What the interpreter looked like before the program ran.
pub struct Snapshot {
    /// `sys.modules` entries.
    modules: Vec<(Obj, Obj)>,
    /// For each startup module (by position in `modules`), its dict and entries.
    module_dicts: Vec<(Obj, Vec<(Obj, Obj)>)>,
    /// Startup lists held by module attributes (`sys.argv`, `sys.path`, `gc.garbage`, ...)
    /// and their items, so that what the program appended to them is released.
    lists: Vec<(Obj, Vec<Obj>)>,
    /// Texts of the interned strings that existed.
    interned: HashSet<Box<str>>,
    /// Tracked container counts by type name, to name the types of leaked objects.
    tracked_by_type: Vec<(String, usize)>,
    /// Measured last, with the snapshot's own references in place.
    pub totals: HeapTotals,
}

impl Snapshot {
    pub fn take(vm: &mut Vm) -> Snapshot {
        let modules = dict::data(&vm.modules).items();
        let module_dicts: Vec<(Obj, Vec<(Obj, Obj)>)> = modules
            .iter()
            .filter(|(_, m)| m.ty().name() == "module")
            .map(|(_, m)| {
                let d = module::module_dict(m).clone();
                let entries = dict::data(&d).items();
                (d, entries)
            })
            .collect();
        let lists = module_dicts
            .iter()
            .flat_map(|(_, entries)| entries.iter())
            .filter_map(|(_, v)| list::try_data(v).map(|l| (v.clone(), l.snapshot())))
            .collect();
        let interned = vm.interned.keys().cloned().collect();
        let tracked_by_type = tracked_by_type();
        // Measured with an empty type attribute cache, as `finalize` leaves it.
        vm.type_attr_cache.clear();
        Snapshot {
            modules,
            module_dicts,
            lists,
            interned,
            tracked_by_type,
            totals: HeapTotals::now(),
        }
    }

    /// A report of GC-tracked objects alive now but not at startup, by type (for the leak
    /// check; untracked objects such as strings show only in the block count).
    pub fn tracked_growth(&self) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        for (name, n) in tracked_by_type() {
            let before = self
                .tracked_by_type
                .iter()
                .find(|(t, _)| *t == name)
                .map_or(0, |(_, c)| *c);
            if n > before {
                out.push((name, n - before));
            }
        }
        out
    }
}

/// Counts of tracked containers in every generation (permanent included), by type name.
fn tracked_by_type() -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for o in collector::all_tracked() {
        let name = o.ty().name().to_string();
        match counts.iter_mut().find(|(t, _)| *t == name) {
            Some(e) => e.1 += 1,
            None => counts.push((name, 1)),
        }
    }
    counts.sort();
    counts
}

/// Finalizes the interpreter after the program ended (normally, by an uncaught exception or
/// by `SystemExit`): releases `__main__`'s globals, puts `sys.modules` and the startup
/// modules back as they were, collects every cycle (running finalizers, as CPython's shutdown
/// collection does) and forgets the identifiers the program interned.
pub fn finalize(vm: &mut Vm, main_globals: Obj, snap: &Snapshot) {
    vm.run_pending();
    // The program's `gc.set_debug` output is not wanted for the shutdown collections (their
    // numbers are the interpreter's, not the program's).
    with_gc(|s| s.debug.set(0));
    // CPython collects garbage cycles before it clears module globals, so a cycle the
    // program dropped is finalized before the objects its globals still hold.
    collect_all(vm);
    vm.handled = None;
    vm.returned = None;
    // Then `__main__` and the other modules the program added leave `sys.modules`, as
    // CPython's finalization removes them. A module dict that nothing else holds is freed at
    // once (its entries first to last); one in a cycle (any module that defines a function or
    // class: `f.__globals__` is the dict) is left to the collector, which runs the `__del__`
    // of everything it holds while the globals are still intact, as CPython's shutdown
    // collection does, before breaking the cycles.
    drop(main_globals);
    drop(dict::data(&vm.modules).clear());
    for (k, v) in &snap.modules {
        let _ = vm.dict_set(&vm.modules.clone(), k.clone(), v.clone());
    }
    vm.run_pending();
    collect_all(vm);
    // Startup modules get their startup attributes back, which releases whatever the program
    // stored in them (`sys.foo = obj`, a replaced `sys.argv`, ...).
    for (d, entries) in &snap.module_dicts {
        let old = dict::data(d).clear();
        for (k, v) in entries {
            let _ = vm.dict_set(d, k.clone(), v.clone());
        }
        drop(old);
        vm.run_pending();
    }
    // Startup lists get their startup items back (CPython clears `gc.garbage` at exit too).
    for (l, items) in &snap.lists {
        if let Ok(old) = list::data(l).replace_all(items.clone()) {
            drop(old);
            vm.run_pending();
        }
    }
    // Objects the program froze are collectable again.
    // SAFETY: the permanent and oldest generation heads.
    with_gc(|s| unsafe { collector::merge(s.permanent_head(), s.head(NUM_GENERATIONS - 1)) });
    collect_all(vm);
    // The type attribute cache owns the names it was asked about; it is a cache, not state.
    vm.type_attr_cache.clear();
    vm.interned.retain(|k, _| snap.interned.contains(k));
}

/// Full collections (with the finalizers they queue) until one finds nothing: finalizers may
/// create garbage or resurrect objects. The program's `gc.disable()` does not apply at exit.
fn collect_all(vm: &mut Vm) {
    for _ in 0..8 {
        let r = collector::collect(NUM_GENERATIONS - 1);
        vm.run_pending();
        if r.unreachable == 0 && !r.finalizers_queued {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snapshot_sees_objects_kept_past_teardown() {
        let mut vm = Vm::new();
        let snap = Snapshot::take(&mut vm);
        assert_eq!(HeapTotals::now(), snap.totals);
        let kept = vm.new_list(vec![]).unwrap();
        let now = HeapTotals::now();
        assert_eq!(now.blocks, snap.totals.blocks + 1);
        assert_eq!(now.refs.map(|r| r - 1), snap.totals.refs);
        assert_eq!(snap.tracked_growth(), vec![("list".to_string(), 1)]);
        drop(kept);
        assert_eq!(HeapTotals::now(), snap.totals);
    }
}
