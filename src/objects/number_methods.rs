//! The everyday methods and attributes of `int` (and `bool`) and `float` beyond their
//! operators: `bit_length`, `bit_count`, `as_integer_ratio`, `is_integer`, `conjugate`, `hex`,
//! `real`/`imag`/`numerator`/`denominator`, and the numeric protocol dunders (`__index__`,
//! `__int__`, `__float__`, `__trunc__`, `__floor__`, `__ceil__`, `__round__`) that
//! `math.floor`, `round` and subclasses calling `super()` reach.

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::float::{self, as_float};
use crate::objects::int::as_int;
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

/// An int method that takes no argument and returns the value as an exact int
/// (`conjugate`, `__index__`, `__int__`, `__trunc__`, `__floor__`, `__ceil__`).
macro_rules! int_identity {
    ($name:literal) => {
        ($name, |vm, n, a| {
            a.exact(vm, concat!("int.", $name), 0, 0)?;
            exact_int(vm, n)
        })
    };
}

pub fn install(vm: &mut Vm) {
    let it = vm.types.int.clone();
    let int_methods: &[(&'static str, crate::objects::typeobj::MethodFn)] = &[
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("as_integer_ratio", int_as_integer_ratio),
        int_identity!("conjugate"),
        int_identity!("__index__"),
        int_identity!("__int__"),
        int_identity!("__trunc__"),
        int_identity!("__floor__"),
        int_identity!("__ceil__"),
        ("__float__", int_float),
        ("__round__", number_round),
    ];
    for (name, f) in int_methods {
        add_method(vm, &it, name, *f);
    }
    let int_props: &[(&'static str, crate::objects::function::BuiltinFn)] = &[
        ("real", |vm, a| {
            let p = a.exact(vm, "real", 1, 1)?;
            exact_int(vm, &p[0])
        }),
        ("imag", |vm, a| {
            a.exact(vm, "imag", 1, 1)?;
            vm.new_int(0)
        }),
        ("numerator", |vm, a| {
            let p = a.exact(vm, "numerator", 1, 1)?;
            exact_int(vm, &p[0])
        }),
        ("denominator", |vm, a| {
            a.exact(vm, "denominator", 1, 1)?;
            vm.new_int(1)
        }),
    ];
    add_properties(vm, &it, int_props);

    let ft = vm.types.float.clone();
    let float_methods: &[(&'static str, crate::objects::typeobj::MethodFn)] = &[
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_as_integer_ratio),
        ("conjugate", |vm, f, a| {
            a.exact(vm, "float.conjugate", 0, 0)?;
            exact_float(vm, f)
        }),
        ("hex", float_hex),
        ("__float__", |vm, f, a| {
            a.exact(vm, "float.__float__", 0, 0)?;
            exact_float(vm, f)
        }),
        ("__int__", |vm, f, a| {
            a.exact(vm, "float.__int__", 0, 0)?;
            float::float_to_int(vm, value(f))
        }),
        ("__trunc__", |vm, f, a| {
            a.exact(vm, "float.__trunc__", 0, 0)?;
            float::float_to_int(vm, value(f))
        }),
        ("__floor__", |vm, f, a| {
            a.exact(vm, "float.__floor__", 0, 0)?;
            float::float_to_int(vm, value(f).floor())
        }),
        ("__ceil__", |vm, f, a| {
            a.exact(vm, "float.__ceil__", 0, 0)?;
            float::float_to_int(vm, value(f).ceil())
        }),
        ("__round__", number_round),
    ];
    for (name, f) in float_methods {
        add_method(vm, &ft, name, *f);
    }
    let float_props: &[(&'static str, crate::objects::function::BuiltinFn)] = &[
        ("real", |vm, a| {
            let p = a.exact(vm, "real", 1, 1)?;
            exact_float(vm, &p[0])
        }),
        ("imag", |vm, a| {
            a.exact(vm, "imag", 1, 1)?;
            vm.new_float(0.0)
        }),
    ];
    add_properties(vm, &ft, float_props);
}

fn add_properties(
    vm: &mut Vm,
    ty: &Obj,
    props: &[(&'static str, crate::objects::function::BuiltinFn)],
) {
    let d = crate::objects::typeobj::as_type(ty)
        .dict
        .get()
        .expect("type dict");
    for (name, get) in props {
        let p = vm.new_native_property(name, *get).expect("startup");
        vm.dict_set_str(&d, name, p).expect("startup");
    }
}

fn big(n: &Obj) -> BigInt {
    as_int(n).expect("int method").to_big()
}

fn value(f: &Obj) -> f64 {
    as_float(f).expect("float method")
}

/// The value as an exact `int` (not a bool or a subclass instance).
fn exact_int(vm: &mut Vm, n: &Obj) -> PyResult<Obj> {
    if n.has_exact_type(&vm.types.int) {
        return Ok(n.clone());
    }
    vm.new_bigint(big(n))
}

fn int_float(vm: &mut Vm, n: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "int.__float__", 0, 0)?;
    match as_int(n).expect("int method").to_f64() {
        Some(f) => vm.new_float(f),
        None => Err(vm.overflow_error("int too large to convert to float".into())),
    }
}

fn int_bit_length(vm: &mut Vm, n: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "int.bit_length", 0, 0)?;
    let bits = big(n).abs().bits();
    vm.new_usize(bits as usize)
}

fn int_bit_count(vm: &mut Vm, n: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "int.bit_count", 0, 0)?;
    let ones: u64 = big(n)
        .abs()
        .to_u64_digits()
        .1
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    vm.new_usize(ones as usize)
}

fn int_as_integer_ratio(vm: &mut Vm, n: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "int.as_integer_ratio", 0, 0)?;
    let num = exact_int(vm, n)?;
    let one = vm.new_int(1)?;
    vm.new_tuple(vec![num, one])
}

/// `round(x[, ndigits])` through the type's `__round__`: the built-in's own logic.
fn number_round(vm: &mut Vm, x: &Obj, a: Args) -> PyResult<Obj> {
    let [nd] = a.bind(vm, "__round__", ["ndigits"], 0, 0)?;
    if let (Some(nd), Some(_)) = (nd, as_int(x)) {
        // int.__round__ takes an index; None is refused (float's accepts it).
        vm.index_i64(nd)?;
    }
    crate::modules::builtins::round_number(vm, x, nd)
}

/// The value as an exact `float`.
fn exact_float(vm: &mut Vm, f: &Obj) -> PyResult<Obj> {
    if f.has_exact_type(&vm.types.float) {
        return Ok(f.clone());
    }
    vm.new_float(value(f))
}

fn float_is_integer(vm: &mut Vm, f: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "float.is_integer", 0, 0)?;
    let v = value(f);
    Ok(vm.new_bool(v.is_finite() && v.fract() == 0.0))
}

