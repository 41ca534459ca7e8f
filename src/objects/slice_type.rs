//! The Python face of `slice`: construction (`slice(stop)`, `slice(start, stop[, step])`),
//! the read-only `start`/`stop`/`step` attributes, `indices(length)` with CPython's clamping,
//! and comparison as `(start, stop, step)` tuples. Slices stay unhashable, as in 3.11.

use crate::heap::Obj;
use crate::objects::args::{check_count, Args};
use crate::objects::int::IntValue;
use crate::objects::simple::slice_data;
use crate::objects::typeobj::{as_type, CompareOp};
use crate::objects::{int, str as pystr};
use crate::vm::{PyResult, Vm};

fn slice_new(vm: &mut Vm, _cls: &Obj, a: Args) -> PyResult<Obj> {
    if a.n_kw() > 0 {
        return Err(vm.type_error("slice() takes no keyword arguments".into()));
    }
    let p = a.pos();
    check_count(vm, "slice", p.len(), 1, 3)?;
    let none = vm.none.clone();
    match p {
        [stop] => vm.new_slice(none.clone(), stop.clone(), none),
        [start, stop] => vm.new_slice(start.clone(), stop.clone(), none),
        [start, stop, step] => vm.new_slice(start.clone(), stop.clone(), step.clone()),
        _ => unreachable!("count checked"),
    }
}

fn getattro(vm: &mut Vm, s: &Obj, name: &Obj) -> PyResult<Obj> {
    let d = slice_data(vm, s).expect("slice");
    match pystr::as_str(name) {
        "start" => Ok(d.start.clone()),
        "stop" => Ok(d.stop.clone()),
        "step" => Ok(d.step.clone()),
        _ => vm.generic_getattr(s, name),
    }
}

/// A slice bound as a wide integer (big ints are clamped beyond any length `indices`
/// accepts, which is below 2**100).
fn bound(vm: &mut Vm, v: &Obj) -> PyResult<Option<i128>> {
    if v.is(&vm.none) {
        return Ok(None);
    }
    match int::as_int(v) {
        Some(IntValue::Small(x)) => Ok(Some(*x as i128)),
        Some(IntValue::Big(b)) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
            -(1i128 << 100)
        } else {
            1i128 << 100
        })),
        None => Err(vm.type_error(
            "slice indices must be integers or None or have an __index__ method".into(),
        )),
    }
}

/// `slice.indices(length)`: the (start, stop, step) a sequence of `length` items uses.
fn indices(vm: &mut Vm, s: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "indices", 1, 1)?;
    let len = match vm.index_value(&p[0])? {
        IntValue::Small(v) => v as i128,
        IntValue::Big(b) => match num_traits::ToPrimitive::to_i128(&*b) {
            Some(v) if v.abs() < 1i128 << 100 => v,
            _ => {
                return Err(vm.overflow_error("length too large for Pyrena's slice.indices".into()))
            }
        },
    };
    if len < 0 {
        return Err(vm.value_error("length should not be negative".into()));
    }
    let d = slice_data(vm, s).expect("slice");
    let (start, stop, step) = (d.start.clone(), d.stop.clone(), d.step.clone());
    let step = bound(vm, &step)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero".into()));
    }
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: i128| {
        if v < 0 {
            (v + len).max(lower)
        } else {
            v.min(upper)
        }
    };
    let start = bound(vm, &start)?.map_or(if step < 0 { upper } else { lower }, clamp);
    let stop = bound(vm, &stop)?.map_or(if step < 0 { lower } else { upper }, clamp);
    let items = [start, stop, step]
        .iter()
        .map(|&v| match i64::try_from(v) {
            Ok(v) => vm.new_int(v),
            Err(_) => vm.new_bigint(v.into()),
        })
        .collect::<PyResult<Vec<_>>>()?;
    vm.new_tuple(items)
}

fn richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (slice_data(vm, a), slice_data(vm, b)) else {
        return Ok(vm.not_implemented.clone());
    };
    let tx = vec![x.start.clone(), x.stop.clone(), x.step.clone()];
    let ty = vec![y.start.clone(), y.stop.clone(), y.step.clone()];
    let (tx, ty) = (vm.new_tuple(tx)?, vm.new_tuple(ty)?);
    vm.richcompare(&tx, &ty, op)
}

pub fn install(vm: &mut Vm) {
    let t = vm.types.slice.clone();
    let ty = as_type(&t);
    ty.slots.new.set(Some(slice_new));
    ty.slots.getattro.set(Some(getattro));
    ty.slots.richcompare.set(Some(richcompare));
    crate::vm::types::add_method(vm, &t, "indices", indices);
}
