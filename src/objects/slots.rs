//! Slot installation for the built-in types whose behaviour is small enough to live here
//! (object, type, None, NotImplemented, Ellipsis, int, bool, float, range, slice, functions,
//! modules, cells, code, iterators). Bigger types install their own from their modules.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::function::{builtin_data, func_data, method_descr_data, BuiltinKind};
use crate::objects::typeobj::{as_type, try_as_type, CompareOp, TypeObject};
use crate::objects::{
    dict, exc_type, float, int, int_ops, iter, list_type, module, simple, str as pystr, str_type,
    tuple,
};
use crate::vm::{PyResult, Vm};

pub fn install_all(vm: &mut Vm) {
    let t = |o: &Obj| as_type(o) as *const TypeObject;
    // SAFETY-free helper: the type objects outlive this function (held by `vm.types`).
    let ty = |o: &Obj| -> &'static TypeObject {
        // SAFETY: built-in type objects live as long as the interpreter, which outlives every
        // use of these references inside this function.
        unsafe { &*t(o) }
    };
    let types = &vm.types;

    let object = ty(&types.object);
    object.slots.repr.set(Some(object_repr));
    object.slots.hash.set(Some(object_hash));
    object.slots.richcompare.set(Some(object_richcompare));
    object.slots.new.set(Some(object_new));

    let type_ = ty(&types.type_);
    type_.slots.call.set(Some(type_call));
    type_.slots.repr.set(Some(type_repr));
    type_.slots.getattro.set(Some(type_getattro));
    type_.slots.hash.set(Some(object_hash));
    type_.slots.setattro.set(Some(type_setattro));

    let none = ty(&types.none_type);
    none.slots.repr.set(Some(|vm, _| vm.new_str("None")));
    none.slots.bool.set(Some(|_, _| Ok(false)));
    none.slots.hash.set(Some(object_hash));
    let ni = ty(&types.not_implemented_type);
    ni.slots
        .repr
        .set(Some(|vm, _| vm.new_str("NotImplemented")));
    let el = ty(&types.ellipsis_type);
    el.slots.repr.set(Some(|vm, _| vm.new_str("Ellipsis")));

    for it in [&types.int, &types.bool_] {
        let it = ty(it);
        it.slots.binary.set(Some(int_ops::int_binary));
        it.slots.unary.set(Some(int_ops::int_unary));
        it.slots.richcompare.set(Some(int_ops::int_richcompare));
        it.slots.hash.set(Some(int_ops::int_hash));
        it.slots.repr.set(Some(int_ops::int_repr));
        it.slots.bool.set(Some(int_ops::int_bool));
        it.slots.new.set(Some(int_ops::int_new));
    }
    let b = ty(&types.bool_);
    b.slots.repr.set(Some(int_ops::bool_repr));
    b.slots.binary.set(Some(int_ops::bool_binary));
    b.slots.new.set(Some(bool_new));

    let f = ty(&types.float);
    f.slots.binary.set(Some(float::float_binary));
    f.slots.unary.set(Some(float::float_unary));
    f.slots.richcompare.set(Some(float::float_richcompare));
    f.slots.hash.set(Some(float::float_hash));
    f.slots.repr.set(Some(float::float_repr));
    f.slots.bool.set(Some(float::float_bool));
    f.slots.new.set(Some(float::float_new));

    let r = ty(&types.range);
    r.slots.new.set(Some(iter::range_new));
    r.slots.iter.set(Some(iter::range_iter));
    r.slots.len.set(Some(iter::range_len_slot));
    r.slots.repr.set(Some(iter::range_repr));
    r.slots.getitem.set(Some(range_getitem));
    r.slots.contains.set(Some(range_contains));
    r.slots.richcompare.set(Some(range_richcompare));
    r.slots.hash.set(Some(range_hash));
    r.slots.getattro.set(Some(|vm, r, name| {
        let d = iter::range_data(vm, r).expect("range");
        let v = match pystr::as_str(name) {
            "start" => Some(d.start),
            "stop" => Some(d.stop),
            "step" => Some(d.step),
            _ => None,
        };
        match v {
            Some(v) => vm.new_int(v),
            None => vm.generic_getattr(r, name),
        }
    }));
    let ri = ty(&types.range_iterator);
    ri.slots.iternext.set(Some(iter::range_iter_next));
    ri.slots.iter.set(Some(self_iter));

    for (it, next) in [
        (
            &types.list_iterator,
            iter::list_iter_next as crate::objects::typeobj::NextFn,
        ),
        (&types.tuple_iterator, iter::tuple_iter_next),
        (&types.str_iterator, iter::str_iter_next),
        (&types.dict_keyiterator, iter::dict_iter_next),
        (&types.dict_valueiterator, iter::dict_iter_next),
        (&types.dict_itemiterator, iter::dict_iter_next),
        (&types.enumerate, iter::enumerate_next),
        (&types.zip, iter::zip_next),
        (&types.map, iter::map_next),
        (&types.filter, iter::filter_next),
        (&types.reversed, iter::reversed_next),
        (&types.seq_iterator, iter::seq_getitem_next),
        (&types.callable_iterator, iter::callable_iter_next),
    ] {
        let it = ty(it);
        it.slots.iternext.set(Some(next));
        it.slots.iter.set(Some(self_iter));
    }
    ty(&types.enumerate)
        .slots
        .new
        .set(Some(iter::enumerate_new));
    ty(&types.zip).slots.new.set(Some(iter::zip_new));
    ty(&types.map).slots.new.set(Some(iter::map_new));
    ty(&types.filter).slots.new.set(Some(iter::filter_new));
    ty(&types.reversed).slots.new.set(Some(iter::reversed_new));

    let sl = ty(&types.slice);
    sl.slots.repr.set(Some(slice_repr));

    let bf_names = ty(&types.builtin_function);
    bf_names.slots.getattro.set(Some(|vm, f, name| {
        let d = builtin_data(f);
        match pystr::as_str(name) {
            "__name__" | "__qualname__" => vm.new_str(d.name),
            "__self__" => Ok(match &d.kind {
                BuiltinKind::Bound(_, this) => this.clone(),
                BuiltinKind::Function(_) => vm.none.clone(),
            }),
            "__module__" => vm.new_str("builtins"),
            _ => vm.generic_getattr(f, name),
        }
    }));
    let func = ty(&types.function);
    func.slots.repr.set(Some(function_repr));
    func.slots
        .call
        .set(Some(|vm, f, args| vm.call_with_args(f, args)));
    func.slots.getattro.set(Some(function_getattro));
    func.slots
        .setattro
        .set(Some(crate::objects::function::function_setattro));
    let bf = ty(&types.builtin_function);
    bf.slots.repr.set(Some(builtin_repr));
    bf.slots.call.set(Some(builtin_call));
    let md = ty(&types.method_descriptor);
    md.slots.call.set(Some(method_descr_call));
    md.slots.repr.set(Some(method_descr_repr));
    let m = ty(&types.module);
    m.slots.repr.set(Some(module_repr));
    m.slots
        .getattro
        .set(Some(|vm, m, n| vm.module_getattr(m, n)));
    m.slots.setattro.set(Some(module_setattro));
    let code = ty(&types.code);
    code.slots.repr.set(Some(code_repr));

    install_object_methods(vm);
    crate::objects::object_type::install(vm);
    crate::objects::getset::install(vm);
    // Every type is hashable by identity unless it says otherwise (CPython inherits
    // object.__hash__); the mutable containers and slices are not hashable.
    let unhashable = [
        vm.types.list.clone(),
        vm.types.dict.clone(),
        vm.types.set.clone(),
        vm.types.slice.clone(),
        vm.types.dict_keys.clone(),
        vm.types.dict_values.clone(),
        vm.types.dict_items.clone(),
    ];
    for t in crate::vm::types::all_types(vm) {
        let tt = as_type(&t);
        if tt.slots.hash.get().is_none() && !unhashable.iter().any(|u| u.is(&t)) {
            tt.slots.hash.set(Some(object_hash));
        }
    }
    let rt = vm.types.range.clone();
    crate::vm::types::add_method(vm, &rt, "index", |vm, r, a| {
        let p = a.exact(vm, "index", 1, 1)?;
        let d = iter::range_data(vm, r).expect("range");
        let (start, step, len) = (d.start, d.step, d.len);
        if let Some(x) = int::as_small(&p[0]) {
            let off = x - start;
            if off % step == 0 && (0..len as i64).contains(&(off / step)) {
                return vm.new_int(off / step);
            }
        }
        let r = vm.repr_string(&p[0])?;
        Err(vm.value_error(format!("{r} is not in range")))
    });
    crate::vm::types::add_method(vm, &rt, "count", |vm, r, a| {
        let p = a.exact(vm, "count", 1, 1)?;
        let n = range_contains(vm, r, &p[0])?;
        vm.new_int(n as i64)
    });
    str_type::install(vm);
    crate::objects::bytes::install(vm);
    crate::objects::set::install(vm);
    crate::objects::descr::install(vm);
    crate::objects::member::install(vm);
    crate::objects::generator::install(vm);
    crate::objects::traverse::install(vm);
    crate::objects::weakref::install(vm);
    crate::objects::weakproxy::install(vm);
    list_type::install(vm);
    crate::objects::dict_type::install(vm);
    exc_type::install(vm);
    crate::objects::bytes_codecs::install(vm);
    crate::objects::slice_type::install(vm);
    crate::objects::object_type::set_builtin_docs(vm);
}

