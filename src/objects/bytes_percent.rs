//! printf-style `bytes % args` and `bytearray % args`, on top of the str formatter in
//! `text::percent`: the format is read as Latin-1 text (one char per byte), `%b`/`%s` take a
//! buffer or an object with `__bytes__`, `%r`/`%a` give `ascii()`, `%c` takes an int in
//! range(256) or one byte, and every char of the result is one byte again.

use crate::heap::Obj;
use crate::objects::bytes_methods::make_like;
use crate::objects::str::as_str;
use crate::objects::{buffer, bytes, float, int, tuple};
use crate::text::percent::{PercentArg, PercentArgs};
use crate::text::TextError;
use crate::vm::{PyErr, PyResult, Vm};

/// `fmt % args` where `fmt` is bytes or a bytearray.
pub fn format(vm: &mut Vm, fmt: &Obj, args: &Obj) -> PyResult<Obj> {
    let text: String = buffer::bytes_like(fmt)
        .unwrap_or(&[])
        .iter()
        .map(|&b| b as char)
        .collect();
    let text = normalise_conversions(&text);
    let mut src = Source {
        vm,
        operand: args.clone(),
        err: None,
    };
    let r = crate::text::percent::percent_format(&text, &mut src);
    let err = src.err.take();
    match r {
        Ok(s) => {
            let out: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
            make_like(vm, fmt, &out)
        }
        Err(mut e) => Err(match err {
            Some(pe) => pe,
            None => {
                e.msg = bytes_wording(&e.msg);
                crate::objects::str_type::text_error(vm, e)
            }
        }),
    }
}

/// CPython words a few of the shared errors differently for bytes.
fn bytes_wording(msg: &str) -> String {
    if let Some(t) = msg.strip_prefix("must be real number, not ") {
        return format!("float argument required, not {t}");
    }
    if let Some(rest) = msg
        .strip_prefix("%i format: ")
        .or_else(|| msg.strip_prefix("%u format: "))
    {
        return format!("%d format: {rest}");
    }
    msg.replace("during string formatting", "during bytes formatting")
}

/// Rewrites `%b` as `%s` and `%r` as `%a` (their bytes meanings), leaving the rest alone, so
/// the str formatter's parsing and messages apply unchanged.
fn normalise_conversions(fmt: &str) -> String {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = chars.clone();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            i += 1;
            continue;
        }
        i += 1;
        if i < chars.len() && chars[i] == '(' {
            let mut depth = 0;
            while i < chars.len() {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
                if depth == 0 {
                    break;
                }
            }
        }
        while i < chars.len() && "-+ #0123456789.*hlL".contains(chars[i]) {
            i += 1;
        }
        if i < chars.len() {
            out[i] = match chars[i] {
                'b' => 's',
                'r' => 'a',
                c => c,
            };
            i += 1;
        }
    }
    out.into_iter().collect()
}

struct Source<'a> {
    vm: &'a mut Vm,
    operand: Obj,
    err: Option<PyErr>,
}

impl Source<'_> {
    fn fail(&mut self, e: PyErr) -> TextError {
        let msg = self.vm.exception_message(&e.exc);
        self.err = Some(e);
        TextError::type_error(msg)
    }

    /// The bytes for `%b`/`%s`: a buffer, or the result of `__bytes__`.
    fn bytes_of(&mut self, v: &Obj) -> Result<Vec<u8>, TextError> {
        match buffer::to_vec(self.vm, v) {
            Ok(Some(b)) => return Ok(b),
            Ok(None) => {}
            Err(e) => return Err(self.fail(e)),
        }
        if let Ok(m) = self.vm.getattr_str(v, "__bytes__") {
            return match self.vm.call(&m, &[]) {
                Ok(r) if bytes::is_bytes(&r) => Ok(bytes::as_bytes(&r).to_vec()),
                Ok(r) => Err(TextError::type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    r.ty().name()
                ))),
                Err(e) => Err(self.fail(e)),
            };
        }
        Err(TextError::type_error(format!(
            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
            v.ty().name()
        )))
    }
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

impl PercentArgs for Source<'_> {
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
            && !bytes::is_bytes(&self.operand)
            && self.operand.ty().slots.getitem.get().is_some()
    }

    fn lookup(&mut self, key: &str) -> Result<Obj, TextError> {
        let kb: Vec<u8> = key.chars().map(|c| c as u32 as u8).collect();
        let k = match self.vm.new_bytes(&kb) {
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
            's' => Ok(PercentArg::Str(latin1(&self.bytes_of(&v)?))),
            'a' | 'r' => match self.vm.ascii(&v) {
                Ok(s) => Ok(PercentArg::Str(as_str(&s).to_string())),
                Err(e) => Err(self.fail(e)),
            },
            'c' => {
                if let Some(i) = int::as_int(&v) {
                    return match i {
                        int::IntValue::Small(x) if (0..256).contains(x) => {
                            Ok(PercentArg::Int(i.to_big()))
                        }
                        _ => Err(TextError::overflow("%c arg not in range(256)")),
                    };
                }
                match buffer::bytes_like(&v) {
                    Some([b]) => Ok(PercentArg::Str((*b as char).to_string())),
                    _ => Err(TextError::type_error(
                        "%c requires an integer in range(256) or a single byte",
                    )),
                }
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
