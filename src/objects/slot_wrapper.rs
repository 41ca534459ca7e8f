//! Slot wrappers: the dunder methods of built-in types (`str.__len__`, `'a'.__len__()`,
//! `int.__add__`, `iter(x).__next__`), which in CPython are `wrapper_descriptor` objects in
//! the type's dict that call the type's slot, and `method-wrapper` objects when bound.
//!
//! Invariants: a wrapper is installed on the built-in type whose slot it calls, only where the
//! slot is the type's own (not inherited unchanged from its base) and the name is not already
//! in the type's dict; it always calls the *owner's* slot, so `object.__repr__(x)` is
//! `object`'s repr even when `type(x)` overrides `__repr__`.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::pybox::{new_box, payload};
use crate::objects::typeobj::{as_type, BinaryOp, CompareOp, TypeObject, UnaryOp};
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy)]
pub enum SlotKind {
    Repr,
    Str,
    Hash,
    Call,
    Iter,
    Next,
    Len,
    GetItem,
    SetItem,
    DelItem,
    Contains,
    Bool,
    Compare(CompareOp),
    Binary(BinaryOp),
    Reflected(BinaryOp),
    InPlace(BinaryOp),
    Unary(UnaryOp),
}

pub struct WrapperDescrData {
    pub name: &'static str,
    /// The built-in type whose slot this calls.
    pub owner: Obj,
    pub kind: SlotKind,
}

pub struct MethodWrapperData {
    pub descr: Obj,
    pub this: Obj,
}

fn descr_data(o: &Obj) -> &WrapperDescrData {
    // SAFETY: only called on objects of the `wrapper_descriptor` type (checked by callers
    // through the type's slots), whose layout is `PyBox<WrapperDescrData>`.
    unsafe { payload::<WrapperDescrData>(o) }
}

fn bound_data(o: &Obj) -> &MethodWrapperData {
    // SAFETY: only called on `method-wrapper` objects, layout `PyBox<MethodWrapperData>`.
    unsafe { payload::<MethodWrapperData>(o) }
}

pub fn is_wrapper_descr(vm: &Vm, o: &Obj) -> bool {
    o.has_exact_type(&vm.types.wrapper_descriptor)
}

/// The dunders of each slot kind a type may own.
fn generic_slots(t: &TypeObject, base: Option<&TypeObject>) -> Vec<(&'static str, SlotKind)> {
    let s = &t.slots;
    let b = base.map(|b| &b.slots);
    // A slot counts as the type's own when it is set and differs from the base's.
    macro_rules! own {
        ($f:ident) => {
            match (s.$f.get(), b.and_then(|b| b.$f.get())) {
                (Some(x), Some(y)) => !std::ptr::fn_addr_eq(x, y),
                (Some(_), None) => true,
                _ => false,
            }
        };
    }
    let mut out = Vec::new();
    if own!(repr) {
        out.push(("__repr__", SlotKind::Repr));
    }
    if own!(str) {
        out.push(("__str__", SlotKind::Str));
    }
    if own!(hash) {
        out.push(("__hash__", SlotKind::Hash));
    }
    if own!(call) {
        out.push(("__call__", SlotKind::Call));
    }
    if own!(iter) {
        out.push(("__iter__", SlotKind::Iter));
    }
    if own!(iternext) {
        out.push(("__next__", SlotKind::Next));
    }
    if own!(len) {
        out.push(("__len__", SlotKind::Len));
    }
    if own!(getitem) {
        out.push(("__getitem__", SlotKind::GetItem));
    }
    if own!(setitem) {
        out.push(("__setitem__", SlotKind::SetItem));
        out.push(("__delitem__", SlotKind::DelItem));
    }
    if own!(contains) {
        out.push(("__contains__", SlotKind::Contains));
    }
    if own!(bool) {
        out.push(("__bool__", SlotKind::Bool));
    }
    if own!(richcompare) {
        for (n, op) in [
            ("__lt__", CompareOp::Lt),
            ("__le__", CompareOp::Le),
            ("__eq__", CompareOp::Eq),
            ("__ne__", CompareOp::Ne),
            ("__gt__", CompareOp::Gt),
            ("__ge__", CompareOp::Ge),
        ] {
            out.push((n, SlotKind::Compare(op)));
        }
    }
    out
}

