//! `set`: a mutable collection of unique hashable values, stored as the keys of an inner dict.
//!
//! Known difference: iteration follows insertion order (the dict's), while CPython's set
//! table iterates in hash-slot order; programs that print a set may list it differently.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::dict;
use crate::objects::iter::DictIterKind;
use crate::objects::pybox::{new_box, payload};
use crate::objects::typeobj::{as_type, BinaryOp, CompareOp};
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

pub struct SetData {
    /// Keys are the members; values are all `None`.
    pub dict: Obj,
}

pub fn is_set(vm: &Vm, o: &Obj) -> bool {
    o.ty().is_subtype(as_type(&vm.types.set))
}

fn inner(s: &Obj) -> &Obj {
    // SAFETY: set objects use the `PyBox<SetData>` layout; callers pass sets only.
    unsafe { &payload::<SetData>(s).dict }
}

/// The members, in iteration order.
pub fn members(s: &Obj) -> Vec<Obj> {
    dict::data(inner(s)).keys()
}

impl Vm {
    pub fn new_set(&mut self, items: Vec<Obj>) -> PyResult<Obj> {
        let d = self.new_dict()?;
        let ty = self.types.set.clone();
        let s =
            new_box(as_type(&ty), SetData { dict: d }, true).map_err(|_| self.memory_error())?;
        for it in items {
            self.set_add(&s, it)?;
        }
        Ok(s)
    }

    pub fn set_add(&mut self, s: &Obj, v: Obj) -> PyResult<()> {
        let d = inner(s).clone();
        let none = self.none.clone();
        self.dict_set(&d, v, none)
    }
}

pub fn install(vm: &mut Vm) {
    let t = as_type(&vm.types.set);
    t.slots.repr.set(Some(set_repr));
    t.slots.len.set(Some(|_, s| Ok(dict::data(inner(s)).len())));
    t.slots
        .contains
        .set(Some(|vm, s, k| dict::data(inner(s)).contains(vm, k)));
    t.slots.iter.set(Some(|vm, s| {
        let d = inner(s).clone();
        vm.new_dict_iter(&d, DictIterKind::Keys)
    }));
    t.slots.richcompare.set(Some(set_richcompare));
    t.slots.binary.set(Some(set_binary));
    t.slots.new.set(Some(set_new));
    let st = vm.types.set.clone();
    add_method(vm, &st, "add", |vm, s, a| {
        let p = a.exact(vm, "set.add", 1, 1)?;
        vm.set_add(s, p[0].clone())?;
        Ok(vm.none.clone())
    });
    add_method(vm, &st, "remove", |vm, s, a| {
        let p = a.exact(vm, "set.remove", 1, 1)?;
        match dict::data(inner(s)).remove(vm, &p[0])? {
            Some(_) => Ok(vm.none.clone()),
            None => Err(vm.key_error(p[0].clone())),
        }
    });
    add_method(vm, &st, "discard", |vm, s, a| {
        let p = a.exact(vm, "set.discard", 1, 1)?;
        dict::data(inner(s)).remove(vm, &p[0])?;
        Ok(vm.none.clone())
    });
    add_method(vm, &st, "pop", |vm, s, a| {
        a.exact(vm, "pop", 0, 0)?;
        let first = members(s).into_iter().next();
        match first {
            Some(k) => {
                dict::data(inner(s)).remove(vm, &k)?;
                Ok(k)
            }
            None => {
                let m = vm.new_str("pop from an empty set")?;
                Err(vm.key_error(m))
            }
        }
    });
    add_method(vm, &st, "clear", |vm, s, a| {
        a.exact(vm, "clear", 0, 0)?;
        drop(dict::data(inner(s)).clear());
        Ok(vm.none.clone())
    });
    add_method(vm, &st, "copy", |vm, s, a| {
        a.exact(vm, "copy", 0, 0)?;
        vm.new_set(members(s))
    });
    add_method(vm, &st, "update", |vm, s, a| {
        for it in a.pos() {
            for v in vm.iterate(it)? {
                vm.set_add(s, v)?;
            }
        }
        Ok(vm.none.clone())
    });
    add_method(vm, &st, "union", |vm, s, a| {
        combine(vm, s, a.pos(), BinaryOp::Or)
    });
    add_method(vm, &st, "intersection", |vm, s, a| {
        combine(vm, s, a.pos(), BinaryOp::And)
    });
    add_method(vm, &st, "difference", |vm, s, a| {
        combine(vm, s, a.pos(), BinaryOp::Subtract)
    });
    add_method(vm, &st, "symmetric_difference", |vm, s, a| {
        combine(vm, s, a.pos(), BinaryOp::Xor)
    });
    add_method(vm, &st, "issubset", |vm, s, a| {
        let p = a.exact(vm, "issubset", 1, 1)?;
        let other = vm.iterate(&p[0])?;
        let o = vm.new_set(other)?;
        let r = subset(vm, s, &o)?;
        Ok(vm.new_bool(r))
    });
    add_method(vm, &st, "issuperset", |vm, s, a| {
        let p = a.exact(vm, "issuperset", 1, 1)?;
        let other = vm.iterate(&p[0])?;
        let o = vm.new_set(other)?;
        let r = subset(vm, &o, s)?;
        Ok(vm.new_bool(r))
    });
    add_method(vm, &st, "isdisjoint", |vm, s, a| {
        let p = a.exact(vm, "isdisjoint", 1, 1)?;
        for v in vm.iterate(&p[0])? {
            if dict::data(inner(s)).contains(vm, &v)? {
                return Ok(vm.false_obj.clone());
            }
        }
        Ok(vm.true_obj.clone())
    });
}

