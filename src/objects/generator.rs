//! Generators: calling a generator function creates a generator object holding a suspended
//! frame (its record plus its slice of the value stack). `next`/`send`/`throw` move the
//! slice back onto the VM's stack and run the frame until it yields (`YIELD_VALUE` returns
//! from the eval loop and `gen_resume` moves the frame out again) or returns.
//!
//! Invariants: a generator is Created, Suspended, Running or Finished; only Created and
//! Suspended generators hold a saved frame; a Running generator's frame is on the VM's frame
//! stack and cannot be resumed again ("generator already executing").

use std::cell::Cell;

use crate::heap::{Obj, ObjSlot};
use crate::objects::args::Args;
use crate::objects::pybox::{new_box, payload};
use crate::objects::typeobj::as_type;
use crate::objects::{exception, str as pystr};
use crate::vm::{Frame, PyErr, PyResult, Vm};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

/// A generator's frame while it is not running: the frame record and its slice of the
/// value stack. Allocated once with the generator; suspending and resuming move the record
/// and the slots in and out without allocating (the slots vector keeps its capacity).
pub struct SavedFrame {
    /// The frame record: Some while the generator is Created or Suspended.
    pub frame: Cell<Option<Frame>>,
    /// The frame's locals and operand stack while it is saved (`base` is 0-relative then);
    /// empty otherwise.
    pub slots: Cell<Vec<Option<Obj>>>,
}

pub struct GeneratorData {
    /// Weak references to this generator (cleared first when it dies).
    pub weaklist: crate::objects::weakref::WeakList,
    pub state: Cell<GenState>,
    pub saved: Box<SavedFrame>,
    pub name: Obj,
    pub qualname: Obj,
    /// The exception the generator was handling when it last yielded.
    pub saved_exc: ObjSlot,
    /// The finalizer (closing a suspended generator) already ran or is queued: it runs once.
    pub finalized: Cell<bool>,
}

/// What a resumed generator did.
pub enum GenStep {
    Yielded(Obj),
    Returned(Obj),
}

/// How a generator is resumed.
pub enum Resume {
    Send(Obj),
    Throw(PyErr),
}

pub fn is_generator(vm: &Vm, o: &Obj) -> bool {
    o.has_exact_type(&vm.types.generator)
}

fn data(o: &Obj) -> &GeneratorData {
    assert_eq!(o.ty().name(), "generator");
    // SAFETY: generator objects use the `PyBox<GeneratorData>` layout.
    unsafe { payload::<GeneratorData>(o) }
}

/// `data` for the resume path: the same check as a pointer comparison with the generator
/// type (the type cannot be subclassed), instead of comparing type names.
#[inline(always)]
fn data_of<'a>(vm: &Vm, o: &'a Obj) -> &'a GeneratorData {
    assert!(is_generator(vm, o), "not a generator");
    // SAFETY: objects of the generator type use the `PyBox<GeneratorData>` layout.
    unsafe { payload::<GeneratorData>(o) }
}

impl Vm {
    /// Wraps a just-bound generator frame (`frame.base` is 0-relative to `slots`).
    pub fn new_generator(
        &mut self,
        frame: Frame,
        slots: Vec<Option<Obj>>,
        func: &Obj,
    ) -> PyResult<Obj> {
        let fd = crate::objects::function::func_data(func);
        let name = fd.name.get().unwrap_or_else(|| self.empty_str.clone());
        let qualname = fd.qualname.get().unwrap_or_else(|| name.clone());
        let data = GeneratorData {
            weaklist: Default::default(),
            state: Cell::new(GenState::Created),
            saved: Box::new(SavedFrame {
                frame: Cell::new(Some(frame)),
                slots: Cell::new(slots),
            }),
            name,
            qualname,
            saved_exc: ObjSlot::new(None),
            finalized: Cell::new(false),
        };
        let ty = self.types.generator.clone();
        new_box(as_type(&ty), data, true).map_err(|_| self.memory_error())
    }

