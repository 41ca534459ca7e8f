//! The virtual machine: interpreter state (built-in types and singletons, interned names,
//! the value stack and frame stack, the handled-exception state) and error construction.
//! The eval loop is in `eval`, calls in `call`, the object protocols in `ops`, type bootstrap
//! in `types`, traceback rendering in `traceback`.
//!
//! Invariants:
//! - One `Vm` per thread at a time (the heap is thread-local).
//! - `stack` holds the locals and operand stacks of all active frames contiguously; frame
//!   `f` owns `stack[f.base..]` up to the next frame's base.

pub(crate) mod alloc_frames;
pub mod attr_inline;
pub mod call;
pub mod eval;
pub mod frame;
pub mod global_cache;
pub mod import;
pub mod internal_error;
pub mod interrupt;
pub mod ops;
pub mod suggestions;
pub mod traceback;
pub mod types;

use std::collections::HashMap;
use std::io::Write;

use crate::heap::Obj;
pub use frame::Frame;
use types::Types;

/// A raised exception travelling up the Rust stack: the exception instance.
#[derive(Debug)]
pub struct PyErr {
    pub exc: Obj,
}

pub type PyResult<T> = Result<T, PyErr>;

/// Where `print` output goes: the process's stdout, or a capture buffer (embedding, tests).
pub enum Output {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    Capture(Vec<u8>),
}

impl Output {
    pub fn write_str(&mut self, s: &str) {
        match self {
            Output::Stdout(w) => {
                let _ = w.write_all(s.as_bytes());
            }
            Output::Capture(v) => v.extend_from_slice(s.as_bytes()),
        }
    }
    /// Raw bytes (`sys.stdout.buffer.write`).
    pub fn write_bytes(&mut self, b: &[u8]) {
        match self {
            Output::Stdout(w) => {
                let _ = w.write_all(b);
            }
            Output::Capture(v) => v.extend_from_slice(b),
        }
    }
    pub fn flush(&mut self) {
        if let Output::Stdout(w) = self {
            let _ = w.flush();
        }
    }
}

pub struct Vm {
    pub types: Types,
    pub none: Obj,
    pub true_obj: Obj,
    pub false_obj: Obj,
    pub not_implemented: Obj,
    pub ellipsis: Obj,
    pub empty_tuple: Obj,
    pub empty_str: Obj,
    pub latin1_chars: Vec<Obj>,
    pub small_ints: Vec<Obj>,
    pub interned: HashMap<Box<str>, Obj, ahash::RandomState>,
    pub builtins: Obj,
    pub builtins_dict: Obj,
    pub sys_module: Obj,
    /// What every instantiation looks up, interned once (interning hashes the text):
    /// `__new__`, its type-attribute-cache key for "defined by a class statement", then the
    /// same two for `__init__` (see `class_slots::lookup_python_attr_cached`).
    pub instantiation_names: [Obj; 4],
    /// `sys.modules`.
    pub modules: Obj,
    /// The value stack shared by all frames (locals, then the operand stack, per frame).
    /// Never shrunk: the eval loop pushes without capacity checks into room it reserved
    /// when it entered a frame (`heap::value_stack`).
    pub stack: Vec<Option<Obj>>,
    pub frames: Vec<Frame>,
    /// The exception currently being handled (`sys.exc_info()`), if any.
    pub handled: Option<Obj>,
    /// The value of an entry frame that just returned, for `run_frame` to hand back.
    pub returned: Option<Obj>,
    /// Set by `YIELD_VALUE` so the resumer can tell a yield from a return.
    pub gen_yielded: bool,
    pub recursion_limit: usize,
    /// Python-level call depth (frames plus native re-entries).
    pub depth: usize,
    pub stdout: Output,
    /// Source text of files compiled in this session, for traceback lines.
    pub sources: HashMap<String, std::rc::Rc<str>>,
    pub memory_error_instance: Option<Obj>,
    /// Containers whose repr is being computed (to print `[...]` for recursion).
    pub repr_stack: Vec<usize>,
    /// (type, name) -> attribute found on the MRO; see `heap::type_attr_cache`.
    pub type_attr_cache: crate::heap::type_attr_cache::TypeAttrCache,
    /// Modules whose bodies are running (see `import`).
    pub importing: Vec<Obj>,
    /// The file and in-memory stream types (`modules::io`), set at startup.
    pub io: Option<crate::modules::io::IoTypes>,
}

impl Vm {
    pub fn new() -> Vm {
        types::bootstrap()
    }

    // ---- raising ----

    /// Builds an exception of type `ty` with one str argument.
    pub fn new_error(&mut self, ty: &Obj, msg: String) -> PyErr {
        let ty = ty.clone();
        let m = match self.new_str(&msg) {
            Ok(m) => m,
            Err(e) => return e,
        };
        match self.new_exception(&ty, vec![m]) {
            Ok(exc) => PyErr { exc },
            Err(e) => e,
        }
    }