/// `object.__init__`, `object.__repr__` and friends, so that `super().__init__()` and explicit
/// `object.__repr__(x)` calls work; also `BaseException.__init__`/`__str__`/`__repr__`.
fn install_object_methods(vm: &mut Vm) {
    use crate::vm::types::add_method;
    let o = vm.types.object.clone();
    let ty = vm.types.type_.clone();
    add_method(vm, &ty, "mro", |vm, cls, a| {
        a.exact(vm, "type.mro", 0, 0)?;
        let items = match as_type(cls).mro.get() {
            Some(m) => tuple::items(&m).to_vec(),
            None => vec![cls.clone()],
        };
        vm.new_list(items)
    });
    add_method(vm, &o, "__init__", |vm, _this, _a| Ok(vm.none.clone()));
    add_method(vm, &o, "__getattribute__", |vm, this, a| {
        let p = a.exact(vm, "__getattribute__", 1, 1)?;
        let Some(name) = pystr::try_as_str(&p[0]).map(|s| s.to_string()) else {
            return Err(vm.type_error(format!(
                "attribute name must be string, not '{}'",
                p[0].ty().name()
            )));
        };
        let name = vm.intern(&name);
        if crate::objects::class::is_heap_type(this.ty()) {
            return crate::objects::class_slots::object_getattribute(vm, this, &name);
        }
        vm.getattr(this, &name)
    });
    // `super().__init_subclass__(**kw)` ends here (called on the new class).
    add_method(vm, &o, "__init_subclass__", |vm, cls, a| {
        if a.n_kw() > 0 {
            let n = try_as_type(cls).map_or("object", |t| t.name()).to_string();
            return Err(vm.type_error(format!(
                "{n}.__init_subclass__() takes no keyword arguments"
            )));
        }
        a.exact(vm, "object.__init_subclass__", 0, 0)?;
        Ok(vm.none.clone())
    });
    add_method(vm, &o, "__repr__", |vm, this, _a| object_repr(vm, this));
    add_method(vm, &o, "__str__", |vm, this, _a| vm.str(this));
    add_method(vm, &o, "__hash__", |vm, this, _a| {
        let h = object_hash(vm, this)?;
        vm.new_int(h)
    });
    add_method(vm, &o, "__eq__", |vm, this, a| {
        let p = a.exact(vm, "__eq__", 1, 1)?;
        Ok(if this.is(&p[0]) {
            vm.true_obj.clone()
        } else {
            vm.not_implemented.clone()
        })
    });
    add_method(vm, &o, "__ne__", |vm, this, a| {
        let p = a.exact(vm, "__ne__", 1, 1)?;
        // CPython: the type's own `__eq__` slot, inverted; never the reflected operand's.
        let Some(eq) = this.ty().slots.richcompare.get() else {
            return Ok(vm.not_implemented.clone());
        };
        let r = eq(vm, this, &p[0], CompareOp::Eq)?;
        if r.is(&vm.not_implemented) {
            return Ok(r);
        }
        let t = vm.is_true(&r)?;
        Ok(vm.new_bool(!t))
    });
    add_method(vm, &o, "__setattr__", |vm, this, a| {
        let p = a.exact(vm, "__setattr__", 2, 2)?;
        crate::objects::class::generic_setattr(vm, this, &p[0], Some(p[1].clone()))?;
        Ok(vm.none.clone())
    });
    add_method(vm, &o, "__delattr__", |vm, this, a| {
        let p = a.exact(vm, "__delattr__", 1, 1)?;
        crate::objects::class::generic_setattr(vm, this, &p[0], None)?;
        Ok(vm.none.clone())
    });
    add_method(vm, &o, "__getattribute__", |vm, this, a| {
        let p = a.exact(vm, "__getattribute__", 1, 1)?;
        vm.generic_getattr(this, &p[0])
    });
    let new = vm
        .new_builtin("__new__", |vm, a| {
            let Some((cls, rest)) = a.pos().split_first() else {
                return Err(vm.type_error("object.__new__(): not enough arguments".into()));
            };
            if try_as_type(cls).is_none() {
                return Err(vm.type_error(format!(
                    "object.__new__(X): X is not a type object ({})",
                    cls.ty().name()
                )));
            }
            // Only `object`, classes and exceptions have the layouts `alloc_instance` makes; a
            // built-in type such as int or weakref.ref must not get one (its dealloc would
            // free the wrong layout).
            let ct = as_type(cls);
            if std::ptr::eq(ct, as_type(&vm.types.object)) {
                return crate::objects::pybox::new_box(ct, (), false)
                    .map_err(|_| vm.memory_error());
            }
            if !crate::objects::class::is_heap_type(ct)
                && !ct.has_flag(crate::objects::typeobj::flags::BASE_EXC_SUBCLASS)
                && !cls.is(&vm.types.weakref)
            {
                let n = ct.name().to_string();
                return Err(vm.type_error(format!(
                    "object.__new__({n}) is not safe, use {n}.__new__()"
                )));
            }
            // A class deriving from list, dict, int, mmap ... has the built-in's payload, which
            // only the built-in's constructor can fill in.
            if crate::objects::builtin_subclass::kind_of(vm, ct).is_some() {
                let n = ct.name().to_string();
                return Err(vm.type_error(format!(
                    "object.__new__({n}) is not safe, use {n}.__new__()"
                )));
            }
            crate::objects::class::alloc_instance(vm, cls, rest)
        })
        .expect("startup");
    let sm = vm.new_staticmethod(new).expect("startup");
    let d = as_type(&o).dict.get().expect("type dict");
    vm.dict_set_str(&d, "__new__", sm).expect("startup");
    let e = vm.types.exc.base_exception.clone();
    add_method(vm, &e, "__init__", |vm, this, a| {
        let t = vm.new_tuple(a.pos().to_vec())?;
        crate::objects::exception::exc_data(this).args.set(Some(t));
        Ok(vm.none.clone())
    });
    add_method(vm, &e, "__str__", |vm, this, _a| {
        let f = as_type(&vm.types.exc.base_exception)
            .slots
            .str
            .get()
            .expect("exc str");
        f(vm, this)
    });
    add_method(vm, &e, "__repr__", |vm, this, _a| {
        let f = as_type(&vm.types.exc.base_exception)
            .slots
            .repr
            .get()
            .expect("exc repr");
        f(vm, this)
    });
    add_method(vm, &e, "with_traceback", |vm, this, a| {
        let p = a.exact(vm, "with_traceback", 1, 1)?;
        let tb = Some(p[0].clone()).filter(|t| !t.is(&vm.none));
        crate::objects::exception::exc_data(this).traceback.set(tb);
        Ok(this.clone())
    });
}

