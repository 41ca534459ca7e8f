//! The Python face of `mmap.mmap` (Unix semantics of CPython 3.11): construction from a
//! descriptor (or -1 for anonymous memory) with `length`, `flags`, `prot`, `access` and
//! `offset`; the file-like methods (`read`, `readline`, `read_byte`, `write`, `write_byte`,
//! `seek`, `tell`, `size`, `find`, `rfind`, `flush`, `move`, `resize`, `madvise`, `close`),
//! indexing and slicing (ints and bytes, never a view), item and slice assignment, iteration
//! by one-byte bytes objects, the context manager, `closed` and CPython's repr. Argument
//! checks and messages follow CPython's, in CPython's order.

use std::cell::Cell;

use crate::heap::{Obj, ObjSlot};
use crate::objects::args::Args;
use crate::objects::iter::{seq_iter_data, SeqIterData};
use crate::objects::mmap::{closed_error, data, Access, MmapData};
use crate::objects::mmap_region::{dup_fd, regular_file_size, Region};
use crate::objects::pybox::new_box;
use crate::objects::typeobj::{as_type, MethodFn};
use crate::objects::{buffer, int, seq};
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

/// The payload of an open mmap, or "mmap closed or invalid" (CPython's CHECK_VALID).
fn open<'a>(vm: &mut Vm, o: &'a Obj) -> PyResult<&'a MmapData> {
    let d = data(o);
    if d.is_closed() {
        return Err(closed_error(vm));
    }
    Ok(d)
}

/// A `Py_ssize_t` argument ("n").
fn ssize(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    vm.index_i64(o)
}

/// A C `int` argument ("i").
fn c_int(vm: &mut Vm, o: &Obj) -> PyResult<i32> {
    let v = match vm.index_value(o)? {
        int::IntValue::Small(v) => v as i128,
        int::IntValue::Big(b) if b.sign() == num_bigint::Sign::Minus => i128::MIN,
        int::IntValue::Big(_) => i128::MAX,
    };
    i32::try_from(v).map_err(|_| {
        let side = if v < 0 {
            "less than minimum"
        } else {
            "greater than maximum"
        };
        vm.overflow_error(format!("signed integer is {side}"))
    })
}