    pub fn type_error(&mut self, msg: String) -> PyErr {
        let t = self.types.exc.type_error.clone();
        self.new_error(&t, msg)
    }
    pub fn value_error(&mut self, msg: String) -> PyErr {
        let t = self.types.exc.value_error.clone();
        self.new_error(&t, msg)
    }
    pub fn index_error(&mut self, msg: String) -> PyErr {
        let t = self.types.exc.index_error.clone();
        self.new_error(&t, msg)
    }
    pub fn key_error(&mut self, key: Obj) -> PyErr {
        let t = self.types.exc.key_error.clone();
        match self.new_exception(&t, vec![key]) {
            Ok(exc) => PyErr { exc },
            Err(e) => e,
        }
    }
    pub fn name_error(&mut self, msg: String) -> PyErr {
        let t = self.types.exc.name_error.clone();
        self.new_error(&t, msg)
    }
    /// `NameError: name 'x' is not defined`, with the `name` attribute CPython's suggestion
    /// machinery reads.
    pub fn undefined_name(&mut self, name: &str) -> PyErr {
        let err = self.name_error(format!("name '{name}' is not defined"));
        if let Ok(n) = self.new_str(name) {
            let key = self.intern("name");
            let _ = self.setattr(&err.exc, &key, Some(n));
        }
        err
    }

    pub fn attribute_error(&mut self, msg: String) -> PyErr {
        let t = self.types.exc.attribute_error.clone();
        self.new_error(&t, msg)
    }
    pub fn overflow_error(&mut self, msg: String) -> PyErr {
        let t = self.types.exc.overflow_error.clone();
        self.new_error(&t, msg)
    }
    pub fn runtime_error(&mut self, msg: String) -> PyErr {
        let t = self.types.exc.runtime_error.clone();
        self.new_error(&t, msg)
    }
    pub fn zero_division_error(&mut self, msg: &str) -> PyErr {
        let t = self.types.exc.zero_division_error.clone();
        self.new_error(&t, msg.to_string())
    }
    pub fn not_implemented_error(&mut self, msg: String) -> PyErr {
        let t = self.types.exc.not_implemented_error.clone();
        self.new_error(&t, msg)
    }
    pub fn recursion_error(&mut self) -> PyErr {
        let t = self.types.exc.recursion_error.clone();
        self.new_error(&t, "maximum recursion depth exceeded".into())
    }
    pub fn stop_iteration(&mut self, value: Option<Obj>) -> PyErr {
        let t = self.types.exc.stop_iteration.clone();
        let args = value.into_iter().collect();
        match self.new_exception(&t, args) {
            Ok(exc) => PyErr { exc },
            Err(e) => e,
        }
    }

    /// KeyboardInterrupt with no arguments (what Ctrl-C raises).
    pub fn keyboard_interrupt(&mut self) -> PyErr {
        let t = self.types.exc.keyboard_interrupt.clone();
        match self.new_exception(&t, Vec::new()) {
            Ok(exc) => PyErr { exc },
            Err(e) => e,
        }
    }

    /// The preallocated MemoryError (allocating one could itself fail).
    /// A MemoryError to raise: a new instance, as CPython hands out one from its free list
    /// each time, so a caught one does not keep its traceback (and the frames' globals) alive
    /// afterwards; the instance made at startup, cleared, when even that allocation fails.
    pub fn memory_error(&mut self) -> PyErr {
        let ty = self.types.exc.memory_error.clone();
        let args = self.empty_tuple.clone();
        if let Ok(exc) = crate::objects::exception::alloc_exception(&ty, args) {
            return PyErr { exc };
        }
        let exc = self
            .memory_error_instance
            .clone()
            .expect("MemoryError instance is created at startup");
        let d = crate::objects::exception::exc_data(&exc);
        d.traceback.set(None);
        d.context.set(None);
        d.cause.set(None);
        PyErr { exc }
    }

    /// Whether `err` is an instance of exception type `ty`.
    pub fn err_matches(&self, err: &PyErr, ty: &Obj) -> bool {
        err.exc
            .ty()
            .is_subtype(crate::objects::typeobj::as_type(ty) as *const _)
    }

    /// Enters a container repr; true if it is already being printed (a recursive structure).
    pub fn repr_guard_enter(&mut self, o: &Obj) -> bool {
        if self.repr_stack.contains(&o.addr()) {
            return true;
        }
        self.repr_stack.push(o.addr());
        false
    }

    pub fn repr_guard_leave(&mut self, o: &Obj) {
        if let Some(p) = self.repr_stack.iter().rposition(|a| *a == o.addr()) {
            self.repr_stack.remove(p);
        }
    }

    /// Flushes buffered output (including files that `sys.stdout`/`sys.stderr` were
    /// redirected to).
    pub fn flush(&mut self) {
        crate::modules::io::flush_std_streams(self);
        self.stdout.flush();
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}