fn self_iter(_vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}

/// `<module.QualName object at 0x...>`, without the module for built-in types (as CPython).
fn object_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let t = o.ty();
    let s = match type_module(vm, t) {
        Some(m) if m != "builtins" => format!("<{m}.{} object at {:#x}>", t.qualname, o.addr()),
        _ => format!("<{} object at {:#x}>", t.name(), o.addr()),
    };
    vm.new_str(&s)
}

/// The default hash: derived from the address, as CPython's `id`-based hash.
fn object_hash(_vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    let a = o.addr();
    Ok(((a >> 4) | (a << (usize::BITS - 4))) as i64 & i64::MAX)
}

fn object_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    match op {
        CompareOp::Eq if a.is(b) => Ok(vm.true_obj.clone()),
        CompareOp::Ne if a.is(b) => Ok(vm.false_obj.clone()),
        _ => Ok(vm.not_implemented.clone()),
    }
}

fn object_new(vm: &mut Vm, cls: &Obj, args: Args) -> PyResult<Obj> {
    if !args.values.is_empty() && cls.is(&vm.types.object) {
        return Err(vm.type_error("object() takes no arguments".into()));
    }
    args.exact(vm, "object", 0, 0)?;
    crate::objects::pybox::new_box(as_type(cls), (), false).map_err(|_| vm.memory_error())
}

