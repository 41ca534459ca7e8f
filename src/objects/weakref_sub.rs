//! Python subclasses of `weakref.ref` (`class KeyedRef(ref): ...`, `WeakMethod`).
//!
//! Layout: `PyBox<WeakrefSubData>`, whose payload starts with the `WeakrefData` of a plain
//! reference, so every slot of `weakref.ref` (call, hash, compare, repr) works on it
//! unchanged; then an instance dict and a weak list of its own.
//!
//! Invariants: a subclass instance is never shared (each construction makes a new one) and
//! sits after the shared ref and proxy in its referent's list, as in CPython. Each instance
//! owns a reference to its heap type, released after its memory is freed.

use std::ptr::NonNull;

use crate::heap::alloc::{free_object, gc_forget};
use crate::heap::{Obj, ObjHeader, ObjSlot};
use crate::objects::pybox::{new_box, payload, PyBox};
use crate::objects::typeobj::as_type;
use crate::objects::weakref::{weak_list, WeakList, WeakrefData};
use crate::vm::{PyResult, Vm};

#[repr(C)]
pub struct WeakrefSubData {
    /// Must stay first: the `weakref.ref` slots read it as a `WeakrefData` payload.
    pub base: WeakrefData,
    pub dict: ObjSlot,
    pub weaklist: WeakList,
}

/// `tp_dictoffset` of `weakref.ref` subclasses.
pub const DICT_OFFSET: usize =
    std::mem::offset_of!(PyBox<WeakrefSubData>, data) + std::mem::offset_of!(WeakrefSubData, dict);
/// `tp_weaklistoffset` of `weakref.ref` subclasses.
pub const WEAKLIST_OFFSET: usize = std::mem::offset_of!(PyBox<WeakrefSubData>, data)
    + std::mem::offset_of!(WeakrefSubData, weaklist);
pub const BASIC_SIZE: usize = std::mem::size_of::<PyBox<WeakrefSubData>>();

fn data(w: &Obj) -> &WeakrefSubData {
    // SAFETY: only installed on subclasses of `weakref.ref`, whose instances have this layout.
    unsafe { payload::<WeakrefSubData>(w) }
}

/// Dealloc of subclass instances: leave the referent's list, drop the payload (clearing
/// weakrefs to this object first), free, then release the class.
///
/// # Safety
/// Called only through the dealloc slot of a `weakref.ref` subclass on a dead instance.
pub unsafe fn dealloc(p: NonNull<ObjHeader>) {
    // SAFETY: the object is dead with layout `PyBox<WeakrefSubData>`; it owns a reference to
    // its heap type, taken over here so the type outlives the free.
    unsafe {
        let ty_ptr = (*p.as_ptr()).ty.get();
        let ty_ref = Obj::from_owned(NonNull::from(&(*ty_ptr).head));
        let ty = &*ty_ptr;
        gc_forget(p);
        crate::objects::weakref::unregister(p);
        let d = std::ptr::addr_of_mut!((*p.cast::<PyBox<WeakrefSubData>>().as_ptr()).data);
        // The weak list first, so weakrefs to this object are cleared before anything goes.
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*d).weaklist));
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*d).base));
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*d).dict));
        free_object(p, ty, BASIC_SIZE);
        drop(ty_ref);
    }
}

/// The callback, the values of the instance dict (a managed dict the collector does not
/// track, as for plain instances) and the class the instance owns.
pub fn traverse(w: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let d = data(w);
    d.base.callback.with(|c| {
        if let Some(c) = c {
            visit(c);
        }
    });
    crate::objects::traverse::visit_instance_dict(&d.dict, visit);
    visit(&w.ty().to_obj_borrowed());
}

pub fn clear(w: &Obj) {
    let d = data(w);
    d.base.callback.set(None);
    crate::objects::traverse::clear_instance_dict(&d.dict);
}

impl Vm {
    /// `cls(obj[, callback])` for a subclass `cls` of `weakref.ref` (what `ref.__new__` does).
    /// `ref.__new__(weakref.ref, ...)` itself makes a plain (possibly shared) reference.
    pub fn new_weakref_subclass(&mut self, cls: &Obj, args: &[Obj]) -> PyResult<Obj> {
        let (obj, callback) = match args {
            [o] => (o, None),
            [o, c] => (o, Some(c).filter(|c| !c.is(&self.none)).cloned()),
            _ => {
                let n = args.len();
                let what = if n == 0 {
                    "least 1 argument"
                } else {
                    "most 2 arguments"
                };
                return Err(self.type_error(format!("__new__ expected at {what}, got {n}")));
            }
        };
        if cls.is(&self.types.weakref) {
            return self.new_weakref(obj, callback);
        }
        let Some(list) = weak_list(obj) else {
            return Err(self.type_error(format!(
                "cannot create weak reference to '{}' object",
                obj.ty().name()
            )));
        };
        let w = new_box(
            as_type(cls),
            WeakrefSubData {
                base: WeakrefData::new(obj, callback),
                dict: ObjSlot::new(None),
                weaklist: WeakList::default(),
            },
            true,
        )
        .map_err(|_| self.memory_error())?;
        // The instance owns a reference to its heap type (released by `dealloc`).
        std::mem::forget(cls.clone());
        let p = w.as_nonnull();
        crate::objects::weakref::append_to_list(list, p);
        Ok(w)
    }
}
