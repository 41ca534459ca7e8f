//! Frozen modules: Python source compiled into the binary and executed on first import
//! (`weakref`). The module is registered in `sys.modules` before its body runs, as a normal
//! import does, and removed again if the body fails.

use crate::heap::Obj;
use crate::vm::{PyResult, Vm};

/// (module name, source) of every frozen module.
const FROZEN: &[(&str, &str)] = &[
    ("weakref", super::weakref::WEAKREF_PY),
    ("pyrena", super::pyrena::PYRENA_PY),
];

/// Imports frozen module `name`, or returns `None` if there is no such frozen module.
pub fn load(vm: &mut Vm, name: &str) -> PyResult<Option<Obj>> {
    let Some((_, source)) = FROZEN.iter().find(|(n, _)| *n == name) else {
        return Ok(None);
    };
    let filename = format!("<frozen {name}>");
    let module = match crate::parser::parse_module(source, &filename) {
        Ok(m) => m,
        Err(e) => return Err(vm.runtime_error(format!("frozen module {name}: {}", e.render()))),
    };
    let code = crate::compiler::compile_module(
        vm,
        &module,
        source,
        &filename,
        crate::compiler::Mode::Exec,
    )
    .map_err(|e| vm.runtime_error(format!("frozen module {name}: {}", e.render())))?;
    let m = vm.new_module(name)?;
    let globals = crate::objects::module::module_dict(&m).clone();
    let b = vm.builtins.clone();
    vm.dict_set_str(&globals, "__builtins__", b)?;
    let modules = vm.modules.clone();
    vm.dict_set_str(&modules, name, m.clone())?;
    if let Err(e) = vm.run_code(&code, &globals, None) {
        let k = vm.intern(name);
        let _ = crate::objects::dict::data(&modules).remove(vm, &k);
        return Err(e);
    }
    Ok(Some(m))
}
