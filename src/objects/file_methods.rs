//! File objects as Python sees them: `_io.TextIOWrapper` (text) and `_io.BufferedReader` /
//! `BufferedWriter` / `BufferedRandom` (binary) share one layout, `FileData`, and one method
//! table; `text` decides str-or-bytes behaviour. Messages follow CPython 3.11, including its
//! per-method wording for closed binary files.
//!
//! Invariants:
//! - Every object of these four types has layout `PyBox<FileData>`.
//! - A text file whose raw stream is standard output writes through `vm.stdout`, so the test
//!   harness's capture and print's buffering see one stream.

use std::cell::RefCell;
use std::io::SeekFrom;
use std::ptr::NonNull;

use crate::heap::{Obj, ObjHeader};
use crate::modules::io::unsupported;
use crate::objects::args::Args;
use crate::objects::file::{FileState, Raw};
use crate::objects::file_text::{
    encode, finish_read, read_chars_bytes, read_line_bytes, Encoding, Errors, Newline,
};
use crate::objects::pybox::{dealloc_box, new_box, payload, PyBox};
use crate::objects::typeobj::as_type;
use crate::objects::weakref::{clear_weakrefs, WeakList};
use crate::objects::{int, str as pystr};
use crate::vm::{PyErr, PyResult, Vm};

/// Text-mode settings.
pub struct TextConf {
    pub encoding: Encoding,
    /// `encoding` as the program gave it (or the locale's name), for `.encoding` and repr.
    pub encoding_name: String,
    pub errors: Errors,
    pub errors_name: String,
    pub newline: Newline,
}

pub struct FileData {
    pub state: RefCell<FileState>,
    /// `.name`: the path (str or bytes) the file was opened with, or `<stdout>` and the like.
    pub name: Obj,
    /// `.mode`: the mode string as `open()` got it (text) or as FileIO spells it (binary).
    pub mode: String,
    pub readable: bool,
    pub writable: bool,
    pub text: Option<TextConf>,
    /// A text file being iterated: `tell()` refuses until the iteration ends or a seek, as
    /// in CPython (whose text iteration reads ahead without keeping position snapshots).
    pub telling_off: std::cell::Cell<bool>,
    /// `.buffer` of the standard streams: the binary file under the text one.
    pub buffer: Option<Obj>,
    pub weaklist: WeakList,
}

/// Offset of `FileData::weaklist` in a file object (the types' `weaklistoffset`).
pub const FILE_WEAKLIST_OFFSET: usize =
    std::mem::offset_of!(PyBox<FileData>, data) + std::mem::offset_of!(FileData, weaklist);

/// Dealloc of file objects: weak references are cleared (callbacks queued) before the
/// payload is dropped (which flushes) and the block freed.
///
/// # Safety
/// Called only through the dealloc slot of a file type, on a dead `PyBox<FileData>`.
pub unsafe fn file_dealloc(p: NonNull<ObjHeader>) {
    // SAFETY: the object is dead and has layout `PyBox<FileData>`; `dealloc_box` gets the
    // same object under the same contract.
    unsafe {
        let d = &(*p.cast::<PyBox<FileData>>().as_ptr()).data;
        if !d.weaklist.is_empty() {
            clear_weakrefs(&d.weaklist);
        }
        dealloc_box::<FileData>(p);
    }
}

/// A new file object; tracked by the cycle collector as CPython's file objects are.
pub fn new_file(vm: &mut Vm, ty: &Obj, data: FileData) -> PyResult<Obj> {
    new_box(as_type(ty), data, true).map_err(|_| vm.memory_error())
}

/// The collector's view of a file object: its name and, for the standard streams, the
/// binary buffer.
fn file_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    // SAFETY: installed only on the four file types, whose layout is `PyBox<FileData>`.
    let f = unsafe { payload::<FileData>(o) };
    visit(&f.name);
    if let Some(b) = &f.buffer {
        visit(b);
    }
}

/// Whether `o` is a bytes object (checked against the type, so only `bytes::as_bytes` and
/// `Vm::new_bytes` of the bytes module are relied on).
pub fn is_bytes(vm: &Vm, o: &Obj) -> bool {
    o.ty().is_subtype(as_type(&vm.types.bytes))
}

