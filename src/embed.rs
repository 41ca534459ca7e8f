//! The embedding API: running Python source from a Rust program and getting plain Rust
//! values back. An [`Interpreter`] keeps one `__main__` for everything run through
//! `run_source`, `run_file` and `eval` (created on first use, finalized by `finish` or
//! drop), converts results to [`Value`], reports Python exceptions as [`PyException`], can
//! capture what the code prints, and takes resource limits (recursion depth, heap bytes).
//!
//! ```
//! use pyrena::{Interpreter, Value};
//!
//! let mut py = Interpreter::new();
//! py.capture_output();
//! py.run_source("def area(w, h):\n    return w * h\nprint('ready')\n").unwrap();
//! assert_eq!(py.eval("area(3, 4)").unwrap(), Value::Int(12));
//! assert_eq!(py.take_stdout(), "ready\n");
//!
//! py.set_global("names", Value::List(vec![Value::from("ada"), Value::from("alan")])).unwrap();
//! assert_eq!(
//!     py.eval("{n: len(n) for n in names}").unwrap(),
//!     Value::Dict(vec![
//!         (Value::from("ada"), Value::Int(3)),
//!         (Value::from("alan"), Value::Int(4)),
//!     ])
//! );
//!
//! let err = py.eval("1 / 0").unwrap_err();
//! assert_eq!(err.type_name, "ZeroDivisionError");
//! assert_eq!(err.message, "division by zero");
//! ```
//!
//! Invariant: no Python object escapes this API; values cross as `Value` copies, so the
//! heap's reference counts and teardown stay the interpreter's business.

use crate::compiler::Mode;
use crate::heap::Obj;
use crate::interpreter::{Interpreter, MainSession};
use crate::objects::{bytes, dict, float, int, list, str as pystr, tuple};
use crate::vm::{Output, PyErr, Vm};

/// A Python value copied out of (or into) the interpreter.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    /// An int beyond `i64`, in decimal.
    BigInt(String),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    List(Vec<Value>),
    Tuple(Vec<Value>),
    /// A dict's items in insertion order.
    Dict(Vec<(Value, Value)>),
    /// Anything else (or a container met again inside itself): its type name and repr.
    Other {
        type_name: String,
        repr: String,
    },
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Str(s.to_string())
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(v)
    }
}

impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::Float(v)
    }
}

impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Bool(v)
    }
}

/// A Python exception that escaped the code run through the embedding API.
#[derive(Debug, Clone, PartialEq)]
pub struct PyException {
    /// The exception's class name (`ValueError`, or a user class's name).
    pub type_name: String,
    /// `str(exception)`.
    pub message: String,
    /// The report CPython would print (`Traceback (most recent call last): ...`).
    pub traceback: String,
}

impl std::fmt::Display for PyException {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.type_name)
        } else {
            write!(f, "{}: {}", self.type_name, self.message)
        }
    }
}

impl std::error::Error for PyException {}

fn exception_of(vm: &mut Vm, e: PyErr) -> PyException {
    let traceback = vm.format_exception(&e.exc);
    let message = vm.str_string(&e.exc).unwrap_or_default();
    PyException {
        type_name: e.exc.ty().qualname.clone(),
        message,
        traceback,
    }
}

/// How deep `to_value` copies nested containers before it gives the rest as `Other` (the
/// copy recurses on the native stack).
const MAX_VALUE_DEPTH: usize = 200;