fn bool_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let pos = args.exact(vm, "bool", 0, 1)?;
    match pos.first() {
        Some(v) => {
            let t = vm.is_true(v)?;
            Ok(vm.new_bool(t))
        }
        None => Ok(vm.false_obj.clone()),
    }
}

/// Calling a type: `type(x)`, or construction through the type's `new` slot.
fn type_call(vm: &mut Vm, cls: &Obj, args: Args) -> PyResult<Obj> {
    let t = as_type(cls);
    if std::ptr::eq(t, as_type(&vm.types.type_)) {
        let pos = args.pos();
        if pos.len() == 1 && args.n_kw() == 0 {
            return Ok(pos[0].ty().to_obj());
        }
        if pos.len() == 3 {
            let Some(name) = pystr::try_as_str(&pos[0]).map(str::to_string) else {
                return Err(vm.type_error(format!(
                    "type.__new__() argument 1 must be str, not {}",
                    pos[0].ty().name()
                )));
            };
            let bases = match tuple::try_items(&pos[1]) {
                Some(b) => b.to_vec(),
                None => {
                    return Err(vm.type_error(format!(
                        "type.__new__() argument 2 must be tuple, not {}",
                        pos[1].ty().name()
                    )))
                }
            };
            if !dict::is_dict(&pos[2]) {
                return Err(vm.type_error(format!(
                    "type.__new__() argument 3 must be dict, not {}",
                    pos[2].ty().name()
                )));
            }
            let cls = crate::objects::class::new_class(vm, &name, bases, &pos[2])?;
            crate::objects::class::finish_class(vm, &cls, &[])?;
            return Ok(cls);
        }
        return Err(vm.type_error("type() takes 1 or 3 arguments".into()));
    }
    if crate::objects::class::is_heap_type(t) {
        return crate::objects::class::heap_type_call(vm, cls, args);
    }
    match t.slots.new.get() {
        Some(new) => new(vm, cls, args),
        None => {
            if t.has_flag(crate::objects::typeobj::flags::BASE_EXC_SUBCLASS) {
                return exc_type::exception_new(vm, cls, args);
            }
            Err(vm.type_error(format!("cannot create '{}' instances", t.name())))
        }
    }
}

