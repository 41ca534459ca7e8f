//! The integer side of `math`: floor/ceil/trunc (ints out, honouring `__floor__`,
//! `__ceil__`, `__trunc__`), factorial, gcd/lcm, comb/perm and isqrt on arbitrary-precision
//! ints, and the big-int `frexp` the logarithms use.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::heap::Obj;
use crate::objects::args::{check_count, Args};
use crate::objects::float;
use crate::objects::int::{self, IntValue};
use crate::vm::{PyResult, Vm};

use super::math::{float_to_int_rounded, special_method, to_f64};

/// Which of floor/ceil/trunc.
#[derive(Clone, Copy)]
pub enum Rounding {
    Floor,
    Ceil,
    Trunc,
}

impl Rounding {
    /// The qualified function name and the special method it honours.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Rounding::Floor => ("math.floor", "__floor__"),
            Rounding::Ceil => ("math.ceil", "__ceil__"),
            Rounding::Trunc => ("math.trunc", "__trunc__"),
        }
    }
}

/// `math.floor(x)`, `math.ceil(x)`, `math.trunc(x)`.
pub fn rounding(vm: &mut Vm, a: Args, how: Rounding) -> PyResult<Obj> {
    let (fname, special) = how.names();
    let p = a.exact(vm, fname, 1, 1)?;
    let x = &p[0];
    if let Some(f) = float::as_float(x) {
        return float_to_int_rounded(vm, f, how);
    }
    if let Some(i) = int::as_int(x) {
        // bool rounds to a plain int, as in CPython.
        return vm.new_int_value(copy_int(i));
    }
    if let Some(m) = special_method(vm, x, special) {
        return vm.call(&m, std::slice::from_ref(x));
    }
    if matches!(how, Rounding::Trunc) {
        return Err(vm.type_error(format!(
            "type {} doesn't define __trunc__ method",
            x.ty().name()
        )));
    }
    let f = to_f64(vm, x)?;
    float_to_int_rounded(vm, f, how)
}

fn copy_int(i: &IntValue) -> IntValue {
    match i {
        IntValue::Small(v) => IntValue::Small(*v),
        IntValue::Big(b) => IntValue::Big(b.clone()),
    }
}

/// An integer argument (`__index__` semantics) as a BigInt.
fn big_arg(vm: &mut Vm, o: &Obj) -> PyResult<BigInt> {
    if let Some(i) = int::as_int(o) {
        return Ok(i.to_big());
    }
    if let Some(m) = special_method(vm, o, "__index__") {
        let r = vm.call(&m, std::slice::from_ref(o))?;
        if let Some(i) = int::as_int(&r) {
            return Ok(i.to_big());
        }
        return Err(vm.type_error(format!(
            "__index__ returned non-int (type {})",
            r.ty().name()
        )));
    }
    Err(vm.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        o.ty().name()
    )))
}

/// The product of the integers in `lo..hi`, split in halves so the multiplications stay
/// balanced (much faster than a running product for large factorials).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut word: u64 = 1;
        for k in lo..hi {
            match word.checked_mul(k) {
                Some(w) => word = w,
                None => {
                    acc *= word;
                    word = k;
                }
            }
        }
        return acc * word;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

pub fn factorial(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "factorial", 1, 1)?;
    if float::as_float(&p[0]).is_some() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer".into()));
    }
    let n = big_arg(vm, &p[0])?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values".into()));
    }
    let Some(n) = n.to_u64().filter(|v| *v <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        )));
    };
    vm.new_bigint(range_product(2, n + 1))
}

pub fn gcd(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    a.no_kwargs(vm, "gcd")?;
    let mut g = BigInt::zero();
    for o in a.pos() {
        let v = big_arg(vm, o)?;
        g = g.gcd(&v);
    }
    vm.new_bigint(g)
}

pub fn lcm(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    a.no_kwargs(vm, "lcm")?;
    let mut l = BigInt::one();
    for o in a.pos() {
        let v = big_arg(vm, o)?;
        l = if l.is_zero() || v.is_zero() {
            BigInt::zero()
        } else {
            l.lcm(&v)
        };
    }
    vm.new_bigint(l.abs())
}

