//! Changing a class after the fact: `obj.__class__ = B` and `C.__bases__ = (...)`, with
//! CPython 3.11's rules (`object_set_class`, `type_set_bases`) for when the old and new
//! classes are "compatible for assignment", and its error messages.
//!
//! Invariants:
//! - An instance's class changes only to a heap type with exactly its layout (size, dealloc,
//!   dict and weak-list offsets), so every layout-dependent function (dealloc, traverse,
//!   member descriptors, the inline attribute caches keyed by type) stays valid.
//! - The instance's one reference moves from the old class to the new one, as in CPython, and
//!   so does its entry in the per-type census.
//! - `__bases__` changes only to bases whose best base has the old one's layout; the class's
//!   and its subclasses' MROs are recomputed (all or nothing) and the type attribute cache's
//!   epoch moves, which invalidates every attribute cache.

use crate::heap::Obj;
use crate::objects::class::is_heap_type;
use crate::objects::typeobj::{as_type, try_as_type, TypeObject};
use crate::objects::{dict, tuple};
use crate::vm::{PyResult, Vm};

/// The setter of `object.__class__`.
pub fn set_class(vm: &mut Vm, obj: &Obj, value: Option<Obj>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(vm.type_error("can't delete __class__ attribute".into()));
    };
    let Some(newto) = try_as_type(&value) else {
        return Err(vm.type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            value.ty().name()
        )));
    };
    let oldto = obj.ty();
    let module = as_type(&vm.types.module);
    // Pyrena's modules are all of the one built-in module type, so a module can only be
    // "moved" to that same type.
    if newto.is_subtype(module) && oldto.is_subtype(module) && std::ptr::eq(newto, oldto) {
        return Ok(());
    }
    if !is_heap_type(newto) || !is_heap_type(oldto) {
        return Err(vm.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses".into(),
        ));
    }
    compatible_for_assignment(vm, oldto, newto, "__class__")?;
    // Inline values are indexed by the old class's shared keys: they move into a dict
    // before the instance changes class.
    if crate::objects::instance_attrs::values_of(obj).is_some_and(|v| !v.is_empty()) {
        crate::objects::instance_attrs::materialize(vm, obj)?;
    }
    crate::objects::class::retype_instance(obj, &value);
    Ok(())
}

/// CPython's `compatible_with_tp_base`: `child` adds nothing to its base's instance layout.
fn compatible_with_base(child: &TypeObject) -> Option<Obj> {
    let parent = child.base.get()?;
    let p = as_type(&parent);
    let same = child.basicsize == p.basicsize
        && child.dictoffset == p.dictoffset
        && child.weaklistoffset == p.weaklistoffset
        && child.has_gc() == p.has_gc()
        && (is_heap_type(child) || std::ptr::fn_addr_eq(child.dealloc, p.dealloc));
    same.then_some(parent)
}

/// The highest class in `t`'s base chain whose instances have `t`'s layout.
fn layout_root(t: &TypeObject) -> Obj {
    let mut cur = t.to_obj();
    while let Some(parent) = compatible_with_base(as_type(&cur)) {
        cur = parent;
    }
    cur
}

/// The `__slots__` members class `t` added itself (names of the member descriptors it owns,
/// in layout order): CPython compares `ht_slots`.
fn own_members(vm: &Vm, t: &TypeObject) -> Vec<String> {
    let Some(d) = t.dict.get() else {
        return Vec::new();
    };
    let mut members: Vec<(usize, String)> = dict::data(&d)
        .items()
        .into_iter()
        .filter(|(_, v)| crate::objects::member::is_member(vm, v))
        .filter(|(_, v)| std::ptr::eq(crate::objects::member::owner_of(v), t))
        .map(|(_, v)| {
            let name = crate::objects::member::name_of(&v).to_string();
            (crate::objects::member::offset_of(&v), name)
        })
        .collect();
    members.sort();
    members.into_iter().map(|(_, n)| n).collect()
}

