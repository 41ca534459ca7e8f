//! The rest of `object`'s namespace (CPython 3.11's `object.__dict__`): `__format__`, the
//! ordering comparisons, `__sizeof__`, `__dir__`, `__reduce_ex__`/`__reduce__`,
//! `__getstate__`, `__subclasshook__`, `__doc__` and the `__class__` descriptor; also
//! `type.__dir__` and `module.__dir__`, which `dir()` reaches through `type(x).__dir__`, and
//! the `__format__` methods of int, float and str. `slots::install_object_methods` holds the
//! older half (`__init__`, `__repr__`, `__eq__`, `__setattr__`, `__new__` ...).
//!
//! Invariant: after `install`, `object.__dict__` lists its 24 names in CPython's order, so
//! `list(object.__dict__)` and the unsorted `x.__dir__()` come out as CPython's do.

use crate::heap::header::GC_HEADER_SIZE;
use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::typeobj::{as_type, try_as_type};
use crate::objects::{dict, module, str as pystr, tuple};
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

const OBJECT_DOC: &str = "The base class of the class hierarchy.\n\nWhen called, it accepts no \
arguments and returns a new featureless\ninstance that has no instance attributes and cannot be \
given any.\n";

/// `object.__dict__` in CPython 3.11, in order.
const OBJECT_ORDER: [&str; 24] = [
    "__new__",
    "__repr__",
    "__hash__",
    "__str__",
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__lt__",
    "__le__",
    "__eq__",
    "__ne__",
    "__gt__",
    "__ge__",
    "__init__",
    "__reduce_ex__",
    "__reduce__",
    "__getstate__",
    "__subclasshook__",
    "__init_subclass__",
    "__format__",
    "__sizeof__",
    "__dir__",
    "__class__",
    "__doc__",
];

pub fn install(vm: &mut Vm) {
    let o = vm.types.object.clone();
    add_method(vm, &o, "__format__", object_format);
    add_method(vm, &o, "__lt__", |vm, _, a| not_implemented(vm, a));
    add_method(vm, &o, "__le__", |vm, _, a| not_implemented(vm, a));
    add_method(vm, &o, "__gt__", |vm, _, a| not_implemented(vm, a));
    add_method(vm, &o, "__ge__", |vm, _, a| not_implemented(vm, a));
    add_method(vm, &o, "__sizeof__", |vm, this, a| {
        a.exact(vm, "object.__sizeof__", 0, 0)?;
        vm.new_usize(basic_sizeof(vm, this))
    });
    add_method(vm, &o, "__dir__", |vm, this, a| {
        a.exact(vm, "object.__dir__", 0, 0)?;
        object_dir(vm, this)
    });
    add_method(vm, &o, "__reduce_ex__", object_reduce_ex);
    add_method(vm, &o, "__reduce__", |vm, this, a| {
        a.exact(vm, "object.__reduce__", 0, 0)?;
        Err(no_copyreg(vm, this))
    });
    add_method(vm, &o, "__getstate__", |vm, this, a| {
        a.exact(vm, "object.__getstate__", 0, 0)?;
        object_getstate(vm, this)
    });
    // A class method that accepts anything and declines (`abc` classes override it).
    let hook = vm
        .new_builtin("__subclasshook__", |vm, _a| Ok(vm.not_implemented.clone()))
        .expect("startup");
    let hook = vm.new_classmethod(hook).expect("startup");
    let class = vm
        .new_getset(
            &o,
            "__class__",
            "the object's class",
            |_, this| Ok(this.ty().to_obj()),
            Some(crate::objects::class_assign::set_class),
        )
        .expect("startup");
    let doc = vm.new_str(OBJECT_DOC).expect("startup");
    let d = as_type(&o).dict.get().expect("type dict");
    vm.dict_set_str(&d, "__subclasshook__", hook)
        .expect("startup");
    vm.dict_set_str(&d, "__class__", class).expect("startup");
    vm.dict_set_str(&d, "__doc__", doc).expect("startup");
    reorder(vm, &d);

    let ty = vm.types.type_.clone();
    add_method(vm, &ty, "__dir__", |vm, cls, a| {
        a.exact(vm, "type.__dir__", 0, 0)?;
        let d = vm.new_dict()?;
        merge_class_dict(vm, &d, cls)?;
        vm.new_list(dict::data(&d).keys())
    });
    let m = vm.types.module.clone();
    add_method(vm, &m, "__dir__", |vm, this, a| {
        a.exact(vm, "module.__dir__", 0, 0)?;
        let d = module::module_dict(this).clone();
        // PEP 562: a module-level `__dir__` function answers for the module.
        let k = vm.intern("__dir__");
        match dict::data(&d).get_str(&k) {
            Some(f) => vm.call(&f, &[]),
            None => vm.new_list(dict::data(&d).keys()),
        }
    });
    for t in [
        vm.types.int.clone(),
        vm.types.float.clone(),
        vm.types.str.clone(),
    ] {
        add_method(vm, &t, "__format__", |vm, this, a| {
            let p = a.exact(vm, "__format__", 1, 1)?;
            let spec = format_spec_arg(vm, &p[0])?;
            vm.format(this, Some(&spec))
        });
    }
}

