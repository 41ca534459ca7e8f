//! `int` (and the layout `bool` shares): a machine-word value when it fits, arbitrary
//! precision beyond. Ints in -5..=256 are a preallocated cache, as in CPython.
//!
//! Invariant: `IntValue::Big` never holds a value that fits in an `i64` (values are
//! normalised on creation), so equal ints have equal representations.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::heap::Obj;
use crate::objects::pybox::{new_box, payload, PyBox};
use crate::objects::typeobj::flags;
use crate::vm::{PyResult, Vm};

pub enum IntValue {
    Small(i64),
    /// Boxed so that the common machine-word case keeps int objects at 32 bytes.
    Big(Box<BigInt>),
}

pub type IntObj = PyBox<IntValue>;

pub const SMALL_INT_MIN: i64 = -5;
pub const SMALL_INT_MAX: i64 = 256;

/// CPython's limit on decimal digits converted between int and str (3.11's default).
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// The modulus of CPython's numeric hash: 2**61 - 1.
pub const HASH_MODULUS: i64 = (1 << 61) - 1;

#[inline(always)]
pub fn is_int(obj: &Obj) -> bool {
    obj.ty().has_flag(flags::LONG_SUBCLASS)
}

/// The value of an int (or bool), if `obj` is one.
#[inline(always)]
pub fn as_int(obj: &Obj) -> Option<&IntValue> {
    if is_int(obj) {
        // SAFETY: int and its subclasses use the `IntObj` layout.
        Some(unsafe { payload::<IntValue>(obj) })
    } else {
        None
    }
}

/// The machine-word value of an int that fits in one.
#[inline(always)]
pub fn as_small(obj: &Obj) -> Option<i64> {
    match as_int(obj) {
        Some(IntValue::Small(v)) => Some(*v),
        _ => None,
    }
}

impl IntValue {
    pub fn from_big(b: BigInt) -> IntValue {
        match b.to_i64() {
            Some(v) => IntValue::Small(v),
            None => IntValue::Big(Box::new(b)),
        }
    }

    pub fn to_big(&self) -> BigInt {
        match self {
            IntValue::Small(v) => BigInt::from(*v),
            IntValue::Big(b) => (**b).clone(),
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self, IntValue::Small(0))
    }

    pub fn is_negative(&self) -> bool {
        match self {
            IntValue::Small(v) => *v < 0,
            IntValue::Big(b) => b.is_negative(),
        }
    }

    pub fn to_f64(&self) -> Option<f64> {
        match self {
            IntValue::Small(v) => Some(*v as f64),
            IntValue::Big(b) => b.to_f64().filter(|f| f.is_finite()),
        }
    }

    pub fn cmp_value(&self, other: &IntValue) -> Ordering {
        match (self, other) {
            (IntValue::Small(a), IntValue::Small(b)) => a.cmp(b),
            _ => self.to_big().cmp(&other.to_big()),
        }
    }

    /// CPython's hash of an int: the value modulo 2**61 - 1, with the sign kept, -1 mapped to -2.
    pub fn hash(&self) -> i64 {
        let h = match self {
            IntValue::Small(v) => {
                let m = (v.unsigned_abs() % HASH_MODULUS as u64) as i64;
                if *v < 0 {
                    -m
                } else {
                    m
                }
            }
            IntValue::Big(b) => {
                let m = (b.abs() % BigInt::from(HASH_MODULUS)).to_i64().unwrap_or(0);
                if b.is_negative() {
                    -m
                } else {
                    m
                }
            }
        };
        if h == -1 {
            -2
        } else {
            h
        }
    }

    /// Decimal digits, with CPython's conversion limit (`sys.set_int_max_str_digits`).
    pub fn to_decimal(&self, vm: &mut Vm) -> PyResult<String> {
        match self {
            IntValue::Small(v) => Ok(v.to_string()),
            IntValue::Big(b) => {
                crate::text::int_parse::int_to_decimal_limited(b).map_err(|e| vm.value_error(e.msg))
            }
        }
    }
}

impl Vm {
    /// An int object for `v`: a cached one in -5..=256, a new one otherwise.
    #[inline]
    pub fn new_int(&mut self, v: i64) -> PyResult<Obj> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v) {
            return Ok(self.small_ints[(v - SMALL_INT_MIN) as usize].clone());
        }
        let ty = self.types.int.clone();
        new_box(
            crate::objects::typeobj::as_type(&ty),
            IntValue::Small(v),
            false,
        )
        .map_err(|_| self.memory_error())
    }

    pub fn new_int_value(&mut self, v: IntValue) -> PyResult<Obj> {
        match v {
            IntValue::Small(v) => self.new_int(v),
            IntValue::Big(b) => self.new_bigint(*b),
        }
    }

    pub fn new_bigint(&mut self, b: BigInt) -> PyResult<Obj> {
        match b.to_i64() {
            Some(v) => self.new_int(v),
            None => {
                let ty = self.types.int.clone();
                new_box(
                    crate::objects::typeobj::as_type(&ty),
                    IntValue::Big(Box::new(b)),
                    false,
                )
                .map_err(|_| self.memory_error())
            }
        }
    }

    pub fn new_usize(&mut self, v: usize) -> PyResult<Obj> {
        match i64::try_from(v) {
            Ok(v) => self.new_int(v),
            Err(_) => self.new_bigint(BigInt::from(v)),
        }
    }

    /// Python's `bool` singletons.
    #[inline(always)]
    pub fn new_bool(&self, b: bool) -> Obj {
        if b {
            self.true_obj.clone()
        } else {
            self.false_obj.clone()
        }
    }

    /// The index value of an int-like argument (`operator.index`), for sizes and positions.
    pub fn index_value(&mut self, obj: &Obj) -> PyResult<IntValue> {
        match as_int(obj) {
            Some(IntValue::Small(v)) => Ok(IntValue::Small(*v)),
            Some(IntValue::Big(b)) => Ok(IntValue::Big(b.clone())),
            None if crate::objects::class::is_heap_type(obj.ty()) => {
                // A class's own `__index__`.
                let n = self.intern("__index__");
                let Some(f) = crate::objects::class_slots::lookup_python_attr(self, obj.ty(), &n)
                else {
                    return Err(self.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        obj.ty().name()
                    )));
                };
                let bound =
                    crate::objects::descr::descr_get(self, &f, Some(obj), &obj.ty().to_obj())?;
                let r = self.call(&bound, &[])?;
                match as_int(&r) {
                    Some(v) => Ok(match v {
                        IntValue::Small(v) => IntValue::Small(*v),
                        IntValue::Big(b) => IntValue::Big(b.clone()),
                    }),
                    None => Err(self.type_error(format!(
                        "__index__ returned non-int (type {})",
                        r.ty().name()
                    ))),
                }
            }
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                obj.ty().name()
            ))),
        }
    }

    /// An int-like argument as an `i64`, raising OverflowError beyond that range.
    pub fn index_i64(&mut self, obj: &Obj) -> PyResult<i64> {
        match self.index_value(obj)? {
            IntValue::Small(v) => Ok(v),
            IntValue::Big(_) => {
                Err(self.overflow_error("Python int too large to convert to C ssize_t".to_string()))
            }
        }
    }
}
