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

#[cfg(test)]
mod tests {
    //! Python snippets whose `assert`s check the weakref and gc behaviour; a failed assert
    //! makes the run exit with status 1.
    use crate::Interpreter;

    fn check(src: &str) {
        let exit = Interpreter::new().run_main(src, "<test>");
        assert_eq!(exit.code, 0, "snippet failed:\n{src}");
    }

    #[test]
    fn refs_are_shared_cleared_and_hashed_like_cpython() {
        check(
            "import weakref\n\
             class C: pass\n\
             c = C()\n\
             r = weakref.ref(c)\n\
             assert r is weakref.ref(c) and r is weakref.ref(c, None)\n\
             seen = []\n\
             r2 = weakref.ref(c, seen.append)\n\
             assert r2 is not r and r2 == r and hash(r2) == hash(c)\n\
             assert weakref.getweakrefcount(c) == 2\n\
             del c\n\
             assert r() is None and seen == [r2] and r2 != r\n\
             try:\n    hash(r)\n    assert False\nexcept TypeError as e:\n    assert str(e) == 'weak object has gone away'\n",
        );
    }

    #[test]
    fn proxies_forward_then_raise_reference_error() {
        check(
            "import weakref\n\
             class C:\n    x = 3\n    def __add__(self, o): return self.x + o\n\
             c = C()\n\
             p = weakref.proxy(c)\n\
             assert p.x == 3 and p + 1 == 4 and type(p) is weakref.ProxyType\n\
             assert weakref.proxy(len)('ab') == 2\n\
             del c\n\
             try:\n    p.x\n    assert False\nexcept ReferenceError:\n    pass\n",
        );
    }

    #[test]
    fn weak_containers_drop_entries_on_refcount_and_on_collection() {
        check(
            "import weakref, gc\n\
             class C: pass\n\
             d = weakref.WeakValueDictionary()\n\
             k = weakref.WeakKeyDictionary()\n\
             s = weakref.WeakSet()\n\
             a, b = C(), C()\n\
             d['a'] = a; k[a] = 1; s.add(a)\n\
             b.me = b; d['b'] = b; k[b] = 2; s.add(b)\n\
             assert len(d) == len(k) == len(s) == 2\n\
             del a\n\
             assert list(d) == ['b'] and len(k) == 1 and len(s) == 1\n\
             del b\n\
             assert len(d) == 1\n\
             gc.collect()\n\
             assert len(d) == len(k) == len(s) == 0\n",
        );
    }

    #[test]
    fn finalize_runs_once_and_can_be_detached() {
        check(
            "import weakref\n\
             class C: pass\n\
             out = []\n\
             c = C()\n\
             f = weakref.finalize(c, out.append, 1)\n\
             assert f.alive and f.peek()[2] == (1,)\n\
             del c\n\
             assert out == [1] and not f.alive and f() is None\n\
             c = C()\n\
             g = weakref.finalize(c, out.append, 2)\n\
             assert g.detach()[0] is c and g.detach() is None\n\
             del c\n\
             assert out == [1]\n",
        );
    }

    #[test]
    fn ref_subclasses_carry_attributes_and_are_collected() {
        check(
            "import weakref, gc\n\
             class C: pass\n\
             class KeyedRef(weakref.ref):\n    def __new__(cls, ob, cb, key):\n        self = weakref.ref.__new__(cls, ob, cb)\n        self.key = key\n        return self\n    def __init__(self, ob, cb, key):\n        super().__init__(ob, cb)\n\
             dead = []\n\
             c = C()\n\
             k = KeyedRef(c, lambda w: dead.append(w.key), 'k')\n\
             assert k() is c and k == weakref.ref(c) and isinstance(k, weakref.ref)\n\
             assert weakref.getweakrefs(c)[-1] is k\n\
             del c\n\
             assert dead == ['k'] and k() is None\n\
             x = C()\n\
             r = KeyedRef(x, dead.append, 'r')\n\
             r.me = r\n\
             del r\n\
             assert gc.collect() >= 1 and weakref.getweakrefcount(x) == 0\n\
             del x\n\
             assert dead == ['k']\n\
             class M:\n    def f(self): return 7\n\
             m = M()\n\
             wm = weakref.WeakMethod(m.f)\n\
             assert wm()() == 7 and isinstance(wm, weakref.ref)\n\
             del m\n\
             assert wm() is None\n",
        );
    }

    #[test]
    fn saveall_keeps_cycles_in_gc_garbage() {
        check(
            "import gc\n\
             class C: pass\n\
             gc.collect()\n\
             gc.set_debug(gc.DEBUG_SAVEALL)\n\
             a = C(); a.me = a\n\
             del a\n\
             assert gc.collect() == 1\n\
             assert len(gc.garbage) == 1 and gc.garbage[0].me is gc.garbage[0]\n\
             gc.set_debug(0)\n\
             gc.garbage.clear()\n\
             assert gc.collect() == 1\n",
        );
    }

    #[test]
    fn callbacks_surround_automatic_collections() {
        check(
            "import gc\n\
             log = []\n\
             gc.collect()\n\
             gc.set_threshold(50)\n\
             gc.callbacks.append(lambda p, i: log.append((p, i['generation'])))\n\
             keep = [set() for _ in range(200)]\n\
             gc.callbacks.clear()\n\
             assert len(log) >= 6 and len(log) % 2 == 0\n\
             assert [p for p, g in log[:2]] == ['start', 'stop'] and log[0][1] == 0\n\
             info = []\n\
             gc.callbacks.append(lambda p, i: info.append(i))\n\
             class C: pass\n\
             c = C(); c.me = c\n\
             del c\n\
             assert gc.collect() == 1\n\
             assert info[1]['collected'] == 1 and info[1]['uncollectable'] == 0\n",
        );
    }
}
