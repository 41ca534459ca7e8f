//! User-defined classes (heap types) and their instances: `type(name, bases, ns)`, the C3
//! MRO, instance layout and allocation, `__dict__` access through `dictoffset`, and the
//! generic attribute protocol with descriptors (functions bind, properties compute,
//! staticmethod/classmethod unwrap).
//!
//! Invariants:
//! - A heap type has the HEAPTYPE flag; each of its instances owns one reference to it,
//!   released by `heap_instance_dealloc` after the instance's memory is freed.
//! - Instances of classes deriving from `object` use `PyBox<InstanceData>`; classes deriving
//!   from a built-in exception use that exception's layout (which has its own dict slot);
//!   classes with `__slots__` (flag SLOTTED) use the cell layout of `slots_layout.rs`.

use std::ptr::NonNull;

use crate::heap::alloc::{free_object, gc_forget};
use crate::heap::instance_values::InstanceValues;
use crate::heap::{Obj, ObjHeader, ObjSlot};
use crate::objects::args::Args;
use crate::objects::builtin_subclass::{self, BuiltinBase};
use crate::objects::exception::ExceptionData;
use crate::objects::function::is_function;
use crate::objects::pybox::{new_box, PyBox};
use crate::objects::slots_layout::{self, CellLayout};
use crate::objects::typeobj::{as_type, flags, try_as_type, TypeObject};
use crate::objects::{dict, instance_attrs, str as pystr, tuple};
use crate::vm::{PyResult, Vm};

/// The payload of a plain class instance.
pub struct InstanceData {
    pub dict: ObjSlot,
    pub weaklist: crate::objects::weakref::WeakList,
    /// The attributes while they are not in `dict` (`instance_attrs`), and the PEP 442 flag
    /// saying `__del__` already ran (a finalizer runs at most once).
    pub values: InstanceValues,
}

const INSTANCE_DICT_OFFSET: usize =
    std::mem::offset_of!(PyBox<InstanceData>, data) + std::mem::offset_of!(InstanceData, dict);
const INSTANCE_WEAKLIST_OFFSET: usize =
    std::mem::offset_of!(PyBox<InstanceData>, data) + std::mem::offset_of!(InstanceData, weaklist);

/// Queues the `__del__` of an instance the collector found unreachable, unless it already
/// ran (PEP 442: finalizers run once, before the cycle is broken).
pub fn queue_finalizer(o: &Obj) -> bool {
    // SAFETY: installed only on heap types with the `PyBox<InstanceData>` layout.
    let d = unsafe { crate::objects::pybox::payload::<InstanceData>(o) };
    if d.values.finalized() {
        return false;
    }
    d.values.set_finalized(true);
    crate::heap::pending::push(crate::heap::pending::PendingCall::Finalize(o.clone()));
    true
}

/// The dealloc of plain class instances: run `__del__` first (once; it may resurrect the
/// object), then clear weak references, then free and release the class.
///
/// # Safety
/// Called only through a heap type's dealloc slot on a dead instance of layout
/// `PyBox<InstanceData>`.
unsafe fn instance_dealloc(p: NonNull<ObjHeader>) {
    // SAFETY: the object is a dead instance with layout `PyBox<InstanceData>`.
    unsafe {
        let ty = &*(*p.as_ptr()).ty.get();
        let d = &(*p.cast::<PyBox<InstanceData>>().as_ptr()).data;
        if ty.slots.finalizer.get() && !d.values.finalized() {
            // Resurrect for the finalizer; the VM runs it and drops this handle.
            d.values.set_finalized(true);
            crate::heap::pending::push(crate::heap::pending::PendingCall::Finalize(
                crate::heap::handle::resurrect(p),
            ));
            return;
        }
        if !d.weaklist.is_empty() {
            crate::objects::weakref::clear_weakrefs(&d.weaklist);
        }
        heap_instance_dealloc::<InstanceData>(p);
    }
}