/// The number protocol dunders each built-in type has in CPython. One binary slot serves all
/// operators here, so which operators a type supports cannot be read off the slot table.
fn number_slots(name: &str) -> Vec<(&'static str, SlotKind)> {
    use BinaryOp::*;
    let (ops, reflected, inplace, unary): (&[BinaryOp], &[BinaryOp], &[BinaryOp], &[UnaryOp]) =
        match name {
            "int" => (
                &[
                    Add,
                    And,
                    FloorDivide,
                    Lshift,
                    Multiply,
                    Remainder,
                    Or,
                    Power,
                    Rshift,
                    Subtract,
                    TrueDivide,
                    Xor,
                ],
                &[
                    Add,
                    And,
                    FloorDivide,
                    Lshift,
                    Multiply,
                    Remainder,
                    Or,
                    Power,
                    Rshift,
                    Subtract,
                    TrueDivide,
                    Xor,
                ],
                &[],
                &[UnaryOp::Negative, UnaryOp::Positive, UnaryOp::Invert],
            ),
            "float" => (
                &[
                    Add,
                    FloorDivide,
                    Multiply,
                    Remainder,
                    Power,
                    Subtract,
                    TrueDivide,
                ],
                &[
                    Add,
                    FloorDivide,
                    Multiply,
                    Remainder,
                    Power,
                    Subtract,
                    TrueDivide,
                ],
                &[],
                &[UnaryOp::Negative, UnaryOp::Positive],
            ),
            "str" => (
                &[Add, Multiply, Remainder],
                &[Multiply, Remainder],
                &[],
                &[],
            ),
            "tuple" => (&[Add, Multiply], &[Multiply], &[], &[]),
            "bytes" => (
                &[Add, Multiply, Remainder],
                &[Multiply, Remainder],
                &[],
                &[],
            ),
            "bytearray" => (
                &[Add, Multiply, Remainder],
                &[Multiply, Remainder],
                &[Add, Multiply],
                &[],
            ),
            "list" => (&[Add, Multiply], &[Multiply], &[Add, Multiply], &[]),
            "dict" => (&[Or], &[Or], &[Or], &[]),
            "set" => (
                &[And, Or, Subtract, Xor],
                &[And, Or, Subtract, Xor],
                &[And, Or, Subtract, Xor],
                &[],
            ),
            "frozenset" => (
                &[And, Or, Subtract, Xor],
                &[And, Or, Subtract, Xor],
                &[],
                &[],
            ),
            _ => (&[], &[], &[], &[]),
        };
    let mut out = Vec::new();
    for &op in ops {
        out.push((op.dunders().0, SlotKind::Binary(op)));
    }
    for &op in reflected {
        out.push((op.dunders().1, SlotKind::Reflected(op)));
    }
    for &op in inplace {
        out.push((op.dunders().2, SlotKind::InPlace(op)));
    }
    for &op in unary {
        let n = match op {
            UnaryOp::Negative => "__neg__",
            UnaryOp::Positive => "__pos__",
            UnaryOp::Invert => "__invert__",
        };
        out.push((n, SlotKind::Unary(op)));
    }
    out
}

/// Adds the wrappers to every built-in type (run once all slots are installed).
pub fn install(vm: &mut Vm) {
    let wd = as_type(&vm.types.wrapper_descriptor);
    wd.slots.call.set(Some(descr_call));
    wd.slots.repr.set(Some(|vm, d| {
        let dd = descr_data(d);
        let s = format!(
            "<slot wrapper '{}' of '{}' objects>",
            dd.name,
            as_type(&dd.owner).name()
        );
        vm.new_str(&s)
    }));
    let mw = as_type(&vm.types.method_wrapper);
    mw.slots.call.set(Some(|vm, m, args| {
        let b = bound_data(m);
        let d = descr_data(&b.descr);
        invoke(vm, d, &b.this, args.pos())
    }));
    mw.slots.traverse.set(Some(|m, visit| {
        let b = bound_data(m);
        visit(&b.descr);
        visit(&b.this);
    }));
    mw.slots.repr.set(Some(|vm, m| {
        let b = bound_data(m);
        let s = format!(
            "<method-wrapper '{}' of {} object at {:#x}>",
            descr_data(&b.descr).name,
            b.this.ty().name(),
            b.this.addr()
        );
        vm.new_str(&s)
    }));

    for t in crate::vm::types::all_types(vm) {
        let tt = as_type(&t);
        if t.is(&vm.types.object) {
            // object's dunders are real methods already (see slots::install_object_methods).
            continue;
        }
        let base = tt.base.get();
        let mut wrappers = generic_slots(tt, base.as_ref().map(as_type));
        wrappers.extend(number_slots(tt.name()));
        let Some(d) = tt.dict.get() else { continue };
        for (name, kind) in wrappers {
            let key = vm.intern(name);
            if crate::objects::dict::data(&d).get_str(&key).is_some() {
                continue;
            }
            let data = WrapperDescrData {
                name,
                owner: t.clone(),
                kind,
            };
            let w = new_box(as_type(&vm.types.wrapper_descriptor), data, false)
                .expect("out of memory at startup");
            vm.dict_set(&d, key, w).expect("out of memory at startup");
        }
    }
}