fn type_repr(vm: &mut Vm, cls: &Obj) -> PyResult<Obj> {
    let t = as_type(cls);
    let module = type_module(vm, t);
    let s = match module {
        // Built-in types print their tp_name ("weakref.ReferenceType", "int").
        Some(_) if !crate::objects::class::is_heap_type(t) => format!("<class '{}'>", t.name()),
        Some(m) if m != "builtins" => format!("<class '{m}.{}'>", t.qualname),
        _ => format!("<class '{}'>", t.qualname),
    };
    vm.new_str(&s)
}

/// A built-in type's `__name__`: its tp_name after the last dot.
fn short_name(t: &TypeObject) -> &str {
    if crate::objects::class::is_heap_type(t) {
        return t.name();
    }
    t.name().rsplit('.').next().unwrap_or_default()
}

/// A type's `__module__`: from its namespace for classes, `builtins` otherwise.
pub fn type_module(vm: &mut Vm, t: &TypeObject) -> Option<String> {
    if !crate::objects::class::is_heap_type(t) {
        // A built-in type named "module.Name" (CPython's tp_name convention) lives there.
        let m = t.name().rsplit_once('.').map_or("builtins", |(m, _)| m);
        return Some(m.into());
    }
    let k = vm.intern("__module__");
    let d = t.dict.get()?;
    let m = dict::data(&d).get_str(&k)?;
    pystr::try_as_str(&m).map(str::to_string)
}

