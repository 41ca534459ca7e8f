//! A small `os` module (files and directories, process id, environment snapshot) and its
//! `os.path` (`posixpath`) with CPython's path-string rules. Failed system calls raise the
//! OSError subclass for their errno, carrying the file name(s) as CPython does.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::file_methods::is_bytes;
use crate::objects::function::BuiltinFn;
use crate::objects::module::module_dict;
use crate::objects::{bytes, str as pystr};
use crate::vm::{PyResult, Vm};

/// `os.fspath` rules: str and bytes pass, objects with `__fspath__` are asked, anything else
/// is a TypeError. Returns the path as text (bytes decoded as UTF-8).
pub fn fspath(vm: &mut Vm, o: &Obj) -> PyResult<(Obj, String)> {
    if let Some(s) = pystr::try_as_str(o) {
        return Ok((o.clone(), s.to_string()));
    }
    if is_bytes(vm, o) {
        let s = String::from_utf8_lossy(bytes::as_bytes(o)).into_owned();
        return Ok((o.clone(), s));
    }
    if let Some(r) = vm.call_dunder_opt(o, "__fspath__", &[])? {
        if pystr::is_str(&r) || is_bytes(vm, &r) {
            return fspath(vm, &r);
        }
        let (tn, rn) = (o.ty().name().to_string(), r.ty().name().to_string());
        return Err(vm.type_error(format!(
            "expected {tn}.__fspath__() to return str or bytes, not {rn}"
        )));
    }
    Err(vm.type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        o.ty().name()
    )))
}

/// A path argument of an `os` function: CPython names the function in the TypeError.
fn path_arg(vm: &mut Vm, fname: &str, what: &str, o: &Obj) -> PyResult<(Obj, String)> {
    match fspath(vm, o) {
        Ok(p) if p.1.contains('\0') => Err(vm.value_error("embedded null byte".into())),
        Ok(p) => Ok(p),
        Err(_) => Err(vm.type_error(format!(
            "{fname}: {what} should be string, bytes or os.PathLike, not {}",
            o.ty().name()
        ))),
    }
}

fn os_getcwd(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    a.exact(vm, "getcwd", 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => vm.new_str(&p.to_string_lossy()),
        Err(e) => Err(vm.os_error(&e, None, None)),
    }
}

fn os_listdir(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let [p] = a.bind(vm, "listdir", ["path"], 0, 0)?;
    let (obj, path) = match p.filter(|p| !p.is(&vm.none)) {
        Some(p) => path_arg(vm, "listdir", "path", p)?,
        None => (vm.new_str(".")?, ".".to_string()),
    };
    let rd = std::fs::read_dir(&path).map_err(|e| vm.os_error(&e, Some(obj.clone()), None))?;
    let mut names = Vec::new();
    for ent in rd {
        let ent = ent.map_err(|e| vm.os_error(&e, Some(obj.clone()), None))?;
        let n = ent.file_name().to_string_lossy().into_owned();
        names.push(if is_bytes(vm, &obj) {
            vm.new_bytes(n.as_bytes())?
        } else {
            vm.new_str(&n)?
        });
    }
    vm.new_list(names)
}

fn one_path(
    vm: &mut Vm,
    a: Args,
    fname: &str,
    f: fn(&str) -> std::io::Result<()>,
) -> PyResult<Obj> {
    let [p] = a.bind(vm, fname, ["path"], 0, 1)?;
    let (obj, path) = path_arg(vm, fname, "path", p.expect("required"))?;
    f(&path).map_err(|e| vm.os_error(&e, Some(obj), None))?;
    Ok(vm.none.clone())
}

fn os_remove(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    one_path(vm, a, "remove", |p| std::fs::remove_file(p))
}

fn os_unlink(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    one_path(vm, a, "unlink", |p| std::fs::remove_file(p))
}

fn os_rmdir(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    one_path(vm, a, "rmdir", |p| std::fs::remove_dir(p))
}

