//! The standard streams as file objects and the built-ins that use them: `sys.stdin`/
//! `stdout`/`stderr` (each with a binary `.buffer`), `print`'s output stage, `input()`, and
//! the flush of redirected streams at exit.
//!
//! Invariant: the text and binary stdout objects write through `vm.stdout`, so the output
//! order and the embedding capture see a single stream.

use std::cell::RefCell;

use crate::heap::Obj;
use crate::objects::file::{FileState, Raw};
use crate::objects::file_methods::{new_file, FileData, TextConf};
use crate::objects::file_text::{Encoding, Errors, Newline};
use crate::objects::module::module_dict;
use crate::objects::str as pystr;
use crate::vm::{PyResult, Vm};

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
            weaklist: Default::default(),
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
            weaklist: Default::default(),
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
