//! `Unit`: the code object under construction for one scope — instruction buffer, labels,
//! constants, names, the exception-handler stack that becomes the exception table, and the
//! frame-block stack used to unwind `return`/`break`/`continue` through `finally`, `with` and
//! `except` blocks.
//!
//! Invariant: every emitted instruction records the innermost active handler, so the
//! exception table is a faithful run-length encoding of "which handler covers this ip".

use crate::bytecode::code::{ExcEntry, Location};
use crate::bytecode::opcode::{Instr, Op};
use crate::heap::Obj;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label(pub usize);

/// A handler covering the instructions emitted while it is on the handler stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handler {
    pub label: Label,
    pub depth: u32,
}

/// What `return`, `break` and `continue` must unwind on their way out of a block.
#[derive(Debug, Clone)]
pub enum FBlock {
    /// A `for` loop: the iterator is on the stack.
    ForLoop { start: Label, exit: Label },
    /// A `while` loop.
    WhileLoop { start: Label, exit: Label },
    /// The body of `try` with a `finally`: unwinding runs the finally body inline.
    FinallyTry { body: Vec<crate::parser::ast::Stmt> },
    /// Inside the exceptional path of `finally`: `[prev_exc, exc]` are on the stack.
    FinallyEnd,
    /// A `with` body: the `__exit__` callable is on the stack.
    With,
    /// The body of an `except` clause: the previous handled exception is on the stack;
    /// `name` is the `as` target to clear.
    HandlerCleanup { name: Option<String> },
    /// The body of a `try` that has `except` clauses (nothing to unwind).
    ExceptTry,
}

impl FBlock {
    /// Stack slots this block keeps below the statements inside it.
    pub fn stack_slots(&self) -> u32 {
        match self {
            FBlock::ForLoop { .. } | FBlock::With | FBlock::HandlerCleanup { .. } => 1,
            FBlock::FinallyEnd => 2,
            _ => 0,
        }
    }
}

pub struct Unit {
    pub scope: usize,
    pub name: String,
    pub qualname: String,
    pub instrs: Vec<Instr>,
    pub locations: Vec<Location>,
    pub handlers_at: Vec<Option<Handler>>,
    pub labels: Vec<Option<u32>>,
    pub consts: Vec<Obj>,
    pub names: Vec<String>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub handler_stack: Vec<Handler>,
    pub fblocks: Vec<FBlock>,
    pub loc: Location,
    /// Extra stack slots held by the statement being compiled (e.g. a pending return value
    /// while a `finally` body is inlined).
    pub extra_depth: u32,
    pub firstlineno: u32,
}

impl Unit {
    pub fn new(scope: usize, name: &str, qualname: &str, firstlineno: u32) -> Unit {
        Unit {
            scope,
            name: name.to_string(),
            qualname: qualname.to_string(),
            instrs: Vec::new(),
            locations: Vec::new(),
            handlers_at: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            handler_stack: Vec::new(),
            fblocks: Vec::new(),
            loc: Location::default(),
            extra_depth: 0,
            firstlineno,
        }
    }

    pub fn emit(&mut self, op: Op, arg: u32) -> usize {
        self.instrs.push(Instr { op, arg });
        self.locations.push(self.loc);
        self.handlers_at.push(self.handler_stack.last().copied());
        self.instrs.len() - 1
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() - 1)
    }

    pub fn bind(&mut self, l: Label) {
        self.labels[l.0] = Some(self.instrs.len() as u32);
    }

    /// Emits a jump whose argument is patched to the label's position at the end.
    pub fn jump(&mut self, op: Op, l: Label) {
        self.emit(op, l.0 as u32);
    }

    pub fn name_index(&mut self, name: &str) -> u32 {
        if let Some(i) = self.names.iter().position(|n| n == name) {
            return i as u32;
        }
        self.names.push(name.to_string());
        (self.names.len() - 1) as u32
    }

    pub fn add_const(&mut self, c: Obj) -> u32 {
        if let Some(i) = self.consts.iter().position(|x| x.is(&c)) {
            return i as u32;
        }
        self.consts.push(c);
        (self.consts.len() - 1) as u32
    }

    /// Stack depth at statement level: the sum of what enclosing blocks keep on the stack.
    pub fn block_depth(&self) -> u32 {
        self.fblocks.iter().map(FBlock::stack_slots).sum::<u32>() + self.extra_depth
    }

    /// Resolves jump labels and run-length-encodes the handler table.
    pub fn finish_jumps_and_table(&mut self) -> Vec<ExcEntry> {
        for ins in self.instrs.iter_mut() {
            if ins.op.is_jump() {
                ins.arg = self.labels[ins.arg as usize].expect("unbound label");
            }
        }
        let mut table: Vec<ExcEntry> = Vec::new();
        for (ip, h) in self.handlers_at.iter().enumerate() {
            let Some(h) = h else { continue };
            let target = self.labels[h.label.0].expect("unbound handler label");
            match table.last_mut() {
                Some(e) if e.end == ip as u32 && e.target == target && e.depth == h.depth => {
                    e.end += 1
                }
                _ => table.push(ExcEntry {
                    start: ip as u32,
                    end: ip as u32 + 1,
                    target,
                    depth: h.depth,
                    push_lasti: false,
                }),
            }
        }
        table
    }
}