fn os_mkdir(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    use std::os::unix::fs::DirBuilderExt;
    let [p, mode] = a.bind(vm, "mkdir", ["path", "mode"], 0, 1)?;
    let (obj, path) = path_arg(vm, "mkdir", "path", p.expect("required"))?;
    let mode = match mode {
        Some(m) => vm.index_i64(m)? as u32,
        None => 0o777,
    };
    std::fs::DirBuilder::new()
        .mode(mode)
        .create(&path)
        .map_err(|e| vm.os_error(&e, Some(obj), None))?;
    Ok(vm.none.clone())
}

/// `os.makedirs(name, mode=0o777, exist_ok=False)`: parents first; an existing leaf is an
/// error unless `exist_ok` and it is a directory.
fn os_makedirs(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    use std::os::unix::fs::DirBuilderExt;
    let [p, mode, exist_ok] = a.bind(vm, "makedirs", ["name", "mode", "exist_ok"], 0, 1)?;
    let (obj, path) = path_arg(vm, "makedirs", "path", p.expect("required"))?;
    let mode = match mode {
        Some(m) => vm.index_i64(m)? as u32,
        None => 0o777,
    };
    let exist_ok = match exist_ok {
        Some(e) => vm.is_true(e)?,
        None => false,
    };
    let parent = dirname(path.trim_end_matches('/')).to_string();
    if !parent.is_empty() && std::fs::metadata(&parent).is_err() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(mode)
            .create(&parent)
            .map_err(|e| vm.os_error_path(&e, &parent))?;
    }
    match std::fs::DirBuilder::new().mode(mode).create(&path) {
        Ok(()) => Ok(vm.none.clone()),
        Err(_) if exist_ok && std::path::Path::new(&path).is_dir() => Ok(vm.none.clone()),
        Err(e) => Err(vm.os_error(&e, Some(obj), None)),
    }
}

fn os_rename(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let [s, d] = a.bind(vm, "rename", ["src", "dst"], 0, 2)?;
    let (so, sp) = path_arg(vm, "rename", "src", s.expect("required"))?;
    let (dobj, dp) = path_arg(vm, "rename", "dst", d.expect("required"))?;
    std::fs::rename(&sp, &dp).map_err(|e| vm.os_error(&e, Some(so), Some(dobj)))?;
    Ok(vm.none.clone())
}

fn os_getpid(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    a.exact(vm, "getpid", 0, 0)?;
    vm.new_int(std::process::id() as i64)
}

fn os_fspath(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let [p] = a.bind(vm, "fspath", ["path"], 0, 1)?;
    Ok(fspath(vm, p.expect("required"))?.0)
}

// ---- os.path ----

/// A str argument of an `os.path` function.
fn text_arg(vm: &mut Vm, o: &Obj) -> PyResult<String> {
    Ok(fspath(vm, o)?.1)
}

pub fn join(parts: &[String]) -> String {
    let mut path = parts.first().cloned().unwrap_or_default();
    for b in &parts[1..] {
        if b.starts_with('/') {
            path = b.clone();
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(b);
        } else {
            path.push('/');
            path.push_str(b);
        }
    }
    path
}

pub fn basename(p: &str) -> &str {
    &p[p.rfind('/').map_or(0, |i| i + 1)..]
}

pub fn dirname(p: &str) -> &str {
    let head = &p[..p.rfind('/').map_or(0, |i| i + 1)];
    if !head.is_empty() && head.bytes().any(|b| b != b'/') {
        head.trim_end_matches('/')
    } else {
        head
    }
}

pub fn splitext(p: &str) -> (&str, &str) {
    let sep = p.rfind('/').map_or(-1, |i| i as isize);
    if let Some(dot) = p.rfind('.') {
        if dot as isize > sep {
            let start = (sep + 1) as usize;
            if p[start..dot].bytes().any(|b| b != b'.') {
                return (&p[..dot], &p[dot..]);
            }
        }
    }
    (p, "")
}

