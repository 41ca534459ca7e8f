//! Module objects: a namespace dict with a name.

use crate::heap::Obj;
use crate::objects::pybox::{new_box, payload};
use crate::objects::typeobj::{as_type, TypeObject};
use crate::vm::{PyResult, Vm};

pub struct ModuleData {
    /// Weak references to this module (cleared first when it dies).
    pub weaklist: crate::objects::weakref::WeakList,
    pub dict: Obj,
}

pub fn module_dict(obj: &Obj) -> &Obj {
    assert_eq!(obj.ty().name(), "module");
    // SAFETY: module objects use the `PyBox<ModuleData>` layout.
    unsafe { &payload::<ModuleData>(obj).dict }
}

impl Vm {
    /// A new module named `name` with a fresh namespace holding `__name__`.
    pub fn new_module(&mut self, name: &str) -> PyResult<Obj> {
        let dict = self.new_dict()?;
        let n = self.new_str(name)?;
        self.dict_set_str(&dict, "__name__", n)?;
        let none = self.none.clone();
        self.dict_set_str(&dict, "__doc__", none)?;
        let ty = as_type(&self.types.module) as *const TypeObject;
        // SAFETY: built-in types live as long as the interpreter.
        new_box(
            unsafe { &*ty },
            ModuleData {
                weaklist: Default::default(),
                dict,
            },
            true,
        )
        .map_err(|_| self.memory_error())
    }
}
