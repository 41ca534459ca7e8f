//! `memoryview`: a view of an exporter's memory (bytes, bytearray or mmap) described by an offset,
//! a format with its item size, and a shape and strides, as in CPython's `Py_buffer`.
//!
//! Invariants:
//! - Views never copy: every read and write goes to the exporter's memory at
//!   `offset + Σ index[k] * strides[k]`, which the geometry keeps inside that memory.
//! - As in CPython, views reach the exporter through a shared managed buffer (`mbuf`), which
//!   holds the one reference to the exporter and, for a bytearray or mmap, its one export. The managed
//!   buffer counts its unreleased views; when the last one is released (by `release()`, the
//!   collector's clear, or dealloc) it gives the export and the reference back. So the
//!   bytearray cannot be resized, nor an mmap resized or closed, and their memory cannot move
//!   while any view can reach it.
//! - A released view has no managed buffer (`mbuf` is None); every operation but `release`,
//!   repr and identity comparison fails with ValueError.
//! - `dims` holds the shape followed by the strides (in bytes), `ndim` entries each, in a
//!   buffer from the interpreter's allocator.

use std::cell::Cell;

use crate::heap::{HeapVec, Obj, ObjSlot};
use crate::objects::pybox::{new_box, payload};
use crate::objects::typeobj::{as_type, TypeObject};
use crate::objects::{bytearray, bytes, float, int, mmap};
use crate::vm::{PyResult, Vm};

/// CPython's `managedbuffer`: the exporter and how many unreleased views share it.
pub struct ManagedBufferData {
    obj: ObjSlot,
    views: Cell<usize>,
}

impl ManagedBufferData {
    /// Unregisters one view; the last one gives back the export and the exporter.
    fn release_view(&self) {
        let n = self.views.get().saturating_sub(1);
        self.views.set(n);
        if n == 0 {
            self.release_exporter();
        }
    }

    fn release_exporter(&self) {
        if let Some(b) = self.obj.take() {
            if let Some(c) = crate::objects::buffer::export_count(&b) {
                c.release();
            }
        }
    }

    pub fn obj(&self) -> Option<Obj> {
        self.obj.get()
    }
}

impl Drop for ManagedBufferData {
    fn drop(&mut self) {
        self.release_exporter();
    }
}

fn mbuf_data(m: &Obj) -> &ManagedBufferData {
    assert_eq!(m.ty().name(), "managedbuffer");
    // SAFETY: managedbuffer objects use the `PyBox<ManagedBufferData>` layout.
    unsafe { payload::<ManagedBufferData>(m) }
}

/// The collector's view of a managed buffer: it refers to its exporter.
pub fn mbuf_traverse(m: &Obj, visit: &mut dyn FnMut(&Obj)) {
    mbuf_data(m).obj.with(|o| {
        if let Some(o) = o {
            visit(o)
        }
    });
}

pub struct MemoryViewData {
    /// Weak references to this view (memoryview supports them, as in CPython).
    pub weaklist: crate::objects::weakref::WeakList,
    mbuf: ObjSlot,
    released: Cell<bool>,
    pub readonly: bool,
    offset: isize,
    pub fmt: u8,
    pub itemsize: usize,
    dims: HeapVec<isize>,
}

/// One unpacked item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    Int(i128),
    Float(f64),
    Char(u8),
    Bool(bool),
}

impl Item {
    /// Python equality between unpacked items (ints and floats compare by value).
    pub fn py_eq(self, other: Item) -> bool {
        match (self, other) {
            (Item::Int(a), Item::Int(b)) => a == b,
            (Item::Float(a), Item::Float(b)) => a == b,
            (Item::Int(a), Item::Float(b)) | (Item::Float(b), Item::Int(a)) => a as f64 == b,
            (Item::Bool(a), Item::Bool(b)) => a == b,
            (Item::Bool(a), Item::Int(b)) | (Item::Int(b), Item::Bool(a)) => a as i128 == b,
            (Item::Char(a), Item::Char(b)) => a == b,
            _ => false,
        }
    }
}

/// The item size of a native single-character struct format, or None if unsupported.
pub fn format_size(f: u8) -> Option<usize> {
    Some(match f {
        b'B' | b'b' | b'c' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' => 8,
        _ => return None,
    })
}

/// Parses a format string: one native character, optionally prefixed by '@'.
pub fn parse_format(s: &str) -> Option<u8> {
    let s = s.strip_prefix('@').unwrap_or(s);
    match s.as_bytes() {
        [c] if format_size(*c).is_some() => Some(*c),
        _ => None,
    }
}

pub fn is_byte_format(f: u8) -> bool {
    matches!(f, b'B' | b'b' | b'c')
}