/// Whether `o` is one of the four file types.
pub fn is_file(vm: &Vm, o: &Obj) -> bool {
    let Some(io) = &vm.io else { return false };
    [
        &io.text_io_wrapper,
        &io.buffered_reader,
        &io.buffered_writer,
        &io.buffered_random,
    ]
    .iter()
    .any(|t| o.ty().is_subtype(as_type(t)))
}

fn data<'a>(vm: &Vm, o: &'a Obj) -> &'a FileData {
    assert!(is_file(vm, o), "not a file object");
    // SAFETY: the four file types use the `PyBox<FileData>` layout (checked above).
    unsafe { payload::<FileData>(o) }
}

/// The file's data if `o` is a file object.
pub fn try_data<'a>(vm: &Vm, o: &'a Obj) -> Option<&'a FileData> {
    is_file(vm, o).then(|| data(vm, o))
}

fn io_err(vm: &mut Vm, e: std::io::Error) -> PyErr {
    // A Ctrl-C that stopped a wait for terminal input.
    if e.kind() == std::io::ErrorKind::Interrupted && crate::vm::interrupt::take() {
        return vm.keyboard_interrupt();
    }
    if e.kind() == std::io::ErrorKind::InvalidData {
        // A chunk that failed strict decoding (`FileState::check`).
        let t = vm.types.exc.unicode_decode_error.clone();
        return vm.new_error(&t, e.to_string());
    }
    vm.os_error(&e, None, None)
}

/// The closed-file error: text files say it one way, binary files name the operation.
fn closed_error(vm: &mut Vm, f: &FileData, op: &str) -> PyErr {
    let msg = match (f.text.is_some(), op) {
        (_, "fileno" | "readable" | "writable" | "seekable" | "isatty") => {
            "I/O operation on closed file".to_string()
        }
        (false, "tell") => "I/O operation on closed file".into(),
        (false, "flush") if !f.writable => "I/O operation on closed file.".into(),
        (true, _) | (false, "iter" | "enter") => "I/O operation on closed file.".into(),
        (false, "write") => "write to closed file".into(),
        (false, "readlines") => "readline of closed file".into(),
        (false, op) => format!("{op} of closed file"),
    };
    vm.value_error(msg)
}

fn check_open(vm: &mut Vm, f: &FileData, op: &str) -> PyResult<()> {
    if f.state.borrow().is_closed() {
        return Err(closed_error(vm, f, op));
    }
    Ok(())
}

fn check_readable(vm: &mut Vm, f: &FileData, op: &str) -> PyResult<()> {
    if f.text.is_some() {
        check_open(vm, f, op)?;
        if !f.readable {
            return Err(unsupported(vm, "not readable"));
        }
    } else {
        if !f.readable {
            return Err(unsupported(vm, "read"));
        }
        check_open(vm, f, op)?;
    }
    Ok(())
}

fn check_writable(vm: &mut Vm, f: &FileData) -> PyResult<()> {
    if f.text.is_some() {
        check_open(vm, f, "write")?;
        if !f.writable {
            return Err(unsupported(vm, "not writable"));
        }
    } else {
        if !f.writable {
            return Err(unsupported(vm, "write"));
        }
        check_open(vm, f, "write")?;
    }
    Ok(())
}

