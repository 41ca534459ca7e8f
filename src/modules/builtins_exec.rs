//! The built-ins that run source text: `compile`, `eval` and `exec`, and `locals()`, with
//! CPython's argument rules and messages. Code compiled here is named `<string>` unless a
//! file name is given; the namespaces default to the caller's, as in CPython (a function's
//! locals are its frame's dict, refreshed from the variables on each use; writes to it do
//! not reach the variables).

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::code::code_data;
use crate::objects::simple::cell_data;
use crate::objects::{bytes, dict, str as pystr};
use crate::vm::{PyResult, Vm};

use crate::compiler::Mode;

/// `locals()`: the caller's namespace dict, or for a function a new dict of its bound
/// local, cell and free variables.
pub fn builtin_locals(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    a.exact(vm, "locals", 0, 0)?;
    caller_locals(vm)
}

pub(crate) fn caller_locals(vm: &mut Vm) -> PyResult<Obj> {
    let Some(f) = vm.frames.last() else {
        return vm.new_dict();
    };
    let (code_obj, base) = (f.code.clone(), f.base);
    let code = code_data(&code_obj);
    if !code.has_flag(crate::bytecode::code::code_flags::OPTIMIZED) {
        // Module and class bodies: their namespace dict itself.
        return Ok(f.locals.clone().unwrap_or_else(|| f.globals.clone()));
    }
    // A function keeps one locals dict per frame, as CPython's f_locals: each call brings it
    // up to date with the fast variables (unbound ones leave it), and names that exec()
    // stored in it stay. Function code never reads `Frame::locals` (no LOAD_NAME), so the
    // dict can live there; it goes with the frame.
    let d = match f.locals.clone() {
        Some(d) => d,
        None => {
            let d = vm.new_dict()?;
            if let Some(f) = vm.frames.last_mut() {
                f.locals = Some(d.clone());
            }
            d
        }
    };
    let names: Vec<String> = code
        .varnames
        .iter()
        .chain(&code.cellvars)
        .chain(&code.freevars)
        .cloned()
        .collect();
    let nvars = code.varnames.len();
    for (i, name) in names.iter().enumerate() {
        let bound = vm.stack.get(base + i).cloned().flatten().and_then(|v| {
            if i >= nvars {
                cell_data(&v).value.get()
            } else {
                Some(v)
            }
        });
        match bound {
            Some(v) => vm.dict_set_str(&d, name, v)?,
            None => {
                let key = vm.new_str(name)?;
                drop(dict::data(&d).remove(vm, &key)?);
            }
        }
    }
    Ok(d)
}

/// A SyntaxError with only a message (no position), as CPython raises for undecodable or
/// null-containing source.
fn syntax_error(vm: &mut Vm, msg: String) -> crate::vm::PyErr {
    let t = vm.types.exc.syntax_error.clone();
    vm.new_error(&t, msg)
}

/// The text of a source argument (str, or bytes decoded as UTF-8), None for anything else.
fn source_text(vm: &mut Vm, o: &Obj, filename: &str) -> PyResult<Option<String>> {
    let text = if let Some(s) = pystr::try_as_str(o) {
        s.to_string()
    } else if crate::objects::file_methods::is_bytes(vm, o) {
        use crate::text::codecs::{decode, Codec, CodecError, Handler};
        match decode(Codec::Utf8, bytes::as_bytes(o), &Handler::Strict) {
            Ok(s) => s,
            Err(CodecError::Failed { start, reason, .. }) => {
                let byte = bytes::as_bytes(o)[start];
                let msg = format!(
                    "(unicode error) 'utf-8' codec can't decode byte {byte:#04x} in position \
                     {start}: {reason}"
                );
                let e = crate::parser::SyntaxError {
                    kind: crate::parser::SyntaxErrorKind::SyntaxError,
                    msg,
                    filename: filename.to_string(),
                    lineno: 1,
                    offset: 0,
                    end_lineno: 1,
                    end_offset: 0,
                    text: None,
                    incomplete: false,
                };
                return Err(vm.syntax_error_from(&e));
            }
            Err(_) => return Err(syntax_error(vm, "(unicode error)".into())),
        }
    } else {
        return Ok(None);
    };
    if text.contains('\0') {
        return Err(syntax_error(
            vm,
            "source code string cannot contain null bytes".into(),
        ));
    }
    Ok(Some(text))
}

