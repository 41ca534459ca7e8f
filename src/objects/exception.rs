//! Exception instances (`BaseException` and every built-in subclass share this layout) and
//! traceback entries.
//!
//! Invariant: `args` always holds a tuple; `traceback` is None or a traceback object whose
//! chain lists frames outermost first.

use std::cell::Cell;

use crate::heap::{Obj, ObjSlot};
use crate::objects::pybox::{new_box, payload, PyBox};
use crate::objects::typeobj::{as_type, flags, TypeObject};
use crate::vm::{PyResult, Vm};

/// A new exception instance of type `ty` with `args` (a tuple), or the allocation failure
/// itself: `Vm::memory_error` builds its MemoryError with this, so that failing cannot recurse.
pub fn alloc_exception(ty: &Obj, args: Obj) -> Result<Obj, crate::heap::AllocError> {
    let data = ExceptionData {
        weaklist: Default::default(),
        args: ObjSlot::new(Some(args)),
        traceback: ObjSlot::new(None),
        cause: ObjSlot::new(None),
        context: ObjSlot::new(None),
        suppress_context: Cell::new(false),
        dict: ObjSlot::new(None),
    };
    new_box(as_type(ty), data, true)
}

pub struct ExceptionData {
    /// Weak references (only instances of user-defined exception classes accept them, as
    /// in CPython).
    pub weaklist: crate::objects::weakref::WeakList,
    pub args: ObjSlot,
    pub traceback: ObjSlot,
    pub cause: ObjSlot,
    pub context: ObjSlot,
    pub suppress_context: Cell<bool>,
    /// Instance attributes (`e.value` for StopIteration, attributes set by user code).
    pub dict: ObjSlot,
}

/// One traceback entry: the code that was running and the instruction that raised.
pub struct TracebackData {
    pub next: ObjSlot,
    pub code: Obj,
    /// The instruction that raised, or `LASTI_NOT_STARTED`.
    pub lasti: u32,
    /// The frame's globals (for NameError suggestions, which CPython takes from the frame).
    pub globals: Obj,
}

/// Offset of `ExceptionData::dict` inside an exception object (its `tp_dictoffset`).
/// Where an exception's `WeakList` lives (`tp_weaklistoffset` of exception subclasses).
pub const EXC_WEAKLIST_OFFSET: usize =
    std::mem::offset_of!(crate::objects::pybox::PyBox<ExceptionData>, data)
        + std::mem::offset_of!(ExceptionData, weaklist);

pub const EXC_DICT_OFFSET: usize =
    std::mem::offset_of!(PyBox<ExceptionData>, data) + std::mem::offset_of!(ExceptionData, dict);

pub fn is_exception(obj: &Obj) -> bool {
    obj.ty().has_flag(flags::BASE_EXC_SUBCLASS)
}

pub fn exc_data(obj: &Obj) -> &ExceptionData {
    assert!(is_exception(obj), "not an exception");
    // SAFETY: exception instances use the `PyBox<ExceptionData>` layout.
    unsafe { payload::<ExceptionData>(obj) }
}

pub fn tb_data(obj: &Obj) -> &TracebackData {
    assert_eq!(obj.ty().name(), "traceback");
    // SAFETY: traceback objects use the `PyBox<TracebackData>` layout.
    unsafe { payload::<TracebackData>(obj) }
}

/// The `lasti` of a traceback entry for a frame that never ran (an exception thrown into a
/// just-created generator): it points at the function's first line.
pub const LASTI_NOT_STARTED: u32 = u32::MAX;

impl Vm {
    /// A new instance of exception type `ty` with the given args.
    pub fn new_exception(&mut self, ty: &Obj, args: Vec<Obj>) -> PyResult<Obj> {
        let args = self.new_tuple(args)?;
        alloc_exception(ty, args).map_err(|_| self.memory_error())
    }

    pub fn new_traceback(
        &mut self,
        next: Option<Obj>,
        code: Obj,
        lasti: u32,
        globals: Obj,
    ) -> PyResult<Obj> {
        let ty = as_type(&self.types.traceback) as *const TypeObject;
        let data = TracebackData {
            next: ObjSlot::new(next),
            code,
            lasti,
            globals,
        };
        // SAFETY: built-in types live as long as the interpreter.
        new_box(unsafe { &*ty }, data, true).map_err(|_| self.memory_error())
    }
}
