//! Splitting and joining for `bytes` and `bytearray`: `split`/`rsplit` (by a separator or
//! by ASCII whitespace, with `maxsplit`), `splitlines`, `partition`/`rpartition` and `join`.
//! Pieces have the receiver's type.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::buffer;
use crate::objects::bytes;
use crate::objects::bytes_methods::{data, find_sub, is_space, make_like, rfind_sub};
use crate::vm::{PyResult, Vm};

pub fn split(vm: &mut Vm, s: &Obj, a: Args, fname: &str, right: bool) -> PyResult<Obj> {
    let [sep, maxsplit] = a.bind(vm, fname, ["sep", "maxsplit"], 0, 0)?;
    let sep = match sep {
        Some(o) if !o.is(&vm.none) => Some(buffer::require(vm, o)?),
        _ => None,
    };
    let max = match maxsplit {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    if sep.as_deref() == Some(&[][..]) {
        return Err(vm.value_error("empty separator".into()));
    }
    let b = data(s).to_vec();
    let parts: Vec<&[u8]> = match &sep {
        Some(sep) => split_sep(&b, sep, max, right),
        None => split_ws(&b, max, right),
    };
    let mut out = Vec::with_capacity(parts.len());
    for p in parts {
        out.push(make_like(vm, s, p)?);
    }
    vm.new_list(out)
}

fn split_sep<'a>(b: &'a [u8], sep: &[u8], max: usize, right: bool) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    if !right {
        let mut rest = b;
        while out.len() < max {
            match find_sub(rest, sep) {
                Some(i) => {
                    out.push(&rest[..i]);
                    rest = &rest[i + sep.len()..];
                }
                None => break,
            }
        }
        out.push(rest);
    } else {
        let mut rest = b;
        while out.len() < max {
            match rfind_sub(rest, sep) {
                Some(i) => {
                    out.push(&rest[i + sep.len()..]);
                    rest = &rest[..i];
                }
                None => break,
            }
        }
        out.push(rest);
        out.reverse();
    }
    out
}

fn split_ws(b: &[u8], max: usize, right: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    if !right {
        let mut i = 0;
        loop {
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            if i == b.len() {
                break;
            }
            if out.len() == max {
                // The remainder keeps its trailing whitespace, as in CPython.
                out.push(&b[i..]);
                break;
            }
            let st = i;
            while i < b.len() && !is_space(b[i]) {
                i += 1;
            }
            out.push(&b[st..i]);
        }
    } else {
        let mut e = b.len();
        loop {
            while e > 0 && is_space(b[e - 1]) {
                e -= 1;
            }
            if e == 0 {
                break;
            }
            if out.len() == max {
                out.push(&b[..e]);
                break;
            }
            let end = e;
            while e > 0 && !is_space(b[e - 1]) {
                e -= 1;
            }
            out.push(&b[e..end]);
        }
        out.reverse();
    }
    out
}

pub fn splitlines(vm: &mut Vm, s: &Obj, a: Args) -> PyResult<Obj> {
    let [keep] = a.bind(vm, "splitlines", ["keepends"], 0, 0)?;
    let keep = match keep {
        Some(k) => vm.is_true(k)?,
        None => false,
    };
    let b = data(s).to_vec();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let st = i;
        while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < b.len() {
            eol = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
        }
        let piece = if keep { &b[st..eol] } else { &b[st..i] };
        out.push(make_like(vm, s, piece)?);
        i = eol;
    }
    vm.new_list(out)
}

pub fn partition(vm: &mut Vm, s: &Obj, a: Args, fname: &str, right: bool) -> PyResult<Obj> {
    let p = a.exact(vm, fname, 1, 1)?;
    let sep = buffer::require(vm, &p[0])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator".into()));
    }
    let b = data(s).to_vec();
    let found = if right {
        rfind_sub(&b, &sep)
    } else {
        find_sub(&b, &sep)
    };
    let (x, y, z): (&[u8], &[u8], &[u8]) = match found {
        Some(i) => (&b[..i], &sep, &b[i + sep.len()..]),
        None if right => (b"", b"", &b),
        None => (&b, b"", b""),
    };
    let x = make_like(vm, s, x)?;
    let y = if found.is_some() && bytes::is_bytes(s) && bytes::is_bytes(&p[0]) {
        p[0].clone()
    } else {
        make_like(vm, s, y)?
    };
    let z = make_like(vm, s, z)?;
    vm.new_tuple(vec![x, y, z])
}

pub fn join(vm: &mut Vm, s: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "join", 1, 1)?;
    let items = vm.iterate(&p[0])?;
    let mut parts = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        match buffer::to_vec(vm, it)? {
            Some(v) => parts.push(v),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    it.ty().name()
                )))
            }
        }
    }
    let out = parts.join(data(s));
    make_like(vm, s, &out)
}
