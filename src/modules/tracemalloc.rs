//! `tracemalloc`, in two layers as in CPython:
//!
//! - `_tracemalloc` (this file, Rust): the controls of the allocator hook in
//!   `heap::tracemalloc` (`start`, `stop`, `is_tracing`, `clear_traces`, `get_traced_memory`,
//!   `reset_peak`, `get_tracemalloc_memory`, `get_traceback_limit`) and the raw data
//!   (`_get_traces`, `_get_object_traceback`), plus two helpers the Python layer needs and the
//!   subset has no module for (`_fnmatch`, `_getline`).
//! - `tracemalloc` (`tracemalloc.py` next to this file, embedded in the binary and compiled
//!   the first time it is imported): Snapshot, Statistic, StatisticDiff, Traceback, Frame,
//!   Trace, Filter and DomainFilter, written for Pyrena from the documented behaviour.
//!
//! Both are created on first import (see `modules::import_lazy`), so programs that never
//! import them pay nothing at startup.
//!
//! Raw formats: a frame is `(filename, lineno)`, a traceback a tuple of frames innermost
//! first, a trace `(domain, size, traceback, total_nframe)` with domain always 0.

use crate::heap::header::GC_HEADER_SIZE;
use crate::heap::tracemalloc as hook;
use crate::heap::Obj;
use crate::objects::args::{check_count, Args};
use crate::objects::function::BuiltinFn;
use crate::objects::module::module_dict;
use crate::objects::str as pystr;
use crate::vm::{PyResult, Vm};

/// The Python layer's source; its code objects carry `FROZEN_FILENAME`.
const SOURCE: &str = include_str!("tracemalloc.py");
pub const FROZEN_FILENAME: &str = "<frozen tracemalloc>";

