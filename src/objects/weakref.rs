//! Weak references: `weakref.ref` objects and the weakref list each referent keeps (proxies,
//! in `weakproxy.rs`, share the `WeakrefData` layout and live in the same lists).
//!
//! Invariants:
//! - A live weakref's `referent` points at a live object whose weak list contains the
//!   weakref; the list does not own its weakrefs.
//! - When the referent is deallocated, every weakref in its list is cleared (referent set to
//!   null) before the referent's memory is freed; callbacks are queued and run by the VM at
//!   the next instruction boundary, most recently created first, as in CPython.
//! - When a weakref dies first, it removes itself from its referent's list.
//! - List order is CPython's: the shared callback-less ref first, then the shared proxy, then
//!   the others in creation order.
//! - The cycle collector clears the weakrefs of unreachable objects before their finalizers
//!   run; the callback of a weakref that is itself unreachable is dropped, not called.
//! - A `WeakList` dropped with its object's payload clears itself, so boxed types only need
//!   the field (first in the payload) to support weak references.

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use crate::heap::alloc::{free_object, gc_forget};
use crate::heap::pending::{self, PendingCall};
use crate::heap::{Obj, ObjHeader, ObjSlot};
use crate::objects::args::Args;
use crate::objects::pybox::{new_box, payload, PyBox};
use crate::objects::typeobj::{as_type, CompareOp};
use crate::vm::{PyResult, Vm};

/// The weakrefs pointing at one object (non-owning pointers to weakref objects). One word
/// in every instance; the list itself is allocated only when a first weakref is made.
// The box is deliberate: `Option<Box<Vec>>` is one word in every instance, a bare `Vec` three.
#[allow(clippy::box_collection)]
#[derive(Default)]
pub struct WeakList(UnsafeCell<Option<Box<Vec<NonNull<ObjHeader>>>>>);

/// A payload dropped with its object clears that object's weakrefs, so every type that
/// embeds a `WeakList` (first in its payload) honours the invariant without a custom dealloc.
impl Drop for WeakList {
    fn drop(&mut self) {
        if !self.is_empty() {
            clear_weakrefs(self);
        }
    }
}

impl WeakList {
    fn with<R>(&self, f: impl FnOnce(&mut Vec<NonNull<ObjHeader>>) -> R) -> R {
        // SAFETY: single-threaded; the borrow lasts for `f`, which never re-enters this list.
        let slot = unsafe { &mut *self.0.get() };
        f(slot.get_or_insert_with(Default::default))
    }

