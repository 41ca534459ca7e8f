//! The instruction set: one `#[repr(u8)]` opcode per line with its stack effect, modelled on
//! CPython 3.11's (names match where the meaning matches), and the fixed-width instruction.
//!
//! Stack notation: `[a, b] -> [c]` means the instruction pops `b` then `a` and pushes `c`.
//! `NULL` is an empty stack slot. Calls use the layout `[callable, self_or_NULL, args...]`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Op {
    /// Does nothing.
    Nop,
    /// `[a] -> []`
    PopTop,
    /// `[] -> [NULL]`
    PushNull,
    /// `[.., x] -> [.., x, x]` where x is the `arg`-th item from the top (1 = top).
    Copy,
    /// Swaps the top with the `arg`-th item from the top.
    Swap,
    /// `[] -> [consts[arg]]`
    LoadConst,
    /// `[] -> [locals[arg]]`; UnboundLocalError if unbound.
    LoadFast,
    /// `[v] -> []`, `locals[arg] = v`
    StoreFast,
    /// `locals[arg]` becomes unbound (UnboundLocalError if already unbound).
    DeleteFast,
    /// `[] -> [globals or builtins [names[arg]]]`
    LoadGlobal,
    /// `[v] -> []`, `globals[names[arg]] = v`
    StoreGlobal,
    DeleteGlobal,
    /// `[] -> [v]` looked up in locals dict, globals, builtins (module and class bodies).
    LoadName,
    /// `[v] -> []` into the locals dict.
    StoreName,
    DeleteName,
    /// `[] -> [cell contents]` for cell/free variable `arg` (index into localsplus).
    LoadDeref,
    /// `[v] -> []` into the cell.
    StoreDeref,
    DeleteDeref,
    /// `[] -> [cell]` (the cell object itself, for building closures).
    LoadClosure,
    /// Class bodies: `[] -> [v]` from the class namespace, else the free variable's cell.
    LoadClassDeref,
    /// `[obj] -> [obj.names[arg]]`
    LoadAttr,
    /// `[v, obj] -> []`, `obj.names[arg] = v`
    StoreAttr,
    /// `[obj] -> []`
    DeleteAttr,
    /// `[obj] -> [method, obj]` for an unbound method found on the type, else `[attr, NULL]`.
    LoadMethod,
    /// Sets the keyword-name tuple (`consts[arg]`) for the next `Call`.
    KwNames,
    /// `[callable, self_or_NULL, args x arg] -> [result]`
    Call,
    /// `[callable, NULL, args_tuple, kwargs_dict_if_(arg&1)] -> [result]`
    CallFunctionEx,
    /// `[a, b] -> [a op b]`; `arg` is a `BinaryOp` (+13 for the in-place form).
    BinaryOp,
    /// `[a, b] -> [a cmp b]`; `arg` is a `CompareOp`.
    CompareOp,
    /// `[a, b] -> [a is b]` (`is not` when arg is 1).
    IsOp,
    /// `[a, b] -> [a in b]` (`not in` when arg is 1).
    ContainsOp,
    UnaryNegative,
    UnaryPositive,
    UnaryInvert,
    UnaryNot,
    /// `[container, key] -> [container[key]]`
    BinarySubscr,
    /// `[v, container, key] -> []`
    StoreSubscr,
    /// `[container, key] -> []`
    DeleteSubscr,
    /// `[start, stop(, step)] -> [slice]` with arg 2 or 3.
    BuildSlice,
    /// `[items x arg] -> [tuple]`
    BuildTuple,
    BuildList,
    BuildSet,
    /// `[k1, v1, ... x arg] -> [dict]`
    BuildMap,
    /// `[keys..., values_tuple]`: `[v1..vn, keys_tuple] -> [dict]`
    BuildConstKeyMap,
    /// `[pieces x arg] -> [str]`
    BuildString,
    /// `[list, .. (arg-1 items) .., v] -> [list, ..]` appends v to the list `arg` deep.
    ListAppend,
    SetAdd,
    /// `[dict, .., k, v] -> [dict, ..]`
    MapAdd,
    /// `[list, .., iterable] -> [list, ..]`
    ListExtend,
    SetUpdate,
    /// `[dict, .., mapping] -> [dict, ..]`
    DictUpdate,
    /// Like DictUpdate, but duplicate keys are an error (for `**` in calls).
    DictMerge,
    /// `[list] -> [tuple]`
    ListToTuple,
    /// `[v(, spec)] -> [str]`: arg&3 is the conversion (0 none, 1 str, 2 repr, 3 ascii),
    /// arg&4 means a format spec is on the stack.
    FormatValue,
    /// `[seq] -> [item_{arg-1}, ..., item_0]` (item_0 on top).
    UnpackSequence,
    /// Starred unpack: arg = before | (after << 8).
    UnpackEx,
    /// Unconditional jump to instruction `arg`.
    Jump,
    /// Jump back to `arg` (a loop back-edge: interrupts are checked here).
    JumpBackward,
    /// `[v] -> []`, jump if falsy.
    PopJumpIfFalse,
    PopJumpIfTrue,
    /// `[v] -> [v]` and jump if falsy, else `[v] -> []`.
    JumpIfFalseOrPop,
    JumpIfTrueOrPop,
    /// `[iterable] -> [iterator]`
    GetIter,
    /// `[it] -> [it, next]`, or pops the iterator and jumps to `arg` when exhausted.
    ForIter,
    /// `[v] -> ` returns v from the frame.
    ReturnValue,
    /// `[code, qualname(, closure_tuple)(, kwdefaults)(, defaults)] -> [function]`;
    /// arg bits: 1 defaults, 2 kwdefaults, 8 closure.
    MakeFunction,
    /// `[exc(, cause)] -> raise`: arg 0 re-raises, 1 raises exc, 2 raises exc from cause.
    RaiseVarargs,
    /// `[exc] -> re-raise exc` (used by cleanup handlers); arg 1: restore f_lasti first.
    Reraise,
    /// `[exc] -> [prev_exc, exc]` and makes exc the handled exception.
    PushExcInfo,
    /// `[prev_exc] -> []` and restores it as the handled exception.
    PopExcept,
    /// `[exc, type] -> [exc, bool]`
    CheckExcMatch,
    /// `[exit, val] .. on exception: [exit, prev, exc] -> [exit, prev, exc, exit(type, exc, tb)]`
    WithExceptStart,
    /// `[mgr] -> [exit, mgr.__enter__()]`
    BeforeWith,
    /// `[level, fromlist] -> [module]` importing `names[arg]`.
    ImportName,
    /// `[module] -> [module, module.names[arg]]`
    ImportFrom,
    /// `[module] -> []`, copies public names into the namespace.
    ImportStar,
    /// `[] -> [__build_class__]`
    LoadBuildClass,
    /// `[] -> [AssertionError]`
    LoadAssertionError,
    /// `[v] -> []`, prints repr(v) and stores it in `builtins._` (interactive mode).
    PrintExpr,
    /// `[v] -> [v]` and suspends the generator, sending v out.
    YieldValue,
    /// Starts a generator function: returns the new generator object to the caller.
    ReturnGenerator,
    /// `[receiver, v] -> [receiver, result]` or jump to `arg` with the return value.
    Send,
    /// `[iterable] -> [iterator]` for `yield from`.
    GetYieldFromIter,
    /// Creates `__annotations__` in the namespace if it is missing.
    SetupAnnotations,
}

impl Op {
    pub const COUNT: usize = Op::SetupAnnotations as usize + 1;

    /// Decodes a byte produced by `as u8`.
    pub fn from_u8(b: u8) -> Option<Op> {
        if (b as usize) < Op::COUNT {
            // SAFETY: `Op` is `repr(u8)` with contiguous discriminants 0..COUNT.
            Some(unsafe { std::mem::transmute::<u8, Op>(b) })
        } else {
            None
        }
    }

    /// Whether `arg` is an instruction index.
    pub fn is_jump(self) -> bool {
        matches!(
            self,
            Op::Jump
                | Op::JumpBackward
                | Op::PopJumpIfFalse
                | Op::PopJumpIfTrue
                | Op::JumpIfFalseOrPop
                | Op::JumpIfTrueOrPop
                | Op::ForIter
                | Op::Send
        )
    }

    /// CPython-style upper-case name for the disassembler.
    pub fn name(self) -> String {
        let dbg = format!("{self:?}");
        let mut out = String::new();
        for (i, c) in dbg.chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_uppercase());
        }
        out
    }
}

/// One instruction: an opcode and a 32-bit argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
}