/// Unpacks one item of format `f` from native-endian bytes.
pub fn unpack(f: u8, b: &[u8]) -> Item {
    let arr = |n: usize| {
        let mut a = [0u8; 8];
        a[..n].copy_from_slice(&b[..n]);
        a
    };
    match f {
        b'B' => Item::Int(b[0] as i128),
        b'b' => Item::Int(b[0] as i8 as i128),
        b'c' => Item::Char(b[0]),
        b'?' => Item::Bool(b[0] != 0),
        b'h' => Item::Int(i16::from_ne_bytes([b[0], b[1]]) as i128),
        b'H' => Item::Int(u16::from_ne_bytes([b[0], b[1]]) as i128),
        b'i' => Item::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i128),
        b'I' => Item::Int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i128),
        b'f' => Item::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        b'd' => Item::Float(f64::from_ne_bytes(arr(8))),
        b'l' | b'q' | b'n' => Item::Int(i64::from_ne_bytes(arr(8)) as i128),
        _ => Item::Int(u64::from_ne_bytes(arr(8)) as i128),
    }
}

/// Packs a Python value as format `f`, with CPython's errors.
pub fn pack(vm: &mut Vm, f: u8, v: &Obj) -> PyResult<Vec<u8>> {
    let fc = f as char;
    let bad_type =
        |vm: &mut Vm| vm.type_error(format!("memoryview: invalid type for format '{fc}'"));
    let bad_value =
        |vm: &mut Vm| vm.value_error(format!("memoryview: invalid value for format '{fc}'"));
    match f {
        b'c' => match bytes::is_bytes(v).then(|| bytes::as_bytes(v)) {
            Some([c]) => Ok(vec![*c]),
            Some(_) => Err(bad_value(vm)),
            None => Err(bad_type(vm)),
        },
        b'?' => Ok(vec![vm.is_true(v)? as u8]),
        b'f' | b'd' => {
            let x = if let Some(x) = float::as_float(v) {
                x
            } else if let Some(i) = int::as_int(v) {
                match i.to_f64() {
                    Some(x) => x,
                    None => {
                        return Err(vm.overflow_error("int too large to convert to float".into()))
                    }
                }
            } else {
                return Err(bad_type(vm));
            };
            Ok(if f == b'f' {
                (x as f32).to_ne_bytes().to_vec()
            } else {
                x.to_ne_bytes().to_vec()
            })
        }
        _ => {
            let Some(iv) = int::as_int(v) else {
                return Err(bad_type(vm));
            };
            let n = match iv {
                int::IntValue::Small(x) => *x as i128,
                int::IntValue::Big(_) => return Err(bad_value(vm)),
            };
            let size = format_size(f).unwrap_or(1);
            let signed = matches!(f, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let bits = size as u32 * 8;
            let (lo, hi) = if signed {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            } else {
                (0, (1i128 << bits) - 1)
            };
            if n < lo || n > hi {
                return Err(bad_value(vm));
            }
            Ok((n as u64).to_ne_bytes()[..size].to_vec())
        }
    }
}

pub fn is_memoryview(obj: &Obj) -> bool {
    obj.ty()
        .is_subtype(crate::objects::buffer::memoryview_type_ptr())
}

/// The memoryview payload. Panics if `obj` is not a memoryview.
pub fn data(obj: &Obj) -> &MemoryViewData {
    assert!(is_memoryview(obj), "not a memoryview");
    // SAFETY: memoryview objects use the `PyBox<MemoryViewData>` layout.
    unsafe { payload::<MemoryViewData>(obj) }
}

/// The geometry of a new view.
pub struct Geometry {
    pub offset: isize,
    pub fmt: u8,
    pub itemsize: usize,
    pub shape: Vec<isize>,
    pub strides: Vec<isize>,
    pub readonly: bool,
}

impl MemoryViewData {
    pub fn is_released(&self) -> bool {
        self.released.get()
    }

    /// The exporter (`obj`), while the view is unreleased.
    pub fn base(&self) -> Option<Obj> {
        self.mbuf.with(|m| m.and_then(|m| mbuf_data(m).obj()))
    }

    /// The managed buffer, to share with a derived view.
    pub fn mbuf(&self) -> Option<Obj> {
        self.mbuf.get()
    }

    /// Visits the managed buffer (for the collector).
    pub fn traverse(&self, visit: &mut dyn FnMut(&Obj)) {
        self.mbuf.with(|m| {
            if let Some(m) = m {
                visit(m)
            }
        });
    }

    pub fn ndim(&self) -> usize {
        self.dims.len() / 2
    }

    pub fn shape(&self) -> &[isize] {
        &self.dims.as_slice()[..self.ndim()]
    }

    pub fn strides(&self) -> &[isize] {
        &self.dims.as_slice()[self.ndim()..]
    }

    pub fn offset(&self) -> isize {
        self.offset
    }

    /// Number of items.
    pub fn count(&self) -> usize {
        self.shape().iter().product::<isize>() as usize
    }

    pub fn nbytes(&self) -> usize {
        self.count() * self.itemsize
    }

    /// Whether the strides are those of a C-contiguous array of this shape.
    pub fn c_contiguous(&self) -> bool {
        if let ([n], [s]) = (self.shape(), self.strides()) {
            // CPython's one-dimensional rule: one item, or items packed forwards.
            return *n == 1 || *s == self.itemsize as isize;
        }
        if self.count() == 0 {
            return true;
        }
        let mut expect = self.itemsize as isize;
        for (&n, &s) in self.shape().iter().zip(self.strides()).rev() {
            if n > 1 && s != expect {
                return false;
            }
            expect *= n;
        }
        true
    }

    /// Whether the strides are those of a Fortran-contiguous array of this shape.
    pub fn f_contiguous(&self) -> bool {
        if self.ndim() == 1 {
            return self.c_contiguous();
        }
        if self.count() == 0 {
            return true;
        }
        let mut expect = self.itemsize as isize;
        for (&n, &s) in self.shape().iter().zip(self.strides()) {
            if n > 1 && s != expect {
                return false;
            }
            expect *= n;
        }
        true
    }

    /// Byte positions of every item in C order.
    pub fn positions(&self) -> Vec<usize> {
        let mut out = vec![self.offset];
        for (&n, &s) in self.shape().iter().zip(self.strides()) {
            out = out
                .iter()
                .flat_map(|&p| (0..n).map(move |i| p + i * s))
                .collect();
        }
        out.into_iter().map(|p| p as usize).collect()
    }

    /// Runs `f` over the exporter's whole memory (no Python code may run inside `f`).
    pub fn with_mem<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        let b = self.base().expect("memoryview used after release");
        if bytes::is_bytes(&b) {
            f(bytes::as_bytes(&b))
        } else if let Some(d) = bytearray::try_data(&b) {
            f(d.as_slice())
        } else {
            // An mmap: the export keeps the mapping open and in place.
            mmap::data(&b).with_bytes(f).expect("exported mmap is open")
        }
    }

    /// Runs `f` over the exporter's memory for writing (the view is not read-only, so the
    /// exporter is a bytearray or a writable mmap).
    pub fn with_mem_mut<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        let b = self.base().expect("memoryview used after release");
        match bytearray::try_data(&b) {
            Some(d) => f(d.as_mut_slice()),
            None => mmap::data(&b)
                .with_bytes_mut(f)
                .expect("exported mmap is open"),
        }
    }

    /// The item bytes in logical (C) order.
    pub fn to_bytes(&self) -> Vec<u8> {
        if self.count() == 0 {
            return Vec::new();
        }
        if self.c_contiguous() {
            // One run of memory: copy it without listing every item's position.
            let (start, n) = (self.offset as usize, self.nbytes());
            return self.with_mem(|m| m[start..start + n].to_vec());
        }
        let pos = self.positions();
        let n = self.itemsize;
        self.with_mem(|m| {
            let mut out = Vec::with_capacity(pos.len() * n);
            for p in pos {
                out.extend_from_slice(&m[p..p + n]);
            }
            out
        })
    }

    /// Every item, unpacked, in C order.
    pub fn items(&self) -> Vec<Item> {
        let n = self.itemsize;
        let f = self.fmt;
        self.to_bytes().chunks(n).map(|c| unpack(f, c)).collect()
    }

    /// Gives back the export and drops the exporter (idempotent).
    pub fn release_now(&self) {
        if self.released.replace(true) {
            return;
        }
        if let Some(m) = self.mbuf.take() {
            mbuf_data(&m).release_view();
        }
    }
}

