//! The slots and methods of `dict`, and the `dict_keys` / `dict_values` / `dict_items` views.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::dict::{self, is_dict};
use crate::objects::iter::DictIterKind;
use crate::objects::pybox::{new_box, payload};
use crate::objects::typeobj::{as_type, CompareOp};
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let d = as_type(&vm.types.dict);
    d.slots.repr.set(Some(dict_repr));
    d.slots.richcompare.set(Some(dict_richcompare));
    d.slots.len.set(Some(|_, d| Ok(dict::data(d).len())));
    d.slots.getitem.set(Some(dict_getitem));
    d.slots.setitem.set(Some(dict_setitem));
    d.slots
        .contains
        .set(Some(|vm, d, k| dict::data(d).contains(vm, k)));
    d.slots
        .iter
        .set(Some(|vm, d| vm.new_dict_iter(d, DictIterKind::Keys)));
    d.slots.new.set(Some(dict_new));

    for (t, kind) in [
        (&vm.types.dict_keys, DictIterKind::Keys),
        (&vm.types.dict_values, DictIterKind::Values),
        (&vm.types.dict_items, DictIterKind::Items),
    ] {
        let t = as_type(t);
        t.slots
            .len
            .set(Some(|_, v| Ok(dict::data(view_dict(v)).len())));
        t.slots.repr.set(Some(view_repr));
        t.slots.iter.set(Some(match kind {
            DictIterKind::Keys => {
                |vm: &mut Vm, v: &Obj| vm.new_dict_iter(view_dict(v), DictIterKind::Keys)
            }
            DictIterKind::Values => {
                |vm: &mut Vm, v: &Obj| vm.new_dict_iter(view_dict(v), DictIterKind::Values)
            }
            DictIterKind::Items => {
                |vm: &mut Vm, v: &Obj| vm.new_dict_iter(view_dict(v), DictIterKind::Items)
            }
        }));
    }
    as_type(&vm.types.dict_keys)
        .slots
        .contains
        .set(Some(|vm, v, k| dict::data(view_dict(v)).contains(vm, k)));

    d.slots.binary.set(Some(dict_or));
    d.slots.inplace.set(Some(dict_ior));
    let dt = vm.types.dict.clone();
    // dict.fromkeys is a class-level function (CPython's classmethod on a built-in type).
    let fromkeys = vm
        .new_builtin("fromkeys", |vm, a| {
            let p = a.exact(vm, "fromkeys", 1, 2)?;
            let value = p.get(1).cloned().unwrap_or_else(|| vm.none.clone());
            let d = vm.new_dict()?;
            for k in vm.iterate(&p[0])? {
                vm.dict_set(&d, k, value.clone())?;
            }
            Ok(d)
        })
        .expect("startup");
    let tdict = as_type(&dt).dict.get().expect("type dict");
    vm.dict_set_str(&tdict, "fromkeys", fromkeys)
        .expect("startup");
    add_method(vm, &dt, "get", dict_get);
    add_method(vm, &dt, "setdefault", dict_setdefault);
    add_method(vm, &dt, "pop", dict_pop);
    add_method(vm, &dt, "popitem", dict_popitem);
    add_method(vm, &dt, "keys", |vm, d, a| make_view(vm, d, a, "keys"));
    add_method(vm, &dt, "values", |vm, d, a| make_view(vm, d, a, "values"));
    add_method(vm, &dt, "items", |vm, d, a| make_view(vm, d, a, "items"));
    add_method(vm, &dt, "update", dict_update);
    add_method(vm, &dt, "copy", dict_copy);
    add_method(vm, &dt, "clear", dict_clear);
    crate::objects::dict_view_setops::install(vm);
}

pub fn view_dict(v: &Obj) -> &Obj {
    // SAFETY: view types use the `PyBox<Obj>` layout holding their dict.
    unsafe { payload::<Obj>(v) }
}

fn make_view(vm: &mut Vm, d: &Obj, args: Args, which: &str) -> PyResult<Obj> {
    args.exact(vm, which, 0, 0)?;
    let ty = match which {
        "keys" => vm.types.dict_keys.clone(),
        "values" => vm.types.dict_values.clone(),
        _ => vm.types.dict_items.clone(),
    };
    new_box(as_type(&ty), d.clone(), true).map_err(|_| vm.memory_error())
}

fn view_repr(vm: &mut Vm, v: &Obj) -> PyResult<Obj> {
    let name = v.ty().name().to_string();
    let items = vm.iterate(v)?;
    let mut out = format!("{name}([");
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr_string(it)?);
    }
    out.push_str("])");
    vm.new_str(&out)
}

fn dict_repr(vm: &mut Vm, d: &Obj) -> PyResult<Obj> {
    if dict::data(d).is_empty() {
        return vm.new_str("{}");
    }
    if vm.repr_guard_enter(d) {
        return vm.new_str("{...}");
    }
    let r = (|| -> PyResult<String> {
        let mut out = String::from("{");
        for (i, (k, v)) in dict::data(d).items().into_iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr_string(&k)?);
            out.push_str(": ");
            out.push_str(&vm.repr_string(&v)?);
        }
        out.push('}');
        Ok(out)
    })();
    vm.repr_guard_leave(d);
    vm.new_str(&r?)
}

