//! Classes deriving from built-in `list`, `dict`, `set`, `frozenset`, `int`, `float` and
//! `mmap.mmap`: `class Stack(list)`, `class Config(dict)`, `class Flags(int)`.
//!
//! An instance is the built-in's payload followed by an extension holding the instance
//! `__dict__`, the weakref list and the finalizer flag (`SubBox<T>`). The payload sits at the
//! same offset as in the built-in's own `PyBox<T>`, so every accessor of the built-in
//! (`list::data`, `dict::data`, `int::as_int`, which test the type's `*_SUBCLASS` flag or
//! subtype relation) works on instances of the subclass unchanged.
//!
//! Invariants: the extension starts at the type's `dictoffset` (its first field is the dict
//! slot), so code that does not know `T` finds it from the type alone; each instance owns a
//! reference to its (heap) type, released after its memory is freed.

use std::cell::Cell;
use std::ptr::{addr_of_mut, NonNull};

use crate::heap::alloc::{alloc_object, free_object, gc_forget, gc_header_of};
use crate::heap::{gc, HeapVec, Obj, ObjHeader, ObjSlot};
use crate::objects::args::Args;
use crate::objects::dict::{self, DictData};
use crate::objects::int::IntValue;
use crate::objects::list::{self, ListData};
use crate::objects::set::{self, SetData};
use crate::objects::typeobj::{as_type, DeallocFn, TypeObject};
use crate::objects::weakref::WeakList;
use crate::vm::{PyResult, Vm};

/// What a subclass instance adds to the built-in's payload.
#[repr(C)]
pub struct SubExt {
    pub dict: ObjSlot,
    pub weaklist: WeakList,
    /// `__del__` already ran (PEP 442: once).
    pub finalized: Cell<bool>,
}

#[repr(C)]
pub struct SubBox<T> {
    pub head: ObjHeader,
    pub data: T,
    pub ext: SubExt,
}

/// The built-in types a class may derive from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinBase {
    List,
    Dict,
    Set,
    FrozenSet,
    Int,
    Float,
    Mmap,
}

impl BuiltinBase {
    /// The built-in `solid` (the first built-in type on a class's MRO), if subclassable here.
    pub fn of(vm: &Vm, solid: &TypeObject) -> Option<BuiltinBase> {
        let t = &vm.types;
        let is = |o: &Obj| std::ptr::eq(solid, as_type(o));
        if is(&t.list) {
            Some(BuiltinBase::List)
        } else if is(&t.dict) {
            Some(BuiltinBase::Dict)
        } else if is(&t.set) {
            Some(BuiltinBase::Set)
        } else if is(&t.frozenset) {
            Some(BuiltinBase::FrozenSet)
        } else if is(&t.int) {
            Some(BuiltinBase::Int)
        } else if is(&t.float) {
            Some(BuiltinBase::Float)
        } else if is(&t.buf.mmap) {
            Some(BuiltinBase::Mmap)
        } else {
            None
        }
    }

    fn base_type(self, vm: &Vm) -> Obj {
        let t = &vm.types;
        match self {
            BuiltinBase::List => t.list.clone(),
            BuiltinBase::Dict => t.dict.clone(),
            BuiltinBase::Set => t.set.clone(),
            BuiltinBase::FrozenSet => t.frozenset.clone(),
            BuiltinBase::Int => t.int.clone(),
            BuiltinBase::Float => t.float.clone(),
            BuiltinBase::Mmap => t.buf.mmap.clone(),
        }
    }

    /// Mutable containers are filled by `__init__`; `__new__` ignores its arguments.
    fn filled_by_init(self) -> bool {
        matches!(
            self,
            BuiltinBase::List | BuiltinBase::Dict | BuiltinBase::Set
        )
    }

