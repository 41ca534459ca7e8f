//! The slots of `int` and `bool`: arithmetic with Python's floor semantics, comparisons, hash,
//! repr, truth, and the `int(...)` constructor. Machine-word operands take checked fast paths;
//! overflow falls back to arbitrary precision.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::float;
use crate::objects::int::{as_int, IntValue};
use crate::objects::typeobj::{BinaryOp, CompareOp, UnaryOp};
use crate::vm::{PyResult, Vm};

/// The largest int Pyrena will try to build, in bits (512 MiB of digits): beyond it an
/// operation raises MemoryError instead of letting the system allocator abort the process.
const MAX_INT_BITS: u64 = 1 << 32;

/// Floor division and modulo of machine words, or `None` on overflow (`i64::MIN // -1`).
#[inline(always)]
pub fn floor_divmod_i64(a: i64, b: i64) -> Option<(i64, i64)> {
    let q = a.checked_div(b)?;
    let r = a - q * b;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some((q - 1, r + b))
    } else {
        Some((q, r))
    }
}

fn zero_div(vm: &mut Vm, op: BinaryOp) -> crate::vm::PyErr {
    match op {
        BinaryOp::TrueDivide => vm.zero_division_error("division by zero"),
        BinaryOp::Remainder => vm.zero_division_error("integer modulo by zero"),
        _ => vm.zero_division_error("integer division or modulo by zero"),
    }
}

/// `int op int` for every binary operator. Returns `NotImplemented` for other operand types.
pub fn int_binary(vm: &mut Vm, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (as_int(a), as_int(b)) else {
        return Ok(vm.not_implemented.clone());
    };
    if let (IntValue::Small(x), IntValue::Small(y)) = (x, y) {
        if let Some(r) = small_binary(vm, op, *x, *y)? {
            return Ok(r);
        }
    }
    big_binary(vm, op, &x.to_big(), &y.to_big())
}

/// Machine-word arithmetic; `Ok(None)` when the result needs arbitrary precision.
#[inline]
fn small_binary(vm: &mut Vm, op: BinaryOp, x: i64, y: i64) -> PyResult<Option<Obj>> {
    let r = match op {
        BinaryOp::Add => x.checked_add(y),
        BinaryOp::Subtract => x.checked_sub(y),
        BinaryOp::Multiply => x.checked_mul(y),
        BinaryOp::FloorDivide | BinaryOp::Remainder => {
            if y == 0 {
                return Err(zero_div(vm, op));
            }
            floor_divmod_i64(x, y).map(|(q, r)| if op == BinaryOp::FloorDivide { q } else { r })
        }
        BinaryOp::And => Some(x & y),
        BinaryOp::Or => Some(x | y),
        BinaryOp::Xor => Some(x ^ y),
        BinaryOp::Lshift => {
            if y < 0 {
                return Err(vm.value_error("negative shift count".into()));
            }
            if x == 0 {
                Some(0)
            } else if y < 63 {
                x.checked_shl(y as u32).filter(|r| r >> y == x)
            } else {
                None
            }
        }
        BinaryOp::Rshift => {
            if y < 0 {
                return Err(vm.value_error("negative shift count".into()));
            }
            Some(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            })
        }
        BinaryOp::TrueDivide => {
            if y == 0 {
                return Err(zero_div(vm, op));
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                return Ok(Some(vm.new_float(x as f64 / y as f64)?));
            }
            return Ok(Some(
                vm.new_float(big_true_div(&BigInt::from(x), &BigInt::from(y)))?,
            ));
        }
        BinaryOp::Power => {
            if y < 0 {
                return int_negative_power(vm, x as f64, y as f64).map(Some);
            }
            u32::try_from(y).ok().and_then(|e| x.checked_pow(e))
        }
        BinaryOp::MatrixMultiply => return Ok(Some(vm.not_implemented.clone())),
    };
    match r {
        Some(v) => Ok(Some(vm.new_int(v)?)),
        None => Ok(None),
    }
}

fn int_negative_power(vm: &mut Vm, x: f64, y: f64) -> PyResult<Obj> {
    if x == 0.0 {
        return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
    }
    vm.new_float(x.powf(y))
}

/// Correctly rounded enough `a / b` for big operands (exact when both fit in 53 bits).
fn big_true_div(a: &BigInt, b: &BigInt) -> f64 {
    match (a.to_f64(), b.to_f64()) {
        (Some(x), Some(y))
            if x.is_finite() && y.is_finite() && x.abs() < 9.0e15 && y.abs() < 9.0e15 =>
        {
            x / y
        }
        _ => {
            // Scale so the quotient keeps 64 significant bits, then divide.
            let shift = a.bits() as i64 - b.bits() as i64 - 64;
            let q = if shift > 0 {
                a / (b << shift as usize)
            } else {
                (a << (-shift) as usize) / b
            };
            q.to_f64().unwrap_or(f64::INFINITY) * 2f64.powi(shift as i32)
        }
    }
}

