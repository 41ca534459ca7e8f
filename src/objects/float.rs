//! `float`: an IEEE double in a heap object, with Python's arithmetic (floor division and
//! modulo with the divisor's sign, ZeroDivisionError instead of inf), CPython's repr and its
//! numeric hash (equal to the int hash for integral values).

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Zero};

use std::ptr::NonNull;

use crate::heap::{Obj, ObjHeader};
use crate::objects::args::Args;
use crate::objects::int::{as_int, HASH_MODULUS};
use crate::objects::int_ops::compare_int_float;
use crate::objects::pybox::{new_box, payload, PyBox};
use crate::objects::typeobj::{as_type, BinaryOp, CompareOp, TypeObject, UnaryOp};
use crate::vm::{PyResult, Vm};

#[inline(always)]
pub fn as_float(obj: &Obj) -> Option<f64> {
    let ft = crate::vm::types::float_type_ptr();
    if obj.type_ptr() == ft
        || (obj.ty().has_flag(crate::objects::typeobj::flags::HEAPTYPE) && obj.ty().is_subtype(ft))
    {
        // SAFETY: float objects, and instances of classes deriving from float (see
        // `builtin_subclass`), hold the value right after the header, as `PyBox<f64>`.
        Some(unsafe { *payload::<f64>(obj) })
    } else {
        None
    }
}

impl Vm {
    #[inline]
    pub fn new_float(&mut self, v: f64) -> PyResult<Obj> {
        let ty = as_type(&self.types.float) as *const TypeObject;
        // SAFETY: the float type object is alive for the interpreter's whole life.
        let ty = unsafe { &*ty };
        if let Some(p) = crate::heap::free_list::pop_float() {
            ty.instances.on_alloc(FLOAT_SIZE);
            // SAFETY: a kept block is an unoccupied block of `FLOAT_SIZE` bytes (the float
            // free list's invariant): room for a whole `PyBox<f64>`, written here in full.
            unsafe {
                p.cast::<PyBox<f64>>().as_ptr().write(PyBox {
                    head: ObjHeader::new(ty),
                    data: v,
                });
                return Ok(Obj::from_owned(p));
            }
        }
        new_box(ty, v, false).map_err(|_| self.memory_error())
    }
}

/// The size of a float object (`PyBox<f64>`: the header and the double).
const FLOAT_SIZE: usize = std::mem::size_of::<PyBox<f64>>();

/// The float type's dealloc: the block goes on the float free list (`heap::free_list`), or
/// back to obmalloc when the list is full. Only exact floats come here (subclass instances
/// have their class's dealloc).
///
/// # Safety
/// Called only through the float type's dealloc slot on a dead float.
pub unsafe fn float_dealloc(p: NonNull<ObjHeader>) {
    // SAFETY: the object is a dead exact float (`PyBox<f64>`, no GC header, nothing to drop);
    // its type outlives this call; nothing refers to its block any more.
    unsafe {
        let ty = &*(*p.as_ptr()).ty.get();
        ty.instances.on_free(FLOAT_SIZE);
        if !crate::heap::free_list::push_float(p, FLOAT_SIZE) {
            crate::heap::alloc::free_raw(p.cast::<u8>(), FLOAT_SIZE);
        }
    }
}

/// An int or float operand as a double, for mixed arithmetic; `Err` on int overflow.
fn to_f64(vm: &mut Vm, obj: &Obj) -> PyResult<Option<f64>> {
    if let Some(f) = as_float(obj) {
        return Ok(Some(f));
    }
    match as_int(obj) {
        Some(i) => match i.to_f64() {
            Some(f) => Ok(Some(f)),
            None => Err(vm.overflow_error("int too large to convert to float".into())),
        },
        None => Ok(None),
    }
}

pub fn float_binary(vm: &mut Vm, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (to_f64(vm, a)?, to_f64(vm, b)?) else {
        return Ok(vm.not_implemented.clone());
    };
    let r = match op {
        BinaryOp::Add => x + y,
        BinaryOp::Subtract => x - y,
        BinaryOp::Multiply => x * y,
        BinaryOp::TrueDivide => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float division by zero"));
            }
            x / y
        }
        BinaryOp::FloorDivide => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        BinaryOp::Remainder => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float modulo"));
            }
            float_divmod(x, y).1
        }
        BinaryOp::Power => return float_pow(vm, x, y),
        _ => return Ok(vm.not_implemented.clone()),
    };
    vm.new_float(r)
}

