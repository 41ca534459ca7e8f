//! Interpreter bootstrap: creates the built-in type objects (the `type`/`object` knot first),
//! the singletons and caches, installs each type's slots and methods, and builds the
//! `builtins` and `sys` modules.
//!
//! Invariant: after `bootstrap` returns every built-in type has a namespace dict and an MRO
//! tuple, and `Types` holds one reference to each for the interpreter's lifetime.

use std::cell::Cell;
use std::collections::HashMap;
use std::ptr::NonNull;

use crate::heap::alloc::{alloc_object, free_object};
use crate::heap::{Obj, ObjHeader, ObjSlot};
use crate::objects::pybox::{dealloc_box, PyBox};
use crate::objects::typeobj::{as_type, flags, DeallocFn, MethodFn, Slots, TypeObject};
use crate::objects::{exception, function, int, iter, list, module, simple, str as pystr, tuple};
use crate::vm::{Output, Vm};

/// The built-in exception classes.
pub struct ExcTypes {
    pub base_exception: Obj,
    pub exception: Obj,
    pub arithmetic_error: Obj,
    pub zero_division_error: Obj,
    pub overflow_error: Obj,
    pub lookup_error: Obj,
    pub index_error: Obj,
    pub key_error: Obj,
    pub value_error: Obj,
    pub type_error: Obj,
    pub name_error: Obj,
    pub unbound_local_error: Obj,
    pub attribute_error: Obj,
    pub runtime_error: Obj,
    pub recursion_error: Obj,
    pub not_implemented_error: Obj,
    pub stop_iteration: Obj,
    pub generator_exit: Obj,
    pub assertion_error: Obj,
    pub import_error: Obj,
    pub module_not_found_error: Obj,
    pub memory_error: Obj,
    pub eof_error: Obj,
    pub keyboard_interrupt: Obj,
    pub system_exit: Obj,
    pub syntax_error: Obj,
    pub indentation_error: Obj,
    pub tab_error: Obj,
    pub buffer_error: Obj,
    pub reference_error: Obj,
    pub system_error: Obj,
    pub os_error: Obj,
    pub file_not_found_error: Obj,
    pub file_exists_error: Obj,
    pub is_a_directory_error: Obj,
    pub not_a_directory_error: Obj,
    pub permission_error: Obj,
    pub unicode_error: Obj,
    pub unicode_decode_error: Obj,
    pub unicode_encode_error: Obj,
    /// The rest of the built-in hierarchy (warnings, connection errors, ...): classes the
    /// runtime never raises itself but programs name, subclass and catch.
    pub others: Vec<Obj>,
}

pub struct Types {
    pub type_: Obj,
    pub object: Obj,
    pub none_type: Obj,
    pub not_implemented_type: Obj,
    pub ellipsis_type: Obj,
    pub int: Obj,
    pub bool_: Obj,
    pub float: Obj,
    pub str: Obj,
    pub bytes: Obj,
    pub tuple: Obj,
    pub list: Obj,
    pub dict: Obj,
    pub set: Obj,
    pub frozenset: Obj,
    pub set_iterator: Obj,
    pub method: Obj,
    pub property: Obj,
    pub staticmethod: Obj,
    pub classmethod: Obj,
    pub super_: Obj,
    pub generator: Obj,
    pub weakref: Obj,
    /// `weakref.ProxyType` / `weakref.CallableProxyType` (layout of `weakref`).
    pub weakproxy: Obj,
    pub weakcallableproxy: Obj,
    pub range: Obj,
    pub slice: Obj,
    pub code: Obj,
    pub function: Obj,
    pub builtin_function: Obj,
    pub method_descriptor: Obj,
    pub wrapper_descriptor: Obj,
    pub method_wrapper: Obj,
    pub member_descriptor: Obj,
    /// `object.__class__`, a class's `__dict__` and `__weakref__` (see `objects::getset`).
    pub getset_descriptor: Obj,
    pub module: Obj,
    pub cell: Obj,
    pub traceback: Obj,
    pub list_iterator: Obj,
    pub tuple_iterator: Obj,
    pub str_iterator: Obj,
    pub range_iterator: Obj,
    pub dict_keyiterator: Obj,
    pub dict_valueiterator: Obj,
    pub dict_itemiterator: Obj,
    pub dict_keys: Obj,
    pub dict_values: Obj,
    pub dict_items: Obj,
    pub enumerate: Obj,
    pub zip: Obj,
    pub map: Obj,
    pub filter: Obj,
    pub reversed: Obj,
    /// `iter()` of an object with `__getitem__` only.
    pub seq_iterator: Obj,
    pub callable_iterator: Obj,
    /// `_sitebuiltins.Quitter`, the type of the `exit` and `quit` built-ins.
    pub quitter: Obj,
    /// bytearray, memoryview and their iterators (see `objects::buffer`).
    pub buf: crate::objects::buffer::BufferTypes,
    pub exc: ExcTypes,
}

