//! The set-like behaviour of `dict_keys` and `dict_items` views: `| & - ^` with any iterable
//! (the result is a new `set`), comparisons with sets and other set-like views (`==`,
//! `<=`, `<` ...), and `isdisjoint`. `dict_values` is not set-like, as in CPython.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::typeobj::{as_type, BinaryOp, CompareOp};
use crate::objects::{dict, set};
use crate::vm::{PyResult, Vm};

fn is_setlike_view(vm: &Vm, o: &Obj) -> bool {
    o.has_exact_type(&vm.types.dict_keys) || o.has_exact_type(&vm.types.dict_items)
}

/// Sets and set-like views, the operands comparisons accept.
fn is_setlike(vm: &Vm, o: &Obj) -> bool {
    set::is_anyset(vm, o) || is_setlike_view(vm, o)
}

fn len_of(vm: &mut Vm, o: &Obj) -> PyResult<usize> {
    vm.len(o)
}

fn contains(vm: &mut Vm, container: &Obj, item: &Obj) -> PyResult<bool> {
    vm.contains(container, item)
}

/// Whether every element of `a` is in `b`.
fn all_contained_in(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<bool> {
    for x in vm.iterate(a)? {
        if !contains(vm, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `view OP other` / `other OP view`: a new set built from the left operand, updated with
/// the right one by the matching in-place set method (so either side may be any iterable).
fn view_binary(vm: &mut Vm, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let method = match op {
        BinaryOp::Or => "update",
        BinaryOp::And => "intersection_update",
        BinaryOp::Subtract => "difference_update",
        BinaryOp::Xor => "symmetric_difference_update",
        _ => return Ok(vm.not_implemented.clone()),
    };
    // As in CPython, a non-iterable operand is an error, not NotImplemented.
    let items = vm.iterate(a)?;
    let result = vm.new_set(items)?;
    let m = vm.getattr_str(&result, method)?;
    vm.call(&m, std::slice::from_ref(b))?;
    Ok(result)
}

fn view_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_setlike(vm, b) {
        return Ok(vm.not_implemented.clone());
    }
    let (la, lb) = (len_of(vm, a)?, len_of(vm, b)?);
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = la == lb && all_contained_in(vm, a, b)?;
            eq == (op == CompareOp::Eq)
        }
        CompareOp::Le => la <= lb && all_contained_in(vm, a, b)?,
        CompareOp::Lt => la < lb && all_contained_in(vm, a, b)?,
        CompareOp::Ge => la >= lb && all_contained_in(vm, b, a)?,
        CompareOp::Gt => la > lb && all_contained_in(vm, b, a)?,
    };
    Ok(vm.new_bool(r))
}

fn view_isdisjoint(vm: &mut Vm, v: &Obj, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "isdisjoint", 1, 1)?;
    for x in vm.iterate(&p[0])? {
        if contains(vm, v, &x)? {
            return Ok(vm.false_obj.clone());
        }
    }
    Ok(vm.true_obj.clone())
}

/// `key in items_view` is `(k, v)` membership: the key is present with an equal value.
fn items_contains(vm: &mut Vm, v: &Obj, item: &Obj) -> PyResult<bool> {
    let Some(pair) = crate::objects::tuple::try_items(item) else {
        return Ok(false);
    };
    if pair.len() != 2 {
        return Ok(false);
    }
    let d = crate::objects::dict_type::view_dict(v).clone();
    match dict::data(&d).get(vm, &pair[0])? {
        Some(value) => vm.eq(&value, &pair[1]),
        None => Ok(false),
    }
}

pub fn install(vm: &mut Vm) {
    for t in [vm.types.dict_keys.clone(), vm.types.dict_items.clone()] {
        let tt = as_type(&t);
        tt.slots.binary.set(Some(view_binary));
        tt.slots.richcompare.set(Some(view_richcompare));
        crate::vm::types::add_method(vm, &t, "isdisjoint", view_isdisjoint);
    }
    as_type(&vm.types.dict_items)
        .slots
        .contains
        .set(Some(items_contains));
}
