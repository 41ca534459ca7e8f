//! The slots `bytes` and `bytearray` share: construction (`bytes(n)`, `bytes(iterable)`,
//! `bytes(str, encoding)`, `bytes(buffer)`), repr, comparison, hashing (bytes only), length,
//! indexing and slicing, membership, iteration, concatenation and repetition.

use crate::heap::{Obj, ObjSlot};
use crate::objects::args::Args;
use crate::objects::buffer::{self, bytes_like};
use crate::objects::bytes_methods::{byte_value, find_sub, make_like};
use crate::objects::iter::{seq_iter_data, SeqIterData};
use crate::objects::pybox::new_box;
use crate::objects::typeobj::{as_type, BinaryOp, CompareOp};
use crate::objects::{bytearray, bytes, bytes_codecs, int, seq, str as pystr};
use crate::vm::{PyResult, Vm};

/// Repetition beyond this many bytes fails with MemoryError instead of asking the system
/// for a block it would only fill with copies.
const MAX_REPEAT_BYTES: usize = 1 << 32;

pub fn install(vm: &mut Vm) {
    let bt = as_type(&vm.types.bytes);
    bt.slots.repr.set(Some(|vm, b| {
        let r = crate::text::str_repr::bytes_repr(bytes::as_bytes(b));
        vm.new_str(&r)
    }));
    bt.slots
        .hash
        .set(Some(|_, b| Ok(bytes::bytes_hash_value(b))));
    bt.slots.new.set(Some(|vm, _cls, a| {
        let v = construct(vm, "bytes", a)?;
        vm.new_bytes(&v)
    }));
    let ba = as_type(&vm.types.buf.bytearray);
    ba.slots.repr.set(Some(|vm, b| {
        let r = crate::text::str_repr::bytes_repr(bytearray::data(b).as_slice());
        vm.new_str(&format!("bytearray({r})"))
    }));
    // Mutable, so unhashable (the default object hash was filled in before this ran).
    ba.slots.hash.set(None);
    ba.slots.new.set(Some(|vm, _cls, a| {
        let from_iterator = a
            .pos()
            .first()
            .or_else(|| a.kwargs().find(|(k, _)| *k == "source").map(|(_, v)| v))
            .is_some_and(|s| {
                !int::is_int(s)
                    && !pystr::is_str(s)
                    && !buffer::is_buffer(s)
                    && !crate::objects::list::is_list(s)
                    && !crate::objects::tuple::is_tuple(s)
            });
        let v = construct(vm, "bytearray", a)?;
        if !from_iterator {
            return vm.new_bytearray(&v);
        }
        // CPython appends an iterator's items one by one, so the storage grows as append's.
        let ba = vm.new_bytearray(b"")?;
        let d = bytearray::data(&ba);
        for b in v {
            let n = d.len();
            d.splice(n, n, &[b]).map_err(|e| vm.resize_error(e))?;
        }
        Ok(ba)
    }));
    for t in [vm.types.bytes.clone(), vm.types.buf.bytearray.clone()] {
        let t = as_type(&t);
        t.slots.richcompare.set(Some(richcompare));
        t.slots
            .len
            .set(Some(|_, b| Ok(bytes_like(b).map_or(0, <[u8]>::len))));
        t.slots.getitem.set(Some(getitem));
        t.slots.contains.set(Some(contains));
        t.slots.binary.set(Some(binary));
        t.slots.iter.set(Some(|vm, b| {
            let ty = if bytes::is_bytes(b) {
                vm.types.buf.bytes_iterator.clone()
            } else {
                vm.types.buf.bytearray_iterator.clone()
            };
            let data = SeqIterData {
                seq: ObjSlot::new(Some(b.clone())),
                index: std::cell::Cell::new(0),
            };
            new_box(as_type(&ty), data, true).map_err(|_| vm.memory_error())
        }));
    }
    for t in [
        vm.types.buf.bytes_iterator.clone(),
        vm.types.buf.bytearray_iterator.clone(),
    ] {
        let t = as_type(&t);
        t.slots.iternext.set(Some(iter_next));
        t.slots.iter.set(Some(|_, it| Ok(it.clone())));
        t.slots.traverse.set(Some(|o, visit| {
            seq_iter_data(o).seq.with(|s| {
                if let Some(s) = s {
                    visit(s)
                }
            })
        }));
        t.slots.clear.set(Some(|o| seq_iter_data(o).seq.set(None)));
    }
    crate::objects::bytes_methods::install(vm);
    crate::objects::bytearray_type::install(vm);
    crate::objects::memoryview_type::install(vm);
    crate::objects::mmap_type::install(vm);
    crate::objects::bytes_int::install(vm);
    crate::objects::number_methods::install(vm);
}