impl Drop for MemoryViewData {
    fn drop(&mut self) {
        // Dealloc order: weakrefs are cleared before anything else goes away.
        if !self.weaklist.is_empty() {
            crate::objects::weakref::clear_weakrefs(&self.weaklist);
        }
        self.release_now();
    }
}

/// Offset of the weak list inside a memoryview object (its `tp_weaklistoffset`).
pub const WEAKLIST_OFFSET: usize =
    std::mem::offset_of!(crate::objects::pybox::PyBox<MemoryViewData>, data)
        + std::mem::offset_of!(MemoryViewData, weaklist);

impl Vm {
    /// A view through managed buffer `mbuf` with the given geometry.
    pub fn new_memoryview(&mut self, mbuf: Obj, g: Geometry) -> PyResult<Obj> {
        let mut dims =
            HeapVec::with_capacity(g.shape.len() * 2).map_err(|_| self.memory_error())?;
        for &v in g.shape.iter().chain(&g.strides) {
            dims.push(v).map_err(|_| self.memory_error())?;
        }
        let md = mbuf_data(&mbuf);
        md.views.set(md.views.get() + 1);
        let data = MemoryViewData {
            weaklist: Default::default(),
            mbuf: ObjSlot::new(Some(mbuf)),
            released: Cell::new(false),
            readonly: g.readonly,
            offset: g.offset,
            fmt: g.fmt,
            itemsize: g.itemsize,
            dims,
        };
        let ty = as_type(&self.types.buf.memoryview) as *const TypeObject;
        // SAFETY: built-in types live as long as the interpreter.
        new_box(unsafe { &*ty }, data, true).map_err(|_| self.memory_error())
    }

