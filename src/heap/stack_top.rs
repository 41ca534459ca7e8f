//! `StackTop`: the running frame's view of the VM's value stack while the eval loop's fast
//! path runs — the stack top and local slot 0 as two pointers kept in locals (registers),
//! instead of the Vec's buffer and length reloaded through the VM on every push and pop
//! (a store through a slot pointer could alias them, so the compiler reloads them).
//!
//! Invariants:
//! - While a `StackTop` is in use, the Vec's length is stale: values pushed through the view
//!   lie past it, values popped through it may still lie below it. `store` writes the true
//!   length back before anything else reads or changes the stack; `load` takes a new view
//!   after anything else may have changed it (including reallocating the buffer).
//! - Every push stays within the capacity the eval loop reserved for the frame, and every
//!   pop and peek within the values the frame pushed (`bytecode::stack_depth` computes and
//!   verifies both for each code object).

use super::handle::Obj;

pub struct StackTop {
    /// One past the top value.
    sp: *mut Option<Obj>,
    /// Local slot 0 of the running frame.
    locals: *mut Option<Obj>,
    /// The buffer's start, to compute the length for `store` (and in debug builds, to
    /// check bounds).
    start: *mut Option<Obj>,
    #[cfg(debug_assertions)]
    capacity: usize,
}

impl StackTop {
    /// A view of `stack` for a frame whose local slot 0 is at index `base`.
    #[inline(always)]
    pub fn load(stack: &mut Vec<Option<Obj>>, base: usize) -> StackTop {
        debug_assert!(base <= stack.len());
        let start = stack.as_mut_ptr();
        // SAFETY: `len` and `base` are within the allocation (or one past its end).
        let (sp, locals) = unsafe { (start.add(stack.len()), start.add(base)) };
        StackTop {
            sp,
            locals,
            start,
            #[cfg(debug_assertions)]
            capacity: stack.capacity(),
        }
    }

    /// The stack's true length.
    #[inline(always)]
    pub fn depth(&self) -> usize {
        // SAFETY: `sp` and `start` point into the same allocation, `sp` at or after `start`.
        unsafe { self.sp.offset_from(self.start) as usize }
    }

    /// Writes the true length back into `stack`, the Vec this view was loaded from (with no
    /// change to it since, other than through this view).
    #[inline(always)]
    pub fn store(&self, stack: &mut Vec<Option<Obj>>) {
        debug_assert!(std::ptr::eq(stack.as_ptr(), self.start));
        // SAFETY: by the invariant, exactly the slots below `sp` hold initialised values.
        unsafe { stack.set_len(self.depth()) };
    }

    /// Pushes `v`.
    ///
    /// # Safety
    /// The stack has room: `depth() < capacity` of the Vec.
    #[inline(always)]
    pub unsafe fn push(&mut self, v: Option<Obj>) {
        #[cfg(debug_assertions)]
        assert!(
            self.depth() < self.capacity,
            "push beyond the reserved depth"
        );
        // SAFETY: slot `sp` is allocated (the caller's contract) and holds no value (it is
        // past the top), so writing leaks nothing.
        unsafe {
            self.sp.write(v);
            self.sp = self.sp.add(1);
        }
    }

    /// Pops the top value.
    ///
    /// # Safety
    /// The running frame pushed at least one value that is still on the stack.
    #[inline(always)]
    pub unsafe fn pop(&mut self) -> Option<Obj> {
        debug_assert!(self.sp > self.locals, "pop below the frame's locals");
        // SAFETY: the slot below `sp` holds an initialised value (the caller's contract),
        // which is moved out; `sp` then excludes it, so it is not read or dropped again.
        unsafe {
            self.sp = self.sp.sub(1);
            self.sp.read()
        }
    }

    /// The `n`th value from the top (`peek(1)` is the top).
    ///
    /// # Safety
    /// `1 <= n` and the running frame has at least `n` values on its stack.
    #[inline(always)]
    pub unsafe fn peek(&self, n: usize) -> &Option<Obj> {
        debug_assert!(n >= 1 && self.depth() >= n);
        // SAFETY: in bounds and initialised by the caller's contract.
        unsafe { &*self.sp.sub(n) }
    }

    /// The `n`th value from the top, to overwrite in place.
    ///
    /// # Safety
    /// As `peek`.
    #[inline(always)]
    pub unsafe fn peek_mut(&mut self, n: usize) -> &mut Option<Obj> {
        debug_assert!(n >= 1 && self.depth() >= n);
        // SAFETY: in bounds and initialised by the caller's contract.
        unsafe { &mut *self.sp.sub(n) }
    }

