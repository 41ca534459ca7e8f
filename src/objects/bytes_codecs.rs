//! The interpreter side of the codecs: `str.encode`, `bytes.decode`/`bytearray.decode`,
//! `bytes(str, encoding)`, and `UnicodeDecodeError`/`UnicodeEncodeError` with their
//! `encoding, object, start, end, reason` attributes and CPython's messages.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::exc_type::exception_new;
use crate::objects::str::{as_str, try_as_str};
use crate::objects::typeobj::as_type;
use crate::objects::{int, str as pystr, tuple};
use crate::text::codecs::{self, escape_char, Codec, CodecError, Handler};
use crate::vm::types::add_method;
use crate::vm::{PyErr, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let st = vm.types.str.clone();
    add_method(vm, &st, "encode", str_encode);
    for t in [
        vm.types.exc.unicode_decode_error.clone(),
        vm.types.exc.unicode_encode_error.clone(),
    ] {
        let ty = as_type(&t);
        ty.slots.str.set(Some(unicode_error_str));
        ty.slots.new.set(Some(unicode_error_new));
    }
}

/// A str argument named `what` of method `fname`, or CPython's TypeError.
fn str_arg<'a>(
    vm: &mut Vm,
    fname: &str,
    what: &str,
    v: Option<&'a Obj>,
) -> PyResult<Option<&'a str>> {
    match v {
        None => Ok(None),
        Some(o) => match try_as_str(o) {
            Some(s) => Ok(Some(s)),
            None => Err(vm.type_error(format!(
                "{fname}() argument '{what}' must be str, not {}",
                o.ty().name()
            ))),
        },
    }
}

/// Looks up the codec and handler named by `encoding`/`errors` (defaults utf-8, strict).
pub fn codec_args(
    vm: &mut Vm,
    enc: Option<&str>,
    errors: Option<&str>,
) -> PyResult<(Codec, Handler)> {
    let enc = enc.unwrap_or("utf-8");
    let Some(c) = Codec::lookup(enc) else {
        let t = vm.types.exc.lookup_error.clone();
        return Err(vm.new_error(&t, format!("unknown encoding: {enc}")));
    };
    Ok((c, Handler::parse(errors.unwrap_or("strict"))))
}

fn str_encode(vm: &mut Vm, s: &Obj, a: Args) -> PyResult<Obj> {
    let [enc, errors] = a.bind(vm, "encode", ["encoding", "errors"], 0, 0)?;
    let enc = str_arg(vm, "encode", "encoding", enc)?;
    let errors = str_arg(vm, "encode", "errors", errors)?;
    let (c, h) = codec_args(vm, enc, errors)?;
    let text = as_str(s).to_string();
    let b = encode_text(vm, c, &h, &text)?;
    vm.new_bytes(&b)
}

/// Encodes `text`, raising CPython's errors.
pub fn encode_text(vm: &mut Vm, c: Codec, h: &Handler, text: &str) -> PyResult<Vec<u8>> {
    match codecs::encode(c, text, h) {
        Ok(b) => Ok(b),
        Err(e) => Err(codec_failure(vm, e, |vm, start, end, reason| {
            encode_error(vm, c.name(), text, start, end, reason)
        })),
    }
}

/// The `decode(encoding='utf-8', errors='strict')` method of bytes and bytearray.
pub fn decode_method(vm: &mut Vm, data: &[u8], a: Args) -> PyResult<Obj> {
    let [enc, errors] = a.bind(vm, "decode", ["encoding", "errors"], 0, 0)?;
    let enc = str_arg(vm, "decode", "encoding", enc)?;
    let errors = str_arg(vm, "decode", "errors", errors)?;
    let (c, h) = codec_args(vm, enc, errors)?;
    let s = decode_data(vm, c, &h, data)?;
    vm.new_str(&s)
}

/// Decodes `data`, raising CPython's errors.
pub fn decode_data(vm: &mut Vm, c: Codec, h: &Handler, data: &[u8]) -> PyResult<String> {
    match codecs::decode(c, data, h) {
        Ok(s) => Ok(s),
        Err(e) => Err(codec_failure(vm, e, |vm, start, end, reason| {
            decode_error(vm, c.resolved_for(data).name(), data, start, end, reason)
        })),
    }
}

fn codec_failure(
    vm: &mut Vm,
    e: CodecError,
    strict: impl FnOnce(&mut Vm, usize, usize, &str) -> PyErr,
) -> PyErr {
    match e {
        CodecError::Failed { start, end, reason } => strict(vm, start, end, reason),
        CodecError::UnknownHandler(n) => {
            let t = vm.types.exc.lookup_error.clone();
            vm.new_error(&t, format!("unknown error handler name '{n}'"))
        }
        CodecError::WrongHandler => {
            vm.type_error("don't know how to handle UnicodeDecodeError in error callback".into())
        }
    }
}

