//! Shared sequence helpers: index normalisation and slice resolution with CPython's rules
//! (`PySlice_GetIndicesEx`), used by str, tuple, list and range.

use crate::heap::Obj;
use crate::objects::simple::slice_data;
use crate::vm::{PyResult, Vm};

/// A resolved slice: start, step and the number of items it selects.
#[derive(Debug, Clone, Copy)]
pub struct SliceIdx {
    pub start: isize,
    pub step: isize,
    pub len: usize,
}

impl SliceIdx {
    /// The positions selected, in order.
    pub fn positions(self) -> impl Iterator<Item = usize> {
        (0..self.len).map(move |i| (self.start + i as isize * self.step) as usize)
    }
}

/// A subscript that is an instance of a class with `__index__`, converted to an int (the
/// sequences' getitem/setitem retry with it); `None` for anything else.
pub fn index_key(vm: &mut Vm, key: &Obj) -> PyResult<Option<Obj>> {
    if !crate::objects::class::is_heap_type(key.ty()) || crate::objects::int::is_int(key) {
        return Ok(None);
    }
    let n = vm.intern("__index__");
    if crate::objects::class_slots::lookup_python_attr(vm, key.ty(), &n).is_none() {
        return Ok(None);
    }
    let v = vm.index_value(key)?;
    vm.new_int_value(v).map(Some)
}

fn slice_part(vm: &mut Vm, v: &Obj) -> PyResult<Option<isize>> {
    if v.is(&vm.none) {
        return Ok(None);
    }
    if let Some(i) = index_key(vm, v)? {
        return slice_part(vm, &i);
    }
    match crate::objects::int::as_int(v) {
        Some(crate::objects::int::IntValue::Small(x)) => Ok(Some(
            (*x).clamp(isize::MIN as i64, isize::MAX as i64) as isize,
        )),
        Some(crate::objects::int::IntValue::Big(b)) => {
            Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                isize::MIN
            } else {
                isize::MAX
            }))
        }
        None => Err(vm.type_error(
            "slice indices must be integers or None or have an __index__ method".into(),
        )),
    }
}

/// Resolves a slice object against a sequence of length `len`.
pub fn resolve_slice(vm: &mut Vm, slice: &Obj, len: usize) -> PyResult<Option<SliceIdx>> {
    let Some(s) = slice_data(vm, slice) else {
        return Ok(None);
    };
    let (start, stop, step) = (s.start.clone(), s.stop.clone(), s.step.clone());
    // CPython clamps the step to -PY_SSIZE_T_MAX so that negating it cannot overflow.
    let step = slice_part(vm, &step)?.unwrap_or(1).max(-isize::MAX);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero".into()));
    }
    let len = len as isize;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<isize>, default: isize| -> isize {
        match v {
            None => default,
            Some(v) if v < 0 => (v.saturating_add(len)).max(lower),
            Some(v) => v.min(upper),
        }
    };
    let start = clamp(
        slice_part(vm, &start)?,
        if step < 0 { upper } else { lower },
    );
    let stop = clamp(slice_part(vm, &stop)?, if step < 0 { lower } else { upper });
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok(Some(SliceIdx {
        start,
        step,
        len: n as usize,
    }))
}

/// Normalises an item index against `len`; `None` when out of range.
pub fn normalize_index(vm: &mut Vm, key: &Obj, len: usize) -> PyResult<Option<usize>> {
    let i = match crate::objects::int::as_int(key) {
        Some(crate::objects::int::IntValue::Small(v)) => *v,
        Some(crate::objects::int::IntValue::Big(_)) => {
            return Err(vm.index_error("cannot fit 'int' into an index-sized integer".into()))
        }
        None => return Err(vm.type_error(String::new())),
    };
    let (i, len) = (i as i128, len as i128);
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        Ok(None)
    } else {
        Ok(Some(i as usize))
    }
}
