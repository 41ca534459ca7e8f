//! In-memory files: `io.StringIO` (a buffer of characters) and `io.BytesIO` (of bytes). One
//! generic `MemFile<T>` holds either; the element type decides conversions and messages.
//!
//! Invariants: `pos` may lie past the end of `buf` (after a seek); a write there first pads
//! with zero elements, as CPython does. A closed buffer refuses every operation.

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use crate::heap::{Obj, ObjHeader};
use crate::objects::args::Args;
use crate::objects::pybox::{dealloc_box, new_box, payload, PyBox};
use crate::objects::typeobj::{as_type, MethodFn};
use crate::objects::weakref::{clear_weakrefs, WeakList};
use crate::objects::{bytes, str as pystr};
use crate::vm::{PyResult, Vm};

pub struct MemFile<T> {
    buf: RefCell<Vec<T>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
    /// StringIO with `newline=None`: `\r\n` and `\r` are stored as `\n`.
    universal: bool,
    weaklist: WeakList,
}

/// Offset of the weak-reference list in a StringIO/BytesIO (the same for both element types).
pub fn weaklist_offset<T>() -> usize {
    std::mem::offset_of!(PyBox<MemFile<T>>, data) + std::mem::offset_of!(MemFile<T>, weaklist)
}

/// Dealloc of StringIO/BytesIO: weak references first, then the payload and the block.
///
/// # Safety
/// Called only through the dealloc slot of StringIO (`T = char`) or BytesIO (`T = u8`) on a
/// dead object of layout `PyBox<MemFile<T>>`.
pub unsafe fn mem_dealloc<T>(p: NonNull<ObjHeader>) {
    // SAFETY: the object is dead with layout `PyBox<MemFile<T>>`; `dealloc_box` gets it under
    // the same contract.
    unsafe {
        let d = &(*p.cast::<PyBox<MemFile<T>>>().as_ptr()).data;
        if !d.weaklist.is_empty() {
            clear_weakrefs(&d.weaklist);
        }
        dealloc_box::<MemFile<T>>(p);
    }
}

/// What distinguishes StringIO from BytesIO.
pub trait Elem: Copy + Default + PartialEq + 'static {
    const NEWLINE: Self;
    const CLOSED_MSG: &'static str;
    fn from_arg(vm: &mut Vm, o: &Obj) -> PyResult<Vec<Self>>;
    fn to_obj(vm: &mut Vm, items: &[Self]) -> PyResult<Obj>;
    fn is_text() -> bool;
    /// The elements as stored by a buffer with universal newlines.
    fn universal_newlines(v: Vec<Self>) -> Vec<Self>;
}

impl Elem for char {
    const NEWLINE: char = '\n';
    const CLOSED_MSG: &'static str = "I/O operation on closed file";
    fn from_arg(vm: &mut Vm, o: &Obj) -> PyResult<Vec<char>> {
        match pystr::try_as_str(o) {
            Some(s) => Ok(s.chars().collect()),
            None => {
                Err(vm.type_error(format!("string argument expected, got '{}'", o.ty().name())))
            }
        }
    }
    fn to_obj(vm: &mut Vm, items: &[char]) -> PyResult<Obj> {
        let s: String = items.iter().collect();
        vm.new_str(&s)
    }
    fn is_text() -> bool {
        true
    }
    fn universal_newlines(v: Vec<char>) -> Vec<char> {
        translate(v)
    }
}

impl Elem for u8 {
    const NEWLINE: u8 = b'\n';
    const CLOSED_MSG: &'static str = "I/O operation on closed file.";
    fn from_arg(vm: &mut Vm, o: &Obj) -> PyResult<Vec<u8>> {
        if crate::objects::file_methods::is_bytes(vm, o) {
            Ok(bytes::as_bytes(o).to_vec())
        } else {
            Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                o.ty().name()
            )))
        }
    }
    fn to_obj(vm: &mut Vm, items: &[u8]) -> PyResult<Obj> {
        vm.new_bytes(items)
    }
    fn is_text() -> bool {
        false
    }
    fn universal_newlines(v: Vec<u8>) -> Vec<u8> {
        v
    }
}