    /// Swaps the top value with the `n`th from the top (`SWAP n`).
    ///
    /// # Safety
    /// As `peek`.
    #[inline(always)]
    pub unsafe fn swap_top_with(&mut self, n: usize) {
        debug_assert!(n >= 1 && self.depth() >= n);
        // SAFETY: both slots are in bounds and initialised by the caller's contract
        // (`ptr::swap` allows them to be the same slot).
        unsafe { std::ptr::swap(self.sp.sub(1), self.sp.sub(n)) }
    }

    /// Local slot `i`.
    ///
    /// # Safety
    /// `i` is below the running frame's nlocalsplus.
    #[inline(always)]
    pub unsafe fn local(&self, i: u32) -> &Option<Obj> {
        // SAFETY: the frame's local slots are on the stack while it runs, below `sp`.
        unsafe {
            debug_assert!(self.locals.add(i as usize) < self.sp);
            &*self.locals.add(i as usize)
        }
    }

    /// Puts `v` in local slot `i`, returning the value it held.
    ///
    /// # Safety
    /// As `local`.
    #[inline(always)]
    pub unsafe fn replace_local(&mut self, i: u32, v: Option<Obj>) -> Option<Obj> {
        // SAFETY: as `local`; the slot is initialised, so replacing moves its value out.
        unsafe {
            debug_assert!(self.locals.add(i as usize) < self.sp);
            std::ptr::replace(self.locals.add(i as usize), v)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in for a handle: the tests need no objects (and so no VM) to check the view's
    /// bookkeeping; `None` and `Some` differ in what is stored where.
    fn stack_with(locals: usize, room: usize) -> Vec<Option<Obj>> {
        let mut v = Vec::with_capacity(locals + room);
        v.resize(locals, None);
        v
    }

    #[test]
    fn pushes_and_pops_reach_the_vec_only_through_store() {
        let mut stack = stack_with(2, 4);
        let mut top = StackTop::load(&mut stack, 0);
        // SAFETY: two locals, room for four more values; pops only take what was pushed.
        unsafe {
            top.push(None);
            top.push(None);
            top.push(None);
            assert_eq!(top.depth(), 5);
            assert!(top.pop().is_none());
        }
        assert_eq!(stack.len(), 2, "the Vec's length is stale until store");
        top.store(&mut stack);
        assert_eq!(stack.len(), 4);
        let mut top = StackTop::load(&mut stack, 0);
        // SAFETY: four values on the stack, two of them pushed above the locals.
        unsafe {
            assert!(top.peek(1).is_none() && top.peek_mut(2).is_none());
            top.swap_top_with(2);
            assert!(top.local(1).is_none());
            assert!(top.replace_local(1, None).is_none());
            top.pop();
        }
        top.store(&mut stack);
        assert_eq!(stack.len(), 3);
    }

    #[test]
    fn handles_move_through_the_view_without_count_changes() {
        let objs = crate::heap::test_objects::TestObjects::new();
        let (a, b) = (objs.new_obj(1), objs.new_obj(2));
        let counts = (a.refcnt(), b.refcnt());
        let mut stack = stack_with(1, 3);
        let mut top = StackTop::load(&mut stack, 0);
        // SAFETY: one local, room for three values; pops take only what was pushed.
        unsafe {
            top.push(Some(a.clone()));
            top.push(Some(b.clone()));
            top.swap_top_with(2);
            assert!(top.peek(1).as_ref().is_some_and(|v| v.is(&a)));
            let old = top.replace_local(0, top.peek(2).clone());
            assert!(old.is_none());
            assert_eq!(b.refcnt(), counts.1 + 2);
            drop(top.pop());
        }
        top.store(&mut stack);
        assert_eq!(stack.len(), 2);
        assert_eq!(a.refcnt(), counts.0);
        drop(stack);
        assert_eq!((a.refcnt(), b.refcnt()), counts);
    }

    #[test]
    fn locals_are_addressed_from_the_frame_base() {
        let mut stack = stack_with(5, 1);
        let mut top = StackTop::load(&mut stack, 3);
        // SAFETY: slots 3 and 4 are the frame's two locals; one push fits.
        unsafe {
            top.push(None);
            assert!(top.local(0).is_none() && top.local(1).is_none());
            assert_eq!(top.depth(), 6);
        }
        top.store(&mut stack);
        assert_eq!(stack.len(), 6);
    }
}