fn set_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "set", 0, 1)?;
    let items = match p.first() {
        Some(it) => vm.iterate(it)?,
        None => Vec::new(),
    };
    vm.new_set(items)
}

fn set_repr(vm: &mut Vm, s: &Obj) -> PyResult<Obj> {
    let m = members(s);
    if m.is_empty() {
        return vm.new_str("set()");
    }
    if vm.repr_guard_enter(s) {
        return vm.new_str("set(...)");
    }
    let mut out = String::from("{");
    let mut res = Ok(());
    for (i, v) in m.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match vm.repr_string(v) {
            Ok(r) => out.push_str(&r),
            Err(e) => {
                res = Err(e);
                break;
            }
        }
    }
    vm.repr_guard_leave(s);
    res?;
    out.push('}');
    vm.new_str(&out)
}

fn subset(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<bool> {
    for v in members(a) {
        if !dict::data(inner(b)).contains(vm, &v)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_set(vm, b) {
        return Ok(vm.not_implemented.clone());
    }
    let (la, lb) = (dict::data(inner(a)).len(), dict::data(inner(b)).len());
    let r = match op {
        CompareOp::Eq => la == lb && subset(vm, a, b)?,
        CompareOp::Ne => !(la == lb && subset(vm, a, b)?),
        CompareOp::Le => subset(vm, a, b)?,
        CompareOp::Lt => la < lb && subset(vm, a, b)?,
        CompareOp::Ge => subset(vm, b, a)?,
        CompareOp::Gt => la > lb && subset(vm, b, a)?,
    };
    Ok(vm.new_bool(r))
}

fn combine(vm: &mut Vm, s: &Obj, others: &[Obj], op: BinaryOp) -> PyResult<Obj> {
    let mut acc = vm.new_set(members(s))?;
    for o in others {
        let items = vm.iterate(o)?;
        let other = vm.new_set(items)?;
        acc = set_op(vm, &acc, &other, op)?;
    }
    Ok(acc)
}

fn set_op(vm: &mut Vm, a: &Obj, b: &Obj, op: BinaryOp) -> PyResult<Obj> {
    let mut out = Vec::new();
    match op {
        BinaryOp::Or => {
            out = members(a);
            out.extend(members(b));
        }
        BinaryOp::And => {
            for v in members(a) {
                if dict::data(inner(b)).contains(vm, &v)? {
                    out.push(v);
                }
            }
        }
        BinaryOp::Subtract => {
            for v in members(a) {
                if !dict::data(inner(b)).contains(vm, &v)? {
                    out.push(v);
                }
            }
        }
        _ => {
            for v in members(a) {
                if !dict::data(inner(b)).contains(vm, &v)? {
                    out.push(v);
                }
            }
            for v in members(b) {
                if !dict::data(inner(a)).contains(vm, &v)? {
                    out.push(v);
                }
            }
        }
    }
    vm.new_set(out)
}

fn set_binary(vm: &mut Vm, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_set(vm, a) || !is_set(vm, b) {
        return Ok(vm.not_implemented.clone());
    }
    match op {
        BinaryOp::Or | BinaryOp::And | BinaryOp::Subtract | BinaryOp::Xor => set_op(vm, a, b, op),
        _ => Ok(vm.not_implemented.clone()),
    }
}