fn mem<'a, T: Elem>(vm: &mut Vm, o: &'a Obj) -> PyResult<&'a MemFile<T>> {
    let io = vm.io.as_ref().expect("io types exist");
    let ty = if T::is_text() {
        &io.string_io
    } else {
        &io.bytes_io
    };
    assert!(o.ty().is_subtype(as_type(ty)), "not an in-memory file");
    // SAFETY: StringIO objects are `PyBox<MemFile<char>>`, BytesIO `PyBox<MemFile<u8>>`
    // (checked above).
    let m: &MemFile<T> = unsafe { payload::<MemFile<T>>(o) };
    if m.closed.get() {
        return Err(vm.value_error(T::CLOSED_MSG.into()));
    }
    Ok(m)
}

fn translate(s: Vec<char>) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == '\r' {
            out.push('\n');
            if s.get(i + 1) == Some(&'\n') {
                i += 1;
            }
        } else {
            out.push(s[i]);
        }
        i += 1;
    }
    out
}

/// `StringIO(initial_value='', newline='\n')`.
pub fn string_io_new(vm: &mut Vm, cls: &Obj, a: Args) -> PyResult<Obj> {
    let [init, newline] = a.bind(vm, "StringIO", ["initial_value", "newline"], 0, 0)?;
    let universal = newline.is_some_and(|n| n.is(&vm.none));
    if let Some(n) = newline.filter(|n| !n.is(&vm.none)) {
        match pystr::try_as_str(n) {
            Some("" | "\n" | "\r" | "\r\n") => {}
            Some(s) => {
                let r = crate::text::str_repr::str_repr(s);
                return Err(vm.value_error(format!("illegal newline value: {r}")));
            }
            None => {
                return Err(vm.type_error(format!(
                    "newline must be str or None, not {}",
                    n.ty().name()
                )))
            }
        }
    }
    let chars = match init.filter(|i| !i.is(&vm.none)) {
        Some(i) => match pystr::try_as_str(i) {
            Some(s) => s.chars().collect(),
            None => {
                return Err(vm.type_error(format!(
                    "initial_value must be str or None, not {}",
                    i.ty().name()
                )))
            }
        },
        None => Vec::new(),
    };
    let chars = if universal { translate(chars) } else { chars };
    let data = MemFile {
        buf: RefCell::new(chars),
        pos: Cell::new(0),
        closed: Cell::new(false),
        universal,
        weaklist: Default::default(),
    };
    new_box(as_type(cls), data, true).map_err(|_| vm.memory_error())
}

/// `BytesIO(initial_bytes=b'')`.
pub fn bytes_io_new(vm: &mut Vm, cls: &Obj, a: Args) -> PyResult<Obj> {
    let [init] = a.bind(vm, "BytesIO", ["initial_bytes"], 0, 0)?;
    let b = match init.filter(|i| !i.is(&vm.none)) {
        Some(i) => u8::from_arg(vm, i)?,
        None => Vec::new(),
    };
    let data = MemFile {
        buf: RefCell::new(b),
        pos: Cell::new(0),
        closed: Cell::new(false),
        universal: false,
        weaklist: Default::default(),
    };
    new_box(as_type(cls), data, true).map_err(|_| vm.memory_error())
}

fn size(vm: &mut Vm, a: Option<&Obj>) -> PyResult<Option<usize>> {
    match a {
        None => Ok(None),
        Some(o) if o.is(&vm.none) => Ok(None),
        Some(o) => {
            let n = vm.index_i64(o)?;
            Ok((n >= 0).then_some(n as usize))
        }
    }
}

fn take<T: Elem>(m: &MemFile<T>, n: Option<usize>) -> Vec<T> {
    let buf = m.buf.borrow();
    let start = m.pos.get().min(buf.len());
    let end = match n {
        Some(n) => start.saturating_add(n).min(buf.len()),
        None => buf.len(),
    };
    m.pos.set(end.max(m.pos.get()));
    buf[start..end].to_vec()
}

