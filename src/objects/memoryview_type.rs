//! The Python face of `memoryview`: construction, indexing and slicing (views, never
//! copies), item and slice assignment through to the exporter, comparison with any buffer,
//! hashing of read-only byte views, iteration, the attributes (`obj`, `nbytes`, `readonly`,
//! `itemsize`, `format`, `ndim`, `shape`, `strides`, `contiguous`...) and the methods
//! (`tobytes`, `tolist`, `hex`, `cast`, `release`, `toreadonly`, the context manager).

use std::cell::Cell;

use crate::heap::{Obj, ObjSlot};
use crate::objects::args::Args;
use crate::objects::bytes_hex::hex_impl;
use crate::objects::iter::{seq_iter_data, SeqIterData};
use crate::objects::memoryview::{
    data, format_size, is_byte_format, is_memoryview, pack, parse_format, released_error, Geometry,
    Item, MemoryViewData,
};
use crate::objects::pybox::new_box;
use crate::objects::typeobj::{as_type, CompareOp, MethodFn};
use crate::objects::{buffer, int, list, seq, str as pystr, tuple};
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.types.buf.memoryview.clone();
    let ty = as_type(&t);
    ty.slots.new.set(Some(|vm, _cls, a| {
        let [o] = a.bind(vm, "memoryview", ["object"], 0, 1)?;
        let o = o.expect("required");
        match vm.memoryview_of(o)? {
            Some(m) => Ok(m),
            None => Err(vm.type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                o.ty().name()
            ))),
        }
    }));
    ty.slots.repr.set(Some(|vm, m| {
        let pre = if data(m).is_released() {
            "released "
        } else {
            ""
        };
        vm.new_str(&format!("<{pre}memory at {:#x}>", m.addr()))
    }));
    ty.slots.len.set(Some(|vm, m| {
        let d = live(vm, m)?;
        Ok(d.shape().first().map_or(1, |&n| n as usize))
    }));
    ty.slots.getitem.set(Some(getitem));
    ty.slots.setitem.set(Some(setitem));
    ty.slots.richcompare.set(Some(richcompare));
    ty.slots.hash.set(Some(hash));
    ty.slots.getattro.set(Some(getattro));
    ty.slots
        .traverse
        .set(Some(|m, visit| data(m).traverse(visit)));
    as_type(&vm.types.buf.managedbuffer)
        .slots
        .traverse
        .set(Some(crate::objects::memoryview::mbuf_traverse));
    ty.slots.clear.set(Some(|m| data(m).release_now()));
    ty.slots.iter.set(Some(|vm, m| {
        let d = live(vm, m)?;
        if d.ndim() != 1 {
            return Err(
                vm.not_implemented_error("multi-dimensional sub-views are not implemented".into())
            );
        }
        let it = vm.types.buf.memory_iterator.clone();
        let data = SeqIterData {
            seq: ObjSlot::new(Some(m.clone())),
            index: Cell::new(0),
        };
        new_box(as_type(&it), data, true).map_err(|_| vm.memory_error())
    }));
    let it = as_type(&vm.types.buf.memory_iterator);
    it.slots.iter.set(Some(|_, it| Ok(it.clone())));
    it.slots.iternext.set(Some(iter_next));
    it.slots.traverse.set(Some(|o, visit| {
        seq_iter_data(o).seq.with(|s| {
            if let Some(s) = s {
                visit(s)
            }
        })
    }));
    it.slots.clear.set(Some(|o| seq_iter_data(o).seq.set(None)));

    let methods: &[(&'static str, MethodFn)] = &[
        ("tobytes", |vm, m, a| {
            let [_order] = a.bind(vm, "tobytes", ["order"], 0, 0)?;
            let b = live(vm, m)?.to_bytes();
            vm.new_bytes(&b)
        }),
        ("tolist", |vm, m, a| {
            a.exact(vm, "tolist", 0, 0)?;
            let d = live(vm, m)?;
            let (items, shape) = (d.items(), d.shape().to_vec());
            nested_list(vm, &items, &shape)
        }),
        ("hex", |vm, m, a| {
            let b = live(vm, m)?.to_bytes();
            hex_impl(vm, &b, a)
        }),
        ("release", |vm, m, a| {
            a.exact(vm, "release", 0, 0)?;
            data(m).release_now();
            Ok(vm.none.clone())
        }),
        ("toreadonly", |vm, m, a| {
            a.exact(vm, "toreadonly", 0, 0)?;
            let g = geometry(live(vm, m)?, true);
            let base = data(m).mbuf().expect("live view");
            vm.new_memoryview(base, g)
        }),
        ("cast", cast),
        ("__enter__", |vm, m, a| {
            a.exact(vm, "__enter__", 0, 0)?;
            live(vm, m)?;
            Ok(m.clone())
        }),
        ("__exit__", |vm, m, _a| {
            data(m).release_now();
            Ok(vm.none.clone())
        }),
    ];
    for (name, f) in methods {
        add_method(vm, &t, name, *f);
    }
}