/// Puts `object.__dict__` in CPython's order (the methods were added in another order).
fn reorder(vm: &mut Vm, d: &Obj) {
    let items = dict::data(d).items();
    drop(dict::data(d).clear());
    let rank = |k: &Obj| {
        let s = pystr::try_as_str(k).unwrap_or_default();
        OBJECT_ORDER
            .iter()
            .position(|n| *n == s)
            .unwrap_or(OBJECT_ORDER.len())
    };
    let mut items = items;
    items.sort_by_key(|(k, _)| rank(k));
    for (k, v) in items {
        vm.dict_set(d, k, v).expect("startup");
    }
}

fn format_spec_arg(vm: &mut Vm, spec: &Obj) -> PyResult<Obj> {
    if pystr::is_str(spec) {
        return Ok(spec.clone());
    }
    Err(vm.type_error(format!(
        "__format__() argument must be str, not {}",
        spec.ty().name()
    )))
}

/// `object.__format__(self, spec)`: `str(self)` for an empty spec, TypeError otherwise.
fn object_format(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "object.__format__", 1, 1)?;
    let spec = format_spec_arg(vm, &p[0])?;
    if !pystr::as_str(&spec).is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            this.ty().name()
        )));
    }
    vm.str(this)
}

/// `object.__lt__` and the other orderings: never decided by `object`.
fn not_implemented(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    a.no_kwargs(vm, "comparison")?;
    let n = a.pos().len();
    if n != 1 {
        return Err(vm.type_error(format!("expected 1 argument, got {n}")));
    }
    Ok(vm.not_implemented.clone())
}

/// What `object.__sizeof__` reports: the size `sys.getsizeof` computes without the GC header
/// (so `sys.getsizeof(x) == x.__sizeof__() + 16` for GC-tracked objects, as in CPython).
pub fn basic_sizeof(vm: &Vm, obj: &Obj) -> usize {
    let gc = if obj.ty().has_gc() { GC_HEADER_SIZE } else { 0 };
    crate::objects::sizeof::sizeof(vm, obj) - gc
}

/// `object.__dir__(self)`: the keys of a copy of `self.__dict__`, then of the class
/// namespaces reachable from `self.__class__` (CPython's `object___dir___impl`).
fn object_dir(vm: &mut Vm, this: &Obj) -> PyResult<Obj> {
    let d = vm.new_dict()?;
    if let Some(own) = lookup_attr(vm, this, "__dict__")? {
        if dict::is_dict(&own) {
            for (k, v) in dict::data(&own).items() {
                vm.dict_set(&d, k, v)?;
            }
        }
    }
    if let Some(cls) = lookup_attr(vm, this, "__class__")? {
        merge_class_dict(vm, &d, &cls)?;
    }
    vm.new_list(dict::data(&d).keys())
}

