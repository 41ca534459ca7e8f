//! The `OSError` family's construction and str, as CPython 3.11 does them:
//! `OSError(errno, strerror[, filename[, winerror[, filename2]]])` sets `.errno`, `.strerror`,
//! `.filename`, `.filename2`, keeps only `(errno, strerror)` in `.args`, renders as
//! `[Errno 2] No such file or directory: 'x'`, and `OSError(2, ...)` builds the errno's
//! subclass (FileNotFoundError). Also turns a Rust `std::io::Error` into that exception.
//!
//! Invariant: the four attributes live in the exception's instance dict (set at construction
//! for 2..=5 arguments); a missing one reads as None.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::exc_type::{exc_getattro, exception_new};
use crate::objects::exception::exc_data;
use crate::objects::typeobj::{as_type, TypeObject};
use crate::objects::{dict, int, str as pystr, tuple};
use crate::vm::types::all_types;
use crate::vm::{PyErr, PyResult, Vm};

const ATTRS: [&str; 4] = ["errno", "strerror", "filename", "filename2"];

/// Installs the constructor, str and attribute slots on OSError and every built-in subclass,
/// and `OSError.__init__` (which parses the arguments when a subclass's own `__init__` calls
/// it through `super()`).
pub fn install(vm: &mut Vm) {
    let os_error = vm.types.exc.os_error.clone();
    crate::vm::types::add_method(vm, &os_error, "__init__", |vm, this, a| {
        let t = vm.new_tuple(a.pos().to_vec())?;
        exc_data(this).args.set(Some(t));
        fill_attrs(vm, this, a.pos())?;
        Ok(vm.none.clone())
    });
    let base = as_type(&vm.types.exc.os_error) as *const TypeObject;
    for t in all_types(vm) {
        let ty = as_type(&t);
        if ty.is_subtype(base) {
            ty.slots.new.set(Some(os_error_new));
            ty.slots.str.set(Some(os_error_str));
            ty.slots.getattro.set(Some(os_error_getattro));
        }
    }
}

/// The subclass CPython picks for an errno when `OSError` itself is called (Linux values).
fn subclass_name(errno: i64) -> Option<&'static str> {
    Some(match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        4 => "InterruptedError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    })
}

fn subclass_for(vm: &Vm, errno: i64) -> Option<Obj> {
    let name = subclass_name(errno)?;
    all_types(vm)
        .into_iter()
        .find(|t| as_type(t).name() == name)
}

fn os_error_new(vm: &mut Vm, cls: &Obj, args: Args) -> PyResult<Obj> {
    let pos = args.pos();
    if args.n_kw() > 0 || !(2..=5).contains(&pos.len()) {
        return exception_new(vm, cls, args);
    }
    let mut cls = cls.clone();
    if cls.is(&vm.types.exc.os_error) {
        if let Some(e) = match int::as_int(&pos[0]) {
            Some(int::IntValue::Small(v)) => Some(*v),
            _ => None,
        } {
            if let Some(sub) = subclass_for(vm, e) {
                cls = sub;
            }
        }
    }
    let exc = vm.new_exception(&cls, pos.to_vec())?;
    fill_attrs(vm, &exc, pos)?;
    Ok(exc)
}

/// Sets errno/strerror/filename/filename2 on a new OSError-family instance built from
/// `args` (2 to 5 of them; otherwise nothing), keeping only `(errno, strerror)` as `.args`
/// when a file name is given. Does nothing for other exceptions.
pub fn fill_attrs(vm: &mut Vm, exc: &Obj, pos: &[Obj]) -> PyResult<()> {
    if !(2..=5).contains(&pos.len())
        || !exc
            .ty()
            .is_subtype(as_type(&vm.types.exc.os_error) as *const TypeObject)
    {
        return Ok(());
    }
    parse_into(vm, exc, pos)
}

/// Construction of an OSError subclass defined in Python: as in CPython, when the class has
/// its own `__init__` the arguments are left to it (`.args` starts empty); otherwise they are
/// parsed here.
pub fn init_heap_instance(vm: &mut Vm, exc: &Obj, pos: &[Obj]) -> PyResult<()> {
    if !exc
        .ty()
        .is_subtype(as_type(&vm.types.exc.os_error) as *const TypeObject)
    {
        return Ok(());
    }
    let init = vm.intern("__init__");
    if crate::objects::class_slots::lookup_python_attr(vm, exc.ty(), &init).is_some() {
        let empty = vm.empty_tuple.clone();
        exc_data(exc).args.set(Some(empty));
        return Ok(());
    }
    parse_into(vm, exc, pos)
}

