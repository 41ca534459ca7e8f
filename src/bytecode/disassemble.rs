//! The disassembler behind `dis`: Pyrena's own instructions laid out in CPython 3.11's
//! columns — source line (where a line starts), `>>` on jump and handler targets, the offset,
//! the opcode name, the argument and what it means in parentheses — followed by the
//! exception table. Offsets are instruction index × 2, as CPython counts 2-byte code units.
//!
//! Nothing here needs the VM: the caller supplies the repr of constants.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::bytecode::code::CodeObject;
use crate::bytecode::opcode::Op;
use crate::heap::Obj;
use crate::objects::typeobj::{BinaryOp, INPLACE_OFFSET};

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;

/// Whether the instruction uses its argument (CPython shows no argument column otherwise).
fn has_arg(op: Op) -> bool {
    !matches!(
        op,
        Op::Nop
            | Op::PopTop
            | Op::PushNull
            | Op::UnaryNegative
            | Op::UnaryPositive
            | Op::UnaryInvert
            | Op::UnaryNot
            | Op::BinarySubscr
            | Op::StoreSubscr
            | Op::DeleteSubscr
            | Op::ListToTuple
            | Op::GetIter
            | Op::ReturnValue
            | Op::PushExcInfo
            | Op::PopExcept
            | Op::CheckExcMatch
            | Op::WithExceptStart
            | Op::BeforeWith
            | Op::ImportStar
            | Op::LoadBuildClass
            | Op::LoadAssertionError
            | Op::PrintExpr
            | Op::YieldValue
            | Op::ReturnGenerator
            | Op::GetYieldFromIter
            | Op::SetupAnnotations
    )
}

fn binary_op_symbol(arg: u32) -> String {
    let (base, inplace) = if arg >= INPLACE_OFFSET {
        (arg - INPLACE_OFFSET, true)
    } else {
        (arg, false)
    };
    let sym = BinaryOp::ALL
        .get(base as usize)
        .map_or("?", |op| op.symbol());
    if inplace {
        format!("{sym}=")
    } else {
        sym.to_string()
    }
}

/// The local, cell and free variable names in slot order.
fn localsplus(code: &CodeObject) -> Vec<&str> {
    code.varnames
        .iter()
        .chain(&code.cellvars)
        .chain(&code.freevars)
        .map(String::as_str)
        .collect()
}