    /// Moves the top frame, a generator's frame that has just yielded (`YIELD_VALUE` left it
    /// on the frame stack and returned from `run_frame`), and its slots back into `d`.
    /// The saved frame holds no reference to its generator (that would be a self-cycle, one
    /// extra reference visible to sys.getrefcount, and a generator only the collector frees).
    fn suspend_top_frame(&mut self, d: &GeneratorData) {
        let mut f = self.frames.pop().expect("generator frame");
        self.depth -= 1;
        let mut slots = d.saved.slots.take();
        // One bitwise move (no draining iterator); `slots` keeps its capacity between
        // suspensions.
        debug_assert!(slots.is_empty());
        crate::heap::value_stack::move_tail(&mut self.stack, f.base, &mut slots);
        d.saved.slots.set(slots);
        f.base = 0;
        d.saved.frame.set(Some(f));
        d.state.set(GenState::Suspended);
    }

    /// Resumes `gen` with a value or an exception and runs it to its next yield or its end.
    pub fn gen_resume(&mut self, gen: &Obj, how: Resume) -> PyResult<GenStep> {
        let d = data_of(self, gen);
        match d.state.get() {
            GenState::Running => {
                return Err(self.value_error("generator already executing".into()));
            }
            GenState::Finished => {
                return match how {
                    Resume::Send(_) => Ok(GenStep::Returned(self.none.clone())),
                    Resume::Throw(e) => Err(e),
                };
            }
            GenState::Created => match &how {
                Resume::Send(v) => {
                    if !v.is(&self.none) {
                        return Err(self.type_error(
                            "can't send non-None value to a just-started generator".into(),
                        ));
                    }
                }
                Resume::Throw(e) => {
                    // Nothing of the body has run, so no handler or `finally` of it sees the
                    // exception: it leaves from the `def` line, as in CPython.
                    let frame = d.saved.frame.take().expect("created generator has a frame");
                    let slots = d.saved.slots.take();
                    d.state.set(GenState::Finished);
                    self.attach_context(&e.exc);
                    let ed = exception::exc_data(&e.exc);
                    let prev = ed.traceback.take();
                    let (code, globals) = (frame.code.clone(), frame.globals.clone());
                    drop((frame, slots));
                    let lasti = crate::objects::exception::LASTI_NOT_STARTED;
                    if let Ok(tb) = self.new_traceback(prev, code, lasti, globals) {
                        ed.traceback.set(Some(tb));
                    }
                    return Err(PyErr { exc: e.exc.clone() });
                }
            },
            GenState::Suspended => {}
        }
        if self.depth >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        let mut frame = d
            .saved
            .frame
            .take()
            .expect("suspended generator has a frame");
        let was_created = d.state.get() == GenState::Created;
        let base = self.stack.len();
        frame.base = base;
        frame.cleanup_to = base;
        frame.is_entry = true;
        let mut slots = d.saved.slots.take();
        self.stack.append(&mut slots);
        d.saved.slots.set(slots);
        self.depth += 1;
        let yield_ip = frame.ip.saturating_sub(1);
        self.frames.push(frame);
        d.state.set(GenState::Running);
        let caller_exc = self.handled.clone();
        if let Some(e) = d.saved_exc.take() {
            self.handled = Some(e);
        }
        let result = match how {
            Resume::Send(v) => {
                if !was_created {
                    self.stack.push(Some(v));
                }
                self.run_frame()
            }
            Resume::Throw(e) => match self.unwind_into(e, yield_ip) {
                Ok(()) => self.run_frame(),
                Err(e) => Err(e),
            },
        };
        let yielded = std::mem::take(&mut self.gen_yielded);
        if yielded {
            self.suspend_top_frame(d);
            let mine = self.handled.take();
            if mine.as_ref().map(Obj::addr) != caller_exc.as_ref().map(Obj::addr) {
                d.saved_exc.set(mine);
            }
        } else {
            d.state.set(GenState::Finished);
        }
        self.handled = caller_exc;
        match result {
            Ok(v) if yielded => Ok(GenStep::Yielded(v)),
            Ok(v) => Ok(GenStep::Returned(v)),
            Err(e) => {
                d.state.set(GenState::Finished);
                let si = self.types.exc.stop_iteration.clone();
                if self.err_matches(&e, &si) {
                    let mut r = self.runtime_error("generator raised StopIteration".into());
                    let ed = exception::exc_data(&r.exc);
                    ed.cause.set(Some(e.exc.clone()));
                    ed.context.set(Some(e.exc));
                    ed.suppress_context.set(true);
                    r = PyErr { exc: r.exc };
                    return Err(r);
                }
                Err(e)
            }
        }
    }

