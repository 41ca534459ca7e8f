//! The value-stack depth a code object needs (CPython's `co_stacksize`): each instruction's
//! stack effect, propagated along every path through the bytecode, exception handlers
//! included.
//!
//! Invariants checked here, for code the compiler produced: every jump target and handler is
//! an instruction index; the depth never goes below zero; every instruction is reached at
//! one depth only; and no path runs off the end of the code. A code object that fails is a
//! compiler bug, reported as an error string naming the instruction.

use super::code::{CodeObject, ExcEntry};
use super::opcode::{Instr, Op};

/// Checks `code` as the eval loop relies on it and returns its stack depth: the depth
/// conditions of [`max_stack_depth`], and every local-slot and constant operand in range
/// (the eval loop reads those without bounds checks).
pub fn verify(code: &CodeObject) -> Result<u32, String> {
    if code.instrs.is_empty() {
        return Err("no instructions".to_string());
    }
    let nlocals = code.nlocalsplus();
    for (i, ins) in code.instrs.iter().enumerate() {
        let bound = match ins.op {
            Op::LoadFast | Op::StoreFast | Op::DeleteFast => nlocals,
            Op::LoadConst => code.consts.len(),
            _ => continue,
        };
        if ins.arg as usize >= bound {
            return Err(format!(
                "instruction {i}: {:?} {} out of range",
                ins.op, ins.arg
            ));
        }
    }
    max_stack_depth(&code.instrs, &code.exc_table)
}

/// How `op` with `arg` changes the stack depth, on the fall-through path (`jump` false) or
/// on the jump (`jump` true). Matches the stack notation documented on each `Op`.
pub fn stack_effect(op: Op, arg: u32, jump: bool) -> i64 {
    let n = i64::from(arg);
    match op {
        Op::Nop
        | Op::Swap
        | Op::DeleteFast
        | Op::DeleteGlobal
        | Op::DeleteName
        | Op::DeleteDeref
        | Op::LoadAttr
        | Op::KwNames
        | Op::UnaryNegative
        | Op::UnaryPositive
        | Op::UnaryInvert
        | Op::UnaryNot
        | Op::ListToTuple
        | Op::Jump
        | Op::JumpBackward
        | Op::GetIter
        | Op::CheckExcMatch
        | Op::YieldValue
        | Op::ReturnGenerator
        | Op::GetYieldFromIter
        | Op::SetupAnnotations => 0,
        Op::PushNull
        | Op::Copy
        | Op::LoadConst
        | Op::LoadFast
        | Op::LoadGlobal
        | Op::LoadName
        | Op::LoadDeref
        | Op::LoadClosure
        | Op::LoadClassDeref
        | Op::LoadMethod
        | Op::PushExcInfo
        | Op::WithExceptStart
        | Op::BeforeWith
        | Op::ImportFrom
        | Op::LoadBuildClass
        | Op::LoadAssertionError => 1,
        Op::PopTop
        | Op::StoreFast
        | Op::StoreGlobal
        | Op::StoreName
        | Op::StoreDeref
        | Op::DeleteAttr
        | Op::BinaryOp
        | Op::CompareOp
        | Op::IsOp
        | Op::ContainsOp
        | Op::BinarySubscr
        | Op::ListAppend
        | Op::SetAdd
        | Op::ListExtend
        | Op::SetUpdate
        | Op::DictUpdate
        | Op::DictMerge
        | Op::PopJumpIfFalse
        | Op::PopJumpIfTrue
        | Op::ReturnValue
        | Op::Reraise
        | Op::PopExcept
        | Op::ImportName
        | Op::ImportStar
        | Op::PrintExpr => -1,
        Op::StoreAttr | Op::DeleteSubscr | Op::MapAdd => -2,
        Op::StoreSubscr => -3,
        // [callable, self_or_NULL, args x arg] -> [result]
        Op::Call => -n - 1,
        // [callable, NULL, args(, kwargs)] -> [result]
        Op::CallFunctionEx => -2 - i64::from(arg & 1),
        Op::BuildSlice | Op::BuildTuple | Op::BuildList | Op::BuildSet | Op::BuildString => 1 - n,
        Op::BuildMap => 1 - 2 * n,
        // [values x arg, keys] -> [dict]
        Op::BuildConstKeyMap => -n,
        Op::FormatValue => -i64::from(arg & 4 != 0),
        Op::UnpackSequence => n - 1,
        Op::UnpackEx => i64::from(arg & 0xff) + i64::from(arg >> 8),
        Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
            if jump {
                0
            } else {
                -1
            }
        }
        // Exhausted: the iterator is popped and the loop left.
        Op::ForIter => {
            if jump {
                -1
            } else {
                1
            }
        }
        // [code, qualname, closure?, kwdefaults?, defaults?] -> [function]
        Op::MakeFunction => -1 - i64::from((arg & (1 | 2 | 8)).count_ones()),
        Op::RaiseVarargs => -n,
        // [receiver, v] -> [receiver, yielded], or [result] at the jump.
        Op::Send => {
            if jump {
                -1
            } else {
                0
            }
        }
    }
}