fn type_setattro(vm: &mut Vm, cls: &Obj, name: &Obj, v: Option<Obj>) -> PyResult<()> {
    let t = as_type(cls);
    if !crate::objects::class::is_heap_type(t) {
        let n = pystr::as_str(name).to_string();
        return Err(vm.type_error(format!(
            "cannot set '{n}' attribute of immutable type '{}'",
            t.name()
        )));
    }
    // Data descriptors of `type` itself (CPython's `type.__bases__` and `object.__class__`).
    match pystr::as_str(name) {
        "__bases__" => return crate::objects::class_assign::set_bases(vm, cls, v),
        "__class__" => return crate::objects::class_assign::set_class(vm, cls, v),
        _ => {}
    }
    let d = t.dict.get().expect("type dict");
    match v {
        Some(v) => vm.dict_set(&d, name.clone(), v)?,
        None => {
            if dict::data(&d).remove(vm, name)?.is_none() {
                let n = pystr::as_str(name).to_string();
                return Err(vm.attribute_error(format!(
                    "type object '{}' has no attribute '{n}'",
                    t.name()
                )));
            }
        }
    }
    if pystr::as_str(name).starts_with("__") {
        crate::objects::class_slots::fixup_slots(vm, cls);
        // Subclasses that exist already inherit the hook too (CPython's update_slot walks
        // `__subclasses__`); bases are redone before their own subclasses.
        for sub in crate::heap::census::live_subclasses(cls) {
            crate::objects::class_slots::fixup_slots(vm, &sub);
        }
    }
    Ok(())
}

fn type_getattro(vm: &mut Vm, cls: &Obj, name: &Obj) -> PyResult<Obj> {
    let t = as_type(cls);
    match pystr::as_str(name) {
        "__name__" => {
            let n = short_name(t).to_string();
            return vm.new_str(&n);
        }
        "__qualname__" if !crate::objects::class::is_heap_type(t) => {
            let n = short_name(t).to_string();
            return vm.new_str(&n);
        }
        "__qualname__" => {
            let n = t.qualname.clone();
            return vm.new_str(&n);
        }
        "__mro__" => return Ok(t.mro.get().unwrap_or_else(|| vm.empty_tuple.clone())),
        "__bases__" => return Ok(t.bases.get().unwrap_or_else(|| vm.empty_tuple.clone())),
        "__base__" => return Ok(t.base.get().unwrap_or_else(|| vm.none.clone())),
        "__dict__" => return Ok(t.dict.get().unwrap_or_else(|| vm.none.clone())),
        "__module__" => {
            let m = type_module(vm, t).unwrap_or_else(|| "builtins".into());
            return vm.new_str(&m);
        }
        // A built-in type's own docstring (None for most), never one inherited.
        "__doc__" if !crate::objects::class::is_heap_type(t) => {
            let own = t.dict.get().and_then(|d| dict::data(&d).get_str(name));
            return Ok(own.unwrap_or_else(|| vm.none.clone()));
        }
        _ => {}
    }
    if let Some(v) = vm.lookup_type_attr(t, name) {
        return crate::objects::descr::descr_get(vm, &v, None, cls);
    }
    // Then the metatype's attributes, bound to the class (`C.mro()`).
    if let Some(v) = vm.lookup_type_attr(cls.ty(), name) {
        return crate::objects::descr::descr_get(vm, &v, Some(cls), &cls.ty().to_obj());
    }
    if pystr::as_str(name) == "__doc__" {
        return Ok(vm.none.clone());
    }
    let n = pystr::as_str(name).to_string();
    Err(vm.attribute_error(format!("type object '{}' has no attribute '{n}'", t.name())))
}