fn iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let d = seq_iter_data(it);
    let i = d.index.get();
    let v = d
        .seq
        .with(|s| s.and_then(|s| bytes_like(s).and_then(|b| b.get(i).copied())));
    match v {
        Some(b) => {
            d.index.set(i + 1);
            vm.new_int(b as i64).map(Some)
        }
        None => {
            d.seq.set(None);
            Ok(None)
        }
    }
}

/// The content for `bytes(...)`/`bytearray(...)` from the constructor arguments.
pub fn construct(vm: &mut Vm, fname: &str, a: Args) -> PyResult<Vec<u8>> {
    for (k, _) in a.kwargs() {
        if !matches!(k, "source" | "encoding" | "errors") {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )));
        }
    }
    let [src, enc, errors] = a.bind(vm, fname, ["source", "encoding", "errors"], 0, 0)?;
    let Some(src) = src else {
        if enc.is_some() {
            return Err(vm.type_error("encoding without a string argument".into()));
        }
        if errors.is_some() {
            return Err(vm.type_error("errors without a string argument".into()));
        }
        return Ok(Vec::new());
    };
    if pystr::is_str(src) {
        let Some(enc) = enc else {
            return Err(vm.type_error("string argument without an encoding".into()));
        };
        return bytes_codecs::encode_for_constructor(vm, fname, src, enc, errors);
    }
    if enc.is_some() {
        return Err(vm.type_error("encoding without a string argument".into()));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument".into()));
    }
    if fname == "bytes" && src.ty().has_flag(crate::objects::typeobj::flags::HEAPTYPE) {
        if let Ok(m) = vm.getattr_str(src, "__bytes__") {
            let r = vm.call(&m, &[])?;
            if !bytes::is_bytes(&r) {
                return Err(vm.type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    r.ty().name()
                )));
            }
            return Ok(bytes::as_bytes(&r).to_vec());
        }
    }
    if let Some(v) = int::as_int(src) {
        let n = match v {
            int::IntValue::Small(n) => *n,
            int::IntValue::Big(_) => {
                return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer".into()))
            }
        };
        if n < 0 {
            return Err(vm.value_error("negative count".into()));
        }
        if n as u64 > MAX_REPEAT_BYTES as u64 {
            return Err(vm.memory_error());
        }
        return Ok(vec![0; n as usize]);
    }
    if let Some(v) = buffer::to_vec(vm, src)? {
        return Ok(v);
    }
    if src.ty().slots.iter.get().is_none() {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to {fname}",
            src.ty().name()
        )));
    }
    let items = vm.iterate(src)?;
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(byte_value(vm, it, "bytes must be in range(0, 256)")?);
    }
    Ok(out)
}

fn richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (bytes_like(a), bytes_like(b)) else {
        return Ok(vm.not_implemented.clone());
    };
    let r = op.test(x.cmp(y));
    Ok(vm.new_bool(r))
}

