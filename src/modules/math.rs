//! The `math` module: constants and the floating-point functions (libm's results, with
//! CPython's error rules: a NaN from a non-NaN argument is `ValueError: math domain error`,
//! an infinity from finite arguments is `OverflowError: math range error` where the
//! function can overflow and a domain error otherwise). Integer functions live in
//! `math_int`, exact sums and norms in `math_sum`.

use crate::heap::Obj;
use crate::objects::args::{check_count, Args};
use crate::objects::float;
use crate::objects::function::BuiltinFn;
use crate::objects::int::{self, IntValue};
use crate::objects::module::module_dict;
use crate::vm::{PyResult, Vm};

use super::math_int;
use super::math_sum;

pub fn create(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("math")?;
    let d = module_dict(&m).clone();
    let doc = vm.new_str("Mathematical functions on floats and integers: libm's elementary functions with Python's error rules, exact integer arithmetic, and correctly rounded sums.")?;
    vm.dict_set_str(&d, "__doc__", doc)?;
    let consts = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (name, v) in consts {
        let o = vm.new_float(v)?;
        vm.dict_set_str(&d, name, o)?;
    }
    let funcs: &[(&'static str, BuiltinFn)] = &[
        ("sqrt", |vm, a| unary(vm, a, "math.sqrt", f64::sqrt, false)),
        ("exp", |vm, a| unary(vm, a, "math.exp", f64::exp, true)),
        ("exp2", |vm, a| unary(vm, a, "math.exp2", f64::exp2, true)),
        ("expm1", |vm, a| {
            unary(vm, a, "math.expm1", f64::exp_m1, true)
        }),
        ("log1p", |vm, a| {
            unary(vm, a, "math.log1p", f64::ln_1p, false)
        }),
        ("sin", |vm, a| unary(vm, a, "math.sin", f64::sin, false)),
        ("cos", |vm, a| unary(vm, a, "math.cos", f64::cos, false)),
        ("tan", |vm, a| unary(vm, a, "math.tan", f64::tan, false)),
        ("asin", |vm, a| unary(vm, a, "math.asin", f64::asin, false)),
        ("acos", |vm, a| unary(vm, a, "math.acos", f64::acos, false)),
        ("atan", |vm, a| unary(vm, a, "math.atan", f64::atan, false)),
        ("sinh", |vm, a| unary(vm, a, "math.sinh", f64::sinh, true)),
        ("cosh", |vm, a| unary(vm, a, "math.cosh", f64::cosh, true)),
        ("tanh", |vm, a| unary(vm, a, "math.tanh", f64::tanh, false)),
        ("asinh", |vm, a| unary(vm, a, "math.asinh", asinh, false)),
        ("acosh", |vm, a| unary(vm, a, "math.acosh", acosh, false)),
        ("atanh", |vm, a| unary(vm, a, "math.atanh", atanh, false)),
        ("fabs", |vm, a| unary(vm, a, "math.fabs", f64::abs, false)),
        // Plain scalings: an infinite result is not an error here.
        ("degrees", |vm, a| {
            let x = one_float(vm, a, "math.degrees")?;
            vm.new_float(x * (180.0 / std::f64::consts::PI))
        }),
        ("radians", |vm, a| {
            let x = one_float(vm, a, "math.radians")?;
            vm.new_float(x * (std::f64::consts::PI / 180.0))
        }),
        ("atan2", |vm, a| binary(vm, a, "atan2", f64::atan2)),
        ("copysign", |vm, a| binary(vm, a, "copysign", f64::copysign)),
        ("fmod", math_fmod),
        ("remainder", math_remainder),
        ("pow", math_pow),
        ("log", math_log),
        ("log2", |vm, a| {
            let p = a.exact(vm, "math.log2", 1, 1)?;
            let r = log_of(vm, &p[0], f64::log2)?;
            vm.new_float(r)
        }),
        ("log10", |vm, a| {
            let p = a.exact(vm, "math.log10", 1, 1)?;
            let r = log_of(vm, &p[0], f64::log10)?;
            vm.new_float(r)
        }),
        ("isfinite", |vm, a| {
            let x = one_float(vm, a, "math.isfinite")?;
            Ok(vm.new_bool(x.is_finite()))
        }),
        ("isinf", |vm, a| {
            let x = one_float(vm, a, "math.isinf")?;
            Ok(vm.new_bool(x.is_infinite()))
        }),
        ("isnan", |vm, a| {
            let x = one_float(vm, a, "math.isnan")?;
            Ok(vm.new_bool(x.is_nan()))
        }),
        ("isclose", math_isclose),
        ("modf", math_modf),
        ("frexp", math_frexp),
        ("ldexp", math_ldexp),
        ("nextafter", |vm, a| binary(vm, a, "nextafter", next_after)),
        ("ulp", |vm, a| unary(vm, a, "math.ulp", ulp, false)),
        ("floor", |vm, a| {
            math_int::rounding(vm, a, math_int::Rounding::Floor)
        }),
        ("ceil", |vm, a| {
            math_int::rounding(vm, a, math_int::Rounding::Ceil)
        }),
        ("trunc", |vm, a| {
            math_int::rounding(vm, a, math_int::Rounding::Trunc)
        }),
        ("factorial", math_int::factorial),
        ("gcd", math_int::gcd),
        ("lcm", math_int::lcm),
        ("comb", math_int::comb),
        ("perm", math_int::perm),
        ("isqrt", math_int::isqrt),
        ("prod", math_sum::prod),
        ("fsum", math_sum::fsum),
        ("hypot", math_sum::hypot),
        ("dist", math_sum::dist),
    ];
    for (name, f) in funcs {
        let o = vm.new_builtin(name, *f)?;
        vm.dict_set_str(&d, name, o)?;
    }
    Ok(m)
}

/// A real-number argument as a double: floats, ints (OverflowError past the float range),
/// and objects with `__float__` or `__index__`.
pub(super) fn to_f64(vm: &mut Vm, obj: &Obj) -> PyResult<f64> {
    if let Some(f) = float::as_float(obj) {
        return Ok(f);
    }
    if let Some(i) = int::as_int(obj) {
        return int_to_f64(vm, i);
    }
    if let Some(f) = special_method(vm, obj, "__float__") {
        let r = vm.call(&f, std::slice::from_ref(obj))?;
        return match float::as_float(&r) {
            Some(v) => Ok(v),
            None => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                obj.ty().name(),
                r.ty().name()
            ))),
        };
    }
    if let Some(f) = special_method(vm, obj, "__index__") {
        let r = vm.call(&f, std::slice::from_ref(obj))?;
        if let Some(i) = int::as_int(&r) {
            return int_to_f64(vm, i);
        }
        return Err(vm.type_error(format!(
            "__index__ returned non-int (type {})",
            r.ty().name()
        )));
    }
    Err(vm.type_error(format!("must be real number, not {}", obj.ty().name())))
}

