//! `CodeObject`: the compiled form of a module, function, class body or comprehension —
//! instructions, constants, names, the local-variable layout, a location per instruction and
//! the exception table.
//!
//! Invariants: `locations.len() == instrs.len()`; the local layout ("localsplus") is
//! `varnames`, then `cellvars`, then `freevars`; exception-table ranges do not overlap and are
//! sorted by start.

use crate::bytecode::opcode::Instr;
use crate::heap::Obj;

pub mod code_flags {
    /// Function scope: locals live in fast slots.
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    /// `consts[0]` is the function's docstring (Pyrena's own bit; CPython infers it).
    pub const HAS_DOCSTRING: u32 = 0x0400_0000;
}

/// Source position of one instruction (1-based lines, 0-based byte columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One exception-table entry: an exception raised by an instruction in `[start, end)` jumps
/// to `target` with the value stack cut back to `depth` (plus the last instruction index first
/// when `push_lasti`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

pub struct CodeObject {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    /// `filename`'s id in `heap::source_names` (how allocation hooks name a file).
    pub filename_id: u32,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// For each cell variable that is also an argument: (cell index, argument index).
    pub cell_args: Vec<(u32, u32)>,
    pub consts: Vec<Obj>,
    /// Interned str objects for names used by global/attribute/import instructions.
    pub names: Vec<Obj>,
    /// One inline cache per name, for the attribute instructions that use it
    /// (`heap::attr_cache`).
    pub attr_caches: Box<[crate::heap::attr_cache::AttrCache]>,
    /// One `LOAD_GLOBAL` cache per name (`vm::global_cache`).
    pub global_caches: Box<[crate::vm::global_cache::GlobalCache]>,
    /// Interned str objects for `varnames`, used for keyword-argument binding.
    pub varname_objs: Vec<Obj>,
    pub instrs: Vec<Instr>,
    pub locations: Vec<Location>,
    pub exc_table: Vec<ExcEntry>,
    pub stacksize: u32,
}

impl CodeObject {
    /// Number of local slots: variables, then cells, then free variables.
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }

    /// Slots a frame running this code needs on the value stack: its locals and its
    /// operand stack's computed depth.
    #[inline(always)]
    pub fn frame_size(&self) -> usize {
        self.nlocalsplus() + self.stacksize as usize
    }

    /// Whether a call passing exactly `npos` positional arguments and no keywords binds
    /// them straight into the first local slots with nothing else to set up: no defaults
    /// needed, no keyword-only parameters, no `*args` or `**kwargs`, no cells or free
    /// variables, not a generator.
    #[inline(always)]
    pub fn binds_plainly(&self, npos: usize) -> bool {
        npos == self.argcount as usize
            && self.kwonlyargcount == 0
            && self.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS | code_flags::GENERATOR)
                == 0
            && self.cellvars.is_empty()
            && self.freevars.is_empty()
    }

    /// The instruction at `ip`, without a bounds check (the eval loop's fetch).
    ///
    /// # Safety
    /// The code object came from the compiler, which verified it (`stack_depth::verify`:
    /// every path from instruction 0, every jump and every handler stays inside the code),
    /// and `ip` is on such a path: 0, a successor or jump target of an instruction run
    /// before, a handler target, or a suspended generator's resume point.
    #[inline(always)]
    pub unsafe fn instr_unchecked(&self, ip: usize) -> Instr {
        debug_assert!(ip < self.instrs.len());
        // SAFETY: in bounds by the caller's contract.
        unsafe { *self.instrs.get_unchecked(ip) }
    }

    /// Constant `i`, without a bounds check.
    ///
    /// # Safety
    /// `i` is the operand of a `LOAD_CONST` of this (verified) code object.
    #[inline(always)]
    pub unsafe fn const_unchecked(&self, i: usize) -> &Obj {
        debug_assert!(i < self.consts.len());
        // SAFETY: `stack_depth::verify` checked every LOAD_CONST operand against `consts`.
        unsafe { self.consts.get_unchecked(i) }
    }

    pub fn has_flag(&self, f: u32) -> bool {
        self.flags & f != 0
    }

    /// The handler for an exception raised at instruction `ip`.
    pub fn handler_for(&self, ip: u32) -> Option<&ExcEntry> {
        self.exc_table.iter().find(|e| e.start <= ip && ip < e.end)
    }

    /// The number of positional-or-keyword parameters plus keyword-only ones, plus the
    /// `*args` and `**kwargs` slots.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.has_flag(code_flags::VARARGS) {
            n += 1;
        }
        if self.has_flag(code_flags::VARKEYWORDS) {
            n += 1;
        }
        n
    }
}