/// Copies `o` out as a `Value`; `seen` holds the containers being copied (a cycle, or
/// nesting deeper than `MAX_VALUE_DEPTH`, becomes `Other`).
fn to_value(vm: &mut Vm, o: &Obj, seen: &mut Vec<usize>) -> Value {
    if o.is(&vm.none) {
        return Value::None;
    }
    if o.is(&vm.true_obj) || o.is(&vm.false_obj) {
        return Value::Bool(o.is(&vm.true_obj));
    }
    let exact = |t: &Obj| std::ptr::eq(o.type_ptr(), crate::objects::typeobj::as_type(t));
    let t = &vm.types;
    if exact(&t.int) {
        return match int::as_int(o) {
            Some(int::IntValue::Small(v)) => Value::Int(*v),
            Some(int::IntValue::Big(b)) => Value::BigInt(b.to_string()),
            None => Value::None,
        };
    }
    if exact(&t.float) {
        return Value::Float(float::as_float(o).unwrap_or(f64::NAN));
    }
    if exact(&t.str) {
        return Value::Str(pystr::as_str(o).to_string());
    }
    if exact(&t.bytes) {
        return Value::Bytes(bytes::as_bytes(o).to_vec());
    }
    let container = exact(&t.list) || exact(&t.tuple) || exact(&t.dict);
    if container && !seen.contains(&o.addr()) && seen.len() < MAX_VALUE_DEPTH {
        seen.push(o.addr());
        let v = if let Some(l) = list::try_data(o).filter(|_| exact(&vm.types.list)) {
            let items = l.snapshot();
            Value::List(items.iter().map(|i| to_value(vm, i, seen)).collect())
        } else if exact(&vm.types.tuple) {
            let items = tuple::items(o).to_vec();
            Value::Tuple(items.iter().map(|i| to_value(vm, i, seen)).collect())
        } else {
            let items = dict::data(o).items();
            Value::Dict(
                items
                    .iter()
                    .map(|(k, v)| (to_value(vm, k, seen), to_value(vm, v, seen)))
                    .collect(),
            )
        };
        seen.pop();
        return v;
    }
    Value::Other {
        type_name: o.ty().name().to_string(),
        repr: vm
            .repr_string(o)
            .unwrap_or_else(|_| "<unrepresentable>".into()),
    }
}

/// Builds a Python object from a `Value` (`Other` cannot be rebuilt and becomes its repr).
fn to_object(vm: &mut Vm, v: &Value) -> Result<Obj, PyErr> {
    Ok(match v {
        Value::None => vm.none.clone(),
        Value::Bool(b) => vm.new_bool(*b),
        Value::Int(i) => vm.new_int(*i)?,
        Value::BigInt(s) => match s.parse::<num_bigint::BigInt>() {
            Ok(b) => vm.new_bigint(b)?,
            Err(_) => return Err(vm.value_error(format!("invalid BigInt value {s:?}"))),
        },
        Value::Float(f) => vm.new_float(*f)?,
        Value::Str(s) => vm.new_str(s)?,
        Value::Bytes(b) => vm.new_bytes(b)?,
        Value::List(items) | Value::Tuple(items) => {
            let objs = items
                .iter()
                .map(|i| to_object(vm, i))
                .collect::<Result<Vec<_>, _>>()?;
            if matches!(v, Value::List(_)) {
                vm.new_list(objs)?
            } else {
                vm.new_tuple(objs)?
            }
        }
        Value::Dict(items) => {
            let d = vm.new_dict()?;
            for (k, val) in items {
                let (k, val) = (to_object(vm, k)?, to_object(vm, val)?);
                vm.dict_set(&d, k, val)?;
            }
            d
        }
        Value::Other { repr, .. } => vm.new_str(repr)?,
    })
}

impl Interpreter {
    /// The `__main__` the embedding API runs in, created on first use.
    fn embedded_session(&mut self) -> Result<&MainSession, PyException> {
        if self.embedded.is_none() {
            let s = match self.begin_main("<embedded>") {
                Ok(s) => s,
                Err(e) => return Err(exception_of(self.vm(), e)),
            };
            self.embedded = Some(s);
        }
        Ok(self.embedded.as_ref().expect("just created"))
    }

    fn run_in_session(
        &mut self,
        source: &str,
        filename: &str,
        mode: Mode,
    ) -> Result<Value, PyException> {
        self.embedded_session()?;
        let compiled = if mode == Mode::Eval {
            crate::parser::parse_expression(source, filename).and_then(|e| {
                crate::compiler::compile_expression(self.vm(), &e, source, filename).map_err(|e| *e)
            })
        } else {
            self.compile(source, filename, mode).map_err(|e| *e)
        };
        let code = match compiled {
            Ok(c) => c,
            Err(e) => {
                let vm = self.vm();
                let err = vm.syntax_error_from(&e);
                return Err(exception_of(vm, err));
            }
        };
        let globals = self.embedded.as_ref().expect("session").globals().clone();
        let vm = self.vm();
        let r = vm.run_code(&code, &globals, None);
        drop(code);
        vm.run_pending();
        vm.flush();
        match r {
            Ok(v) => Ok(to_value(vm, &v, &mut Vec::new())),
            Err(e) => Err(exception_of(vm, e)),
        }
    }