/// `(n, k)` for comb/perm with CPython's checks.
fn n_k(vm: &mut Vm, n: &Obj, k: &Obj) -> PyResult<(BigInt, BigInt)> {
    let n = big_arg(vm, n)?;
    let k = big_arg(vm, k)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer".into()));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer".into()));
    }
    Ok((n, k))
}

/// `n * (n-1) * ... * (n-k+1)` for `k` that fits in a word.
fn falling(n: &BigInt, k: u64) -> BigInt {
    let mut acc = BigInt::one();
    let mut f = n.clone();
    for _ in 0..k {
        acc *= &f;
        f -= 1;
    }
    acc
}

/// `k` as a word, or CPython's OverflowError naming the quantity (`what`).
fn small_k(vm: &mut Vm, k: &BigInt, what: &str) -> PyResult<u64> {
    match k.to_u64().filter(|v| *v <= i64::MAX as u64) {
        Some(v) => Ok(v),
        None => Err(vm.overflow_error(format!("{what} must not exceed {}", i64::MAX))),
    }
}

pub fn comb(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    a.no_kwargs(vm, "comb")?;
    let p = a.pos();
    check_count(vm, "comb", p.len(), 2, 2)?;
    let (n, k) = n_k(vm, &p[0], &p[1])?;
    if k > n {
        return vm.new_int(0);
    }
    let r = std::cmp::min(k.clone(), &n - &k);
    let r = small_k(vm, &r, "min(n - k, k)")?;
    // C(n, r) built incrementally: each partial product C(n, i) is an integer.
    let mut acc = BigInt::one();
    let mut top = n.clone();
    for i in 1..=r {
        acc = acc * &top / BigInt::from(i);
        top -= 1;
    }
    vm.new_bigint(acc)
}

pub fn perm(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    a.no_kwargs(vm, "perm")?;
    let p = a.pos();
    check_count(vm, "perm", p.len(), 1, 2)?;
    if p.len() == 1 || p[1].is(&vm.none) {
        let n = big_arg(vm, &p[0])?;
        if n.is_negative() {
            return Err(vm.value_error("n must be a non-negative integer".into()));
        }
        let n = p[0].clone();
        return factorial(vm, Args::new(std::slice::from_ref(&n)));
    }
    let (n, k) = n_k(vm, &p[0], &p[1])?;
    if k > n {
        return vm.new_int(0);
    }
    let k = small_k(vm, &k, "k")?;
    vm.new_bigint(falling(&n, k))
}

pub fn isqrt(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "isqrt", 1, 1)?;
    let n = big_arg(vm, &p[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative".into()));
    }
    vm.new_bigint(n.sqrt())
}

/// `(m, e)` with `|b| ≈ m * 2**e`, `0.5 <= m < 1`, `m` rounded to 53 bits (half to even).
pub fn big_frexp(b: &BigInt) -> (f64, i64) {
    let mag = b.abs();
    let bits = mag.bits() as i64;
    let shift = bits - 55;
    let top = if shift > 0 {
        // Keep 55 bits plus a sticky bit so the conversion to f64 rounds exactly once.
        let t: BigInt = &mag >> shift as usize;
        let sticky = !(&mag - (&t << shift as usize)).is_zero();
        t.to_u64().unwrap_or(0) | sticky as u64
    } else {
        mag.to_u64().unwrap_or(0)
    };
    let (m, e) = super::math::frexp(top as f64);
    (m, e + shift.max(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_product_matches_naive() {
        let naive: BigInt = (2u64..=30).map(BigInt::from).product();
        assert_eq!(range_product(2, 31), naive);
        assert_eq!(range_product(5, 5), BigInt::one());
    }

    #[test]
    fn big_frexp_of_powers_of_two() {
        let b = BigInt::one() << 2000usize;
        assert_eq!(big_frexp(&b), (0.5, 2001));
        let (m, e) = big_frexp(&BigInt::from(10).pow(400u32));
        assert!((0.5..1.0).contains(&m));
        assert_eq!(e, 1329);
    }
}