    /// `memoryview(obj)`: a full view of a bytes-like object (through a new managed buffer,
    /// which takes a bytearray's export), or a copy of another view sharing its managed buffer.
    pub fn memoryview_of(&mut self, obj: &Obj) -> PyResult<Option<Obj>> {
        if is_memoryview(obj) {
            let d = data(obj);
            let Some(mbuf) = d.mbuf() else {
                return Err(released_error(self));
            };
            let g = Geometry {
                offset: d.offset,
                fmt: d.fmt,
                itemsize: d.itemsize,
                shape: d.shape().to_vec(),
                strides: d.strides().to_vec(),
                readonly: d.readonly,
            };
            return self.new_memoryview(mbuf, g).map(Some);
        }
        let (len, readonly) = if bytes::is_bytes(obj) {
            (bytes::as_bytes(obj).len(), true)
        } else if let Some(d) = bytearray::try_data(obj) {
            (d.len(), false)
        } else if mmap::is_mmap(obj) {
            let d = mmap::data(obj);
            match d.with_bytes(|b| b.len()) {
                Some(n) => (n, d.readonly()),
                None => return Err(mmap::closed_error(self)),
            }
        } else {
            return Ok(None);
        };
        if let Some(c) = crate::objects::buffer::export_count(obj) {
            c.add();
        }
        let mb = ManagedBufferData {
            obj: ObjSlot::new(Some(obj.clone())),
            views: Cell::new(0),
        };
        let ty = as_type(&self.types.buf.managedbuffer) as *const TypeObject;
        // SAFETY: built-in types live as long as the interpreter.
        let mbuf = new_box(unsafe { &*ty }, mb, true).map_err(|_| self.memory_error())?;
        let g = Geometry {
            offset: 0,
            fmt: b'B',
            itemsize: 1,
            shape: vec![len as isize],
            strides: vec![1],
            readonly,
        };
        self.new_memoryview(mbuf, g).map(Some)
    }
}

pub fn released_error(vm: &mut Vm) -> crate::vm::PyErr {
    vm.value_error("operation forbidden on released memoryview object".into())
}

/// The bytes of a memoryview in logical order (the buffer protocol's copy-out).
pub fn contents(vm: &mut Vm, obj: &Obj) -> PyResult<Vec<u8>> {
    let d = data(obj);
    if d.is_released() {
        return Err(released_error(vm));
    }
    Ok(d.to_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_share_one_export_and_write_through() {
        let mut vm = Vm::new();
        let ba = vm.new_bytearray(b"abcdef").unwrap();
        let m = vm.memoryview_of(&ba).unwrap().unwrap();
        let m2 = vm.memoryview_of(&m).unwrap().unwrap();
        // One managed buffer, so one export and one extra reference on the bytearray.
        assert_eq!(bytearray::data(&ba).exports().get(), 1);
        assert_eq!(ba.refcnt(), 2);
        let d = data(&m2);
        assert_eq!(
            (d.shape(), d.strides(), d.count()),
            (&[6isize][..], &[1isize][..], 6)
        );
        d.with_mem_mut(|mem| mem[0] = b'z');
        assert_eq!(bytearray::data(&ba).as_slice(), b"zbcdef");
        data(&m).release_now();
        assert_eq!(bytearray::data(&ba).exports().get(), 1);
        drop(m2);
        assert_eq!(bytearray::data(&ba).exports().get(), 0);
        assert_eq!(ba.refcnt(), 1);
        drop(m);
    }

    #[test]
    fn pack_and_unpack_round_trip_native_formats() {
        let mut vm = Vm::new();
        for (f, v) in [
            (b'b', -5i64),
            (b'H', 65535),
            (b'i', -70000),
            (b'Q', 1 << 40),
        ] {
            let o = vm.new_int(v).unwrap();
            let b = pack(&mut vm, f, &o).unwrap();
            assert_eq!(b.len(), format_size(f).unwrap());
            assert_eq!(unpack(f, &b), Item::Int(v as i128));
        }
        let big = vm.new_int(256).unwrap();
        assert!(pack(&mut vm, b'B', &big).is_err());
        assert_eq!(parse_format("@d"), Some(b'd'));
        assert_eq!(parse_format("<d"), None);
    }
}
