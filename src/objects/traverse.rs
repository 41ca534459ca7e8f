//! The collector's view of each built-in container: `traverse` visits every reference an
//! object holds, `clear` drops the ones that can be dropped to break a cycle (CPython's
//! `tp_traverse` / `tp_clear`).
//!
//! Rule: traverse must visit each reference exactly once per reference held (the collector
//! subtracts one per visit); clear must leave the object valid (empty, not dangling). Fields
//! that are plain `Obj` (never absent) are visited but cannot be cleared; every cycle through
//! them also passes through a clearable container (a dict, a list, an instance dict, a cell).

use crate::heap::{Obj, ObjSlot};
use crate::objects::class::InstanceData;
use crate::objects::descr::{MethodData, PropertyData, SuperData};
use crate::objects::exception::{ExceptionData, TracebackData};
use crate::objects::function::{BuiltinData, BuiltinKind, FunctionData};
use crate::objects::iter::{
    CallIterData, DictIterData, EnumerateData, FilterData, MapData, SeqIterData, ZipData,
};
use crate::objects::module::ModuleData;
use crate::objects::pybox::payload;
use crate::objects::simple::CellData;
use crate::objects::typeobj::{as_type, ClearFn, TraverseFn};
use crate::objects::{dict, list, tuple};
use crate::vm::Vm;

fn slot(s: &ObjSlot, visit: &mut dyn FnMut(&Obj)) {
    s.with(|o| {
        if let Some(o) = o {
            visit(o);
        }
    });
}

/// The payload of a `PyBox<T>` object whose type uses that layout.
fn data<T>(o: &Obj) -> &T {
    // SAFETY: each traverse/clear function below is installed only on types with layout
    // `PyBox<T>` for its `T`.
    unsafe { payload::<T>(o) }
}

/// Lists and tuples are visited last item first, as CPython's traverse does (the order
/// `gc.get_referents` shows).
fn list_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    // The visit callback never runs Python code or touches the list.
    list::data(o).with_items(|items| items.iter().rev().for_each(&mut *visit));
}

fn list_clear(o: &Obj) {
    drop(list::data(o).take_all());
}

fn tuple_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    tuple::items(o).iter().rev().for_each(&mut *visit);
}

fn dict_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    dict::data(o).with_entries(|entries| {
        for e in entries {
            visit(&e.key);
            visit(&e.value);
        }
    });
}

fn dict_clear(o: &Obj) {
    drop(dict::data(o).clear());
}

fn function_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let f = data::<FunctionData>(o);
    visit(&f.code);
    visit(&f.globals);
    visit(&f.builtins);
    for s in [
        &f.name,
        &f.qualname,
        &f.defaults,
        &f.kwdefaults,
        &f.closure,
        &f.doc,
        &f.module,
        &f.dict,
    ] {
        slot(s, visit);
    }
}

fn function_clear(o: &Obj) {
    let f = data::<FunctionData>(o);
    for s in [
        &f.defaults,
        &f.kwdefaults,
        &f.closure,
        &f.doc,
        &f.module,
        &f.dict,
    ] {
        s.set(None);
    }
}

fn builtin_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let BuiltinKind::Bound(_, this) = &data::<BuiltinData>(o).kind {
        visit(this);
    }
}

fn module_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&data::<ModuleData>(o).dict);
}

fn cell_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    slot(&data::<CellData>(o).value, visit);
}

fn cell_clear(o: &Obj) {
    data::<CellData>(o).value.set(None);
}

fn traceback_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let t = data::<TracebackData>(o);
    slot(&t.next, visit);
    visit(&t.code);
    visit(&t.globals);
}

fn traceback_clear(o: &Obj) {
    data::<TracebackData>(o).next.set(None);
}

pub fn exception_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let e = data::<ExceptionData>(o);
    for s in [&e.args, &e.traceback, &e.cause, &e.context] {
        slot(s, visit);
    }
    visit_instance_dict(&e.dict, visit);
}

fn exception_clear(o: &Obj) {
    let e = data::<ExceptionData>(o);
    for s in [&e.traceback, &e.cause, &e.context] {
        s.set(None);
    }
    clear_instance_dict(&e.dict);
}

/// A heap type holds its namespace, bases and MRO (static types are never tracked).
pub fn type_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let t = as_type(o);
    for s in [&t.dict, &t.bases, &t.base, &t.mro] {
        slot(s, visit);
    }
}

/// Breaks a class's cycles as CPython's `type_clear` does: empty the namespace (methods refer
/// back to the class through their globals and closures) and drop the MRO, whose first item
/// is the class itself (a tuple cannot be cleared, so the type must let go of it). Bases stay:
/// any cycle through them also passes through a namespace.
fn type_clear(o: &Obj) {
    let t = as_type(o);
    if let Some(d) = t.dict.get() {
        drop(dict::data(&d).clear());
    }
    t.mro.set(None);
}

/// Instances of a heap exception class also hold their class.
pub fn heap_exception_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    exception_traverse(o, visit);
    visit(&o.ty().to_obj_borrowed());
}

