//! The eval loop: one `match` over opcodes. Python-to-Python calls push a frame and continue
//! in the same loop (no native recursion); a call from Rust code (`Vm::call`) enters a nested
//! loop that returns when its entry frame returns. Exceptions unwind through the code
//! object's exception table, frame by frame, extending the traceback as they go.

use smallvec::SmallVec;

use crate::bytecode::opcode::Op;
use crate::heap::stack_top::StackTop;
use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::code::code_data;
use crate::objects::typeobj::{BinaryOp, CompareOp, INPLACE_OFFSET};
use crate::objects::{dict, exception, function, int, list, str as pystr, tuple};
use crate::vm::{PyErr, PyResult, Vm};

pub type ArgVec = SmallVec<[Obj; 8]>;

#[cold]
#[inline(never)]
fn stack_underflow() -> ! {
    panic!("value stack underflow or NULL where a value was expected (compiler bug)")
}

enum Flow {
    /// Keep executing the current frame.
    Next,
    /// The frame stack changed (call or return): reload the current frame.
    Switch,
}

impl Vm {
    /// Pushes onto the running frame's operand stack.
    #[inline(always)]
    fn push(&mut self, v: Obj) {
        // SAFETY: every push the eval loop makes stays within the running frame's computed
        // depth (bytecode::stack_depth; checked before each instruction in debug builds),
        // and run_frame reserved base + nlocalsplus + stacksize slots when it (re)entered
        // the frame; the stack is never shrunk (`Vm::stack`).
        unsafe { crate::heap::value_stack::push_within_capacity(&mut self.stack, Some(v)) }
    }

    #[inline(always)]
    fn pop(&mut self) -> Obj {
        match self.stack.pop() {
            Some(Some(v)) => v,
            _ => stack_underflow(),
        }
    }

    #[inline(always)]
    fn top(&self) -> &Obj {
        self.stack
            .last()
            .and_then(|v| v.as_ref())
            .expect("empty value stack (compiler bug)")
    }

    #[inline(always)]
    fn peek(&self, n: usize) -> &Obj {
        self.stack[self.stack.len() - n]
            .as_ref()
            .expect("NULL where a value was expected (compiler bug)")
    }

