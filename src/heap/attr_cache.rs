//! Inline caches for the attribute instructions (CPython 3.11's specialised `LOAD_ATTR`,
//! `STORE_ATTR` and `LOAD_METHOD`): one entry per name of a code object, remembering for one
//! receiver type what the last lookup of that name found.
//!
//! An entry says one of three things about instances of its type:
//! - `InstanceSlot(i)`: as `InstanceValue`, but for instances keeping their attributes as
//!   inline values: the name is key `i` of the type's shared keys (which only grow, so the
//!   index stays right while the type lives); the reader takes value `i` if present.
//! - `InstanceValue(pos)`: the type defines no data descriptor of that name and its attribute
//!   hooks are the default ones, so the attribute lives in the instance dict; the last time it
//!   sat at entry position `pos`. The reader re-checks that the entry at `pos` holds the very
//!   same (interned) key object, so a stale position is a miss, never a wrong answer.
//! - `Method(ptr)`: the type's attribute hook is the default one and the MRO yields the plain
//!   function or method descriptor at `ptr`, which a call binds to the instance (unless the
//!   instance dict shadows the name: the reader checks that).
//!
//! Both facts are about type namespaces only, so an entry is valid exactly while the type
//! attribute cache's global epoch stands still (see `heap::type_attr_cache`): the epoch moves
//! on any change to or death of a type namespace dict, the death of a type (whose address
//! could be reused) and the setting of an MRO. The method pointer is *borrowed*, like the
//! values of that cache: while the epoch is unchanged, a type namespace on the MRO still owns
//! it, so the cache never changes what `sys.getrefcount` reports.

use std::cell::Cell;
use std::ptr::NonNull;

use super::handle::Obj;
use super::header::ObjHeader;
use super::type_attr_cache;

#[derive(Clone, Copy)]
enum Found {
    Nothing,
    InstanceSlot(u32),
    InstanceValue(u32),
    Method(NonNull<ObjHeader>),
}

/// One name's cache entry (interior mutability: code objects are shared and immutable).
pub struct AttrCache {
    /// Address of the receiver type the entry describes.
    ty: Cell<usize>,
    epoch: Cell<u64>,
    found: Cell<Found>,
}

impl Default for AttrCache {
    fn default() -> Self {
        AttrCache {
            ty: Cell::new(0),
            epoch: Cell::new(0),
            found: Cell::new(Found::Nothing),
        }
    }
}

impl AttrCache {
    /// The entry's fact when it describes type `ty` in the current epoch.
    #[inline(always)]
    fn current(&self, ty: usize) -> Found {
        if self.ty.get() == ty && self.epoch.get() == type_attr_cache::epoch() {
            self.found.get()
        } else {
            Found::Nothing
        }
    }

    #[inline]
    fn fill(&self, ty: usize, found: Found) {
        self.ty.set(ty);
        self.epoch.set(type_attr_cache::epoch());
        self.found.set(found);
    }

    /// The remembered shared-key index of the name for instances of `ty`.
    #[inline(always)]
    pub fn instance_slot(&self, ty: usize) -> Option<usize> {
        match self.current(ty) {
            Found::InstanceSlot(i) => Some(i as usize),
            _ => None,
        }
    }

    /// Records that for instances of `ty` the name is an attribute (no data descriptor,
    /// default hooks) and key `i` of the type's shared keys.
    pub fn set_instance_slot(&self, ty: usize, i: usize) {
        if let Ok(i) = u32::try_from(i) {
            self.fill(ty, Found::InstanceSlot(i));
        }
    }

    /// The remembered instance-dict position of the name for instances of `ty`.
    #[inline(always)]
    pub fn instance_pos(&self, ty: usize) -> Option<usize> {
        match self.current(ty) {
            Found::InstanceValue(pos) => Some(pos as usize),
            _ => None,
        }
    }

    /// Records that for instances of `ty` the name is an instance-dict value (no data
    /// descriptor, default attribute hooks), last found at entry position `pos`.
    pub fn set_instance_pos(&self, ty: usize, pos: usize) {
        if let Ok(pos) = u32::try_from(pos) {
            self.fill(ty, Found::InstanceValue(pos));
        }
    }

    /// The remembered method for instances of `ty`, as a new reference.
    #[inline(always)]
    pub fn method(&self, ty: usize) -> Option<Obj> {
        match self.current(ty) {
            // SAFETY: the entry is from the current epoch, so (module invariant) a type
            // namespace on `ty`'s MRO still owns the object: it is alive.
            Found::Method(p) => Some(unsafe { Obj::from_borrowed(p) }),
            _ => None,
        }
    }

    /// Records that for instances of `ty` the name is the method `m`, found on the MRO
    /// (so owned by a type namespace dict; the entry borrows it).
    pub fn set_method(&self, ty: usize, m: &Obj) {
        self.fill(ty, Found::Method(m.as_nonnull()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_valid_only_for_its_type_and_epoch() {
        let c = AttrCache::default();
        assert_eq!(c.instance_pos(0x1000), None);
        c.set_instance_pos(0x1000, 3);
        assert_eq!(c.instance_pos(0x1000), Some(3));
        assert_eq!(c.instance_pos(0x2000), None);
        type_attr_cache::invalidate();
        assert_eq!(c.instance_pos(0x1000), None);
        c.set_instance_slot(0x1000, 2);
        assert_eq!(
            (c.instance_slot(0x1000), c.instance_pos(0x1000)),
            (Some(2), None)
        );
        assert_eq!(c.instance_slot(0x2000), None);
    }
}