/// Creates the `_tracemalloc` module.
pub fn create_native(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("_tracemalloc")?;
    let d = module_dict(&m).clone();
    let funcs: &[(&'static str, BuiltinFn)] = &[
        ("start", tm_start),
        ("stop", |vm, a| {
            a.exact(vm, "_tracemalloc.stop", 0, 0)?;
            hook::stop();
            Ok(vm.none.clone())
        }),
        ("is_tracing", |vm, a| {
            a.exact(vm, "_tracemalloc.is_tracing", 0, 0)?;
            Ok(vm.new_bool(hook::is_tracing()))
        }),
        ("clear_traces", |vm, a| {
            a.exact(vm, "_tracemalloc.clear_traces", 0, 0)?;
            hook::clear_traces();
            Ok(vm.none.clone())
        }),
        ("get_traced_memory", |vm, a| {
            a.exact(vm, "_tracemalloc.get_traced_memory", 0, 0)?;
            let (now, peak) = hook::traced_memory();
            let now = vm.new_usize(now)?;
            let peak = vm.new_usize(peak)?;
            vm.new_tuple(vec![now, peak])
        }),
        ("reset_peak", |vm, a| {
            a.exact(vm, "_tracemalloc.reset_peak", 0, 0)?;
            hook::reset_peak();
            Ok(vm.none.clone())
        }),
        ("get_tracemalloc_memory", |vm, a| {
            a.exact(vm, "_tracemalloc.get_tracemalloc_memory", 0, 0)?;
            vm.new_usize(hook::tracemalloc_memory())
        }),
        ("get_traceback_limit", |vm, a| {
            a.exact(vm, "_tracemalloc.get_traceback_limit", 0, 0)?;
            vm.new_usize(hook::traceback_limit())
        }),
        ("_get_traces", get_traces),
        ("_get_object_traceback", get_object_traceback),
        ("_fnmatch", fnmatch_builtin),
        ("_getline", getline),
    ];
    for (name, f) in funcs {
        let o = vm.new_builtin(name, *f)?;
        vm.dict_set_str(&d, name, o)?;
    }
    Ok(m)
}

/// Creates the `tracemalloc` module by running the embedded Python layer. The module is in
/// `sys.modules` while its body runs, as for any import.
pub fn create_python(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("tracemalloc")?;
    let g = module_dict(&m).clone();
    let b = vm.builtins.clone();
    vm.dict_set_str(&g, "__builtins__", b)?;
    let f = vm.new_str(FROZEN_FILENAME)?;
    vm.dict_set_str(&g, "__file__", f)?;
    let modules = vm.modules.clone();
    vm.dict_set_str(&modules, "tracemalloc", m.clone())?;
    let module = crate::parser::parse_module(SOURCE, FROZEN_FILENAME)
        .expect("the embedded tracemalloc.py parses");
    let code = crate::compiler::compile_module(
        vm,
        &module,
        SOURCE,
        FROZEN_FILENAME,
        crate::compiler::Mode::Exec,
    )
    .expect("the embedded tracemalloc.py compiles");
    if let Err(e) = vm.run_code(&code, &g, None) {
        let key = vm.intern("tracemalloc");
        crate::objects::dict::data(&modules).remove(vm, &key)?;
        return Err(e);
    }
    Ok(m)
}

/// `start(nframe=1, /)`.
fn tm_start(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    args.no_kwargs(vm, "_tracemalloc.start")?;
    let pos = args.pos();
    check_count(vm, "start", pos.len(), 0, 1)?;
    let nframe = match pos.first() {
        None => 1,
        Some(n) => {
            let v = match vm.index_i64(n) {
                Ok(v) => v,
                Err(_) if crate::objects::int::is_int(n) => i64::MAX,
                Err(e) => return Err(e),
            };
            if i32::try_from(v).is_err() {
                return Err(vm.overflow_error("Python int too large to convert to C int".into()));
            }
            if !(1..=hook::MAX_NFRAME as i64).contains(&v) {
                return Err(vm.value_error(format!(
                    "the number of frames must be in range [1; {}]",
                    hook::MAX_NFRAME
                )));
            }
            v as usize
        }
    };
    hook::start(nframe);
    Ok(vm.none.clone())
}

/// `_get_traces()`: a list of raw traces, copied before any Python object is built.
fn get_traces(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    args.exact(vm, "_tracemalloc._get_traces", 0, 0)?;
    let copy = hook::copy_traces();
    let mut names: Vec<Option<Obj>> = vec![None; copy.filenames.len()];
    let mut tracebacks: Vec<Option<(Obj, Obj)>> = vec![None; copy.tracebacks.len()];
    let domain = vm.new_int(0)?;
    let mut out = Vec::with_capacity(copy.traces.len());
    for (size, tb) in copy.traces {
        let (frames, total) = match &tracebacks[tb as usize] {
            Some(t) => t.clone(),
            None => {
                let info = &copy.tracebacks[tb as usize];
                let mut items = Vec::with_capacity(info.frames.len());
                for (file, line) in &info.frames {
                    let name = match &names[*file as usize] {
                        Some(n) => n.clone(),
                        None => {
                            let n = vm.new_str(&copy.filenames[*file as usize])?;
                            names[*file as usize] = Some(n.clone());
                            n
                        }
                    };
                    let line = vm.new_int(*line as i64)?;
                    items.push(vm.new_tuple(vec![name, line])?);
                }
                let t = (vm.new_tuple(items)?, vm.new_int(info.total_nframe as i64)?);
                tracebacks[tb as usize] = Some(t.clone());
                t
            }
        };
        let size = vm.new_usize(size)?;
        out.push(vm.new_tuple(vec![domain.clone(), size, frames, total])?);
    }
    vm.new_list(out)
}

/// `_get_object_traceback(obj)`: the raw traceback of the block holding `obj`, or None.
fn get_object_traceback(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "_get_object_traceback", 1, 1)?;
    let obj = &p[0];
    // A container's block starts with its GC header, in front of the object.
    let block = if obj.ty().has_gc() {
        obj.addr() - GC_HEADER_SIZE
    } else {
        obj.addr()
    };
    let Some(frames) = hook::block_traceback(block) else {
        return Ok(vm.none.clone());
    };
    let mut items = Vec::with_capacity(frames.len());
    for (file, line) in frames {
        let f = vm.new_str(&file)?;
        let l = vm.new_int(line as i64)?;
        items.push(vm.new_tuple(vec![f, l])?);
    }
    vm.new_tuple(items)
}