/// The payload of an unreleased view, or the released-view ValueError.
fn live<'a>(vm: &mut Vm, m: &'a Obj) -> PyResult<&'a MemoryViewData> {
    let d = data(m);
    if d.is_released() {
        return Err(released_error(vm));
    }
    Ok(d)
}

fn geometry(d: &MemoryViewData, readonly: bool) -> Geometry {
    Geometry {
        offset: d.offset(),
        fmt: d.fmt,
        itemsize: d.itemsize,
        shape: d.shape().to_vec(),
        strides: d.strides().to_vec(),
        readonly,
    }
}

fn item_obj(vm: &mut Vm, it: Item) -> PyResult<Obj> {
    match it {
        Item::Int(v) => match i64::try_from(v) {
            Ok(v) => vm.new_int(v),
            Err(_) => vm.new_bigint(num_bigint::BigInt::from(v)),
        },
        Item::Float(f) => vm.new_float(f),
        Item::Char(c) => vm.new_bytes(&[c]),
        Item::Bool(b) => Ok(vm.new_bool(b)),
    }
}

fn nested_list(vm: &mut Vm, items: &[Item], shape: &[isize]) -> PyResult<Obj> {
    match shape {
        [] => item_obj(vm, items[0]),
        [_] => {
            let v = items
                .iter()
                .map(|&it| item_obj(vm, it))
                .collect::<PyResult<Vec<_>>>()?;
            vm.new_list(v)
        }
        [n, rest @ ..] => {
            let per = rest.iter().product::<isize>() as usize;
            let mut out = Vec::with_capacity(*n as usize);
            for i in 0..*n as usize {
                out.push(nested_list(vm, &items[i * per..(i + 1) * per], rest)?);
            }
            vm.new_list(out)
        }
    }
}

fn read_item(vm: &mut Vm, d: &MemoryViewData, pos: usize) -> PyResult<Obj> {
    let it = d.with_mem(|m| crate::objects::memoryview::unpack(d.fmt, &m[pos..pos + d.itemsize]));
    item_obj(vm, it)
}

