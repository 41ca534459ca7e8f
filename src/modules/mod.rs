//! Built-in modules: `builtins`, `sys`, `gc` and `_weakref` are created at startup; `math`,
//! `time`, `mmap` and the frozen `weakref` (Python source in the binary) on first import (`create_builtin`, which the import system consults before
//! searching `sys.path`). More arrive with later issues (tracemalloc, dis).

pub mod builtins;
mod builtins_exec;
pub mod dis;
pub mod frozen;
pub mod gc;
pub mod io;
pub mod math;
mod math_int;
mod math_sum;
pub mod mmap;
pub mod os;
pub mod pyrena;
pub mod sys;
pub mod time;
pub mod tracemalloc;
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
    vm.dict_set_str(&modules, "_weakref", w).expect("startup");
    crate::objects::os_error::install(vm);
    io::create_types(vm);
    let sys_dict = crate::objects::module::module_dict(&vm.sys_module).clone();
    io::install_stdio(vm, &sys_dict);
    let m = io::create(vm);
    vm.dict_set_str(&modules, "io", m).expect("startup");
    let m = os::create(vm);
    vm.dict_set_str(&modules, "os", m).expect("startup");
}

/// Creates the built-in module `name` on first import (modules the interpreter does not
/// need at startup); `None` if there is no such built-in module.
pub fn create_builtin(vm: &mut Vm, name: &str) -> Option<crate::vm::PyResult<crate::heap::Obj>> {
    match name {
        // The startup modules, should a program remove them from sys.modules.
        "sys" => Some(Ok(vm.sys_module.clone())),
        "builtins" => Some(Ok(vm.builtins.clone())),
        "gc" => Some(Ok(gc::create(vm))),
        "_weakref" => Some(Ok(weakref::create(vm))),
        // Python source compiled into the binary (it registers itself in sys.modules).
        "weakref" => frozen::load(vm, "weakref").transpose(),
        "math" => Some(math::create(vm)),
        "time" => Some(time::create(vm)),
        "mmap" => Some(mmap::create(vm)),
        "dis" => Some(dis::create(vm)),
        "_tracemalloc" => Some(tracemalloc::create_native(vm)),
        "_pyrena" => Some(pyrena::create_native(vm)),
        // Pyrena's heap seen from Python: Python source over `_pyrena`.
        "pyrena" => frozen::load(vm, "pyrena").transpose(),
        // Python source compiled into the binary, over `_tracemalloc`.
        "tracemalloc" => Some(tracemalloc::create_python(vm)),
        _ => None,
    }
}

/// Whether `name` is a module compiled into the interpreter (its repr says `(built-in)`).
pub fn is_builtin(name: &str) -> bool {
    matches!(
        name,
        "builtins"
            | "sys"
            | "gc"
            | "math"
            | "mmap"
            | "dis"
            | "time"
            | "_weakref"
            | "_tracemalloc"
            | "_pyrena"
    )
}
