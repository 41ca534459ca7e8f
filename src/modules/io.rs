//! The `io` module and the built-in `open()`: creates the file types (`_io.TextIOWrapper`,
//! `_io.BufferedReader/Writer/Random`, `_io.StringIO`, `_io.BytesIO`) and
//! `io.UnsupportedOperation`, parses `open()`'s mode with CPython's checks and messages, and
//! builds `sys.stdin`/`stdout`/`stderr`.
//!
//! Invariant: `vm.io` is set once at startup (before any program runs) and holds one
//! reference to each type for the interpreter's lifetime.

use std::cell::RefCell;

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::exception::{ExceptionData, EXC_DICT_OFFSET};
use crate::objects::file::{FileState, Raw};
use crate::objects::file_methods::{new_file, FileData, TextConf};
use crate::objects::file_text::{Encoding, Errors, Newline};
use crate::objects::module::module_dict;
use crate::objects::pybox::{dealloc_box, PyBox};
use crate::objects::stringio::{bytes_io_new, string_io_new, MemFile};
use crate::objects::typeobj::{as_type, flags, DeallocFn};
use crate::objects::{bytes, str as pystr};
use crate::vm::types::alloc_type_full;
use crate::vm::{PyErr, PyResult, Vm};

pub struct IoTypes {
    pub text_io_wrapper: Obj,
    pub buffered_reader: Obj,
    pub buffered_writer: Obj,
    pub buffered_random: Obj,
    pub string_io: Obj,
    pub bytes_io: Obj,
    pub unsupported_operation: Obj,
}

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let t = vm
        .io
        .as_ref()
        .expect("io types exist")
        .unsupported_operation
        .clone();
    vm.new_error(&t, msg.to_string())
}

/// A built-in (static) type created after bootstrap: namespace, bases and MRO filled in.
fn make_type(
    vm: &mut Vm,
    name: &str,
    size: usize,
    fl: u32,
    dealloc: DeallocFn,
    dictoffset: usize,
    bases: &[&Obj],
) -> Obj {
    let qualname = name.rsplit('.').next().unwrap_or(name);
    let base = bases.first().copied().unwrap_or(&vm.types.object).clone();
    let inherited = as_type(&base).flags & flags::INHERITED;
    let meta = vm.types.type_.clone();
    let t = alloc_type_full(
        Some(as_type(&meta)),
        name,
        qualname,
        size,
        fl | inherited,
        dealloc,
        dictoffset,
    )
    .expect("out of memory at startup");
    let ty = as_type(&t);
    ty.base.set(Some(base.clone()));
    let d = vm.new_dict().expect("startup");
    ty.dict.set(Some(d));
    // The MRO by C3 linearisation of the bases' MROs (the bases list itself last).
    let bases_list: Vec<Obj> = if bases.is_empty() {
        vec![base.clone()]
    } else {
        bases.iter().map(|b| (*b).clone()).collect()
    };
    let mut seqs: Vec<Vec<Obj>> = bases_list
        .iter()
        .map(|b| {
            let bm = as_type(b).mro.get().expect("bases have an MRO");
            crate::objects::tuple::items(&bm).to_vec()
        })
        .collect();
    seqs.push(bases_list);
    let mut mro = vec![t.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        let Some(head) = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|h| !seqs.iter().any(|s| s[1..].iter().any(|x| x.is(h))))
        else {
            break;
        };
        for s in seqs.iter_mut() {
            if s[0].is(&head) {
                s.remove(0);
            }
        }
        mro.push(head);
    }
    let bases_t = vm
        .new_tuple(if bases.is_empty() {
            vec![base]
        } else {
            bases.iter().map(|b| (*b).clone()).collect()
        })
        .expect("startup");
    ty.bases.set(Some(bases_t));
    let m = vm.new_tuple(mro).expect("startup");
    ty.mro.set(Some(m));
    t
}

