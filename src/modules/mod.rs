//! Built-in modules: `builtins` and `sys` (more arrive with later issues: gc, weakref,
//! tracemalloc, dis, math, time).

pub mod builtins;
pub mod gc;
pub mod io;
pub mod os;
pub mod sys;
pub mod weakref;

use crate::vm::Vm;

/// Creates the built-in modules and registers them in `sys.modules`.
pub fn install(vm: &mut Vm) {
    let b = vm.new_module("builtins").expect("startup");
    let bd = crate::objects::module::module_dict(&b).clone();
    builtins::install(vm, &bd);
    vm.builtins = b.clone();
    vm.builtins_dict = bd;
    let modules = vm.new_dict().expect("startup");
    vm.modules = modules.clone();
    vm.dict_set_str(&modules, "builtins", b).expect("startup");
    let s = sys::create(vm);
    vm.sys_module = s.clone();
    vm.dict_set_str(&modules, "sys", s).expect("startup");
    let g = gc::create(vm);
    vm.dict_set_str(&modules, "gc", g).expect("startup");
    let w = weakref::create(vm);
    vm.dict_set_str(&modules, "weakref", w).expect("startup");
    crate::objects::os_error::install(vm);
    io::create_types(vm);
    let sys_dict = crate::objects::module::module_dict(&vm.sys_module).clone();
    io::install_stdio(vm, &sys_dict);
    let m = io::create(vm);
    vm.dict_set_str(&modules, "io", m).expect("startup");
    let m = os::create(vm);
    vm.dict_set_str(&modules, "os", m).expect("startup");
}