/// Whether instances of `t` have the plain-instance layout (`PyBox<InstanceData>`).
pub fn has_instance_layout(t: &TypeObject) -> bool {
    std::ptr::fn_addr_eq(
        t.dealloc,
        instance_dealloc as crate::objects::typeobj::DeallocFn,
    )
}

pub fn is_heap_type(t: &TypeObject) -> bool {
    t.has_flag(flags::HEAPTYPE)
}

/// The instance dict slot of `obj`, if its type has one.
pub fn instance_dict_slot(obj: &Obj) -> Option<&ObjSlot> {
    let off = obj.ty().dictoffset;
    if off == 0 {
        return None;
    }
    // SAFETY: a type's `dictoffset` is the offset of an `ObjSlot` field inside the layout of
    // every one of its instances (set only by the type constructors in this crate).
    Some(unsafe { &*((obj.as_ptr() as *const u8).add(off) as *const ObjSlot) })
}

/// The instance dict of `obj`, created on first use (from its inline values, if any).
pub fn instance_dict(vm: &mut Vm, obj: &Obj) -> PyResult<Option<Obj>> {
    instance_attrs::materialize(vm, obj)
}

/// The dealloc of heap-type instances with layout `PyBox<T>`: drop the payload, free the
/// block, then release the instance's reference to its type.
///
/// # Safety
/// Called only through a heap type's dealloc slot on a dead instance of layout `PyBox<T>`.
unsafe fn heap_instance_dealloc<T>(p: NonNull<ObjHeader>) {
    // SAFETY: the object is dead and has layout `PyBox<T>`; it owns a reference to its type,
    // taken over here so the type outlives the free.
    unsafe {
        let ty_ptr = (*p.as_ptr()).ty.get();
        let ty_ref = Obj::from_owned(NonNull::from(&(*ty_ptr).head));
        let ty = &*ty_ptr;
        if ty.has_gc() {
            gc_forget(p);
        }
        std::ptr::drop_in_place(std::ptr::addr_of_mut!(
            (*p.cast::<PyBox<T>>().as_ptr()).data
        ));
        free_object(p, ty, std::mem::size_of::<PyBox<T>>());
        drop(ty_ref);
    }
}