/// `fill_attrs` for an instance known to be in the OSError family.
fn parse_into(vm: &mut Vm, exc: &Obj, pos: &[Obj]) -> PyResult<()> {
    if !(2..=5).contains(&pos.len()) {
        return Ok(());
    }
    let filename = pos.get(2).cloned();
    let filename2 = if pos.len() == 5 {
        pos.get(4).cloned()
    } else {
        None
    };
    if filename.is_some() {
        let kept = vm.new_tuple(pos[..2].to_vec())?;
        exc_data(exc).args.set(Some(kept));
    }
    let vals = [
        Some(pos[0].clone()),
        Some(pos[1].clone()),
        filename,
        filename2,
    ];
    for (name, v) in ATTRS.iter().zip(vals) {
        if let Some(v) = v {
            let k = vm.intern(name);
            vm.setattr(exc, &k, Some(v))?;
        }
    }
    Ok(())
}

fn attr(vm: &mut Vm, e: &Obj, name: &str) -> Option<Obj> {
    let d = exc_data(e).dict.get()?;
    let k = vm.intern(name);
    dict::data(&d).get_str(&k).filter(|v| !v.is(&vm.none))
}

fn os_error_str(vm: &mut Vm, e: &Obj) -> PyResult<Obj> {
    let errno = attr(vm, e, "errno");
    let strerror = attr(vm, e, "strerror");
    let filename = attr(vm, e, "filename");
    let filename2 = attr(vm, e, "filename2");
    let text = |vm: &mut Vm, o: &Option<Obj>| -> PyResult<String> {
        match o {
            Some(o) => vm.str_string(o),
            None => Ok("None".to_string()),
        }
    };
    if let Some(f) = &filename {
        let (en, se) = (text(vm, &errno)?, text(vm, &strerror)?);
        let f = vm.repr_string(f)?;
        let s = match &filename2 {
            Some(f2) => {
                let f2 = vm.repr_string(f2)?;
                format!("[Errno {en}] {se}: {f} -> {f2}")
            }
            None => format!("[Errno {en}] {se}: {f}"),
        };
        return vm.new_str(&s);
    }
    if errno.is_some() && strerror.is_some() {
        let (en, se) = (text(vm, &errno)?, text(vm, &strerror)?);
        return vm.new_str(&format!("[Errno {en}] {se}"));
    }
    let args = vm.exc_args(e);
    let items = tuple::items(&args).to_vec();
    match items.len() {
        0 => Ok(vm.empty_str.clone()),
        1 => vm.str(&items[0]),
        _ => vm.repr(&args),
    }
}

/// Attribute lookup for instances of exception classes defined in Python: the OSError
/// family answers its four attributes.
pub fn exc_family_getattro(vm: &mut Vm, e: &Obj, name: &Obj) -> PyResult<Obj> {
    if e.ty()
        .is_subtype(as_type(&vm.types.exc.os_error) as *const TypeObject)
    {
        os_error_getattro(vm, e, name)
    } else {
        exc_getattro(vm, e, name)
    }
}

fn os_error_getattro(vm: &mut Vm, e: &Obj, name: &Obj) -> PyResult<Obj> {
    let n = pystr::as_str(name);
    if ATTRS.contains(&n) {
        if let Some(d) = exc_data(e).dict.get() {
            if let Some(v) = dict::data(&d).get_str(name) {
                return Ok(v);
            }
        }
        return Ok(vm.none.clone());
    }
    exc_getattro(vm, e, name)
}

/// The C library's message for an error, without Rust's " (os error N)" suffix.
pub fn strerror(err: &std::io::Error) -> String {
    let s = err.to_string();
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

impl Vm {
    /// The OSError subclass for a failed system call, carrying errno, strerror and the
    /// file name(s) involved, as CPython raises it.
    pub fn os_error(
        &mut self,
        err: &std::io::Error,
        filename: Option<Obj>,
        filename2: Option<Obj>,
    ) -> PyErr {
        let build = |vm: &mut Vm| -> PyResult<Obj> {
            let Some(errno) = err.raw_os_error() else {
                let t = vm.types.exc.os_error.clone();
                let m = vm.new_str(&err.to_string())?;
                return vm.new_exception(&t, vec![m]);
            };
            let mut args = vec![vm.new_int(errno as i64)?, vm.new_str(&strerror(err))?];
            if let Some(f) = filename {
                args.push(f);
                if let Some(f2) = filename2 {
                    args.push(vm.none.clone());
                    args.push(f2);
                }
            }
            let t = vm.types.exc.os_error.clone();
            os_error_new(vm, &t, Args::new(&args))
        };
        match build(self) {
            Ok(exc) => PyErr { exc },
            Err(e) => e,
        }
    }

    /// `os_error` with a file name given as text.
    pub fn os_error_path(&mut self, err: &std::io::Error, path: &str) -> PyErr {
        match self.new_str(path) {
            Ok(p) => self.os_error(err, Some(p), None),
            Err(e) => e,
        }
    }
}
