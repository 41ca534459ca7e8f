//! The mutations of `bytearray`: item and slice assignment and deletion (extended slices
//! included), `+=`, `*=`, and the list-like methods (`append`, `extend`, `pop`, `insert`,
//! `remove`, `clear`, `reverse`, `copy`). Every size change goes through
//! `ByteArrayData::splice`, which applies CPython's growth policy and refuses to resize while
//! a memoryview holds an export.

use crate::heap::Obj;
use crate::objects::buffer;
use crate::objects::bytearray::{data, ResizeError};
use crate::objects::bytes_methods::byte_value;
use crate::objects::bytes_type::{repeat, repeat_count};
use crate::objects::typeobj::{as_type, BinaryOp, MethodFn};
use crate::objects::{int, seq, str as pystr};
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

const RANGE_MSG: &str = "byte must be in range(0, 256)";

pub fn install(vm: &mut Vm) {
    let t = vm.types.buf.bytearray.clone();
    let ty = as_type(&t);
    ty.slots.setitem.set(Some(setitem));
    ty.slots.inplace.set(Some(inplace));
    let methods: &[(&'static str, MethodFn)] = &[
        ("append", |vm, s, a| {
            let p = a.exact(vm, "append", 1, 1)?;
            let v = byte_value(vm, &p[0], RANGE_MSG)?;
            let n = data(s).len();
            splice(vm, s, n, n, &[v])?;
            Ok(vm.none.clone())
        }),
        ("extend", |vm, s, a| {
            let p = a.exact(vm, "extend", 1, 1)?;
            let v = extend_source(vm, &p[0])?;
            let n = data(s).len();
            splice(vm, s, n, n, &v)?;
            Ok(vm.none.clone())
        }),
        ("pop", |vm, s, a| {
            let p = a.exact(vm, "pop", 0, 1)?;
            let n = data(s).len();
            if n == 0 {
                return Err(vm.index_error("pop from empty bytearray".into()));
            }
            let i = match p.first() {
                Some(i) => {
                    let i = vm.index_i64(i)?;
                    let j = if i < 0 { i + n as i64 } else { i };
                    if j < 0 || j >= n as i64 {
                        return Err(vm.index_error("pop index out of range".into()));
                    }
                    j as usize
                }
                None => n - 1,
            };
            let v = data(s).as_slice()[i];
            splice(vm, s, i, i + 1, &[])?;
            vm.new_int(v as i64)
        }),
        ("insert", |vm, s, a| {
            let p = a.exact(vm, "insert", 2, 2)?;
            let i = vm.index_i64(&p[0])?;
            let v = byte_value(vm, &p[1], RANGE_MSG)?;
            let n = data(s).len() as i64;
            let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
            splice(vm, s, i, i, &[v])?;
            Ok(vm.none.clone())
        }),
        ("remove", |vm, s, a| {
            let p = a.exact(vm, "remove", 1, 1)?;
            let v = byte_value(vm, &p[0], RANGE_MSG)?;
            match data(s).as_slice().iter().position(|&b| b == v) {
                Some(i) => splice(vm, s, i, i + 1, &[])?,
                None => return Err(vm.value_error("value not found in bytearray".into())),
            }
            Ok(vm.none.clone())
        }),
        ("clear", |vm, s, a| {
            a.exact(vm, "clear", 0, 0)?;
            let n = data(s).len();
            splice(vm, s, 0, n, &[])?;
            Ok(vm.none.clone())
        }),
        ("reverse", |vm, s, a| {
            a.exact(vm, "reverse", 0, 0)?;
            data(s).as_mut_slice().reverse();
            Ok(vm.none.clone())
        }),
        ("copy", |vm, s, a| {
            a.exact(vm, "copy", 0, 0)?;
            let v = data(s).as_slice().to_vec();
            vm.new_bytearray(&v)
        }),
        ("__alloc__", |vm, s, a| {
            a.exact(vm, "__alloc__", 0, 0)?;
            let n = data(s).alloc();
            vm.new_usize(n)
        }),
    ];
    for (name, f) in methods {
        add_method(vm, &t, name, *f);
    }
}

fn splice(vm: &mut Vm, s: &Obj, start: usize, end: usize, src: &[u8]) -> PyResult<()> {
    data(s)
        .splice(start, end, src)
        .map_err(|e: ResizeError| vm.resize_error(e))
}

/// The bytes `extend` appends: a buffer's content or an iterable of ints.
fn extend_source(vm: &mut Vm, o: &Obj) -> PyResult<Vec<u8>> {
    if let Some(v) = buffer::to_vec(vm, o)? {
        return Ok(v);
    }
    if o.ty().slots.iter.get().is_none() {
        return Err(vm.type_error(format!("can't extend bytearray with {}", o.ty().name())));
    }
    let items = vm.iterate(o)?;
    items
        .iter()
        .map(|it| byte_value(vm, it, RANGE_MSG))
        .collect()
}

/// The right-hand side of a slice assignment.
fn assigned_bytes(vm: &mut Vm, v: &Obj) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer::to_vec(vm, v)? {
        return Ok(b);
    }
    if int::is_int(v) || pystr::is_str(v) || v.ty().slots.iter.get().is_none() {
        return Err(vm.type_error(
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)".into(),
        ));
    }
    let items = vm.iterate(v)?;
    items
        .iter()
        .map(|it| byte_value(vm, it, RANGE_MSG))
        .collect()
}