/// Creates the io types and stores them in `vm.io`.
pub fn create_types(vm: &mut Vm) {
    let fsize = std::mem::size_of::<PyBox<FileData>>();
    let fdealloc: DeallocFn = dealloc_box::<FileData>;
    let file_types: Vec<Obj> = [
        "_io.TextIOWrapper",
        "_io.BufferedReader",
        "_io.BufferedWriter",
        "_io.BufferedRandom",
    ]
    .iter()
    .map(|n| make_type(vm, n, fsize, 0, fdealloc, 0, &[]))
    .collect();
    let string_io = make_type(
        vm,
        "_io.StringIO",
        std::mem::size_of::<PyBox<MemFile<char>>>(),
        0,
        dealloc_box::<MemFile<char>>,
        0,
        &[],
    );
    let bytes_io = make_type(
        vm,
        "_io.BytesIO",
        std::mem::size_of::<PyBox<MemFile<u8>>>(),
        0,
        dealloc_box::<MemFile<u8>>,
        0,
        &[],
    );
    let (os_error, value_error) = (
        vm.types.exc.os_error.clone(),
        vm.types.exc.value_error.clone(),
    );
    let unsupported_operation = make_type(
        vm,
        "io.UnsupportedOperation",
        std::mem::size_of::<PyBox<ExceptionData>>(),
        flags::HAVE_GC,
        dealloc_box::<ExceptionData>,
        EXC_DICT_OFFSET,
        &[&os_error, &value_error],
    );
    // Exceptions share OSError's slots (construction, str, attributes).
    let (src, dst) = (as_type(&os_error), as_type(&unsupported_operation));
    let s = &src.slots;
    let d = &dst.slots;
    d.new.set(s.new.get());
    d.repr.set(s.repr.get());
    d.str.set(s.str.get());
    d.getattro.set(s.getattro.get());
    d.setattro.set(s.setattro.get());
    d.hash.set(s.hash.get());
    d.traverse.set(s.traverse.get());
    d.clear.set(s.clear.get());

    crate::objects::file_methods::install(vm, &file_types);
    as_type(&string_io).slots.new.set(Some(string_io_new));
    as_type(&bytes_io).slots.new.set(Some(bytes_io_new));
    crate::objects::stringio::install::<char>(vm, &string_io);
    crate::objects::stringio::install::<u8>(vm, &bytes_io);
    let mut it = file_types.into_iter();
    let mut next = || it.next().expect("four file types");
    vm.io = Some(IoTypes {
        text_io_wrapper: next(),
        buffered_reader: next(),
        buffered_writer: next(),
        buffered_random: next(),
        string_io,
        bytes_io,
        unsupported_operation,
    });
}

/// The `io` module.
pub fn create(vm: &mut Vm) -> Obj {
    let m = vm.new_module("io").expect("startup");
    let d = module_dict(&m).clone();
    let open = vm.new_builtin("open", builtin_open).expect("startup");
    vm.dict_set_str(&d, "open", open).expect("startup");
    let io = vm.io.as_ref().expect("io types exist");
    let entries = [
        ("TextIOWrapper", io.text_io_wrapper.clone()),
        ("BufferedReader", io.buffered_reader.clone()),
        ("BufferedWriter", io.buffered_writer.clone()),
        ("BufferedRandom", io.buffered_random.clone()),
        ("StringIO", io.string_io.clone()),
        ("BytesIO", io.bytes_io.clone()),
        ("UnsupportedOperation", io.unsupported_operation.clone()),
    ];
    for (name, v) in entries {
        vm.dict_set_str(&d, name, v).expect("startup");
    }
    for (name, v) in [
        ("SEEK_SET", 0),
        ("SEEK_CUR", 1),
        ("SEEK_END", 2),
        ("DEFAULT_BUFFER_SIZE", 8192),
    ] {
        let v = vm.new_int(v).expect("startup");
        vm.dict_set_str(&d, name, v).expect("startup");
    }
    m
}

/// Parsed `open()` mode letters.
struct Mode {
    read: bool,
    write: bool,
    append: bool,
    create: bool,
    plus: bool,
    binary: bool,
}

fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<Mode> {
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxabt+".contains(c) || seen.contains(c) {
            return Err(vm.value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
    }
    let has = |c| seen.contains(c);
    let m = Mode {
        read: has('r'),
        write: has('w'),
        append: has('a'),
        create: has('x'),
        plus: has('+'),
        binary: has('b'),
    };
    if has('t') && m.binary {
        return Err(vm.value_error("can't have text and binary mode at once".into()));
    }
    let n = [m.read, m.write, m.append, m.create]
        .iter()
        .filter(|b| **b)
        .count();
    if n > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode".into()));
    }
    Ok(m)
}

