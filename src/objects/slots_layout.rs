//! `__slots__`: reading a class body's `__slots__`, choosing the instance layout it implies
//! (CPython's "solid base" rule, `multiple bases have instance lay-out conflict`), and the
//! allocation, dealloc, traverse and clear of that layout.
//!
//! The cell layout. A class is *slotted* (flag `SLOTTED`) when it or a base in its layout chain
//! defines `__slots__`. Its instances are one block from the pools: the object header, then
//! 8-byte cells up to `basicsize`. Each class appends to its base's block, in this order: its
//! members (sorted by mangled name, as CPython does), then a `__dict__` cell and a weakref
//! list if it adds them. A slotted class deriving from a plain class keeps the plain layout's
//! 24 bytes (dict, weak list, one unused word) at the front.
//!
//! Invariants:
//! - Every cell in `[16, basicsize)` is an `ObjSlot`, except the one at `weaklistoffset`,
//!   which is a `WeakList`. Cells that no descriptor names (the unused plain-layout word) stay
//!   `None` for the object's whole life.
//! - The cells a slotted class `T` added are `[T.base.basicsize, T.basicsize)`.
//! - Slotted instances have no `finalized` word; whether `__del__` already ran is kept in
//!   `FINALIZED` (by address) from the moment it is queued until the memory is freed.

use std::cell::RefCell;
use std::collections::HashSet;
use std::ptr::NonNull;

use crate::heap::alloc::{alloc_object, free_object, gc_forget, gc_header_of};
use crate::heap::{gc, Obj, ObjHeader, ObjSlot};
use crate::objects::class::is_heap_type;
use crate::objects::typeobj::{as_type, flags, TypeObject};
use crate::objects::weakref::WeakList;
use crate::objects::{dict, str as pystr};
use crate::vm::{PyResult, Vm};

const CELL: usize = std::mem::size_of::<ObjSlot>();
const HEADER: usize = std::mem::size_of::<ObjHeader>();
// A cell holds either an `ObjSlot` or a `WeakList`; both are one pointer, as in CPython.
const _: () = assert!(CELL == 8 && std::mem::size_of::<WeakList>() == CELL);
const _: () = assert!(std::mem::align_of::<WeakList>() <= CELL);

thread_local! {
    /// Addresses of slotted instances whose `__del__` has been queued or has run. Never
    /// destroyed (ManuallyDrop): instances can die while the thread's locals are torn down.
    static FINALIZED: std::mem::ManuallyDrop<RefCell<HashSet<usize>>> =
        std::mem::ManuallyDrop::new(RefCell::new(HashSet::new()));
}

/// What a class body's `__slots__` asks for.
pub struct SlotSpec {
    /// Mangled member names, sorted, duplicates kept (each gets its own cell, as in CPython).
    pub members: Vec<Obj>,
    pub want_dict: bool,
    pub want_weak: bool,
}

/// The layout decision for a new slotted class.
pub struct CellLayout {
    pub basicsize: usize,
    pub dictoffset: usize,
    pub weaklistoffset: usize,
    /// Each member's name and cell offset, in dict-insertion (sorted) order.
    pub members: Vec<(Obj, usize)>,
}

/// `__x` inside class `name` becomes `_name__x`, unless it ends in `__` or the class name is
/// all underscores (the compiler's private-name rule).
fn mangle(class_name: &str, attr: &str) -> String {
    if !attr.starts_with("__") || attr.ends_with("__") || attr.contains('.') {
        return attr.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return attr.to_string();
    }
    format!("_{stripped}{attr}")
}

/// Reads `__slots__` from the class namespace `ns` (None when the body defines none).
/// `bases` are the class's bases, for CPython's check on variable-size bases.
pub fn parse(vm: &mut Vm, class_name: &str, ns: &Obj, bases: &[Obj]) -> PyResult<Option<SlotSpec>> {
    let key = vm.intern("__slots__");
    let Some(slots) = dict::data(ns).get_str(&key) else {
        return Ok(None);
    };
    let names = if pystr::is_str(&slots) {
        vec![slots]
    } else {
        vm.iterate(&slots)?
    };
    let mut spec = SlotSpec {
        members: Vec::new(),
        want_dict: false,
        want_weak: false,
    };
    for n in &names {
        let Some(s) = pystr::try_as_str(n) else {
            return Err(vm.type_error(format!(
                "__slots__ items must be strings, not '{}'",
                n.ty().name()
            )));
        };
        if !crate::text::str_pred::isidentifier(s) {
            return Err(vm.type_error("__slots__ must be identifiers".into()));
        }
        match s {
            "__dict__" if spec.want_dict => return Err(dict_disallowed(vm)),
            "__dict__" => spec.want_dict = true,
            "__weakref__" if spec.want_weak => return Err(weakref_disallowed(vm)),
            "__weakref__" => spec.want_weak = true,
            _ => {
                let m = mangle(class_name, s);
                spec.members.push(vm.new_str(&m)?);
            }
        }
    }
    spec.members
        .sort_by(|a, b| pystr::as_str(a).cmp(pystr::as_str(b)));
    // CPython refuses any nonempty `__slots__` (even `('__dict__',)`) on a variable-size base:
    // int, bytes, tuple and their subclasses.
    if !names.is_empty() {
        for b in bases {
            if let Some(t) = crate::objects::typeobj::try_as_type(b) {
                if t.has_flag(flags::LONG_SUBCLASS | flags::BYTES_SUBCLASS | flags::TUPLE_SUBCLASS)
                {
                    return Err(vm.type_error(format!(
                        "nonempty __slots__ not supported for subtype of '{}'",
                        t.name()
                    )));
                }
            }
        }
    }
    Ok(Some(spec))
}