fn int_to_f64(vm: &mut Vm, i: &IntValue) -> PyResult<f64> {
    i.to_f64()
        .ok_or_else(|| vm.overflow_error("int too large to convert to float".into()))
}

/// A special method defined on `obj`'s type (user classes define them in their dicts).
pub(super) fn special_method(vm: &mut Vm, obj: &Obj, name: &str) -> Option<Obj> {
    let key = vm.intern(name);
    vm.lookup_type_attr(obj.ty(), &key)
}

pub(super) fn domain_error(vm: &mut Vm) -> crate::vm::PyErr {
    vm.value_error("math domain error".into())
}

pub(super) fn range_error(vm: &mut Vm) -> crate::vm::PyErr {
    vm.overflow_error("math range error".into())
}

fn one_float(vm: &mut Vm, a: Args, fname: &str) -> PyResult<f64> {
    let p = a.exact(vm, fname, 1, 1)?;
    to_f64(vm, &p[0])
}

/// A one-argument libm function with CPython's error classification (`name` is the
/// qualified `math.f` used in argument-count messages).
fn unary(vm: &mut Vm, a: Args, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Obj> {
    let x = one_float(vm, a, name)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(vm)
        } else {
            domain_error(vm)
        });
    }
    vm.new_float(r)
}

// The inverse hyperbolic functions are computed with the classic fdlibm reductions (which
// the C library CPython calls uses) on top of libm's log, log1p and sqrt, so results agree
// with CPython to the last bit; Rust's own versions use other formulas.

/// Above this magnitude x*x overflows the reductions and log(2|x|) is exact enough.
const HUGE_ARG: f64 = 268_435_456.0; // 2**28
/// Below this magnitude the function equals its argument in double precision.
const TINY_ARG: f64 = 3.725_290_298_461_914e-9; // 2**-28