    /// Runs frames until the entry frame (the current top frame) returns.
    pub fn run_frame(&mut self) -> PyResult<Obj> {
        let mut kwnames: Option<Obj> = None;
        let _frames_for_tracemalloc = self.register_frame_provider();
        'frame: loop {
            let fi = self.frames.len() - 1;
            // SAFETY: frame `fi`'s record holds a reference to its code object for as long
            // as the frame is on the frame stack, and `code` is used only while it is: the
            // loop leaves through `continue 'frame` or a return as soon as the frame is
            // popped (a return, a yield, an unwind past it).
            let code: &crate::bytecode::CodeObject =
                unsafe { &*(self.code_of(&self.frames[fi].code) as *const _) };
            let base = self.frames[fi].base;
            let mut ip = self.frames[fi].ip;
            // `ip` lives in a local while the frame runs; `frames[fi].ip` is written back
            // before each instruction that can allocate (tracemalloc reads it) and when
            // another frame is about to run on top of this one or the frame is suspended.
            // The operand stack stays within the depth the compiler computed: reserve it
            // once here so that pushes need no capacity check.
            let stack_limit = base + code.nlocalsplus() + code.stacksize as usize;
            if self.stack.capacity() < stack_limit {
                self.stack.reserve(stack_limit - self.stack.len());
            }
            let mut top = StackTop::load(&mut self.stack, base);
            loop {
                debug_assert!(
                    self.frames.len() != fi + 1 || top.depth() <= stack_limit,
                    "value stack above {}'s computed depth at instruction {ip}",
                    code.qualname
                );
                // SAFETY: `ip` is 0, a successor or jump target of an instruction run before,
                // a handler target or a generator's resume point, in compiler-verified code.
                let ins = unsafe { code.instr_unchecked(ip) };
                ip += 1;
                // The commonest instructions that cannot fail, switch frames or drop a
                // reference that could queue a finalizer skip the general result handling.
                // They work on `top` alone; nothing they call looks at `self.stack`
                // (allocation never runs Python code: collections and finalizers are queued
                // for `run_pending`).
                //
                // SAFETY (each `top` access below): verified code pops only values it pushed
                // in this frame, pushes within the depth reserved above, and names local
                // slots below nlocalsplus, which stay on the stack while the frame runs.
                match ins.op {
                    Op::LoadFast => {
                        if let Some(v) = unsafe { top.local(ins.arg) } {
                            let v = v.clone();
                            unsafe { top.push(Some(v)) };
                            continue;
                        }
                    }
                    Op::LoadConst => {
                        // SAFETY: the operand of a LOAD_CONST of this code object.
                        let v = unsafe { code.const_unchecked(ins.arg as usize) }.clone();
                        unsafe { top.push(Some(v)) };
                        continue;
                    }
                    Op::PushNull => {
                        unsafe { top.push(None) };
                        continue;
                    }
                    // A hit in the name's cache; a miss takes the general path, which raises.
                    Op::LoadGlobal => {
                        let (name, cache) = (
                            &code.names[ins.arg as usize],
                            &code.global_caches[ins.arg as usize],
                        );
                        let f = &self.frames[fi];
                        let found =
                            cache.load(dict::data(&f.globals), dict::data(&f.builtins), name);
                        if let Some(v) = found {
                            unsafe { top.push(Some(v)) };
                            continue;
                        }
                    }
                    Op::Jump => {
                        ip = ins.arg as usize;
                        continue;
                    }
                    Op::Copy => {
                        let v = unsafe { top.peek(ins.arg as usize) }.clone();
                        unsafe { top.push(v) };
                        continue;
                    }
                    Op::Swap => {
                        unsafe { top.swap_top_with(ins.arg as usize) };
                        continue;
                    }
                    // An exact list indexed by an exact small int in range; the list must
                    // release quietly (the int does).
                    Op::BinarySubscr => {
                        let item = match unsafe { (top.peek(2), top.peek(1)) } {
                            (Some(container), Some(key)) if self.drop_is_quiet(container) => self
                                .exact_list_index(container, key)
                                .and_then(|i| list::data(container).get(i)),
                            _ => None,
                        };
                        if let Some(item) = item {
                            unsafe {
                                drop(top.pop());
                                *top.peek_mut(1) = Some(item);
                            }
                            continue;
                        }
                    }
                    // The replaced item's release may queue finalizers: they run before the
                    // next instruction.
                    Op::StoreSubscr => {
                        let (container, key) = unsafe { (top.peek(2), top.peek(1)) };
                        if let (Some(container), Some(key), Some(_)) =
                            (container, key, unsafe { top.peek(3) })
                        {
                            let i = self
                                .exact_list_index(container, key)
                                .filter(|&i| i < list::data(container).len());
                            if let Some(i) = i.filter(|_| self.drop_is_quiet(container)) {
                                let (_key, container, v) =
                                    unsafe { (top.pop(), top.pop(), top.pop()) };
                                let container = container.expect("checked");
                                // The old item is dropped after the list is consistent again.
                                drop(list::data(&container).set(i, v.expect("checked")));
                                self.run_pending_in_fast_path(fi, ip, base, &mut top);
                                continue;
                            }
                        }
                    }
                    // Attribute instructions answered by their inline cache alone (see
                    // `attr_inline`): no lookup, no Python code. The receiver popped must
                    // release quietly.
                    Op::LoadAttr => {
                        let cache = &code.attr_caches[ins.arg as usize];
                        let name = &code.names[ins.arg as usize];
                        if let Some(obj) = unsafe { top.peek(1) } {
                            if self.drop_is_quiet(obj) {
                                if let Some(v) = Vm::load_attr_cached(cache, obj, name) {
                                    unsafe { *top.peek_mut(1) = Some(v) };
                                    continue;
                                }
                            }
                        }
                    }
                    Op::LoadMethod => {
                        let cache = &code.attr_caches[ins.arg as usize];
                        let name = &code.names[ins.arg as usize];
                        if let Some(obj) = unsafe { top.peek(1) } {
                            if let Some(m) = Vm::load_method_cached(cache, obj, name) {
                                unsafe {
                                    let obj = top.peek_mut(1).replace(m);
                                    top.push(obj);
                                }
                                continue;
                            }
                        }
                    }
                    // The replaced value's release may queue finalizers: they run before the
                    // next instruction, as after any general instruction.
                    Op::StoreAttr => {
                        let cache = &code.attr_caches[ins.arg as usize];
                        let name = &code.names[ins.arg as usize];
                        let quiet = match unsafe { (top.peek(1), top.peek(2)) } {
                            (Some(obj), Some(_)) => self.drop_is_quiet(obj),
                            _ => false,
                        };
                        if quiet {
                            let (obj, value) = unsafe { (top.pop(), top.pop()) };
                            let (obj, value) = (obj.expect("checked"), value.expect("checked"));
                            match Vm::store_attr_cached(cache, &obj, name, value) {
                                Ok(()) => {
                                    drop(obj);
                                    self.run_pending_in_fast_path(fi, ip, base, &mut top);
                                    continue;
                                }
                                Err(value) => unsafe {
                                    top.push(Some(value));
                                    top.push(Some(obj));
                                },
                            }
                        }
                    }
                    // A call of a Python function whose arguments bind plainly (see
                    // `binds_plainly`) pushes its frame here: the general path would do the
                    // same through `call_from_stack` and `push_function_frame`, after the
                    // bookkeeping every general instruction pays. The callable stays on the
                    // stack below the frame until it returns.
                    Op::Call if kwnames.is_none() => {
                        let nargs = ins.arg as usize;
                        let (callable, self_slot) =
                            unsafe { (top.peek(nargs + 2), top.peek(nargs + 1)) };
                        let func = callable
                            .as_ref()
                            .filter(|f| function::is_function(self, f))
                            .cloned();
                        if let Some(func) = func {
                            let fd = self.func_of(&func);
                            let callee = self.code_of(&fd.code);
                            let npos = nargs + usize::from(self_slot.is_some());
                            let func_pos = top.depth() - nargs - 2;
                            let args_start = top.depth() - npos;
                            if callee.binds_plainly(npos)
                                && self.depth < self.recursion_limit
                                && args_start + callee.frame_size() <= self.stack.capacity()
                            {
                                // Locals past the arguments start unbound.
                                for _ in npos..callee.nlocalsplus() {
                                    unsafe { top.push(None) };
                                }
                                top.store(&mut self.stack);
                                self.frames[fi].ip = ip;
                                self.push_frame_record(&func, fd, args_start, func_pos, false);
                                continue 'frame;
                            }
                        }
                    }
                    // A return to a frame of this loop (not to Rust code) switches frames
                    // here; what it releases may queue finalizers, run before the caller
                    // continues, as the general path would.
                    Op::ReturnValue if !self.frames[fi].is_entry => {
                        let v = unsafe { top.pop() };
                        top.store(&mut self.stack);
                        // The frame's slots and the callable below them, then the record
                        // (dropped in place: moving it out costs a copy).
                        self.truncate_stack(self.frames[fi].cleanup_to);
                        self.frames.truncate(fi);
                        self.depth -= 1;
                        // SAFETY: the stack was just cut below its length, so there is room.
                        unsafe {
                            crate::heap::value_stack::push_within_capacity(&mut self.stack, v)
                        };
                        if crate::heap::pending::has_pending() {
                            self.run_pending();
                        }
                        continue 'frame;
                    }
                    // A waiting Ctrl-C takes the slow path, which raises it.
                    Op::JumpBackward if !super::interrupt::pending() => {
                        ip = ins.arg as usize;
                        continue;
                    }
                    // A bool condition: True and False live as long as the VM, so dropping
                    // one frees nothing.
                    Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                        if let Some(v) = unsafe { top.peek(1) } {
                            let t = v.is(&self.true_obj);
                            if t || v.is(&self.false_obj) {
                                drop(unsafe { top.pop() });
                                if t == (ins.op == Op::PopJumpIfTrue) {
                                    ip = ins.arg as usize;
                                }
                                continue;
                            }
                        }
                    }
                    // Storing over an unbound local, or over a value whose release is
                    // quiet (see `drop_is_quiet`), runs no Python code.
                    Op::StoreFast => {
                        let slot = unsafe { top.local(ins.arg) };
                        if slot.as_ref().is_none_or(|old| self.drop_is_quiet(old)) {
                            unsafe {
                                let v = top.pop();
                                drop(top.replace_local(ins.arg, v));
                            }
                            continue;
                        }
                    }
                    Op::PopTop => {
                        if let Some(v) = unsafe { top.peek(1) } {
                            if self.drop_is_quiet(v) {
                                drop(unsafe { top.pop() });
                                continue;
                            }
                        }
                    }
                    // A range iterator's next int (an allocation: the line is published
                    // first for tracemalloc). An exhausted iterator is released quietly: it
                    // holds no objects and supports no weak references.
                    Op::ForIter => {
                        let range = unsafe { top.peek(1) }
                            .as_ref()
                            .and_then(|it| crate::objects::iter::as_range_iter(self, it));
                        if let Some(r) = range {
                            match r.peek() {
                                Some(v) => {
                                    self.frames[fi].ip = ip;
                                    if let Ok(o) = self.new_int(v) {
                                        r.advance();
                                        unsafe { top.push(Some(o)) };
                                        continue;
                                    }
                                }
                                None => {
                                    drop(unsafe { top.pop() });
                                    ip = ins.arg as usize;
                                    continue;
                                }
                            }
                        }
                    }
                    // A yield hands its value straight back to `gen_resume` (the generator's
                    // frame is always the entry frame of this loop), which suspends the frame.
                    // Popping the value releases nothing, so no finalizer can be queued.
                    Op::YieldValue => {
                        self.frames[fi].ip = ip;
                        let v = unsafe { top.pop() };
                        top.store(&mut self.stack);
                        self.gen_yielded = true;
                        return Ok(v.unwrap_or_else(|| stack_underflow()));
                    }
                    // Word-sized int arithmetic and comparisons (ints release quietly).
                    Op::BinaryOp => {
                        let (a, b) = unsafe { (top.peek(2), top.peek(1)) };
                        if let (Some(a), Some(b)) = (a, b) {
                            // A failed allocation takes the general path, which raises.
                            let r = match self.arith_fast(a, b, ins.arg) {
                                Some(Ok(i)) => {
                                    self.frames[fi].ip = ip;
                                    self.new_int(i).ok()
                                }
                                Some(Err(f)) => {
                                    self.frames[fi].ip = ip;
                                    self.new_float(f).ok()
                                }
                                None => None,
                            };
                            if let Some(o) = r {
                                unsafe {
                                    drop(top.pop());
                                    *top.peek_mut(1) = Some(o);
                                }
                                continue;
                            }
                        }
                    }
                    Op::CompareOp => {
                        let ints = match unsafe { (top.peek(2), top.peek(1)) } {
                            (Some(a), Some(b)) => self.exact_small_ints(a, b),
                            _ => None,
                        };
                        if let Some((x, y)) = ints {
                            let r = CompareOp::from_u32(ins.arg).test(x.cmp(&y));
                            unsafe {
                                drop(top.pop());
                                drop(top.pop());
                            }
                            // A conditional jump on the result consumes it directly.
                            match code.instrs.get(ip) {
                                Some(next)
                                    if next.op == Op::PopJumpIfFalse
                                        || next.op == Op::PopJumpIfTrue =>
                                {
                                    ip = if r == (next.op == Op::PopJumpIfTrue) {
                                        next.arg as usize
                                    } else {
                                        ip + 1
                                    };
                                }
                                _ => {
                                    let b = self.new_bool(r);
                                    unsafe { top.push(Some(b)) };
                                }
                            }
                            continue;
                        }
                    }
                    _ => {}
                }
                // The general path works on `self.stack`. It fetches the instruction again
                // (the fast path leaves `ip` just past it): keeping `ins` alive across the
                // fast path's arms made the compiler spill it on every dispatch.
                // SAFETY: as the fetch above.
                let ins = unsafe { code.instr_unchecked(ip - 1) };
                top.store(&mut self.stack);
                // Kept current so an allocation traced by tracemalloc can read the line.
                self.frames[fi].ip = ip;
                let res = self.exec_one(ins.op, ins.arg, code, base, fi, &mut kwnames, &mut ip);
                if crate::heap::pending::has_pending() {
                    // A dealloc queued a finalizer or weakref callback: run it before the
                    // next instruction, where CPython would already have run it. The frame's
                    // position is published so an unraisable report can name this line.
                    if self.frames.len() == fi + 1 {
                        self.frames[fi].ip = ip;
                    }
                    self.run_pending();
                }
                match res {
                    Ok(Flow::Next) => {
                        if self.frames.len() == fi + 1 {
                            top = StackTop::load(&mut self.stack, base);
                            continue;
                        }
                        self.save_ip(fi, ip);
                        continue 'frame;
                    }
                    Ok(Flow::Switch) => {
                        // An entry frame that returned leaves its value in `returned`.
                        if let Some(v) = self.returned.take() {
                            return Ok(v);
                        }
                        self.save_ip(fi, ip);
                        continue 'frame;
                    }
                    Err(e) => {
                        let reraise =
                            ins.op == Op::Reraise || (ins.op == Op::RaiseVarargs && ins.arg == 0);
                        if let Some(f) = self.frames.get_mut(fi) {
                            f.ip = ip;
                        }
                        match self.unwind(e, ip - 1, reraise) {
                            Ok(()) => continue 'frame,
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
        }
    }

    /// Runs queued finalizers and callbacks, if any, between two fast-path instructions of
    /// frame `fi`: the frame's position and the stack's length are published first, and
    /// `top` is loaded again after (the code they run may grow, and so move, the stack).
    #[inline(always)]
    fn run_pending_in_fast_path(&mut self, fi: usize, ip: usize, base: usize, top: &mut StackTop) {
        if crate::heap::pending::has_pending() {
            self.frames[fi].ip = ip;
            top.store(&mut self.stack);
            self.run_pending();
            *top = StackTop::load(&mut self.stack, base);
        }
    }

    /// The compiled code of code object `obj` (a pointer check of its type).
    #[inline(always)]
    pub(crate) fn code_of<'a>(&self, obj: &'a Obj) -> &'a crate::bytecode::CodeObject {
        assert!(obj.has_exact_type(&self.types.code), "not a code object");
        // SAFETY: objects of the `code` type have the `PyBox<CodeObject>` layout.
        unsafe { crate::objects::pybox::payload::<crate::bytecode::CodeObject>(obj) }
    }

