//! The `weakref` module: `ref` (the weakref type), `getweakrefcount`, `getweakrefs`.

use crate::heap::Obj;
use crate::objects::module::module_dict;
use crate::objects::weakref::weak_list;

pub fn create(vm: &mut crate::vm::Vm) -> Obj {
    let m = vm.new_module("weakref").expect("startup");
    let d = module_dict(&m).clone();
    let wr = vm.types.weakref.clone();
    vm.dict_set_str(&d, "ref", wr.clone()).expect("startup");
    vm.dict_set_str(&d, "ReferenceType", wr).expect("startup");
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
    ];
    for (name, f) in funcs {
        let o = vm.new_builtin(name, *f).expect("startup");
        vm.dict_set_str(&d, name, o).expect("startup");
    }
    m
}