fn dict_disallowed(vm: &mut Vm) -> crate::vm::PyErr {
    vm.type_error("__dict__ slot disallowed: we already got one".into())
}

fn weakref_disallowed(vm: &mut Vm) -> crate::vm::PyErr {
    vm.type_error(
        "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0".into(),
    )
}

/// Whether a slotted class adds instance cells of its own beyond a dict and a weak list
/// (CPython's `extra_ivars`): only such classes constrain multiple inheritance.
fn adds_members(t: &TypeObject) -> bool {
    let Some(base) = t.base.get() else {
        return false;
    };
    let b = as_type(&base);
    let mut extra = t.basicsize - b.basicsize;
    if t.dictoffset != 0 && b.dictoffset == 0 {
        extra -= CELL;
    }
    if t.weaklistoffset != 0 && b.weaklistoffset == 0 {
        extra -= CELL;
    }
    extra != 0
}

/// The class whose instance layout `t`'s instances extend: the nearest class in the base
/// chain that added member cells; a built-in type stands for itself (every built-in
/// exception shares `BaseException`'s layout).
fn solid_base(vm: &Vm, t: &Obj) -> Obj {
    let mut cur = t.clone();
    loop {
        let ct = as_type(&cur);
        if ct.has_flag(flags::SLOTTED) && adds_members(ct) {
            return cur;
        }
        if !is_heap_type(ct) {
            if ct.has_flag(flags::BASE_EXC_SUBCLASS) {
                return vm.types.exc.base_exception.clone();
            }
            return cur;
        }
        let next = ct.base.get().expect("heap types have a base");
        cur = next;
    }
}

/// CPython's `best_base`: the base whose layout the new class extends (it becomes
/// `__base__`). Fails when two bases extend unrelated layouts.
pub fn best_base(vm: &mut Vm, bases: &[Obj]) -> PyResult<Obj> {
    let mut winner: Option<(Obj, Obj)> = None;
    for b in bases {
        let candidate = solid_base(vm, b);
        winner = match winner {
            None => Some((candidate, b.clone())),
            Some((w, wb)) => {
                if as_type(&w).is_subtype(as_type(&candidate)) {
                    Some((w, wb))
                } else if as_type(&candidate).is_subtype(as_type(&w)) {
                    Some((candidate, b.clone()))
                } else {
                    return Err(
                        vm.type_error("multiple bases have instance lay-out conflict".into())
                    );
                }
            }
        };
    }
    Ok(winner.expect("at least one base").1)
}

/// The cells a new class adds after its best base's: its members, then a dict and a weak
/// list unless the base already has them (a class without `__slots__` wants both).
pub fn cell_layout(vm: &mut Vm, base: &Obj, spec: Option<&SlotSpec>) -> PyResult<CellLayout> {
    let b = as_type(base);
    let (want_dict, want_weak) = spec.map_or((true, true), |s| (s.want_dict, s.want_weak));
    if spec.is_some() && want_dict && b.dictoffset != 0 {
        return Err(dict_disallowed(vm));
    }
    if spec.is_some() && want_weak && b.weaklistoffset != 0 {
        return Err(weakref_disallowed(vm));
    }
    let mut off = b.basicsize.max(HEADER);
    let mut members = Vec::new();
    for name in spec.map_or(&[][..], |s| &s.members[..]) {
        members.push((name.clone(), off));
        off += CELL;
    }
    let mut take = |want: bool, inherited: usize| {
        if inherited != 0 {
            inherited
        } else if want {
            off += CELL;
            off - CELL
        } else {
            0
        }
    };
    let dictoffset = take(want_dict, b.dictoffset);
    let weaklistoffset = take(want_weak, b.weaklistoffset);
    Ok(CellLayout {
        basicsize: off,
        dictoffset,
        weaklistoffset,
        members,
    })
}