fn unicode_error(
    vm: &mut Vm,
    ty: &Obj,
    enc: &str,
    object: PyResult<Obj>,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let built = (|| -> PyResult<Obj> {
        let object = object?;
        let args = vec![
            vm.new_str(enc)?,
            object,
            vm.new_usize(start)?,
            vm.new_usize(end)?,
            vm.new_str(reason)?,
        ];
        let exc = vm.new_exception(ty, args)?;
        set_attrs(vm, &exc)?;
        Ok(exc)
    })();
    match built {
        Ok(exc) => PyErr { exc },
        Err(e) => e,
    }
}

/// Copies the five constructor arguments into the named attributes.
fn set_attrs(vm: &mut Vm, exc: &Obj) -> PyResult<()> {
    let args = vm.exc_args(exc);
    let items = tuple::items(&args).to_vec();
    if items.len() != 5 {
        return Ok(());
    }
    for (name, v) in ["encoding", "object", "start", "end", "reason"]
        .iter()
        .zip(items)
    {
        let k = vm.intern(name);
        vm.setattr(exc, &k, Some(v))?;
    }
    Ok(())
}

pub fn decode_error(
    vm: &mut Vm,
    enc: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let t = vm.types.exc.unicode_decode_error.clone();
    let object = vm.new_bytes(data);
    unicode_error(vm, &t, enc, object, start, end, reason)
}

pub fn encode_error(
    vm: &mut Vm,
    enc: &str,
    text: &str,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let t = vm.types.exc.unicode_encode_error.clone();
    let object = vm.new_str(text);
    unicode_error(vm, &t, enc, object, start, end, reason)
}

/// `UnicodeDecodeError(encoding, object, start, end, reason)` from Python code.
fn unicode_error_new(vm: &mut Vm, cls: &Obj, a: Args) -> PyResult<Obj> {
    let exc = exception_new(vm, cls, a)?;
    set_attrs(vm, &exc)?;
    Ok(exc)
}

/// CPython's message: one byte/character or a range, with the codec and reason.
fn unicode_error_str(vm: &mut Vm, e: &Obj) -> PyResult<Obj> {
    let args = vm.exc_args(e);
    let items = tuple::items(&args).to_vec();
    let decode = e
        .ty()
        .is_subtype(as_type(&vm.types.exc.unicode_decode_error));
    let parts = match items.as_slice() {
        [enc, obj, start, end, reason] => match (
            try_as_str(enc),
            int::as_small(start),
            int::as_small(end),
            try_as_str(reason),
        ) {
            (Some(enc), Some(s), Some(en), Some(r)) => {
                Some((enc.to_string(), obj.clone(), s, en, r.to_string()))
            }
            _ => None,
        },
        _ => None,
    };
    let Some((enc, obj, start, end, reason)) = parts else {
        return match items.len() {
            0 => Ok(vm.empty_str.clone()),
            1 => vm.str(&items[0]),
            _ => vm.repr(&args),
        };
    };
    let msg = if decode {
        let data = crate::objects::buffer::bytes_like(&obj).unwrap_or(&[]);
        match data.get(start.max(0) as usize) {
            Some(b) if end == start + 1 => {
                format!("'{enc}' codec can't decode byte 0x{b:02x} in position {start}: {reason}")
            }
            _ => format!(
                "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
                end - 1
            ),
        }
    } else {
        let ch = try_as_str(&obj).and_then(|s| s.chars().nth(start.max(0) as usize));
        match ch {
            Some(c) if end == start + 1 => format!(
                "'{enc}' codec can't encode character '{}' in position {start}: {reason}",
                escape_char(c)
            ),
            _ => format!(
                "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
                end - 1
            ),
        }
    };
    vm.new_str(&msg)
}

/// `bytes(s, encoding[, errors])`: the encoding arguments must be str.
pub fn encode_for_constructor(
    vm: &mut Vm,
    fname: &str,
    s: &Obj,
    enc: &Obj,
    errors: Option<&Obj>,
) -> PyResult<Vec<u8>> {
    let enc = str_arg(vm, fname, "encoding", Some(enc))?;
    let errors = str_arg(vm, fname, "errors", errors)?;
    let (c, h) = codec_args(vm, enc, errors)?;
    let text = pystr::as_str(s).to_string();
    encode_text(vm, c, &h, &text)
}

/// `str(object=b'', encoding='utf-8', errors='strict')` when an encoding or errors is given.
pub fn str_from_buffer(
    vm: &mut Vm,
    obj: Option<&Obj>,
    enc: Option<&Obj>,
    errors: Option<&Obj>,
) -> PyResult<Obj> {
    let enc = str_arg(vm, "str", "encoding", enc)?;
    let errors = str_arg(vm, "str", "errors", errors)?;
    let data = match obj {
        None => Vec::new(),
        Some(o) if pystr::is_str(o) => {
            return Err(vm.type_error("decoding str is not supported".into()))
        }
        Some(o) => match crate::objects::buffer::to_vec(vm, o)? {
            Some(v) => v,
            None => {
                return Err(vm.type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    o.ty().name()
                )))
            }
        },
    };
    let (c, h) = codec_args(vm, enc, errors)?;
    let s = decode_data(vm, c, &h, &data)?;
    vm.new_str(&s)
}
