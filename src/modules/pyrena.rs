//! The `pyrena` module: Pyrena's own heap, seen from Python.
//!
//! - `_pyrena` (this file, Rust): `heap_snapshot()` — the allocator's arenas and pools, the
//!   size classes, the per-type census and the collector's generations, as plain Python data —
//!   and `_frame_holders(obj)`, the running frames whose variables hold `obj` (frames are not
//!   objects the collector can see, so `gc.get_referrers` cannot find them).
//! - `pyrena` (`pyrena.py` beside this file, frozen into the binary): re-exports
//!   `heap_snapshot` and adds `refgraph(obj, depth=3)`, the referrer chains that keep an object
//!   alive, as text and as Graphviz DOT.
//!
//! `heap_snapshot()` reads every number before it builds its result, so the snapshot shows the
//! heap as it was when called, not including the snapshot's own objects.

use crate::heap::alloc::with_obmalloc;
use crate::heap::census;
use crate::heap::collector::generation_sizes;
use crate::heap::obmalloc::{class_size, PoolState, NB_SMALL_SIZE_CLASSES};
use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::function::BuiltinFn;
use crate::objects::module::module_dict;
use crate::vm::{PyResult, Vm};

/// The file name of the frozen Python layer's code (its frames are skipped by
/// `_frame_holders`: `refgraph`'s own variables are not what keeps an object alive).
pub const FROZEN_FILENAME: &str = "<frozen pyrena>";

/// The Python layer's source.
pub const PYRENA_PY: &str = include_str!("pyrena.py");