/// Whether control can continue to the next instruction after `op`.
fn falls_through(op: Op) -> bool {
    !matches!(
        op,
        Op::Jump | Op::JumpBackward | Op::ReturnValue | Op::RaiseVarargs | Op::Reraise
    )
}

/// Records that instruction `at` is reached from `from` at depth `d`, queueing it the
/// first time.
fn reach(
    depth_at: &mut [Option<i64>],
    at: usize,
    d: i64,
    from: usize,
    work: &mut Vec<usize>,
) -> Result<(), String> {
    if at >= depth_at.len() {
        return Err(format!("instruction {from} leads past the end of the code"));
    }
    if d < 0 {
        return Err(format!(
            "stack underflow reaching instruction {at} from {from}"
        ));
    }
    match depth_at[at] {
        Some(old) if old != d => Err(format!(
            "instruction {at} reached at depth {d} from {from} and at depth {old} elsewhere"
        )),
        Some(_) => Ok(()),
        None => {
            depth_at[at] = Some(d);
            work.push(at);
            Ok(())
        }
    }
}

/// The maximum depth of the value stack (above the locals) over every path through `instrs`.
pub fn max_stack_depth(instrs: &[Instr], exc_table: &[ExcEntry]) -> Result<u32, String> {
    let len = instrs.len();
    let mut depth_at: Vec<Option<i64>> = vec![None; len];
    let mut work: Vec<usize> = Vec::new();
    let mut max = 0i64;
    if len > 0 {
        reach(&mut depth_at, 0, 0, 0, &mut work)?;
    }
    // Handlers are entered with the stack cut to the entry's depth, then the last
    // instruction index (when asked for) and the exception pushed.
    let handler_depth = |e: &ExcEntry| i64::from(e.depth) + i64::from(e.push_lasti) + 1;
    loop {
        while let Some(i) = work.pop() {
            let Instr { op, arg } = instrs[i];
            let d = depth_at[i].expect("queued instructions have a depth");
            max = max.max(d);
            // An instruction's own pushes before its pops (e.g. a call's temporaries) never
            // exceed the larger of its depth before and after.
            if falls_through(op) {
                let after = d + stack_effect(op, arg, false);
                max = max.max(after);
                reach(&mut depth_at, i + 1, after, i, &mut work)?;
            }
            if op.is_jump() {
                let after = d + stack_effect(op, arg, true);
                max = max.max(after);
                reach(&mut depth_at, arg as usize, after, i, &mut work)?;
            }
        }
        // A handler is live when any instruction it covers was reached. `reach` checks a
        // target already reached against the handler's depth, and queues a new one.
        for e in exc_table {
            let covered =
                (e.start as usize..(e.end as usize).min(len)).any(|i| depth_at[i].is_some());
            if covered {
                let at = e.target as usize;
                reach(
                    &mut depth_at,
                    at,
                    handler_depth(e),
                    e.start as usize,
                    &mut work,
                )?;
            }
        }
        if work.is_empty() {
            break;
        }
    }
    u32::try_from(max).map_err(|_| "stack depth out of range".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ins(op: Op, arg: u32) -> Instr {
        Instr { op, arg }
    }

    #[test]
    fn straight_line_code_peaks_at_its_widest_point() {
        // a + b * c; return
        let code = [
            ins(Op::LoadFast, 0),
            ins(Op::LoadFast, 1),
            ins(Op::LoadFast, 2),
            ins(Op::BinaryOp, 5),
            ins(Op::BinaryOp, 0),
            ins(Op::ReturnValue, 0),
        ];
        assert_eq!(max_stack_depth(&code, &[]), Ok(3));
    }

    #[test]
    fn a_loop_keeps_its_iterator_and_the_handler_adds_the_exception() {
        let code = [
            ins(Op::LoadFast, 0),
            ins(Op::GetIter, 0),
            ins(Op::ForIter, 5),
            ins(Op::StoreFast, 1),
            ins(Op::JumpBackward, 2),
            ins(Op::LoadConst, 0),
            ins(Op::ReturnValue, 0),
            // handler: [lasti, exc]
            ins(Op::PopTop, 0),
            ins(Op::PopTop, 0),
            ins(Op::LoadConst, 0),
            ins(Op::ReturnValue, 0),
        ];
        let table = [ExcEntry {
            start: 0,
            end: 5,
            target: 7,
            depth: 0,
            push_lasti: true,
        }];
        assert_eq!(max_stack_depth(&code, &table), Ok(2));
    }

    #[test]
    fn inconsistent_depths_and_running_off_the_end_are_reported() {
        let merge = [
            ins(Op::LoadFast, 0),
            ins(Op::PopJumpIfFalse, 3),
            ins(Op::LoadFast, 0),
            ins(Op::ReturnValue, 0),
        ];
        assert!(max_stack_depth(&merge, &[])
            .unwrap_err()
            .contains("reached at depth"));
        let off_end = [ins(Op::LoadFast, 0), ins(Op::PopTop, 0)];
        assert!(max_stack_depth(&off_end, &[])
            .unwrap_err()
            .contains("past the end"));
        let underflow = [ins(Op::PopTop, 0), ins(Op::ReturnValue, 0)];
        assert!(max_stack_depth(&underflow, &[])
            .unwrap_err()
            .contains("underflow"));
    }
}
