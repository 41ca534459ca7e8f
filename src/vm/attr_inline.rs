//! The attribute instructions with their inline caches (`heap::attr_cache`): `LOAD_ATTR`,
//! `STORE_ATTR` and `LOAD_METHOD` first try what the cache remembers for the receiver's type,
//! then fall back to the generic protocol and fill the cache when its answer is cacheable.
//!
//! Cacheable means, for instances of a class (a heap type):
//! - an instance-dict attribute: the class keeps the default attribute hooks (no
//!   `__getattribute__`, `__getattr__` only matters on a miss, no `__setattr__`/`__delattr__`),
//!   is not an exception class (whose `args`/`__cause__`... are special), and no class on the
//!   MRO defines a data descriptor (property, slot) of that name. Then `obj.name` is the
//!   instance dict's value and `obj.name = v` replaces it;
//! - a method: the type's attribute hook is the default one and the MRO yields a function or a
//!   method descriptor, which the call binds to the instance unless its dict shadows the name.
//!
//! Whatever the cache says, the result is what the generic path would give: the cached path is
//! only taken for the facts above, and the instance-dict entry is re-checked on every use.

use crate::heap::attr_cache::AttrCache;
use crate::heap::type_attr_cache;
use crate::heap::Obj;
use crate::objects::class::instance_dict_slot;
use crate::objects::class_slots::{heap_getattro, heap_setattro};
use crate::objects::instance_attrs::{self, values_of};
use crate::objects::typeobj::{GetAttrFn, SetAttrFn};
use crate::objects::{descr, dict, exception, str as pystr};
use crate::vm::{PyResult, Vm};

/// The value of `name` in `obj`'s instance dict at entry position `pos`, if it is still there.
#[inline(always)]
fn instance_value_at(obj: &Obj, pos: usize, name: &Obj) -> Option<Obj> {
    instance_dict_slot(obj)?.with(|d| dict::data(d?).value_at_identical(pos, name))
}

impl Vm {
    /// Whether instances of `obj`'s type keep their attributes as instance-dict values under
    /// the default hooks, so `name` may be cached as an instance-dict entry (module comment).
    fn instance_value_cacheable(&mut self, obj: &Obj, name: &Obj) -> bool {
        let t = obj.ty();
        let default_get = t
            .slots
            .getattro
            .get()
            .is_some_and(|g| std::ptr::fn_addr_eq(g, heap_getattro as GetAttrFn));
        let default_set = t
            .slots
            .setattro
            .get()
            .is_some_and(|s| std::ptr::fn_addr_eq(s, heap_setattro as SetAttrFn));
        // `__class__` and `__dict__` are answered before the instance dict (descriptors in
        // CPython), whatever keys the dict has.
        if !default_get
            || !default_set
            || exception::is_exception(obj)
            || instance_dict_slot(obj).is_none()
            || matches!(pystr::as_str(name), "__class__" | "__dict__")
        {
            return false;
        }
        match self.lookup_type_attr(t, name) {
            None => true,
            Some(a) => !descr::is_data_descriptor(self, &a),
        }
    }

    /// What `LOAD_ATTR`'s cache answers for `obj.name` with no lookup and no code run: the
    /// instance value where the cache says it is, if it is still there. None: ask
    /// `load_attr_inline`.
    #[inline(always)]
    pub(crate) fn load_attr_cached(cache: &AttrCache, obj: &Obj, name: &Obj) -> Option<Obj> {
        let ty = obj.type_ptr() as usize;
        if let Some(i) = cache.instance_slot(ty) {
            if let Some(v) = values_of(obj).and_then(|values| values.get(i)) {
                return Some(v);
            }
        }
        instance_value_at(obj, cache.instance_pos(ty)?, name)
    }

    /// `LOAD_ATTR`: `obj.name`.
    pub(crate) fn load_attr_inline(
        &mut self,
        cache: &AttrCache,
        obj: &Obj,
        name: &Obj,
    ) -> PyResult<Obj> {
        if let Some(v) = Vm::load_attr_cached(cache, obj, name) {
            return Ok(v);
        }
        let ty = obj.type_ptr() as usize;
        let cached = cache.instance_pos(ty);
        // A type the entry describes needs no new check: this instance may just keep the
        // name at another position (or not at all).
        if cached.is_some() || self.instance_value_cacheable(obj, name) {
            if let Some(i) = instance_attrs::inline_index(obj, name) {
                cache.set_instance_slot(ty, i);
                return Ok(values_of(obj)
                    .and_then(|v| v.get(i))
                    .expect("checked index"));
            }
            let found = instance_dict_slot(obj)
                .and_then(|slot| slot.with(|d| dict::data(d?).find_identical_str(name)));
            if let Some((pos, v)) = found {
                cache.set_instance_pos(ty, pos);
                return Ok(v);
            }
        }
        self.getattr(obj, name)
    }