/// Single mode takes one statement: simple statements sharing the first line (`a = 1; b = 2`)
/// count as one, anything on a later line is CPython's "multiple statements" error.
fn single_statement(
    m: &crate::parser::ast::Module,
    text: &str,
    filename: &str,
) -> Result<(), crate::parser::SyntaxError> {
    let lines = crate::parser::LineIndex::new(text);
    let line_of = |s: &crate::parser::ast::Stmt| lines.line_col(s.span.start).0;
    let Some(first) = m.body.first() else {
        return Ok(());
    };
    let first_line = line_of(first);
    if m.body.iter().skip(1).any(|s| line_of(s) != first_line) {
        return Err(crate::parser::SyntaxError {
            kind: crate::parser::SyntaxErrorKind::SyntaxError,
            msg: "multiple statements found while compiling a single statement".into(),
            filename: filename.to_string(),
            lineno: first_line,
            offset: 1,
            end_lineno: first_line,
            end_offset: 1,
            text: text.lines().next().map(str::to_string),
            incomplete: false,
        });
    }
    Ok(())
}

/// Compiles `text` as `mode` into a code object, raising SyntaxError.
fn compile_text(vm: &mut Vm, text: &str, filename: &str, mode: Mode) -> PyResult<Obj> {
    let r = if mode == Mode::Eval {
        crate::parser::parse_expression(text, filename).and_then(|e| {
            crate::compiler::compile_expression(vm, &e, text, filename).map_err(|e| *e)
        })
    } else {
        crate::parser::parse_module(text, filename).and_then(|m| {
            if mode == Mode::Single {
                single_statement(&m, text, filename)?;
            }
            crate::compiler::compile_module(vm, &m, text, filename, mode).map_err(|e| *e)
        })
    };
    r.map_err(|e| vm.syntax_error_from(&e))
}

fn is_code(vm: &Vm, o: &Obj) -> bool {
    o.has_exact_type(&vm.types.code)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn builtin_compile(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let names = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    let [source, filename, mode, flags, _, _] = a.bind(vm, "compile", names, 0, 3)?;
    // PyCF_ONLY_AST asks for an AST, which Pyrena does not expose; the __future__ and
    // type-comment flags change nothing here; anything else is CPython's error.
    const PYCF_ONLY_AST: i64 = 0x400;
    const ACCEPTED: i64 = 0x10 | 0x1fe_0000 | 0x100 | 0x200 | 0x800 | 0x1000 | 0x2000 | 0x4000;
    if let Some(f) = flags {
        let f = vm.index_i64(f)?;
        if f & PYCF_ONLY_AST != 0 {
            return Err(vm.not_implemented_error(
                "compile() to an AST (PyCF_ONLY_AST) is not supported by Pyrena".into(),
            ));
        }
        if f & !ACCEPTED != 0 {
            return Err(vm.value_error("compile(): unrecognised flags".into()));
        }
    }
    let (source, filename, mode) = (
        source.expect("required"),
        filename.expect("required"),
        mode.expect("required"),
    );
    let (_, filename) = crate::modules::os::fspath(vm, filename)?;
    let mode = match pystr::try_as_str(mode) {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        Some(_) => {
            return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'".into()))
        }
        None => {
            return Err(vm.type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                mode.ty().name()
            )))
        }
    };
    let Some(text) = source_text(vm, source, &filename)? else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object".into()));
    };
    compile_text(vm, &text, &filename, mode)
}