fn range_getitem(vm: &mut Vm, r: &Obj, key: &Obj) -> PyResult<Obj> {
    let d = iter::range_data(vm, r).expect("range");
    let (start, step, len) = (d.start, d.step, d.len);
    if let Some(s) = crate::objects::seq::resolve_slice(vm, key, len)? {
        // i128 keeps the arithmetic exact at the i64 extremes.
        let new_start = start as i128 + s.start as i128 * step as i128;
        let new_step = step as i128 * s.step as i128;
        let new_stop = new_start + s.len as i128 * new_step;
        let fit = |v: i128| i64::try_from(v).ok();
        return match (fit(new_start), fit(new_stop), fit(new_step)) {
            (Some(a), Some(b), Some(c)) => vm.new_range(a, b, c),
            _ => Err(vm.overflow_error("Python int too large to convert to C long".into())),
        };
    }
    if int::as_int(key).is_none() {
        if let Some(k) = crate::objects::seq::index_key(vm, key)? {
            return range_getitem(vm, r, &k);
        }
        return Err(vm.type_error(format!(
            "range indices must be integers or slices, not {}",
            key.ty().name()
        )));
    }
    match crate::objects::seq::normalize_index(vm, key, len)? {
        Some(i) => vm.new_int((start as i128 + step as i128 * i as i128) as i64),
        None => Err(vm.index_error("range object index out of range".into())),
    }
}

/// The (length, first, step) triple that decides range equality, with CPython's rule that
/// empty ranges are all equal and one-item ranges ignore the step.
fn range_key(d: &iter::RangeData) -> (usize, Option<i64>, Option<i64>) {
    match d.len {
        0 => (0, None, None),
        1 => (1, Some(d.start), None),
        n => (n, Some(d.start), Some(d.step)),
    }
}

fn range_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented.clone());
    }
    let (Some(x), Some(y)) = (iter::range_data(vm, a), iter::range_data(vm, b)) else {
        return Ok(vm.not_implemented.clone());
    };
    let eq = range_key(x) == range_key(y);
    Ok(vm.new_bool(eq == (op == CompareOp::Eq)))
}

fn range_hash(vm: &mut Vm, r: &Obj) -> PyResult<i64> {
    let (n, start, step) = range_key(iter::range_data(vm, r).expect("range"));
    let n = vm.new_usize(n)?;
    let start = match start {
        Some(s) => vm.new_int(s)?,
        None => vm.none.clone(),
    };
    let step = match step {
        Some(s) => vm.new_int(s)?,
        None => vm.none.clone(),
    };
    let t = vm.new_tuple(vec![n, start, step])?;
    vm.hash(&t)
}