fn opt_str<'a>(vm: &mut Vm, o: Option<&'a Obj>, what: &str) -> PyResult<Option<&'a str>> {
    match o {
        None => Ok(None),
        Some(o) if o.is(&vm.none) => Ok(None),
        Some(o) => match pystr::try_as_str(o) {
            Some(s) => Ok(Some(s)),
            None => Err(vm.type_error(format!(
                "open() argument '{what}' must be str or None, not {}",
                o.ty().name()
            ))),
        },
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
/// opener=None)`.
pub fn builtin_open(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let names = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ];
    for (k, _) in a.kwargs() {
        if !names.contains(&k) {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for open()")));
        }
    }
    if a.pos().is_empty() && !a.kwargs().any(|(k, _)| k == "file") {
        return Err(vm.type_error("open() missing required argument 'file' (pos 1)".into()));
    }
    let [file, mode, buffering, encoding, errors, newline, _closefd, _opener] =
        a.bind(vm, "open", names, 0, 1)?;
    let file = file.expect("required").clone();
    let path = if let Some(s) = pystr::try_as_str(&file) {
        s.to_string()
    } else if bytes::is_bytes(&file) {
        String::from_utf8_lossy(bytes::as_bytes(&file)).into_owned()
    } else {
        return Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            file.ty().name()
        )));
    };
    if path.contains('\0') {
        return Err(vm.value_error("embedded null byte".into()));
    }
    let mode_s = match mode {
        None => "r".to_string(),
        Some(m) => match pystr::try_as_str(m) {
            Some(s) => s.to_string(),
            None => {
                return Err(vm.type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    m.ty().name()
                )))
            }
        },
    };
    let buffering = match buffering {
        Some(b) => vm.index_i64(b)?,
        None => -1,
    };
    let encoding = opt_str(vm, encoding, "encoding")?;
    let errors = opt_str(vm, errors, "errors")?;
    let newline = opt_str(vm, newline, "newline")?;
    let m = parse_mode(vm, &mode_s)?;
    if m.binary {
        for (given, what) in [
            (encoding.is_some(), "an encoding"),
            (errors.is_some(), "an errors"),
            (newline.is_some(), "a newline"),
        ] {
            if given {
                return Err(vm.value_error(format!("binary mode doesn't take {what} argument")));
            }
        }
    }
    if !(m.read || m.write || m.append || m.create) {
        return Err(vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus".into(),
        ));
    }
    let readable = m.read || m.plus;
    let writable = !m.read || m.plus;
    let mut opts = std::fs::OpenOptions::new();
    opts.read(readable);
    if m.append {
        opts.append(true).create(true);
    } else if m.write {
        opts.write(true).create(true).truncate(true);
    } else if m.create {
        opts.write(true).create_new(true);
    } else {
        opts.write(writable);
    }
    let f = opts
        .open(&path)
        .map_err(|e| vm.os_error(&e, Some(file.clone()), None))?;
    match f.metadata() {
        Ok(md) if md.is_dir() => {
            let e = std::io::Error::from_raw_os_error(21);
            return Err(vm.os_error(&e, Some(file.clone()), None));
        }
        _ => {}
    }
    let mut state = FileState::new(Raw::File(f));
    if m.append {
        use std::io::SeekFrom;
        state
            .seek(SeekFrom::End(0))
            .map_err(|e| vm.os_error(&e, None, None))?;
    }
    let io = vm.io.as_ref().expect("io types exist");
    if m.binary {
        let (ty, fmode) = if m.create {
            (&io.buffered_writer, if m.plus { "xb+" } else { "xb" })
        } else if m.append {
            (&io.buffered_writer, if m.plus { "ab+" } else { "ab" })
        } else if m.plus {
            (&io.buffered_random, "rb+")
        } else if m.read {
            (&io.buffered_reader, "rb")
        } else {
            (&io.buffered_writer, "wb")
        };
        let ty = if readable && writable {
            io.buffered_random.clone()
        } else {
            ty.clone()
        };
        let data = FileData {
            state: RefCell::new(state),
            name: file,
            mode: fmode.to_string(),
            readable,
            writable,
            text: None,
            telling_off: Default::default(),
            buffer: None,
        };
        return new_file(vm, &ty, data);
    }
    let ty = io.text_io_wrapper.clone();
    let Some(nl) = Newline::parse(newline) else {
        return Err(vm.value_error(format!(
            "illegal newline value: {}",
            newline.unwrap_or_default()
        )));
    };
    let (enc, encoding_name) = match encoding {
        None => (Encoding::Utf8, "UTF-8".to_string()),
        Some(name) => match Encoding::lookup(name) {
            Some(e) => (e, name.to_string()),
            None => {
                let t = vm.types.exc.lookup_error.clone();
                return Err(vm.new_error(&t, format!("unknown encoding: {name}")));
            }
        },
    };
    let errors_name = errors.unwrap_or("strict").to_string();
    let Some(errs) = Errors::lookup(&errors_name) else {
        let t = vm.types.exc.lookup_error.clone();
        return Err(vm.new_error(&t, format!("unknown error handler name '{errors_name}'")));
    };
    if buffering == 0 {
        return Err(vm.value_error("can't have unbuffered text I/O".into()));
    }
    let check: Option<crate::objects::file::ChunkCheck> = match (enc, errs) {
        (Encoding::Utf8, Errors::Strict) => Some(crate::objects::file_text::check_utf8),
        (Encoding::Ascii, Errors::Strict) => Some(crate::objects::file_text::check_ascii),
        _ => None,
    };
    state.set_text(true, check);
    let data = FileData {
        state: RefCell::new(state),
        name: file,
        mode: mode_s,
        readable,
        writable,
        text: Some(TextConf {
            encoding: enc,
            encoding_name,
            errors: errs,
            errors_name,
            newline: nl,
        }),
        telling_off: Default::default(),
        buffer: None,
    };
    new_file(vm, &ty, data)
}