    /// Records the resume point of frame `fi` when frames were pushed on top of it (a call);
    /// if it returned instead, there is nothing to record.
    #[inline(always)]
    fn save_ip(&mut self, fi: usize, ip: usize) {
        if self.frames.len() > fi + 1 {
            self.frames[fi].ip = ip;
        }
    }

    /// Finds a handler for `err` raised at instruction `ip` of the top frame, popping frames
    /// that have none. `Ok` means execution resumes at a handler; `Err` means the entry
    /// frame was left with the exception.
    fn unwind(&mut self, err: PyErr, ip: usize, reraise: bool) -> PyResult<()> {
        let mut ip = ip;
        let mut add_tb = !reraise;
        loop {
            let fi = self.frames.len() - 1;
            let code_obj = self.frames[fi].code.clone();
            if add_tb {
                self.attach_context(&err.exc);
                let ed = exception::exc_data(&err.exc);
                let prev = ed.traceback.take();
                let globals = self.frames[fi].globals.clone();
                if let Ok(tb) = self.new_traceback(prev, code_obj.clone(), ip as u32, globals) {
                    ed.traceback.set(Some(tb));
                }
            }
            add_tb = true;
            let code = code_data(&code_obj);
            if let Some(h) = code.handler_for(ip as u32) {
                let f = &self.frames[fi];
                let keep = f.base + code.nlocalsplus() + h.depth as usize;
                let target = h.target as usize;
                self.truncate_stack(keep);
                // A checked push: a generator's frame can be unwound into (`throw`) before
                // run_frame has reserved its depth.
                self.stack.push(Some(err.exc));
                self.frames[fi].ip = target;
                return Ok(());
            }
            let f = self.frames.pop().expect("frame");
            self.truncate_stack(f.cleanup_to);
            self.depth -= 1;
            if f.is_entry {
                return Err(err);
            }
            ip = self.frames.last().expect("caller frame").ip - 1;
        }
    }

