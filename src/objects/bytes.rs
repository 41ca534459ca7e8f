//! `bytes`: an immutable byte string (literals, `str.encode`). The full bytes API arrives
//! with the buffer issue; this is the object, its repr, length, equality and hash.

use crate::heap::Obj;
use crate::objects::pybox::{new_box, payload};
use crate::objects::typeobj::{as_type, flags, CompareOp};
use crate::vm::{PyResult, Vm};

pub fn is_bytes(obj: &Obj) -> bool {
    obj.ty().has_flag(flags::BYTES_SUBCLASS)
}

pub fn as_bytes(obj: &Obj) -> &[u8] {
    assert!(is_bytes(obj), "not bytes");
    // SAFETY: bytes objects use the `PyBox<Vec<u8>>` layout.
    unsafe { payload::<Vec<u8>>(obj) }
}

impl Vm {
    pub fn new_bytes(&mut self, b: &[u8]) -> PyResult<Obj> {
        let ty = self.types.bytes.clone();
        new_box(as_type(&ty), b.to_vec(), false).map_err(|_| self.memory_error())
    }
}

pub fn install(vm: &mut Vm) {
    let t = as_type(&vm.types.bytes);
    t.slots.repr.set(Some(|vm, b| {
        let r = crate::text::str_repr::bytes_repr(as_bytes(b));
        vm.new_str(&r)
    }));
    t.slots.len.set(Some(|_, b| Ok(as_bytes(b).len())));
    t.slots.hash.set(Some(|_, b| {
        Ok(crate::objects::str::hash_bytes(as_bytes(b)))
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        if !is_bytes(b) {
            return Ok(vm.not_implemented.clone());
        }
        let r = op.test(as_bytes(a).cmp(as_bytes(b)));
        let _ = CompareOp::Eq;
        Ok(vm.new_bool(r))
    }));
}