    /// (basic size, dealloc, dict offset, weaklist offset) of a subclass instance.
    pub fn layout(self) -> (usize, DeallocFn, usize, usize) {
        fn of<T>() -> (usize, DeallocFn, usize, usize) {
            let ext = std::mem::offset_of!(SubBox<T>, ext);
            (
                std::mem::size_of::<SubBox<T>>(),
                sub_dealloc::<T>,
                ext + std::mem::offset_of!(SubExt, dict),
                ext + std::mem::offset_of!(SubExt, weaklist),
            )
        }
        match self {
            BuiltinBase::List => of::<ListData>(),
            BuiltinBase::Dict => of::<DictData>(),
            BuiltinBase::Set | BuiltinBase::FrozenSet => of::<SetData>(),
            BuiltinBase::Int => of::<IntValue>(),
            BuiltinBase::Float => of::<f64>(),
            BuiltinBase::Mmap => of::<crate::objects::mmap::MmapData>(),
        }
    }
}

/// The first built-in type on `t`'s MRO.
fn solid_base(t: &TypeObject) -> Option<Obj> {
    let mro = t.mro.get()?;
    crate::objects::tuple::items(&mro)
        .iter()
        .find(|b| !crate::objects::class::is_heap_type(as_type(b)))
        .cloned()
}

/// The built-in a heap class derives from, if it is one of those handled here.
pub fn kind_of(vm: &Vm, t: &TypeObject) -> Option<BuiltinBase> {
    if !crate::objects::class::is_heap_type(t) {
        return None;
    }
    BuiltinBase::of(vm, as_type(&solid_base(t)?))
}

fn ext_of(o: &Obj) -> &SubExt {
    // SAFETY: installed only on classes built by `layout`, whose instances carry a `SubExt`
    // at the type's `dictoffset` (module invariant).
    unsafe { &*((o.as_ptr() as *const u8).add(o.ty().dictoffset) as *const SubExt) }
}

/// Allocates an instance of heap class `cls` holding `data`.
fn new_sub_box<T>(vm: &mut Vm, cls: &Obj, data: T) -> PyResult<Obj> {
    let t = as_type(cls);
    let p = alloc_object(t, std::mem::size_of::<SubBox<T>>()).map_err(|_| vm.memory_error())?;
    // SAFETY: `alloc_object` returned room for a `SubBox<T>` with the header written.
    unsafe {
        let b = p.cast::<SubBox<T>>().as_ptr();
        addr_of_mut!((*b).data).write(data);
        addr_of_mut!((*b).ext).write(SubExt {
            dict: ObjSlot::new(None),
            weaklist: WeakList::default(),
            finalized: Cell::new(false),
        });
        if t.has_gc() {
            gc::track(gc_header_of(p));
        }
        // The instance owns a reference to its class.
        std::mem::forget(cls.clone());
        Ok(Obj::from_owned(p))
    }
}

/// An instance of `cls` with the value of `exact`, a fresh instance of the built-in itself.
fn rebox(vm: &mut Vm, kind: BuiltinBase, cls: &Obj, exact: &Obj) -> PyResult<Obj> {
    match kind {
        BuiltinBase::List => {
            let items = list::data(exact).snapshot();
            let mut v = HeapVec::with_capacity(items.len()).map_err(|_| vm.memory_error())?;
            for it in items {
                v.push(it).map_err(|_| vm.memory_error())?;
            }
            new_sub_box(vm, cls, ListData::new(v))
        }
        BuiltinBase::Dict => {
            let o = new_sub_box(vm, cls, DictData::new())?;
            for (k, v) in dict::data(exact).items() {
                vm.dict_set(&o, k, v)?;
            }
            Ok(o)
        }
        BuiltinBase::Set | BuiltinBase::FrozenSet => {
            let data = SetData::new().map_err(|_| vm.memory_error())?;
            let o = new_sub_box(vm, cls, data)?;
            for k in set::keys(vm, exact) {
                vm.set_add(&o, k)?;
            }
            Ok(o)
        }
        BuiltinBase::Int => {
            let v =
                match crate::objects::int::as_int(exact).expect("int constructor returns an int") {
                    IntValue::Small(i) => IntValue::Small(*i),
                    IntValue::Big(b) => IntValue::Big(b.clone()),
                };
            new_sub_box::<IntValue>(vm, cls, v)
        }
        BuiltinBase::Float => {
            let v =
                crate::objects::float::as_float(exact).expect("float constructor returns a float");
            new_sub_box::<f64>(vm, cls, v)
        }
        BuiltinBase::Mmap => {
            // The mapping moves over; the exact object is left closed and dies closed.
            let d = crate::objects::mmap::data(exact).take_over();
            new_sub_box(vm, cls, d)
        }
    }
}