/// The (globals, locals) an eval/exec runs in: the arguments, or the caller's namespaces.
fn namespaces(
    vm: &mut Vm,
    fname: &str,
    globals: Option<&Obj>,
    locals: Option<&Obj>,
) -> PyResult<(Obj, Option<Obj>)> {
    let none = vm.none.clone();
    let globals = globals.filter(|g| !g.is(&none));
    let locals = locals.filter(|l| !l.is(&none));
    if let Some(g) = globals {
        if !dict::is_dict(g) {
            let what = if fname == "exec" {
                format!("exec() globals must be a dict, not {}", g.ty().name())
            } else if vm.getattr_str(g, "__getitem__").is_ok() {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            } else {
                "globals must be a dict".to_string()
            };
            return Err(vm.type_error(what));
        }
    }
    if let Some(l) = locals {
        let mapping = vm.getattr_str(l, "__getitem__").is_ok();
        if mapping && !dict::is_dict(l) {
            // Name lookups in the namespace go straight to a dict's table.
            return Err(vm.type_error(format!(
                "{fname}() locals must be a dict in Pyrena, not {}",
                l.ty().name()
            )));
        }
        if !mapping {
            let what = if fname == "exec" {
                format!("locals must be a mapping or None, not {}", l.ty().name())
            } else {
                "locals must be a mapping".to_string()
            };
            return Err(vm.type_error(what));
        }
    }
    let (globals, locals) = match (globals, locals) {
        (Some(g), l) => (g.clone(), l.cloned()),
        (None, l) => {
            let g = match vm.frames.last() {
                Some(f) => f.globals.clone(),
                None => vm.new_dict()?,
            };
            let l = match l {
                Some(l) => l.clone(),
                None => caller_locals(vm)?,
            };
            (g, Some(l))
        }
    };
    // Code run in a fresh globals dict still sees the builtins: CPython puts the builtins
    // dict there (and code honours whatever a caller puts there instead).
    let key = vm.intern("__builtins__");
    if dict::data(&globals).get_str(&key).is_none() {
        let b = vm.builtins_dict.clone();
        vm.dict_set(&globals, key, b)?;
    }
    // Locals that are the globals dict need no separate namespace.
    let locals = locals.filter(|l| !l.is(&globals));
    Ok((globals, locals))
}

fn run(vm: &mut Vm, fname: &str, a: Args, mode: Mode) -> PyResult<Obj> {
    let [source, globals, locals] = a.bind(vm, fname, ["source", "globals", "locals"], 3, 1)?;
    let source = source.expect("required");
    let (globals, locals) = namespaces(vm, fname, globals, locals)?;
    let code = if is_code(vm, source) {
        source.clone()
    } else {
        let Some(text) = source_text(vm, source, "<string>")? else {
            return Err(vm.type_error(format!(
                "{fname}() arg 1 must be a string, bytes or code object"
            )));
        };
        // eval() ignores leading blanks, so `eval(' 1')` is not an IndentationError.
        let text = if mode == Mode::Eval {
            text.trim_start_matches([' ', '\t']).to_string()
        } else {
            text
        };
        compile_text(vm, &text, "<string>", mode)?
    };
    let r = if code_data(&code).has_flag(crate::bytecode::code::code_flags::OPTIMIZED) {
        run_function_code(vm, &code, &globals)?
    } else {
        vm.run_code(&code, &globals, locals.as_ref())?
    };
    if mode == Mode::Eval {
        Ok(r)
    } else {
        Ok(vm.none.clone())
    }
}

/// A function's code object given to exec/eval runs as CPython runs it: as a call of a
/// function made from it with no arguments (so parameters are reported missing, cells are
/// made, generator code returns a generator); code that needs a closure is refused.
fn run_function_code(vm: &mut Vm, code: &Obj, globals: &Obj) -> PyResult<Obj> {
    let cd = code_data(code);
    if !cd.freevars.is_empty() {
        let n = cd.freevars.len();
        return Err(vm.type_error(format!(
            "code object requires a closure of exactly length {n}"
        )));
    }
    let qualname = vm.new_str(&cd.qualname)?;
    let builtins = vm.builtins_of(globals);
    let f = vm.new_function(code.clone(), qualname, globals.clone(), builtins)?;
    vm.call(&f, &[])
}

/// `eval(source, globals=None, locals=None, /)`.
pub fn builtin_eval(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    run(vm, "eval", a, Mode::Eval)
}

/// `exec(source, globals=None, locals=None, /)`.
pub fn builtin_exec(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    run(vm, "exec", a, Mode::Exec)
}