/// Creates the `_pyrena` module.
pub fn create_native(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("_pyrena")?;
    let d = module_dict(&m).clone();
    let funcs: &[(&'static str, BuiltinFn)] = &[
        ("heap_snapshot", heap_snapshot),
        ("_frame_holders", frame_holders),
        // Like faulthandler._sigsegv: fails on purpose, so tests can check the report of an
        // internal error (vm::internal_error).
        ("_panic", |vm, a| {
            a.exact(vm, "_panic", 0, 0)?;
            panic!("deliberate internal error (_pyrena._panic)");
        }),
    ];
    for (name, f) in funcs {
        let o = vm.new_builtin(name, *f)?;
        vm.dict_set_str(&d, name, o)?;
    }
    Ok(m)
}

/// `heap_snapshot()`: a dict of plain data (see `pyrena.py`'s docstring for the keys).
fn heap_snapshot(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    args.exact(vm, "heap_snapshot", 0, 0)?;
    // Everything is read first: building the result allocates.
    let (stats, map) = with_obmalloc(|m| (m.stats(), m.arena_map()));
    let types = census::live_types();
    let generations = generation_sizes();

    let out = vm.new_dict()?;
    for (key, value) in [
        ("bytes_in_use", stats.bytes_in_use),
        ("peak_bytes", stats.peak_bytes),
        ("arenas_allocated", stats.arenas_allocated_total),
        ("arenas_reclaimed", stats.arenas_reclaimed),
        ("arenas_highwater", stats.arenas_highwater),
    ] {
        let v = vm.new_usize(value)?;
        vm.dict_set_str(&out, key, v)?;
    }

    let mut arenas = Vec::with_capacity(map.len());
    for row in &map {
        let mut pools = Vec::with_capacity(row.pools.len());
        for pool in &row.pools {
            let (state, size, used, capacity) = match *pool {
                PoolState::Untouched => ("untouched", 0, 0, 0),
                PoolState::Empty => ("empty", 0, 0, 0),
                PoolState::InUse {
                    class,
                    used,
                    capacity,
                } => {
                    let state = if used == capacity { "full" } else { "used" };
                    (state, class_size(class), used, capacity)
                }
            };
            let fields = vec![
                vm.intern(state),
                vm.new_usize(size)?,
                vm.new_usize(used)?,
                vm.new_usize(capacity)?,
            ];
            pools.push(vm.new_tuple(fields)?);
        }
        let a = vm.new_dict()?;
        let address = vm.new_usize(row.address)?;
        vm.dict_set_str(&a, "address", address)?;
        let pools = vm.new_list(pools)?;
        vm.dict_set_str(&a, "pools", pools)?;
        arenas.push(a);
    }
    let arenas = vm.new_list(arenas)?;
    vm.dict_set_str(&out, "arenas", arenas)?;

    let mut classes = Vec::with_capacity(NB_SMALL_SIZE_CLASSES);
    for (class, c) in stats.classes.iter().enumerate() {
        let e = vm.new_dict()?;
        for (key, value) in [
            ("size", class_size(class)),
            ("pools", c.pools_in_use),
            ("blocks_in_use", c.blocks_in_use),
            ("blocks_available", c.avail_blocks),
        ] {
            let v = vm.new_usize(value)?;
            vm.dict_set_str(&e, key, v)?;
        }
        classes.push(e);
    }
    let classes = vm.new_list(classes)?;
    vm.dict_set_str(&out, "size_classes", classes)?;

    let large = vm.new_dict()?;
    let n = vm.new_usize(stats.large_allocations)?;
    vm.dict_set_str(&large, "count", n)?;
    let n = vm.new_usize(stats.large_bytes)?;
    vm.dict_set_str(&large, "bytes", n)?;
    vm.dict_set_str(&out, "large", large)?;

    // Types with the same name are added up: the keys are names.
    let by_name = vm.new_dict()?;
    let mut merged: Vec<(String, usize, usize)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for t in types {
        match index.get(&t.name) {
            Some(&i) => {
                merged[i].1 += t.count;
                merged[i].2 += t.bytes;
            }
            None => {
                index.insert(t.name.clone(), merged.len());
                merged.push((t.name, t.count, t.bytes));
            }
        }
    }
    for (name, count, bytes) in merged {
        let pair = vec![vm.new_usize(count)?, vm.new_usize(bytes)?];
        let pair = vm.new_tuple(pair)?;
        vm.dict_set_str(&by_name, &name, pair)?;
    }
    vm.dict_set_str(&out, "types", by_name)?;

    let gens = generations
        .iter()
        .map(|&n| vm.new_usize(n))
        .collect::<PyResult<Vec<_>>>()?;
    let gens = vm.new_list(gens)?;
    vm.dict_set_str(&out, "gc_generations", gens)?;
    Ok(out)
}

/// `_frame_holders(obj)`: `(function qualname, filename, line, variable)` for every running
/// frame (innermost first) with a variable bound to `obj`; `variable` is None when `obj` is
/// held on the frame's evaluation stack instead (an operand or a call in progress). Frames of
/// the `pyrena` module itself are skipped.
fn frame_holders(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let [target] = args.bind(vm, "_frame_holders", ["obj"], 1, 1)?;
    let target = target.expect("bound: one required argument");
    let mut found: Vec<(String, String, u32, Option<String>)> = Vec::new();
    for (i, f) in vm.frames.iter().enumerate().rev() {
        let code = vm.code_of(&f.code);
        if code.filename == FROZEN_FILENAME {
            continue;
        }
        let names: Vec<&String> = code
            .varnames
            .iter()
            .chain(&code.cellvars)
            .chain(&code.freevars)
            .collect();
        // The frame's slots: its variables, then its evaluation stack up to the next frame.
        let end = vm
            .frames
            .get(i + 1)
            .map_or(vm.stack.len(), |next| next.cleanup_to.min(vm.stack.len()));
        let line = crate::vm::alloc_frames::line_of(code, f.ip);
        for (slot, value) in vm.stack[f.base.min(end)..end].iter().enumerate() {
            if value.as_ref().is_some_and(|v| v.is(target)) {
                let var = names.get(slot).map(|n| n.to_string());
                found.push((code.qualname.clone(), code.filename.clone(), line, var));
            }
        }
    }
    let mut out = Vec::with_capacity(found.len());
    for (qualname, filename, line, var) in found {
        let var = match var {
            Some(v) => vm.new_str(&v)?,
            None => vm.none.clone(),
        };
        let t = vec![
            vm.new_str(&qualname)?,
            vm.new_str(&filename)?,
            vm.new_usize(line as usize)?,
            var,
        ];
        out.push(vm.new_tuple(t)?);
    }
    vm.new_list(out)
}