/// C3 linearisation of `bases` for a new class.
pub(crate) fn c3_mro(vm: &mut Vm, bases: &[Obj]) -> PyResult<Vec<Obj>> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| o.is(b)) {
            let n = as_type(b).name().to_string();
            return Err(vm.type_error(format!("duplicate base class {n}")));
        }
    }
    let mut seqs: Vec<Vec<Obj>> = bases
        .iter()
        // A base's MRO is gone only if the collector cleared it, which happens to
        // unreachable classes only; fall back to the base alone rather than panic.
        .map(|b| match as_type(b).mro.get() {
            Some(m) => tuple::items(&m).to_vec(),
            None => vec![b.clone()],
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs.iter().find_map(|s| {
            let head = &s[0];
            let in_tail = seqs.iter().any(|t| t[1..].iter().any(|x| x.is(head)));
            (!in_tail).then(|| head.clone())
        });
        let Some(c) = candidate else {
            // CPython names the heads still to merge, each once, and breaks the line.
            let mut heads: Vec<&Obj> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| h.is(&s[0])) {
                    heads.push(&s[0]);
                }
            }
            let names: Vec<String> = heads
                .iter()
                .map(|b| as_type(b).name().to_string())
                .collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// The instance layout a class inherits: the most derived built-in base, or the `__slots__`
/// cell layout (see `slots_layout.rs`).
enum Layout {
    Object,
    Exception,
    Cells(CellLayout),
    /// Subclasses of `weakref.ref` (see `weakref_sub`).
    Weakref,
    /// Subclasses of list, dict, set, frozenset and int (see `builtin_subclass`).
    Builtin(BuiltinBase),
}

fn layout_of(vm: &mut Vm, bases: &[Obj]) -> PyResult<Layout> {
    let mut layout = Layout::Object;
    for b in bases {
        let t = as_type(b);
        let mut solid = b.clone();
        // Walk up to the first built-in type.
        while is_heap_type(as_type(&solid)) {
            let next = as_type(&solid).base.get().expect("heap types have a base");
            solid = next;
        }
        let st = as_type(&solid);
        if st.has_flag(flags::BASE_EXC_SUBCLASS) {
            layout = Layout::Exception;
        } else if std::ptr::eq(st, as_type(&vm.types.weakref)) {
            layout = Layout::Weakref;
        } else if let Some(kind) = BuiltinBase::of(vm, st) {
            match layout {
                Layout::Builtin(k) if k != kind => {
                    return Err(
                        vm.type_error("multiple bases have instance lay-out conflict".into())
                    )
                }
                _ => layout = Layout::Builtin(kind),
            }
        } else if !std::ptr::eq(st, as_type(&vm.types.object)) {
            if !st.has_flag(flags::BASETYPE) || t.name() == "bool" {
                return Err(vm.type_error(format!(
                    "type '{}' is not an acceptable base type",
                    st.name()
                )));
            }
            return Err(vm.not_implemented_error(format!(
                "subclassing the built-in type '{}' is not supported by Pyrena yet",
                st.name()
            )));
        }
    }
    Ok(layout)
}

/// `type(name, bases, namespace)`: creates a heap type.
pub fn new_class(vm: &mut Vm, name: &str, bases: Vec<Obj>, ns: &Obj) -> PyResult<Obj> {
    for b in &bases {
        if try_as_type(b).is_none() {
            let r = vm.repr_string(b)?;
            return Err(vm.type_error(format!("bases must be types, not {r}")));
        }
    }
    let bases = if bases.is_empty() {
        vec![vm.types.object.clone()]
    } else {
        bases
    };
    let spec = slots_layout::parse(vm, name, ns, &bases)?;
    let best = slots_layout::best_base(vm, &bases)?;
    // `__slots__ = ('__dict__', '__weakref__')` directly on `object` asks for exactly what a
    // plain class has: CPython lays both out alike (so `__class__` can move between them).
    let plain_slots = spec
        .as_ref()
        .is_some_and(|s| s.members.is_empty() && s.want_dict && s.want_weak)
        && best.is(&vm.types.object);
    let layout = match layout_of(vm, &bases)? {
        Layout::Object if plain_slots => Layout::Object,
        Layout::Object if spec.is_some() || as_type(&best).has_flag(flags::SLOTTED) => {
            Layout::Cells(slots_layout::cell_layout(vm, &best, spec.as_ref())?)
        }
        Layout::Builtin(_) if spec.is_some() => {
            return Err(vm.not_implemented_error(
                "__slots__ in a subclass of a built-in type is not supported by Pyrena yet".into(),
            ))
        }
        l => l,
    };
    let mro_rest = c3_mro(vm, &bases)?;
    let qualname = match dict::data(ns).get_str(&vm.intern("__qualname__")) {
        Some(q) if pystr::is_str(&q) => pystr::as_str(&q).to_string(),
        _ => name.to_string(),
    };
    let inherited = bases
        .iter()
        .fold(0, |f, b| f | (as_type(b).flags & flags::INHERITED));
    let mut fl = flags::HEAPTYPE | flags::BASETYPE | flags::HAVE_GC | inherited;
    if matches!(layout, Layout::Cells(_)) {
        fl |= flags::SLOTTED;
    }
    let meta_obj = vm.types.type_.clone();
    let (basicsize, dealloc, dictoffset, weaklistoffset): (
        usize,
        crate::objects::typeobj::DeallocFn,
        usize,
        usize,
    ) = match &layout {
        Layout::Cells(l) => (
            l.basicsize,
            slots_layout::dealloc,
            l.dictoffset,
            l.weaklistoffset,
        ),
        Layout::Object => (
            std::mem::size_of::<PyBox<InstanceData>>(),
            instance_dealloc,
            INSTANCE_DICT_OFFSET,
            INSTANCE_WEAKLIST_OFFSET,
        ),
        Layout::Exception => (
            std::mem::size_of::<PyBox<ExceptionData>>(),
            heap_instance_dealloc::<ExceptionData>,
            crate::objects::exception::EXC_DICT_OFFSET,
            crate::objects::exception::EXC_WEAKLIST_OFFSET,
        ),
        Layout::Builtin(kind) => kind.layout(),
        Layout::Weakref => (
            crate::objects::weakref_sub::BASIC_SIZE,
            crate::objects::weakref_sub::dealloc,
            crate::objects::weakref_sub::DICT_OFFSET,
            crate::objects::weakref_sub::WEAKLIST_OFFSET,
        ),
    };
    // Checked before the type exists: a half-built class (its MRO names itself) that is not
    // yet tracked could never be freed.
    if let Layout::Cells(l) = &layout {
        check_member_conflicts(vm, ns, l)?;
    }
    let cls = crate::vm::types::alloc_type_with_weaklist(
        Some(as_type(&meta_obj)),
        name,
        &qualname,
        basicsize,
        fl,
        dealloc,
        dictoffset,
        weaklistoffset,
    )
    .map_err(|_| vm.memory_error())?;
    let t = as_type(&cls);
    // As in CPython, `__base__` is the base whose layout the class extends.
    t.base.set(Some(best.clone()));
    let bt = vm.new_tuple(bases.clone())?;
    t.bases.set(Some(bt));
    let mut mro = vec![cls.clone()];
    mro.extend(mro_rest);
    let mro = vm.new_tuple(mro)?;
    t.mro.set(Some(mro));
    crate::heap::type_attr_cache::invalidate();
    // The namespace is copied, as CPython does; __qualname__ moves into the type.
    let d = vm.new_dict()?;
    for (k, v) in dict::data(ns).items() {
        if pystr::try_as_str(&k) == Some("__qualname__") {
            continue;
        }
        vm.dict_set(&d, k, v)?;
    }
    // A class that defines __eq__ without __hash__ is unhashable.
    let eq = vm.intern("__eq__");
    let hash = vm.intern("__hash__");
    if dict::data(&d).get_str(&eq).is_some() && dict::data(&d).get_str(&hash).is_none() {
        let none = vm.none.clone();
        vm.dict_set(&d, hash, none)?;
    }
    // Functions named __new__, __init_subclass__ and __class_getitem__ are implicitly static
    // or class methods.
    let new_name = vm.intern("__new__");
    if let Some(f) = dict::data(&d).get_str(&new_name) {
        if is_function(vm, &f) {
            let sm = vm.new_staticmethod(f)?;
            vm.dict_set(&d, new_name, sm)?;
        }
    }
    for name in ["__init_subclass__", "__class_getitem__"] {
        let name = vm.intern(name);
        if let Some(f) = dict::data(&d).get_str(&name) {
            if is_function(vm, &f) {
                let cm = vm.new_classmethod(f)?;
                vm.dict_set(&d, name, cm)?;
            }
        }
    }
    dict::data(&d).type_dict.set(true);
    if let Layout::Cells(l) = &layout {
        add_members(vm, &cls, &d, l)?;
    }
    add_dict_and_weakref_descriptors(vm, &cls, &best, &d)?;
    // A class without a docstring has `__doc__` None (CPython's `type_dict_set_doc`).
    let doc = vm.intern("__doc__");
    if dict::data(&d).get_str(&doc).is_none() {
        let none = vm.none.clone();
        vm.dict_set(&d, doc, none)?;
    }
    t.dict.set(Some(d));
    match layout {
        Layout::Builtin(_) => {
            t.slots.traverse.set(Some(builtin_subclass::traverse));
            t.slots.clear.set(Some(builtin_subclass::clear));
        }
        Layout::Cells(_) => {
            t.slots.traverse.set(Some(slots_layout::traverse));
            t.slots.clear.set(Some(slots_layout::clear));
        }
        Layout::Object => {
            t.slots
                .traverse
                .set(Some(crate::objects::traverse::instance_traverse));
            t.slots
                .clear
                .set(Some(crate::objects::traverse::instance_clear));
        }
        Layout::Exception => {
            let b = as_type(&best);
            t.slots
                .traverse
                .set(Some(crate::objects::traverse::heap_exception_traverse));
            t.slots.clear.set(b.slots.clear.get());
        }
        Layout::Weakref => {
            t.slots
                .traverse
                .set(Some(crate::objects::weakref_sub::traverse));
            t.slots.clear.set(Some(crate::objects::weakref_sub::clear));
        }
    }
    crate::objects::class_slots::fixup_slots(vm, &cls);
    // A class is a tracked container (CPython's heap types are GC objects): its MRO starts
    // with itself and its methods refer back to it, so only the collector can free it.
    // SAFETY: `type` has the GC flag, so `cls` has an (untracked) GC header.
    unsafe { crate::heap::gc::track(crate::heap::alloc::gc_header_of(cls.as_nonnull())) };
    Ok(cls)
}

/// What `type.__new__` does once a class exists: `__set_name__(cls, name)` on each namespace
/// value whose class defines it, then the parent's `__init_subclass__(**kwargs)`.
pub fn finish_class(vm: &mut Vm, cls: &Obj, kwargs: &[(String, Obj)]) -> PyResult<()> {
    let t = as_type(cls);
    let d = t.dict.get().expect("type dict");
    let set_name = vm.intern("__set_name__");
    for (k, v) in dict::data(&d).items() {
        if crate::objects::descr::set_property_name(vm, &v, &k) {
            continue;
        }
        if !is_heap_type(v.ty()) {
            continue;
        }
        let Some(f) = crate::objects::class_slots::lookup_python_attr(vm, v.ty(), &set_name) else {
            continue;
        };
        let bound = crate::objects::descr::descr_get(vm, &f, Some(&v), &v.ty().to_obj())?;
        if let Err(e) = vm.call(&bound, &[cls.clone(), k.clone()]) {
            // CPython 3.11 reports the failing call, the original error as its cause.
            let msg = format!(
                "Error calling __set_name__ on '{}' instance '{}' in '{}'",
                v.ty().name(),
                pystr::try_as_str(&k).unwrap_or("?"),
                t.name()
            );
            let r = vm.runtime_error(msg);
            crate::objects::exception::exc_data(&r.exc)
                .cause
                .set(Some(e.exc.clone()));
            return Err(r);
        }
    }
    let init_name = vm.intern("__init_subclass__");
    let mro = t.mro.get().expect("class MRO");
    let parent_hook = tuple::items(&mro)
        .iter()
        .skip(1)
        .filter(|c| is_heap_type(as_type(c)))
        .find_map(|c| {
            as_type(c)
                .dict
                .get()
                .and_then(|cd| dict::data(&cd).get_str(&init_name))
        });
    match parent_hook {
        Some(f) => {
            let bound = crate::objects::descr::descr_get(vm, &f, None, cls)?;
            let mut values: Vec<Obj> = Vec::with_capacity(kwargs.len());
            let mut names: Vec<Obj> = Vec::with_capacity(kwargs.len());
            for (k, v) in kwargs {
                names.push(vm.new_str(k)?);
                values.push(v.clone());
            }
            let kwnames = vm.new_tuple(names)?;
            let kwnames = (!kwargs.is_empty()).then_some(&kwnames);
            vm.call_with_args(&bound, Args::with_kwnames(&values, kwnames))?;
        }
        None if !kwargs.is_empty() => {
            return Err(vm.type_error(format!(
                "{}.__init_subclass__() takes no keyword arguments",
                t.name()
            )));
        }
        None => {}
    }
    Ok(())
}

/// `ValueError` when a `__slots__` name is also a class attribute in the namespace `ns`.
fn check_member_conflicts(vm: &mut Vm, ns: &Obj, l: &CellLayout) -> PyResult<()> {
    for (name, _) in &l.members {
        if dict::data(ns).get_str(name).is_some() {
            return Err(vm.value_error(format!(
                "'{}' in __slots__ conflicts with class variable",
                pystr::as_str(name)
            )));
        }
    }
    Ok(())
}

/// Puts one member descriptor per `__slots__` name into the new class's dict `d`.
fn add_members(vm: &mut Vm, cls: &Obj, d: &Obj, l: &CellLayout) -> PyResult<()> {
    for (name, off) in &l.members {
        let m = vm.new_member(name.clone(), cls.clone(), *off)?;
        vm.dict_set(d, name.clone(), m)?;
    }
    Ok(())
}

/// The `__dict__` and `__weakref__` getset descriptors of a class that introduces the
/// instance dict or the weak-reference list (not of one whose base `best` already has it),
/// as CPython's `type_new_set_slots` adds `subtype_getsets_*`.
fn add_dict_and_weakref_descriptors(vm: &mut Vm, cls: &Obj, best: &Obj, d: &Obj) -> PyResult<()> {
    let (t, b) = (as_type(cls), as_type(best));
    if t.dictoffset != 0 && b.dictoffset == 0 {
        let g = vm.new_getset(
            cls,
            "__dict__",
            "dictionary for instance variables",
            |vm, obj| Ok(exposed_instance_dict(vm, obj)?.expect("owner has a dict")),
            Some(|vm, obj, value| {
                let slot = instance_dict_slot(obj).expect("owner has a dict");
                set_instance_dict(vm, obj, slot, value)
            }),
        )?;
        vm.dict_set_str(d, "__dict__", g)?;
    }
    if t.weaklistoffset != 0 && b.weaklistoffset == 0 {
        let g = vm.new_getset(
            cls,
            "__weakref__",
            "list of weak references to the object",
            |vm, obj| {
                let first = crate::objects::weakref::weakrefs_of(obj).into_iter().next();
                Ok(first.unwrap_or_else(|| vm.none.clone()))
            },
            None,
        )?;
        vm.dict_set_str(d, "__weakref__", g)?;
    }
    Ok(())
}

/// Moves the instance `obj` to the heap type `new`, whose layout is the same as its class's
/// (checked by `class_assign`): the instance's reference and its census entry move from the
/// old class to the new one, as CPython's `object_set_class` moves the reference.
pub(crate) fn retype_instance(obj: &Obj, new: &Obj) {
    let old: *const TypeObject = obj.ty();
    let nt = as_type(new);
    // SAFETY: `old` is the live class of `obj`, which owns one reference to it (module
    // invariant), kept alive until `old_ref` is dropped below.
    let old_ref = unsafe { Obj::from_owned(NonNull::from(&(*old).head)) };
    let ot = as_type(&old_ref);
    let gc = if nt.has_gc() {
        crate::heap::header::GC_HEADER_SIZE
    } else {
        0
    };
    ot.instances.on_free(ot.basicsize + gc);
    nt.instances.on_alloc(nt.basicsize + gc);
    // The instance's reference to its new class.
    std::mem::forget(new.clone());
    obj.header().ty.set(nt);
    drop(old_ref);
}

/// Allocates a bare instance of heap type `cls` (what `object.__new__(cls)` does).
pub fn alloc_instance(vm: &mut Vm, cls: &Obj, args: &[Obj]) -> PyResult<Obj> {
    let t = as_type(cls);
    if t.has_flag(flags::SLOTTED) {
        return slots_layout::alloc(vm, cls);
    }
    if t.is_subtype(as_type(&vm.types.weakref)) {
        return vm.new_weakref_subclass(cls, args);
    }
    if t.has_flag(flags::BASE_EXC_SUBCLASS) {
        let e = vm.new_exception(cls, args.to_vec())?;
        // The instance owns a reference to its heap type.
        if is_heap_type(t) {
            std::mem::forget(cls.clone());
        }
        crate::objects::os_error::init_heap_instance(vm, &e, args)?;
        return Ok(e);
    }
    let obj = new_box(
        t,
        InstanceData {
            dict: ObjSlot::new(None),
            weaklist: Default::default(),
            values: InstanceValues::new(),
        },
        true,
    )
    .map_err(|_| vm.memory_error())?;
    if is_heap_type(t) {
        std::mem::forget(cls.clone());
    }
    // Room for the attributes earlier instances stored, allocated with the instance (as
    // CPython 3.11 does, so tracemalloc charges both to the line creating it).
    let nkeys = t.shared_keys.len();
    if nkeys > 0 {
        if let Some(values) = instance_attrs::values_of(&obj) {
            values.reserve_total(nkeys).map_err(|_| vm.memory_error())?;
        }
    }
    Ok(obj)
}

/// Calling a heap type: `__new__` then `__init__`, with CPython's checks.
pub fn heap_type_call(vm: &mut Vm, cls: &Obj, args: Args) -> PyResult<Obj> {
    let t = as_type(cls);
    let names = vm.instantiation_names.clone();
    let user_new =
        crate::objects::class_slots::lookup_python_attr_cached(vm, t, &names[0], &names[1]);
    let user_init =
        crate::objects::class_slots::lookup_python_attr_cached(vm, t, &names[2], &names[3]);
    let obj = match &user_new {
        Some(n) => {
            let f = crate::objects::descr::unwrap_static(n);
            let all = crate::objects::args::with_self(cls, args.values);
            vm.call_with_args(&f, Args::with_kwnames(&all, args.kwnames))?
        }
        None if builtin_subclass::kind_of(vm, t).is_some() => {
            let kind = builtin_subclass::kind_of(vm, t).expect("checked");
            builtin_subclass::construct(vm, kind, cls, args, user_init.is_some())?
        }
        None => {
            let weak_sub = t.is_subtype(as_type(&vm.types.weakref));
            if weak_sub {
                args.no_kwargs(vm, "ref")?;
            }
            if user_init.is_none()
                && (!args.values.is_empty())
                && !t.has_flag(flags::BASE_EXC_SUBCLASS)
                && !weak_sub
            {
                return Err(vm.type_error(format!("{}() takes no arguments", t.name())));
            }
            if t.has_flag(flags::BASE_EXC_SUBCLASS) && args.n_kw() > 0 && user_init.is_none() {
                return Err(vm.type_error(format!("{}() takes no keyword arguments", t.name())));
            }
            alloc_instance(vm, cls, args.pos())?
        }
    };
    if !obj.ty().is_subtype(t) {
        return Ok(obj);
    }
    if let Some(init) = user_init {
        let all = crate::objects::args::with_self(&obj, args.values);
        let r = vm.call_with_args(&init, Args::with_kwnames(&all, args.kwnames))?;
        if !r.is(&vm.none) {
            return Err(vm.type_error(format!(
                "__init__() should return None, not '{}'",
                r.ty().name()
            )));
        }
    } else if user_new.is_some() && !args.values.is_empty() && !t.has_flag(flags::BASE_EXC_SUBCLASS)
    {
        // object.__init__ ignores arguments when __new__ is overridden.
    }
    Ok(obj)
}

/// `C.__dict__`-style lookup through the MRO, then binding for the instance `obj`.
pub fn generic_getattr_with_dict(vm: &mut Vm, obj: &Obj, name: &Obj) -> PyResult<Option<Obj>> {
    let ty_attr = vm.lookup_type_attr(obj.ty(), name);
    if let Some(a) = &ty_attr {
        if crate::objects::descr::is_data_descriptor(vm, a) {
            return crate::objects::descr::descr_get(vm, a, Some(obj), &obj.ty().to_obj())
                .map(Some);
        }
    }
    // `__class__` (on `object`) and `__dict__` (on classes with instance dicts) are data
    // descriptors in CPython: an instance dict key of that name does not hide them.
    if ty_attr.is_none() {
        match pystr::as_str(name) {
            "__class__" => return Ok(Some(obj.ty().to_obj())),
            "__dict__" if instance_dict_slot(obj).is_some() => {
                return exposed_instance_dict(vm, obj);
            }
            _ => {}
        }
    }
    if let Some(v) = instance_attrs::get(obj, name) {
        return Ok(Some(v));
    }
    match ty_attr {
        Some(a) => {
            crate::objects::descr::descr_get(vm, &a, Some(obj), &obj.ty().to_obj()).map(Some)
        }
        None => Ok(None),
    }
}

/// `obj.__dict__` (and `vars(obj)`): the instance dict, handed out. From now on others may
/// hold it, so it stops being managed (CPython materialises a real dict object here): the
/// collector sees it as an object of its own, tracked as any dict.
pub(crate) fn exposed_instance_dict(vm: &mut Vm, obj: &Obj) -> PyResult<Option<Obj>> {
    let d = instance_dict(vm, obj)?;
    if let Some(d) = &d {
        dict::unmanage(d);
    }
    Ok(d)
}

/// `obj.__dict__ = d` (any dict) and `del obj.__dict__` (the next use starts an empty one).
/// Both dicts stop being managed: the new one may be shared with other instances or held
/// elsewhere, and the old one may live on in a variable.
pub(crate) fn set_instance_dict(
    vm: &mut Vm,
    obj: &Obj,
    slot: &ObjSlot,
    value: Option<Obj>,
) -> PyResult<()> {
    if let Some(v) = &value {
        if !dict::is_dict(v) {
            return Err(vm.type_error(format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                v.ty().name()
            )));
        }
        dict::unmanage(v);
    }
    let old = slot.replace(value);
    if let Some(old) = old {
        dict::unmanage(&old);
    }
    // Attributes still kept as inline values go with the replaced namespace.
    if let Some(values) = instance_attrs::values_of(obj) {
        values.clear();
    }
    Ok(())
}

