//! Bytecode: the instruction set and the code object the compiler produces and the VM runs.

pub mod code;
pub mod disassemble;
pub mod opcode;
pub mod stack_depth;

pub use code::{CodeObject, ExcEntry, Location};
pub use opcode::{Instr, Op};