pub fn normpath(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let initial = if path.starts_with("//") && !path.starts_with("///") {
        2
    } else if path.starts_with('/') {
        1
    } else {
        0
    };
    let mut comps: Vec<&str> = Vec::new();
    for c in path.split('/') {
        if c.is_empty() || c == "." {
            continue;
        }
        if c != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(c);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let out = "/".repeat(initial) + &comps.join("/");
    if out.is_empty() {
        ".".into()
    } else {
        out
    }
}

fn path_join(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    a.no_kwargs(vm, "join")?;
    let pos = a.pos();
    if pos.is_empty() {
        return Err(vm.type_error("join() missing 1 required positional argument: 'a'".into()));
    }
    let mut parts = Vec::new();
    for p in pos {
        if pystr::try_as_str(p).is_none() {
            return Err(vm.type_error(format!(
                "join() argument must be str, bytes, or os.PathLike object, not '{}'",
                p.ty().name()
            )));
        }
        parts.push(text_arg(vm, p)?);
    }
    vm.new_str(&join(&parts))
}

fn str_fn(vm: &mut Vm, a: Args, fname: &str, f: fn(&str) -> String) -> PyResult<Obj> {
    let p = a.exact(vm, fname, 1, 1)?;
    let s = text_arg(vm, &p[0])?;
    vm.new_str(&f(&s))
}

/// A path for a `stat` call: CPython's message names `stat` and allows descriptors.
fn stat_arg(vm: &mut Vm, o: &Obj) -> PyResult<(Obj, String)> {
    match fspath(vm, o) {
        Ok(p) => Ok(p),
        Err(_) => Err(vm.type_error(format!(
            "stat: path should be string, bytes, os.PathLike or integer, not {}",
            o.ty().name()
        ))),
    }
}

fn stat_fn(vm: &mut Vm, a: Args, fname: &str, f: fn(&std::fs::Metadata) -> bool) -> PyResult<Obj> {
    let p = a.exact(vm, fname, 1, 1)?;
    let s = stat_arg(vm, &p[0])?.1;
    let r = std::fs::metadata(&s).map(|m| f(&m)).unwrap_or(false);
    Ok(vm.new_bool(r))
}

fn path_getsize(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "getsize", 1, 1)?;
    let (obj, s) = stat_arg(vm, &p[0])?;
    if s.contains('\0') {
        return Err(vm.value_error("embedded null byte".into()));
    }
    let md = std::fs::metadata(&s).map_err(|e| vm.os_error(&e, Some(obj), None))?;
    vm.new_int(md.len() as i64)
}

fn path_splitext(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "splitext", 1, 1)?;
    let s = text_arg(vm, &p[0])?;
    let (root, ext) = splitext(&s);
    let items = vec![vm.new_str(root)?, vm.new_str(ext)?];
    vm.new_tuple(items)
}

fn path_split(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "split", 1, 1)?;
    let s = text_arg(vm, &p[0])?;
    let items = vec![vm.new_str(dirname(&s))?, vm.new_str(basename(&s))?];
    vm.new_tuple(items)
}

fn path_abspath(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "abspath", 1, 1)?;
    let s = text_arg(vm, &p[0])?;
    let full = if s.starts_with('/') {
        s
    } else {
        let cwd = std::env::current_dir().map_err(|e| vm.os_error(&e, None, None))?;
        join(&[cwd.to_string_lossy().into_owned(), s])
    };
    vm.new_str(&normpath(&full))
}

