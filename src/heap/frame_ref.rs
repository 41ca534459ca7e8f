//! `FrameRef`: a frame's reference to a namespace dict that either owns one count or
//! borrows the object from something that outlives the frame.
//!
//! CPython 3.11's frames borrow `f_globals` and `f_builtins` from the function they run
//! (`f_func` keeps the function, and the function keeps both dicts), so an active call adds
//! nothing to `sys.getrefcount(globals())`. A frame with no function (module code, `exec`)
//! owns its namespaces instead.
//!
//! Invariant: a borrowed `FrameRef`'s object stays alive for as long as the `FrameRef`
//! exists (the constructor's contract); an owned one holds one reference, released on drop.

use std::mem::ManuallyDrop;

use super::handle::Obj;

pub struct FrameRef {
    obj: ManuallyDrop<Obj>,
    owned: bool,
}

impl FrameRef {
    /// Takes ownership of one reference.
    pub fn owned(obj: Obj) -> FrameRef {
        FrameRef {
            obj: ManuallyDrop::new(obj),
            owned: true,
        }
    }

    /// Borrows `obj` without counting a reference.
    ///
    /// # Safety
    /// `obj` must stay alive for as long as the returned `FrameRef` exists.
    pub unsafe fn borrowed(obj: &Obj) -> FrameRef {
        FrameRef {
            // SAFETY: the object is live now and, by the caller's contract, for the whole
            // life of this handle, which never releases the count it did not take.
            obj: ManuallyDrop::new(unsafe { Obj::from_owned(obj.as_nonnull()) }),
            owned: false,
        }
    }

    /// Whether this reference is counted (the collector's traverse reports only those).
    pub fn is_owned(&self) -> bool {
        self.owned
    }
}

impl std::ops::Deref for FrameRef {
    type Target = Obj;

    #[inline(always)]
    fn deref(&self) -> &Obj {
        &self.obj
    }
}

impl Drop for FrameRef {
    fn drop(&mut self) {
        if self.owned {
            // SAFETY: an owned FrameRef holds one reference, released exactly once here.
            unsafe { ManuallyDrop::drop(&mut self.obj) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::test_objects::TestObjects;

    #[test]
    fn only_an_owned_frame_ref_counts() {
        let d = TestObjects::new().new_obj(0);
        let before = d.refcnt();
        let owned = FrameRef::owned(d.clone());
        assert_eq!(d.refcnt(), before + 1);
        // SAFETY: `d` outlives `borrowed`.
        let borrowed = unsafe { FrameRef::borrowed(&d) };
        assert_eq!(d.refcnt(), before + 1);
        assert!(owned.is_owned() && !borrowed.is_owned());
        assert!(borrowed.is(&owned));
        drop(borrowed);
        assert_eq!(d.refcnt(), before + 1);
        drop(owned);
        assert_eq!(d.refcnt(), before);
    }
}
