//! `sys.getsizeof`: the bytes an object really occupies on Pyrena's heap — its block (GC
//! header included for containers) plus the variable storage it owns (item arrays, hash
//! tables, big-int digits). README explains why the numbers differ from CPython's.

use crate::heap::header::GC_HEADER_SIZE;
use crate::heap::Obj;
use crate::objects::int::{as_int, IntValue};
use crate::objects::{bytearray, bytes, dict, list, set, str as pystr, tuple};
use crate::vm::Vm;

/// The size of `obj` in bytes, as `sys.getsizeof` reports it.
pub fn sizeof(vm: &Vm, obj: &Obj) -> usize {
    let ty = obj.ty();
    let gc = if ty.has_gc() { GC_HEADER_SIZE } else { 0 };
    let fixed = if pystr::is_str(obj) {
        // Header fields, the UTF-8 bytes and a terminating NUL, in one block.
        ty.basicsize + pystr::as_str(obj).len() + 1
    } else if bytes::is_bytes(obj) {
        // Header fields, the data and a terminating NUL, in one block.
        ty.basicsize + bytes::as_bytes(obj).len() + 1
    } else if tuple::is_tuple(obj) {
        ty.basicsize + tuple::len(obj) * std::mem::size_of::<Obj>()
    } else {
        ty.basicsize
    };
    let owned = if let Some(l) = list::try_data(obj) {
        l.buffer_bytes()
    } else if let Some(d) = dict::try_data(obj) {
        d.buffer_bytes()
    } else if set::is_anyset(vm, obj) {
        set::data(vm, obj).buffer_bytes()
    } else if let Some(b) = bytearray::try_data(obj) {
        b.alloc()
    } else if let Some(IntValue::Big(b)) = as_int(obj) {
        (b.bits() as usize).div_ceil(64) * 8
    } else {
        0
    };
    gc + fixed + owned
}