/// Attribute assignment on instances: properties, then the instance dict.
pub fn generic_setattr(vm: &mut Vm, obj: &Obj, name: &Obj, value: Option<Obj>) -> PyResult<()> {
    if let Some(a) = vm.lookup_type_attr(obj.ty(), name) {
        if crate::objects::descr::is_data_descriptor(vm, &a) {
            return crate::objects::descr::descr_set(vm, &a, obj, value);
        }
    }
    if pystr::as_str(name) == "__dict__" {
        if let Some(slot) = instance_dict_slot(obj) {
            return set_instance_dict(vm, obj, slot, value);
        }
    }
    let n = || pystr::as_str(name).to_string();
    let outcome = match value {
        Some(v) => instance_attrs::set(vm, obj, name, v)?.map_err(|_| ()),
        None => match instance_dict_slot(obj) {
            Some(_) => {
                if instance_attrs::delete(vm, obj, name)? {
                    Ok(())
                } else {
                    return Err(vm.attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        obj.ty().name(),
                        n()
                    )));
                }
            }
            None => Err(()),
        },
    };
    match outcome {
        Ok(()) => Ok(()),
        Err(()) => {
            if vm.lookup_type_attr(obj.ty(), name).is_some() {
                return Err(vm.attribute_error(format!(
                    "'{}' object attribute '{}' is read-only",
                    obj.ty().name(),
                    n()
                )));
            }
            Err(vm.attribute_error(format!(
                "'{}' object has no attribute '{}'",
                obj.ty().name(),
                n()
            )))
        }
    }
}