/// `sys.stdin`, `sys.stdout`, `sys.stderr` (and their `__std*__` twins) as text files.
pub fn install_stdio(vm: &mut Vm, sys_dict: &Obj) {
    let enc = std::env::var("PYTHONIOENCODING")
        .ok()
        .and_then(|v| v.split(':').next().map(str::to_string))
        .filter(|e| Encoding::lookup(e).is_some())
        .unwrap_or_else(|| "utf-8".to_string());
    let streams = [
        ("stdin", Raw::Stdin, "<stdin>", "r", "strict"),
        ("stdout", Raw::Stdout, "<stdout>", "w", "strict"),
        ("stderr", Raw::Stderr, "<stderr>", "w", "backslashreplace"),
    ];
    let io = vm.io.as_ref().expect("io types exist");
    let ty = io.text_io_wrapper.clone();
    let (reader, writer) = (io.buffered_reader.clone(), io.buffered_writer.clone());
    for (attr, raw, name, mode, errors) in streams {
        let binary_raw = match raw {
            Raw::Stdin => Raw::Stdin,
            Raw::Stdout => Raw::Stdout,
            _ => Raw::Stderr,
        };
        let readable = mode == "r";
        let buffer = FileData {
            state: RefCell::new(FileState::new(binary_raw)),
            name: vm.new_str(name).expect("startup"),
            mode: format!("{mode}b"),
            readable,
            writable: !readable,
            text: None,
            telling_off: Default::default(),
            buffer: None,
        };
        let bty = if readable { &reader } else { &writer };
        let buffer = new_file(vm, bty, buffer).expect("startup");
        let mut state = FileState::new(raw);
        state.set_text(true, None);
        let data = FileData {
            state: RefCell::new(state),
            name: vm.new_str(name).expect("startup"),
            mode: mode.to_string(),
            readable,
            writable: !readable,
            text: Some(TextConf {
                encoding: Encoding::lookup(&enc).unwrap_or(Encoding::Utf8),
                encoding_name: enc.clone(),
                errors: Errors::lookup(errors).unwrap_or(Errors::Replace),
                errors_name: errors.to_string(),
                newline: Newline::Universal,
            }),
            telling_off: Default::default(),
            buffer: Some(buffer),
        };
        let f = new_file(vm, &ty, data).expect("startup");
        vm.dict_set_str(sys_dict, attr, f.clone()).expect("startup");
        let twin: &'static str = match attr {
            "stdin" => "__stdin__",
            "stdout" => "__stdout__",
            _ => "__stderr__",
        };
        vm.dict_set_str(sys_dict, twin, f).expect("startup");
    }
}