thread_local! {
    static FLOAT_TYPE: Cell<*const TypeObject> = const { Cell::new(std::ptr::null()) };
}

/// This thread's `float` type (for `as_float` checks that have no VM at hand).
#[inline(always)]
pub fn float_type_ptr() -> *const TypeObject {
    FLOAT_TYPE.with(|c| c.get())
}

/// The dealloc slot of type objects.
///
/// # Safety
/// Called only through `type`'s dealloc slot on a dead type object.
unsafe fn type_dealloc(p: NonNull<ObjHeader>) {
    // A new type may be allocated at this address: forget what the cache knows about it.
    crate::heap::type_attr_cache::invalidate();
    crate::heap::census::forget_type(p.as_ptr() as *const TypeObject);
    // SAFETY: the object is a dead type object with the `TypeObject` layout.
    unsafe {
        let meta = &*(*p.as_ptr()).ty.get();
        // Heap types are tracked containers: unlink before the fields are released.
        if meta.has_gc() {
            crate::heap::alloc::gc_forget(p);
        }
        std::ptr::drop_in_place(p.as_ptr() as *mut TypeObject);
        free_object(p, meta, std::mem::size_of::<TypeObject>());
    }
}

/// Allocates a built-in type object at startup whose metatype is `meta` (`None`: the type is
/// its own metatype, which is how `type` is made).
fn alloc_type(
    meta: Option<&TypeObject>,
    name: &str,
    basicsize: usize,
    fl: u32,
    dealloc: DeallocFn,
) -> Obj {
    // A module-qualified name (`_sitebuiltins.Quitter`) has the last part as its `__name__`.
    let qualname = name.rsplit('.').next().unwrap_or(name);
    alloc_type_full(meta, name, qualname, basicsize, fl, dealloc, 0)
        .expect("out of memory at startup")
}

/// Allocates a type object with every field given.
pub fn alloc_type_full(
    meta: Option<&TypeObject>,
    name: &str,
    qualname: &str,
    basicsize: usize,
    fl: u32,
    dealloc: DeallocFn,
    dictoffset: usize,
) -> Result<Obj, crate::heap::AllocError> {
    alloc_type_with_weaklist(meta, name, qualname, basicsize, fl, dealloc, dictoffset, 0)
}