fn asinh(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let a = x.abs();
    let r = if a < TINY_ARG {
        return x;
    } else if a > HUGE_ARG {
        a.ln() + std::f64::consts::LN_2
    } else if a > 2.0 {
        (2.0 * a + 1.0 / ((x * x + 1.0).sqrt() + a)).ln()
    } else {
        let t = x * x;
        (a + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    r.copysign(x)
}

fn acosh(x: f64) -> f64 {
    if x.is_nan() || x < 1.0 {
        return f64::NAN;
    }
    if x >= HUGE_ARG {
        return if x.is_infinite() {
            x
        } else {
            x.ln() + std::f64::consts::LN_2
        };
    }
    if x == 1.0 {
        return 0.0;
    }
    if x > 2.0 {
        let t = x * x;
        return (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln();
    }
    let t = x - 1.0;
    (t + (2.0 * t + t * t).sqrt()).ln_1p()
}

fn atanh(x: f64) -> f64 {
    let a = x.abs();
    if x.is_nan() || a > 1.0 {
        return f64::NAN;
    }
    if a == 1.0 {
        return f64::INFINITY.copysign(x);
    }
    if a < TINY_ARG {
        return x;
    }
    let r = if a < 0.5 {
        let t = a + a;
        0.5 * (t + t * a / (1.0 - a)).ln_1p()
    } else {
        0.5 * ((a + a) / (1.0 - a)).ln_1p()
    };
    r.copysign(x)
}

fn two_floats(vm: &mut Vm, a: Args, name: &str) -> PyResult<(f64, f64)> {
    a.no_kwargs(vm, name)?;
    let p = a.pos();
    check_count(vm, name, p.len(), 2, 2)?;
    Ok((to_f64(vm, &p[0])?, to_f64(vm, &p[1])?))
}

/// A two-argument function: NaN from non-NaN arguments is a domain error, infinity from
/// finite ones a range error.
fn binary(vm: &mut Vm, a: Args, name: &str, f: fn(f64, f64) -> f64) -> PyResult<Obj> {
    let (x, y) = two_floats(vm, a, name)?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    vm.new_float(r)
}

fn math_fmod(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let (x, y) = two_floats(vm, a, "fmod")?;
    // fmod(finite, ±inf) is the finite argument; libm agrees, but be explicit.
    if y.is_infinite() && x.is_finite() {
        return vm.new_float(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    vm.new_float(r)
}

/// IEEE 754 remainder: `x - n*y` with `n` the integer nearest `x/y`, ties to even.
fn ieee_remainder(x: f64, y: f64) -> f64 {
    let (ax, ay) = (x.abs(), y.abs());
    let m = ax % ay;
    let c = ay - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Exactly halfway: (ax - m) / ay is an integer q; halving it and reducing modulo
        // ay leaves 0 when q is even and ay/2 (== m) when q is odd.
        m - 2.0 * ((0.5 * (ax - m)) % ay)
    };
    1f64.copysign(x) * r
}

fn math_remainder(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let (x, y) = two_floats(vm, a, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return vm.new_float(f64::NAN);
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error(vm));
    }
    if y.is_infinite() {
        return vm.new_float(x);
    }
    let r = ieee_remainder(x, y);
    vm.new_float(r)
}

fn math_pow(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let (x, y) = two_floats(vm, a, "pow")?;
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        // 0 to a negative power is a pole (domain error); anything else overflowed.
        return Err(if x == 0.0 {
            domain_error(vm)
        } else {
            range_error(vm)
        });
    }
    vm.new_float(r)
}

/// `func(x)` for a positive real `x`; ints too large for a float are split as
/// `m * 2**e` first, so `log(10**400)` works.
fn log_of(vm: &mut Vm, x: &Obj, func: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = int::as_int(x) {
        if i.is_negative() || i.is_zero() {
            return Err(domain_error(vm));
        }
        if let IntValue::Big(b) = i {
            if i.to_f64().is_none() {
                let (m, e) = math_int::big_frexp(b);
                return Ok(func(m) + func(2.0) * e as f64);
            }
        }
    }
    let v = to_f64(vm, x)?;
    let r = func(v);
    if r.is_nan() && !v.is_nan() || r.is_infinite() && v.is_finite() {
        return Err(domain_error(vm));
    }
    Ok(r)
}

fn math_log(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    a.no_kwargs(vm, "log")?;
    let p = a.pos();
    if p.is_empty() || p.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments".into()));
    }
    let num = log_of(vm, &p[0], f64::ln)?;
    if p.len() == 1 {
        return vm.new_float(num);
    }
    let den = log_of(vm, &p[1], f64::ln)?;
    if den == 0.0 {
        return Err(vm.zero_division_error("float division by zero"));
    }
    vm.new_float(num / den)
}

/// Binds arguments the way CPython's generated parsers for `math` do: the first `npos`
/// names may be positional, the rest are keyword-only; unknown keywords and missing
/// required (`required` first names) arguments get CPython's messages.
pub(super) fn bind_kw<'a, const N: usize>(
    vm: &mut Vm,
    a: &Args<'a>,
    fname: &str,
    names: [&str; N],
    npos: usize,
    required: usize,
) -> PyResult<[Option<&'a Obj>; N]> {
    let pos = a.pos();
    if pos.len() > npos {
        let s = if npos == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(
            "{fname}() takes exactly {npos} positional argument{s} ({} given)",
            pos.len()
        )));
    }
    let mut out: [Option<&'a Obj>; N] = [None; N];
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    let mut duplicate = None;
    for (k, v) in a.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_some() => duplicate = duplicate.or(Some((k, i))),
            Some(i) => out[i] = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    for i in 0..required {
        if out[i].is_none() {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    if let Some((k, i)) = duplicate {
        return Err(vm.type_error(format!(
            "argument for {fname}() given by name ('{k}') and position ({})",
            i + 1
        )));
    }
    Ok(out)
}

fn math_isclose(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let [x, y, rel, abs] = bind_kw(vm, &a, "isclose", ["a", "b", "rel_tol", "abs_tol"], 2, 2)?;
    let x = to_f64(vm, x.expect("required"))?;
    let y = to_f64(vm, y.expect("required"))?;
    let rel = match rel {
        Some(r) => to_f64(vm, r)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(r) => to_f64(vm, r)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative".into()));
    }
    if x == y {
        return Ok(vm.new_bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(vm.new_bool(false));
    }
    let diff = (y - x).abs();
    let close = diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs;
    Ok(vm.new_bool(close))
}

fn math_modf(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let x = one_float(vm, a, "math.modf")?;
    let (frac, whole) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        let w = x.trunc();
        ((x - w).copysign(x), w)
    };
    let items = vec![vm.new_float(frac)?, vm.new_float(whole)?];
    vm.new_tuple(items)
}

/// `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1` (m = x for zero, inf and nan).
pub(super) fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

fn math_frexp(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let x = one_float(vm, a, "math.frexp")?;
    let (m, e) = frexp(x);
    let items = vec![vm.new_float(m)?, vm.new_int(e)?];
    vm.new_tuple(items)
}

/// `2**k` for `k` in the normal exponent range.
fn pow2(k: i64) -> f64 {
    debug_assert!((-1022..=1023).contains(&k));
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// `x * 2**e`, rounded once (only a subnormal result needs rounding at all).
pub(super) fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, me) = frexp(x);
    let total = me.saturating_add(e);
    if total > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if total >= -1021 {
        // (2m) is in [1, 2) and 2**(total-1) is a normal power of two: exact.
        return (2.0 * m) * pow2(total - 1);
    }
    if total < -1080 {
        return 0.0f64.copysign(x);
    }
    // m * 2**(total+1022) is exact and normal; the last factor rounds into the subnormals.
    (m * pow2(total + 1022)) * pow2(-1022)
}

fn math_ldexp(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    a.no_kwargs(vm, "ldexp")?;
    let p = a.pos();
    check_count(vm, "ldexp", p.len(), 2, 2)?;
    let x = to_f64(vm, &p[0])?;
    let Some(i) = int::as_int(&p[1]) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp.".into()));
    };
    let e = match i {
        IntValue::Small(v) => *v,
        IntValue::Big(b) => {
            if num_traits::Signed::is_negative(&**b) {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    let r = ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(vm));
    }
    vm.new_float(r)
}

fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let next = next_after(x, f64::INFINITY);
    if next.is_infinite() {
        return x - next_after(x, -f64::INFINITY);
    }
    next - x
}