/// The exact value of a finite double as mantissa * 2**exponent (odd mantissa unless zero).
fn decompose(v: f64) -> (BigInt, i32) {
    if v == 0.0 {
        return (BigInt::zero(), 0);
    }
    let bits = v.to_bits();
    let sign = if bits >> 63 == 1 { -1i64 } else { 1 };
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    while m & 1 == 0 {
        m >>= 1;
        e += 1;
    }
    (BigInt::from(m) * sign, e)
}

fn float_as_integer_ratio(vm: &mut Vm, f: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "float.as_integer_ratio", 0, 0)?;
    let v = value(f);
    if v.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio".into()));
    }
    if v.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio".into()));
    }
    let (m, e) = decompose(v);
    let (num, den) = if e >= 0 {
        (m << e as usize, BigInt::from(1))
    } else {
        (m, BigInt::from(1) << (-e) as usize)
    };
    let num = vm.new_bigint(num)?;
    let den = vm.new_bigint(den)?;
    vm.new_tuple(vec![num, den])
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>`, subnormals as `0x0.<digits>p-1022`.
fn float_hex(vm: &mut Vm, f: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "float.hex", 0, 0)?;
    let v = value(f);
    let s = if v.is_nan() {
        "nan".to_string()
    } else if v.is_infinite() {
        if v < 0.0 { "-inf" } else { "inf" }.to_string()
    } else {
        let bits = v.to_bits();
        let sign = if bits >> 63 == 1 { "-" } else { "" };
        let exp_bits = ((bits >> 52) & 0x7ff) as i32;
        let frac = bits & ((1u64 << 52) - 1);
        if exp_bits == 0 && frac == 0 {
            format!("{sign}0x0.0p+0")
        } else if exp_bits == 0 {
            format!("{sign}0x0.{frac:013x}p-1022")
        } else {
            let e = exp_bits - 1023;
            let es = if e >= 0 {
                format!("+{e}")
            } else {
                e.to_string()
            };
            format!("{sign}0x1.{frac:013x}p{es}")
        }
    };
    vm.new_str(&s)
}

#[cfg(test)]
mod tests {
    use super::decompose;

    #[test]
    fn decompose_is_exact() {
        assert_eq!(decompose(0.5), (1.into(), -1));
        assert_eq!(decompose(-3.0), ((-3).into(), 0));
        assert_eq!(decompose(5e-324), (1.into(), -1074));
        assert_eq!(decompose(1024.0), (1.into(), 10));
    }
}