/// The byte position of item `key` (an int for 1-D views, a tuple of ints for N-D).
fn item_pos(vm: &mut Vm, d: &MemoryViewData, key: &Obj) -> PyResult<Option<usize>> {
    let idx: Vec<Obj> = if int::is_int(key) {
        if d.ndim() != 1 {
            return Err(
                vm.not_implemented_error("multi-dimensional sub-views are not implemented".into())
            );
        }
        vec![key.clone()]
    } else if let Some(items) = tuple::try_items(key).filter(|t| t.iter().all(int::is_int)) {
        if items.len() != d.ndim() {
            let msg = if items.len() < d.ndim() {
                "sub-views are not implemented".to_string()
            } else {
                format!(
                    "cannot index {}-dimension view with {}-element tuple",
                    d.ndim(),
                    items.len()
                )
            };
            return Err(if items.len() < d.ndim() {
                vm.not_implemented_error(msg)
            } else {
                vm.type_error(msg)
            });
        }
        items.to_vec()
    } else {
        return Ok(None);
    };
    let mut pos = d.offset();
    for (k, i) in idx.iter().enumerate() {
        let n = d.shape()[k] as usize;
        match seq::normalize_index(vm, i, n) {
            Ok(Some(j)) => pos += j as isize * d.strides()[k],
            Ok(None) => {
                return Err(vm.index_error(format!("index out of bounds on dimension {}", k + 1)))
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Some(pos as usize))
}

fn getitem(vm: &mut Vm, m: &Obj, key: &Obj) -> PyResult<Obj> {
    let d = live(vm, m)?;
    if let Some(pos) = item_pos(vm, d, key)? {
        return read_item(vm, d, pos);
    }
    if d.ndim() >= 1 {
        if let Some(s) = seq::resolve_slice(vm, key, d.shape()[0] as usize)? {
            let mut g = geometry(d, d.readonly);
            g.offset += s.start * g.strides[0];
            g.shape[0] = s.len as isize;
            g.strides[0] *= s.step;
            let base = d.mbuf().expect("live view");
            return vm.new_memoryview(base, g);
        }
    }
    Err(vm.type_error("memoryview: invalid slice key".into()))
}

fn setitem(vm: &mut Vm, m: &Obj, key: &Obj, value: Option<Obj>) -> PyResult<()> {
    let d = live(vm, m)?;
    if d.readonly {
        return Err(vm.type_error("cannot modify read-only memory".into()));
    }
    let Some(value) = value else {
        return Err(vm.type_error("cannot delete memory".into()));
    };
    if let Some(pos) = item_pos(vm, d, key)? {
        let b = pack(vm, d.fmt, &value)?;
        d.with_mem_mut(|mem| mem[pos..pos + b.len()].copy_from_slice(&b));
        return Ok(());
    }
    let sl = if d.ndim() == 1 {
        seq::resolve_slice(vm, key, d.shape()[0] as usize)?
    } else {
        None
    };
    let Some(sl) = sl else {
        return Err(vm.type_error("memoryview: invalid slice key".into()));
    };
    // The source's structure: a view's format and shape, or unsigned bytes.
    let (src_fmt, src_shape, src) = if is_memoryview(&value) {
        let s = live(vm, &value)?;
        (s.fmt, s.shape().to_vec(), s.to_bytes())
    } else {
        let b = buffer::require(vm, &value)?;
        (b'B', vec![b.len() as isize], b)
    };
    let same_fmt = src_fmt == d.fmt || (is_unsigned_byte(src_fmt) && is_unsigned_byte(d.fmt));
    if !same_fmt || src_shape != [sl.len as isize] {
        return Err(vm.value_error(
            "memoryview assignment: lvalue and rvalue have different structures".into(),
        ));
    }
    let n = d.itemsize;
    let stride = d.strides()[0];
    let start = d.offset() + sl.start * stride;
    d.with_mem_mut(|mem| {
        for (i, chunk) in src.chunks(n).enumerate() {
            let p = (start + i as isize * sl.step * stride) as usize;
            mem[p..p + n].copy_from_slice(chunk);
        }
    });
    Ok(())
}

/// `B` and `@B` are the same; CPython also equates nothing else across formats.
fn is_unsigned_byte(f: u8) -> bool {
    f == b'B'
}

/// Shape and unpacked items of any buffer, for comparison.
fn compare_view(o: &Obj) -> Option<(Vec<isize>, Vec<Item>)> {
    if is_memoryview(o) {
        let d = data(o);
        return Some((d.shape().to_vec(), d.items()));
    }
    buffer::bytes_like(o).map(|b| {
        (
            vec![b.len() as isize],
            b.iter().map(|&x| Item::Int(x as i128)).collect(),
        )
    })
}

fn richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !buffer::is_buffer(b) {
        return Ok(vm.not_implemented.clone());
    }
    let released = data(a).is_released() || (is_memoryview(b) && data(b).is_released());
    let eq = if a.is(b) {
        true
    } else if released {
        false
    } else {
        let (Some((sa, ia)), Some((sb, ib))) = (compare_view(a), compare_view(b)) else {
            return Ok(vm.not_implemented.clone());
        };
        sa == sb && ia.len() == ib.len() && ia.iter().zip(&ib).all(|(x, y)| x.py_eq(*y))
    };
    Ok(vm.new_bool(eq == (op == CompareOp::Eq)))
}

fn hash(vm: &mut Vm, m: &Obj) -> PyResult<i64> {
    let d = live(vm, m)?;
    if !d.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object".into()));
    }
    if !is_byte_format(d.fmt) {
        return Err(
            vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'".into())
        );
    }
    Ok(crate::objects::str::hash_bytes(&d.to_bytes()))
}

fn iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let d = seq_iter_data(it);
    let Some(m) = d.seq.get() else {
        return Ok(None);
    };
    let v = live(vm, &m)?;
    let i = d.index.get();
    if i >= v.shape()[0] as usize {
        d.seq.set(None);
        return Ok(None);
    }
    d.index.set(i + 1);
    let pos = (v.offset() + i as isize * v.strides()[0]) as usize;
    read_item(vm, v, pos).map(Some)
}