/// Visits what an instance holds through its `__dict__` slot: the values of its managed dict
/// (never tracked on its own, as CPython 3.11's managed dicts), or the dict object itself once
/// `__dict__` was assigned (then an ordinary dict, possibly shared).
pub fn visit_instance_dict(slot: &ObjSlot, visit: &mut dyn FnMut(&Obj)) {
    slot.with(|d| {
        if let Some(d) = d {
            let dd = dict::data(d);
            if dd.managed.get() {
                dd.with_entries(|entries| entries.for_each(|e| visit(&e.value)));
            } else {
                visit(d);
            }
        }
    });
}

/// The collector's clear of an instance's `__dict__` slot: a managed dict is emptied (only
/// its instance sees it); an assigned one is only let go of, since others may share it.
pub fn clear_instance_dict(slot: &ObjSlot) {
    let d = slot.get();
    if let Some(d) = d {
        if dict::data(&d).managed.get() {
            drop(dict::data(&d).clear());
        } else {
            drop(slot.take());
        }
    }
}

/// An instance holds its attribute values (inline, or see `visit_instance_dict`) and its
/// class.
pub fn instance_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let d = data::<InstanceData>(o);
    d.values.for_each(|v| visit(v));
    visit_instance_dict(&d.dict, visit);
    visit(&o.ty().to_obj_borrowed());
}

pub fn instance_clear(o: &Obj) {
    let d = data::<InstanceData>(o);
    d.values.clear();
    clear_instance_dict(&d.dict);
}

fn seq_iter_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    slot(&data::<SeqIterData>(o).seq, visit);
}

fn seq_iter_clear(o: &Obj) {
    data::<SeqIterData>(o).seq.set(None);
}

fn dict_iter_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    slot(&data::<DictIterData>(o).dict, visit);
}

fn dict_iter_clear(o: &Obj) {
    data::<DictIterData>(o).dict.set(None);
}

fn obj_payload_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(data::<Obj>(o));
}

fn method_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let m = data::<MethodData>(o);
    visit(&m.func);
    visit(&m.this);
}

fn property_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let p = data::<PropertyData>(o);
    for x in [&p.fget, &p.fset, &p.fdel, &p.doc] {
        visit(x);
    }
}

fn super_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let s = data::<SuperData>(o);
    visit(&s.thisclass);
    visit(&s.obj);
    visit(&s.obj_type);
}

fn enumerate_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&data::<EnumerateData>(o).it);
}

fn zip_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    data::<ZipData>(o).iters.iter().for_each(&mut *visit);
}

fn map_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let m = data::<MapData>(o);
    visit(&m.func);
    m.iters.iter().for_each(&mut *visit);
}

fn filter_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let f = data::<FilterData>(o);
    visit(&f.func);
    visit(&f.it);
}

fn callable_iter_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let c = data::<CallIterData>(o);
    slot(&c.callable, visit);
    slot(&c.sentinel, visit);
}

fn callable_iter_clear(o: &Obj) {
    let c = data::<CallIterData>(o);
    c.callable.set(None);
    c.sentinel.set(None);
}

/// Installs traverse and clear on every built-in GC type.
pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let set = |ty: &Obj, tr: TraverseFn, cl: Option<ClearFn>| {
        let ty = as_type(ty);
        ty.slots.traverse.set(Some(tr));
        ty.slots.clear.set(cl);
    };
    set(&t.list, list_traverse, Some(list_clear));
    set(&t.type_, type_traverse, Some(type_clear));
    set(&t.tuple, tuple_traverse, None);
    set(&t.dict, dict_traverse, Some(dict_clear));
    set(&t.function, function_traverse, Some(function_clear));
    set(&t.builtin_function, builtin_traverse, None);
    set(&t.module, module_traverse, None);
    set(&t.cell, cell_traverse, Some(cell_clear));
    set(&t.traceback, traceback_traverse, Some(traceback_clear));
    for it in [
        &t.list_iterator,
        &t.tuple_iterator,
        &t.str_iterator,
        &t.reversed,
        &t.seq_iterator,
    ] {
        set(it, seq_iter_traverse, Some(seq_iter_clear));
    }
    for it in [
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
    ] {
        set(it, dict_iter_traverse, Some(dict_iter_clear));
    }
    for v in [
        &t.dict_keys,
        &t.dict_values,
        &t.dict_items,
        &t.staticmethod,
        &t.classmethod,
    ] {
        set(v, obj_payload_traverse, None);
    }
    set(&t.method, method_traverse, None);
    set(&t.property, property_traverse, None);
    set(&t.super_, super_traverse, None);
    set(&t.enumerate, enumerate_traverse, None);
    set(&t.zip, zip_traverse, None);
    set(&t.map, map_traverse, None);
    set(&t.filter, filter_traverse, None);
    set(
        &t.callable_iterator,
        callable_iter_traverse,
        Some(callable_iter_clear),
    );
    set(
        &t.generator,
        crate::objects::generator::traverse,
        Some(crate::objects::generator::clear),
    );
    for ty in crate::vm::types::all_types(vm) {
        let tt = as_type(&ty);
        if tt.has_flag(crate::objects::typeobj::flags::BASE_EXC_SUBCLASS) {
            tt.slots.traverse.set(Some(exception_traverse));
            tt.slots.clear.set(Some(exception_clear));
        }
    }
}