fn path_module(vm: &mut Vm) -> Obj {
    let m = vm.new_module("posixpath").expect("startup");
    let d = module_dict(&m).clone();
    let funcs: &[(&'static str, BuiltinFn)] = &[
        ("join", path_join),
        ("exists", |vm, a| stat_fn(vm, a, "exists", |_| true)),
        ("isfile", |vm, a| stat_fn(vm, a, "isfile", |m| m.is_file())),
        ("isdir", |vm, a| stat_fn(vm, a, "isdir", |m| m.is_dir())),
        ("getsize", path_getsize),
        ("basename", |vm, a| {
            str_fn(vm, a, "basename", |s| basename(s).into())
        }),
        ("dirname", |vm, a| {
            str_fn(vm, a, "dirname", |s| dirname(s).into())
        }),
        ("normpath", |vm, a| str_fn(vm, a, "normpath", normpath)),
        ("isabs", |vm, a| {
            let p = a.exact(vm, "isabs", 1, 1)?;
            let s = text_arg(vm, &p[0])?;
            Ok(vm.new_bool(s.starts_with('/')))
        }),
        ("splitext", path_splitext),
        ("split", path_split),
        ("abspath", path_abspath),
    ];
    for (name, f) in funcs {
        let o = vm.new_builtin(name, *f).expect("startup");
        vm.dict_set_str(&d, name, o).expect("startup");
    }
    let sep = vm.new_str("/").expect("startup");
    vm.dict_set_str(&d, "sep", sep).expect("startup");
    m
}

/// Creates `os` and `os.path`, registering both (and `posixpath`) in `sys.modules`.
pub fn create(vm: &mut Vm) -> Obj {
    let m = vm.new_module("os").expect("startup");
    let d = module_dict(&m).clone();
    let funcs: &[(&'static str, BuiltinFn)] = &[
        ("getcwd", os_getcwd),
        ("listdir", os_listdir),
        ("remove", os_remove),
        ("unlink", os_unlink),
        ("rename", os_rename),
        ("mkdir", os_mkdir),
        ("makedirs", os_makedirs),
        ("rmdir", os_rmdir),
        ("getpid", os_getpid),
        ("fspath", os_fspath),
    ];
    for (name, f) in funcs {
        let o = vm.new_builtin(name, *f).expect("startup");
        vm.dict_set_str(&d, name, o).expect("startup");
    }
    for (name, v) in [
        ("sep", "/"),
        ("linesep", "\n"),
        ("name", "posix"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("devnull", "/dev/null"),
    ] {
        let s = vm.new_str(v).expect("startup");
        vm.dict_set_str(&d, name, s).expect("startup");
    }
    let env = vm.new_dict().expect("startup");
    for (k, v) in std::env::vars_os() {
        let k = vm.new_str(&k.to_string_lossy()).expect("startup");
        let v = vm.new_str(&v.to_string_lossy()).expect("startup");
        vm.dict_set(&env, k, v).expect("startup");
    }
    vm.dict_set_str(&d, "environ", env).expect("startup");
    let path = path_module(vm);
    vm.dict_set_str(&d, "path", path.clone()).expect("startup");
    let modules = vm.modules.clone();
    vm.dict_set_str(&modules, "os.path", path.clone())
        .expect("startup");
    vm.dict_set_str(&modules, "posixpath", path)
        .expect("startup");
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_strings_follow_posixpath() {
        let j = |v: &[&str]| join(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(j(&["a", "b", "c.txt"]), "a/b/c.txt");
        assert_eq!(j(&["a/", "/abs", "x"]), "/abs/x");
        assert_eq!(j(&["", "x"]), "x");
        assert_eq!(basename("/a/b.txt"), "b.txt");
        assert_eq!(dirname("/a/b.txt"), "/a");
        assert_eq!(dirname("a//b"), "a");
        assert_eq!(dirname("//x"), "//");
        assert_eq!(splitext("a/b.tar.gz"), ("a/b.tar", ".gz"));
        assert_eq!(splitext(".bashrc"), (".bashrc", ""));
        assert_eq!(splitext("a.d/b"), ("a.d/b", ""));
        assert_eq!(normpath("/a/./b/../c//"), "/a/c");
        assert_eq!(normpath("../x/.."), "..");
        assert_eq!(normpath(""), ".");
    }
}