/// `math.floor`/`ceil`/`trunc` of a float: the integral value as an int.
pub(super) fn float_to_int_rounded(vm: &mut Vm, x: f64, how: math_int::Rounding) -> PyResult<Obj> {
    let r = match how {
        math_int::Rounding::Floor => x.floor(),
        math_int::Rounding::Ceil => x.ceil(),
        math_int::Rounding::Trunc => x.trunc(),
    };
    float::float_to_int(vm, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frexp_and_ldexp_round_trip() {
        for x in [1.0, -3.5, 1e-310, 1e308, 0.1, 5e-324] {
            let (m, e) = frexp(x);
            assert!((0.5..1.0).contains(&m.abs()), "{x}: {m}");
            assert_eq!(ldexp(m, e), x);
        }
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(ldexp(1.0, -1075), 0.0);
    }

    #[test]
    fn remainder_ties_to_even() {
        assert_eq!(ieee_remainder(5.0, 2.0), 1.0);
        assert_eq!(ieee_remainder(7.0, 2.0), -1.0);
        assert_eq!(ieee_remainder(-7.0, 2.0), 1.0);
        assert_eq!(ieee_remainder(10.0, 3.0), 1.0);
        assert_eq!(ieee_remainder(11.0, 3.0), -1.0);
    }

    #[test]
    fn next_after_and_ulp() {
        assert_eq!(next_after(1.0, 2.0), 1.0 + f64::EPSILON);
        assert_eq!(next_after(0.0, -1.0), -5e-324);
        assert_eq!(ulp(1.0), f64::EPSILON);
        assert_eq!(ulp(f64::MAX), f64::MAX - next_after(f64::MAX, 0.0));
    }
}