/// Allocates a type object whose instances may also carry a weak-reference list.
#[allow(clippy::too_many_arguments)]
pub fn alloc_type_with_weaklist(
    meta: Option<&TypeObject>,
    name: &str,
    qualname: &str,
    basicsize: usize,
    fl: u32,
    dealloc: DeallocFn,
    dictoffset: usize,
    weaklistoffset: usize,
) -> Result<Obj, crate::heap::AllocError> {
    let meta_ptr = meta.map_or(std::ptr::null(), |m| m as *const TypeObject);
    let t = TypeObject {
        head: ObjHeader::new(meta_ptr),
        weaklist: Default::default(),
        name: name.to_string(),
        qualname: qualname.to_string(),
        dictoffset,
        weaklistoffset,
        bases: ObjSlot::new(None),
        basicsize,
        flags: fl | flags::BASETYPE,
        dealloc,
        slots: Slots::default(),
        base: ObjSlot::new(None),
        mro: ObjSlot::new(None),
        dict: ObjSlot::new(None),
        instances: Default::default(),
        shared_keys: Default::default(),
    };
    let size = std::mem::size_of::<TypeObject>();
    // The metatype (`type`) has no GC flag, so its instances carry no GC header; a temporary
    // description stands in for it while `type` itself is being created.
    let p = match meta {
        None => crate::heap::alloc::alloc_gc_block(size)?,
        Some(m) => {
            let p = alloc_object(m, size)?;
            // `t.head` (counted by `ObjHeader::new`) replaces the header `alloc_object`
            // wrote and counted, so the total reference count must forget one.
            crate::heap::handle::ref_total_add(-1);
            p
        }
    };
    // SAFETY: `p` has room for a `TypeObject`.
    unsafe {
        let tp = p.as_ptr() as *mut TypeObject;
        tp.write(t);
        if meta.is_none() {
            (*tp).head.ty.set(tp);
            // `alloc_object` counts every other type in its metatype's census; `type` was
            // allocated before it existed (with a GC header), so it counts itself here.
            (*tp)
                .instances
                .on_alloc(size + crate::heap::header::GC_HEADER_SIZE);
        }
        crate::heap::census::register_type(tp);
        Ok(Obj::from_owned(p))
    }
}

struct Builder {
    meta: Obj,
    object: Option<Obj>,
}

impl Builder {
    fn meta(&self) -> &TypeObject {
        as_type(&self.meta)
    }

    fn make(
        &self,
        name: &str,
        basicsize: usize,
        fl: u32,
        dealloc: DeallocFn,
        base: Option<&Obj>,
    ) -> Obj {
        let base = base.or(self.object.as_ref());
        let inherited = base.map_or(0, |b| as_type(b).flags & flags::INHERITED);
        let t = alloc_type(Some(self.meta()), name, basicsize, fl | inherited, dealloc);
        as_type(&t).base.set(base.cloned());
        t
    }

    fn boxed<T>(&self, name: &str, fl: u32, base: Option<&Obj>) -> Obj {
        self.make(
            name,
            std::mem::size_of::<PyBox<T>>(),
            fl,
            dealloc_box::<T>,
            base,
        )
    }

    /// A boxed type whose payload `T` carries a `WeakList` at byte offset `weak` (so its
    /// instances accept weak references).
    fn weak_boxed<T>(&self, name: &str, fl: u32, weak: usize) -> Obj {
        self.weak_boxed_with::<T>(name, fl, weak, dealloc_box::<T>)
    }

    /// `weak_boxed` whose payload also carries its `__dict__` slot at byte offset `dict` (the
    /// type's `dictoffset`, so attribute lookup finds the instance's entries).
    fn weak_boxed_dict<T>(&self, name: &str, fl: u32, weak: usize, dict: usize) -> Obj {
        let dictoffset = std::mem::offset_of!(PyBox<T>, data) + dict;
        self.weak_boxed_full::<T>(name, fl, weak, dealloc_box::<T>, dictoffset)
    }

    /// `weak_boxed` with a dealloc of its own.
    fn weak_boxed_with<T>(&self, name: &str, fl: u32, weak: usize, dealloc: DeallocFn) -> Obj {
        self.weak_boxed_full::<T>(name, fl, weak, dealloc, 0)
    }

    fn weak_boxed_full<T>(
        &self,
        name: &str,
        fl: u32,
        weak: usize,
        dealloc: DeallocFn,
        dictoffset: usize,
    ) -> Obj {
        let base = self.object.as_ref();
        let inherited = base.map_or(0, |b| as_type(b).flags & flags::INHERITED);
        let t = alloc_type_with_weaklist(
            Some(self.meta()),
            name,
            name,
            std::mem::size_of::<PyBox<T>>(),
            fl | inherited,
            dealloc,
            dictoffset,
            std::mem::offset_of!(PyBox<T>, data) + weak,
        )
        .expect("out of memory at startup");
        as_type(&t).base.set(base.cloned());
        t
    }

