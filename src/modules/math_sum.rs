//! Sums and norms for `math`: `prod` (any objects, Python multiplication), `fsum` (exact:
//! the running sum is kept as non-overlapping partials and rounded once at the end) and
//! `hypot`/`dist` (Euclidean norm with exact squares and one correction step, so results are
//! correctly rounded in all but rare cases, as CPython's are).

use crate::heap::Obj;
use crate::objects::args::{check_count, Args};
use crate::objects::typeobj::BinaryOp;
use crate::vm::{PyResult, Vm};

use super::math::{bind_kw, frexp, ldexp, to_f64};

pub fn prod(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    // The iterable is positional-only: a missing one is reported before any keyword.
    if a.pos().is_empty() {
        return Err(vm.type_error("prod() takes exactly 1 positional argument (0 given)".into()));
    }
    let [it, start] = bind_kw(vm, &a, "prod", ["", "start"], 1, 1)?;
    let it = it.expect("checked above");
    let items = vm.iterate(it)?;
    let mut acc = match start {
        Some(s) => s.clone(),
        None => vm.new_int(1)?,
    };
    for x in items {
        acc = vm.binary_op(BinaryOp::Multiply, &acc, &x)?;
    }
    Ok(acc)
}

/// The exact sum of `values`, correctly rounded; `Err` carries CPython's message kind.
enum FsumError {
    Overflow,
    InfMinusInf,
}

fn exact_sum(values: impl Iterator<Item = f64>) -> Result<f64, FsumError> {
    // Invariant: `partials` are non-overlapping and increasing in magnitude, and their
    // exact sum is the exact sum of the finite values seen so far.
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    for original in values {
        let mut x = original;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x == 0.0 {
            continue;
        }
        if !x.is_finite() {
            if original.is_finite() {
                return Err(FsumError::Overflow);
            }
            if original.is_infinite() {
                inf_sum += original;
            }
            special += original;
            partials.clear();
        } else {
            partials.push(x);
        }
    }
    if special != 0.0 || special.is_nan() {
        if inf_sum.is_nan() {
            return Err(FsumError::InfMinusInf);
        }
        return Ok(special);
    }
    let Some(&top) = partials.last() else {
        return Ok(0.0);
    };
    let mut hi = top;
    let mut lo = 0.0;
    let mut n = partials.len() - 1;
    // Add partials from the largest down until the sum becomes inexact.
    while n > 0 {
        let x = hi;
        let y = partials[n - 1];
        n -= 1;
        hi = x + y;
        lo = y - (hi - x);
        if lo != 0.0 {
            break;
        }
    }
    // Round half to even correctly: if the rest has the same sign as the rounding error,
    // the true sum lies past the halfway point and rounding must go the other way.
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        if y == x - hi {
            hi = x;
        }
    }
    Ok(hi)
}

pub fn fsum(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "fsum", 1, 1)?;
    let it = vm.get_iter(&p[0])?;
    let mut values = Vec::new();
    while let Some(v) = vm.next(&it)? {
        values.push(to_f64(vm, &v)?);
    }
    match exact_sum(values.into_iter()) {
        Ok(r) => vm.new_float(r),
        Err(FsumError::Overflow) => Err(vm.overflow_error("intermediate overflow in fsum".into())),
        Err(FsumError::InfMinusInf) => Err(vm.value_error("-inf + inf in fsum".into())),
    }
}

/// `sqrt(sum(x*x))` of non-negative values, without overflow or underflow and with one
/// Newton correction on an exactly computed residual.
fn vector_norm(values: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut nan = false;
    for &v in values {
        nan |= v.is_nan();
        max = max.max(v);
    }
    if max.is_infinite() {
        return max;
    }
    if nan {
        return f64::NAN;
    }
    if max == 0.0 || values.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    // Scaled by a power of two (exact), every value is below 1.
    let (mut hi, mut lo) = (0.0f64, 0.0f64);
    for &v in values {
        let x = ldexp(v, -max_e);
        let sq = x * x;
        let sq_err = x.mul_add(x, -sq);
        let s = hi + sq;
        let t = s - hi;
        let add_err = (hi - (s - t)) + (sq - t);
        hi = s;
        lo += add_err + sq_err;
    }
    let s = hi + lo;
    lo -= s - hi;
    hi = s;
    let mut h = hi.sqrt();
    let hh = h * h;
    let hh_err = h.mul_add(h, -hh);
    let residual = ((hi - hh) - hh_err) + lo;
    h += residual / (2.0 * h);
    ldexp(h, max_e)
}

pub fn hypot(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    a.no_kwargs(vm, "hypot")?;
    let mut v = Vec::with_capacity(a.pos().len());
    for o in a.pos() {
        v.push(to_f64(vm, o)?.abs());
    }
    let r = vector_norm(&v);
    vm.new_float(r)
}

pub fn dist(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    a.no_kwargs(vm, "dist")?;
    let p = a.pos();
    check_count(vm, "dist", p.len(), 2, 2)?;
    let ps = vm.iterate(&p[0])?;
    let qs = vm.iterate(&p[1])?;
    if ps.len() != qs.len() {
        return Err(vm.value_error("both points must have the same number of dimensions".into()));
    }
    let mut diffs = Vec::with_capacity(ps.len());
    for (x, y) in ps.iter().zip(qs.iter()) {
        let x = to_f64(vm, x)?;
        let y = to_f64(vm, y)?;
        diffs.push((x - y).abs());
    }
    let r = vector_norm(&diffs);
    vm.new_float(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum(v: &[f64]) -> f64 {
        match exact_sum(v.iter().copied()) {
            Ok(r) => r,
            Err(_) => panic!("unexpected error"),
        }
    }

    #[test]
    fn fsum_is_exact() {
        assert_eq!(sum(&[0.1; 10]), 1.0);
        assert_eq!(
            sum(&[1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]),
            1e-100
        );
        assert_eq!(
            sum(&[2.0f64.powi(53), 1.0, 2.0f64.powi(-60)]),
            2.0f64.powi(53) + 2.0
        );
        assert!(matches!(
            exact_sum([f64::INFINITY, f64::NEG_INFINITY].into_iter()),
            Err(FsumError::InfMinusInf)
        ));
        assert!(matches!(
            exact_sum([1e308, 1e308].into_iter()),
            Err(FsumError::Overflow)
        ));
    }

    #[test]
    fn norms() {
        assert_eq!(vector_norm(&[3.0, 4.0]), 5.0);
        assert_eq!(vector_norm(&[1e308, 1e308]), 1.4142135623730951e308);
        assert_eq!(vector_norm(&[]), 0.0);
        assert_eq!(vector_norm(&[f64::NAN, f64::INFINITY]), f64::INFINITY);
    }
}
