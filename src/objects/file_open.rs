//! The built-in `open()`: argument checks, mode parsing with CPython's messages, opening the
//! OS file with the right flags, and choosing the file type (`_io.TextIOWrapper` for text,
//! `_io.BufferedReader/Writer/Random` for binary) and its `mode` spelling.

use std::cell::RefCell;

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::file::{FileState, Raw};
use crate::objects::file_methods::{new_file, FileData, TextConf};
use crate::objects::file_text::{Encoding, Errors, Newline};
use crate::objects::str as pystr;
use crate::vm::{PyResult, Vm};

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
    // A path-like object is replaced by its `__fspath__()` (which also becomes `.name`).
    let (file, path) = crate::modules::os::fspath(vm, file.expect("required"))?;
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
            weaklist: Default::default(),
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
        weaklist: Default::default(),
    };
    new_file(vm, &ty, data)
}
