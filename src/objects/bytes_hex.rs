//! Hexadecimal conversions shared by `bytes`, `bytearray` and `memoryview`: `hex(sep,
//! bytes_per_sep)` and `fromhex`, with CPython's messages.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::buffer::bytes_like;
use crate::objects::bytes_methods::data;
use crate::objects::str as pystr;
use crate::vm::{PyResult, Vm};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `hex(sep=<unset>, bytes_per_sep=1)` over any bytes.
pub fn hex_impl(vm: &mut Vm, b: &[u8], a: Args) -> PyResult<Obj> {
    let [sep, per] = a.bind(vm, "hex", ["sep", "bytes_per_sep"], 0, 0)?;
    let sep = match sep {
        None => None,
        Some(o) => {
            let v: Vec<u8> = if let Some(s) = pystr::try_as_str(o) {
                s.as_bytes().to_vec()
            } else if let Some(v) = bytes_like(o) {
                v.to_vec()
            } else {
                return Err(vm.type_error("sep must be str or bytes.".to_string()));
            };
            if v.len() != 1 || !v[0].is_ascii() {
                let msg = if v.len() != 1 {
                    "sep must be length 1."
                } else {
                    "sep must be ASCII."
                };
                return Err(vm.value_error(msg.into()));
            }
            Some(v[0] as char)
        }
    };
    let per = match per {
        Some(p) => vm.index_i64(p)?,
        None => 1,
    };
    let mut out = String::with_capacity(b.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, x) in b.iter().enumerate() {
        if let Some(c) = sep {
            if i > 0 && group > 0 {
                // Positive counts group from the right, negative from the left.
                let boundary = if per > 0 {
                    (b.len() - i).is_multiple_of(group)
                } else {
                    i % group == 0
                };
                if boundary {
                    out.push(c);
                }
            }
        }
        out.push(HEX[(x >> 4) as usize] as char);
        out.push(HEX[(x & 15) as usize] as char);
    }
    vm.new_str(&out)
}

pub fn bytes_hex(vm: &mut Vm, s: &Obj, a: Args) -> PyResult<Obj> {
    let b = data(s).to_vec();
    hex_impl(vm, &b, a)
}

pub fn fromhex_args(vm: &mut Vm, a: Args) -> PyResult<Vec<u8>> {
    let p = a.exact(vm, "fromhex", 1, 1)?;
    let Some(s) = pystr::try_as_str(&p[0]) else {
        return Err(vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            p[0].ty().name()
        )));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |vm: &mut Vm, i: usize| {
        vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i]
            .to_digit(16)
            .filter(|_| chars[i].is_ascii())
            .ok_or_else(|| bad(vm, i))?;
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()))
            .ok_or_else(|| bad(vm, i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}