impl Vm {
    /// `instance.__dunder__` for a wrapper found on the type: the bound `method-wrapper`.
    pub fn bind_slot_wrapper(&mut self, descr: &Obj, this: &Obj) -> PyResult<Obj> {
        let data = MethodWrapperData {
            descr: descr.clone(),
            this: this.clone(),
        };
        new_box(as_type(&self.types.method_wrapper), data, true).map_err(|_| self.memory_error())
    }
}

/// `str.__len__(s)`: checks that `self` is an instance of the owner, then calls the slot.
fn descr_call(vm: &mut Vm, d: &Obj, args: Args) -> PyResult<Obj> {
    let dd = descr_data(d);
    let owner = as_type(&dd.owner);
    let Some((this, rest)) = args.pos().split_first() else {
        return Err(vm.type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            dd.name,
            owner.name()
        )));
    };
    if !this.ty().is_subtype(owner) {
        return Err(vm.type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            dd.name,
            owner.name(),
            this.ty().name()
        )));
    }
    invoke(vm, dd, this, rest)
}

fn expect_args(vm: &mut Vm, args: &[Obj], n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    let s = if n == 1 { "" } else { "s" };
    Err(vm.type_error(format!("expected {n} argument{s}, got {}", args.len())))
}

/// Calls the owner's slot for `kind` on `this`.
fn invoke(vm: &mut Vm, d: &WrapperDescrData, this: &Obj, args: &[Obj]) -> PyResult<Obj> {
    let s = &as_type(&d.owner).slots;
    // Every wrapper was installed because its slot was set; built-in slots never change.
    let missing = || -> ! { unreachable!("slot wrapper without its slot") };
    match d.kind {
        SlotKind::Call => {
            let f = s.call.get().unwrap_or_else(|| missing());
            return f(vm, this, Args::new(args));
        }
        SlotKind::Binary(_)
        | SlotKind::Reflected(_)
        | SlotKind::InPlace(_)
        | SlotKind::Compare(_)
        | SlotKind::GetItem
        | SlotKind::DelItem
        | SlotKind::Contains => expect_args(vm, args, 1)?,
        SlotKind::SetItem => expect_args(vm, args, 2)?,
        _ => expect_args(vm, args, 0)?,
    }
    match d.kind {
        SlotKind::Repr => s.repr.get().unwrap_or_else(|| missing())(vm, this),
        SlotKind::Str => s.str.get().unwrap_or_else(|| missing())(vm, this),
        SlotKind::Hash => {
            let h = s.hash.get().unwrap_or_else(|| missing())(vm, this)?;
            vm.new_int(h)
        }
        SlotKind::Iter => s.iter.get().unwrap_or_else(|| missing())(vm, this),
        SlotKind::Next => match s.iternext.get().unwrap_or_else(|| missing())(vm, this)? {
            Some(v) => Ok(v),
            None => Err(vm.stop_iteration(None)),
        },
        SlotKind::Len => {
            let n = s.len.get().unwrap_or_else(|| missing())(vm, this)?;
            vm.new_int(n as i64)
        }
        SlotKind::GetItem => s.getitem.get().unwrap_or_else(|| missing())(vm, this, &args[0]),
        SlotKind::SetItem => {
            let f = s.setitem.get().unwrap_or_else(|| missing());
            f(vm, this, &args[0], Some(args[1].clone()))?;
            Ok(vm.none.clone())
        }
        SlotKind::DelItem => {
            s.setitem.get().unwrap_or_else(|| missing())(vm, this, &args[0], None)?;
            Ok(vm.none.clone())
        }
        SlotKind::Contains => {
            let r = s.contains.get().unwrap_or_else(|| missing())(vm, this, &args[0])?;
            Ok(vm.new_bool(r))
        }
        SlotKind::Bool => {
            let r = s.bool.get().unwrap_or_else(|| missing())(vm, this)?;
            Ok(vm.new_bool(r))
        }
        SlotKind::Compare(op) => {
            s.richcompare.get().unwrap_or_else(|| missing())(vm, this, &args[0], op)
        }
        SlotKind::Binary(op) => match s.binary.get() {
            Some(f) => f(vm, op, this, &args[0]),
            None => Ok(vm.not_implemented.clone()),
        },
        SlotKind::Reflected(op) => match s.binary.get() {
            Some(f) => f(vm, op, &args[0], this),
            None => Ok(vm.not_implemented.clone()),
        },
        SlotKind::InPlace(op) => match s.inplace.get().or(s.binary.get()) {
            Some(f) => f(vm, op, this, &args[0]),
            None => Ok(vm.not_implemented.clone()),
        },
        SlotKind::Unary(op) => match s.unary.get() {
            Some(f) => f(vm, op, this),
            None => Ok(vm.not_implemented.clone()),
        },
        SlotKind::Call => unreachable!("handled above"),
    }
}
