//! The native `_weakref` module: the reference and proxy types, `proxy`,
//! `getweakrefcount` and `getweakrefs`. The Python-level `weakref` module (containers,
//! `WeakMethod`, `finalize`) is frozen source built on it (`weakref.py`, loaded by
//! `modules::frozen` on first import).

use crate::heap::Obj;
use crate::objects::module::module_dict;
use crate::objects::weakref::weak_list;
use crate::vm::Vm;

/// The frozen `weakref` module's source.
pub const WEAKREF_PY: &str = include_str!("weakref.py");

pub fn create(vm: &mut Vm) -> Obj {
    let m = vm.new_module("_weakref").expect("startup");
    let d = module_dict(&m).clone();
    let wr = vm.types.weakref.clone();
    vm.dict_set_str(&d, "ref", wr.clone()).expect("startup");
    vm.dict_set_str(&d, "ReferenceType", wr).expect("startup");
    let p = vm.types.weakproxy.clone();
    vm.dict_set_str(&d, "ProxyType", p).expect("startup");
    let cp = vm.types.weakcallableproxy.clone();
    vm.dict_set_str(&d, "CallableProxyType", cp)
        .expect("startup");
    let funcs: &[(&'static str, crate::objects::function::BuiltinFn)] = &[
        ("getweakrefcount", |vm, a| {
            let p = a.exact(vm, "getweakrefcount", 1, 1)?;
            let n = weak_list(&p[0]).map_or(0, |l| l.len());
            vm.new_usize(n)
        }),
        ("getweakrefs", |vm, a| {
            let p = a.exact(vm, "getweakrefs", 1, 1)?;
            let refs = crate::objects::weakref::weakrefs_of(&p[0]);
            vm.new_list(refs)
        }),
        // `_bind(func, obj)`: the bound method `WeakMethod` hands back.
        ("_bind", |vm, a| {
            let p = a.exact(vm, "_bind", 2, 2)?;
            vm.new_method(p[0].clone(), p[1].clone())
        }),
        ("proxy", |vm, a| {
            let p = a.exact(vm, "proxy", 1, 2)?;
            let cb = p.get(1).filter(|c| !c.is(&vm.none)).cloned();
            crate::objects::weakproxy::proxy_new(vm, &p[0], cb)
        }),
    ];
    for (name, f) in funcs {
        let o = vm.new_builtin(name, *f).expect("startup");
        vm.dict_set_str(&d, name, o).expect("startup");
    }
    m
}

/// Runs the `weakref.finalize` objects still alive with `atexit` set, newest first, as
/// CPython's atexit hook does. Only if the program imported `weakref`.
pub fn run_exit_finalizers(vm: &mut Vm) {
    let key = vm.intern("weakref");
    let Some(m) = crate::objects::dict::data(&vm.modules).get_str(&key) else {
        return;
    };
    let d = module_dict(&m).clone();
    let k = vm.intern("_next_exit_finalizer");
    let Some(next) = crate::objects::dict::data(&d).get_str(&k) else {
        return;
    };
    loop {
        let f = match vm.call(&next, &[]) {
            Ok(f) if !f.is(&vm.none) => f,
            _ => break,
        };
        if let Err(e) = vm.call(&f, &[]) {
            vm.flush();
            let report = vm.format_exception(&e.exc);
            eprint!("{report}");
        }
        vm.run_pending();
    }
}
