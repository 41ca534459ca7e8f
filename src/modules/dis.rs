//! The `dis` module: `dis.dis(x)` for functions, methods, classes, modules, code objects
//! and source strings, `dis.disassemble(code)`, and `dis.opname`, printing Pyrena's own
//! bytecode in CPython 3.11's layout (`bytecode::disassemble`); `_main` is what
//! `pyrena -m dis file.py` runs.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::code::code_data;
use crate::objects::module::module_dict;
use crate::objects::{dict, str as pystr};
use crate::vm::{PyResult, Vm};

pub fn create(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("dis")?;
    let d = module_dict(&m).clone();
    let doc = vm.new_str("Disassembler of Pyrena bytecode, in the layout of CPython's dis.")?;
    vm.dict_set_str(&d, "__doc__", doc)?;
    let funcs: &[(&'static str, crate::objects::function::BuiltinFn)] = &[
        ("dis", dis_fn),
        ("disassemble", disassemble_fn),
        ("_main", main_fn),
    ];
    for (name, f) in funcs {
        let o = vm.new_builtin(name, *f)?;
        vm.dict_set_str(&d, name, o)?;
    }
    let names = (0..crate::bytecode::Op::COUNT)
        .filter_map(|i| crate::bytecode::Op::from_u8(i as u8))
        .map(|op| vm.new_str(&op.name()))
        .collect::<PyResult<Vec<_>>>()?;
    let opname = vm.new_list(names)?;
    vm.dict_set_str(&d, "opname", opname)?;
    Ok(m)
}

fn is_code(vm: &Vm, o: &Obj) -> bool {
    o.has_exact_type(&vm.types.code)
}

/// One code object's disassembly, then (depth permitting) its nested code objects'.
fn recursive(vm: &mut Vm, code: &Obj, depth: Option<i64>, out: &mut String) -> PyResult<()> {
    let mut reprs_failed = None;
    {
        let mut const_repr = |o: &Obj| match vm.repr_string(o) {
            Ok(s) => s,
            Err(e) => {
                reprs_failed.get_or_insert(e);
                String::from("?")
            }
        };
        crate::bytecode::disassemble::disassemble(code_data(code), &mut const_repr, out);
    }
    if let Some(e) = reprs_failed {
        return Err(e);
    }
    if depth.is_some_and(|d| d <= 0) {
        return Ok(());
    }
    let nested: Vec<Obj> = code_data(code)
        .consts
        .iter()
        .filter(|c| is_code(vm, c))
        .cloned()
        .collect();
    for c in nested {
        let r = vm.repr_string(&c)?;
        out.push_str(&format!("\nDisassembly of {r}:\n"));
        recursive(vm, &c, depth.map(|d| d - 1), out)?;
    }
    Ok(())
}

/// Whether `dis` of a module or class lists `o` (functions, methods, code, classes).
fn has_code(vm: &mut Vm, o: &Obj) -> bool {
    if is_code(vm, o) || crate::objects::typeobj::try_as_type(o).is_some() {
        return true;
    }
    let ty = o.ty().name();
    matches!(ty, "function" | "method" | "classmethod" | "staticmethod")
}

/// `nesting` counts classes and modules being listed inside one another: a class that
/// refers to itself recurses until RecursionError, as CPython's dis does.
fn dis_into(
    vm: &mut Vm,
    x: &Obj,
    depth: Option<i64>,
    nesting: usize,
    out: &mut String,
) -> PyResult<()> {
    if nesting >= vm.recursion_limit {
        return Err(vm.recursion_error());
    }
    let mut x = x.clone();
    if matches!(x.ty().name(), "method" | "classmethod" | "staticmethod") {
        x = vm.getattr_str(&x, "__func__")?;
    }
    if is_code(vm, &x) {
        return recursive(vm, &x, depth, out);
    }
    if x.ty().name() == "function" {
        let code = vm.getattr_str(&x, "__code__")?;
        return recursive(vm, &code, depth, out);
    }
    let is_class = crate::objects::typeobj::try_as_type(&x).is_some();
    if is_class || x.ty().name() == "module" {
        let ns = vm.getattr_str(&x, "__dict__")?;
        let mut items: Vec<(String, Obj)> = Vec::new();
        for k in vm.iterate(&ns)? {
            let Some(name) = pystr::try_as_str(&k).map(str::to_string) else {
                continue;
            };
            let v = vm.getitem(&ns, &k)?;
            items.push((name, v));
        }
        items.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, v) in items {
            if !has_code(vm, &v) {
                continue;
            }
            out.push_str(&format!("Disassembly of {name}:\n"));
            if let Err(e) = dis_into(vm, &v, depth, nesting + 1, out) {
                if !vm.err_matches(&e, &vm.types.exc.type_error.clone()) {
                    return Err(e);
                }
                let msg = vm.str_string(&e.exc)?;
                out.push_str(&format!("Sorry: {msg}\n"));
            }
            out.push('\n');
        }
        return Ok(());
    }
    if let Some(src) = pystr::try_as_str(&x).map(str::to_string) {
        // An expression if it is one, else statements (CPython's _try_compile).
        let code = match compile(vm, &src, "eval") {
            Ok(c) => c,
            Err(_) => compile(vm, &src, "exec")?,
        };
        return recursive(vm, &code, depth, out);
    }
    Err(vm.type_error(format!(
        "don't know how to disassemble {} objects",
        x.ty().name()
    )))
}

