//! Calls: pushing a frame for a Python function (binding positional, keyword, default,
//! `*args` and `**kwargs` parameters with CPython's error messages, creating cells), and the
//! generic call protocol for every other callable.

use crate::bytecode::code::{code_flags, CodeObject};
use crate::heap::frame_ref::FrameRef;
use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::code::code_data;
use crate::objects::function::func_data;
use crate::objects::{dict, str as pystr, tuple};
use crate::vm::{Frame, PyResult, Vm};

impl Vm {
    /// Pushes a frame for Python function `func` whose arguments are `stack[args_start..]`
    /// (positional values, then keyword values named by `kwnames`). On failure the stack is
    /// cut back to `cleanup_to`.
    pub fn push_function_frame(
        &mut self,
        func: &Obj,
        args_start: usize,
        kwnames: Option<&Obj>,
        cleanup_to: usize,
        is_entry: bool,
    ) -> PyResult<Option<Obj>> {
        if self.depth >= self.recursion_limit {
            self.truncate_stack(cleanup_to);
            return Err(self.recursion_error());
        }
        let fd = self.func_of(func);
        let code = self.code_of(&fd.code);
        let nlocals = code.nlocalsplus();
        let nkw = kwnames.map_or(0, tuple::len);
        let npos = self.stack.len() - args_start - nkw;
        let simple = nkw == 0
            && npos == code.argcount as usize
            && code.kwonlyargcount == 0
            && code.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) == 0;
        if simple {
            // Locals past the arguments start unbound.
            for _ in npos..nlocals {
                self.stack.push(None);
            }
        } else {
            let args = self.pop_n(self.stack.len() - args_start);
            let locals = match self.bind_arguments(func, code, &args, kwnames) {
                Ok(l) => l,
                Err(e) => {
                    drop(args);
                    self.truncate_stack(cleanup_to);
                    return Err(e);
                }
            };
            drop(args);
            self.stack.extend(locals);
            self.stack.resize(args_start + nlocals, None);
        }
        let base = args_start;
        if !code.cellvars.is_empty() || !code.freevars.is_empty() {
            if let Err(e) = self.init_cells(func, code, base) {
                self.truncate_stack(cleanup_to);
                return Err(e);
            }
        }
        if code.has_flag(code_flags::GENERATOR) {
            // A generator function's call returns a generator holding the bound frame.
            let slots: Vec<Option<Obj>> = self.stack.drain(base..).collect();
            self.truncate_stack(cleanup_to);
            // SAFETY: the frame owns `func`, which keeps both namespaces for its whole life.
            let (globals, builtins) = unsafe {
                (
                    FrameRef::borrowed(&fd.globals),
                    FrameRef::borrowed(&fd.builtins),
                )
            };
            let frame = Frame {
                code: fd.code.clone(),
                func: Some(func.clone()),
                globals,
                builtins,
                locals: None,
                ip: 0,
                base: 0,
                cleanup_to: 0,
                is_entry: true,
            };
            return self.new_generator(frame, slots, func).map(Some);
        }
        self.push_frame_record(func, fd, base, cleanup_to, is_entry);
        Ok(None)
    }

    /// Pushes the record of a frame running function `func` (whose data is `fd`) with its
    /// local slots from `base`, to cut the stack back to `cleanup_to` when it returns.
    #[inline(always)]
    pub(crate) fn push_frame_record(
        &mut self,
        func: &Obj,
        fd: &crate::objects::function::FunctionData,
        base: usize,
        cleanup_to: usize,
        is_entry: bool,
    ) {
        self.depth += 1;
        // SAFETY: the function outlives the frame. A call from bytecode leaves it in the value
        // stack slot `cleanup_to`, which is only cut when the frame returns (CPython moves
        // that reference into the frame); a call from Rust code gives the frame its own
        // reference below (as CPython's vectorcall increfs the function).
        let (globals, builtins) = unsafe {
            (
                FrameRef::borrowed(&fd.globals),
                FrameRef::borrowed(&fd.builtins),
            )
        };
        self.frames.push(Frame {
            code: fd.code.clone(),
            func: if is_entry { Some(func.clone()) } else { None },
            globals,
            builtins,
            locals: None,
            ip: 0,
            base,
            cleanup_to,
            is_entry,
        });
    }

    /// Cuts the value stack back to `len`. Dropping the removed handles cannot re-enter the
    /// VM (deallocation never runs Python code while the stack is borrowed), so truncating in
    /// place is safe and allocation-free.
    pub(crate) fn truncate_stack(&mut self, len: usize) {
        self.stack.truncate(len);
    }

    fn init_cells(&mut self, func: &Obj, code: &CodeObject, base: usize) -> PyResult<()> {
        let nv = code.varnames.len();
        for i in 0..code.cellvars.len() {
            let init = code
                .cell_args
                .iter()
                .find(|(c, _)| *c as usize == i)
                .and_then(|(_, a)| self.stack[base + *a as usize].clone());
            let cell = self.new_cell(init)?;
            self.stack[base + nv + i] = Some(cell);
        }
        if let Some(closure) = func_data(func).closure.get() {
            let nc = code.cellvars.len();
            for (j, cell) in tuple::items(&closure).iter().enumerate() {
                self.stack[base + nv + nc + j] = Some(cell.clone());
            }
        }
        Ok(())
    }

    /// Binds call arguments to parameter slots (the first `total_args` locals).
    fn bind_arguments(
        &mut self,
        func: &Obj,
        code: &CodeObject,
        args: &[Obj],
        kwnames: Option<&Obj>,
    ) -> PyResult<Vec<Option<Obj>>> {
        let fd = func_data(func);
        let qual = fd
            .qualname
            .get()
            .map(|q| pystr::as_str(&q).to_string())
            .unwrap_or_default();
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.has_flag(code_flags::VARARGS);
        let has_varkw = code.has_flag(code_flags::VARKEYWORDS);
        let nkw = kwnames.map_or(0, tuple::len);
        let pos = &args[..args.len() - nkw];
        let kwvals = &args[args.len() - nkw..];
        let mut slots: Vec<Option<Obj>> = vec![None; code.total_args()];
        let varargs_slot = argcount + kwonly;
        let varkw_slot = varargs_slot + usize::from(has_varargs);

        for (i, v) in pos.iter().take(argcount).enumerate() {
            slots[i] = Some(v.clone());
        }
        if pos.len() > argcount {
            if has_varargs {
                let extra = self.new_tuple_slice(&pos[argcount..])?;
                slots[varargs_slot] = Some(extra);
            } else {
                return Err(self.too_many_positional(&qual, code, func, pos.len(), nkw));
            }
        } else if has_varargs {
            slots[varargs_slot] = Some(self.empty_tuple.clone());
        }
        let kwdict = if has_varkw {
            let d = self.new_dict()?;
            slots[varkw_slot] = Some(d.clone());
            Some(d)
        } else {
            None
        };
        if let Some(names) = kwnames {
            for (name, v) in tuple::items(names).iter().zip(kwvals) {
                let n = pystr::as_str(name);
                let idx = code.varnames[..argcount + kwonly]
                    .iter()
                    .position(|p| p == n)
                    .filter(|&i| i >= code.posonlyargcount as usize);
                match idx {
                    Some(i) => {
                        if slots[i].is_some() {
                            return Err(self.type_error(format!(
                                "{qual}() got multiple values for argument '{n}'"
                            )));
                        }
                        slots[i] = Some(v.clone());
                    }
                    None => match &kwdict {
                        Some(d) => self.dict_set(d, name.clone(), v.clone())?,
                        None => {
                            let posonly = code.varnames[..code.posonlyargcount as usize]
                                .iter()
                                .any(|p| p == n);
                            let msg = if posonly {
                                format!("{qual}() got some positional-only arguments passed as keyword arguments: '{n}'")
                            } else {
                                format!("{qual}() got an unexpected keyword argument '{n}'")
                            };
                            return Err(self.type_error(msg));
                        }
                    },
                }
            }
        }
        // Defaults for missing positional parameters.
        let defaults: Vec<Obj> = fd
            .defaults
            .get()
            .map(|d| tuple::items(&d).to_vec())
            .unwrap_or_default();
        let first_default = argcount - defaults.len().min(argcount);
        let mut missing = Vec::new();
        for (i, slot) in slots.iter_mut().enumerate().take(argcount) {
            if slot.is_none() {
                if i >= first_default {
                    *slot = Some(defaults[i - first_default].clone());
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&qual, "positional", &missing));
        }
        let kwdefaults = fd.kwdefaults.get();
        let mut missing = Vec::new();
        for (i, slot) in slots.iter_mut().enumerate().skip(argcount).take(kwonly) {
            if slot.is_none() {
                let name = &code.varnames[i];
                let d = match &kwdefaults {
                    Some(kd) => {
                        let k = self.intern(name);
                        dict::data(kd).get_str(&k)
                    }
                    None => None,
                };
                match d {
                    Some(v) => *slot = Some(v),
                    None => missing.push(name.clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&qual, "keyword-only", &missing));
        }
        Ok(slots)
    }

    fn too_many_positional(
        &mut self,
        qual: &str,
        code: &CodeObject,
        func: &Obj,
        given: usize,
        nkw: usize,
    ) -> crate::vm::PyErr {
        let argcount = code.argcount as usize;
        let ndefaults = func_data(func).defaults.get().map_or(0, |d| tuple::len(&d));
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let takes = if ndefaults > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - ndefaults,
                argcount
            )
        } else {
            format!("{argcount} positional argument{}", plural(argcount))
        };
        let kw_note = if nkw > 0 {
            format!(
                " positional argument{} (and {nkw} keyword-only argument{})",
                plural(given),
                plural(nkw)
            )
        } else {
            String::new()
        };
        let was = if given == 1 { "was" } else { "were" };
        if kw_note.is_empty() {
            self.type_error(format!("{qual}() takes {takes} but {given} {was} given"))
        } else {
            self.type_error(format!(
                "{qual}() takes {takes} but {given}{kw_note} were given"
            ))
        }
    }

    fn missing_args(&mut self, qual: &str, kind: &str, names: &[String]) -> crate::vm::PyErr {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            _ => format!(
                "{}, and {}",
                quoted[..quoted.len() - 1].join(", "),
                quoted[quoted.len() - 1]
            ),
        };
        let n = names.len();
        self.type_error(format!(
            "{qual}() missing {n} required {kind} argument{}: {list}",
            if n == 1 { "" } else { "s" }
        ))
    }

    /// Calls `func` with positional arguments.
    pub fn call(&mut self, func: &Obj, args: &[Obj]) -> PyResult<Obj> {
        self.call_with_args(func, Args::new(args))
    }

    /// The generic call protocol.
    pub fn call_with_args(&mut self, func: &Obj, args: Args) -> PyResult<Obj> {
        if crate::objects::function::is_function(self, func) {
            let base = self.stack.len();
            for a in args.values {
                self.stack.push(Some(a.clone()));
            }
            if let Some(gen) = self.push_function_frame(func, base, args.kwnames, base, true)? {
                return Ok(gen);
            }
            return self.run_frame();
        }
        match func.ty().slots.call.get() {
            Some(call) => {
                if self.depth >= self.recursion_limit {
                    return Err(self.recursion_error());
                }
                self.depth += 1;
                let r = call(self, func, args);
                self.depth -= 1;
                r
            }
            None => Err(self.type_error(format!("'{}' object is not callable", func.ty().name()))),
        }
    }

    /// `f(*args, **kwargs)`.
    pub fn call_ex(&mut self, func: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
        let mut values: Vec<Obj> = match tuple::try_items(args) {
            Some(items) => items.to_vec(),
            None => self.iterate(args)?,
        };
        let mut names = Vec::new();
        if let Some(kw) = kwargs {
            for (k, v) in dict::data(kw).items() {
                if !pystr::is_str(&k) {
                    return Err(self.type_error("keywords must be strings".into()));
                }
                names.push(k);
                values.push(v);
            }
        }
        if names.is_empty() {
            return self.call(func, &values);
        }
        let kwnames = self.new_tuple(names)?;
        self.call_with_args(func, Args::with_kwnames(&values, Some(&kwnames)))
    }

    /// Runs a class body function with `ns` as its namespace (`LOAD_NAME`/`STORE_NAME`).
    pub fn run_class_body(&mut self, func: &Obj, ns: &Obj) -> PyResult<Obj> {
        let base = self.stack.len();
        if self
            .push_function_frame(func, base, None, base, true)?
            .is_some()
        {
            return Err(self.type_error("a class body cannot be a generator".into()));
        }
        if let Some(f) = self.frames.last_mut() {
            f.locals = Some(ns.clone());
        }
        self.run_frame()
    }

    /// Runs a module-level code object in `globals`.
    pub fn run_code(&mut self, code: &Obj, globals: &Obj, locals: Option<&Obj>) -> PyResult<Obj> {
        let base = self.stack.len();
        let n = code_data(code).nlocalsplus();
        self.stack.resize(base + n, None);
        if self.depth >= self.recursion_limit {
            self.truncate_stack(base);
            return Err(self.recursion_error());
        }
        self.depth += 1;
        let builtins = self.builtins_of(globals);
        self.frames.push(Frame {
            code: code.clone(),
            func: None,
            globals: FrameRef::owned(globals.clone()),
            builtins: FrameRef::owned(builtins),
            locals: locals.cloned(),
            ip: 0,
            base,
            cleanup_to: base,
            is_entry: true,
        });
        self.run_frame()
    }

    /// A callable's name for messages.
    /// How CPython's call-site errors name a callable (`_PyObject_FunctionStr`): its module
    /// and qualified name with `()`, the module left out for built-ins.
    pub fn function_str(&mut self, f: &Obj) -> String {
        let qualname = self
            .getattr_str(f, "__qualname__")
            .ok()
            .and_then(|q| pystr::try_as_str(&q).map(str::to_string));
        let Some(qualname) = qualname else {
            return format!("{} object", f.ty().name());
        };
        let module = self
            .getattr_str(f, "__module__")
            .ok()
            .and_then(|m| pystr::try_as_str(&m).map(str::to_string));
        match module {
            Some(m) if m != "builtins" => format!("{m}.{qualname}()"),
            _ => format!("{qualname}()"),
        }
    }

    pub fn callable_name(&self, f: &Obj) -> String {
        if crate::objects::function::is_function(self, f) {
            return func_data(f)
                .qualname
                .get()
                .map(|q| pystr::as_str(&q).to_string())
                .unwrap_or_default();
        }
        if f.ty().name() == "builtin_function_or_method" {
            return crate::objects::function::builtin_data(f).name.to_string();
        }
        if let Some(t) = crate::objects::typeobj::try_as_type(f) {
            return t.name().to_string();
        }
        f.ty().name().to_string()
    }
}