fn big_binary(vm: &mut Vm, op: BinaryOp, x: &BigInt, y: &BigInt) -> PyResult<Obj> {
    let r: BigInt = match op {
        BinaryOp::Add => x + y,
        BinaryOp::Subtract => x - y,
        BinaryOp::Multiply => {
            if x.bits() + y.bits() > MAX_INT_BITS {
                return Err(vm.memory_error());
            }
            x * y
        }
        BinaryOp::FloorDivide => {
            if y.is_zero() {
                return Err(zero_div(vm, op));
            }
            x.div_floor(y)
        }
        BinaryOp::Remainder => {
            if y.is_zero() {
                return Err(zero_div(vm, op));
            }
            x.mod_floor(y)
        }
        BinaryOp::And => x & y,
        BinaryOp::Or => x | y,
        BinaryOp::Xor => x ^ y,
        BinaryOp::Lshift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count".into()));
            }
            if x.is_zero() {
                return vm.new_int(0);
            }
            let Some(s) = y.to_u64().filter(|s| *s < (1 << 60)) else {
                return Err(vm.overflow_error("too many digits in integer".into()));
            };
            if x.bits() + s > MAX_INT_BITS {
                return Err(vm.memory_error());
            }
            x << s as usize
        }
        BinaryOp::Rshift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count".into()));
            }
            match y.to_usize() {
                Some(s) => x >> s,
                None => {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        BinaryOp::TrueDivide => {
            if y.is_zero() {
                return Err(zero_div(vm, op));
            }
            return vm.new_float(big_true_div(x, y));
        }
        BinaryOp::Power => {
            if y.is_negative() {
                let xf = x.to_f64().unwrap_or(f64::INFINITY);
                let yf = y.to_f64().unwrap_or(f64::NEG_INFINITY);
                return int_negative_power(vm, xf, yf);
            }
            match y.to_u32() {
                Some(e) => {
                    if x.bits().saturating_mul(e as u64) > MAX_INT_BITS {
                        return Err(vm.memory_error());
                    }
                    num_traits::pow::Pow::pow(x, e)
                }
                None => {
                    if x.is_zero() || x == &BigInt::from(1) {
                        x.clone()
                    } else if x == &BigInt::from(-1) {
                        if y.is_even() {
                            BigInt::from(1)
                        } else {
                            BigInt::from(-1)
                        }
                    } else {
                        return Err(vm.memory_error());
                    }
                }
            }
        }
        BinaryOp::MatrixMultiply => return Ok(vm.not_implemented.clone()),
    };
    vm.new_bigint(r)
}

/// `pow(base, exp, mod)` for ints.
pub fn int_pow_mod(vm: &mut Vm, base: &Obj, exp: &Obj, m: &Obj) -> PyResult<Obj> {
    let (Some(b), Some(e), Some(md)) = (as_int(base), as_int(exp), as_int(m)) else {
        return Err(vm.type_error(
            "pow() 3rd argument not allowed unless all arguments are integers".into(),
        ));
    };
    let (b, e, md) = (b.to_big(), e.to_big(), md.to_big());
    if md.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0".into()));
    }
    let base = if e.is_negative() {
        match mod_inverse(&b, &md) {
            Some(inv) => inv,
            None => {
                return Err(vm.value_error("base is not invertible for the given modulus".into()))
            }
        }
    } else {
        b
    };
    let e = e.abs();
    let mabs = md.abs();
    let mut r = base.mod_floor(&mabs).modpow(&e, &mabs);
    if md.is_negative() && !r.is_zero() {
        r += &md;
    }
    vm.new_bigint(r)
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let g = a.mod_floor(&m).extended_gcd(&m);
    if g.gcd != BigInt::from(1) {
        return None;
    }
    Some(g.x.mod_floor(&m))
}

pub fn int_unary(vm: &mut Vm, op: UnaryOp, a: &Obj) -> PyResult<Obj> {
    let v = as_int(a).expect("int slot on a non-int");
    match (op, v) {
        (UnaryOp::Negative, IntValue::Small(x)) => match x.checked_neg() {
            Some(r) => vm.new_int(r),
            None => vm.new_bigint(-BigInt::from(*x)),
        },
        (UnaryOp::Negative, IntValue::Big(b)) => vm.new_bigint(-&**b),
        (UnaryOp::Positive, v) => vm.new_int_value(clone_value(v)),
        (UnaryOp::Invert, IntValue::Small(x)) => vm.new_int(!x),
        (UnaryOp::Invert, IntValue::Big(b)) => vm.new_bigint(-&**b - 1),
    }
}