/// `mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ, access=ACCESS_DEFAULT,
/// offset=0)`, parsed as CPython's unnamed "in|iiilL" format.
fn mmap_new(vm: &mut Vm, cls: &Obj, a: Args) -> PyResult<Obj> {
    const NAMES: [&str; 6] = ["fileno", "length", "flags", "prot", "access", "offset"];
    let pos = a.pos();
    let given = pos.len() + a.n_kw();
    if given > NAMES.len() {
        return Err(vm.type_error(format!(
            "function takes at most 6 arguments ({given} given)"
        )));
    }
    let mut slots: [Option<&Obj>; 6] = [None; 6];
    for (i, v) in pos.iter().enumerate() {
        slots[i] = Some(v);
    }
    for (k, v) in a.kwargs() {
        match NAMES.iter().position(|n| *n == k) {
            Some(i) if slots[i].is_some() => {
                return Err(vm.type_error(format!(
                    "argument for function given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => slots[i] = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for this function"
                )))
            }
        }
    }
    for (i, name) in NAMES.iter().enumerate().take(2) {
        if slots[i].is_none() {
            return Err(vm.type_error(format!(
                "function missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    let fd = c_int(vm, slots[0].expect("required"))?;
    let length = ssize(vm, slots[1].expect("required"))?;
    let mut flags = match slots[2] {
        Some(o) => c_int(vm, o)?,
        None => libc::MAP_SHARED,
    };
    let mut prot = match slots[3] {
        Some(o) => c_int(vm, o)?,
        None => libc::PROT_WRITE | libc::PROT_READ,
    };
    let access = match slots[4] {
        Some(o) => c_int(vm, o)?,
        None => Access::Default as i32,
    };
    let offset = match slots[5] {
        Some(o) => ssize(vm, o)?,
        None => 0,
    };

    if length < 0 {
        return Err(vm.overflow_error("memory mapped length must be positive".into()));
    }
    if offset < 0 {
        return Err(vm.overflow_error("memory mapped offset must be positive".into()));
    }
    if access != Access::Default as i32
        && (flags != libc::MAP_SHARED || prot != libc::PROT_WRITE | libc::PROT_READ)
    {
        return Err(vm.value_error("mmap can't specify both access and flags, prot.".into()));
    }
    let access = match access {
        1 => {
            (flags, prot) = (libc::MAP_SHARED, libc::PROT_READ);
            Access::Read
        }
        2 => {
            (flags, prot) = (libc::MAP_SHARED, libc::PROT_READ | libc::PROT_WRITE);
            Access::Write
        }
        3 => {
            (flags, prot) = (libc::MAP_PRIVATE, libc::PROT_READ | libc::PROT_WRITE);
            Access::Copy
        }
        // The access follows from the protection asked for.
        0 if prot & libc::PROT_READ != 0 && prot & libc::PROT_WRITE != 0 => Access::Default,
        0 if prot & libc::PROT_WRITE != 0 => Access::Write,
        0 => Access::Read,
        _ => return Err(vm.value_error("mmap invalid access parameter.".into())),
    };

    let mut map_size = length as u64;
    if fd != -1 {
        if let Some(file_size) = regular_file_size(fd) {
            if map_size == 0 {
                if file_size == 0 {
                    return Err(vm.value_error("cannot mmap an empty file".into()));
                }
                if offset as u64 >= file_size {
                    return Err(vm.value_error("mmap offset is greater than file size".into()));
                }
                map_size = file_size - offset as u64;
            } else if offset as u64 > file_size || file_size - (offset as u64) < map_size {
                return Err(vm.value_error("mmap length is greater than file size".into()));
            }
        }
    }
    let Ok(map_size) = usize::try_from(map_size) else {
        return Err(vm.overflow_error("memory mapped length must be positive".into()));
    };
    let file = if fd == -1 {
        flags |= libc::MAP_ANONYMOUS;
        None
    } else {
        Some(dup_fd(fd).map_err(|e| vm.os_error(&e, None, None))?)
    };
    // Every mapping is readable: memory mapped without PROT_READ would crash the process on
    // the first read (as CPython does), where here it reads. Writes still need PROT_WRITE
    // (the access mode follows `prot`, so a read-only map refuses them first).
    let region = Region::map(map_size, prot | libc::PROT_READ, flags, fd, offset)
        .map_err(|e| vm.os_error(&e, None, None))?;
    let d = MmapData::new(region, file, access, offset);
    new_box(as_type(cls), d, true).map_err(|_| vm.memory_error())
}

fn mmap_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let d = data(o);
    let name = o.ty().name().to_string();
    let s = match d.with_bytes(|b| b.len()) {
        None => format!("<{name} closed=True>"),
        Some(len) => format!(
            "<{name} closed=False, access={}, length={len}, pos={}, offset={}>",
            d.access.name(),
            d.pos(),
            d.offset
        ),
    };
    vm.new_str(&s)
}

fn close(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "close", 0, 0)?;
    let d = data(o);
    if d.exports().get() > 0 {
        let t = vm.types.exc.buffer_error.clone();
        return Err(vm.new_error(&t, "cannot close exported pointers exist".into()));
    }
    d.close();
    Ok(vm.none.clone())
}

fn read(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let d = open(vm, o)?;
    let p = a.exact(vm, "read", 0, 1)?;
    let n = match p.first() {
        None => None,
        Some(v) if v.is(&vm.none) => None,
        Some(v) if int::as_int(v).is_some() => Some(ssize(vm, v)?),
        Some(v) => {
            return Err(vm.type_error(format!(
                "argument should be integer or None, not '{}'",
                v.ty().name()
            )))
        }
    };
    let pos = d.pos();
    let out = d
        .with_bytes(|b| {
            let rest = b.get(pos..).unwrap_or(&[]);
            let n = match n {
                Some(n) if n >= 0 && (n as u64) < rest.len() as u64 => n as usize,
                _ => rest.len(),
            };
            rest[..n].to_vec()
        })
        .expect("open");
    d.set_pos(pos + out.len());
    vm.new_bytes(&out)
}

fn read_byte(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let d = open(vm, o)?;
    a.exact(vm, "read_byte", 0, 0)?;
    let pos = d.pos();
    match d.with_bytes(|b| b.get(pos).copied()).expect("open") {
        Some(byte) => {
            d.set_pos(pos + 1);
            vm.new_int(byte as i64)
        }
        None => Err(vm.value_error("read byte out of range".into())),
    }
}

fn readline(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let d = open(vm, o)?;
    a.exact(vm, "readline", 0, 0)?;
    let pos = d.pos();
    let line = d
        .with_bytes(|b| {
            let rest = b.get(pos..).unwrap_or(&[]);
            let end = rest
                .iter()
                .position(|&c| c == b'\n')
                .map_or(rest.len(), |i| i + 1);
            rest[..end].to_vec()
        })
        .expect("open");
    d.set_pos(pos + line.len());
    vm.new_bytes(&line)
}

fn write(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let d = open(vm, o)?;
    let p = a.exact(vm, "write", 1, 1)?;
    let src = buffer::require(vm, &p[0])?;
    d.writable(vm)?;
    let (pos, len) = (d.pos(), d.len(vm)?);
    if pos > len || len - pos < src.len() {
        return Err(vm.value_error("data out of range".into()));
    }
    d.with_bytes_mut(|b| b[pos..pos + src.len()].copy_from_slice(&src));
    d.set_pos(pos + src.len());
    vm.new_usize(src.len())
}

fn write_byte(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let d = open(vm, o)?;
    let p = a.exact(vm, "write_byte", 1, 1)?;
    let v = match vm.index_value(&p[0])? {
        int::IntValue::Small(v) => v,
        int::IntValue::Big(b) if b.sign() == num_bigint::Sign::Minus => -1,
        int::IntValue::Big(_) => 256,
    };
    if v < 0 {
        return Err(vm.overflow_error("unsigned byte integer is less than minimum".into()));
    }
    if v > 255 {
        return Err(vm.overflow_error("unsigned byte integer is greater than maximum".into()));
    }
    d.writable(vm)?;
    let (pos, len) = (d.pos(), d.len(vm)?);
    if pos >= len {
        return Err(vm.value_error("write byte out of range".into()));
    }
    d.with_bytes_mut(|b| b[pos] = v as u8);
    d.set_pos(pos + 1);
    Ok(vm.none.clone())
}

fn seek(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let d = open(vm, o)?;
    let p = a.exact(vm, "seek", 1, 2)?;
    let dist = ssize(vm, &p[0])?;
    let how = match p.get(1) {
        Some(h) => c_int(vm, h)?,
        None => 0,
    };
    let len = d.len(vm)? as i64;
    let base = match how {
        0 => 0,
        1 => d.pos() as i64,
        2 => len,
        _ => return Err(vm.value_error("unknown seek type".into())),
    };
    match base.checked_add(dist) {
        Some(w) if (0..=len).contains(&w) && (how != 0 || dist >= 0) => {
            d.set_pos(w as usize);
            Ok(vm.none.clone())
        }
        _ => Err(vm.value_error("seek out of range".into())),
    }
}

fn tell(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let d = open(vm, o)?;
    a.exact(vm, "tell", 0, 0)?;
    vm.new_usize(d.pos())
}

/// The size of the mapped file (fstat of the descriptor; anonymous memory has none, and
/// CPython 3.11 reports that as EBADF).
fn size(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let d = open(vm, o)?;
    a.exact(vm, "size", 0, 0)?;
    let r = d.with_file(|f| match f {
        Some(f) => f.metadata().map(|m| m.len()),
        None => Err(std::io::Error::from_raw_os_error(libc::EBADF)),
    });
    match r {
        Ok(n) => vm.new_bigint(n.into()),
        Err(e) => Err(vm.os_error(&e, None, None)),
    }
}

/// Start and end of a find, defaulting to the current position and the end, clamped as
/// CPython clamps them.
fn find_bounds(vm: &mut Vm, d: &MmapData, p: &[Obj]) -> PyResult<(usize, usize)> {
    let len = d.len(vm)? as i64;
    let start = match p.get(1) {
        Some(v) => ssize(vm, v)?,
        None => d.pos() as i64,
    };
    let end = match p.get(2) {
        Some(v) => ssize(vm, v)?,
        None => len,
    };
    let clamp = |v: i64| {
        let v = if v < 0 { v + len } else { v };
        v.clamp(0, len) as usize
    };
    Ok((clamp(start), clamp(end)))
}

fn find_impl(vm: &mut Vm, o: &Obj, a: Args, name: &str, reverse: bool) -> PyResult<Obj> {
    let d = open(vm, o)?;
    a.no_kwargs(vm, &format!("mmap.{name}"))?;
    let p = a.exact(vm, name, 1, 3)?;
    let needle = buffer::require(vm, &p[0])?;
    let (start, end) = find_bounds(vm, d, p)?;
    let found = d
        .with_bytes(|b| {
            if end < start {
                return None;
            }
            let hay = &b[start..end];
            if reverse {
                crate::objects::bytes_methods::rfind_sub(hay, &needle)
            } else {
                crate::objects::bytes_methods::find_sub(hay, &needle)
            }
        })
        .expect("open");
    match found {
        Some(i) => vm.new_usize(start + i),
        None => vm.new_int(-1),
    }
}

fn find(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    find_impl(vm, o, a, "find", false)
}

fn rfind(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    find_impl(vm, o, a, "rfind", true)
}

fn flush(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let d = open(vm, o)?;
    let p = a.exact(vm, "flush", 0, 2)?;
    let len = d.len(vm)? as i64;
    let offset = match p.first() {
        Some(v) => ssize(vm, v)?,
        None => 0,
    };
    let size = match p.get(1) {
        Some(v) => ssize(vm, v)?,
        None => len,
    };
    if size < 0 || offset < 0 || len - offset < size {
        return Err(vm.value_error("flush values out of range".into()));
    }
    if matches!(d.access, Access::Read | Access::Copy) {
        return Ok(vm.none.clone());
    }
    let r = d
        .with_region(|r| r.sync(offset as usize, size as usize))
        .expect("open");
    r.map_err(|e| vm.os_error(&e, None, None))?;
    Ok(vm.none.clone())
}

fn move_(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let d = open(vm, o)?;
    let p = a.exact(vm, "move", 3, 3)?;
    let dest = ssize(vm, &p[0])?;
    let src = ssize(vm, &p[1])?;
    let cnt = ssize(vm, &p[2])?;
    d.writable(vm)?;
    let len = d.len(vm)? as i64;
    if dest < 0 || src < 0 || cnt < 0 || len - dest < cnt || len - src < cnt {
        return Err(vm.value_error("source, destination, or count out of range".into()));
    }
    let (dest, src, cnt) = (dest as usize, src as usize, cnt as usize);
    d.with_bytes_mut(|b| b.copy_within(src..src + cnt, dest));
    Ok(vm.none.clone())
}

fn resize(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let d = open(vm, o)?;
    let p = a.exact(vm, "resize", 1, 1)?;
    let new_size = ssize(vm, &p[0])?;
    if d.exports().get() > 0 {
        let t = vm.types.exc.buffer_error.clone();
        return Err(vm.new_error(&t, "mmap can't resize with extant buffers exported.".into()));
    }
    if !matches!(d.access, Access::Write | Access::Default) {
        return Err(
            vm.type_error("mmap can't resize a readonly or copy-on-write memory map.".into())
        );
    }
    if new_size < 0 || i64::MAX - new_size < d.offset {
        return Err(vm.value_error("new size out of range".into()));
    }
    d.resize(new_size as usize)
        .map_err(|e| vm.os_error(&e, None, None))?;
    Ok(vm.none.clone())
}

fn madvise(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let d = open(vm, o)?;
    let p = a.exact(vm, "madvise", 1, 3)?;
    let len = d.len(vm)? as i64;
    let option = c_int(vm, &p[0])?;
    let start = match p.get(1) {
        Some(v) => ssize(vm, v)?,
        None => 0,
    };
    let mut length = match p.get(2) {
        Some(v) => ssize(vm, v)?,
        None => len,
    };
    if start < 0 || start >= len {
        return Err(vm.value_error("madvise start out of bounds".into()));
    }
    if length < 0 {
        return Err(vm.value_error("madvise length invalid".into()));
    }
    if i64::MAX - start < length {
        return Err(vm.overflow_error("madvise length too large".into()));
    }
    if start + length > len {
        length = len - start;
    }
    let r = d
        .with_region(|r| r.advise(start as usize, length as usize, option))
        .expect("open");
    r.map_err(|e| vm.os_error(&e, None, None))?;
    Ok(vm.none.clone())
}

fn enter(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    open(vm, o)?;
    a.exact(vm, "__enter__", 0, 0)?;
    Ok(o.clone())
}

fn exit(vm: &mut Vm, o: &Obj, _a: Args) -> PyResult<Obj> {
    close(vm, o, Args::new(&[]))
}

/// An item index (`PyNumber_AsSsize_t` with IndexError) resolved against `len`.
fn item_index(vm: &mut Vm, key: &Obj, len: usize) -> PyResult<usize> {
    match seq::normalize_index(vm, key, len)? {
        Some(i) => Ok(i),
        None => Err(vm.index_error("mmap index out of range".into())),
    }
}

fn getitem(vm: &mut Vm, o: &Obj, key: &Obj) -> PyResult<Obj> {
    let d = open(vm, o)?;
    let len = d.len(vm)?;
    if int::as_int(key).is_some() {
        let i = item_index(vm, key, len)?;
        let byte = d.with_bytes(|b| b[i]).expect("open");
        return vm.new_int(byte as i64);
    }
    if let Some(s) = seq::resolve_slice(vm, key, len)? {
        let out = d
            .with_bytes(|b| {
                if s.step == 1 {
                    b[s.start as usize..s.start as usize + s.len].to_vec()
                } else {
                    s.positions().map(|p| b[p]).collect()
                }
            })
            .expect("open");
        return vm.new_bytes(&out);
    }
    Err(vm.type_error("mmap indices must be integers".into()))
}

fn setitem(vm: &mut Vm, o: &Obj, key: &Obj, value: Option<Obj>) -> PyResult<()> {
    let d = open(vm, o)?;
    // CPython 3.11 refuses any change to a read-only map before looking at the key.
    d.writable(vm)?;
    let len = d.len(vm)?;
    if int::as_int(key).is_some() {
        let i = item_index(vm, key, len)?;
        let Some(value) = value else {
            return Err(vm.type_error("mmap doesn't support item deletion".into()));
        };
        let v = match int::as_int(&value) {
            Some(int::IntValue::Small(v)) => *v,
            Some(int::IntValue::Big(_)) => {
                return Err(vm.type_error("cannot fit 'int' into an index-sized integer".into()))
            }
            None => return Err(vm.type_error("mmap item value must be an int".into())),
        };
        if !(0..=255).contains(&v) {
            return Err(vm.value_error("mmap item value must be in range(0, 256)".into()));
        }
        d.with_bytes_mut(|b| b[i] = v as u8);
        return Ok(());
    }
    let Some(s) = seq::resolve_slice(vm, key, len)? else {
        return Err(vm.type_error("mmap indices must be integer".into()));
    };
    let Some(value) = value else {
        return Err(vm.type_error("mmap object doesn't support slice deletion".into()));
    };
    let src = buffer::require(vm, &value)?;
    if src.len() != s.len {
        return Err(vm.index_error("mmap slice assignment is wrong size".into()));
    }
    if s.len == 0 {
        return Ok(());
    }
    d.with_bytes_mut(|b| {
        for (p, &v) in s.positions().zip(&src) {
            b[p] = v;
        }
    });
    Ok(())
}

/// The getter of the `closed` attribute.
fn closed(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "closed", 1, 1)?;
    if !crate::objects::mmap::is_mmap(&p[0]) {
        let n = p[0].ty().name().to_string();
        return Err(vm.type_error(format!(
            "descriptor 'closed' for 'mmap.mmap' objects doesn't apply to a '{n}' object"
        )));
    }
    Ok(vm.new_bool(data(&p[0]).is_closed()))
}

/// `iter(m)`: CPython iterates an mmap through its sequence protocol, one-byte bytes at a
/// time, with a plain `iterator` object.
fn mmap_iter(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let it = vm.types.buf.mmap_iterator.clone();
    let state = SeqIterData {
        seq: ObjSlot::new(Some(o.clone())),
        index: Cell::new(0),
    };
    new_box(as_type(&it), state, true).map_err(|_| vm.memory_error())
}

fn iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let st = seq_iter_data(it);
    let Some(m) = st.seq.get() else {
        return Ok(None);
    };
    let d = open(vm, &m)?;
    let i = st.index.get();
    match d.with_bytes(|b| b.get(i).copied()).expect("open") {
        Some(byte) => {
            st.index.set(i + 1);
            vm.new_bytes(&[byte]).map(Some)
        }
        None => {
            st.seq.take();
            Ok(None)
        }
    }
}

/// The items of `reversed(m)` (CPython walks the sequence protocol backwards).
pub fn reversed_items(vm: &mut Vm, o: &Obj) -> PyResult<Vec<Obj>> {
    let d = open(vm, o)?;
    let bytes = d.with_bytes(|b| b.to_vec()).expect("open");
    bytes.iter().rev().map(|&b| vm.new_bytes(&[b])).collect()
}

/// Fills in the slots and methods of `mmap.mmap` and its iterator.
pub fn install(vm: &mut Vm) {
    let t = vm.types.buf.mmap.clone();
    let ty = as_type(&t);
    ty.slots.new.set(Some(mmap_new));
    ty.slots.repr.set(Some(mmap_repr));
    ty.slots.len.set(Some(|vm, o| open(vm, o)?.len(vm)));
    ty.slots.getitem.set(Some(getitem));
    ty.slots.setitem.set(Some(setitem));
    ty.slots.iter.set(Some(mmap_iter));
    // Tracked by the collector as CPython 3.11's heap type is; it refers to no objects.
    ty.slots.traverse.set(Some(|_, _| {}));
    let methods: [(&'static str, MethodFn); 17] = [
        ("close", close),
        ("find", find),
        ("flush", flush),
        ("madvise", madvise),
        ("move", move_),
        ("read", read),
        ("read_byte", read_byte),
        ("readline", readline),
        ("resize", resize),
        ("rfind", rfind),
        ("seek", seek),
        ("size", size),
        ("tell", tell),
        ("write", write),
        ("write_byte", write_byte),
        ("__enter__", enter),
        ("__exit__", exit),
    ];
    for (name, f) in methods {
        add_method(vm, &t, name, f);
    }
    let prop = vm.new_native_property("closed", closed).expect("startup");
    let d = ty.dict.get().expect("type dict");
    vm.dict_set_str(&d, "closed", prop).expect("startup");
    let it = as_type(&vm.types.buf.mmap_iterator);
    it.slots.iter.set(Some(|_, it| Ok(it.clone())));
    it.slots.iternext.set(Some(iter_next));
    it.slots.traverse.set(Some(|o, visit| {
        seq_iter_data(o).seq.with(|s| {
            if let Some(s) = s {
                visit(s)
            }
        })
    }));
}