/// `print`'s output stage: `file` (None or absent: `sys.stdout`, looked up at call time)
/// receives each argument's str, the separators and the end, one `write` call each as in
/// CPython; Pyrena's own text files take them without a Python-level call.
pub fn print_to(
    vm: &mut Vm,
    file: Option<&Obj>,
    items: &[Obj],
    sep: &str,
    end: &str,
    flush: bool,
) -> PyResult<()> {
    let file = match file.filter(|f| !f.is(&vm.none)) {
        Some(f) => f.clone(),
        None => {
            let key = vm.intern("stdout");
            let d = module_dict(&vm.sys_module).clone();
            match crate::objects::dict::data(&d).get_str(&key) {
                Some(f) if f.is(&vm.none) => return Ok(()),
                Some(f) => f,
                None => return Err(vm.runtime_error("lost sys.stdout".into())),
            }
        }
    };
    if crate::objects::file_methods::is_file(vm, &file) {
        // One write of the whole line; on a failing str() the pieces before it still go out,
        // as they would through CPython's buffer.
        let mut line = String::new();
        let mut failed = None;
        for (i, a) in items.iter().enumerate() {
            if i > 0 {
                line.push_str(sep);
            }
            match vm.str(a) {
                Ok(s) => line.push_str(pystr::as_str(&s)),
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        if failed.is_none() {
            line.push_str(end);
        }
        crate::objects::file_methods::print_text(vm, &file, &line)?;
        if let Some(e) = failed {
            return Err(e);
        }
        if flush {
            crate::objects::file_methods::flush_if_file(vm, &file)?;
        }
        return Ok(());
    }
    let write = |vm: &mut Vm, s: &str| -> PyResult<()> {
        let w = vm.getattr_str(&file, "write")?;
        let so = vm.new_str(s)?;
        vm.call(&w, &[so])?;
        Ok(())
    };
    for (i, a) in items.iter().enumerate() {
        if i > 0 {
            write(vm, sep)?;
        }
        let s = vm.str(a)?;
        write(vm, pystr::as_str(&s))?;
    }
    write(vm, end)?;
    if flush {
        let f = vm.getattr_str(&file, "flush")?;
        vm.call(&f, &[])?;
    }
    Ok(())
}

/// A `sys` attribute that `input()` needs; None or missing is CPython's RuntimeError.
fn sys_stream(vm: &mut Vm, name: &str) -> PyResult<Obj> {
    let key = vm.intern(name);
    let d = module_dict(&vm.sys_module).clone();
    match crate::objects::dict::data(&d).get_str(&key) {
        Some(f) if !f.is(&vm.none) => Ok(f),
        _ => Err(vm.runtime_error(format!("input(): lost sys.{name}"))),
    }
}

/// `input(prompt)`: the prompt goes to `sys.stdout` (then flushed), the line comes from
/// `sys.stdin.readline()` without its newline; end of input is EOFError. The real streams
/// are used directly so `input()` and `sys.stdin` share one read-ahead.
pub fn input(vm: &mut Vm, prompt: Option<&Obj>) -> PyResult<Obj> {
    let stdin = sys_stream(vm, "stdin")?;
    let stdout = sys_stream(vm, "stdout")?;
    if let Some(p) = prompt {
        let s = vm.str(p)?;
        print_to(vm, Some(&stdout), &[s], "", "", true)?;
    } else {
        let f = vm.getattr_str(&stdout, "flush")?;
        vm.call(&f, &[])?;
    }
    let readline = vm.getattr_str(&stdin, "readline")?;
    let line = vm.call(&readline, &[])?;
    let Some(text) = pystr::try_as_str(&line) else {
        return Err(vm.type_error("object.readline() returned non-string".into()));
    };
    if text.is_empty() {
        let t = vm.types.exc.eof_error.clone();
        return Err(vm.new_error(&t, "EOF when reading a line".into()));
    }
    match text.strip_suffix('\n') {
        Some(t) => {
            let t = t.to_string();
            vm.new_str(&t)
        }
        None => Ok(line),
    }
}

/// Writes out what `sys.stdout` and `sys.stderr` buffered when they are Pyrena file objects
/// (a program may have pointed them at files); at exit and before error reports, as CPython
/// flushes them. Errors are ignored: there is nowhere left to report them.
pub fn flush_std_streams(vm: &mut Vm) {
    if vm.io.is_none() {
        return;
    }
    let d = module_dict(&vm.sys_module).clone();
    for name in ["stdout", "stderr"] {
        let key = vm.intern(name);
        if let Some(f) = crate::objects::dict::data(&d).get_str(&key) {
            if let Some(data) = crate::objects::file_methods::try_data(vm, &f) {
                let _ = data.state.borrow_mut().flush();
            }
        }
    }
}
