//! `code` objects: the Python-visible wrapper of a compiled `CodeObject`.

use crate::bytecode::CodeObject;
use crate::heap::Obj;
use crate::objects::pybox::payload;

/// The compiled code of a code object. Callers pass code objects only.
pub fn code_data(obj: &Obj) -> &CodeObject {
    assert_eq!(obj.ty().name(), "code", "not a code object");
    // SAFETY: code objects use the `PyBox<CodeObject>` layout (checked by type name above).
    unsafe { payload::<CodeObject>(obj) }
}
