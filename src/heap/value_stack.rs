//! Unchecked operations on the VM's value stack: the general path's pushes, and bulk moves
//! of handles off the stack — a generator's frame slots into the generator when it yields,
//! a builtin call's arguments into its argument list — as one bitwise copy that never
//! changes a reference count, instead of draining handles one by one. (The fast path's
//! pushes and local reads are `stack_top::StackTop`'s.)
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

/// Moves `from[at..]` out as an argument list, keeping their order; `from` is left with
/// `at` values. One bitwise copy instead of draining handle by handle (builtin calls take
/// their arguments this way). Panics if `at > from.len()` or a moved slot is empty.
#[inline]
pub fn take_tail(from: &mut Vec<Option<Obj>>, at: usize) -> smallvec::SmallVec<[Obj; 8]> {
    let n = from
        .len()
        .checked_sub(at)
        .expect("take_tail: split point beyond the end");
    assert!(
        from[at..].iter().all(Option::is_some),
        "NULL in an argument list (compiler bug)"
    );
    let mut out = smallvec::SmallVec::with_capacity(n);
    // SAFETY: `Obj` is a `#[repr(transparent)]` wrapper of a `NonNull`, so `Option<Obj>`
    // has its layout and a `Some` holds exactly the handle's bits; every moved slot is
    // `Some` (checked above). `out` has room for `n` handles. Each handle is copied once,
    // then `from`'s length is cut so it no longer owns them and `out`'s raised so it does,
    // with nothing in between that can panic: no handle is dropped or duplicated.
    unsafe {
        std::ptr::copy_nonoverlapping(from.as_ptr().add(at).cast::<Obj>(), out.as_mut_ptr(), n);
        from.set_len(at);
        out.set_len(n);
    }
    out
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
    fn taking_the_tail_as_arguments_keeps_order_and_counts() {
        let objs = TestObjects::new();
        let (a, b) = (objs.new_obj(1), objs.new_obj(2));
        let counts = (a.refcnt(), b.refcnt());
        let mut stack: Vec<Option<Obj>> = vec![None, Some(a.clone()), Some(b.clone())];
        let args = take_tail(&mut stack, 1);
        assert_eq!((stack.len(), args.len()), (1, 2));
        assert!(args[0].is(&a) && args[1].is(&b));
        assert_eq!((a.refcnt(), b.refcnt()), (counts.0 + 1, counts.1 + 1));
        drop(args);
        assert_eq!((a.refcnt(), b.refcnt()), counts);
        assert!(take_tail(&mut stack, 1).is_empty());
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
