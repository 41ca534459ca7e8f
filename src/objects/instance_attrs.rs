//! Where an instance keeps its own attributes: as inline values indexed by its class's shared
//! keys (plain class instances, CPython 3.11's default), or in an instance dict (once
//! `__dict__` is asked for, an attribute is deleted, the names stop following the class's key
//! order, and always for the other layouts with a dict slot: exception, slotted and built-in
//! subclasses).
//!
//! Invariants:
//! - An instance uses at most one of the two: while its dict slot is empty, its values
//!   (possibly none) are its attributes; once the slot holds a dict, the values are empty
//!   and stay so.
//! - Value `i` belongs to key `i` of the type's shared keys, and present values are a prefix
//!   of the keys, so iteration in index order is insertion order, as a dict would give.
//! - Turning values into a dict ("materialising") keeps every attribute and its order; what
//!   a program can observe (values, order, reference counts) does not change.

use crate::heap::instance_values::InstanceValues;
use crate::heap::Obj;
use crate::objects::class::{has_instance_layout, instance_dict_slot, InstanceData};
use crate::objects::dict;
use crate::vm::{PyResult, Vm};

/// The inline values of `obj`, when its type has the plain-instance layout.
#[inline(always)]
pub fn values_of(obj: &Obj) -> Option<&InstanceValues> {
    if has_instance_layout(obj.ty()) {
        // SAFETY: types with the plain-instance dealloc have the `PyBox<InstanceData>` layout.
        Some(&unsafe { crate::objects::pybox::payload::<InstanceData>(obj) }.values)
    } else {
        None
    }
}

/// `obj`'s own attribute `name` (no descriptors, no class attributes).
pub fn get(obj: &Obj, name: &Obj) -> Option<Obj> {
    let slot = instance_dict_slot(obj)?;
    if let Some(d) = slot.get() {
        return dict::data(&d).get_str(name);
    }
    let values = values_of(obj)?;
    let i = obj.ty().shared_keys.index_of(name)?;
    values.get(i)
}

/// Whether `obj` has an own attribute `name`.
pub fn has(obj: &Obj, name: &Obj) -> bool {
    get(obj, name).is_some()
}

/// The shared-key index of `name` (an interned str: a name from a code object) when `obj`
/// keeps it as an inline value.
#[inline]
pub fn inline_index(obj: &Obj, name: &Obj) -> Option<usize> {
    let values = values_of(obj)?;
    if values.is_empty() {
        return None;
    }
    let i = obj.ty().shared_keys.index_of_interned(name)?;
    (i < values.len()).then_some(i)
}

/// Whether `obj` has an own attribute `name`, an interned str (a name from a code object).
#[inline]
pub fn has_interned(obj: &Obj, name: &Obj) -> bool {
    let Some(slot) = instance_dict_slot(obj) else {
        return false;
    };
    if slot.is_some() {
        return slot.with(|d| d.is_some_and(|d| dict::data(d).get_str(name).is_some()));
    }
    inline_index(obj, name).is_some()
}

/// The names of `obj`'s own attributes, in insertion order.
pub fn keys(obj: &Obj) -> Vec<Obj> {
    let Some(slot) = instance_dict_slot(obj) else {
        return Vec::new();
    };
    if let Some(d) = slot.get() {
        return dict::data(&d).keys();
    }
    let n = values_of(obj).map_or(0, |v| v.len());
    let keys = &obj.ty().shared_keys;
    (0..n).map(|i| keys.key(i)).collect()
}

/// The instance dict of `obj`, created on first use: inline values move into it, in order.
/// None when the type has no dict slot.
pub fn materialize(vm: &mut Vm, obj: &Obj) -> PyResult<Option<Obj>> {
    let Some(slot) = instance_dict_slot(obj) else {
        return Ok(None);
    };
    if let Some(d) = slot.get() {
        return Ok(Some(d));
    }
    let d = vm.new_dict()?;
    dict::data(&d).managed.set(true);
    // Filled from copies first, so a failure (MemoryError) loses nothing.
    let keys = &obj.ty().shared_keys;
    let values = values_of(obj);
    for i in 0..values.map_or(0, |v| v.len()) {
        let v = values
            .and_then(|v| v.get(i))
            .expect("present values are a prefix");
        vm.dict_set(&d, keys.key(i), v)?;
    }
    slot.set(Some(d.clone()));
    // The dict holds every value now: releasing the values' own references frees nothing.
    if let Some(values) = values {
        values.clear();
    }
    Ok(Some(d))
}

/// Stores `obj.name = value` in `obj`'s own attributes. Err(value) back when the type has no
/// dict slot.
pub fn set(vm: &mut Vm, obj: &Obj, name: &Obj, value: Obj) -> PyResult<Result<(), Obj>> {
    let Some(slot) = instance_dict_slot(obj) else {
        return Ok(Err(value));
    };
    if !slot.is_some() {
        if let Some(values) = values_of(obj) {
            let keys = &obj.ty().shared_keys;
            let len = values.len();
            let index = match keys.index_of(name) {
                Some(i) => Some(i),
                // A new name extends the class's keys only from an instance holding all of
                // them, so the new value lands right after the others.
                None if len == keys.len() => keys.append(vm, name),
                None => None,
            };
            match index {
                Some(i) if i < len => {
                    let old = values.replace(i, value);
                    drop(old);
                    return Ok(Ok(()));
                }
                Some(i) if i == len => {
                    values
                        .push(value, keys.len())
                        .map_err(|_| vm.memory_error())?;
                    return Ok(Ok(()));
                }
                // Out of the class's key order: this instance needs a dict of its own.
                _ => {}
            }
        }
    }
    let d = materialize(vm, obj)?.expect("the type has a dict slot");
    vm.dict_set(&d, name.clone(), value)?;
    Ok(Ok(()))
}

/// `del obj.name` on `obj`'s own attributes: whether it was there. Deleting turns inline
/// values into a dict (a hole would break the prefix invariant).
pub fn delete(vm: &mut Vm, obj: &Obj, name: &Obj) -> PyResult<bool> {
    let Some(slot) = instance_dict_slot(obj) else {
        return Ok(false);
    };
    if !slot.is_some() && !has(obj, name) {
        return Ok(false);
    }
    let d = materialize(vm, obj)?.expect("the type has a dict slot");
    Ok(dict::data(&d).remove(vm, name)?.is_some())
}
