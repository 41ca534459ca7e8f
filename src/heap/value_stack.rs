//! Unchecked operations on the VM's value stack: the eval loop's pushes and local-slot
//! reads, and the bulk move of a generator's frame slots into the generator when it yields
//! (one bitwise copy that never changes a reference count, instead of `drain` + `extend`
//! moving handles one by one).
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

/// Moves `from[at..]` to the end of `to`, keeping their order; `from` is left with `at`
/// values. Panics if `at > from.len()`.
#[inline]
pub fn move_tail(from: &mut Vec<Option<Obj>>, at: usize, to: &mut Vec<Option<Obj>>) {
    let n = from
        .len()
        .checked_sub(at)
        .expect("move_tail: split point beyond the end");
    to.reserve(n);
    let dst_len = to.len();
    // SAFETY: after `reserve`, `to` has room for `n` more values past its length. The `n`
    // initialised values `from[at..]` are copied bitwise into that room, then `from`'s
    // length is cut to `at` and `to`'s raised by `n`, with nothing in between that can
    // panic: each handle ends up owned by `to` alone, none is dropped or duplicated. `from`
    // and `to` are distinct vectors (two `&mut` borrows), so the ranges cannot overlap.
    unsafe {
        std::ptr::copy_nonoverlapping(from.as_ptr().add(at), to.as_mut_ptr().add(dst_len), n);
        from.set_len(at);
        to.set_len(dst_len + n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::test_objects::TestObjects;

    #[test]
    fn pushes_within_reserved_capacity_keep_their_values() {
        let objs = TestObjects::new();
        let mut stack: Vec<Option<Obj>> = Vec::with_capacity(3);
        let x = objs.new_obj(123_456_789);
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

    #[test]
    fn moving_the_tail_keeps_order_and_counts() {
        let objs = TestObjects::new();
        let (a, b) = (objs.new_obj(1), objs.new_obj(2));
        let counts = (a.refcnt(), b.refcnt());
        let mut from: Vec<Option<Obj>> = vec![None, Some(a.clone()), Some(b.clone())];
        let mut to: Vec<Option<Obj>> = vec![None];
        move_tail(&mut from, 1, &mut to);
        assert_eq!((from.len(), to.len()), (1, 3));
        assert!(to[1].as_ref().is_some_and(|v| v.is(&a)));
        assert!(to[2].as_ref().is_some_and(|v| v.is(&b)));
        assert_eq!((a.refcnt(), b.refcnt()), (counts.0 + 1, counts.1 + 1));
        move_tail(&mut from, 1, &mut to);
        assert_eq!((from.len(), to.len()), (1, 3));
        drop(to);
        assert_eq!((a.refcnt(), b.refcnt()), counts);
    }
}
