//! Slots of heap types: when a class defines a dunder method in Python, the matching slot is
//! set to a dispatcher that calls it; otherwise the slot is inherited from the base. The VM
//! then treats user classes and built-in types alike.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::class::{generic_getattr_with_dict, generic_setattr};
use crate::objects::descr::descr_get;
use crate::objects::typeobj::{as_type, BinaryOp, CompareOp, TypeObject, UnaryOp};
use crate::objects::{dict, int, str as pystr, tuple};
use crate::vm::{PyResult, Vm};

/// A dunder defined by a heap type in the MRO (built-in types' own entries do not count).
pub fn lookup_python_attr(vm: &mut Vm, t: &TypeObject, name: &Obj) -> Option<Obj> {
    let mro = t.mro.get()?;
    for c in tuple::items(&mro) {
        let ct = as_type(c);
        if !crate::objects::class::is_heap_type(ct) {
            return None;
        }
        if let Some(d) = ct.dict.get() {
            let data = dict::data(&d);
            // A namespace whose values a cache may borrow must report its changes.
            data.type_dict.set(true);
            if let Some(v) = data.get_str(name) {
                return Some(v);
            }
        }
    }
    let _ = vm;
    None
}

/// `lookup_python_attr` through the type attribute cache, under `key`: a name no attribute
/// can have, so these entries never mix with ordinary lookups of `name`. The cache's epoch
/// rules hold for them (the answer depends only on the MRO and its namespaces).
pub fn lookup_python_attr_cached(
    vm: &mut Vm,
    t: &TypeObject,
    name: &Obj,
    key: &Obj,
) -> Option<Obj> {
    let ty = t as *const TypeObject as usize;
    if let Some(hit) = vm.type_attr_cache.get(ty, key) {
        return hit;
    }
    let found = lookup_python_attr(vm, t, name);
    vm.type_attr_cache.put(ty, key, found.as_ref());
    found
}

fn has(vm: &mut Vm, t: &TypeObject, name: &str) -> bool {
    let n = vm.intern(name);
    lookup_python_attr(vm, t, &n).is_some()
}

/// Calls the dunder `name` found on `obj`'s type, bound to `obj`.
fn call_dunder(vm: &mut Vm, obj: &Obj, name: &str, args: &[Obj]) -> PyResult<Obj> {
    let n = vm.intern(name);
    let Some(f) = lookup_python_attr(vm, obj.ty(), &n) else {
        return Ok(vm.not_implemented.clone());
    };
    if f.is(&vm.none) {
        return Ok(vm.not_implemented.clone());
    }
    let bound = descr_get(vm, &f, Some(obj), &obj.ty().to_obj())?;
    vm.call(&bound, args)
}

