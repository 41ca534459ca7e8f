//! `getset_descriptor`: a data descriptor whose get and set are Rust functions, as CPython's
//! `tp_getset` entries are. Pyrena has three: `object.__class__`, and the `__dict__` and
//! `__weakref__` attributes a class statement adds when it introduces the instance dict or
//! the weak-reference list (CPython's `subtype_getsets_*`).
//!
//! Invariants:
//! - The descriptor owns a reference to `owner`, as CPython's `d_type` does (so
//!   `sys.getrefcount` of a class counts one per descriptor), and the collector sees it.
//! - `get`/`set` are called only with an instance of `owner` (checked here first), so they
//!   may rely on the owner's layout (a dict slot, a weak list).

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::pybox::{new_box, payload};
use crate::objects::str as pystr;
use crate::objects::typeobj::as_type;
use crate::vm::{PyResult, Vm};

/// Reads the attribute from an instance of the owner.
pub type GetFn = fn(&mut Vm, &Obj) -> PyResult<Obj>;
/// Sets (`Some`) or deletes (`None`) the attribute on an instance of the owner.
pub type SetFn = fn(&mut Vm, &Obj, Option<Obj>) -> PyResult<()>;

pub struct GetSetData {
    pub name: &'static str,
    pub doc: &'static str,
    /// The type whose instances the descriptor applies to (`__objclass__`).
    pub owner: Obj,
    pub get: GetFn,
    /// `None`: the attribute is read-only.
    pub set: Option<SetFn>,
}

impl Vm {
    pub fn new_getset(
        &mut self,
        owner: &Obj,
        name: &'static str,
        doc: &'static str,
        get: GetFn,
        set: Option<SetFn>,
    ) -> PyResult<Obj> {
        let data = GetSetData {
            name,
            doc,
            owner: owner.clone(),
            get,
            set,
        };
        let ty = self.types.getset_descriptor.clone();
        new_box(as_type(&ty), data, true).map_err(|_| self.memory_error())
    }
}

pub fn is_getset(vm: &Vm, o: &Obj) -> bool {
    o.has_exact_type(&vm.types.getset_descriptor)
}

fn data(d: &Obj) -> &GetSetData {
    // SAFETY: callers pass getset descriptors, which use the `PyBox<GetSetData>` layout.
    unsafe { payload::<GetSetData>(d) }
}

/// TypeError unless `obj` is an instance of the descriptor's owner.
fn check(vm: &mut Vm, d: &Obj, obj: &Obj) -> PyResult<()> {
    let g = data(d);
    let owner = as_type(&g.owner);
    if obj.ty().is_subtype(owner) {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        g.name,
        owner.name(),
        obj.ty().name()
    )))
}

/// `d.__get__(obj, owner)`: the attribute of `obj`, or the descriptor itself for class access.
pub fn getset_get(vm: &mut Vm, d: &Obj, obj: Option<&Obj>) -> PyResult<Obj> {
    let Some(obj) = obj else {
        return Ok(d.clone());
    };
    check(vm, d, obj)?;
    let get = data(d).get;
    get(vm, obj)
}

/// `d.__set__(obj, v)` and, with `None`, `d.__delete__(obj)`.
pub fn getset_set(vm: &mut Vm, d: &Obj, obj: &Obj, value: Option<Obj>) -> PyResult<()> {
    check(vm, d, obj)?;
    let g = data(d);
    match g.set {
        Some(set) => set(vm, obj, value),
        None => Err(vm.attribute_error(format!(
            "attribute '{}' of '{}' objects is not writable",
            g.name,
            as_type(&g.owner).name()
        ))),
    }
}

fn getset_repr(vm: &mut Vm, d: &Obj) -> PyResult<Obj> {
    let g = data(d);
    let s = format!(
        "<attribute '{}' of '{}' objects>",
        g.name,
        as_type(&g.owner).name()
    );
    vm.new_str(&s)
}

fn getset_getattro(vm: &mut Vm, d: &Obj, name: &Obj) -> PyResult<Obj> {
    let g = data(d);
    match pystr::as_str(name) {
        "__name__" => vm.new_str(g.name),
        "__qualname__" => {
            let q = format!("{}.{}", as_type(&g.owner).qualname, g.name);
            vm.new_str(&q)
        }
        "__objclass__" => Ok(g.owner.clone()),
        "__doc__" => vm.new_str(g.doc),
        _ => vm.generic_getattr(d, name),
    }
}

fn get_method(vm: &mut Vm, d: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "__get__", 1, 2)?;
    if a[0].is(&vm.none) {
        if a.len() < 2 || a[1].is(&vm.none) {
            return Err(vm.type_error("__get__(None, None) is invalid".into()));
        }
        return Ok(d.clone());
    }
    getset_get(vm, d, Some(&a[0]))
}

fn set_method(vm: &mut Vm, d: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "__set__", 2, 2)?;
    getset_set(vm, d, &a[0], Some(a[1].clone()))?;
    Ok(vm.none.clone())
}

fn delete_method(vm: &mut Vm, d: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "__delete__", 1, 1)?;
    getset_set(vm, d, &a[0], None)?;
    Ok(vm.none.clone())
}

/// The collector sees the descriptor's reference to its owner.
fn getset_traverse(d: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&data(d).owner);
}

/// Installs the slots and methods of `getset_descriptor`.
pub fn install(vm: &mut Vm) {
    let ty = vm.types.getset_descriptor.clone();
    let t = as_type(&ty);
    t.slots.repr.set(Some(getset_repr));
    t.slots.getattro.set(Some(getset_getattro));
    t.slots.traverse.set(Some(getset_traverse));
    crate::vm::types::add_method(vm, &ty, "__get__", get_method);
    crate::vm::types::add_method(vm, &ty, "__set__", set_method);
    crate::vm::types::add_method(vm, &ty, "__delete__", delete_method);
}
