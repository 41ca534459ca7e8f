//! Small built-in objects with trivial layouts: the singletons (`None`, `NotImplemented`,
//! `Ellipsis`), plain `object()` instances, cells, slices and code objects.

use crate::bytecode::CodeObject;
use crate::heap::{Obj, ObjSlot};
use crate::objects::pybox::{new_box, payload};
use crate::objects::typeobj::{as_type, TypeObject};
use crate::vm::{PyResult, Vm};

/// A cell: the storage of a variable captured by an inner function.
pub struct CellData {
    pub value: ObjSlot,
}

/// A slice object: `start:stop:step`, each possibly None.
pub struct SliceData {
    pub start: Obj,
    pub stop: Obj,
    pub step: Obj,
}

impl Vm {
    pub fn new_cell(&mut self, v: Option<Obj>) -> PyResult<Obj> {
        let ty = as_type(&self.types.cell) as *const TypeObject;
        // SAFETY: built-in types live as long as the interpreter.
        new_box(
            unsafe { &*ty },
            CellData {
                value: ObjSlot::new(v),
            },
            true,
        )
        .map_err(|_| self.memory_error())
    }

    pub fn new_slice(&mut self, start: Obj, stop: Obj, step: Obj) -> PyResult<Obj> {
        let ty = as_type(&self.types.slice) as *const TypeObject;
        // SAFETY: built-in types live as long as the interpreter.
        new_box(unsafe { &*ty }, SliceData { start, stop, step }, false)
            .map_err(|_| self.memory_error())
    }

    pub fn new_code(&mut self, code: CodeObject) -> PyResult<Obj> {
        let ty = as_type(&self.types.code) as *const TypeObject;
        // SAFETY: built-in types live as long as the interpreter.
        new_box(unsafe { &*ty }, code, false).map_err(|_| self.memory_error())
    }
}

pub fn cell_data(obj: &Obj) -> &CellData {
    // SAFETY: callers pass cell objects only (the VM's closure slots hold cells).
    unsafe { payload::<CellData>(obj) }
}

pub fn slice_data<'a>(vm: &Vm, obj: &'a Obj) -> Option<&'a SliceData> {
    if obj.has_exact_type(&vm.types.slice) {
        // SAFETY: checked the type.
        Some(unsafe { payload::<SliceData>(obj) })
    } else {
        None
    }
}
