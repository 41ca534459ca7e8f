//! The slots of `str`: repr, hash, comparison, concatenation and repetition, `%` formatting,
//! indexing and slicing by code point, membership and iteration, and `str(...)`. The methods
//! live in `str_methods`.

use std::cmp::Ordering;

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::str::{as_str, char_len, is_ascii, is_str, str_eq, str_hash_value, try_as_str};
use crate::objects::typeobj::{as_type, BinaryOp, CompareOp};
use crate::objects::{float, int, seq, tuple};
use crate::text::percent::{PercentArg, PercentArgs};
use crate::text::TextError;
use crate::vm::{PyErr, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = as_type(&vm.types.str);
    t.slots.repr.set(Some(str_repr));
    t.slots.str.set(Some(|_, s| Ok(s.clone())));
    t.slots.hash.set(Some(|_, s| Ok(str_hash_value(s))));
    t.slots.richcompare.set(Some(str_richcompare));
    t.slots.binary.set(Some(str_binary));
    t.slots.len.set(Some(|_, s| Ok(char_len(s))));
    t.slots.getitem.set(Some(str_getitem));
    t.slots.contains.set(Some(str_contains));
    t.slots.iter.set(Some(str_iter));
    t.slots.new.set(Some(str_new));
    crate::objects::str_methods::install(vm);
    crate::objects::str_translate::install(vm);
}

fn str_repr(vm: &mut Vm, s: &Obj) -> PyResult<Obj> {
    let r = crate::text::str_repr::str_repr(as_str(s));
    vm.new_str(&r)
}

fn str_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_str(b) {
        return Ok(vm.not_implemented.clone());
    }
    let r = match op {
        CompareOp::Eq => str_eq(a, b),
        CompareOp::Ne => !str_eq(a, b),
        _ => {
            // UTF-8 byte order equals code point order.
            let ord: Ordering = as_str(a).as_bytes().cmp(as_str(b).as_bytes());
            op.test(ord)
        }
    };
    Ok(vm.new_bool(r))
}

/// Concatenation, repetition (either operand order) and `%` formatting.
fn str_binary(vm: &mut Vm, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    match op {
        BinaryOp::Add if is_str(a) && is_str(b) => {
            let (x, y) = (as_str(a), as_str(b));
            if y.is_empty() && a.ty().name() == "str" {
                return Ok(a.clone());
            }
            if x.is_empty() && b.ty().name() == "str" {
                return Ok(b.clone());
            }
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            vm.new_str(&s)
        }
        BinaryOp::Multiply => {
            let (s, n) = if is_str(a) { (a, b) } else { (b, a) };
            if !is_str(s) {
                return Ok(vm.not_implemented.clone());
            }
            let Some(n) = int::as_int(n) else {
                return Ok(vm.not_implemented.clone());
            };
            let count = match n {
                int::IntValue::Small(v) => (*v).max(0) as usize,
                int::IntValue::Big(_) => {
                    return Err(
                        vm.overflow_error("cannot fit 'int' into an index-sized integer".into())
                    )
                }
            };
            let text = as_str(s);
            if text.is_empty() || count == 0 {
                return Ok(vm.empty_str.clone());
            }
            if count == 1 && s.ty().name() == "str" {
                return Ok(s.clone());
            }
            match text.len().checked_mul(count) {
                Some(total) if total <= isize::MAX as usize / 2 => {
                    let mut out = String::new();
                    out.try_reserve_exact(total)
                        .map_err(|_| vm.memory_error())?;
                    for _ in 0..count {
                        out.push_str(text);
                    }
                    vm.new_str(&out)
                }
                _ if text.is_empty() => Ok(vm.empty_str.clone()),
                _ => Err(vm.memory_error()),
            }
        }
        BinaryOp::Remainder if is_str(a) => percent_format(vm, a, b),
        _ => Ok(vm.not_implemented.clone()),
    }
}

/// Feeds `%` arguments to the formatter from the right operand.
struct PercentSource<'a> {
    vm: &'a mut Vm,
    operand: Obj,
    /// A Python exception raised while converting or looking up an argument.
    err: Option<PyErr>,
}

impl PercentSource<'_> {
    fn fail(&mut self, e: PyErr) -> TextError {
        let msg = self.vm.exception_message(&e.exc);
        self.err = Some(e);
        TextError::type_error(msg)
    }
}