/// A size argument: None or a negative int mean "all".
fn size_arg(vm: &mut Vm, a: Option<&Obj>, none_ok: bool) -> PyResult<Option<usize>> {
    match a {
        None => Ok(None),
        Some(o) if o.is(&vm.none) && none_ok => Ok(None),
        Some(o) => {
            if int::as_int(o).is_none() && !o.is(&vm.none) {
                return Err(vm.type_error(format!(
                    "argument should be integer or None, not '{}'",
                    o.ty().name()
                )));
            }
            let n = vm.index_i64(o)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

/// Decodes read bytes into a str (text) or wraps them as bytes (binary).
fn result(vm: &mut Vm, f: &FileData, b: Vec<u8>) -> PyResult<Obj> {
    match &f.text {
        Some(t) => match finish_read(&b, t.newline, t.encoding, t.errors) {
            Ok(s) => vm.new_str(&s),
            Err(e) => {
                let ty = vm.types.exc.unicode_decode_error.clone();
                Err(vm.new_error(&ty, e.0))
            }
        },
        None => vm.new_bytes(&b),
    }
}

fn readline_bytes(vm: &mut Vm, f: &FileData, limit: Option<usize>) -> PyResult<Vec<u8>> {
    let mut st = f.state.borrow_mut();
    let r = match &f.text {
        Some(t) => read_line_bytes(&mut st, t.newline, t.encoding, limit),
        None => read_line_bytes(&mut st, Newline::Fixed("\n"), Encoding::Latin1, limit),
    };
    drop(st);
    r.map_err(|e| io_err(vm, e))
}

fn file_read(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "read", 0, 1)?;
    let f = data(vm, this);
    check_readable(vm, f, "read")?;
    let n = size_arg(vm, p.first(), true)?;
    let mut st = f.state.borrow_mut();
    let r = match (n, &f.text) {
        (None, _) => st.read_all(),
        (Some(n), Some(t)) => read_chars_bytes(&mut st, t.newline, t.encoding, n),
        (Some(n), None) => st.ensure(n).map(|_| {
            let k = n.min(st.available().len());
            st.consume(k)
        }),
    };
    drop(st);
    let b = r.map_err(|e| io_err(vm, e))?;
    result(vm, f, b)
}

fn file_readline(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "readline", 0, 1)?;
    let f = data(vm, this);
    check_readable(vm, f, "readline")?;
    let limit = size_arg(vm, p.first(), f.text.is_none())?;
    let b = readline_bytes(vm, f, limit)?;
    result(vm, f, b)
}

fn file_readlines(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "readlines", 0, 1)?;
    let f = data(vm, this);
    check_readable(vm, f, "readlines")?;
    let hint = size_arg(vm, p.first(), true)?.filter(|h| *h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let b = readline_bytes(vm, f, None)?;
        if b.is_empty() {
            break;
        }
        total += b.len();
        lines.push(result(vm, f, b)?);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    vm.new_list(lines)
}

/// Writes a str to a text file; returns the character count.
pub fn write_text(vm: &mut Vm, this: &Obj, s: &str) -> PyResult<usize> {
    print_text(vm, this, s)?;
    Ok(s.chars().count())
}

/// Writes a str to a text file (`print`'s path: no count needed).
pub fn print_text(vm: &mut Vm, this: &Obj, s: &str) -> PyResult<()> {
    let f = data(vm, this);
    check_writable(vm, f)?;
    let Some(t) = &f.text else {
        return Err(vm.type_error("a bytes-like object is required, not 'str'".into()));
    };
    let to_stdout = matches!(f.state.borrow().raw, Some(Raw::Stdout));
    if to_stdout && t.newline != Newline::Fixed("\r\n") && t.newline != Newline::Fixed("\r") {
        vm.stdout.write_str(s);
        return Ok(());
    }
    let out = t.newline.translate_out(s);
    if to_stdout {
        vm.stdout.write_str(&out);
        return Ok(());
    }
    let b = match encode(&out, t.encoding, t.errors) {
        Ok(b) => b,
        Err(e) => {
            let ty = vm.types.exc.unicode_encode_error.clone();
            return Err(vm.new_error(&ty, e.0));
        }
    };
    let r = f.state.borrow_mut().write(&b);
    r.map_err(|e| io_err(vm, e))
}

fn write_obj(vm: &mut Vm, this: &Obj, o: &Obj) -> PyResult<usize> {
    let f = data(vm, this);
    if f.text.is_some() {
        check_writable(vm, f)?;
        let Some(s) = pystr::try_as_str(o) else {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                o.ty().name()
            )));
        };
        let s = s.to_string();
        return write_text(vm, this, &s);
    }
    check_writable(vm, f)?;
    // Any buffer: bytes and bytearray are borrowed (no Python code runs during the write),
    // views and maps are copied out.
    let copied;
    let b = match crate::objects::buffer::bytes_like(o) {
        Some(b) => b,
        None => {
            copied = crate::objects::buffer::require(vm, o)?;
            &copied[..]
        }
    };
    if matches!(f.state.borrow().raw, Some(Raw::Stdout)) {
        vm.stdout.write_bytes(b);
        return Ok(b.len());
    }
    let r = f.state.borrow_mut().write(b);
    r.map_err(|e| io_err(vm, e))?;
    Ok(b.len())
}

fn file_write(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "write", 1, 1)?;
    let n = write_obj(vm, this, &p[0])?;
    vm.new_usize(n)
}

fn file_writelines(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "writelines", 1, 1)?;
    let f = data(vm, this);
    if f.text.is_some() {
        check_open(vm, f, "write")?;
    }
    let it = vm.get_iter(&p[0])?;
    while let Some(line) = vm.next(&it)? {
        write_obj(vm, this, &line)?;
    }
    Ok(vm.none.clone())
}