    /// `next(gen)` with CPython's StopIteration carrying the return value.
    pub fn gen_next_or_stop(&mut self, gen: &Obj, value: Obj) -> PyResult<Obj> {
        match self.gen_resume(gen, Resume::Send(value))? {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(v) => {
                let arg = if v.is(&self.none) { None } else { Some(v) };
                Err(self.stop_iteration(arg))
            }
        }
    }
}

pub fn install(vm: &mut Vm) {
    let t = as_type(&vm.types.generator);
    t.slots.gc_finalize.set(Some(queue_finalizer));
    t.slots.iter.set(Some(|_, g| Ok(g.clone())));
    t.slots.iternext.set(Some(|vm, g| {
        let none = vm.none.clone();
        match vm.gen_resume(g, Resume::Send(none))? {
            GenStep::Yielded(v) => Ok(Some(v)),
            GenStep::Returned(_) => Ok(None),
        }
    }));
    t.slots.repr.set(Some(|vm, g| {
        let q = pystr::as_str(&data(g).qualname).to_string();
        vm.new_str(&format!("<generator object {q} at {:#x}>", g.addr()))
    }));
    t.slots
        .getattro
        .set(Some(|vm, g, name| match pystr::as_str(name) {
            "__name__" => Ok(data(g).name.clone()),
            "__qualname__" => Ok(data(g).qualname.clone()),
            "gi_running" => Ok(vm.new_bool(data(g).state.get() == GenState::Running)),
            "gi_code" => {
                let code = match data_frame_code(g) {
                    Some(c) => c,
                    None => vm.none.clone(),
                };
                Ok(code)
            }
            _ => vm.generic_getattr(g, name),
        }));
    let gt = vm.types.generator.clone();
    crate::vm::types::add_method(vm, &gt, "send", |vm, g, a| {
        let p = a.exact(vm, "send", 1, 1)?;
        vm.gen_next_or_stop(g, p[0].clone())
    });
    crate::vm::types::add_method(vm, &gt, "throw", gen_throw);
    crate::vm::types::add_method(vm, &gt, "close", gen_close);
}

fn data_frame_code(g: &Obj) -> Option<Obj> {
    let d = data(g);
    let frame = d.saved.frame.take()?;
    let code = frame.code.clone();
    d.saved.frame.set(Some(frame));
    Some(code)
}

/// `gen.throw(exc)` / `gen.throw(type[, value])`.
fn gen_throw(vm: &mut Vm, g: &Obj, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "throw", 1, 3)?;
    let exc = if let Some(v) = p.get(1).filter(|v| !v.is(&vm.none)) {
        if exception::is_exception(v) {
            v.clone()
        } else {
            vm.call(&p[0], std::slice::from_ref(v))?
        }
    } else {
        vm.make_exception(&p[0])?
    };
    match vm.gen_resume(g, Resume::Throw(PyErr { exc }))? {
        GenStep::Yielded(v) => Ok(v),
        GenStep::Returned(v) => {
            let arg = if v.is(&vm.none) { None } else { Some(v) };
            Err(vm.stop_iteration(arg))
        }
    }
}

/// `gen.close()`: raises GeneratorExit at the paused yield; the generator must not yield again.
fn gen_close(vm: &mut Vm, g: &Obj, args: Args) -> PyResult<Obj> {
    args.exact(vm, "close", 0, 0)?;
    close(vm, g)
}