fn setitem(vm: &mut Vm, s: &Obj, key: &Obj, value: Option<Obj>) -> PyResult<()> {
    let len = data(s).len();
    if int::is_int(key) {
        let Some(i) = seq::normalize_index(vm, key, len)? else {
            return Err(vm.index_error("bytearray index out of range".into()));
        };
        return match value {
            Some(v) => {
                let b = byte_value(vm, &v, RANGE_MSG)?;
                data(s).as_mut_slice()[i] = b;
                Ok(())
            }
            None => splice(vm, s, i, i + 1, &[]),
        };
    }
    if seq::resolve_slice(vm, key, len)?.is_none() {
        return Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            key.ty().name()
        )));
    }
    let src = match &value {
        Some(v) => Some(assigned_bytes(vm, v)?),
        None => None,
    };
    // Re-resolve: converting the value may have run Python code that resized the array.
    let len = data(s).len();
    let sl = seq::resolve_slice(vm, key, len)?.expect("slice");
    if sl.step == 1 {
        let st = sl.start as usize;
        return splice(vm, s, st, st + sl.len, src.as_deref().unwrap_or(&[]));
    }
    // CPython treats assigning an empty sequence to an extended slice as deleting it.
    let src = src.filter(|v| !v.is_empty());
    match src {
        Some(src) => {
            if src.len() != sl.len {
                return Err(vm.value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    src.len(),
                    sl.len
                )));
            }
            let d = data(s).as_mut_slice();
            for (p, b) in sl.positions().zip(src) {
                d[p] = b;
            }
            Ok(())
        }
        None => {
            if sl.len == 0 {
                return Ok(());
            }
            let mut drop_at = vec![false; len];
            for p in sl.positions() {
                drop_at[p] = true;
            }
            let kept: Vec<u8> = data(s)
                .as_slice()
                .iter()
                .zip(&drop_at)
                .filter(|(_, d)| !**d)
                .map(|(b, _)| *b)
                .collect();
            splice(vm, s, 0, len, &kept)
        }
    }
}

fn inplace(vm: &mut Vm, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    match op {
        BinaryOp::Add => {
            let Some(v) = buffer::to_vec(vm, b)? else {
                return Err(vm.type_error(format!("can't concat {} to bytearray", b.ty().name())));
            };
            let n = data(a).len();
            splice(vm, a, n, n, &v)?;
            Ok(a.clone())
        }
        BinaryOp::Multiply => match repeat_count(vm, b)? {
            Some(k) => {
                let cur = data(a).as_slice().to_vec();
                let out = repeat(vm, &cur, k)?;
                splice(vm, a, 0, cur.len(), &out)?;
                Ok(a.clone())
            }
            None => Ok(vm.not_implemented.clone()),
        },
        _ => Ok(vm.not_implemented.clone()),
    }
}