/// `cls(*args)` for a heap class deriving from a built-in, without a Python `__new__`:
/// the built-in's constructor makes the value (with no arguments when a Python `__init__`
/// will fill a container), then the value moves into an instance of `cls`.
pub fn construct(
    vm: &mut Vm,
    kind: BuiltinBase,
    cls: &Obj,
    args: Args,
    has_init: bool,
) -> PyResult<Obj> {
    let base = kind.base_type(vm);
    let new = as_type(&base)
        .slots
        .new
        .get()
        .expect("built-in types have new");
    let exact = if has_init && kind.filled_by_init() {
        new(vm, &base, Args::new(&[]))?
    } else {
        new(vm, &base, args)?
    };
    rebox(vm, kind, cls, &exact)
}

/// `list.__new__(cls, ...)` and friends, as reached by `super().__new__(cls)` in a Python
/// `__new__`.
fn builtin_new(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let pos = args.pos();
    let Some(cls) = pos.first() else {
        return Err(vm.type_error("__new__(): not enough arguments".into()));
    };
    let Some(t) = crate::objects::typeobj::try_as_type(cls) else {
        let n = cls.ty().name().to_string();
        return Err(vm.type_error(format!("__new__(X): X is not a type object ({n})")));
    };
    let Some(solid) = solid_base(t) else {
        return Err(vm.type_error("__new__(X): X has no MRO".into()));
    };
    let Some(kind) = BuiltinBase::of(vm, as_type(&solid)) else {
        return Err(vm.type_error(format!(
            "{}.__new__({}) is not safe",
            as_type(&solid).name(),
            t.name()
        )));
    };
    let rest = Args::with_kwnames(&args.values[1..], args.kwnames);
    let new = as_type(&solid)
        .slots
        .new
        .get()
        .expect("built-in types have new");
    let exact = if kind.filled_by_init() {
        new(vm, &solid, Args::new(&[]))?
    } else {
        new(vm, &solid, rest)?
    };
    if crate::objects::class::is_heap_type(t) {
        rebox(vm, kind, cls, &exact)
    } else {
        Ok(exact)
    }
}

/// `list.__init__(self, iterable=())`: replaces the contents.
fn list_init(vm: &mut Vm, l: &Obj, args: Args) -> PyResult<Obj> {
    args.no_kwargs(vm, "list")?;
    let p = args.exact(vm, "list", 0, 1)?;
    let items = match p.first() {
        Some(it) => vm.iterate(it)?,
        None => Vec::new(),
    };
    let old = list::data(l)
        .replace_all(items)
        .map_err(|_| vm.memory_error())?;
    drop(old);
    Ok(vm.none.clone())
}

/// `set.__init__(self, iterable=())`: replaces the contents.
fn set_init(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    args.no_kwargs(vm, "set")?;
    let p = args.exact(vm, "set", 0, 1)?;
    let clear = vm.getattr_str(s, "clear")?;
    vm.call(&clear, &[])?;
    if let Some(it) = p.first() {
        vm.set_update(s, it)?;
    }
    Ok(vm.none.clone())
}