fn file_flush(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "flush", 0, 0)?;
    let f = data(vm, this);
    check_open(vm, f, "flush")?;
    flush_file(vm, f)?;
    Ok(vm.none.clone())
}

fn flush_file(vm: &mut Vm, f: &FileData) -> PyResult<()> {
    if matches!(f.state.borrow().raw, Some(Raw::Stdout)) {
        vm.stdout.flush();
        return Ok(());
    }
    let r = f.state.borrow_mut().flush();
    r.map_err(|e| io_err(vm, e))
}

/// Flushes `f` if it is a file object (`print(..., flush=True)`).
pub fn flush_if_file(vm: &mut Vm, this: &Obj) -> PyResult<()> {
    let f = data(vm, this);
    check_open(vm, f, "flush")?;
    flush_file(vm, f)
}

fn file_close(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "close", 0, 0)?;
    let f = data(vm, this);
    if matches!(f.state.borrow().raw, Some(Raw::Stdout)) {
        vm.stdout.flush();
    }
    let r = f.state.borrow_mut().close();
    r.map_err(|e| io_err(vm, e))?;
    Ok(vm.none.clone())
}

fn file_seek(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "seek", 1, 2)?;
    let f = data(vm, this);
    check_open(vm, f, "seek")?;
    let off = vm.index_i64(&p[0])?;
    let whence = match p.get(1) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    let to = match whence {
        0 if off < 0 && f.text.is_some() => {
            return Err(vm.value_error(format!("negative seek position {off}")));
        }
        0 if off < 0 => return Err(io_err(vm, std::io::Error::from_raw_os_error(22))),
        0 => SeekFrom::Start(off as u64),
        1 if f.text.is_some() && off != 0 => {
            return Err(unsupported(vm, "can't do nonzero cur-relative seeks"))
        }
        2 if f.text.is_some() && off != 0 => {
            return Err(unsupported(vm, "can't do nonzero end-relative seeks"))
        }
        1 => {
            let r = f.state.borrow_mut().tell();
            let cur = r.map_err(|e| io_err(vm, e))? as i64;
            SeekFrom::Start(cur.saturating_add(off).max(0) as u64)
        }
        2 => SeekFrom::End(off),
        _ => {
            let msg = if f.text.is_some() {
                format!("invalid whence ({whence}, should be 0, 1 or 2)")
            } else {
                format!("whence value {whence} unsupported")
            };
            return Err(vm.value_error(msg));
        }
    };
    let r = f.state.borrow_mut().seek(to);
    let pos = r.map_err(|e| io_err(vm, e))?;
    f.telling_off.set(false);
    vm.new_int(pos as i64)
}

fn file_tell(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "tell", 0, 0)?;
    let f = data(vm, this);
    check_open(vm, f, "tell")?;
    if f.telling_off.get() {
        let t = vm.types.exc.os_error.clone();
        return Err(vm.new_error(&t, "telling position disabled by next() call".into()));
    }
    let r = f.state.borrow_mut().tell();
    let pos = r.map_err(|e| io_err(vm, e))?;
    vm.new_int(pos as i64)
}

fn file_truncate(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "truncate", 0, 1)?;
    let f = data(vm, this);
    check_open(vm, f, "truncate")?;
    if !f.writable {
        return Err(unsupported(vm, "truncate"));
    }
    let size = match p.first() {
        Some(o) if !o.is(&vm.none) => {
            let n = vm.index_i64(o)?;
            if n < 0 {
                return Err(io_err(vm, std::io::Error::from_raw_os_error(22)));
            }
            Some(n as u64)
        }
        _ => None,
    };
    let r = f.state.borrow_mut().truncate(size);
    let n = r.map_err(|e| io_err(vm, e))?;
    vm.new_int(n as i64)
}

fn file_fileno(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "fileno", 0, 0)?;
    let f = data(vm, this);
    check_open(vm, f, "fileno")?;
    let fd = f.state.borrow().fileno();
    vm.new_int(fd as i64)
}

fn file_isatty(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "isatty", 0, 0)?;
    let f = data(vm, this);
    check_open(vm, f, "isatty")?;
    use std::io::IsTerminal;
    let tty = match &f.state.borrow().raw {
        Some(Raw::File(file)) => file.is_terminal(),
        Some(Raw::Stdin) => std::io::stdin().is_terminal(),
        Some(Raw::Stdout) => std::io::stdout().is_terminal(),
        Some(Raw::Stderr) => std::io::stderr().is_terminal(),
        None => false,
    };
    Ok(vm.new_bool(tty))
}