    pub fn len(&self) -> usize {
        // SAFETY: as in `with`; a shared read of the option.
        unsafe { (*self.0.get()).as_ref().map_or(0, |v| v.len()) }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

pub struct WeakrefData {
    referent: Cell<*const ObjHeader>,
    pub callback: ObjSlot,
    hash: Cell<Option<i64>>,
}

impl WeakrefData {
    pub(crate) fn new(obj: &Obj, callback: Option<Obj>) -> WeakrefData {
        WeakrefData {
            referent: Cell::new(obj.as_ptr()),
            callback: ObjSlot::new(callback),
            hash: Cell::new(None),
        }
    }
}

/// The weak list of `obj`, if its type supports weak references.
pub fn weak_list(obj: &Obj) -> Option<&WeakList> {
    let off = obj.ty().weaklistoffset;
    if off == 0 {
        return None;
    }
    // SAFETY: `weaklistoffset` is the offset of a `WeakList` field in every instance of the
    // type (set only by the class constructor for layouts that have one).
    Some(unsafe { &*((obj.as_ptr() as *const u8).add(off) as *const WeakList) })
}

pub(crate) fn data(w: &Obj) -> &WeakrefData {
    // SAFETY: weakref objects use the `PyBox<WeakrefData>` layout; callers pass weakrefs.
    unsafe { payload::<WeakrefData>(w) }
}

/// The referent of a weakref, if it is still alive.
pub fn referent(w: &Obj) -> Option<Obj> {
    let p = data(w).referent.get();
    // SAFETY: a non-null referent is alive (cleared before it is freed).
    NonNull::new(p as *mut ObjHeader).map(|p| unsafe { Obj::from_borrowed(p) })
}

/// New handles to the weakrefs pointing at `obj`, in list order.
pub fn weakrefs_of(obj: &Obj) -> Vec<Obj> {
    match weak_list(obj) {
        // SAFETY: weakrefs in a referent's list are alive.
        Some(l) => l.with(|v| {
            v.iter()
                .map(|w| unsafe { Obj::from_borrowed(*w) })
                .collect()
        }),
        None => Vec::new(),
    }
}

/// Clears every weakref to a dying object and queues their callbacks (newest first). Called
/// by deallocs before the object's memory is freed.
pub fn clear_weakrefs(list: &WeakList) {
    let refs = list.with(std::mem::take);
    for w in refs.iter().rev() {
        // SAFETY: weakrefs in a referent's list are alive (they unregister when they die).
        let wobj = unsafe { Obj::from_borrowed(*w) };
        let d = data(&wobj);
        d.referent.set(std::ptr::null());
        if let Some(cb) = d.callback.take() {
            pending::push(PendingCall::WeakCallback {
                callback: cb,
                weakref: wobj,
            });
        }
    }
}

/// The collector's form of `clear_weakrefs` for an unreachable object: every weakref to it
/// is cleared, but the callback of a weakref that is itself garbage (`is_garbage(addr)`) is
/// dropped instead of called, as CPython does.
pub fn clear_for_collection(obj: &Obj, is_garbage: &dyn Fn(usize) -> bool) {
    let Some(list) = weak_list(obj) else {
        return;
    };
    let refs = list.with(std::mem::take);
    for w in refs.iter().rev() {
        // SAFETY: weakrefs in a referent's list are alive (they unregister when they die).
        let wobj = unsafe { Obj::from_borrowed(*w) };
        let d = data(&wobj);
        d.referent.set(std::ptr::null());
        if let Some(cb) = d.callback.take() {
            if !is_garbage(wobj.addr()) {
                pending::push(PendingCall::WeakCallback {
                    callback: cb,
                    weakref: wobj,
                });
            }
        }
    }
}

/// Adds a weak object that is never shared (a `ref` subclass instance) at the end of a list.
pub(crate) fn append_to_list(list: &WeakList, p: NonNull<ObjHeader>) {
    list.with(|v| v.push(p));
}

/// Removes the dying weak object `p` from its referent's list (if the referent lives).
///
/// # Safety
/// `p` is a dead object whose payload starts with a `WeakrefData`.
pub(crate) unsafe fn unregister(p: NonNull<ObjHeader>) {
    // SAFETY: forwarded contract: the payload starts with `WeakrefData`.
    let d = unsafe { &(*p.cast::<PyBox<WeakrefData>>().as_ptr()).data };
    let r = d.referent.get();
    if let Some(r) = NonNull::new(r as *mut ObjHeader) {
        // SAFETY: a non-null referent is alive.
        unsafe {
            crate::heap::handle::with_borrowed(r, |ro| {
                if let Some(list) = weak_list(ro) {
                    list.with(|v| v.retain(|x| *x != p));
                }
            })
        };
    }
}

/// The dealloc of weakref objects: unregister from the referent, then free.
///
/// # Safety
/// Called only through the weakref type's dealloc slot on a dead weakref.
pub unsafe fn weakref_dealloc(p: NonNull<ObjHeader>) {
    // SAFETY: the object is a dead weakref with layout `PyBox<WeakrefData>`.
    unsafe {
        let ty = &*(*p.as_ptr()).ty.get();
        gc_forget(p);
        unregister(p);
        std::ptr::drop_in_place(std::ptr::addr_of_mut!(
            (*p.cast::<PyBox<WeakrefData>>().as_ptr()).data
        ));
        free_object(p, ty, std::mem::size_of::<PyBox<WeakrefData>>());
    }
}

/// Which kind of weak object to make: it decides reuse and the position in the list.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum WeakKind {
    Ref,
    Proxy,
}

impl Vm {
    /// `weakref.ref(obj[, callback])`.
    pub fn new_weakref(&mut self, obj: &Obj, callback: Option<Obj>) -> PyResult<Obj> {
        self.new_weak(obj, callback, WeakKind::Ref)
    }