/// `getattr(obj, name)`, with None for an AttributeError (CPython's `_PyObject_LookupAttr`).
fn lookup_attr(vm: &mut Vm, obj: &Obj, name: &str) -> PyResult<Option<Obj>> {
    let n = vm.intern(name);
    match vm.getattr(obj, &n) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.err_matches(&e, &vm.types.exc.attribute_error.clone()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Adds the namespace of `cls` and, recursively, of its `__bases__` to the dict `d`.
fn merge_class_dict(vm: &mut Vm, d: &Obj, cls: &Obj) -> PyResult<()> {
    let Some(t) = try_as_type(cls) else {
        return Ok(());
    };
    if let Some(ns) = t.dict.get() {
        for (k, v) in dict::data(&ns).items() {
            vm.dict_set(d, k, v)?;
        }
    }
    let bases = t.bases.get();
    for b in bases.as_ref().map_or(&[][..], |b| tuple::items(b)) {
        merge_class_dict(vm, d, b)?;
    }
    Ok(())
}

/// The TypeError for a reduction that needs the `copyreg` module: CPython builds the result
/// from `copyreg.__newobj__` or `copyreg._reconstructor`, and Pyrena has no such module, so
/// it refuses rather than return a tuple that names functions that do not exist.
fn no_copyreg(vm: &mut Vm, this: &Obj) -> crate::vm::PyErr {
    vm.type_error(format!(
        "cannot reduce '{}' object: Pyrena has no copyreg module",
        this.ty().name()
    ))
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` decides (CPython's rule);
/// otherwise the copyreg-based default, which Pyrena cannot provide (see `no_copyreg`).
fn object_reduce_ex(vm: &mut Vm, this: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "object.__reduce_ex__", 1, 1)?;
    vm.index_i64(&p[0])?;
    let name = vm.intern("__reduce__");
    let object_reduce = {
        let d = as_type(&vm.types.object).dict.get().expect("type dict");
        dict::data(&d).get_str(&name)
    };
    let class_reduce = vm.lookup_type_attr(this.ty(), &name);
    let overridden = match (&class_reduce, &object_reduce) {
        (Some(c), Some(o)) => !c.is(o),
        (c, _) => c.is_some(),
    };
    if overridden {
        let reduce = vm.getattr(this, &name)?;
        return vm.call(&reduce, &[]);
    }
    Err(no_copyreg(vm, this))
}

/// `object.__getstate__()` (CPython 3.11's `object_getstate_default` with `required=0`):
/// None when there is no instance state, the instance dict itself when there are no slots,
/// else `(dict_or_None, {slot: value})` for the slots that hold a value.
fn object_getstate(vm: &mut Vm, this: &Obj) -> PyResult<Obj> {
    let dict_empty = crate::objects::instance_attrs::keys(this).is_empty();
    let state = if dict_empty {
        vm.none.clone()
    } else {
        crate::objects::class::exposed_instance_dict(vm, this)?.expect("checked: has a dict")
    };
    let names = slot_names(vm, this.ty())?;
    if names.is_empty() {
        return Ok(state);
    }
    let slots = vm.new_dict()?;
    for n in names {
        match vm.getattr(this, &n) {
            Ok(v) => vm.dict_set(&slots, n, v)?,
            Err(e) if vm.err_matches(&e, &vm.types.exc.attribute_error.clone()) => {}
            Err(e) => return Err(e),
        }
    }
    if dict::data(&slots).is_empty() {
        return Ok(state);
    }
    vm.new_tuple(vec![state, slots])
}

/// `copyreg._slotnames(cls)`: the `__slots__` names of the classes on the MRO (mangled,
/// without `__dict__`/`__weakref__`), cached in `cls.__slotnames__` as CPython caches it.
fn slot_names(vm: &mut Vm, t: &crate::objects::typeobj::TypeObject) -> PyResult<Vec<Obj>> {
    let cached_key = vm.intern("__slotnames__");
    if let Some(d) = t.dict.get() {
        if let Some(c) = dict::data(&d).get_str(&cached_key) {
            if !c.is(&vm.none) {
                return vm.iterate(&c);
            }
        }
    }
    let slots_key = vm.intern("__slots__");
    let mut names = Vec::new();
    if vm.lookup_type_attr(t, &slots_key).is_some() {
        let mro = t.mro.get().map(|m| tuple::items(&m).to_vec());
        for c in mro.unwrap_or_default() {
            let ct = as_type(&c);
            let Some(slots) = ct
                .dict
                .get()
                .and_then(|d| dict::data(&d).get_str(&slots_key))
            else {
                continue;
            };
            let items = if pystr::is_str(&slots) {
                vec![slots]
            } else {
                vm.iterate(&slots)?
            };
            let stripped = ct.name().trim_start_matches('_').to_string();
            for n in items {
                let s = pystr::try_as_str(&n).unwrap_or_default();
                if s == "__dict__" || s == "__weakref__" {
                    continue;
                }
                if s.starts_with("__") && !s.ends_with("__") && !stripped.is_empty() {
                    names.push(vm.new_str(&format!("_{stripped}{s}"))?);
                } else {
                    names.push(n);
                }
            }
        }
    }
    // Built-in types refuse the attribute; copyreg ignores that, and so does this.
    let list = vm.new_list(names.clone())?;
    let cls = t.to_obj();
    let _ = vm.setattr(&cls, &cached_key, Some(list));
    Ok(names)
}

/// Gives every built-in type a `__doc__` entry (None where Pyrena has no docstring), as
/// CPython's `PyType_Ready` does, so instances never inherit `object`'s docstring.
pub fn set_builtin_docs(vm: &mut Vm) {
    for t in crate::vm::types::all_types(vm) {
        set_doc_if_missing(vm, &t);
    }
}

/// Puts `__doc__ = None` into the namespace of type `t` unless it has a `__doc__`.
pub fn set_doc_if_missing(vm: &mut Vm, t: &Obj) {
    let Some(d) = as_type(t).dict.get() else {
        return;
    };
    let k = vm.intern("__doc__");
    if dict::data(&d).get_str(&k).is_none() {
        let none = vm.none.clone();
        vm.dict_set(&d, k, none).expect("startup");
    }
}

#[cfg(test)]
mod tests {
    //! Snippets whose `assert`s check what CPython's output cannot show (the difftest
    //! programs cover the rest).
    use crate::Interpreter;

    fn check(src: &str) {
        let exit = Interpreter::new().run_main(src, "<test>");
        assert_eq!(exit.code, 0, "snippet failed:\n{src}");
    }

    #[test]
    fn reduce_without_copyreg_is_a_clear_type_error() {
        check(
            "class A: pass\n\
             for f in (lambda: A().__reduce_ex__(2), lambda: A().__reduce__(),\n\
                       lambda: object().__reduce_ex__(0)):\n\
             \x20   try:\n\
             \x20       f()\n\
             \x20   except TypeError as e:\n\
             \x20       assert 'no copyreg module' in str(e), e\n\
             \x20   else:\n\
             \x20       raise AssertionError('no error')\n",
        );
    }

    #[test]
    fn sizeof_is_getsizeof_without_the_gc_header() {
        check(
            "import sys\n\
             class A: pass\n\
             for x in (A(), [1, 2, 3], {'a': 1}, object(), 10**30, 'text', (1, 2)):\n\
             \x20   gc_header = 16 if type(x) in (A, list, dict, tuple) else 0\n\
             \x20   assert sys.getsizeof(x) == x.__sizeof__() + gc_header, x\n",
        );
    }

    #[test]
    fn object_dict_is_in_cpython_order() {
        check(
            "names = list(object.__dict__)\n\
             assert len(names) == 24 and names[0] == '__new__' and names[-1] == '__doc__'\n\
             assert names.index('__reduce_ex__') + 1 == names.index('__reduce__')\n",
        );
    }
}