/// Fills the slots of a new heap type from its dunders and its base.
pub fn fixup_slots(vm: &mut Vm, cls: &Obj) {
    let t = as_type(cls);
    let base_obj = t.base.get().expect("heap types have a base");
    let base = as_type(&base_obj);
    let s = &t.slots;
    let b = &base.slots;
    s.new.set(b.new.get());
    // A class object is called through `type`'s call slot; instances use `__call__`.
    s.call.set(if has(vm, t, "__call__") {
        Some(|vm, o, args: Args| {
            let n = vm.intern("__call__");
            let f = lookup_python_attr(vm, o.ty(), &n).expect("__call__");
            let bound = descr_get(vm, &f, Some(o), &o.ty().to_obj())?;
            vm.call_with_args(&bound, args)
        })
    } else {
        b.call.get()
    });
    s.repr.set(if has(vm, t, "__repr__") {
        Some(|vm, o| {
            let r = call_dunder(vm, o, "__repr__", &[])?;
            check_str(vm, r, "__repr__")
        })
    } else {
        b.repr.get()
    });
    s.str.set(if has(vm, t, "__str__") {
        Some(|vm, o| {
            let r = call_dunder(vm, o, "__str__", &[])?;
            check_str(vm, r, "__str__")
        })
    } else if has(vm, t, "__repr__") {
        None
    } else {
        b.str.get()
    });
    let hash_name = vm.intern("__hash__");
    match lookup_python_attr(vm, t, &hash_name) {
        Some(h) if h.is(&vm.none) => s.hash.set(None),
        Some(_) => s.hash.set(Some(|vm, o| {
            let r = call_dunder(vm, o, "__hash__", &[])?;
            match int::as_int(&r) {
                // As CPython: a result that fits a machine word is the hash itself (-1 is
                // reserved for errors), only bigger ones are reduced by int hashing.
                Some(int::IntValue::Small(-1)) => Ok(-2),
                Some(int::IntValue::Small(v)) => Ok(*v),
                Some(v) => Ok(v.hash()),
                None => Err(vm.type_error("__hash__ method should return an integer".into())),
            }
        })),
        None => s.hash.set(b.hash.get()),
    }
    let cmp_names = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
    if cmp_names.iter().any(|n| has(vm, t, n)) {
        s.richcompare.set(Some(heap_richcompare));
    } else {
        s.richcompare.set(b.richcompare.get());
    }
    let any_binary = BinaryOp::ALL.iter().any(|op| {
        let (l, r, i) = op.dunders();
        has(vm, t, l) || has(vm, t, r) || has(vm, t, i)
    });
    s.binary.set(if any_binary {
        Some(heap_binary)
    } else {
        b.binary.get()
    });
    s.inplace.set(if any_binary {
        Some(heap_inplace)
    } else {
        b.inplace.get()
    });
    s.unary.set(
        if has(vm, t, "__neg__") || has(vm, t, "__pos__") || has(vm, t, "__invert__") {
            Some(heap_unary)
        } else {
            b.unary.get()
        },
    );
    s.len.set(if has(vm, t, "__len__") {
        Some(|vm, o| {
            let r = call_dunder(vm, o, "__len__", &[])?;
            let Some(v) = int::as_int(&r) else {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    r.ty().name()
                )));
            };
            if v.is_negative() {
                return Err(vm.value_error("__len__() should return >= 0".into()));
            }
            match v {
                int::IntValue::Small(n) => Ok(*n as usize),
                int::IntValue::Big(_) => {
                    Err(vm.overflow_error("cannot fit 'int' into an index-sized integer".into()))
                }
            }
        })
    } else {
        b.len.get()
    });
    s.getitem.set(if has(vm, t, "__getitem__") {
        Some(|vm, o, k| call_dunder(vm, o, "__getitem__", std::slice::from_ref(k)))
    } else {
        b.getitem.get()
    });
    s.setitem
        .set(if has(vm, t, "__setitem__") || has(vm, t, "__delitem__") {
            Some(|vm, o, k, v| {
                match v {
                    Some(v) => call_dunder(vm, o, "__setitem__", &[k.clone(), v])?,
                    None => call_dunder(vm, o, "__delitem__", std::slice::from_ref(k))?,
                };
                Ok(())
            })
        } else {
            b.setitem.get()
        });
    s.contains.set(if has(vm, t, "__contains__") {
        Some(|vm, o, k| {
            let r = call_dunder(vm, o, "__contains__", std::slice::from_ref(k))?;
            vm.is_true(&r)
        })
    } else {
        b.contains.get()
    });
    s.iter.set(if has(vm, t, "__iter__") {
        Some(|vm, o| {
            let r = call_dunder(vm, o, "__iter__", &[])?;
            if r.ty().slots.iternext.get().is_none() {
                return Err(vm.type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    r.ty().name()
                )));
            }
            Ok(r)
        })
    } else {
        b.iter.get()
    });
    s.iternext.set(if has(vm, t, "__next__") {
        Some(|vm, o| match call_dunder(vm, o, "__next__", &[]) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                let si = vm.types.exc.stop_iteration.clone();
                if vm.err_matches(&e, &si) {
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        })
    } else {
        b.iternext.get()
    });
    s.bool.set(if has(vm, t, "__bool__") {
        Some(|vm, o| {
            let r = call_dunder(vm, o, "__bool__", &[])?;
            if r.is(&vm.true_obj) {
                Ok(true)
            } else if r.is(&vm.false_obj) {
                Ok(false)
            } else {
                Err(vm.type_error(format!(
                    "__bool__ should return bool, returned {}",
                    r.ty().name()
                )))
            }
        })
    } else {
        b.bool.get()
    });
    s.getattro.set(if has(vm, t, "__getattribute__") {
        Some(heap_getattribute)
    } else {
        Some(heap_getattro)
    });
    let has_del = has(vm, t, "__del__");
    s.finalizer.set(has_del);
    let object_layout = crate::objects::class::has_instance_layout(t);
    s.gc_finalize.set(if !has_del {
        None
    } else if t.has_flag(crate::objects::typeobj::flags::SLOTTED) {
        Some(crate::objects::slots_layout::queue_finalizer)
    } else if crate::objects::builtin_subclass::kind_of(vm, t).is_some() {
        Some(crate::objects::builtin_subclass::queue_finalizer)
    } else if object_layout {
        Some(crate::objects::class::queue_finalizer)
    } else {
        None
    });
    s.setattro
        .set(if has(vm, t, "__setattr__") || has(vm, t, "__delattr__") {
            Some(|vm, o, n, v| {
                match v {
                    Some(v) => call_dunder(vm, o, "__setattr__", &[n.clone(), v])?,
                    None => call_dunder(vm, o, "__delattr__", std::slice::from_ref(n))?,
                };
                Ok(())
            })
        } else {
            Some(heap_setattro)
        });
}