fn int_tuple(vm: &mut Vm, v: &[isize]) -> PyResult<Obj> {
    let items = v
        .iter()
        .map(|&x| vm.new_int(x as i64))
        .collect::<PyResult<Vec<_>>>()?;
    vm.new_tuple(items)
}

fn getattro(vm: &mut Vm, m: &Obj, name: &Obj) -> PyResult<Obj> {
    let n = pystr::as_str(name);
    let known = matches!(
        n,
        "obj"
            | "nbytes"
            | "readonly"
            | "itemsize"
            | "format"
            | "ndim"
            | "shape"
            | "strides"
            | "suboffsets"
            | "contiguous"
            | "c_contiguous"
            | "f_contiguous"
    );
    if !known {
        return vm.generic_getattr(m, name);
    }
    let d = live(vm, m)?;
    match n {
        "obj" => Ok(d.base().expect("live view")),
        "nbytes" => vm.new_usize(d.nbytes()),
        "readonly" => Ok(vm.new_bool(d.readonly)),
        "itemsize" => vm.new_usize(d.itemsize),
        "format" => vm.new_str(&(d.fmt as char).to_string()),
        "ndim" => vm.new_usize(d.ndim()),
        "shape" => int_tuple(vm, d.shape()),
        "strides" => int_tuple(vm, d.strides()),
        "suboffsets" => Ok(vm.empty_tuple.clone()),
        "c_contiguous" => Ok(vm.new_bool(d.c_contiguous())),
        "f_contiguous" => Ok(vm.new_bool(d.f_contiguous())),
        _ => Ok(vm.new_bool(d.c_contiguous() || d.f_contiguous())),
    }
}

/// `cast(format[, shape])`: reinterpret a C-contiguous view.
fn cast(vm: &mut Vm, m: &Obj, a: Args) -> PyResult<Obj> {
    let [fmt, shape] = a.bind(vm, "cast", ["format", "shape"], 0, 1)?;
    let fmt = fmt.expect("required");
    let d = live(vm, m)?;
    if !d.c_contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views".into()));
    }
    let Some(fs) = pystr::try_as_str(fmt) else {
        return Err(vm.type_error(format!(
            "cast() argument 'format' must be str, not {}",
            fmt.ty().name()
        )));
    };
    let Some(f) = parse_format(fs) else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'".into(),
        ));
    };
    if !is_byte_format(f) && !is_byte_format(d.fmt) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats".into()));
    }
    let size = format_size(f).unwrap_or(1);
    let nbytes = d.nbytes();
    let shape: Vec<isize> = match shape {
        None => {
            if nbytes % size != 0 {
                return Err(
                    vm.type_error("memoryview: length is not a multiple of itemsize".into())
                );
            }
            vec![(nbytes / size) as isize]
        }
        Some(s) => {
            let items = if let Some(t) = tuple::try_items(s) {
                t.to_vec()
            } else if let Some(l) = list::try_data(s) {
                l.snapshot()
            } else {
                return Err(vm.type_error("shape must be a list or a tuple".into()));
            };
            if d.ndim() != 1 && items.len() != 1 {
                return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D".into()));
            }
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                if let Some(int::IntValue::Big(_)) = int::as_int(it) {
                    return Err(
                        vm.overflow_error("Python int too large to convert to C ssize_t".into())
                    );
                }
                match int::as_small(it) {
                    Some(v) if v > 0 => out.push(v as isize),
                    _ => {
                        return Err(vm.value_error(
                            "memoryview.cast(): elements of shape must be integers > 0".into(),
                        ))
                    }
                }
            }
            let total = out
                .iter()
                .try_fold(size, |acc: usize, &v| acc.checked_mul(v as usize));
            if total != Some(nbytes) {
                return Err(
                    vm.type_error("memoryview: product(shape) * itemsize != buffer size".into())
                );
            }
            out
        }
    };
    let mut strides = vec![0isize; shape.len()];
    let mut acc = size as isize;
    for k in (0..shape.len()).rev() {
        strides[k] = acc;
        acc *= shape[k];
    }
    let g = Geometry {
        offset: d.offset(),
        fmt: f,
        itemsize: size,
        shape,
        strides,
        readonly: d.readonly,
    };
    let base = d.mbuf().expect("live view");
    vm.new_memoryview(base, g)
}