fn getitem(vm: &mut Vm, b: &Obj, key: &Obj) -> PyResult<Obj> {
    let len = bytes_like(b).map_or(0, <[u8]>::len);
    let is_ba = bytearray::is_bytearray(b);
    if int::is_int(key) {
        return match seq::normalize_index(vm, key, len)? {
            Some(i) => {
                let v = bytes_like(b).map_or(0, |d| d[i]);
                vm.new_int(v as i64)
            }
            None => Err(vm.index_error(
                if is_ba {
                    "bytearray index out of range"
                } else {
                    "index out of range"
                }
                .into(),
            )),
        };
    }
    if let Some(s) = seq::resolve_slice(vm, key, len)? {
        let d = bytes_like(b).unwrap_or(&[]);
        let out: Vec<u8> = if s.step == 1 {
            let st = s.start as usize;
            d[st..st + s.len].to_vec()
        } else {
            s.positions().map(|i| d[i]).collect()
        };
        if !is_ba && s.len == len && s.step == 1 && b.ty().name() == "bytes" {
            return Ok(b.clone());
        }
        return make_like(vm, b, &out);
    }
    if let Some(k) = seq::index_key(vm, key)? {
        return getitem(vm, b, &k);
    }
    Err(vm.type_error(format!(
        "{} indices must be integers or slices, not {}",
        if is_ba { "bytearray" } else { "byte" },
        key.ty().name()
    )))
}

fn contains(vm: &mut Vm, b: &Obj, x: &Obj) -> PyResult<bool> {
    if int::is_int(x) {
        let v = byte_value(vm, x, "byte must be in range(0, 256)")?;
        return Ok(bytes_like(b).is_some_and(|d| d.contains(&v)));
    }
    let sub = buffer::require(vm, x)?;
    Ok(find_sub(bytes_like(b).unwrap_or(&[]), &sub).is_some())
}

/// A repeat count, or None when `n` is not an int.
pub fn repeat_count(vm: &mut Vm, n: &Obj) -> PyResult<Option<usize>> {
    match int::as_int(n) {
        Some(int::IntValue::Small(v)) => Ok(Some((*v).max(0) as usize)),
        Some(_) => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer".into())),
        None => Ok(None),
    }
}

/// `data * n` as a new vector, failing with MemoryError on absurd sizes.
pub fn repeat(vm: &mut Vm, data: &[u8], n: usize) -> PyResult<Vec<u8>> {
    match data.len().checked_mul(n) {
        Some(t) if t <= MAX_REPEAT_BYTES => Ok(data.repeat(n)),
        _ => Err(vm.memory_error()),
    }
}

fn binary(vm: &mut Vm, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    match op {
        BinaryOp::Add => {
            let Some(x) = bytes_like(a).map(<[u8]>::to_vec) else {
                return Ok(vm.not_implemented.clone());
            };
            match buffer::to_vec(vm, b)? {
                Some(y) => {
                    let mut out = x;
                    out.extend_from_slice(&y);
                    make_like(vm, a, &out)
                }
                None => Err(vm.type_error(format!(
                    "can't concat {} to {}",
                    b.ty().name(),
                    a.ty().name()
                ))),
            }
        }
        BinaryOp::Multiply => {
            let (seq, n) = if bytes_like(a).is_some() {
                (a, b)
            } else {
                (b, a)
            };
            match repeat_count(vm, n)? {
                Some(k) => {
                    let d = bytes_like(seq).unwrap_or(&[]).to_vec();
                    let out = repeat(vm, &d, k)?;
                    if k == 1 && seq.ty().name() == "bytes" {
                        return Ok(seq.clone());
                    }
                    make_like(vm, seq, &out)
                }
                // A user class may still implement `__rmul__`; a built-in cannot.
                None if seq.is(a) && !n.ty().has_flag(crate::objects::typeobj::flags::HEAPTYPE) => {
                    Err(vm.type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        n.ty().name()
                    )))
                }
                None => Ok(vm.not_implemented.clone()),
            }
        }
        BinaryOp::Remainder if bytes_like(a).is_some() => {
            crate::objects::bytes_percent::format(vm, a, b)
        }
        _ => Ok(vm.not_implemented.clone()),
    }
}