/// The cell at byte offset `off` of the object at `p`.
///
/// # Safety
/// `p` is a slotted instance and `off` one of its `ObjSlot` cells (module invariant).
unsafe fn cell_at<'a>(p: NonNull<ObjHeader>, off: usize) -> &'a ObjSlot {
    // SAFETY: forwarded contract.
    unsafe { &*((p.as_ptr() as *const u8).add(off) as *const ObjSlot) }
}

/// Calls `f` with each member cell of the object at `p` of type `ty`, in the order CPython
/// clears them: the most derived class's members first, each class's in layout order.
///
/// # Safety
/// `p` is a slotted instance of `ty`, whose base chain is alive.
unsafe fn for_each_member(p: NonNull<ObjHeader>, ty: &TypeObject, mut f: impl FnMut(&ObjSlot)) {
    let (dictoff, weakoff) = (ty.dictoffset, ty.weaklistoffset);
    let mut t: *const TypeObject = ty;
    // SAFETY: `t` walks the live base chain of `ty`; cells are as the invariant says.
    unsafe {
        while (*t).has_flag(flags::SLOTTED) {
            let base: *const TypeObject = (*t)
                .base
                .with(|b| as_type(b.expect("heap types have a base")) as *const TypeObject);
            let lo = (*base).basicsize.max(HEADER);
            for off in (lo..(*t).basicsize).step_by(CELL) {
                if off != dictoff && off != weakoff {
                    f(cell_at(p, off));
                }
            }
            t = base;
        }
    }
}

/// Allocates a bare instance of slotted class `cls`: every cell empty, tracked by the GC.
pub fn alloc(vm: &mut Vm, cls: &Obj) -> PyResult<Obj> {
    let t = as_type(cls);
    let p = alloc_object(t, t.basicsize).map_err(|_| vm.memory_error())?;
    // SAFETY: the block has `basicsize` bytes; each cell is initialised as the layout
    // invariant says before the object is published.
    unsafe {
        let base = p.as_ptr() as *mut u8;
        for off in (HEADER..t.basicsize).step_by(CELL) {
            if off == t.weaklistoffset {
                (base.add(off) as *mut WeakList).write(WeakList::default());
            } else {
                (base.add(off) as *mut ObjSlot).write(ObjSlot::new(None));
            }
        }
        gc::track(gc_header_of(p));
    }
    // The instance owns a reference to its heap type, released by `dealloc`.
    std::mem::forget(cls.clone());
    // SAFETY: `p` is a fully initialised object with count 1.
    Ok(unsafe { Obj::from_owned(p) })
}

fn weak_list_at(p: NonNull<ObjHeader>, ty: &TypeObject) -> Option<&WeakList> {
    if ty.weaklistoffset == 0 {
        return None;
    }
    // SAFETY: `weaklistoffset` is the `WeakList` cell of slotted instances of `ty`.
    Some(unsafe { &*((p.as_ptr() as *const u8).add(ty.weaklistoffset) as *const WeakList) })
}

fn mark_finalized(addr: usize) -> bool {
    FINALIZED.with(|s| s.borrow_mut().insert(addr))
}

/// The collector's hook (PEP 442): queue `__del__` of an unreachable slotted instance once.
pub fn queue_finalizer(o: &Obj) -> bool {
    if !mark_finalized(o.addr()) {
        return false;
    }
    crate::heap::pending::push(crate::heap::pending::PendingCall::Finalize(o.clone()));
    true
}

/// The dealloc of slotted instances: `__del__` first (once; it may resurrect the object),
/// then weak references, then the members (most derived class first), the dict, and the
/// memory; last, the instance's reference to its class.
///
/// # Safety
/// Called only through a slotted heap type's dealloc slot on a dead instance.
pub unsafe fn dealloc(p: NonNull<ObjHeader>) {
    // SAFETY: the object is a dead slotted instance; it owns a reference to its type, taken
    // over here so the type (and its base chain) outlives the free.
    unsafe {
        let ty_ptr = (*p.as_ptr()).ty.get();
        let ty = &*ty_ptr;
        let addr = p.as_ptr() as usize;
        if ty.slots.finalizer.get() && mark_finalized(addr) {
            // Resurrect for the finalizer; the VM runs it and drops this handle.
            crate::heap::pending::push(crate::heap::pending::PendingCall::Finalize(
                crate::heap::handle::resurrect(p),
            ));
            return;
        }
        let ty_ref = Obj::from_owned(NonNull::from(&ty.head));
        if let Some(w) = weak_list_at(p, ty) {
            if !w.is_empty() {
                crate::objects::weakref::clear_weakrefs(w);
            }
        }
        gc_forget(p);
        for_each_member(p, ty, |c| drop(c.take()));
        if ty.dictoffset != 0 {
            drop(cell_at(p, ty.dictoffset).take());
        }
        if ty.weaklistoffset != 0 {
            std::ptr::drop_in_place((p.as_ptr() as *mut u8).add(ty.weaklistoffset) as *mut WeakList);
        }
        FINALIZED.with(|s| {
            let mut s = s.borrow_mut();
            if !s.is_empty() {
                s.remove(&addr);
            }
        });
        free_object(p, ty, ty.basicsize);
        drop(ty_ref);
    }
}