fn clone_value(v: &IntValue) -> IntValue {
    match v {
        IntValue::Small(x) => IntValue::Small(*x),
        IntValue::Big(b) => IntValue::Big(b.clone()),
    }
}

pub fn int_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (as_int(a), as_int(b)) else {
        return Ok(vm.not_implemented.clone());
    };
    let ord = x.cmp_value(y);
    Ok(vm.new_bool(op.test(ord)))
}

/// Compares an int with a float exactly (no rounding of big ints), as CPython does.
pub fn compare_int_float(i: &IntValue, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let IntValue::Small(v) = i {
        if v.unsigned_abs() < (1 << 53) {
            return (*v as f64).partial_cmp(&f);
        }
    }
    // Compare against the float's integer part exactly, then break ties with its fraction.
    let fl = f.floor();
    let fi = num_bigint::BigInt::from(fl as i128);
    let fi = if fl.abs() < 1e38 {
        fi
    } else {
        float::float_to_bigint(fl).unwrap_or(fi)
    };
    match i.to_big().cmp(&fi) {
        Ordering::Equal if f > fl => Some(Ordering::Less),
        o => Some(o),
    }
}

pub fn int_hash(_vm: &mut Vm, a: &Obj) -> PyResult<i64> {
    Ok(as_int(a).expect("int slot on a non-int").hash())
}

pub fn int_repr(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let s = as_int(a).expect("int slot on a non-int").to_decimal(vm)?;
    vm.new_str(&s)
}

pub fn bool_repr(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let t = matches!(as_int(a), Some(IntValue::Small(1)));
    vm.new_str(if t { "True" } else { "False" })
}

pub fn int_bool(_vm: &mut Vm, a: &Obj) -> PyResult<bool> {
    Ok(!as_int(a).expect("int slot on a non-int").is_zero())
}

/// Bitwise ops on two bools give a bool; everything else is int arithmetic.
pub fn bool_binary(vm: &mut Vm, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    if matches!(op, BinaryOp::And | BinaryOp::Or | BinaryOp::Xor)
        && a.ty().name() == "bool"
        && b.ty().name() == "bool"
    {
        let x = matches!(as_int(a), Some(IntValue::Small(1)));
        let y = matches!(as_int(b), Some(IntValue::Small(1)));
        let r = match op {
            BinaryOp::And => x & y,
            BinaryOp::Or => x | y,
            _ => x ^ y,
        };
        return Ok(vm.new_bool(r));
    }
    int_binary(vm, op, a, b)
}

/// `int(x=0, /, base=10)`.
pub fn int_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let [x, base] = args.bind(vm, "int", ["x", "base"], 1, 0)?;
    let Some(x) = x else {
        return vm.new_int(0);
    };
    if let Some(base) = base {
        let b = vm.index_i64(base)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0".into()));
        }
        if let Some(bytes) = crate::objects::buffer::bytes_like(x) {
            let bytes = bytes.to_vec();
            return parse_bytes_int(vm, &bytes, b as u32);
        }
        let Some(s) = crate::objects::str::try_as_str(x) else {
            return Err(vm.type_error("int() can't convert non-string with explicit base".into()));
        };
        return parse_int_or_raise(vm, s, b as u32);
    }
    if let Some(v) = as_int(x) {
        return vm.new_int_value(clone_value(v));
    }
    if let Some(f) = float::as_float(x) {
        return float::float_to_int(vm, f);
    }
    if let Some(s) = crate::objects::str::try_as_str(x) {
        return parse_int_or_raise(vm, s, 10);
    }
    if let Some(bytes) = crate::objects::buffer::bytes_like(x) {
        let bytes = bytes.to_vec();
        return parse_bytes_int(vm, &bytes, 10);
    }
    if let Some(r) = vm.call_dunder_opt(x, "__int__", &[])? {
        return Ok(r);
    }
    if let Some(r) = vm.call_dunder_opt(x, "__index__", &[])? {
        return Ok(r);
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.ty().name()
    )))
}

/// `int(b"42")`: the bytes read as ASCII digits; errors show the bytes' repr.
fn parse_bytes_int(vm: &mut Vm, bytes: &[u8], base: u32) -> PyResult<Obj> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        if s.is_ascii() {
            if let Ok(r) = parse_int_or_raise(vm, s, base) {
                return Ok(r);
            }
        }
    }
    let r = crate::text::str_repr::bytes_repr(bytes);
    Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
}

fn parse_int_or_raise(vm: &mut Vm, s: &str, base: u32) -> PyResult<Obj> {
    use crate::text::int_parse::{int_parse_error, max_str_digits, parse_int_limited};
    let limit = max_str_digits();
    match parse_int_limited(s, base, limit) {
        Ok(b) => vm.new_bigint(b),
        Err(e) => Err(vm.value_error(int_parse_error(e, s, base, limit).msg)),
    }
}