fn compile(vm: &mut Vm, src: &str, mode: &str) -> PyResult<Obj> {
    let b = vm.builtins_dict.clone();
    let key = vm.intern("compile");
    let f = dict::data(&b)
        .get_str(&key)
        .ok_or_else(|| vm.runtime_error("compile() is missing from builtins".into()))?;
    let args = [vm.new_str(src)?, vm.new_str("<dis>")?, vm.new_str(mode)?];
    vm.call(&f, &args)
}

/// Writes `text` to `file`, or to `sys.stdout` when it is None.
fn emit(vm: &mut Vm, file: Option<&Obj>, text: &str) -> PyResult<()> {
    let file = match file.filter(|f| !f.is(&vm.none)) {
        Some(f) => f.clone(),
        None => {
            let sys = module_dict(&vm.sys_module).clone();
            let key = vm.intern("stdout");
            dict::data(&sys)
                .get_str(&key)
                .ok_or_else(|| vm.runtime_error("lost sys.stdout".into()))?
        }
    };
    let write = vm.getattr_str(&file, "write")?;
    let s = vm.new_str(text)?;
    vm.call(&write, &[s])?;
    Ok(())
}

fn depth_arg(vm: &mut Vm, d: Option<&Obj>) -> PyResult<Option<i64>> {
    match d.filter(|d| !d.is(&vm.none)) {
        Some(d) => vm.index_i64(d).map(Some),
        None => Ok(None),
    }
}

/// `dis.dis(x=None, *, file=None, depth=None)`.
fn dis_fn(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let [x, file, depth] = a.bind(vm, "dis", ["x", "file", "depth"], 0, 0)?;
    if a.pos().len() > 1 {
        return Err(vm.type_error(format!(
            "dis() takes from 0 to 1 positional arguments but {} were given",
            a.pos().len()
        )));
    }
    let Some(x) = x.filter(|x| !x.is(&vm.none)) else {
        return Err(vm.runtime_error("no last traceback to disassemble".into()));
    };
    let depth = depth_arg(vm, depth)?;
    let mut out = String::new();
    let x = x.clone();
    dis_into(vm, &x, depth, 0, &mut out)?;
    emit(vm, file, &out)?;
    Ok(vm.none.clone())
}

/// `dis.disassemble(co, lasti=-1, *, file=None)`: one code object, not its nested ones.
fn disassemble_fn(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let [co, _lasti, file] = a.bind(vm, "disassemble", ["co", "lasti", "file"], 0, 1)?;
    let co = co.expect("required").clone();
    if !is_code(vm, &co) {
        return Err(vm.type_error(format!(
            "disassemble() argument must be a code object, not {}",
            co.ty().name()
        )));
    }
    let mut out = String::new();
    recursive(vm, &co, Some(0), &mut out)?;
    emit(vm, file, &out)?;
    Ok(vm.none.clone())
}

/// `pyrena -m dis [file]`: compiles the file (or stdin) and disassembles it.
fn main_fn(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    a.exact(vm, "_main", 0, 0)?;
    let argv = crate::modules::sys::argv_strings(vm);
    let (name, source) = match argv.get(1) {
        Some(path) => match std::fs::read(path) {
            Ok(b) => (path.clone(), String::from_utf8_lossy(&b).into_owned()),
            Err(e) => return Err(vm.os_error_path(&e, path)),
        },
        None => {
            let mut s = String::new();
            use std::io::Read;
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| vm.os_error(&e, None, None))?;
            ("<stdin>".to_string(), s)
        }
    };
    let module =
        crate::parser::parse_module(&source, &name).map_err(|e| vm.syntax_error_from(&e))?;
    let code =
        crate::compiler::compile_module(vm, &module, &source, &name, crate::compiler::Mode::Exec)
            .map_err(|e| vm.syntax_error_from(&e))?;
    let mut out = String::new();
    recursive(vm, &code, None, &mut out)?;
    emit(vm, None, &out)?;
    Ok(vm.none.clone())
}