fn range_contains(vm: &mut Vm, r: &Obj, v: &Obj) -> PyResult<bool> {
    let d = iter::range_data(vm, r).expect("range");
    if let Some(x) = int::as_small(v) {
        if d.len == 0 {
            return Ok(false);
        }
        let off = x as i128 - d.start as i128;
        let in_bounds = if d.step > 0 {
            x >= d.start && x < d.stop
        } else {
            x <= d.start && x > d.stop
        };
        return Ok(in_bounds && off % d.step as i128 == 0);
    }
    let (start, step, len) = (d.start, d.step, d.len);
    for i in 0..len {
        let item = vm.new_int((start as i128 + step as i128 * i as i128) as i64)?;
        if vm.eq(&item, v)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn slice_repr(vm: &mut Vm, s: &Obj) -> PyResult<Obj> {
    let d = simple::slice_data(vm, s).expect("slice");
    let (a, b, c) = (d.start.clone(), d.stop.clone(), d.step.clone());
    let (a, b, c) = (
        vm.repr_string(&a)?,
        vm.repr_string(&b)?,
        vm.repr_string(&c)?,
    );
    vm.new_str(&format!("slice({a}, {b}, {c})"))
}

fn function_repr(vm: &mut Vm, f: &Obj) -> PyResult<Obj> {
    let q = func_data(f).qualname.get();
    let q = q.map(|q| pystr::as_str(&q).to_string()).unwrap_or_default();
    vm.new_str(&format!("<function {q} at {:#x}>", f.addr()))
}

fn function_getattro(vm: &mut Vm, f: &Obj, name: &Obj) -> PyResult<Obj> {
    let d = func_data(f);
    let v = match pystr::as_str(name) {
        "__name__" => d.name.get(),
        "__qualname__" => d.qualname.get(),
        "__doc__" => Some(d.doc.get().unwrap_or_else(|| vm.none.clone())),
        "__module__" => Some(d.module.get().unwrap_or_else(|| vm.none.clone())),
        "__defaults__" => Some(d.defaults.get().unwrap_or_else(|| vm.none.clone())),
        "__kwdefaults__" => Some(d.kwdefaults.get().unwrap_or_else(|| vm.none.clone())),
        "__closure__" => Some(d.closure.get().unwrap_or_else(|| vm.none.clone())),
        "__globals__" => Some(d.globals.clone()),
        "__code__" => Some(d.code.clone()),
        "__dict__" => Some(crate::objects::function::function_dict(vm, f)?),
        _ => None,
    };
    match v {
        Some(v) => Ok(v),
        None => vm.generic_getattr(f, name),
    }
}

fn builtin_repr(vm: &mut Vm, f: &Obj) -> PyResult<Obj> {
    let d = builtin_data(f);
    let s = match &d.kind {
        BuiltinKind::Function(_) => format!("<built-in function {}>", d.name),
        BuiltinKind::Bound(_, this) => format!(
            "<built-in method {} of {} object at {:#x}>",
            d.name,
            this.ty().name(),
            this.addr()
        ),
    };
    vm.new_str(&s)
}

fn builtin_call(vm: &mut Vm, f: &Obj, args: Args) -> PyResult<Obj> {
    match &builtin_data(f).kind {
        BuiltinKind::Function(func) => func(vm, args),
        BuiltinKind::Bound(m, this) => {
            let this = this.clone();
            m(vm, &this, args)
        }
    }
}

fn method_descr_call(vm: &mut Vm, f: &Obj, args: Args) -> PyResult<Obj> {
    let d = method_descr_data(f);
    let Some((this, rest)) = args.values.split_first() else {
        return Err(vm.type_error(format!("unbound method {}() needs an argument", d.name)));
    };
    // SAFETY: the owner type is a built-in type that lives as long as the interpreter.
    let owner = unsafe { &*d.owner };
    if !this.ty().is_subtype(owner) {
        return Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.name,
            owner.name(),
            this.ty().name()
        )));
    }
    let func = d.func;
    func(vm, this, Args::with_kwnames(rest, args.kwnames))
}

fn method_descr_repr(vm: &mut Vm, f: &Obj) -> PyResult<Obj> {
    let d = method_descr_data(f);
    // SAFETY: the owner type lives as long as the interpreter.
    let owner = unsafe { &*d.owner };
    vm.new_str(&format!(
        "<method '{}' of '{}' objects>",
        d.name,
        owner.name()
    ))
}

fn module_repr(vm: &mut Vm, m: &Obj) -> PyResult<Obj> {
    let r = vm.module_repr_string(m);
    vm.new_str(&r)
}

fn module_setattro(vm: &mut Vm, m: &Obj, name: &Obj, v: Option<Obj>) -> PyResult<()> {
    let d = module::module_dict(m).clone();
    match v {
        Some(v) => vm.dict_set(&d, name.clone(), v),
        None => {
            if dict::data(&d).remove(vm, name)?.is_none() {
                let mname = vm.module_name(m);
                let n = pystr::as_str(name).to_string();
                return Err(vm.attribute_error(format!("module '{mname}' has no attribute '{n}'")));
            }
            Ok(())
        }
    }
}

fn code_repr(vm: &mut Vm, c: &Obj) -> PyResult<Obj> {
    let d = crate::objects::code::code_data(c);
    let s = format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        d.name,
        c.addr(),
        d.filename,
        d.firstlineno
    );
    vm.new_str(&s)
}

/// Whether `obj` is an instance of `cls` (a type or a tuple of types).
pub fn isinstance(vm: &mut Vm, obj: &Obj, cls: &Obj) -> PyResult<bool> {
    if let Some(items) = tuple::try_items(cls) {
        for c in items {
            if isinstance(vm, obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    match try_as_type(cls) {
        Some(t) if obj.ty().is_subtype(t) => Ok(true),
        // CPython falls back to `obj.__class__`; that differs from the type for proxies.
        Some(t) if crate::objects::weakproxy::is_proxy(vm, obj) => {
            let c = vm.getattr_str(obj, "__class__")?;
            Ok(try_as_type(&c).is_some_and(|c| c.is_subtype(t)))
        }
        Some(_) => Ok(false),
        None => Err(
            vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union".into())
        ),
    }
}