    /// `STORE_ATTR` where the cache says the instance already has `name` (the replaced value
    /// is released, which may queue finalizers). `Err` gives the value back: ask
    /// `store_attr_inline`.
    #[inline(always)]
    pub(crate) fn store_attr_cached(
        cache: &AttrCache,
        obj: &Obj,
        name: &Obj,
        value: Obj,
    ) -> Result<(), Obj> {
        let ty = obj.type_ptr() as usize;
        let value = match (cache.instance_slot(ty), values_of(obj)) {
            (Some(i), Some(values)) => match values.replace(i, value) {
                Ok(old) => {
                    drop(old);
                    return Ok(());
                }
                Err(value) => value,
            },
            _ => value,
        };
        let Some(pos) = cache.instance_pos(ty) else {
            return Err(value);
        };
        let Some(slot) = instance_dict_slot(obj) else {
            return Err(value);
        };
        let replaced = slot.with(|d| match d {
            Some(d) => dict::data(d).replace_at_identical(pos, name, value),
            None => Err(value),
        });
        // The old value is dropped once the dict is consistent again.
        replaced.map(drop)
    }

    /// `STORE_ATTR`: `obj.name = value`.
    pub(crate) fn store_attr_inline(
        &mut self,
        cache: &AttrCache,
        obj: &Obj,
        name: &Obj,
        value: Obj,
    ) -> PyResult<()> {
        let value = match Vm::store_attr_cached(cache, obj, name, value) {
            Ok(()) => return Ok(()),
            Err(value) => value,
        };
        let ty = obj.type_ptr() as usize;
        // The next attribute in the class's key order, on an instance still without a
        // dict: appended (as `instance_attrs::set` would).
        if let (Some(i), Some(values)) = (cache.instance_slot(ty), values_of(obj)) {
            if i == values.len() && instance_dict_slot(obj).is_some_and(|s| !s.is_some()) {
                let cap = obj.ty().shared_keys.len();
                values.push(value, cap).map_err(|_| self.memory_error())?;
                return Ok(());
            }
        }
        // The store may run Python code (a colliding key's `__eq__`) that changes the class:
        // what was checked before it is remembered only if no type namespace changed since.
        let epoch = type_attr_cache::epoch();
        let cacheable = self.instance_value_cacheable(obj, name);
        self.setattr(obj, name, Some(value))?;
        if cacheable && type_attr_cache::epoch() == epoch {
            if let Some(i) = instance_attrs::inline_index(obj, name) {
                cache.set_instance_slot(ty, i);
                return Ok(());
            }
            let pos = instance_dict_slot(obj).and_then(|slot| {
                slot.with(|d| dict::data(d?).find_identical_str(name).map(|(p, _)| p))
            });
            if let Some(pos) = pos {
                cache.set_instance_pos(ty, pos);
            }
        }
        Ok(())
    }

    /// `LOAD_METHOD`: the callable for `obj.name(...)`, with `obj` when the call must pass it
    /// as the first argument (an unbound function or method descriptor found on the type).
    pub(crate) fn load_method_inline(
        &mut self,
        cache: &AttrCache,
        obj: Obj,
        name: &Obj,
    ) -> PyResult<(Obj, Option<Obj>)> {
        if let Some(m) = Vm::load_method_cached(cache, &obj, name) {
            return Ok((m, Some(obj)));
        }
        let ty = obj.type_ptr() as usize;
        let (m, this) = self.load_method(obj, name)?;
        if this.is_some() {
            cache.set_method(ty, &m);
        }
        Ok((m, this))
    }

    /// The unbound method `LOAD_METHOD`'s cache holds for `obj`'s type, unless the instance
    /// has an attribute of that name (which would win). No code runs.
    #[inline(always)]
    pub(crate) fn load_method_cached(cache: &AttrCache, obj: &Obj, name: &Obj) -> Option<Obj> {
        cache
            .method(obj.type_ptr() as usize)
            .filter(|_| !instance_attrs::has_interned(obj, name))
    }

    /// `LOAD_METHOD` without a cache: a function or method descriptor found on the type of an
    /// object with the default attribute hook comes back unbound, with the object; anything
    /// else is looked up as an attribute (already bound, or not a method at all).
    /// `name` must be interned (a code object's name or `Vm::intern`'s result).
    pub fn load_method(&mut self, obj: Obj, name: &Obj) -> PyResult<(Obj, Option<Obj>)> {
        let ty = obj.ty();
        let plain = match ty.slots.getattro.get() {
            None => true,
            Some(g) => std::ptr::fn_addr_eq(g, heap_getattro as GetAttrFn),
        };
        if plain {
            if let Some(v) = self.lookup_type_attr(ty, name) {
                let unbound = v.has_exact_type(&self.types.method_descriptor)
                    || v.has_exact_type(&self.types.wrapper_descriptor)
                    || crate::objects::function::is_function(self, &v);
                // An instance attribute of the same name wins over the class's method.
                if unbound && !instance_attrs::has_interned(&obj, name) {
                    return Ok((v, Some(obj)));
                }
            }
        }
        let v = self.getattr(&obj, name)?;
        Ok((v, None))
    }
}