/// CPython's `same_slots_added` for two classes with the same base: both extend it with the
/// same cells. Pyrena also requires the same dealloc, since its layouts are told apart by it
/// (a class whose `__slots__` is `('__dict__', '__weakref__')` uses the cell layout, a plain
/// class the instance-data layout; CPython lays the two out alike).
fn same_slots_added(vm: &Vm, a: &TypeObject, b: &TypeObject) -> bool {
    is_heap_type(a)
        && is_heap_type(b)
        && a.basicsize == b.basicsize
        && a.dictoffset == b.dictoffset
        && a.weaklistoffset == b.weaklistoffset
        && std::ptr::fn_addr_eq(a.dealloc, b.dealloc)
        && own_members(vm, a) == own_members(vm, b)
}

/// CPython's `compatible_for_assignment`: whether an object of layout `oldto` may become one
/// of `newto` (`attr` names the assignment in the messages).
fn compatible_for_assignment(
    vm: &mut Vm,
    oldto: &TypeObject,
    newto: &TypeObject,
    attr: &str,
) -> PyResult<()> {
    // CPython compares `tp_free`: GC objects and plain ones are freed differently.
    if newto.has_gc() != oldto.has_gc() {
        return Err(vm.type_error(format!(
            "{attr} assignment: '{}' deallocator differs from '{}'",
            newto.name(),
            oldto.name()
        )));
    }
    let newbase = layout_root(newto);
    let oldbase = layout_root(oldto);
    let (nb, ob) = (as_type(&newbase), as_type(&oldbase));
    let same_parent = match (nb.base.get(), ob.base.get()) {
        (Some(x), Some(y)) => x.is(&y),
        (None, None) => true,
        _ => false,
    };
    let compatible = newbase.is(&oldbase) || (same_parent && same_slots_added(vm, nb, ob));
    // The layouts must really be one (what the invariant of this module relies on).
    let identical = newto.basicsize == oldto.basicsize
        && newto.dictoffset == oldto.dictoffset
        && newto.weaklistoffset == oldto.weaklistoffset
        && std::ptr::fn_addr_eq(newto.dealloc, oldto.dealloc);
    if compatible && identical {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "{attr} assignment: '{}' object layout differs from '{}'",
        newto.name(),
        oldto.name()
    )))
}

/// What a class had before `__bases__` changed, to put back if a new MRO cannot be made.
struct Saved {
    cls: Obj,
    bases: Option<Obj>,
    base: Option<Obj>,
    mro: Option<Obj>,
}

/// `C.__bases__ = bases` (and `del C.__bases__`), from `type.__setattr__`.
pub fn set_bases(vm: &mut Vm, cls: &Obj, value: Option<Obj>) -> PyResult<()> {
    let t = as_type(cls);
    let name = t.name().to_string();
    if !is_heap_type(t) {
        return Err(vm.type_error(format!(
            "cannot set '__bases__' attribute of immutable type '{name}'"
        )));
    }
    let Some(value) = value else {
        // CPython 3.11's wording, for any class.
        return Err(vm.type_error(format!(
            "cannot delete '__bases__' attribute of immutable type '{name}'"
        )));
    };
    let Some(items) = tuple::try_items(&value).map(<[Obj]>::to_vec) else {
        return Err(vm.type_error(format!(
            "can only assign tuple to {name}.__bases__, not {}",
            value.ty().name()
        )));
    };
    if items.is_empty() {
        return Err(vm.type_error(format!(
            "can only assign non-empty tuple to {name}.__bases__, not ()"
        )));
    }
    for b in &items {
        let Some(bt) = try_as_type(b) else {
            return Err(vm.type_error(format!(
                "{name}.__bases__ must be tuple of classes, not '{}'",
                b.ty().name()
            )));
        };
        if bt.is_subtype(t) {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle".into()));
        }
    }
    let new_base = crate::objects::slots_layout::best_base(vm, &items)?;
    let old_base = t.base.get().expect("heap types have a base");
    compatible_for_assignment(vm, as_type(&old_base), as_type(&new_base), "__bases__")?;

    // `cls`, then the subclasses whose MRO goes through it, bases first.
    let order: Vec<Obj> = std::iter::once(cls.clone())
        .chain(crate::heap::census::live_subclasses(cls))
        .collect();
    let saved: Vec<Saved> = order
        .iter()
        .map(|c| {
            let ct = as_type(c);
            Saved {
                cls: c.clone(),
                bases: ct.bases.get(),
                base: ct.base.get(),
                mro: ct.mro.get(),
            }
        })
        .collect();

    t.bases.set(Some(value.clone()));
    t.base.set(Some(new_base));
    for c in &order {
        if let Err(e) = recompute_mro(vm, c) {
            for s in &saved {
                let st = as_type(&s.cls);
                st.bases.set(s.bases.clone());
                st.base.set(s.base.clone());
                st.mro.set(s.mro.clone());
            }
            crate::heap::type_attr_cache::invalidate();
            return Err(e);
        }
    }
    crate::heap::type_attr_cache::invalidate();
    // Inherited slots (repr, hash, operators ...) now come from the new bases.
    for c in &order {
        crate::objects::class_slots::fixup_slots(vm, c);
    }
    drop(saved);
    Ok(())
}