/// `_fnmatch(name, pattern)`: shell-style matching, case-sensitive (POSIX `fnmatch`).
fn fnmatch_builtin(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "_fnmatch", 2, 2)?;
    let name = str_arg(vm, &p[0])?;
    let pat = str_arg(vm, &p[1])?;
    let name: Vec<char> = name.chars().collect();
    let pat: Vec<char> = pat.chars().collect();
    Ok(vm.new_bool(fnmatch(&name, &pat)))
}

/// `_getline(filename, lineno)`: a source line (with its newline) or '' — the part of
/// `linecache.getline` that `Traceback.format` needs.
fn getline(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "_getline", 2, 2)?;
    let file = str_arg(vm, &p[0])?.to_string();
    let lineno = vm.index_i64(&p[1])?;
    let text = match vm.sources.get(&file) {
        Some(src) => Some(src.to_string()),
        None if !file.starts_with('<') => std::fs::read(&file)
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned()),
        None => None,
    };
    let line = match (text, usize::try_from(lineno)) {
        (Some(t), Ok(n)) if n >= 1 => t
            .split_inclusive('\n')
            .nth(n - 1)
            .map(str::to_string)
            .unwrap_or_default(),
        _ => String::new(),
    };
    vm.new_str(&line)
}

fn str_arg<'a>(vm: &mut Vm, o: &'a Obj) -> PyResult<&'a str> {
    if pystr::is_str(o) {
        Ok(pystr::as_str(o))
    } else {
        let t = o.ty().name().to_string();
        Err(vm.type_error(format!("expected str, got {t}")))
    }
}

/// Matches `name` against a shell pattern: `*` any run, `?` any one character, `[seq]` /
/// `[!seq]` a set (ranges `a-z`; a `]` first in the set is literal; an unclosed `[` is a
/// literal). Backtracks only to the last `*`, so it is linear in practice.
pub fn fnmatch(name: &[char], pat: &[char]) -> bool {
    let (mut n, mut p) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        let step = match pat.get(p) {
            Some('*') => {
                star = Some((p, n));
                p += 1;
                continue;
            }
            Some('?') => Some(1),
            Some('[') => match set_match(&pat[p..], name[n]) {
                Some((true, len)) => Some(len),
                Some((false, _)) => None,
                None => (name[n] == '[').then_some(1),
            },
            Some(c) => (*c == name[n]).then_some(1),
            None => None,
        };
        match step {
            Some(len) => {
                p += len;
                n += 1;
            }
            None => match star {
                Some((sp, sn)) => {
                    star = Some((sp, sn + 1));
                    p = sp + 1;
                    n = sn + 1;
                }
                None => return false,
            },
        }
    }
    pat[p..].iter().all(|c| *c == '*')
}

/// For a pattern starting with `[`: `Some((matched, pattern length))`, or None when the set is
/// not closed (then `[` is an ordinary character).
fn set_match(pat: &[char], c: char) -> Option<(bool, usize)> {
    let mut i = 1;
    let negate = pat.get(i) == Some(&'!');
    if negate {
        i += 1;
    }
    let start = i;
    let mut hit = false;
    loop {
        let first = *pat.get(i)?;
        if first == ']' && i > start {
            return Some((hit != negate, i + 1));
        }
        if pat.get(i + 1) == Some(&'-') && pat.get(i + 2).is_some_and(|e| *e != ']') {
            hit |= first <= c && c <= pat[i + 2];
            i += 3;
        } else {
            hit |= first == c;
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fnmatch;

    fn m(name: &str, pat: &str) -> bool {
        let n: Vec<char> = name.chars().collect();
        let p: Vec<char> = pat.chars().collect();
        fnmatch(&n, &p)
    }

    #[test]
    fn shell_patterns() {
        assert!(m("/a/b/leak.py", "*leak.py"));
        assert!(m("/a/b/leak.py", "*/b/*"));
        assert!(!m("/a/b/leak.py", "*.txt"));
        assert!(m("x.py", "?.py"));
        assert!(!m("xy.py", "?.py"));
        assert!(m("a1", "a[0-9]"));
        assert!(!m("ab", "a[0-9]"));
        assert!(m("ab", "a[!0-9]"));
        assert!(m("a]", "a[]]"));
        assert!(m("a[", "a["));
        assert!(m("", "*"));
        assert!(!m("", "?"));
        assert!(m("<frozen tracemalloc>", "<frozen tracemalloc>"));
        assert!(m("aaab", "*a*b"));
    }
}