fn check_str(vm: &mut Vm, r: Obj, what: &str) -> PyResult<Obj> {
    if pystr::is_str(&r) {
        Ok(r)
    } else {
        Err(vm.type_error(format!(
            "{what} returned non-string (type {})",
            r.ty().name()
        )))
    }
}

pub fn heap_getattro(vm: &mut Vm, o: &Obj, name: &Obj) -> PyResult<Obj> {
    match generic_getattr_with_dict(vm, o, name) {
        Ok(Some(v)) => return Ok(v),
        Ok(None) => {}
        // A descriptor's AttributeError (an unset slot, a property) falls back to
        // `__getattr__`, as CPython's attribute hook does.
        Err(e)
            if e.exc
                .ty()
                .is_subtype(as_type(&vm.types.exc.attribute_error)) =>
        {
            let ga = vm.intern("__getattr__");
            if lookup_python_attr(vm, o.ty(), &ga).is_none() {
                return Err(e);
            }
        }
        Err(e) => return Err(e),
    }
    if crate::objects::exception::is_exception(o) {
        if let Ok(v) = crate::objects::os_error::exc_family_getattro(vm, o, name) {
            return Ok(v);
        }
    }
    let ga = vm.intern("__getattr__");
    if let Some(f) = lookup_python_attr(vm, o.ty(), &ga) {
        let bound = descr_get(vm, &f, Some(o), &o.ty().to_obj())?;
        return vm.call(&bound, std::slice::from_ref(name));
    }
    let n = pystr::as_str(name).to_string();
    Err(vm.no_attribute(o, &n))
}

/// Attribute lookup of a class that overrides `__getattribute__`: it is called for every
/// lookup, and an AttributeError from it falls back to `__getattr__`, as in CPython.
fn heap_getattribute(vm: &mut Vm, o: &Obj, name: &Obj) -> PyResult<Obj> {
    let r = call_dunder(vm, o, "__getattribute__", std::slice::from_ref(name));
    match r {
        Err(e)
            if e.exc
                .ty()
                .is_subtype(as_type(&vm.types.exc.attribute_error)) =>
        {
            let ga = vm.intern("__getattr__");
            match lookup_python_attr(vm, o.ty(), &ga) {
                Some(f) => {
                    let bound = descr_get(vm, &f, Some(o), &o.ty().to_obj())?;
                    vm.call(&bound, std::slice::from_ref(name))
                }
                None => Err(e),
            }
        }
        r => r,
    }
}

/// `object.__getattribute__(obj, name)`: the generic lookup, without `__getattr__`.
pub fn object_getattribute(vm: &mut Vm, o: &Obj, name: &Obj) -> PyResult<Obj> {
    match generic_getattr_with_dict(vm, o, name)? {
        Some(v) => Ok(v),
        None => vm.generic_getattr(o, name),
    }
}

pub fn heap_setattro(vm: &mut Vm, o: &Obj, name: &Obj, v: Option<Obj>) -> PyResult<()> {
    if crate::objects::exception::is_exception(o) {
        let special = matches!(
            pystr::as_str(name),
            "__cause__" | "__context__" | "__traceback__" | "args"
        );
        if special {
            return crate::objects::exc_type::exc_setattro(vm, o, name, v);
        }
    }
    generic_setattr(vm, o, name, v)
}

fn cmp_dunder(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Lt => "__lt__",
        CompareOp::Le => "__le__",
        CompareOp::Eq => "__eq__",
        CompareOp::Ne => "__ne__",
        CompareOp::Gt => "__gt__",
        CompareOp::Ge => "__ge__",
    }
}