    /// An exception class: instances keep attributes in `ExceptionData::dict`.
    fn exc(&self, name: &str, fl: u32, base: Option<&Obj>) -> Obj {
        let base = base.or(self.object.as_ref());
        let inherited = base.map_or(0, |b| as_type(b).flags & flags::INHERITED);
        let t = alloc_type_full(
            Some(self.meta()),
            name,
            name,
            std::mem::size_of::<PyBox<exception::ExceptionData>>(),
            fl | inherited,
            dealloc_box::<exception::ExceptionData>,
            exception::EXC_DICT_OFFSET,
        )
        .expect("out of memory at startup");
        as_type(&t).base.set(base.cloned());
        t
    }
}

/// Builds a fresh interpreter.
pub fn bootstrap() -> Vm {
    let type_ = alloc_type_with_weaklist(
        None,
        "type",
        "type",
        std::mem::size_of::<TypeObject>(),
        // Type objects carry a GC header so that heap types (classes) can be collected:
        // a class is always in a cycle (its `__mro__` starts with itself).
        flags::TYPE_SUBCLASS | flags::HAVE_GC,
        type_dealloc,
        0,
        std::mem::offset_of!(TypeObject, weaklist),
    )
    .expect("out of memory at startup");
    let mut b = Builder {
        meta: type_.clone(),
        object: None,
    };
    let object = b.boxed::<()>("object", 0, None);
    as_type(&type_).base.set(Some(object.clone()));
    b.object = Some(object.clone());

    let gc = flags::HAVE_GC;
    let leaf = flags::LEAF;
    let int_t = b.boxed::<int::IntValue>("int", flags::LONG_SUBCLASS | leaf, None);
    let str_t = b.make(
        "str",
        40,
        flags::UNICODE_SUBCLASS | leaf,
        pystr::str_dealloc,
        None,
    );
    let tuple_t = b.make(
        "tuple",
        24,
        flags::TUPLE_SUBCLASS | gc,
        tuple::tuple_dealloc,
        None,
    );
    let exc_base = b.exc("BaseException", gc | flags::BASE_EXC_SUBCLASS, None);
    let mk_exc = |name: &str, base: &Obj| b.exc(name, gc, Some(base));
    let exception_t = mk_exc("Exception", &exc_base);
    let arithmetic = mk_exc("ArithmeticError", &exception_t);
    let lookup = mk_exc("LookupError", &exception_t);
    let name_error = mk_exc("NameError", &exception_t);
    let runtime_error = mk_exc("RuntimeError", &exception_t);
    let import_error = mk_exc("ImportError", &exception_t);
    let value_error = mk_exc("ValueError", &exception_t);
    let syntax_error = mk_exc("SyntaxError", &exception_t);
    let indentation_error = mk_exc("IndentationError", &syntax_error);
    let os_error = mk_exc("OSError", &exception_t);
    let unicode_error = mk_exc("UnicodeError", &value_error);
    let connection_error = mk_exc("ConnectionError", &os_error);
    let warning = mk_exc("Warning", &exception_t);
    let mut others = vec![
        mk_exc("FloatingPointError", &arithmetic),
        mk_exc("StopAsyncIteration", &exception_t),
        mk_exc("UnicodeTranslateError", &unicode_error),
        mk_exc("BlockingIOError", &os_error),
        mk_exc("ChildProcessError", &os_error),
        mk_exc("BrokenPipeError", &connection_error),
        mk_exc("ConnectionAbortedError", &connection_error),
        mk_exc("ConnectionRefusedError", &connection_error),
        mk_exc("ConnectionResetError", &connection_error),
        mk_exc("InterruptedError", &os_error),
        mk_exc("ProcessLookupError", &os_error),
        mk_exc("TimeoutError", &os_error),
    ];
    for name in [
        "UserWarning",
        "DeprecationWarning",
        "PendingDeprecationWarning",
        "SyntaxWarning",
        "RuntimeWarning",
        "FutureWarning",
        "ImportWarning",
        "UnicodeWarning",
        "BytesWarning",
        "ResourceWarning",
        "EncodingWarning",
    ] {
        others.push(mk_exc(name, &warning));
    }
    others.push(connection_error);
    others.push(warning);
    let exc = ExcTypes {
        buffer_error: mk_exc("BufferError", &exception_t),
        reference_error: mk_exc("ReferenceError", &exception_t),
        system_error: mk_exc("SystemError", &exception_t),
        file_not_found_error: mk_exc("FileNotFoundError", &os_error),
        file_exists_error: mk_exc("FileExistsError", &os_error),
        is_a_directory_error: mk_exc("IsADirectoryError", &os_error),
        not_a_directory_error: mk_exc("NotADirectoryError", &os_error),
        permission_error: mk_exc("PermissionError", &os_error),
        unicode_decode_error: mk_exc("UnicodeDecodeError", &unicode_error),
        unicode_encode_error: mk_exc("UnicodeEncodeError", &unicode_error),
        unicode_error,
        os_error,
        others,
        zero_division_error: mk_exc("ZeroDivisionError", &arithmetic),
        overflow_error: mk_exc("OverflowError", &arithmetic),
        index_error: mk_exc("IndexError", &lookup),
        key_error: mk_exc("KeyError", &lookup),
        type_error: mk_exc("TypeError", &exception_t),
        unbound_local_error: mk_exc("UnboundLocalError", &name_error),
        attribute_error: mk_exc("AttributeError", &exception_t),
        recursion_error: mk_exc("RecursionError", &runtime_error),
        not_implemented_error: mk_exc("NotImplementedError", &runtime_error),
        stop_iteration: mk_exc("StopIteration", &exception_t),
        generator_exit: mk_exc("GeneratorExit", &exc_base),
        assertion_error: mk_exc("AssertionError", &exception_t),
        module_not_found_error: mk_exc("ModuleNotFoundError", &import_error),
        memory_error: mk_exc("MemoryError", &exception_t),
        eof_error: mk_exc("EOFError", &exception_t),
        keyboard_interrupt: mk_exc("KeyboardInterrupt", &exc_base),
        system_exit: mk_exc("SystemExit", &exc_base),
        tab_error: mk_exc("TabError", &indentation_error),
        indentation_error,
        syntax_error,
        base_exception: exc_base,
        exception: exception_t,
        arithmetic_error: arithmetic,
        lookup_error: lookup,
        value_error,
        name_error,
        runtime_error,
        import_error,
    };
    let types = Types {
        none_type: b.boxed::<()>("NoneType", 0, None),
        not_implemented_type: b.boxed::<()>("NotImplementedType", 0, None),
        ellipsis_type: b.boxed::<()>("ellipsis", 0, None),
        bool_: b.boxed::<int::IntValue>("bool", 0, Some(&int_t)),
        float: b.make(
            "float",
            std::mem::size_of::<PyBox<f64>>(),
            leaf,
            crate::objects::float::float_dealloc,
            None,
        ),
        bytes: b.make(
            "bytes",
            crate::objects::bytes::DATA_OFFSET,
            flags::BYTES_SUBCLASS | leaf,
            crate::objects::bytes::bytes_dealloc,
            None,
        ),
        list: b.boxed::<list::ListData>("list", flags::LIST_SUBCLASS | gc, None),
        dict: b.boxed::<crate::objects::dict::DictData>("dict", flags::DICT_SUBCLASS | gc, None),
        set: b.weak_boxed::<crate::objects::set::SetData>(
            "set",
            gc,
            std::mem::offset_of!(crate::objects::set::SetData, weaklist),
        ),
        frozenset: b.weak_boxed::<crate::objects::set::SetData>(
            "frozenset",
            gc,
            std::mem::offset_of!(crate::objects::set::SetData, weaklist),
        ),
        set_iterator: b.boxed::<crate::objects::set::SetIterData>("set_iterator", gc, None),
        method: b.weak_boxed::<crate::objects::descr::MethodData>(
            "method",
            gc,
            std::mem::offset_of!(crate::objects::descr::MethodData, weaklist),
        ),
        property: b.boxed::<crate::objects::descr::PropertyData>("property", gc, None),
        staticmethod: b.boxed::<Obj>("staticmethod", gc, None),
        classmethod: b.boxed::<Obj>("classmethod", gc, None),
        super_: b.boxed::<crate::objects::descr::SuperData>("super", gc, None),
        generator: b.weak_boxed_with::<crate::objects::generator::GeneratorData>(
            "generator",
            gc,
            std::mem::offset_of!(crate::objects::generator::GeneratorData, weaklist),
            crate::objects::generator::generator_dealloc,
        ),
        weakref: b.make(
            "weakref.ReferenceType",
            std::mem::size_of::<PyBox<crate::objects::weakref::WeakrefData>>(),
            gc,
            crate::objects::weakref::weakref_dealloc,
            None,
        ),
        weakproxy: b.make(
            "weakref.ProxyType",
            std::mem::size_of::<PyBox<crate::objects::weakref::WeakrefData>>(),
            gc,
            crate::objects::weakref::weakref_dealloc,
            None,
        ),
        weakcallableproxy: b.make(
            "weakref.CallableProxyType",
            std::mem::size_of::<PyBox<crate::objects::weakref::WeakrefData>>(),
            gc,
            crate::objects::weakref::weakref_dealloc,
            None,
        ),
        range: b.boxed::<iter::RangeData>("range", 0, None),
        slice: b.boxed::<simple::SliceData>("slice", 0, None),
        code: b.boxed::<crate::bytecode::CodeObject>("code", 0, None),
        function: b.weak_boxed_dict::<function::FunctionData>(
            "function",
            gc,
            std::mem::offset_of!(function::FunctionData, weaklist),
            std::mem::offset_of!(function::FunctionData, dict),
        ),
        builtin_function: b.weak_boxed::<function::BuiltinData>(
            "builtin_function_or_method",
            gc,
            std::mem::offset_of!(function::BuiltinData, weaklist),
        ),
        method_descriptor: b.boxed::<function::MethodDescrData>("method_descriptor", 0, None),
        wrapper_descriptor: b.boxed::<crate::objects::slot_wrapper::WrapperDescrData>(
            "wrapper_descriptor",
            0,
            None,
        ),
        method_wrapper: b.boxed::<crate::objects::slot_wrapper::MethodWrapperData>(
            "method-wrapper",
            gc,
            None,
        ),
        member_descriptor: b.boxed::<crate::objects::member::MemberData>(
            "member_descriptor",
            gc,
            None,
        ),
        getset_descriptor: b.boxed::<crate::objects::getset::GetSetData>(
            "getset_descriptor",
            gc,
            None,
        ),
        module: b.weak_boxed::<module::ModuleData>(
            "module",
            gc,
            std::mem::offset_of!(module::ModuleData, weaklist),
        ),
        cell: b.boxed::<simple::CellData>("cell", gc, None),
        traceback: b.boxed::<exception::TracebackData>("traceback", gc, None),
        list_iterator: b.boxed::<iter::SeqIterData>("list_iterator", gc, None),
        tuple_iterator: b.boxed::<iter::SeqIterData>("tuple_iterator", gc, None),
        str_iterator: b.boxed::<iter::SeqIterData>("str_iterator", gc, None),
        range_iterator: b.boxed::<iter::RangeIterData>("range_iterator", 0, None),
        dict_keyiterator: b.boxed::<iter::DictIterData>("dict_keyiterator", gc, None),
        dict_valueiterator: b.boxed::<iter::DictIterData>("dict_valueiterator", gc, None),
        dict_itemiterator: b.boxed::<iter::DictIterData>("dict_itemiterator", gc, None),
        dict_keys: b.boxed::<Obj>("dict_keys", gc, None),
        dict_values: b.boxed::<Obj>("dict_values", gc, None),
        dict_items: b.boxed::<Obj>("dict_items", gc, None),
        enumerate: b.boxed::<iter::EnumerateData>("enumerate", gc, None),
        zip: b.boxed::<iter::ZipData>("zip", gc, None),
        map: b.boxed::<iter::MapData>("map", gc, None),
        filter: b.boxed::<iter::FilterData>("filter", gc, None),
        reversed: b.boxed::<iter::SeqIterData>("reversed", gc, None),
        seq_iterator: b.boxed::<iter::SeqIterData>("iterator", gc, None),
        callable_iterator: b.boxed::<iter::CallIterData>("callable_iterator", gc, None),
        quitter: b.boxed::<&'static str>("_sitebuiltins.Quitter", 0, None),
        buf: crate::objects::buffer::make_types(&b.meta, &object),
        type_,
        object,
        int: int_t,
        str: str_t,
        tuple: tuple_t,
        exc,
    };
    FLOAT_TYPE.with(|c| c.set(as_type(&types.float) as *const TypeObject));

    // Singletons and caches, allocated directly (the `new_*` constructors need them).
    let unit = |t: &Obj| crate::objects::pybox::new_box(as_type(t), (), false).expect("startup");
    let none = unit(&types.none_type);
    let not_implemented = unit(&types.not_implemented_type);
    let ellipsis = unit(&types.ellipsis_type);
    let mk_int = |t: &Obj, v: i64| {
        crate::objects::pybox::new_box(as_type(t), int::IntValue::Small(v), false).expect("startup")
    };
    let false_obj = mk_int(&types.bool_, 0);
    let true_obj = mk_int(&types.bool_, 1);
    let small_ints = (int::SMALL_INT_MIN..=int::SMALL_INT_MAX)
        .map(|v| mk_int(&types.int, v))
        .collect();
    let str_ty = as_type(&types.str);
    let empty_str = pystr::alloc_str(str_ty, "").expect("startup");
    let latin1_chars = (0u8..128)
        .map(|c| pystr::alloc_str(str_ty, &(c as char).to_string()).expect("startup"))
        .collect();
    let empty_tuple =
        tuple::alloc_tuple(as_type(&types.tuple), std::iter::empty::<Obj>()).expect("startup");

    let placeholder = none.clone();
    let mut vm = Vm {
        types,
        none,
        true_obj,
        false_obj,
        not_implemented,
        ellipsis,
        empty_tuple,
        empty_str,
        latin1_chars,
        small_ints,
        interned: HashMap::default(),
        builtins: placeholder.clone(),
        builtins_dict: placeholder.clone(),
        sys_module: placeholder.clone(),
        instantiation_names: [
            placeholder.clone(),
            placeholder.clone(),
            placeholder.clone(),
            placeholder.clone(),
        ],
        modules: placeholder,
        stack: Vec::with_capacity(1024),
        frames: Vec::with_capacity(64),
        handled: None,
        returned: None,
        gen_yielded: false,
        recursion_limit: 1000,
        depth: 0,
        stdout: Output::Stdout(std::io::BufWriter::new(std::io::stdout())),
        sources: HashMap::new(),
        memory_error_instance: None,
        repr_stack: Vec::new(),
        type_attr_cache: Default::default(),
        importing: Vec::new(),
        io: None,
    };
    vm.instantiation_names = [
        vm.intern("__new__"),
        vm.intern("<__new__ from a class statement>"),
        vm.intern("__init__"),
        vm.intern("<__init__ from a class statement>"),
    ];
    finish_types(&mut vm);
    let me = vm.types.exc.memory_error.clone();
    vm.memory_error_instance = Some(vm.new_exception(&me, vec![]).expect("startup"));
    crate::objects::builtin_subclass::install(&mut vm);
    crate::objects::slot_wrapper::install(&mut vm);
    crate::modules::install(&mut vm);
    vm
}