fn dict_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_dict(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented.clone());
    }
    let (x, y) = (dict::data(a), dict::data(b));
    let mut equal = x.len() == y.len();
    if equal {
        for (k, v) in x.items() {
            match y.get(vm, &k)? {
                Some(w) if vm.eq(&v, &w)? => {}
                _ => {
                    equal = false;
                    break;
                }
            }
        }
    }
    Ok(vm.new_bool(equal == (op == CompareOp::Eq)))
}

fn dict_getitem(vm: &mut Vm, d: &Obj, k: &Obj) -> PyResult<Obj> {
    match dict::data(d).get(vm, k)? {
        Some(v) => Ok(v),
        None => {
            // A subclass may supply the value of a missing key (`__missing__`).
            if crate::objects::class::is_heap_type(d.ty()) {
                let missing = vm.intern("__missing__");
                if let Some(f) = vm.lookup_type_attr(d.ty(), &missing) {
                    return vm.call(&f, &[d.clone(), k.clone()]);
                }
            }
            Err(vm.key_error(k.clone()))
        }
    }
}

fn dict_setitem(vm: &mut Vm, d: &Obj, k: &Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        Some(v) => vm.dict_set(d, k.clone(), v),
        None => match dict::data(d).remove(vm, k)? {
            Some(e) => {
                drop(e);
                Ok(())
            }
            None => Err(vm.key_error(k.clone())),
        },
    }
}

/// Adds the pairs of a mapping or an iterable of pairs to `d` (dict(...) and update()).
fn merge_into(vm: &mut Vm, d: &Obj, src: &Obj) -> PyResult<()> {
    if is_dict(src) {
        for (k, v) in dict::data(src).items() {
            vm.dict_set(d, k, v)?;
        }
        return Ok(());
    }
    // Any object with keys() is a mapping (CPython's PyDict_Merge).
    let keys_name = vm.intern("keys");
    if vm.lookup_type_attr(src.ty(), &keys_name).is_some() {
        let m = vm.mapping_as_dict(src.clone())?;
        return merge_into(vm, d, &m);
    }
    for (i, item) in vm.iterate(src)?.into_iter().enumerate() {
        let pair = vm.iterate(&item).map_err(|_| {
            vm.type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut it = pair.into_iter();
        let (k, v) = (it.next().expect("2 items"), it.next().expect("2 items"));
        vm.dict_set(d, k, v)?;
    }
    Ok(())
}

fn dict_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "dict expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    let d = vm.new_dict()?;
    if let Some(src) = pos.first() {
        merge_into(vm, &d, src)?;
    }
    for (k, v) in args.kwargs() {
        vm.dict_set_str(&d, k, v.clone())?;
    }
    Ok(d)
}

/// `d1 | d2`: a new dict with d2's items merged over d1's.
fn dict_or(vm: &mut Vm, op: crate::objects::typeobj::BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    if op != crate::objects::typeobj::BinaryOp::Or || !is_dict(a) || !is_dict(b) {
        return Ok(vm.not_implemented.clone());
    }
    let n = vm.new_dict()?;
    merge_into(vm, &n, a)?;
    merge_into(vm, &n, b)?;
    Ok(n)
}

/// `d1 |= other`: update in place (any mapping or iterable of pairs).
fn dict_ior(vm: &mut Vm, op: crate::objects::typeobj::BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    if op != crate::objects::typeobj::BinaryOp::Or {
        return Ok(vm.not_implemented.clone());
    }
    merge_into(vm, a, b)?;
    Ok(a.clone())
}

fn dict_get(vm: &mut Vm, d: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "get", 1, 2)?;
    match dict::data(d).get(vm, &a[0])? {
        Some(v) => Ok(v),
        None => Ok(a.get(1).cloned().unwrap_or_else(|| vm.none.clone())),
    }
}

fn dict_setdefault(vm: &mut Vm, d: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "setdefault", 1, 2)?;
    if let Some(v) = dict::data(d).get(vm, &a[0])? {
        return Ok(v);
    }
    let v = a.get(1).cloned().unwrap_or_else(|| vm.none.clone());
    vm.dict_set(d, a[0].clone(), v.clone())?;
    Ok(v)
}

fn dict_pop(vm: &mut Vm, d: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "pop", 1, 2)?;
    match dict::data(d).remove(vm, &a[0])? {
        Some(e) => Ok(e.value),
        None => match a.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(vm.key_error(a[0].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, d: &Obj, args: Args) -> PyResult<Obj> {
    args.exact(vm, "popitem", 0, 0)?;
    match dict::data(d).pop_last() {
        Some(e) => vm.new_tuple(vec![e.key, e.value]),
        None => {
            let msg = vm.new_str("popitem(): dictionary is empty")?;
            Err(vm.key_error(msg))
        }
    }
}

fn dict_update(vm: &mut Vm, d: &Obj, args: Args) -> PyResult<Obj> {
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "update expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(src) = pos.first() {
        merge_into(vm, d, src)?;
    }
    for (k, v) in args.kwargs() {
        vm.dict_set_str(d, k, v.clone())?;
    }
    Ok(vm.none.clone())
}

fn dict_copy(vm: &mut Vm, d: &Obj, args: Args) -> PyResult<Obj> {
    args.exact(vm, "copy", 0, 0)?;
    let n = vm.new_dict()?;
    merge_into(vm, &n, d)?;
    Ok(n)
}

fn dict_clear(vm: &mut Vm, d: &Obj, args: Args) -> PyResult<Obj> {
    args.exact(vm, "clear", 0, 0)?;
    let old = dict::data(d).clear();
    drop(old);
    Ok(vm.none.clone())
}