/// `a op b` where `a` is an instance of a class with comparison dunders. Returns
/// NotImplemented when undefined, so the VM tries the reflected form on `b`.
fn heap_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let name = cmp_dunder(op);
    if has(vm, a.ty(), name) {
        return call_dunder(vm, a, name, std::slice::from_ref(b));
    }
    if op == CompareOp::Ne && has(vm, a.ty(), "__eq__") {
        let r = call_dunder(vm, a, "__eq__", std::slice::from_ref(b))?;
        if r.is(&vm.not_implemented) {
            return Ok(r);
        }
        let t = vm.is_true(&r)?;
        return Ok(vm.new_bool(!t));
    }
    // Inherited from a built-in base (`int.__lt__` for an int subclass defining only
    // `__eq__`): that base's slot, as CPython's slot wrappers run the base's C function.
    if let Some(f) = first_builtin_base(a.ty(), |t| t.slots.richcompare.get()) {
        return f(vm, a, b, op);
    }
    if matches!(op, CompareOp::Eq | CompareOp::Ne) {
        // object's default: identity.
        if a.is(b) {
            return Ok(vm.new_bool(op == CompareOp::Eq));
        }
    }
    Ok(vm.not_implemented.clone())
}

fn is_heap_instance(o: &Obj) -> bool {
    crate::objects::class::is_heap_type(o.ty())
}

/// Both sides of a binary operator for heap-type operands: `a.__op__(b)`, then
/// `b.__rop__(a)` when the types differ.
///
/// A side whose class defines no such method in Python inherits it from its built-in base
/// (`float.__sub__` for a float subclass that defines only `__add__`): that base's slot
/// runs, as CPython's slot wrappers run the base's C function.
fn heap_binary(vm: &mut Vm, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (l, r, _) = op.dunders();
    let same = std::ptr::eq(a.type_ptr(), b.type_ptr());
    // A subclass's reflected method takes priority (CPython's rule).
    let b_first = !same && is_heap_instance(b) && b.ty().is_subtype(a.ty()) && has(vm, b.ty(), r);
    if b_first {
        let res = call_dunder(vm, b, r, std::slice::from_ref(a))?;
        if !res.is(&vm.not_implemented) {
            return Ok(res);
        }
    }
    let mut tried_builtin = None;
    if is_heap_instance(a) {
        let res = if has(vm, a.ty(), l) {
            call_dunder(vm, a, l, std::slice::from_ref(b))?
        } else if let Some(f) = first_builtin_base(a.ty(), |t| t.slots.binary.get()) {
            tried_builtin = Some(f);
            f(vm, op, a, b)?
        } else {
            vm.not_implemented.clone()
        };
        if !res.is(&vm.not_implemented) {
            return Ok(res);
        }
    }
    if !same && !b_first && is_heap_instance(b) {
        let res = if has(vm, b.ty(), r) {
            call_dunder(vm, b, r, std::slice::from_ref(a))?
        } else {
            // Not the same built-in slot twice (both sides derive from one built-in type).
            match first_builtin_base(b.ty(), |t| t.slots.binary.get()) {
                Some(f) if !tried_builtin.is_some_and(|t| std::ptr::fn_addr_eq(t, f)) => {
                    f(vm, op, a, b)?
                }
                _ => vm.not_implemented.clone(),
            }
        };
        if !res.is(&vm.not_implemented) {
            return Ok(res);
        }
    }
    Ok(vm.not_implemented.clone())
}

/// `slot` of the first built-in type on `t`'s MRO (where `lookup_python_attr` stops
/// looking): what a method `t`'s classes do not define in Python is inherited from.
fn first_builtin_base<T>(t: &TypeObject, slot: impl Fn(&TypeObject) -> Option<T>) -> Option<T> {
    let mro = t.mro.get()?;
    tuple::items(&mro)
        .iter()
        .map(as_type)
        .find(|ct| !crate::objects::class::is_heap_type(ct))
        .and_then(slot)
}

fn heap_inplace(vm: &mut Vm, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (_, _, i) = op.dunders();
    if has(vm, a.ty(), i) {
        return call_dunder(vm, a, i, std::slice::from_ref(b));
    }
    Ok(vm.not_implemented.clone())
}

fn heap_unary(vm: &mut Vm, op: UnaryOp, a: &Obj) -> PyResult<Obj> {
    let name = match op {
        UnaryOp::Negative => "__neg__",
        UnaryOp::Positive => "__pos__",
        UnaryOp::Invert => "__invert__",
    };
    if has(vm, a.ty(), name) {
        return call_dunder(vm, a, name, &[]);
    }
    let sym = match op {
        UnaryOp::Negative => "-",
        UnaryOp::Positive => "+",
        UnaryOp::Invert => "~",
    };
    Err(vm.type_error(format!(
        "bad operand type for unary {sym}: '{}'",
        a.ty().name()
    )))
}
