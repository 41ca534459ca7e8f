//! Moving owned handles from the tail of one value vector to the end of another in one
//! bitwise copy, as a generator's frame slots go from the VM's value stack into the
//! generator when it yields. `Vec::drain` + `extend` would move them one by one through an
//! iterator; this is a single `memcpy` and never changes a reference count.
//!
//! Invariant: every handle is owned by exactly one of the two vectors before and after.

use super::handle::Obj;

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
    use super::move_tail;

    #[test]
    fn moves_the_tail_in_order() {
        let mut from: Vec<Option<crate::heap::Obj>> = vec![None, None, None];
        let mut to = Vec::new();
        move_tail(&mut from, 1, &mut to);
        assert_eq!((from.len(), to.len()), (1, 2));
        move_tail(&mut from, 1, &mut to);
        assert_eq!((from.len(), to.len()), (1, 2));
    }
}