/// Python's `divmod` for floats: the remainder takes the divisor's sign.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Obj> {
    if x == 0.0 && y < 0.0 {
        return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
        return Err(
            vm.value_error("complex results from negative bases are not supported yet".into())
        );
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("(34, 'Numerical result out of range')".into()));
    }
    vm.new_float(r)
}

pub fn float_unary(vm: &mut Vm, op: UnaryOp, a: &Obj) -> PyResult<Obj> {
    let x = as_float(a).expect("float slot on a non-float");
    match op {
        UnaryOp::Negative => vm.new_float(-x),
        UnaryOp::Positive => vm.new_float(x),
        UnaryOp::Invert => Err(vm.type_error("bad operand type for unary ~: 'float'".into())),
    }
}

pub fn float_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let x = as_float(a).expect("float slot on a non-float");
    let ord = if let Some(y) = as_float(b) {
        x.partial_cmp(&y)
    } else if let Some(i) = as_int(b) {
        compare_int_float(i, x).map(Ordering::reverse)
    } else {
        return Ok(vm.not_implemented.clone());
    };
    let r = match ord {
        Some(o) => op.test(o),
        None => op == CompareOp::Ne,
    };
    Ok(vm.new_bool(r))
}

/// CPython's hash of a double: integral values hash like the equal int; inf and nan are fixed.
pub fn hash_f64(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    if v.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let p = HASH_MODULUS as u64;
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & p) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= p {
            x -= p;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & p) | (x >> (61 - e));
    let h = x as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `frexp`: mantissa in [0.5, 1) and exponent with `v == m * 2**e`.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: normalise first.
        let (m, e) = frexp(v * 2f64.powi(54));
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

pub fn float_hash(_vm: &mut Vm, a: &Obj) -> PyResult<i64> {
    Ok(hash_f64(as_float(a).expect("float slot on a non-float")))
}

pub fn float_repr(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let s = crate::text::float_repr::float_repr(as_float(a).expect("float slot on a non-float"));
    vm.new_str(&s)
}

pub fn float_bool(_vm: &mut Vm, a: &Obj) -> PyResult<bool> {
    Ok(as_float(a).expect("float slot on a non-float") != 0.0)
}

/// The exact integer value of an integral double.
pub fn float_to_bigint(f: f64) -> Option<BigInt> {
    BigInt::from_f64(f)
}

/// `int(f)`: truncation toward zero, with CPython's errors for inf and nan.
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Obj> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer".into()));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer".into()));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        return vm.new_int(t as i64);
    }
    vm.new_bigint(float_to_bigint(t).unwrap_or_else(BigInt::zero))
}

/// `float(x=0.0, /)`.
pub fn float_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let pos = args.exact(vm, "float", 0, 1)?;
    let Some(x) = pos.first() else {
        return vm.new_float(0.0);
    };
    if let Some(f) = as_float(x) {
        return vm.new_float(f);
    }
    if let Some(i) = as_int(x) {
        return match i.to_f64() {
            Some(f) => vm.new_float(f),
            None => Err(vm.overflow_error("int too large to convert to float".into())),
        };
    }
    if let Some(s) = crate::objects::str::try_as_str(x) {
        return match crate::text::float_repr::parse_float(s) {
            Some(f) => vm.new_float(f),
            None => {
                let r = crate::text::str_repr::str_repr(s);
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(r) = vm.call_dunder_opt(x, "__float__", &[])? {
        return Ok(r);
    }
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        x.ty().name()
    )))
}

/// `round(x, ndigits)` for floats, correctly rounded through the decimal string.
pub fn round_float(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || ndigits > 308 {
        return x;
    }
    if ndigits < -308 {
        return 0.0f64.copysign(x);
    }
    if ndigits >= 0 {
        let s = format!("{:.*}", ndigits as usize, x);
        s.parse().unwrap_or(x)
    } else {
        let p = 10f64.powi((-ndigits) as i32);
        let y = x / p;
        let r = y.round();
        // Round half to even.
        let r = if (y - y.trunc()).abs() == 0.5 {
            2.0 * (y / 2.0).round()
        } else {
            r
        };
        r * p
    }
}

/// Rounds a double to the nearest integer, ties to even (Python's `round(x)`).
pub fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}