/// What the argument of `op` means, for the parenthesised column.
fn argrepr(
    code: &CodeObject,
    op: Op,
    arg: u32,
    const_repr: &mut dyn FnMut(&Obj) -> String,
) -> Option<String> {
    let name = |i: u32| {
        code.names
            .get(i as usize)
            .map(|n| crate::objects::str::as_str(n).to_string())
    };
    match op {
        Op::LoadConst | Op::KwNames => code.consts.get(arg as usize).map(const_repr),
        Op::LoadFast | Op::StoreFast | Op::DeleteFast => code.varnames.get(arg as usize).cloned(),
        Op::LoadDeref | Op::StoreDeref | Op::DeleteDeref | Op::LoadClosure | Op::LoadClassDeref => {
            localsplus(code).get(arg as usize).map(|s| s.to_string())
        }
        Op::LoadGlobal
        | Op::StoreGlobal
        | Op::DeleteGlobal
        | Op::LoadName
        | Op::StoreName
        | Op::DeleteName
        | Op::LoadAttr
        | Op::StoreAttr
        | Op::DeleteAttr
        | Op::LoadMethod
        | Op::ImportName
        | Op::ImportFrom => name(arg),
        Op::CompareOp => ["<", "<=", "==", "!=", ">", ">="]
            .get(arg as usize)
            .map(|s| s.to_string()),
        Op::BinaryOp => Some(binary_op_symbol(arg)),
        Op::FormatValue => {
            let conv = ["", "str", "repr", "ascii"][(arg & 3) as usize];
            let spec = if arg & 4 != 0 { "with format" } else { "" };
            let parts: Vec<&str> = [conv, spec].into_iter().filter(|s| !s.is_empty()).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Op::MakeFunction => {
            let flags = ["defaults", "kwdefaults", "annotations", "closure"];
            let set: Vec<&str> = flags
                .iter()
                .enumerate()
                .filter(|(i, _)| arg & (1 << i) != 0)
                .map(|(_, s)| *s)
                .collect();
            (!set.is_empty()).then(|| set.join(", "))
        }
        op if op.is_jump() => Some(format!("to {}", arg * 2)),
        _ => None,
    }
}

/// Appends the disassembly of one code object (no nested code objects) to `out`.
pub fn disassemble(
    code: &CodeObject,
    const_repr: &mut dyn FnMut(&Obj) -> String,
    out: &mut String,
) {
    let mut labels = BTreeSet::new();
    for ins in &code.instrs {
        if ins.op.is_jump() {
            labels.insert(ins.arg as usize);
        }
    }
    for e in &code.exc_table {
        labels.insert(e.target as usize);
    }
    let max_line = code.locations.iter().map(|l| l.line).max().unwrap_or(0);
    let lineno_width = if max_line >= 1000 {
        max_line.to_string().len()
    } else {
        3
    };
    let max_offset = code.instrs.len().saturating_sub(1) * 2;
    let offset_width = if max_offset >= 10000 {
        max_offset.to_string().len()
    } else {
        4
    };
    let mut last_line = 0;
    for (i, ins) in code.instrs.iter().enumerate() {
        let line = code.locations.get(i).map_or(0, |l| l.line);
        let starts_line = line > 0 && line != last_line;
        if starts_line {
            if i > 0 {
                out.push('\n');
            }
            last_line = line;
        }
        let mut fields: Vec<String> = Vec::with_capacity(7);
        fields.push(if starts_line {
            format!("{line:>lineno_width$}")
        } else {
            " ".repeat(lineno_width)
        });
        fields.push("   ".into());
        fields.push(if labels.contains(&i) { ">>" } else { "  " }.into());
        fields.push(format!("{:>offset_width$}", i * 2));
        fields.push(format!("{:<OPNAME_WIDTH$}", ins.op.name()));
        if has_arg(ins.op) {
            fields.push(format!("{:>OPARG_WIDTH$}", ins.arg));
            if let Some(r) = argrepr(code, ins.op, ins.arg, const_repr) {
                fields.push(format!("({r})"));
            }
        }
        let _ = writeln!(out, "{}", fields.join(" ").trim_end());
    }
    if !code.exc_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exc_table {
            let lasti = if e.push_lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{lasti}",
                e.start * 2,
                (e.end * 2).saturating_sub(2),
                e.target * 2,
                e.depth
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_follow_cpython() {
        let mut vm = crate::vm::Vm::new();
        let src = "def f(x):\n    if x < 2:\n        return x\n    return f(x - 1) + f(x - 2)\n";
        let module = crate::parser::parse_module(src, "<t>").unwrap();
        let code = crate::compiler::compile_module(
            &mut vm,
            &module,
            src,
            "<t>",
            crate::compiler::Mode::Exec,
        )
        .unwrap();
        let top = crate::objects::code::code_data(&code);
        let f = top
            .consts
            .iter()
            .find(|c| c.ty().name() == "code")
            .expect("the function's code");
        let mut out = String::new();
        disassemble(
            crate::objects::code::code_data(f),
            &mut |_| "…".into(),
            &mut out,
        );
        let lines: Vec<&str> = out.lines().collect();
        assert!(
            lines[0].starts_with("  2           0 LOAD_FAST                0 (x)"),
            "{out}"
        );
        assert!(out.contains("(<)"), "{out}");
        assert!(out.contains("(-)") && out.contains("(+)"), "{out}");
        // The false branch of `if x < 2` jumps to line 4: its first instruction is a
        // target, and the jump names its offset.
        let target = out
            .lines()
            .find(|l| l.starts_with("  4     >> "))
            .expect("line 4 starts at a jump target");
        let offset = target[11..].split_whitespace().next().unwrap();
        assert!(out.contains(&format!("(to {offset})")), "{out}");
        assert!(
            out.lines().any(|l| l.trim_end().ends_with("RETURN_VALUE")),
            "{out}"
        );
        // A line's instructions after the first leave the line column blank.
        assert!(lines[1].starts_with("              2 "), "{out}");
    }
}