/// Sets `cls.__mro__` to the C3 linearisation of its (current) bases.
fn recompute_mro(vm: &mut Vm, cls: &Obj) -> PyResult<()> {
    let t = as_type(cls);
    let bases = t.bases.get().expect("classes have bases");
    let rest = crate::objects::class::c3_mro(vm, tuple::items(&bases))?;
    let mut mro = Vec::with_capacity(rest.len() + 1);
    mro.push(cls.clone());
    mro.extend(rest);
    let mro = vm.new_tuple(mro)?;
    t.mro.set(Some(mro));
    crate::heap::type_attr_cache::invalidate();
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::objects::class::{alloc_instance, new_class};
    use crate::objects::typeobj::as_type;
    use crate::vm::Vm;

    fn plain_class(vm: &mut Vm, name: &str) -> crate::heap::Obj {
        let ns = vm.new_dict().unwrap();
        new_class(vm, name, vec![], &ns).unwrap()
    }

    #[test]
    fn the_instance_reference_and_census_entry_move_with_the_class() {
        let mut vm = Vm::new();
        let a = plain_class(&mut vm, "A");
        let b = plain_class(&mut vm, "B");
        let (ra, rb) = (a.refcnt(), b.refcnt());
        let o = alloc_instance(&mut vm, &a, &[]).unwrap();
        assert_eq!((a.refcnt(), as_type(&a).instances.count()), (ra + 1, 1));
        super::set_class(&mut vm, &o, Some(b.clone())).unwrap();
        assert!(std::ptr::eq(o.ty(), as_type(&b)));
        assert_eq!((a.refcnt(), b.refcnt()), (ra, rb + 1));
        assert_eq!(as_type(&a).instances.count(), 0);
        assert_eq!(as_type(&b).instances.count(), 1);
        drop(o);
        assert_eq!((b.refcnt(), as_type(&b).instances.count()), (rb, 0));
    }

    #[test]
    fn a_failed_bases_assignment_leaves_the_class_as_it_was() {
        let mut vm = Vm::new();
        let a = plain_class(&mut vm, "A");
        let ns = vm.new_dict().unwrap();
        let b = new_class(&mut vm, "B", vec![a.clone()], &ns).unwrap();
        let mro = as_type(&b).mro.get().unwrap();
        // (B,) would make B its own base.
        let bad = vm.new_tuple(vec![b.clone()]).unwrap();
        assert!(super::set_bases(&mut vm, &b, Some(bad)).is_err());
        assert!(as_type(&b).mro.get().unwrap().is(&mro));
    }
}