impl PercentArgs for PercentSource<'_> {
    type Obj = Obj;

    fn tuple_len(&self) -> Option<usize> {
        tuple::try_items(&self.operand).map(|t| t.len())
    }

    fn item(&mut self, index: Option<usize>) -> Obj {
        match index {
            Some(i) => tuple::items(&self.operand)[i].clone(),
            None => self.operand.clone(),
        }
    }

    fn is_mapping(&self) -> bool {
        !tuple::is_tuple(&self.operand)
            && !is_str(&self.operand)
            && self.operand.ty().slots.getitem.get().is_some()
    }

    fn lookup(&mut self, key: &str) -> Result<Obj, TextError> {
        let k = match self.vm.new_str(key) {
            Ok(k) => k,
            Err(e) => return Err(self.fail(e)),
        };
        let op = self.operand.clone();
        match self.vm.getitem(&op, &k) {
            Ok(v) => Ok(v),
            Err(e) => Err(self.fail(e)),
        }
    }

    fn convert(&mut self, v: Obj, conv: char) -> Result<PercentArg, TextError> {
        let wrong = || PercentArg::Wrong(v.ty().name().to_string());
        match conv {
            's' | 'r' | 'a' => {
                let r = match conv {
                    's' => self.vm.str(&v),
                    'r' => self.vm.repr(&v),
                    _ => self.vm.ascii(&v),
                };
                match r {
                    Ok(s) => Ok(PercentArg::Str(as_str(&s).to_string())),
                    Err(e) => Err(self.fail(e)),
                }
            }
            'c' => {
                if let Some(i) = int::as_int(&v) {
                    return Ok(PercentArg::Int(i.to_big()));
                }
                if let Some(s) = try_as_str(&v) {
                    return Ok(PercentArg::Str(s.to_string()));
                }
                Ok(wrong())
            }
            '*' => match int::as_int(&v) {
                Some(i) => Ok(PercentArg::Int(i.to_big())),
                None => Ok(wrong()),
            },
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                if let Some(f) = float::as_float(&v) {
                    return Ok(PercentArg::Float(f));
                }
                if let Some(i) = int::as_int(&v) {
                    return match i.to_f64() {
                        Some(f) => Ok(PercentArg::Float(f)),
                        None => Err(TextError::overflow("int too large to convert to float")),
                    };
                }
                Ok(wrong())
            }
            _ => {
                if let Some(i) = int::as_int(&v) {
                    return Ok(PercentArg::Int(i.to_big()));
                }
                if let Some(f) = float::as_float(&v) {
                    if matches!(conv, 'd' | 'i' | 'u') {
                        if f.is_nan() {
                            return Err(TextError::value("cannot convert float NaN to integer"));
                        }
                        if f.is_infinite() {
                            return Err(TextError::overflow(
                                "cannot convert float infinity to integer",
                            ));
                        }
                        return Ok(PercentArg::Int(
                            float::float_to_bigint(f.trunc()).unwrap_or_default(),
                        ));
                    }
                }
                Ok(wrong())
            }
        }
    }
}

fn percent_format(vm: &mut Vm, fmt: &Obj, args: &Obj) -> PyResult<Obj> {
    let fmt_s = as_str(fmt).to_string();
    let mut src = PercentSource {
        vm,
        operand: args.clone(),
        err: None,
    };
    let r = crate::text::percent::percent_format(&fmt_s, &mut src);
    let err = src.err.take();
    match r {
        Ok(s) => vm.new_str(&s),
        Err(e) => match err {
            Some(pe) => Err(pe),
            None => Err(text_error(vm, e)),
        },
    }
}

/// Converts a text-algorithm error into the Python exception it names.
pub fn text_error(vm: &mut Vm, e: TextError) -> PyErr {
    use crate::text::ErrorKind;
    match e.kind {
        ErrorKind::ValueError => vm.value_error(e.msg),
        ErrorKind::TypeError => vm.type_error(e.msg),
        ErrorKind::OverflowError => vm.overflow_error(e.msg),
        ErrorKind::IndexError => vm.index_error(e.msg),
        ErrorKind::KeyError => {
            let k = vm.new_str(&e.msg);
            match k {
                Ok(k) => vm.key_error(k),
                Err(e) => e,
            }
        }
    }
}

fn str_getitem(vm: &mut Vm, s: &Obj, key: &Obj) -> PyResult<Obj> {
    let text = as_str(s);
    let n = char_len(s);
    if let Some(sl) = seq::resolve_slice(vm, key, n)? {
        if is_ascii(s) {
            let b = text.as_bytes();
            let out: String = sl.positions().map(|i| b[i] as char).collect();
            return vm.new_str(&out);
        }
        let chars: Vec<char> = text.chars().collect();
        let out: String = sl.positions().map(|i| chars[i]).collect();
        return vm.new_str(&out);
    }
    if int::as_int(key).is_none() {
        if let Some(k) = seq::index_key(vm, key)? {
            return str_getitem(vm, s, &k);
        }
        return Err(vm.type_error(format!(
            "string indices must be integers, not '{}'",
            key.ty().name()
        )));
    }
    match seq::normalize_index(vm, key, n)? {
        Some(i) => {
            if is_ascii(s) {
                let b = [text.as_bytes()[i]];
                // SAFETY-free: an ASCII byte is valid UTF-8 on its own.
                let c = std::str::from_utf8(&b).unwrap_or("?");
                return vm.new_str(c);
            }
            let c = text.chars().nth(i).unwrap_or('?');
            let mut buf = [0u8; 4];
            vm.new_str(c.encode_utf8(&mut buf))
        }
        None => Err(vm.index_error("string index out of range".into())),
    }
}

fn str_contains(vm: &mut Vm, s: &Obj, item: &Obj) -> PyResult<bool> {
    match try_as_str(item) {
        Some(sub) => Ok(as_str(s).contains(sub)),
        None => Err(vm.type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            item.ty().name()
        ))),
    }
}

fn str_iter(vm: &mut Vm, s: &Obj) -> PyResult<Obj> {
    let ty = vm.types.str_iterator.clone();
    vm.new_seq_iter(&ty, s.clone())
}

/// `str(object='')`.
fn str_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let [obj, encoding, errors] = args.bind(vm, "str", ["object", "encoding", "errors"], 0, 0)?;
    if encoding.is_some() || errors.is_some() {
        // `str(b, encoding, errors)` decodes a buffer.
        return crate::objects::bytes_codecs::str_from_buffer(vm, obj, encoding, errors);
    }
    match obj {
        Some(o) => vm.str(o),
        None => Ok(vm.empty_str.clone()),
    }
}
