//! `int.to_bytes(length=1, byteorder='big', *, signed=False)` and
//! `int.from_bytes(bytes, byteorder='big', *, signed=False)`, with CPython's errors.

use num_bigint::{BigInt, Sign};

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::str::try_as_str;
use crate::objects::{bytes_type, int};
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.types.int.clone();
    add_method(vm, &t, "to_bytes", to_bytes);
    // `from_bytes` is called on the class (a classmethod in CPython).
    let f = vm.new_builtin("from_bytes", from_bytes).expect("startup");
    let d = crate::objects::typeobj::as_type(&t)
        .dict
        .get()
        .expect("type dict");
    vm.dict_set_str(&d, "from_bytes", f).expect("startup");
}

/// True for 'little', false for 'big'.
fn byteorder(vm: &mut Vm, fname: &str, o: Option<&Obj>) -> PyResult<bool> {
    let Some(o) = o else {
        return Ok(false);
    };
    match try_as_str(o) {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'".into())),
        None => Err(vm.type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            o.ty().name()
        ))),
    }
}

fn to_bytes(vm: &mut Vm, n: &Obj, a: Args) -> PyResult<Obj> {
    check_positional(vm, "to_bytes", a)?;
    let [length, order, signed] =
        a.bind(vm, "to_bytes", ["length", "byteorder", "signed"], 0, 0)?;
    let length = match length {
        Some(l) => vm.index_i64(l)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative".into()));
    }
    let little = byteorder(vm, "to_bytes", order)?;
    let signed = match signed {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    let v = int::as_int(n).expect("int method").to_big();
    if !signed && v.sign() == Sign::Minus {
        return Err(vm.overflow_error("can't convert negative int to unsigned".into()));
    }
    let mut b = if signed {
        // 0 and -1 need no bytes at all: CPython lets both fit in a length of 0.
        if v.sign() == Sign::NoSign || v == BigInt::from(-1) {
            vec![]
        } else {
            v.to_signed_bytes_le()
        }
    } else {
        v.to_bytes_le().1
    };
    if b == [0] && v.sign() == Sign::NoSign {
        b.clear();
    }
    if b.len() > length as usize {
        return Err(vm.overflow_error("int too big to convert".into()));
    }
    let fill = if v.sign() == Sign::Minus { 0xff } else { 0 };
    b.resize(length as usize, fill);
    if !little {
        b.reverse();
    }
    vm.new_bytes(&b)
}

/// The two leading parameters are positional-or-keyword, `signed` keyword-only.
fn check_positional(vm: &mut Vm, fname: &str, a: Args) -> PyResult<()> {
    let n = a.pos().len();
    if n > 2 {
        return Err(vm.type_error(format!(
            "{fname}() takes at most 2 positional arguments ({n} given)"
        )));
    }
    Ok(())
}

fn from_bytes(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    check_positional(vm, "from_bytes", a)?;
    let [src, order, signed] = a.bind(vm, "from_bytes", ["bytes", "byteorder", "signed"], 0, 1)?;
    let little = byteorder(vm, "from_bytes", order)?;
    let signed = match signed {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    let src = src.expect("required");
    let mut b = if try_as_str(src).is_some() {
        return Err(vm.type_error("cannot convert 'str' object to bytes".into()));
    } else {
        let kw: [Obj; 1] = [src.clone()];
        bytes_type::construct(vm, "bytes", Args::new(&kw))?
    };
    if !little {
        b.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_le(&b)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &b)
    };
    vm.new_bigint(v)
}