    /// Sets `__context__` to the exception being handled, as raising inside `except` does.
    pub fn attach_context(&mut self, exc: &Obj) {
        let Some(h) = self.handled.clone() else {
            return;
        };
        if h.is(exc) {
            return;
        }
        let ed = exception::exc_data(exc);
        if ed.context.is_some() {
            return;
        }
        // Avoid creating a cycle in the context chain.
        let mut cur = Some(h.clone());
        while let Some(c) = cur {
            if c.is(exc) {
                return;
            }
            cur = exception::exc_data(&c).context.get();
        }
        ed.context.set(Some(h));
    }

    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn exec_one(
        &mut self,
        op: Op,
        arg: u32,
        code: &crate::bytecode::CodeObject,
        base: usize,
        fi: usize,
        kwnames: &mut Option<Obj>,
        ip: &mut usize,
    ) -> PyResult<Flow> {
        match op {
            Op::Nop => {}
            Op::PopTop => {
                self.pop();
            }
            Op::PushNull => self.stack.push(None),
            Op::Copy => {
                let v = self.stack[self.stack.len() - arg as usize].clone();
                self.stack.push(v);
            }
            Op::Swap => {
                let n = self.stack.len();
                self.stack.swap(n - 1, n - arg as usize);
            }
            Op::LoadConst => {
                let v = code.consts[arg as usize].clone();
                self.push(v);
            }
            Op::LoadFast => match &self.stack[base + arg as usize] {
                Some(v) => {
                    let v = v.clone();
                    self.push(v);
                }
                None => {
                    let name = code.varnames[arg as usize].clone();
                    return Err(self.unbound_local(&name));
                }
            },
            Op::StoreFast => {
                let v = self.pop();
                let old = self.stack[base + arg as usize].replace(v);
                drop(old);
            }
            Op::DeleteFast => {
                let old = self.stack[base + arg as usize].take();
                if old.is_none() {
                    let name = code.varnames[arg as usize].clone();
                    return Err(self.unbound_local(&name));
                }
            }
            Op::LoadGlobal => {
                let (name, cache) = (&code.names[arg as usize], &code.global_caches[arg as usize]);
                let f = &self.frames[fi];
                match cache.load(dict::data(&f.globals), dict::data(&f.builtins), name) {
                    Some(v) => self.push(v),
                    None => {
                        let n = pystr::as_str(name).to_string();
                        return Err(self.undefined_name(&n));
                    }
                }
            }
            Op::StoreGlobal => {
                let v = self.pop();
                let g = self.frames[fi].globals.clone();
                let name = code.names[arg as usize].clone();
                self.dict_set(&g, name, v)?;
            }
            Op::DeleteGlobal => {
                let g = self.frames[fi].globals.clone();
                let name = code.names[arg as usize].clone();
                if dict::data(&g).remove(self, &name)?.is_none() {
                    let n = pystr::as_str(&name).to_string();
                    return Err(self.undefined_name(&n));
                }
            }
            Op::LoadName => {
                let name = &code.names[arg as usize];
                let f = &self.frames[fi];
                let found = f
                    .locals
                    .as_ref()
                    .and_then(|l| dict::data(l).get_str(name))
                    .or_else(|| dict::data(&f.globals).get_str(name))
                    .or_else(|| dict::data(&f.builtins).get_str(name));
                match found {
                    Some(v) => self.push(v),
                    None => {
                        let n = pystr::as_str(name).to_string();
                        return Err(self.undefined_name(&n));
                    }
                }
            }
            Op::StoreName => {
                let v = self.pop();
                let ns = self.frames[fi]
                    .locals
                    .clone()
                    .unwrap_or_else(|| self.frames[fi].globals.clone());
                let name = code.names[arg as usize].clone();
                self.dict_set(&ns, name, v)?;
            }
            Op::DeleteName => {
                let ns = self.frames[fi]
                    .locals
                    .clone()
                    .unwrap_or_else(|| self.frames[fi].globals.clone());
                let name = code.names[arg as usize].clone();
                if dict::data(&ns).remove(self, &name)?.is_none() {
                    let n = pystr::as_str(&name).to_string();
                    return Err(self.undefined_name(&n));
                }
            }
            Op::LoadDeref | Op::LoadClassDeref => {
                let idx = arg as usize;
                if op == Op::LoadClassDeref {
                    let name = self.deref_name(code, idx);
                    let key = self.intern(&name);
                    if let Some(l) = &self.frames[fi].locals {
                        if let Some(v) = dict::data(l).get_str(&key) {
                            self.push(v);
                            return Ok(Flow::Next);
                        }
                    }
                }
                let cell = self.stack[base + idx].clone().expect("cell slot");
                match crate::objects::simple::cell_data(&cell).value.get() {
                    Some(v) => self.push(v),
                    None => {
                        let name = self.deref_name(code, idx);
                        return Err(self.name_error(format!(
                            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                        )));
                    }
                }
            }
            Op::StoreDeref => {
                let v = self.pop();
                let cell = self.stack[base + arg as usize].clone().expect("cell slot");
                crate::objects::simple::cell_data(&cell).value.set(Some(v));
            }
            Op::DeleteDeref => {
                let cell = self.stack[base + arg as usize].clone().expect("cell slot");
                crate::objects::simple::cell_data(&cell).value.set(None);
            }
            Op::LoadClosure => {
                let cell = self.stack[base + arg as usize].clone().expect("cell slot");
                self.push(cell);
            }
            Op::LoadAttr => {
                let obj = self.pop();
                let (name, cache) = (&code.names[arg as usize], &code.attr_caches[arg as usize]);
                let v = self.load_attr_inline(cache, &obj, name)?;
                self.push(v);
            }
            Op::StoreAttr => {
                let obj = self.pop();
                let v = self.pop();
                let (name, cache) = (&code.names[arg as usize], &code.attr_caches[arg as usize]);
                self.store_attr_inline(cache, &obj, name, v)?;
            }
            Op::DeleteAttr => {
                let obj = self.pop();
                let name = code.names[arg as usize].clone();
                self.setattr(&obj, &name, None)?;
            }
            Op::LoadMethod => {
                let obj = self.pop();
                let (name, cache) = (&code.names[arg as usize], &code.attr_caches[arg as usize]);
                let (m, this) = self.load_method_inline(cache, obj, name)?;
                self.push(m);
                self.stack.push(this);
            }
            Op::KwNames => *kwnames = Some(code.consts[arg as usize].clone()),
            Op::Call => {
                let kw = kwnames.take();
                return self.call_from_stack(arg as usize, kw);
            }
            Op::CallFunctionEx => {
                let kwargs = if arg & 1 != 0 { Some(self.pop()) } else { None };
                let args = self.pop();
                let _null = self.stack.pop();
                let func = self.pop();
                // `f(*it)` passes the iterable itself (no list is built for one star).
                if !self.is_iterable(&args) {
                    let fname = self.function_str(&func);
                    return Err(self.type_error(format!(
                        "{fname} argument after * must be an iterable, not {}",
                        args.ty().name()
                    )));
                }
                let r = self.call_ex(&func, &args, kwargs.as_ref())?;
                self.push(r);
            }
            // Word-sized ints and floats were handled before dispatch (`arith_fast`,
            // the int comparison with its fused jump); what reaches here is general.
            Op::BinaryOp => {
                let b = self.pop();
                let a = self.pop();
                let inplace = arg >= INPLACE_OFFSET;
                let bop = BinaryOp::ALL[(arg - if inplace { INPLACE_OFFSET } else { 0 }) as usize];
                let r = if inplace {
                    self.inplace_op(bop, a, &b)?
                } else {
                    self.binary_op(bop, &a, &b)?
                };
                self.push(r);
            }
            Op::CompareOp => {
                let b = self.pop();
                let a = self.pop();
                let r = self.richcompare(&a, &b, CompareOp::from_u32(arg))?;
                self.push(r);
            }
            Op::IsOp => {
                let b = self.pop();
                let a = self.pop();
                let r = a.is(&b) != (arg == 1);
                self.push(self.new_bool(r));
            }
            Op::ContainsOp => {
                let container = self.pop();
                let item = self.pop();
                let r = self.contains(&container, &item)? != (arg == 1);
                self.push(self.new_bool(r));
            }
            Op::UnaryNegative | Op::UnaryPositive | Op::UnaryInvert => {
                let a = self.pop();
                let u = match op {
                    Op::UnaryNegative => crate::objects::typeobj::UnaryOp::Negative,
                    Op::UnaryPositive => crate::objects::typeobj::UnaryOp::Positive,
                    _ => crate::objects::typeobj::UnaryOp::Invert,
                };
                let r = self.unary_op(u, &a)?;
                self.push(r);
            }
            Op::UnaryNot => {
                let a = self.pop();
                let t = self.is_true(&a)?;
                self.push(self.new_bool(!t));
            }
            Op::BinarySubscr => {
                let key = self.pop();
                let container = self.pop();
                // Fast path: an exact list indexed by an exact small int in range.
                if let Some(i) = self.exact_list_index(&container, &key) {
                    if let Some(v) = list::data(&container).get(i) {
                        self.push(v);
                        return Ok(Flow::Next);
                    }
                }
                let r = self.getitem(&container, &key)?;
                self.push(r);
            }
            Op::StoreSubscr => {
                let key = self.pop();
                let container = self.pop();
                let v = self.pop();
                if let Some(i) = self.exact_list_index(&container, &key) {
                    let l = list::data(&container);
                    if i < l.len() {
                        // The old item is dropped after the list is consistent again.
                        drop(l.set(i, v));
                        return Ok(Flow::Next);
                    }
                }
                self.setitem(&container, &key, Some(v))?;
            }
            Op::DeleteSubscr => {
                let key = self.pop();
                let container = self.pop();
                self.setitem(&container, &key, None)?;
            }
            Op::BuildSlice => {
                let step = if arg == 3 {
                    self.pop()
                } else {
                    self.none.clone()
                };
                let stop = self.pop();
                let start = self.pop();
                let s = self.new_slice(start, stop, step)?;
                self.push(s);
            }
            Op::BuildTuple => {
                let items = self.pop_n(arg as usize);
                let t = self.new_tuple_from(items.into_iter())?;
                self.push(t);
            }
            Op::BuildList => {
                let items = self.pop_n(arg as usize);
                let l = self.new_list(items.into_vec())?;
                self.push(l);
            }
            Op::BuildSet => {
                let items = self.pop_n(arg as usize);
                let s = self.new_set(items.into_vec())?;
                self.push(s);
            }
            Op::BuildMap => {
                let items = self.pop_n(2 * arg as usize);
                let d = self.new_dict()?;
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    self.dict_set(&d, k, v)?;
                }
                self.push(d);
            }
            Op::BuildConstKeyMap => {
                let keys = self.pop();
                let vals = self.pop_n(tuple::len(&keys));
                let d = self.new_dict()?;
                for (k, v) in tuple::items(&keys).iter().zip(vals) {
                    self.dict_set(&d, k.clone(), v)?;
                }
                self.push(d);
            }
            Op::BuildString => {
                let parts = self.pop_n(arg as usize);
                let mut s = String::new();
                for p in &parts {
                    s.push_str(pystr::as_str(p));
                }
                let r = self.new_str(&s)?;
                self.push(r);
            }
            Op::ListAppend => {
                let v = self.pop();
                let l = self.peek(arg as usize).clone();
                list::data(&l).push(v).map_err(|_| self.memory_error())?;
            }
            Op::SetAdd => {
                let v = self.pop();
                let s = self.peek(arg as usize).clone();
                self.set_add(&s, v)?;
            }
            Op::MapAdd => {
                let v = self.pop();
                let k = self.pop();
                let d = self.peek(arg as usize).clone();
                self.dict_set(&d, k, v)?;
            }
            Op::ListExtend => {
                let it = self.pop();
                if !self.is_iterable(&it) {
                    return Err(self.type_error(format!(
                        "Value after * must be an iterable, not {}",
                        it.ty().name()
                    )));
                }
                let l = self.peek(arg as usize).clone();
                self.list_extend(&l, &it)?;
            }
            Op::SetUpdate => {
                let it = self.pop();
                let s = self.peek(arg as usize).clone();
                self.set_update(&s, &it)?;
            }
            Op::DictUpdate | Op::DictMerge => {
                let m = self.pop();
                let d = self.peek(arg as usize).clone();
                // Under a call (`f(**m)`), the stack holds the callable, NULL and the
                // positional tuple below the keyword dict.
                let callee_depth = arg as usize + 3;
                let m = match self.mapping_as_dict(m.clone()) {
                    Ok(m) => m,
                    Err(e) if op == Op::DictMerge && !dict::is_dict(&m) => {
                        if self.getattr_str(&m, "keys").is_ok() {
                            return Err(e);
                        }
                        let fname = self.callable_str_at(callee_depth);
                        return Err(self.type_error(format!(
                            "{fname} argument after ** must be a mapping, not {}",
                            m.ty().name()
                        )));
                    }
                    Err(e) => return Err(e),
                };
                for (k, v) in dict::data(&m).items() {
                    if op == Op::DictMerge && dict::data(&d).contains(self, &k)? {
                        let kr = self.repr_string(&k)?;
                        let fname = self.callable_str_at(callee_depth);
                        return Err(self.type_error(format!(
                            "{fname} got multiple values for keyword argument {kr}"
                        )));
                    }
                    self.dict_set(&d, k, v)?;
                }
            }
            Op::ListToTuple => {
                let l = self.pop();
                let items = list::data(&l).snapshot();
                let t = self.new_tuple(items)?;
                self.push(t);
            }
            Op::FormatValue => {
                let spec = if arg & 4 != 0 { Some(self.pop()) } else { None };
                let v = self.pop();
                let v = match arg & 3 {
                    1 => self.str(&v)?,
                    2 => self.repr(&v)?,
                    3 => self.ascii(&v)?,
                    _ => v,
                };
                let r = self.format(&v, spec.as_ref())?;
                self.push(r);
            }
            Op::UnpackSequence => {
                let seq = self.pop();
                self.unpack_sequence(&seq, arg as usize)?;
            }
            Op::UnpackEx => {
                let seq = self.pop();
                self.unpack_ex(&seq, (arg & 0xff) as usize, (arg >> 8) as usize)?;
            }
            Op::Jump => *ip = arg as usize,
            Op::JumpBackward => {
                // Raised at the jump itself, so the traceback names the loop's line.
                if super::interrupt::take() {
                    return Err(self.keyboard_interrupt());
                }
                *ip = arg as usize;
            }
            Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                let v = self.pop();
                let t = if v.is(&self.true_obj) {
                    true
                } else if v.is(&self.false_obj) {
                    false
                } else {
                    self.is_true(&v)?
                };
                if t == (op == Op::PopJumpIfTrue) {
                    *ip = arg as usize;
                }
            }
            Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                let v = self.top().clone();
                let t = self.is_true(&v)?;
                if t == (op == Op::JumpIfTrueOrPop) {
                    *ip = arg as usize;
                } else {
                    self.pop();
                }
            }
            Op::GetIter => {
                let v = self.pop();
                let it = self.get_iter(&v)?;
                self.push(it);
            }
            Op::ForIter => {
                let it = self.top().clone();
                match self.next(&it)? {
                    Some(v) => self.push(v),
                    None => {
                        self.pop();
                        *ip = arg as usize;
                    }
                }
            }
            Op::ReturnValue => {
                let v = self.pop();
                return Ok(self.return_from_frame(v));
            }
            Op::MakeFunction => {
                let qualname = self.pop();
                let code_o = self.pop();
                let closure = if arg & 8 != 0 { Some(self.pop()) } else { None };
                let kwdefaults = if arg & 2 != 0 { Some(self.pop()) } else { None };
                let defaults = if arg & 1 != 0 { Some(self.pop()) } else { None };
                // The function shares the frame's globals, so it shares its builtins too.
                let globals = self.frames[fi].globals.clone();
                let builtins = self.frames[fi].builtins.clone();
                let f = self.new_function(code_o, qualname, globals, builtins)?;
                let fd = crate::objects::function::func_data(&f);
                fd.closure.set(closure);
                fd.kwdefaults.set(kwdefaults);
                fd.defaults.set(defaults);
                self.push(f);
            }
            Op::RaiseVarargs => return Err(self.do_raise(arg)),
            Op::Reraise => {
                let exc = self.pop();
                return Err(PyErr { exc });
            }
            Op::PushExcInfo => {
                let exc = self.pop();
                let prev = self.handled.replace(exc.clone());
                let prev = prev.unwrap_or_else(|| self.none.clone());
                self.push(prev);
                self.push(exc);
            }
            Op::PopExcept => {
                let prev = self.pop();
                self.handled = if prev.is(&self.none) {
                    None
                } else {
                    Some(prev)
                };
            }
            Op::CheckExcMatch => {
                let ty = self.pop();
                let exc = self.top().clone();
                let r = self.exception_matches(&exc, &ty)?;
                self.push(self.new_bool(r));
            }
            Op::WithExceptStart => {
                let exc = self.peek(1).clone();
                let exit = self.peek(3).clone();
                let ty = exc.ty().to_obj();
                let tb = exception::exc_data(&exc)
                    .traceback
                    .get()
                    .unwrap_or_else(|| self.none.clone());
                let r = self.call(&exit, &[ty, exc, tb])?;
                self.push(r);
            }
            Op::BeforeWith => {
                let mgr = self.pop();
                let enter_name = self.intern("__enter__");
                let exit_name = self.intern("__exit__");
                let (enter, this) = match self.load_method(mgr.clone(), &enter_name) {
                    Ok(x) => x,
                    Err(_) => {
                        return Err(self.type_error(format!(
                            "'{}' object does not support the context manager protocol",
                            mgr.ty().name()
                        )))
                    }
                };
                let exit = self.with_exit_method(&mgr, &exit_name)?;
                self.push(exit);
                let r = match this {
                    Some(t) => self.call(&enter, &[t])?,
                    None => self.call(&enter, &[])?,
                };
                self.push(r);
            }
            Op::ImportName => {
                let name = pystr::as_str(&code.names[arg as usize]).to_string();
                let fromlist = self.pop();
                let level = self.pop();
                let level = int::as_small(&level).unwrap_or(0);
                let globals = self.frames[fi].globals.clone();
                let m = self.import_name(&name, &fromlist, level, &globals)?;
                self.push(m);
            }
            Op::ImportFrom => {
                let m = self.top().clone();
                let v = self.import_from(&m, &code.names[arg as usize])?;
                self.push(v);
            }
            Op::ImportStar => {
                let m = self.pop();
                let ns = self.frames[fi]
                    .locals
                    .clone()
                    .unwrap_or_else(|| self.frames[fi].globals.clone());
                self.import_star(&m, &ns)?;
            }
            Op::LoadBuildClass => {
                let key = self.intern("__build_class__");
                match dict::data(&self.frames[fi].builtins).get_str(&key) {
                    Some(f) => self.push(f),
                    None => {
                        return Err(self.not_implemented_error(
                            "class definitions are not supported by Pyrena yet".into(),
                        ))
                    }
                }
            }
            Op::LoadAssertionError => {
                let t = self.types.exc.assertion_error.clone();
                self.push(t);
            }
            Op::PrintExpr => {
                let v = self.pop();
                if !v.is(&self.none) {
                    let r = self.repr_string(&v)?;
                    self.stdout.write_str(&r);
                    self.stdout.write_str("\n");
                    let b = self.builtins_dict.clone();
                    self.dict_set_str(&b, "_", v)?;
                }
            }
            Op::YieldValue => unreachable!("YIELD_VALUE is handled before `exec_one`"),
            Op::Send => {
                let v = self.pop();
                let recv = self.top().clone();
                match self.send_to(&recv, v)? {
                    crate::objects::generator::GenStep::Yielded(y) => self.push(y),
                    crate::objects::generator::GenStep::Returned(r) => {
                        self.pop();
                        self.push(r);
                        *ip = arg as usize;
                    }
                }
            }
            Op::GetYieldFromIter => {
                let v = self.pop();
                let it = if crate::objects::generator::is_generator(self, &v) {
                    v
                } else {
                    self.get_iter(&v)?
                };
                self.push(it);
            }
            Op::ReturnGenerator => {}
            Op::SetupAnnotations => {
                // The namespace (module globals or class body) gets an empty
                // `__annotations__` unless it has one.
                let ns = self.frames[fi]
                    .locals
                    .clone()
                    .unwrap_or_else(|| self.frames[fi].globals.clone());
                let key = self.intern("__annotations__");
                if dict::data(&ns).get_str(&key).is_none() {
                    let d = self.new_dict()?;
                    self.dict_set(&ns, key, d)?;
                }
            }
        }
        Ok(Flow::Next)
    }

    /// `yield from` delegation: one step of the sub-iterator.
    fn send_to(&mut self, recv: &Obj, v: Obj) -> PyResult<crate::objects::generator::GenStep> {
        use crate::objects::generator::{GenStep, Resume};
        if crate::objects::generator::is_generator(self, recv) {
            return self.gen_resume(recv, Resume::Send(v));
        }
        if v.is(&self.none) {
            return match self.next(recv)? {
                Some(y) => Ok(GenStep::Yielded(y)),
                None => Ok(GenStep::Returned(self.none.clone())),
            };
        }
        let send = self.intern("send");
        let m = self.getattr(recv, &send)?;
        match self.call(&m, &[v]) {
            Ok(y) => Ok(GenStep::Yielded(y)),
            Err(e) => {
                let si = self.types.exc.stop_iteration.clone();
                if self.err_matches(&e, &si) {
                    let value = self.getattr_str(&e.exc, "value")?;
                    Ok(GenStep::Returned(value))
                } else {
                    Err(e)
                }
            }
        }
    }

    /// Raises `err` at instruction `ip` of the top frame, as if that instruction had raised it.
    pub fn unwind_into(&mut self, err: PyErr, ip: usize) -> PyResult<()> {
        self.unwind(err, ip, false)
    }

    /// Pops the top `n` values, bottom first.
    pub fn pop_n(&mut self, n: usize) -> ArgVec {
        let start = self.stack.len() - n;
        crate::heap::value_stack::take_tail(&mut self.stack, start)
    }

    fn unbound_local(&mut self, name: &str) -> PyErr {
        let t = self.types.exc.unbound_local_error.clone();
        self.new_error(
            &t,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    fn deref_name(&self, code: &crate::bytecode::CodeObject, idx: usize) -> String {
        let nv = code.varnames.len();
        let nc = code.cellvars.len();
        if idx < nv + nc {
            code.cellvars[idx - nv].clone()
        } else {
            code.freevars[idx - nv - nc].clone()
        }
    }

    /// The name of the callable `depth` slots down, for error messages ("f()").
    /// `function_str` of the callable `depth` slots down the value stack.
    fn callable_str_at(&mut self, depth: usize) -> String {
        match self
            .stack
            .get(self.stack.len().wrapping_sub(depth))
            .and_then(|v| v.clone())
        {
            Some(f) => self.function_str(&f),
            None => "function".into(),
        }
    }

    /// Pops the frame that just returned `v`. The caller resumes, or `run_frame` returns `v`.
    fn return_from_frame(&mut self, v: Obj) -> Flow {
        let f = self.frames.pop().expect("frame");
        self.truncate_stack(f.cleanup_to);
        self.depth -= 1;
        if f.is_entry {
            self.returned = Some(v);
        } else {
            self.push(v);
        }
        Flow::Switch
    }

    fn do_raise(&mut self, arg: u32) -> PyErr {
        match arg {
            0 => match self.handled.clone() {
                Some(exc) => PyErr { exc },
                None => self.runtime_error("No active exception to reraise".into()),
            },
            _ => {
                let cause = if arg == 2 { Some(self.pop()) } else { None };
                let exc = self.pop();
                let exc = match self.make_exception(&exc) {
                    Ok(e) => e,
                    Err(e) => return e,
                };
                if let Some(c) = cause {
                    let c = if c.is(&self.none) {
                        None
                    } else {
                        match self.make_exception(&c) {
                            Ok(c) => Some(c),
                            Err(_) => {
                                return self.type_error(
                                    "exception causes must derive from BaseException".into(),
                                )
                            }
                        }
                    };
                    let ed = exception::exc_data(&exc);
                    ed.cause.set(c);
                    ed.suppress_context.set(true);
                }
                PyErr { exc }
            }
        }
    }

    /// An exception instance from a raise operand: instances as they are, classes called.
    pub fn make_exception(&mut self, v: &Obj) -> PyResult<Obj> {
        if exception::is_exception(v) {
            return Ok(v.clone());
        }
        if let Some(t) = crate::objects::typeobj::try_as_type(v) {
            if t.has_flag(crate::objects::typeobj::flags::BASE_EXC_SUBCLASS) {
                let e = self.call(v, &[])?;
                return Ok(e);
            }
        }
        Err(self.type_error("exceptions must derive from BaseException".into()))
    }

    fn exception_matches(&mut self, exc: &Obj, ty: &Obj) -> PyResult<bool> {
        if let Some(items) = tuple::try_items(ty) {
            for t in items {
                if self.exception_matches(exc, t)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        match crate::objects::typeobj::try_as_type(ty) {
            Some(t) if t.has_flag(crate::objects::typeobj::flags::BASE_EXC_SUBCLASS) => {
                Ok(exc.ty().is_subtype(t as *const _))
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed".into(),
            )),
        }
    }

    fn unpack_sequence(&mut self, seq: &Obj, n: usize) -> PyResult<()> {
        let items: Vec<Obj> = if let Some(t) = tuple::try_items(seq) {
            t.to_vec()
        } else if let Some(l) = list::try_data(seq) {
            l.snapshot()
        } else {
            if !self.is_iterable(seq) {
                return Err(self.type_error(format!(
                    "cannot unpack non-iterable {} object",
                    seq.ty().name()
                )));
            }
            let it = self.get_iter(seq)?;
            let mut v = Vec::new();
            while let Some(x) = self.next(&it)? {
                v.push(x);
                if v.len() > n {
                    return Err(
                        self.value_error(format!("too many values to unpack (expected {n})"))
                    );
                }
            }
            v
        };
        if items.len() < n {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        for v in items.into_iter().rev() {
            self.push(v);
        }
        Ok(())
    }

    fn unpack_ex(&mut self, seq: &Obj, before: usize, after: usize) -> PyResult<()> {
        if !self.is_iterable(seq) {
            return Err(self.type_error(format!(
                "cannot unpack non-iterable {} object",
                seq.ty().name()
            )));
        }
        let items = self.iterate(seq)?;
        if items.len() < before + after {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mid_end = items.len() - after;
        let mut items = items;
        let tail: Vec<Obj> = items.split_off(mid_end);
        let mid: Vec<Obj> = items.split_off(before);
        for v in tail.into_iter().rev() {
            self.push(v);
        }
        let l = self.new_list(mid)?;
        self.push(l);
        for v in items.into_iter().rev() {
            self.push(v);
        }
        Ok(())
    }

    /// Calls what the stack holds: `[callable, self_or_NULL, args x nargs]`.
    fn call_from_stack(&mut self, nargs: usize, kwnames: Option<Obj>) -> PyResult<Flow> {
        let len = self.stack.len();
        let func_pos = len - nargs - 2;
        let has_self = self.stack[func_pos + 1].is_some();
        let args_start = if has_self { func_pos + 1 } else { func_pos + 2 };
        let callable = self.stack[func_pos].clone().expect("callable");
        if crate::objects::function::is_function(self, &callable) {
            if let Some(gen) =
                self.push_function_frame(&callable, args_start, kwnames.as_ref(), func_pos, false)?
            {
                self.push(gen);
                return Ok(Flow::Next);
            }
            return Ok(Flow::Switch);
        }
        let args = self.pop_n(len - args_start);
        self.stack.truncate(func_pos);
        let r = self.call_with_args(&callable, Args::with_kwnames(&args, kwnames.as_ref()))?;
        drop(args);
        self.push(r);
        Ok(Flow::Next)
    }

    /// Whether releasing `v` can neither run Python code nor queue a finalizer or weakref
    /// callback: something else still holds it, or it is an exact int, float or str (no
    /// `__del__`, no weak references, nothing inside).
    #[inline(always)]
    fn drop_is_quiet(&self, v: &Obj) -> bool {
        if v.refcnt() > 1 {
            return true;
        }
        v.has_exact_type(&self.types.int)
            || v.has_exact_type(&self.types.float)
            || v.has_exact_type(&self.types.str)
    }

    /// `BINARY_OP arg` on operands `a` and `b` when both are exact
    /// word-sized ints (`Ok`: the result, when it is a word-sized int computed without
    /// raising) or exact floats, or a float and such an int (`Err`: the float result of an
    /// operator that cannot raise). None: the general path decides.
    #[inline(always)]
    fn arith_fast(&self, a: &Obj, b: &Obj, arg: u32) -> Option<Result<i64, f64>> {
        let op = arg.checked_sub(INPLACE_OFFSET).unwrap_or(arg);
        let op = *BinaryOp::ALL.get(op as usize)?;
        if let Some((x, y)) = self.exact_small_ints(a, b) {
            return small_int_result(op, x, y).map(Ok);
        }
        let (x, y) = self.float_operands(a, b)?;
        match op {
            BinaryOp::Add => Some(Err(x + y)),
            BinaryOp::Subtract => Some(Err(x - y)),
            BinaryOp::Multiply => Some(Err(x * y)),
            BinaryOp::TrueDivide if y != 0.0 => Some(Err(x / y)),
            _ => None,
        }
    }

    /// The values of two exact `int`s that fit in a machine word.
    #[inline(always)]
    fn exact_small_ints(&self, a: &Obj, b: &Obj) -> Option<(i64, i64)> {
        let int_ty = self.types.int.as_nonnull().as_ptr().cast::<u8>();
        if a.type_ptr().cast::<u8>() == int_ty.cast_const()
            && b.type_ptr().cast::<u8>() == int_ty.cast_const()
        {
            Some((int::as_small(a)?, int::as_small(b)?))
        } else {
            None
        }
    }

    /// `key` as a position in `container` when the container is an exact list and the key an
    /// exact small int (negative keys count from the end); the caller checks the upper bound.
    #[inline(always)]
    fn exact_list_index(&self, container: &Obj, key: &Obj) -> Option<usize> {
        if !container.has_exact_type(&self.types.list) || !key.has_exact_type(&self.types.int) {
            return None;
        }
        let i = int::as_small(key)?;
        if i >= 0 {
            Some(i as usize)
        } else {
            let len = list::data(container).len() as i64;
            (i + len >= 0).then(|| (i + len) as usize)
        }
    }

    /// Both operands as doubles when at least one is an exact float and the other an exact
    /// float or exact small int (whose conversion is the one CPython's mixed arithmetic does).
    #[inline(always)]
    fn float_operands(&self, a: &Obj, b: &Obj) -> Option<(f64, f64)> {
        // Exact types only: a subclass may override the operator.
        let num = |o: &Obj| {
            if o.has_exact_type(&self.types.float) {
                crate::objects::float::as_float(o).map(|f| (f, true))
            } else if o.has_exact_type(&self.types.int) {
                int::as_small(o).map(|i| (i as f64, false))
            } else {
                None
            }
        };
        let (x, xf) = num(a)?;
        let (y, yf) = num(b)?;
        (xf || yf).then_some((x, y))
    }

    pub fn module_name(&mut self, m: &Obj) -> String {
        if m.ty().name() == "module" {
            let d = crate::objects::module::module_dict(m).clone();
            let k = self.intern("__name__");
            if let Some(n) = dict::data(&d).get_str(&k) {
                if let Some(s) = pystr::try_as_str(&n) {
                    return s.to_string();
                }
            }
        }
        "?".into()
    }
}

/// `x op y` for word-sized ints when the result is a word-sized int that needs no error
/// check (overflow, a zero or negative divisor and the rest go the general way).
#[inline(always)]
fn small_int_result(op: BinaryOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinaryOp::Add => x.checked_add(y),
        BinaryOp::Subtract => x.checked_sub(y),
        BinaryOp::Multiply => x.checked_mul(y),
        BinaryOp::And => Some(x & y),
        BinaryOp::Or => Some(x | y),
        BinaryOp::Xor => Some(x ^ y),
        BinaryOp::Remainder if y > 0 && x >= 0 => Some(x % y),
        BinaryOp::FloorDivide if y > 0 && x >= 0 => Some(x / y),
        _ => None,
    }
}