    /// Runs statements in the embedded `__main__` (named `<embedded>` in tracebacks).
    pub fn run_source(&mut self, source: &str) -> Result<(), PyException> {
        self.run_in_session(source, "<embedded>", Mode::Exec)
            .map(drop)
    }

    /// Runs a file's statements in the embedded `__main__` (tracebacks show its lines).
    pub fn run_file(&mut self, path: impl AsRef<std::path::Path>) -> Result<(), PyException> {
        let path = path.as_ref();
        let source = match std::fs::read(path) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => {
                self.embedded_session()?;
                let vm = self.vm();
                let err = vm.os_error_path(&e, &path.to_string_lossy());
                return Err(exception_of(vm, err));
            }
        };
        let name = path.to_string_lossy().into_owned();
        self.run_in_session(&source, &name, Mode::Exec).map(drop)
    }

    /// Evaluates one expression in the embedded `__main__` and copies the result out.
    pub fn eval(&mut self, expression: &str) -> Result<Value, PyException> {
        self.run_in_session(expression.trim(), "<embedded>", Mode::Eval)
    }

    /// Binds `name` in the embedded `__main__` to a copy of `value`.
    pub fn set_global(&mut self, name: &str, value: Value) -> Result<(), PyException> {
        self.embedded_session()?;
        let globals = self.embedded.as_ref().expect("session").globals().clone();
        let vm = self.vm();
        let r = to_object(vm, &value).and_then(|o| vm.dict_set_str(&globals, name, o));
        r.map_err(|e| exception_of(vm, e))
    }

    /// From now on, what the code prints to `sys.stdout` and `sys.stderr` is kept for
    /// `take_stdout` / `take_stderr` instead of reaching the process's streams. (Reports the
    /// interpreter itself writes, such as `gc.DEBUG_STATS` lines, still go to stderr.)
    pub fn capture_output(&mut self) {
        let _ = self.embedded_session();
        let vm = self.vm();
        vm.flush();
        vm.stdout = Output::Capture(Vec::new());
        let sio = vm.io.as_ref().map(|io| io.string_io.clone());
        if let Some(sio) = sio {
            if let Ok(buf) = vm.call(&sio, &[]) {
                let sys = crate::objects::module::module_dict(&vm.sys_module).clone();
                let _ = vm.dict_set_str(&sys, "stderr", buf);
            }
        }
    }

    /// What was printed to `sys.stdout` since the last call (with `capture_output`).
    pub fn take_stdout(&mut self) -> String {
        let vm = self.vm();
        vm.flush();
        match &mut vm.stdout {
            Output::Capture(v) => String::from_utf8_lossy(&std::mem::take(v)).into_owned(),
            Output::Stdout(_) => String::new(),
        }
    }

    /// What was written to `sys.stderr` since the last call (with `capture_output`).
    pub fn take_stderr(&mut self) -> String {
        let vm = self.vm();
        let sys = crate::objects::module::module_dict(&vm.sys_module).clone();
        let key = vm.intern("stderr");
        let Some(buf) = dict::data(&sys).get_str(&key) else {
            return String::new();
        };
        let is_sio = vm.io.as_ref().is_some_and(|io| {
            buf.ty()
                .is_subtype(crate::objects::typeobj::as_type(&io.string_io))
        });
        if !is_sio {
            return String::new();
        }
        let text = vm
            .getattr_str(&buf, "getvalue")
            .and_then(|f| vm.call(&f, &[]))
            .map(|s| pystr::try_as_str(&s).unwrap_or("").to_string())
            .unwrap_or_default();
        let _ = vm.getattr_str(&buf, "seek").and_then(|f| {
            let zero = vm.new_int(0)?;
            vm.call(&f, &[zero])
        });
        let _ = vm
            .getattr_str(&buf, "truncate")
            .and_then(|f| vm.call(&f, &[]));
        text
    }

    /// The deepest Python call nesting allowed before RecursionError (CPython's default is
    /// 1000), as `sys.setrecursionlimit` sets it.
    pub fn set_recursion_limit(&mut self, limit: usize) {
        self.vm().recursion_limit = limit.max(1);
    }

    /// Caps the bytes the heap may hand out (objects and their storage, startup objects
    /// included); allocations past it raise MemoryError. `None` removes the cap.
    pub fn set_memory_limit(&mut self, bytes: Option<usize>) {
        crate::heap::alloc::with_obmalloc(|m| m.set_limit(bytes));
    }

    /// Finalizes the embedded `__main__` now (as at the end of a program: cycles collected,
    /// `__del__` run, globals released); the next call starts a fresh one. Drop does this too.
    pub fn finish(&mut self) {
        if let Some(s) = self.embedded.take() {
            // Teardown must be able to allocate whatever limit the code ran under.
            self.set_memory_limit(None);
            self.end_main(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        let mut py = Interpreter::new();
        let v = Value::Tuple(vec![
            Value::None,
            Value::Bool(true),
            Value::Int(-7),
            Value::BigInt("123456789012345678901234567890".into()),
            Value::Float(2.5),
            Value::from("héllo"),
            Value::Bytes(b"\x00\xff".to_vec()),
            Value::List(vec![Value::Int(1)]),
            Value::Dict(vec![(Value::from("k"), Value::List(vec![]))]),
        ]);
        py.set_global("v", v.clone()).unwrap();
        assert_eq!(py.eval("v").unwrap(), v);
        assert_eq!(py.eval("type(v[3]).__name__").unwrap(), Value::from("int"));
        assert_eq!(
            py.eval("2 ** 70").unwrap(),
            Value::BigInt("1180591620717411303424".into())
        );
        match py.eval("{1, 2}").unwrap() {
            Value::Other { type_name, repr } => {
                assert_eq!((type_name.as_str(), repr.as_str()), ("set", "{1, 2}"))
            }
            other => panic!("{other:?}"),
        }
        py.run_source("loop = [1]\nloop.append(loop)\n").unwrap();
        let Value::List(items) = py.eval("loop").unwrap() else {
            panic!()
        };
        assert!(matches!(&items[1], Value::Other { repr, .. } if repr == "[1, [...]]"));
    }

    #[test]
    fn errors_output_and_limits() {
        let mut py = Interpreter::new();
        py.capture_output();
        py.run_source("import sys\nprint('out')\nprint('err', file=sys.stderr)\n")
            .unwrap();
        assert_eq!(py.take_stdout(), "out\n");
        assert_eq!(py.take_stderr(), "err\n");
        assert_eq!(py.take_stderr(), "");

        let e = py
            .run_source("def f():\n    raise KeyError('k')\nf()\n")
            .unwrap_err();
        assert_eq!(e.to_string(), "KeyError: 'k'");
        assert!(
            e.traceback.contains("File \"<embedded>\", line 2, in f"),
            "{}",
            e.traceback
        );
        let e = py.eval("1 +").unwrap_err();
        assert_eq!(e.type_name, "SyntaxError");

        py.set_recursion_limit(50);
        py.run_source("def down(n):\n    return down(n + 1)\n")
            .unwrap();
        assert_eq!(py.eval("down(0)").unwrap_err().type_name, "RecursionError");

        py.set_memory_limit(Some(32 << 20));
        assert_eq!(
            py.eval("len(bytearray(64 << 20))").unwrap_err().type_name,
            "MemoryError"
        );
        py.set_memory_limit(None);
        assert_eq!(
            py.eval("len(bytearray(64 << 20))").unwrap(),
            Value::Int(64 << 20)
        );
        // eval takes exactly one expression.
        for bad in ["", "x = 1", "1; 2"] {
            assert_eq!(
                py.eval(bad).unwrap_err().type_name,
                "SyntaxError",
                "{bad:?}"
            );
        }
        // Deep nesting is copied only so far (no native stack overflow).
        py.run_source("deep = []\nfor _ in range(100000):\n    deep = [deep]\n")
            .unwrap();
        let mut v = py.eval("deep").unwrap();
        let mut depth = 0;
        while let Value::List(mut items) = v {
            v = items.pop().unwrap();
            depth += 1;
        }
        assert_eq!(depth, MAX_VALUE_DEPTH);
        assert!(matches!(v, Value::Other { .. }));
        // A memory limit left in place does not stop the teardown.
        py.set_memory_limit(Some(1));
        py.finish();
        py.set_memory_limit(None);
        // A fresh __main__ after finish.
        assert_eq!(py.eval("'f' in globals()").unwrap(), Value::Bool(false));
    }
}