/// Closes a generator (`gen.close()` without argument checking).
pub fn close(vm: &mut Vm, g: &Obj) -> PyResult<Obj> {
    let d = data(g);
    if d.state.get() == GenState::Created {
        let (frame, slots) = (d.saved.frame.take(), d.saved.slots.take());
        d.state.set(GenState::Finished);
        drop((frame, slots));
        return Ok(vm.none.clone());
    }
    if d.state.get() == GenState::Finished {
        return Ok(vm.none.clone());
    }
    let ge = vm.types.exc.generator_exit.clone();
    let exc = vm.new_exception(&ge, vec![])?;
    match vm.gen_resume(g, Resume::Throw(PyErr { exc })) {
        Ok(GenStep::Yielded(_)) => Err(vm.runtime_error("generator ignored GeneratorExit".into())),
        Ok(GenStep::Returned(_)) => Ok(vm.none.clone()),
        Err(e) => {
            let ge = vm.types.exc.generator_exit.clone();
            let si = vm.types.exc.stop_iteration.clone();
            if vm.err_matches(&e, &ge) || vm.err_matches(&e, &si) {
                Ok(vm.none.clone())
            } else {
                Err(e)
            }
        }
    }
}

/// Whether `g` must be closed before it is freed: it is paused at a `yield`, so `finally`
/// blocks or `except GeneratorExit` handlers may still be waiting to run.
fn needs_finalizer(g: &GeneratorData) -> bool {
    g.state.get() == GenState::Suspended && !g.finalized.get()
}

/// The generator type's dealloc. A suspended generator is closed before it is freed, as
/// CPython's generator finalizer does; a dealloc cannot run Python code, so the generator is
/// resurrected and queued, and the VM closes it at the next instruction boundary (reporting
/// errors as unraisable) and then drops it again.
///
/// # Safety
/// Called only through the generator type's dealloc slot on a dead generator.
pub unsafe fn generator_dealloc(p: std::ptr::NonNull<crate::heap::ObjHeader>) {
    // SAFETY: generators have the `PyBox<GeneratorData>` layout; the object is dead but its
    // memory is intact until `dealloc_box` frees it.
    unsafe {
        let d = &(*p
            .cast::<crate::objects::pybox::PyBox<GeneratorData>>()
            .as_ptr())
        .data;
        if needs_finalizer(d) {
            d.finalized.set(true);
            // As in CPython, weak references die (and their callbacks are queued) before the
            // generator is closed.
            crate::objects::weakref::clear_weakrefs(&d.weaklist);
            crate::heap::pending::push(crate::heap::pending::PendingCall::Finalize(
                crate::heap::handle::resurrect(p),
            ));
            return;
        }
        crate::objects::pybox::dealloc_box::<GeneratorData>(p);
    }
}

/// The collector's finalizer hook (PEP 442): queues the closing of an unreachable suspended
/// generator before its cycle is broken.
pub fn queue_finalizer(g: &Obj) -> bool {
    let d = data(g);
    if !needs_finalizer(d) {
        return false;
    }
    d.finalized.set(true);
    crate::heap::pending::push(crate::heap::pending::PendingCall::Finalize(g.clone()));
    true
}

impl Vm {
    /// Runs a queued generator finalizer: `close()`, with errors reported as unraisable.
    pub fn finalize_generator(&mut self, g: Obj) {
        if let Err(e) = close(self, &g) {
            self.report_unraisable(&e.exc, &g);
        }
    }
}

/// The collector's traverse: a suspended generator holds its frame's objects.
pub fn traverse(g: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let d = data(g);
    visit(&d.name);
    visit(&d.qualname);
    d.saved_exc.with(|e| {
        if let Some(e) = e {
            visit(e);
        }
    });
    if let Some(f) = d.saved.frame.take() {
        visit(&f.code);
        if let Some(func) = &f.func {
            visit(func);
        }
        for ns in [&f.globals, &f.builtins] {
            // Borrowed namespaces are reported by the function that keeps them.
            if ns.is_owned() {
                visit(ns);
            }
        }
        if let Some(l) = &f.locals {
            visit(l);
        }
        let slots = d.saved.slots.take();
        for s in slots.iter().flatten() {
            visit(s);
        }
        d.saved.slots.set(slots);
        d.saved.frame.set(Some(f));
    }
}

/// The collector's clear: drops the suspended frame (the generator becomes finished).
pub fn clear(g: &Obj) {
    let d = data(g);
    if d.state.get() != GenState::Running {
        let (frame, slots) = (d.saved.frame.take(), d.saved.slots.take());
        d.state.set(GenState::Finished);
        drop((frame, slots));
    }
}
