//! `weakref.proxy` objects: `ProxyType` and `CallableProxyType`.
//!
//! A proxy has the layout of a weak reference (`WeakrefData`) and lives in its referent's
//! weak list like one, so clearing, callbacks and `getweakrefcount` treat both alike. Every
//! operation on a proxy is forwarded to the referent (operands that are proxies are unwrapped
//! first); once the referent is gone each raises `ReferenceError`.
//!
//! Invariant: a proxy's type is `CallableProxyType` exactly when its referent was callable
//! when the proxy was made.

use crate::heap::Obj;
use crate::objects::typeobj::{as_type, CompareOp, TypeObject};
use crate::objects::weakref::{referent, WeakKind};
use crate::vm::{PyResult, Vm};

/// Whether `o` is a weak proxy (either kind).
pub fn is_proxy(vm: &Vm, o: &Obj) -> bool {
    let t = o.type_ptr();
    std::ptr::eq(t, as_type(&vm.types.weakproxy) as *const TypeObject)
        || std::ptr::eq(t, as_type(&vm.types.weakcallableproxy) as *const TypeObject)
}

/// The live referent of proxy `p`, or CPython's `ReferenceError`.
fn live(vm: &mut Vm, p: &Obj) -> PyResult<Obj> {
    match referent(p) {
        Some(r) => Ok(r),
        None => {
            let t = vm.types.exc.reference_error.clone();
            Err(vm.new_error(&t, "weakly-referenced object no longer exists".into()))
        }
    }
}

/// `o` itself, or its referent when `o` is a proxy.
fn unwrap(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    if is_proxy(vm, o) {
        live(vm, o)
    } else {
        Ok(o.clone())
    }
}

pub fn install(vm: &mut Vm) {
    for ty in [
        vm.types.weakproxy.clone(),
        vm.types.weakcallableproxy.clone(),
    ] {
        let t = as_type(&ty);
        t.slots.new.set(Some(|vm, cls, _args| {
            Err(vm.type_error(format!("cannot create '{}' instances", as_type(cls).name())))
        }));
        t.slots.repr.set(Some(|vm, p| {
            // A dead proxy refers to None, as CPython's report shows.
            let r = referent(p).unwrap_or_else(|| vm.none.clone());
            let s = format!(
                "<weakproxy at {:#x} to {} at {:#x}>",
                p.addr(),
                r.ty().name(),
                r.addr()
            );
            vm.new_str(&s)
        }));
        // Proxies are never hashable (their referent's hash could vanish with it).
        t.slots.hash.set(Some(|vm, p| {
            Err(vm.type_error(format!("unhashable type: '{}'", p.ty().name())))
        }));
        t.slots.str.set(Some(|vm, p| {
            let r = live(vm, p)?;
            vm.str(&r)
        }));
        t.slots.getattro.set(Some(|vm, p, name| {
            let r = live(vm, p)?;
            vm.getattr(&r, name)
        }));
        t.slots.setattro.set(Some(|vm, p, name, v| {
            let r = live(vm, p)?;
            vm.setattr(&r, name, v)
        }));
        t.slots.richcompare.set(Some(|vm, a, b, op: CompareOp| {
            let (a, b) = (unwrap(vm, a)?, unwrap(vm, b)?);
            vm.richcompare(&a, &b, op)
        }));
        t.slots.binary.set(Some(|vm, op, a, b| {
            let (a, b) = (unwrap(vm, a)?, unwrap(vm, b)?);
            vm.binary_op(op, &a, &b)
        }));
        // `p += x` updates the referent in place when it can; the name is then bound to
        // what the referent's operation returned (the referent itself, for a list).
        t.slots.inplace.set(Some(|vm, op, a, b| {
            let (a, b) = (unwrap(vm, a)?, unwrap(vm, b)?);
            vm.inplace_op(op, a, &b)
        }));
        t.slots.unary.set(Some(|vm, op, p| {
            let r = live(vm, p)?;
            vm.unary_op(op, &r)
        }));
        t.slots.bool.set(Some(|vm, p| {
            let r = live(vm, p)?;
            vm.is_true(&r)
        }));
        t.slots.len.set(Some(|vm, p| {
            let r = live(vm, p)?;
            vm.len(&r)
        }));
        t.slots.getitem.set(Some(|vm, p, k| {
            let r = live(vm, p)?;
            vm.getitem(&r, k)
        }));
        t.slots.setitem.set(Some(|vm, p, k, v| {
            let r = live(vm, p)?;
            vm.setitem(&r, k, v)
        }));
        t.slots.contains.set(Some(|vm, p, item| {
            let r = live(vm, p)?;
            vm.contains(&r, item)
        }));
        t.slots.iter.set(Some(|vm, p| {
            let r = live(vm, p)?;
            vm.get_iter(&r)
        }));
        t.slots.iternext.set(Some(|vm, p| {
            let r = live(vm, p)?;
            if r.ty().slots.iternext.get().is_none() {
                return Err(vm.type_error(format!(
                    "Weakref proxy referenced a non-iterator '{}' object",
                    r.ty().name()
                )));
            }
            vm.next(&r)
        }));
        // Conversions the VM finds as methods on the type, forwarded to the referent.
        crate::vm::types::add_method(vm, &ty, "__int__", |vm, p, _| {
            let r = live(vm, p)?;
            let int = vm.types.int.clone();
            vm.call(&int, &[r])
        });
        crate::vm::types::add_method(vm, &ty, "__float__", |vm, p, _| {
            let r = live(vm, p)?;
            let float = vm.types.float.clone();
            vm.call(&float, &[r])
        });
        crate::vm::types::add_method(vm, &ty, "__index__", |vm, p, _| {
            let r = live(vm, p)?;
            if crate::objects::int::as_int(&r).is_some() {
                return Ok(r);
            }
            match vm.call_dunder_opt(&r, "__index__", &[])? {
                Some(i) => Ok(i),
                None => Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    r.ty().name()
                ))),
            }
        });
        crate::vm::types::add_method(vm, &ty, "__abs__", |vm, p, _| {
            let r = live(vm, p)?;
            let key = vm.intern("abs");
            let abs = crate::objects::dict::data(&vm.builtins_dict)
                .get_str(&key)
                .expect("builtins.abs");
            vm.call(&abs, &[r])
        });
        t.slots
            .traverse
            .set(as_type(&vm.types.weakref).slots.traverse.get());
        t.slots
            .clear
            .set(as_type(&vm.types.weakref).slots.clear.get());
    }
    as_type(&vm.types.weakcallableproxy)
        .slots
        .call
        .set(Some(|vm, p, args| {
            let r = live(vm, p)?;
            vm.call_with_args(&r, args)
        }));
}

/// `weakref.proxy(object[, callback])`.
pub fn proxy_new(vm: &mut Vm, obj: &Obj, callback: Option<Obj>) -> PyResult<Obj> {
    vm.new_weak(obj, callback, WeakKind::Proxy)
}
