//! The eval loop's unchecked access to the VM's value stack: pushes and local-slot reads.
//!
//! Invariant (kept by `vm::eval::run_frame`, which reserves, and `bytecode::stack_depth`,
//! which computes the bound): while a frame runs, the value stack's capacity is at least
//! the frame's base + its local slots + its computed stack depth, and the stack is never
//! shrunk, so a push made within the frame's depth always has room.

use super::handle::Obj;

/// Appends `v` without checking for room.
///
/// # Safety
/// `stack.len() < stack.capacity()`.
#[inline(always)]
pub unsafe fn push_within_capacity(stack: &mut Vec<Option<Obj>>, v: Option<Obj>) {
    let len = stack.len();
    debug_assert!(
        len < stack.capacity(),
        "value stack push beyond the reserved depth"
    );
    // SAFETY: by the caller's contract slot `len` is allocated; it is uninitialised (past
    // the length), so writing does not leak a value, and it is initialised before the
    // length covers it.
    unsafe {
        stack.as_mut_ptr().add(len).write(v);
        stack.set_len(len + 1);
    }
}

/// Slot `i` of the stack, without a bounds check (the eval loop's local-variable reads).
///
/// # Safety
/// `i < stack.len()`: the running frame's local slots `base..base + nlocalsplus` are on
/// the stack for the frame's whole run, and verified code only names slots below
/// `nlocalsplus`.
#[inline(always)]
pub unsafe fn slot(stack: &[Option<Obj>], i: usize) -> &Option<Obj> {
    debug_assert!(i < stack.len());
    // SAFETY: in bounds by the caller's contract.
    unsafe { stack.get_unchecked(i) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::Vm;

    #[test]
    fn pushes_within_reserved_capacity_keep_their_values() {
        let mut vm = Vm::new();
        let mut stack: Vec<Option<Obj>> = Vec::with_capacity(3);
        let x = vm.new_int(123_456_789).unwrap();
        let before = x.refcnt();
        for v in [Some(x.clone()), None, Some(x.clone())] {
            // SAFETY: three pushes into a capacity of three.
            unsafe { push_within_capacity(&mut stack, v) };
        }
        assert_eq!(stack.len(), 3);
        assert!(stack[0].as_ref().is_some_and(|v| v.is(&x)) && stack[1].is_none());
        drop(stack);
        assert_eq!(x.refcnt(), before);
    }
}