fn line<T: Elem>(m: &MemFile<T>, limit: Option<usize>) -> Vec<T> {
    let buf = m.buf.borrow();
    let start = m.pos.get().min(buf.len());
    let mut end = match buf[start..].iter().position(|c| *c == T::NEWLINE) {
        Some(i) => start + i + 1,
        None => buf.len(),
    };
    if let Some(l) = limit {
        end = end.min(start + l);
    }
    if end > m.pos.get() {
        m.pos.set(end);
    }
    buf[start..end].to_vec()
}

fn read<T: Elem>(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "read", 0, 1)?;
    let m = mem::<T>(vm, o)?;
    let n = size(vm, p.first())?;
    let v = take(m, n);
    T::to_obj(vm, &v)
}

fn readline<T: Elem>(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "readline", 0, 1)?;
    let m = mem::<T>(vm, o)?;
    let n = size(vm, p.first())?;
    let v = line(m, n);
    T::to_obj(vm, &v)
}

fn readlines<T: Elem>(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "readlines", 0, 1)?;
    let m = mem::<T>(vm, o)?;
    let mut out = Vec::new();
    loop {
        let v = line(m, None);
        if v.is_empty() {
            break;
        }
        out.push(T::to_obj(vm, &v)?);
    }
    vm.new_list(out)
}

fn write<T: Elem>(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "write", 1, 1)?;
    let m = mem::<T>(vm, o)?;
    let v = T::from_arg(vm, &p[0])?;
    let n = v.len();
    put(vm, m, v)?;
    vm.new_usize(n)
}

fn put<T: Elem>(vm: &mut Vm, m: &MemFile<T>, v: Vec<T>) -> PyResult<()> {
    let v = if m.universal {
        T::universal_newlines(v)
    } else {
        v
    };
    let mut buf = m.buf.borrow_mut();
    let pos = m.pos.get();
    // A seek far past the end followed by a write must fail as MemoryError, not abort.
    let needed = pos.saturating_add(v.len()).saturating_sub(buf.len());
    if buf.try_reserve(needed).is_err() {
        drop(buf);
        return Err(vm.memory_error());
    }
    if pos > buf.len() {
        buf.resize(pos, T::default());
    }
    let end = pos + v.len();
    let overlap = end.min(buf.len());
    buf[pos..overlap].copy_from_slice(&v[..overlap - pos]);
    buf.extend_from_slice(&v[overlap - pos..]);
    m.pos.set(end);
    Ok(())
}

fn writelines<T: Elem>(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "writelines", 1, 1)?;
    let m = mem::<T>(vm, o)?;
    let it = vm.get_iter(&p[0])?;
    while let Some(x) = vm.next(&it)? {
        let v = T::from_arg(vm, &x)?;
        put(vm, m, v)?;
    }
    Ok(vm.none.clone())
}

fn getvalue<T: Elem>(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "getvalue", 0, 0)?;
    let m = mem::<T>(vm, o)?;
    let v = m.buf.borrow().clone();
    T::to_obj(vm, &v)
}

fn seek<T: Elem>(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "seek", 1, 2)?;
    let m = mem::<T>(vm, o)?;
    let off = vm.index_i64(&p[0])?;
    let whence = match p.get(1) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    let len = m.buf.borrow().len() as i64;
    let new = match whence {
        0 if off < 0 => {
            let msg = if T::is_text() {
                format!("Negative seek position {off}")
            } else {
                format!("negative seek value {off}")
            };
            return Err(vm.value_error(msg));
        }
        0 => off,
        1 | 2 if T::is_text() && off != 0 => {
            let what = if whence == 1 { "cur" } else { "end" };
            let t = vm.types.exc.os_error.clone();
            return Err(vm.new_error(&t, format!("Can't do nonzero {what}-relative seeks")));
        }
        1 => (m.pos.get() as i64).saturating_add(off).max(0),
        2 => len.saturating_add(off).max(0),
        _ => {
            let w = if T::is_text() { "Invalid" } else { "invalid" };
            return Err(vm.value_error(format!("{w} whence ({whence}, should be 0, 1 or 2)")));
        }
    };
    m.pos.set(new as usize);
    vm.new_int(new)
}