/// `dict.__init__(self, *args, **kwargs)`: `update` with the same arguments.
fn dict_init(vm: &mut Vm, d: &Obj, args: Args) -> PyResult<Obj> {
    if args.pos().len() > 1 {
        return Err(vm.type_error(format!(
            "dict expected at most 1 argument, got {}",
            args.pos().len()
        )));
    }
    let update = vm.getattr_str(d, "update")?;
    vm.call_with_args(&update, args)
}

/// The dealloc of subclass instances: `__del__` first (once; it may resurrect), weak
/// references next, then the payload and the extension, the block, and the class reference.
///
/// # Safety
/// Called only through the dealloc slot of a class built with `layout` for payload `T`, on a
/// dead instance.
unsafe fn sub_dealloc<T>(p: NonNull<ObjHeader>) {
    // SAFETY: the object is dead and has layout `SubBox<T>`; it owns a reference to its type,
    // taken over here so the type outlives the free.
    unsafe {
        let b = p.cast::<SubBox<T>>().as_ptr();
        let ty_ptr = (*p.as_ptr()).ty.get();
        let ty = &*ty_ptr;
        if ty.slots.finalizer.get() && !(*b).ext.finalized.get() {
            (*b).ext.finalized.set(true);
            crate::heap::pending::push(crate::heap::pending::PendingCall::Finalize(
                crate::heap::handle::resurrect(p),
            ));
            return;
        }
        if !(*b).ext.weaklist.is_empty() {
            crate::objects::weakref::clear_weakrefs(&(*b).ext.weaklist);
        }
        let ty_ref = Obj::from_owned(NonNull::from(&ty.head));
        if ty.has_gc() {
            gc_forget(p);
        }
        std::ptr::drop_in_place(addr_of_mut!((*b).ext));
        std::ptr::drop_in_place(addr_of_mut!((*b).data));
        free_object(p, ty, std::mem::size_of::<SubBox<T>>());
        drop(ty_ref);
    }
}

/// The collector's traverse: the built-in's references, the instance dict's values and the
/// class.
pub fn traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(solid) = solid_base(o.ty()) {
        if let Some(f) = as_type(&solid).slots.traverse.get() {
            f(o, visit);
        }
    }
    crate::objects::traverse::visit_instance_dict(&ext_of(o).dict, visit);
    visit(&o.ty().to_obj_borrowed());
}

/// The collector's clear: the built-in's clear, then the instance dict.
pub fn clear(o: &Obj) {
    if let Some(solid) = solid_base(o.ty()) {
        if let Some(f) = as_type(&solid).slots.clear.get() {
            f(o);
        }
    }
    crate::objects::traverse::clear_instance_dict(&ext_of(o).dict);
}

/// PEP 442 for subclass instances with `__del__` found unreachable.
pub fn queue_finalizer(o: &Obj) -> bool {
    let ext = ext_of(o);
    if ext.finalized.get() {
        return false;
    }
    ext.finalized.set(true);
    crate::heap::pending::push(crate::heap::pending::PendingCall::Finalize(o.clone()));
    true
}

/// Installs `__new__` on the subclassable built-ins and `__init__` on the mutable ones.
pub fn install(vm: &mut Vm) {
    let types = [
        vm.types.list.clone(),
        vm.types.dict.clone(),
        vm.types.set.clone(),
        vm.types.frozenset.clone(),
        vm.types.int.clone(),
        vm.types.float.clone(),
        vm.types.buf.mmap.clone(),
    ];
    for t in types {
        let f = vm.new_builtin("__new__", builtin_new).expect("startup");
        let d = as_type(&t).dict.get().expect("type dict");
        vm.dict_set_str(&d, "__new__", f).expect("startup");
    }
    let (l, d, s) = (
        vm.types.list.clone(),
        vm.types.dict.clone(),
        vm.types.set.clone(),
    );
    crate::vm::types::add_method(vm, &l, "__init__", list_init);
    crate::vm::types::add_method(vm, &d, "__init__", dict_init);
    crate::vm::types::add_method(vm, &s, "__init__", set_init);
}
