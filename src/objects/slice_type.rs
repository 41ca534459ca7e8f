//! The Python face of `slice`: construction (`slice(stop)`, `slice(start, stop[, step])`),
//! the read-only `start`/`stop`/`step` attributes, `indices(length)` with CPython's clamping,
//! and comparison as `(start, stop, step)` tuples. Slices stay unhashable, as in 3.11.

use num_bigint::{BigInt, Sign};

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

/// A slice bound as an exact integer (None when absent).
fn bound(vm: &mut Vm, v: &Obj) -> PyResult<Option<BigInt>> {
    if v.is(&vm.none) {
        return Ok(None);
    }
    match int::as_int(v) {
        Some(IntValue::Small(x)) => Ok(Some(BigInt::from(*x))),
        Some(IntValue::Big(b)) => Ok(Some((**b).clone())),
        None => Err(vm.type_error(
            "slice indices must be integers or None or have an __index__ method".into(),
        )),
    }
}

/// `slice.indices(length)`: the (start, stop, step) a sequence of `length` items uses, with
/// exact integers as CPython computes them (any size).
fn indices(vm: &mut Vm, s: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "indices", 1, 1)?;
    let len = match vm.index_value(&p[0])? {
        IntValue::Small(v) => BigInt::from(v),
        IntValue::Big(b) => (*b).clone(),
    };
    if len.sign() == Sign::Minus {
        return Err(vm.value_error("length should not be negative".into()));
    }
    let d = slice_data(vm, s).expect("slice");
    let (start, stop, step) = (d.start.clone(), d.stop.clone(), d.step.clone());
    let step = bound(vm, &step)?.unwrap_or_else(|| BigInt::from(1));
    if step.sign() == Sign::NoSign {
        return Err(vm.value_error("slice step cannot be zero".into()));
    }
    let backwards = step.sign() == Sign::Minus;
    let (lower, upper) = if backwards {
        (BigInt::from(-1), &len - 1)
    } else {
        (BigInt::from(0), len.clone())
    };
    let clamp = |v: BigInt| {
        if v.sign() == Sign::Minus {
            (v + &len).max(lower.clone())
        } else {
            v.min(upper.clone())
        }
    };
    let start = match bound(vm, &start)? {
        Some(v) => clamp(v),
        None if backwards => upper.clone(),
        None => lower.clone(),
    };
    let stop = match bound(vm, &stop)? {
        Some(v) => clamp(v),
        None if backwards => lower.clone(),
        None => upper.clone(),
    };
    let items = [start, stop, step]
        .into_iter()
        .map(|v| match i64::try_from(&v) {
            Ok(v) => vm.new_int(v),
            Err(_) => vm.new_bigint(v),
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