/// Gives every type a namespace dict and an MRO, then installs slots and methods.
fn finish_types(vm: &mut Vm) {
    for t in all_types(vm) {
        let d = vm.new_dict().expect("startup");
        crate::objects::dict::data(&d).type_dict.set(true);
        as_type(&t).dict.set(Some(d));
    }
    for t in all_types(vm) {
        let mut mro = vec![t.clone()];
        let mut cur = as_type(&t).base.get();
        while let Some(b) = cur {
            cur = as_type(&b).base.get();
            mro.push(b);
        }
        let bases = match as_type(&t).base.get() {
            Some(b) => vec![b],
            None => vec![],
        };
        let bases = vm.new_tuple(bases).expect("startup");
        as_type(&t).bases.set(Some(bases));
        let m = vm.new_tuple(mro).expect("startup");
        as_type(&t).mro.set(Some(m));
    }
    crate::heap::type_attr_cache::invalidate();
    crate::objects::slots::install_all(vm);
}

/// Every built-in type object.
pub fn all_types(vm: &Vm) -> Vec<Obj> {
    let t = &vm.types;
    let e = &t.exc;
    vec![
        t.type_.clone(),
        t.object.clone(),
        t.none_type.clone(),
        t.not_implemented_type.clone(),
        t.ellipsis_type.clone(),
        t.int.clone(),
        t.bool_.clone(),
        t.float.clone(),
        t.str.clone(),
        t.bytes.clone(),
        t.tuple.clone(),
        t.list.clone(),
        t.dict.clone(),
        t.set.clone(),
        t.frozenset.clone(),
        t.set_iterator.clone(),
        t.method.clone(),
        t.property.clone(),
        t.staticmethod.clone(),
        t.classmethod.clone(),
        t.super_.clone(),
        t.generator.clone(),
        t.weakref.clone(),
        t.weakproxy.clone(),
        t.weakcallableproxy.clone(),
        t.range.clone(),
        t.slice.clone(),
        t.code.clone(),
        t.function.clone(),
        t.builtin_function.clone(),
        t.method_descriptor.clone(),
        t.wrapper_descriptor.clone(),
        t.method_wrapper.clone(),
        t.member_descriptor.clone(),
        t.getset_descriptor.clone(),
        t.module.clone(),
        t.cell.clone(),
        t.traceback.clone(),
        t.list_iterator.clone(),
        t.tuple_iterator.clone(),
        t.str_iterator.clone(),
        t.range_iterator.clone(),
        t.dict_keyiterator.clone(),
        t.dict_valueiterator.clone(),
        t.dict_itemiterator.clone(),
        t.dict_keys.clone(),
        t.dict_values.clone(),
        t.dict_items.clone(),
        t.enumerate.clone(),
        t.zip.clone(),
        t.map.clone(),
        t.filter.clone(),
        t.reversed.clone(),
        t.seq_iterator.clone(),
        t.callable_iterator.clone(),
        t.quitter.clone(),
        e.base_exception.clone(),
        e.exception.clone(),
        e.arithmetic_error.clone(),
        e.zero_division_error.clone(),
        e.overflow_error.clone(),
        e.lookup_error.clone(),
        e.index_error.clone(),
        e.key_error.clone(),
        e.value_error.clone(),
        e.type_error.clone(),
        e.name_error.clone(),
        e.unbound_local_error.clone(),
        e.attribute_error.clone(),
        e.runtime_error.clone(),
        e.recursion_error.clone(),
        e.not_implemented_error.clone(),
        e.stop_iteration.clone(),
        e.generator_exit.clone(),
        e.assertion_error.clone(),
        e.import_error.clone(),
        e.module_not_found_error.clone(),
        e.memory_error.clone(),
        e.eof_error.clone(),
        e.keyboard_interrupt.clone(),
        e.system_exit.clone(),
        e.syntax_error.clone(),
        e.indentation_error.clone(),
        e.tab_error.clone(),
        e.buffer_error.clone(),
        e.reference_error.clone(),
        e.system_error.clone(),
        e.os_error.clone(),
        e.file_not_found_error.clone(),
        e.file_exists_error.clone(),
        e.is_a_directory_error.clone(),
        e.not_a_directory_error.clone(),
        e.permission_error.clone(),
        e.unicode_error.clone(),
        e.unicode_decode_error.clone(),
        e.unicode_encode_error.clone(),
    ]
    .into_iter()
    .chain(t.buf.all())
    .chain(e.others.iter().cloned())
    .collect()
}

/// Adds a Rust-implemented method to a type's namespace.
pub fn add_method(vm: &mut Vm, ty: &Obj, name: &'static str, f: MethodFn) {
    let m = vm.new_method_descr(ty, name, f).expect("startup");
    let d = as_type(ty).dict.get().expect("type dict");
    vm.dict_set_str(&d, name, m).expect("startup");
}