/// The collector's traverse: each member value, the managed dict's values, and the class.
pub fn traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let ty = o.ty();
    // SAFETY: installed only on slotted types; `o` is alive.
    unsafe {
        for_each_member(o.as_nonnull(), ty, |c| {
            c.with(|v| v.into_iter().for_each(&mut *visit))
        });
        if ty.dictoffset != 0 {
            crate::objects::traverse::visit_instance_dict(
                cell_at(o.as_nonnull(), ty.dictoffset),
                visit,
            );
        }
    }
    visit(&ty.to_obj_borrowed());
}

/// The collector's clear: empties every member and the dict.
pub fn clear(o: &Obj) {
    let ty = o.ty();
    // SAFETY: installed only on slotted types; `o` is alive.
    unsafe {
        for_each_member(o.as_nonnull(), ty, |c| drop(c.take()));
        if ty.dictoffset != 0 {
            crate::objects::traverse::clear_instance_dict(cell_at(o.as_nonnull(), ty.dictoffset));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::alloc::with_obmalloc;
    use crate::objects::class::{alloc_instance, generic_setattr, new_class};

    fn class_with_slots(vm: &mut Vm, name: &str, bases: Vec<Obj>, slots: &[&str]) -> Obj {
        let ns = vm.new_dict().unwrap();
        let names: Vec<Obj> = slots.iter().map(|s| vm.new_str(s).unwrap()).collect();
        let t = vm.new_tuple(names).unwrap();
        vm.dict_set_str(&ns, "__slots__", t).unwrap();
        new_class(vm, name, bases, &ns).unwrap()
    }

    #[test]
    fn mangling_follows_the_private_name_rule() {
        assert_eq!(mangle("P", "__x"), "_P__x");
        assert_eq!(mangle("_P", "__x"), "_P__x");
        assert_eq!(mangle("P", "__x__"), "__x__");
        assert_eq!(mangle("P", "_x"), "_x");
        assert_eq!(mangle("__", "__x"), "__x");
    }

    #[test]
    fn each_slot_costs_one_pointer_and_subclasses_append() {
        let mut vm = Vm::new();
        let p = class_with_slots(&mut vm, "P", vec![], &["y", "x"]);
        let pt = as_type(&p);
        assert!(pt.has_flag(flags::SLOTTED));
        assert_eq!(pt.basicsize, HEADER + 2 * CELL);
        assert_eq!((pt.dictoffset, pt.weaklistoffset), (0, 0));
        // Members are laid out in sorted order.
        let x = vm.intern("x");
        let m = vm.lookup_type_attr(pt, &x).unwrap();
        assert_eq!(crate::objects::member::offset_of(&m), HEADER);
        let q = class_with_slots(&mut vm, "Q", vec![p.clone()], &["z", "__weakref__"]);
        let qt = as_type(&q);
        assert_eq!(qt.basicsize, HEADER + 4 * CELL);
        assert_eq!(qt.weaklistoffset, HEADER + 3 * CELL);
        assert!(qt.base.get().unwrap().is(&p));
    }

    #[test]
    fn instances_release_their_block_and_values() {
        let mut vm = Vm::new();
        let p = class_with_slots(&mut vm, "P", vec![], &["a", "b", "__dict__"]);
        let names: Vec<Obj> = ["a", "b", "c"].iter().map(|n| vm.intern(n)).collect();
        let before = with_obmalloc(|m| m.bytes_in_use());
        let o = alloc_instance(&mut vm, &p, &[]).unwrap();
        let v = vm.new_list(vec![]).unwrap();
        for n in &names {
            generic_setattr(&mut vm, &o, n, Some(v.clone())).unwrap();
        }
        // Two members and one dict entry hold the list.
        assert_eq!(v.refcnt(), 4);
        assert!(with_obmalloc(|m| m.bytes_in_use()) > before);
        drop(o);
        assert_eq!(v.refcnt(), 1);
        drop(v);
        assert_eq!(with_obmalloc(|m| m.bytes_in_use()), before);
    }
}
