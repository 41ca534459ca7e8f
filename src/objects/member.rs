//! `member_descriptor`: the class attribute that reads, writes and deletes one `__slots__`
//! entry of an instance (`P.x` for `__slots__ = ('x',)`). It is a data descriptor, so it
//! wins over nothing else: a slotted instance has no dict entry that could shadow it.
//!
//! Invariants:
//! - `offset` is the byte offset of an `ObjSlot` cell inside every instance of `owner` and of
//!   its subclasses (the cell layout of `slots_layout.rs` only ever appends to a base's
//!   layout), so after the `is_subtype(owner)` check the cell can be read without further
//!   checks.
//! - The descriptor owns a reference to `owner`, as CPython's does (`sys.getrefcount` of a
//!   slotted class counts one per member).

use crate::heap::{Obj, ObjSlot};
use crate::objects::args::Args;
use crate::objects::pybox::{new_box, payload};
use crate::objects::str as pystr;
use crate::objects::typeobj::as_type;
use crate::vm::{PyResult, Vm};

pub struct MemberData {
    /// The attribute name after private-name mangling (`_P__x` for `__x`).
    pub name: Obj,
    /// The class whose `__slots__` defined the member (`__objclass__`).
    pub owner: Obj,
    /// Byte offset of the member's `ObjSlot` from the start of the object.
    pub offset: usize,
}

impl Vm {
    pub fn new_member(&mut self, name: Obj, owner: Obj, offset: usize) -> PyResult<Obj> {
        let ty = self.types.member_descriptor.clone();
        let data = MemberData {
            name,
            owner,
            offset,
        };
        new_box(as_type(&ty), data, true).map_err(|_| self.memory_error())
    }
}

pub fn is_member(vm: &Vm, o: &Obj) -> bool {
    o.has_exact_type(&vm.types.member_descriptor)
}

fn data(m: &Obj) -> &MemberData {
    // SAFETY: callers pass member descriptors, which use the `PyBox<MemberData>` layout.
    unsafe { payload::<MemberData>(m) }
}

pub fn name_of(m: &Obj) -> &str {
    pystr::as_str(&data(m).name)
}

/// The member's cell inside `obj`, after checking `obj` is an instance of the owner class.
fn cell<'a>(vm: &mut Vm, m: &Obj, obj: &'a Obj) -> PyResult<&'a ObjSlot> {
    let d = data(m);
    let owner = as_type(&d.owner);
    if !obj.ty().is_subtype(owner) {
        return Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            name_of(m),
            owner.name(),
            obj.ty().name()
        )));
    }
    // SAFETY: `obj` is an instance of `owner` or a subclass, whose layouts all hold an
    // `ObjSlot` at `offset` (module invariant); the cell lives as long as `obj`.
    Ok(unsafe { &*((obj.as_ptr() as *const u8).add(d.offset) as *const ObjSlot) })
}

/// `m.__get__(obj, owner)`: the value in the slot, or the descriptor itself for class access.
pub fn member_get(vm: &mut Vm, m: &Obj, obj: Option<&Obj>) -> PyResult<Obj> {
    let Some(obj) = obj else {
        return Ok(m.clone());
    };
    match cell(vm, m, obj)?.get() {
        Some(v) => Ok(v),
        // CPython 3.11 raises without `name`/`obj`, so no "Did you mean" hint follows.
        None => Err(vm.attribute_error(format!(
            "'{}' object has no attribute '{}'",
            obj.ty().name(),
            name_of(m)
        ))),
    }
}

/// `m.__set__(obj, v)` and, with `None`, `m.__delete__(obj)`.
pub fn member_set(vm: &mut Vm, m: &Obj, obj: &Obj, value: Option<Obj>) -> PyResult<()> {
    let c = cell(vm, m, obj)?;
    let deleting = value.is_none();
    // The old value is dropped only after the cell holds the new one.
    let old = c.replace(value);
    if deleting && old.is_none() {
        let n = name_of(m).to_string();
        return Err(vm.attribute_error(n));
    }
    drop(old);
    Ok(())
}

fn member_repr(vm: &mut Vm, m: &Obj) -> PyResult<Obj> {
    let s = format!(
        "<member '{}' of '{}' objects>",
        name_of(m),
        as_type(&data(m).owner).name()
    );
    vm.new_str(&s)
}

fn member_getattro(vm: &mut Vm, m: &Obj, name: &Obj) -> PyResult<Obj> {
    let d = data(m);
    match pystr::as_str(name) {
        "__name__" => Ok(d.name.clone()),
        "__qualname__" => {
            let q = format!("{}.{}", as_type(&d.owner).qualname, name_of(m));
            vm.new_str(&q)
        }
        "__objclass__" => Ok(d.owner.clone()),
        "__doc__" => Ok(vm.none.clone()),
        _ => vm.generic_getattr(m, name),
    }
}

fn get_method(vm: &mut Vm, m: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "__get__", 1, 2)?;
    if a[0].is(&vm.none) {
        // `P.x.__get__(None, P)` is class access; `__get__(None)` alone is an error.
        if a.len() < 2 || a[1].is(&vm.none) {
            return Err(vm.type_error("__get__(None, None) is invalid".into()));
        }
        return Ok(m.clone());
    }
    member_get(vm, m, Some(&a[0]))
}

fn set_method(vm: &mut Vm, m: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "__set__", 2, 2)?;
    member_set(vm, m, &a[0], Some(a[1].clone()))?;
    Ok(vm.none.clone())
}

fn delete_method(vm: &mut Vm, m: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "__delete__", 1, 1)?;
    member_set(vm, m, &a[0], None)?;
    Ok(vm.none.clone())
}

/// The collector sees the descriptor's reference to its class.
fn member_traverse(m: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&data(m).owner);
}

/// Installs the slots and methods of `member_descriptor`.
pub fn install(vm: &mut Vm) {
    let ty = vm.types.member_descriptor.clone();
    let t = as_type(&ty);
    t.slots.repr.set(Some(member_repr));
    t.slots.getattro.set(Some(member_getattro));
    t.slots.traverse.set(Some(member_traverse));
    crate::vm::types::add_method(vm, &ty, "__get__", get_method);
    crate::vm::types::add_method(vm, &ty, "__set__", set_method);
    crate::vm::types::add_method(vm, &ty, "__delete__", delete_method);
}

/// The class whose `__slots__` defined a member descriptor.
pub fn owner_of(m: &Obj) -> *const crate::objects::typeobj::TypeObject {
    as_type(&data(m).owner)
}

/// The byte offset of a member descriptor's cell (for layout tests and debugging).
pub fn offset_of(m: &Obj) -> usize {
    data(m).offset
}