fn file_predicate(vm: &mut Vm, this: &Obj, a: Args, which: &str) -> PyResult<Obj> {
    a.exact(vm, which, 0, 0)?;
    let f = data(vm, this);
    check_open(vm, f, which)?;
    let r = match which {
        "readable" => f.readable,
        "writable" => f.writable,
        _ => f.state.borrow_mut().seekable(),
    };
    Ok(vm.new_bool(r))
}

fn file_enter(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    a.exact(vm, "__enter__", 0, 0)?;
    let f = data(vm, this);
    check_open(vm, f, "enter")?;
    Ok(this.clone())
}

fn file_exit(vm: &mut Vm, this: &Obj, _a: Args) -> PyResult<Obj> {
    file_close(vm, this, Args::new(&[]))
}

fn file_iter(vm: &mut Vm, this: &Obj) -> PyResult<Obj> {
    let f = data(vm, this);
    check_open(vm, f, "iter")?;
    Ok(this.clone())
}

/// `next(f)`: one line, read lazily.
fn file_next(vm: &mut Vm, this: &Obj) -> PyResult<Option<Obj>> {
    let f = data(vm, this);
    check_readable(vm, f, "readline")?;
    let b = readline_bytes(vm, f, None)?;
    if b.is_empty() {
        f.telling_off.set(false);
        return Ok(None);
    }
    if f.text.is_some() {
        f.telling_off.set(true);
    }
    result(vm, f, b).map(Some)
}

fn file_repr(vm: &mut Vm, this: &Obj) -> PyResult<Obj> {
    let f = data(vm, this);
    let name = vm.repr_string(&f.name)?;
    let tn = this.ty().name().to_string();
    let s = match &f.text {
        Some(t) => format!(
            "<{tn} name={name} mode='{}' encoding='{}'>",
            f.mode, t.encoding_name
        ),
        None => format!("<{tn} name={name}>"),
    };
    vm.new_str(&s)
}

fn file_getattro(vm: &mut Vm, this: &Obj, name: &Obj) -> PyResult<Obj> {
    let f = data(vm, this);
    match (pystr::as_str(name), &f.text) {
        ("closed", _) => Ok(vm.new_bool(f.state.borrow().is_closed())),
        ("name", _) => Ok(f.name.clone()),
        ("mode", _) => {
            let m = f.mode.clone();
            vm.new_str(&m)
        }
        ("encoding", Some(t)) => {
            let e = t.encoding_name.clone();
            vm.new_str(&e)
        }
        ("errors", Some(t)) => {
            let e = t.errors_name.clone();
            vm.new_str(&e)
        }
        ("line_buffering", Some(_)) => Ok(vm.false_obj.clone()),
        ("buffer", Some(_)) if f.buffer.is_some() => Ok(f.buffer.clone().expect("checked")),
        _ => vm.generic_getattr(this, name),
    }
}

/// Installs slots and methods on the four file types.
pub fn install(vm: &mut Vm, types: &[Obj]) {
    type M = crate::objects::typeobj::MethodFn;
    let methods: &[(&'static str, M)] = &[
        ("read", file_read),
        ("readline", file_readline),
        ("readlines", file_readlines),
        ("write", file_write),
        ("writelines", file_writelines),
        ("flush", file_flush),
        ("close", file_close),
        ("seek", file_seek),
        ("tell", file_tell),
        ("truncate", file_truncate),
        ("fileno", file_fileno),
        ("isatty", file_isatty),
        ("readable", |vm, o, a| file_predicate(vm, o, a, "readable")),
        ("writable", |vm, o, a| file_predicate(vm, o, a, "writable")),
        ("seekable", |vm, o, a| file_predicate(vm, o, a, "seekable")),
        ("__enter__", file_enter),
        ("__exit__", file_exit),
    ];
    for t in types {
        let ty = as_type(t);
        ty.slots.repr.set(Some(file_repr));
        ty.slots.getattro.set(Some(file_getattro));
        ty.slots.iter.set(Some(file_iter));
        ty.slots.iternext.set(Some(file_next));
        ty.slots.traverse.set(Some(file_traverse));
        for (name, f) in methods {
            crate::vm::types::add_method(vm, t, name, *f);
        }
    }
}