    /// A weak reference or proxy to `obj`. Objects without a callback are shared: a second
    /// `ref(o)` returns the first one, as in CPython. The list keeps CPython's order: the
    /// shared ref first, then the shared proxy, then every weak object with a callback.
    pub fn new_weak(&mut self, obj: &Obj, callback: Option<Obj>, kind: WeakKind) -> PyResult<Obj> {
        let Some(list) = weak_list(obj) else {
            return Err(self.type_error(format!(
                "cannot create weak reference to '{}' object",
                obj.ty().name()
            )));
        };
        let ty = match kind {
            WeakKind::Ref => self.types.weakref.clone(),
            WeakKind::Proxy if obj.ty().slots.call.get().is_some() => {
                self.types.weakcallableproxy.clone()
            }
            WeakKind::Proxy => self.types.weakproxy.clone(),
        };
        let is_basic = |w: &NonNull<ObjHeader>, t: &Obj| {
            // SAFETY: weakrefs in a referent's list are alive.
            unsafe {
                crate::heap::handle::with_borrowed(*w, |wo| {
                    std::ptr::eq(wo.type_ptr(), as_type(t) as *const _)
                        && !data(wo).callback.is_some()
                })
            }
        };
        if callback.is_none() {
            if let Some(w) = list.with(|v| v.iter().copied().find(|w| is_basic(w, &ty))) {
                // SAFETY: as above.
                return Ok(unsafe { Obj::from_borrowed(w) });
            }
        }
        let w = new_box(
            as_type(&ty),
            WeakrefData {
                referent: Cell::new(obj.as_ptr()),
                callback: ObjSlot::new(callback),
                hash: Cell::new(None),
            },
            true,
        )
        .map_err(|_| self.memory_error())?;
        let p = w.as_nonnull();
        let basic = !data(&w).callback.is_some();
        let ref_ty = self.types.weakref.clone();
        list.with(|v| match (basic, kind) {
            (true, WeakKind::Ref) => v.insert(0, p),
            (true, WeakKind::Proxy) => {
                let at = usize::from(v.first().is_some_and(|w| is_basic(w, &ref_ty)));
                v.insert(at, p)
            }
            _ => v.push(p),
        });
        Ok(w)
    }

    /// Runs the queued finalizers and weakref callbacks (see `heap::pending`).
    pub fn run_pending(&mut self) {
        while pending::has_pending() {
            for call in pending::take_all() {
                match call {
                    PendingCall::Finalize(obj)
                        if crate::objects::generator::is_generator(self, &obj) =>
                    {
                        self.finalize_generator(obj)
                    }
                    PendingCall::Finalize(obj) => {
                        let del = self.intern("__del__");
                        let f =
                            crate::objects::class_slots::lookup_python_attr(self, obj.ty(), &del);
                        if let Some(f) = f {
                            let r = self.call(&f, std::slice::from_ref(&obj));
                            if let Err(e) = r {
                                self.report_unraisable(&e.exc, &f);
                            }
                        }
                        drop(obj);
                    }
                    PendingCall::WeakCallback { callback, weakref } => {
                        if let Err(e) = self.call(&callback, std::slice::from_ref(&weakref)) {
                            self.report_unraisable(&e.exc, &callback);
                        }
                    }
                    PendingCall::Collect(generation) => {
                        crate::modules::gc::automatic_collect(self, generation);
                    }
                    PendingCall::MemSample => crate::heap::memreport::take_sample(),
                }
            }
        }
    }