fn tell<T: Elem>(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "tell", 0, 0)?;
    let m = mem::<T>(vm, o)?;
    vm.new_usize(m.pos.get())
}

fn truncate<T: Elem>(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "truncate", 0, 1)?;
    let m = mem::<T>(vm, o)?;
    let n = match p.first().filter(|x| !x.is(&vm.none)) {
        Some(x) => {
            let n = vm.index_i64(x)?;
            if n < 0 {
                return Err(vm.value_error(format!("Negative size value {n}")));
            }
            n as usize
        }
        None => m.pos.get(),
    };
    m.buf.borrow_mut().truncate(n);
    vm.new_usize(n)
}

fn close<T: Elem>(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "close", 0, 0)?;
    // SAFETY: as in `mem`, without the closed check (closing twice is allowed).
    let m: &MemFile<T> = unsafe { payload::<MemFile<T>>(o) };
    m.closed.set(true);
    m.buf.borrow_mut().clear();
    Ok(vm.none.clone())
}

fn yes<T: Elem>(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "readable", 0, 0)?;
    mem::<T>(vm, o)?;
    Ok(vm.true_obj.clone())
}

fn enter<T: Elem>(vm: &mut Vm, o: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "__enter__", 0, 0)?;
    mem::<T>(vm, o)?;
    Ok(o.clone())
}

fn exit<T: Elem>(vm: &mut Vm, o: &Obj, _a: Args) -> PyResult<Obj> {
    close::<T>(vm, o, Args::new(&[]))
}

fn next<T: Elem>(vm: &mut Vm, o: &Obj) -> PyResult<Option<Obj>> {
    let m = mem::<T>(vm, o)?;
    let v = line(m, None);
    if v.is_empty() {
        return Ok(None);
    }
    T::to_obj(vm, &v).map(Some)
}

fn closed_attr<T: Elem>(vm: &mut Vm, o: &Obj, name: &Obj) -> PyResult<Obj> {
    if pystr::as_str(name) == "closed" {
        // SAFETY: `o` is an instance of this type (the slot is only on it).
        let m: &MemFile<T> = unsafe { payload::<MemFile<T>>(o) };
        return Ok(vm.new_bool(m.closed.get()));
    }
    vm.generic_getattr(o, name)
}

/// Installs the methods of one of the two types.
pub fn install<T: Elem>(vm: &mut Vm, ty: &Obj) {
    let methods: [(&'static str, MethodFn); 16] = [
        ("read", read::<T>),
        ("readline", readline::<T>),
        ("readlines", readlines::<T>),
        ("write", write::<T>),
        ("writelines", writelines::<T>),
        ("getvalue", getvalue::<T>),
        ("seek", seek::<T>),
        ("tell", tell::<T>),
        ("truncate", truncate::<T>),
        ("close", close::<T>),
        ("readable", yes::<T>),
        ("writable", yes::<T>),
        ("seekable", yes::<T>),
        ("flush", |vm, _, _| Ok(vm.none.clone())),
        ("__enter__", enter::<T>),
        ("__exit__", exit::<T>),
    ];
    for (name, f) in methods {
        crate::vm::types::add_method(vm, ty, name, f);
    }
    let t = as_type(ty);
    t.slots.iter.set(Some(|vm, o| {
        mem::<T>(vm, o)?;
        Ok(o.clone())
    }));
    t.slots.iternext.set(Some(next::<T>));
    // Tracked like CPython's (which keeps a dict); the buffer holds no objects to visit.
    t.slots.traverse.set(Some(|_, _| {}));
    t.slots.getattro.set(Some(closed_attr::<T>));
}
