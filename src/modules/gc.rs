//! The `gc` module: the Python face of the cycle collector in `heap::collector` — explicit
//! collection, thresholds and counts, enabling, tracking queries, statistics, debug flags,
//! callbacks, `gc.garbage`, and the permanent generation (`freeze`).
//!
//! Every collection the VM runs goes through `run_collection`, explicit (`gc.collect`) or
//! automatic (queued by an allocation, run at the next instruction boundary): `gc.callbacks`
//! "start", the collection, finalizers and weakref callbacks, objects kept by DEBUG_SAVEALL
//! appended to `gc.garbage`, then "stop" — CPython's order. Collections do not nest.

use crate::heap::alloc::gc_header_of;
use crate::heap::collector::{self, list_len};
use crate::heap::gc::{self as gcstate, with_gc, NUM_GENERATIONS};
use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::module::module_dict;
use crate::vm::{PyResult, Vm};

pub fn create(vm: &mut Vm) -> Obj {
    let m = vm.new_module("gc").expect("startup");
    let d = module_dict(&m).clone();
    let funcs: &[(&'static str, crate::objects::function::BuiltinFn)] = &[
        ("collect", gc_collect),
        ("get_threshold", |vm, a| {
            a.exact(vm, "get_threshold", 0, 0)?;
            let t: Vec<usize> = with_gc(|s| s.threshold.iter().map(|c| c.get()).collect());
            ints_tuple(vm, &t)
        }),
        ("set_threshold", gc_set_threshold),
        ("get_count", |vm, a| {
            a.exact(vm, "get_count", 0, 0)?;
            let c: Vec<usize> = with_gc(|s| s.count.iter().map(|c| c.get()).collect());
            ints_tuple(vm, &c)
        }),
        ("enable", |vm, a| {
            a.exact(vm, "enable", 0, 0)?;
            with_gc(|s| s.enabled.set(true));
            Ok(vm.none.clone())
        }),
        ("disable", |vm, a| {
            a.exact(vm, "disable", 0, 0)?;
            with_gc(|s| s.enabled.set(false));
            Ok(vm.none.clone())
        }),
        ("isenabled", |vm, a| {
            a.exact(vm, "isenabled", 0, 0)?;
            Ok(vm.new_bool(with_gc(|s| s.enabled.get())))
        }),
        ("is_tracked", |vm, a| {
            let p = a.exact(vm, "is_tracked", 1, 1)?;
            Ok(vm.new_bool(is_tracked(&p[0])))
        }),
        ("get_objects", gc_get_objects),
        ("get_referents", |vm, a| {
            a.no_kwargs(vm, "get_referents")?;
            let mut out = Vec::new();
            for o in a.pos() {
                if !o.ty().has_gc() {
                    continue;
                }
                if let Some(tr) = o.ty().slots.traverse.get() {
                    tr(o, &mut |c| out.push(c.clone()));
                }
            }
            vm.new_list(out)
        }),
        ("get_referrers", gc_get_referrers),
        ("get_stats", gc_get_stats),
        ("get_debug", |vm, a| {
            a.exact(vm, "get_debug", 0, 0)?;
            let d = with_gc(|s| s.debug.get());
            vm.new_int(d as i64)
        }),
        ("set_debug", |vm, a| {
            let p = a.exact(vm, "set_debug", 1, 1)?;
            let f = vm.index_i64(&p[0])?;
            with_gc(|s| s.debug.set(f as u32));
            Ok(vm.none.clone())
        }),
        ("freeze", |vm, a| {
            a.exact(vm, "freeze", 0, 0)?;
            with_gc(|s| {
                let perm = s.permanent_head();
                for g in 0..NUM_GENERATIONS {
                    // SAFETY: generation and permanent heads.
                    unsafe { collector::merge(s.head(g), perm) };
                }
            });
            Ok(vm.none.clone())
        }),
        ("unfreeze", |vm, a| {
            a.exact(vm, "unfreeze", 0, 0)?;
            // SAFETY: the permanent and oldest generation heads.
            with_gc(|s| unsafe {
                collector::merge(s.permanent_head(), s.head(NUM_GENERATIONS - 1))
            });
            Ok(vm.none.clone())
        }),
        ("get_freeze_count", |vm, a| {
            a.exact(vm, "get_freeze_count", 0, 0)?;
            // SAFETY: the permanent generation's head.
            let n = with_gc(|s| unsafe { list_len(s.permanent_head()) });
            vm.new_usize(n)
        }),
    ];
    for (name, f) in funcs {
        let o = vm.new_builtin(name, *f).expect("startup");
        vm.dict_set_str(&d, name, o).expect("startup");
    }
    for (name, v) in [
        ("DEBUG_STATS", gcstate::DEBUG_STATS),
        ("DEBUG_COLLECTABLE", gcstate::DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", gcstate::DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", gcstate::DEBUG_SAVEALL),
        ("DEBUG_LEAK", gcstate::DEBUG_LEAK),
    ] {
        let n = vm.new_int(v as i64).expect("startup");
        vm.dict_set_str(&d, name, n).expect("startup");
    }
    let garbage = vm.new_list(vec![]).expect("startup");
    vm.dict_set_str(&d, "garbage", garbage).expect("startup");
    let callbacks = vm.new_list(vec![]).expect("startup");
    vm.dict_set_str(&d, "callbacks", callbacks)
        .expect("startup");
    m
}

fn ints_tuple(vm: &mut Vm, v: &[usize]) -> PyResult<Obj> {
    let items = v
        .iter()
        .map(|n| vm.new_usize(*n))
        .collect::<PyResult<Vec<_>>>()?;
    vm.new_tuple(items)
}

fn is_tracked(o: &Obj) -> bool {
    if !o.ty().has_gc() {
        return false;
    }
    // SAFETY: GC-type objects carry a GC header in front.
    unsafe { gcstate::is_tracked(gc_header_of(o.as_nonnull())) }
}

fn module_attr(vm: &mut Vm, name: &str) -> Option<Obj> {
    let key = vm.intern("gc");
    let m = crate::objects::dict::data(&vm.modules).get_str(&key)?;
    let d = module_dict(&m).clone();
    let k = vm.intern(name);
    crate::objects::dict::data(&d).get_str(&k)
}

/// Calls each `gc.callbacks` entry with `(phase, info)`; their errors cannot propagate
/// out of a collection, so they are reported as unraisable, as CPython does.
fn run_callbacks(
    vm: &mut Vm,
    phase: &str,
    generation: usize,
    collected: usize,
    uncollectable: usize,
) -> PyResult<()> {
    let Some(cbs) = module_attr(vm, "callbacks") else {
        return Ok(());
    };
    if crate::objects::list::try_data(&cbs).is_none() {
        return Ok(());
    }
    let list = crate::objects::list::data(&cbs).snapshot();
    if list.is_empty() {
        return Ok(());
    }
    let info = vm.new_dict()?;
    let g = vm.new_usize(generation)?;
    vm.dict_set_str(&info, "generation", g)?;
    let c = vm.new_usize(collected)?;
    vm.dict_set_str(&info, "collected", c)?;
    let u = vm.new_usize(uncollectable)?;
    vm.dict_set_str(&info, "uncollectable", u)?;
    let p = vm.new_str(phase)?;
    for cb in list {
        if let Err(e) = vm.call(&cb, &[p.clone(), info.clone()]) {
            vm.report_unraisable(&e.exc, &cb);
        }
    }
    Ok(())
}

/// One collection of `generation` as the VM runs it, explicit or automatic: `gc.callbacks`
/// around it, finalizers of the unreachable objects run and what they did not resurrect
/// freed in the same collection, weakref callbacks run, and objects kept by
/// `DEBUG_SAVEALL` moved to `gc.garbage`. Returns the number of unreachable objects.
fn run_collection(vm: &mut Vm, generation: usize) -> PyResult<usize> {
    if RUNNING.with(|r| r.replace(true)) {
        return Ok(0);
    }
    // No automatic collection is queued while this one runs (the callbacks and finalizers
    // allocate), as CPython does not collect while collecting.
    with_gc(|s| s.collect_queued.set(true));
    let r = run_collection_inner(vm, generation);
    with_gc(|s| s.collect_queued.set(false));
    RUNNING.with(|r| r.set(false));
    r
}

thread_local! {
    /// A collection run by `run_collection` is in progress (callbacks included).
    static RUNNING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn run_collection_inner(vm: &mut Vm, generation: usize) -> PyResult<usize> {
    run_callbacks(vm, "start", generation, 0, 0)?;
    let mut r = collector::collect_reporting(generation);
    if r.finalizers_queued {
        // Run the queued __del__ methods now, then collect what they did not resurrect, so
        // one collection frees a cycle with finalizers, as in CPython.
        vm.run_pending();
        // CPython counts what is still unreachable after finalizers (resurrected objects
        // are not counted).
        r = collector::collect_reporting(generation);
    }
    let saved = collector::take_saved();
    if !saved.is_empty() {
        if let Some(garbage) = module_attr(vm, "garbage") {
            if let Some(l) = crate::objects::list::try_data(&garbage) {
                for o in saved {
                    l.push(o).map_err(|_| vm.memory_error())?;
                }
            }
        }
    }
    vm.run_pending();
    run_callbacks(
        vm,
        "stop",
        generation,
        r.unreachable - r.uncollectable,
        r.uncollectable,
    )?;
    Ok(r.unreachable)
}

/// An automatic collection queued by an allocation (see `heap::collector::maybe_collect`).
pub fn automatic_collect(vm: &mut Vm, generation: usize) {
    if RUNNING.with(|r| r.get()) {
        // Queued before an explicit collection that is now running: that one suffices.
        return;
    }
    with_gc(|s| s.collect_queued.set(false));
    if let Err(e) = run_collection(vm, generation) {
        let ctx = vm.none.clone();
        vm.report_unraisable(&e.exc, &ctx);
    }
}

/// `gc.collect(generation=2)`: returns the number of unreachable objects found.
fn gc_collect(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let [generation] = args.bind(vm, "collect", ["generation"], 0, 0)?;
    let g = match generation {
        Some(g) => vm.index_i64(g)?,
        None => 2,
    };
    if !(0..NUM_GENERATIONS as i64).contains(&g) {
        return Err(vm.value_error("invalid generation".into()));
    }
    let n = run_collection(vm, g as usize)?;
    vm.new_usize(n)
}

fn gc_set_threshold(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "set_threshold", 1, 3)?;
    let mut vals = Vec::new();
    for v in p {
        vals.push(vm.index_i64(v)?.max(0) as usize);
    }
    with_gc(|s| {
        for (i, v) in vals.iter().enumerate() {
            s.threshold[i].set(*v);
        }
    });
    Ok(vm.none.clone())
}

/// Every tracked object, or those of one generation.
fn tracked_objects(generation: Option<usize>) -> Vec<Obj> {
    let heads: Vec<_> = with_gc(|s| match generation {
        Some(g) => vec![s.head(g)],
        None => (0..NUM_GENERATIONS).map(|g| s.head(g)).collect(),
    });
    let mut out = Vec::new();
    for h in heads {
        // SAFETY: generation lists are circular through live headers of live objects.
        unsafe {
            let mut cur = (*h).next.get();
            while cur != h {
                let o = std::ptr::NonNull::new_unchecked(
                    (cur as *mut u8).add(crate::heap::header::GC_HEADER_SIZE)
                        as *mut crate::heap::ObjHeader,
                );
                out.push(Obj::from_borrowed(o));
                cur = (*cur).next.get();
            }
        }
    }
    out
}

fn gc_get_objects(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let [generation] = args.bind(vm, "get_objects", ["generation"], 0, 0)?;
    let g = match generation {
        Some(g) if !g.is(&vm.none) => {
            let g = vm.index_i64(g)?;
            if g >= NUM_GENERATIONS as i64 {
                return Err(vm.value_error(format!(
                    "generation parameter must be less than the number of available generations ({NUM_GENERATIONS})"
                )));
            }
            if g < 0 {
                return Err(vm.value_error("generation parameter cannot be negative".into()));
            }
            Some(g as usize)
        }
        _ => None,
    };
    let objs = tracked_objects(g);
    vm.new_list(objs)
}

fn gc_get_referrers(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    args.no_kwargs(vm, "get_referrers")?;
    let targets: Vec<usize> = args.pos().iter().map(Obj::addr).collect();
    let mut out = Vec::new();
    for o in tracked_objects(None) {
        let mut hit = false;
        if let Some(tr) = o.ty().slots.traverse.get() {
            tr(&o, &mut |c| {
                if targets.contains(&c.addr()) {
                    hit = true;
                }
            });
        }
        if hit {
            out.push(o);
        }
    }
    vm.new_list(out)
}

fn gc_get_stats(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    args.exact(vm, "get_stats", 0, 0)?;
    let mut out = Vec::new();
    for g in 0..NUM_GENERATIONS {
        let (c, col, un) = with_gc(|s| {
            (
                s.stats_collections[g].get(),
                s.stats_collected[g].get(),
                s.stats_uncollectable[g].get(),
            )
        });
        let d = vm.new_dict()?;
        let v = vm.new_usize(c)?;
        vm.dict_set_str(&d, "collections", v)?;
        let v = vm.new_usize(col)?;
        vm.dict_set_str(&d, "collected", v)?;
        let v = vm.new_usize(un)?;
        vm.dict_set_str(&d, "uncollectable", v)?;
        out.push(d);
    }
    vm.new_list(out)
}