    /// CPython's "Exception ignored in: ..." report for errors nobody can catch.
    pub fn report_unraisable(&mut self, exc: &Obj, context: &Obj) {
        self.flush();
        // An error raised by the runtime itself (no Python frame ran) is reported at the line
        // that triggered it, as CPython adds the current frame to a traceback-less error.
        let ed = crate::objects::exception::exc_data(exc);
        if !ed.traceback.is_some() {
            if let Some(f) = self.frames.last() {
                let (code, globals, lasti) = (f.code.clone(), f.globals.clone(), f.ip);
                let lasti = lasti.saturating_sub(1) as u32;
                if let Ok(tb) = self.new_traceback(None, code, lasti, globals) {
                    ed.traceback.set(Some(tb));
                }
            }
        }
        let what = self
            .repr_string(context)
            .unwrap_or_else(|_| "<object>".into());
        let report = self.format_exception(exc);
        eprint!("Exception ignored in: {what}\n{report}");
    }
}

pub fn install(vm: &mut Vm) {
    let t = as_type(&vm.types.weakref);
    t.slots.new.set(Some(|vm, _cls, args: Args| {
        args.no_kwargs(vm, "ref")?;
        let [obj, cb] = args.bind(vm, "__new__", ["object", "callback"], 2, 1)?;
        let cb = cb.filter(|c| !c.is(&vm.none)).cloned();
        vm.new_weakref(obj.expect("required"), cb)
    }));
    t.slots.call.set(Some(|vm, w, args| {
        args.no_kwargs(vm, "weakref")?;
        if !args.values.is_empty() {
            let n = args.values.len();
            return Err(vm.type_error(format!("weakref expected 0 arguments, got {n}")));
        }
        Ok(referent(w).unwrap_or_else(|| vm.none.clone()))
    }));
    t.slots.repr.set(Some(|vm, w| {
        let s = match referent(w) {
            Some(r) => {
                // CPython adds the referent's `__name__` when its type defines one (a
                // function's, method's or class's, not a module's or instance's).
                let t = &vm.types;
                let named = crate::objects::typeobj::try_as_type(&r).is_some()
                    || [&t.function, &t.method, &t.builtin_function]
                        .iter()
                        .any(|ty| std::ptr::eq(r.type_ptr(), as_type(ty)));
                let name = if named {
                    vm.getattr_str(&r, "__name__").ok()
                } else {
                    None
                };
                let name = name.as_ref().and_then(crate::objects::str::try_as_str);
                let tail = name.map_or(String::new(), |n| format!(" ({n})"));
                format!(
                    "<weakref at {:#x}; to '{}' at {:#x}{tail}>",
                    w.addr(),
                    r.ty().name(),
                    r.addr()
                )
            }
            None => format!("<weakref at {:#x}; dead>", w.addr()),
        };
        vm.new_str(&s)
    }));
    t.slots.hash.set(Some(|vm, w| {
        let d = data(w);
        if let Some(h) = d.hash.get() {
            return Ok(h);
        }
        match referent(w) {
            Some(r) => {
                let h = vm.hash(&r)?;
                d.hash.set(Some(h));
                Ok(h)
            }
            None => Err(vm.type_error("weak object has gone away".into())),
        }
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        let is_ref = |o: &Obj| o.ty().is_subtype(as_type(&vm.types.weakref));
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !is_ref(a) || !is_ref(b) {
            return Ok(vm.not_implemented.clone());
        }
        let eq = match (referent(a), referent(b)) {
            (Some(x), Some(y)) => vm.eq(&x, &y)?,
            _ => a.is(b),
        };
        Ok(vm.new_bool(eq == (op == CompareOp::Eq)))
    }));
    t.slots.getattro.set(Some(|vm, w, name| {
        if crate::objects::str::as_str(name) == "__callback__" {
            return Ok(data(w).callback.get().unwrap_or_else(|| vm.none.clone()));
        }
        vm.generic_getattr(w, name)
    }));
    t.slots.traverse.set(Some(|w, visit| {
        data(w).callback.with(|c| {
            if let Some(c) = c {
                visit(c);
            }
        })
    }));
    t.slots.clear.set(Some(|w| data(w).callback.set(None)));
    // Subclasses (`WeakMethod`) reach the base behaviour as `ref.__call__(self)` and
    // `ref.__hash__`.
    let ty = vm.types.weakref.clone();
    crate::vm::types::add_method(vm, &ty, "__call__", |vm, w, args| {
        let call = as_type(&vm.types.weakref)
            .slots
            .call
            .get()
            .expect("ref call");
        call(vm, w, args)
    });
    // `__callback__` as a read-only property, for subclass instances (whose attribute lookup
    // is the generic one).
    let fget = vm
        .new_builtin("__callback__", |vm, a| {
            let p = a.exact(vm, "__callback__", 1, 1)?;
            Ok(data(&p[0])
                .callback
                .get()
                .unwrap_or_else(|| vm.none.clone()))
        })
        .expect("startup");
    let prop_t = vm.types.property.clone();
    let prop = vm.call(&prop_t, &[fget]).expect("startup");
    let d = as_type(&ty).dict.get().expect("type dict");
    vm.dict_set_str(&d, "__callback__", prop).expect("startup");
    crate::vm::types::add_method(vm, &ty, "__hash__", |vm, w, args| {
        args.exact(vm, "__hash__", 0, 0)?;
        let hash = as_type(&vm.types.weakref)
            .slots
            .hash
            .get()
            .expect("ref hash");
        let h = hash(vm, w)?;
        vm.new_int(h)
    });
}
