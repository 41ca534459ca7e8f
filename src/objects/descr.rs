//! Descriptors and bound methods: `method` (a function bound to an instance), `property`,
//! `staticmethod`, `classmethod`, and `super`. `descr_get`/`descr_set` implement the part of
//! the descriptor protocol attribute lookup needs.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::function::{is_function, method_descr_data};
use crate::objects::pybox::{new_box, payload};
use crate::objects::typeobj::{as_type, try_as_type};
use crate::objects::{code::code_data, dict, simple, str as pystr, tuple};
use crate::vm::{PyResult, Vm};

pub struct MethodData {
    /// Weak references to this bound method (cleared first when it dies).
    pub weaklist: crate::objects::weakref::WeakList,
    pub func: Obj,
    pub this: Obj,
}

pub struct PropertyData {
    pub fget: Obj,
    pub fset: Obj,
    pub fdel: Obj,
    pub doc: Obj,
    /// The attribute name the class body gave it (`__set_name__`), for error messages.
    pub name: crate::heap::ObjSlot,
}

pub struct SuperData {
    /// The class whose MRO successor is searched (`__thisclass__`).
    pub thisclass: Obj,
    /// The bound instance (or class, for classmethods).
    pub obj: Obj,
    /// The type whose MRO is searched.
    pub obj_type: Obj,
}

fn is_type(vm: &Vm, o: &Obj, t: &Obj) -> bool {
    let _ = vm;
    std::ptr::eq(o.type_ptr(), as_type(t))
}

impl Vm {
    pub fn new_method(&mut self, func: Obj, this: Obj) -> PyResult<Obj> {
        let ty = self.types.method.clone();
        new_box(
            as_type(&ty),
            MethodData {
                weaklist: Default::default(),
                func,
                this,
            },
            true,
        )
        .map_err(|_| self.memory_error())
    }

    pub fn new_staticmethod(&mut self, f: Obj) -> PyResult<Obj> {
        let ty = self.types.staticmethod.clone();
        new_box(as_type(&ty), f, true).map_err(|_| self.memory_error())
    }

    pub fn new_classmethod(&mut self, f: Obj) -> PyResult<Obj> {
        let ty = self.types.classmethod.clone();
        new_box(as_type(&ty), f, true).map_err(|_| self.memory_error())
    }
}

pub fn method_data(o: &Obj) -> &MethodData {
    assert_eq!(o.ty().name(), "method");
    // SAFETY: bound methods use the `PyBox<MethodData>` layout.
    unsafe { payload::<MethodData>(o) }
}

/// The function inside a staticmethod (or the object itself).
pub fn unwrap_static(o: &Obj) -> Obj {
    if o.ty().name() == "staticmethod" {
        // SAFETY: staticmethod objects use the `PyBox<Obj>` layout.
        return unsafe { payload::<Obj>(o) }.clone();
    }
    o.clone()
}

pub fn is_data_descriptor(vm: &mut Vm, a: &Obj) -> bool {
    if is_type(vm, a, &vm.types.property)
        || crate::objects::member::is_member(vm, a)
        || crate::objects::getset::is_getset(vm, a)
    {
        return true;
    }
    // An instance of a class defining __set__ or __delete__.
    crate::objects::class::is_heap_type(a.ty())
        && (user_dunder(vm, a, "__set__").is_some() || user_dunder(vm, a, "__delete__").is_some())
}

/// The dunder `name` defined in Python by the class of `a` (a user-defined descriptor).
fn user_dunder(vm: &mut Vm, a: &Obj, name: &str) -> Option<Obj> {
    let n = vm.intern(name);
    crate::objects::class_slots::lookup_python_attr(vm, a.ty(), &n)
}

/// Calls the user-defined descriptor method `f` found on `a`'s class.
fn call_user_dunder(vm: &mut Vm, f: &Obj, a: &Obj, args: &[Obj]) -> PyResult<Obj> {
    let bound = descr_get(vm, f, Some(a), &a.ty().to_obj())?;
    vm.call(&bound, args)
}

/// `attr.__get__(obj, owner)` for the descriptor kinds Pyrena has.
pub fn descr_get(vm: &mut Vm, a: &Obj, obj: Option<&Obj>, owner: &Obj) -> PyResult<Obj> {
    if is_function(vm, a) {
        return match obj {
            Some(o) => vm.new_method(a.clone(), o.clone()),
            None => Ok(a.clone()),
        };
    }
    if is_type(vm, a, &vm.types.property) {
        let Some(o) = obj else { return Ok(a.clone()) };
        // SAFETY: property objects use the `PyBox<PropertyData>` layout.
        let p = unsafe { payload::<PropertyData>(a) };
        if p.fget.is(&vm.none) {
            let n = property_name(a);
            return Err(vm.attribute_error(format!(
                "property {n}of '{}' object has no getter",
                o.ty().name()
            )));
        }
        let f = p.fget.clone();
        return vm.call(&f, std::slice::from_ref(o));
    }
    if crate::objects::member::is_member(vm, a) {
        return crate::objects::member::member_get(vm, a, obj);
    }
    if crate::objects::getset::is_getset(vm, a) {
        return crate::objects::getset::getset_get(vm, a, obj);
    }
    if is_type(vm, a, &vm.types.staticmethod) {
        return Ok(unwrap_static(a));
    }
    if is_type(vm, a, &vm.types.classmethod) {
        // SAFETY: classmethod objects use the `PyBox<Obj>` layout.
        let f = unsafe { payload::<Obj>(a) }.clone();
        return vm.new_method(f, owner.clone());
    }
    if crate::objects::slot_wrapper::is_wrapper_descr(vm, a) {
        if let Some(o) = obj {
            return vm.bind_slot_wrapper(a, o);
        }
    }
    if a.has_exact_type(&vm.types.method_descriptor) {
        if let Some(o) = obj {
            let d = method_descr_data(a);
            return vm.new_bound_builtin(d.name, d.func, o.clone());
        }
    }
    if crate::objects::class::is_heap_type(a.ty()) {
        if let Some(f) = user_dunder(vm, a, "__get__") {
            let o = obj.cloned().unwrap_or_else(|| vm.none.clone());
            return call_user_dunder(vm, &f, a, &[o, owner.clone()]);
        }
    }
    Ok(a.clone())
}

fn property_name(p: &Obj) -> String {
    // SAFETY: property objects use the `PyBox<PropertyData>` layout.
    let d = unsafe { payload::<PropertyData>(p) };
    // CPython names the property only when a class body gave it its name (`__set_name__`).
    d.name
        .get()
        .map(|n| format!("'{}' ", pystr::as_str(&n)))
        .unwrap_or_default()
}

/// `property.__set_name__`: remembers the attribute name for error messages.
pub fn set_property_name(vm: &Vm, p: &Obj, name: &Obj) -> bool {
    if !is_type(vm, p, &vm.types.property) || !pystr::is_str(name) {
        return false;
    }
    // SAFETY: property objects use the `PyBox<PropertyData>` layout.
    let d = unsafe { payload::<PropertyData>(p) };
    d.name.set(Some(name.clone()));
    true
}

pub fn descr_set(vm: &mut Vm, a: &Obj, obj: &Obj, value: Option<Obj>) -> PyResult<()> {
    if crate::objects::member::is_member(vm, a) {
        return crate::objects::member::member_set(vm, a, obj, value);
    }
    if crate::objects::getset::is_getset(vm, a) {
        return crate::objects::getset::getset_set(vm, a, obj, value);
    }
    if !is_type(vm, a, &vm.types.property) {
        // A user-defined data descriptor.
        let name = if value.is_some() {
            "__set__"
        } else {
            "__delete__"
        };
        let Some(f) = user_dunder(vm, a, name) else {
            return Err(vm.attribute_error(name.to_string()));
        };
        let mut args = vec![obj.clone()];
        args.extend(value);
        call_user_dunder(vm, &f, a, &args)?;
        return Ok(());
    }
    // SAFETY: the other data descriptors are properties, which use `PyBox<PropertyData>`.
    let p = unsafe { payload::<PropertyData>(a) };
    let (f, what) = match &value {
        Some(_) => (p.fset.clone(), "setter"),
        None => (p.fdel.clone(), "deleter"),
    };
    if f.is(&vm.none) {
        let n = property_name(a);
        return Err(vm.attribute_error(format!(
            "property {n}of '{}' object has no {what}",
            obj.ty().name()
        )));
    }
    match value {
        Some(v) => vm.call(&f, &[obj.clone(), v])?,
        None => vm.call(&f, std::slice::from_ref(obj))?,
    };
    Ok(())
}

pub fn install(vm: &mut Vm) {
    let m = as_type(&vm.types.method);
    m.slots.call.set(Some(|vm, m, args| {
        let d = method_data(m);
        let (f, this) = (d.func.clone(), d.this.clone());
        let mut all: smallvec::SmallVec<[Obj; 8]> = smallvec::SmallVec::new();
        all.push(this);
        all.extend(args.values.iter().cloned());
        vm.call_with_args(&f, Args::with_kwnames(&all, args.kwnames))
    }));
    m.slots.repr.set(Some(|vm, m| {
        let d = method_data(m);
        let (f, this) = (d.func.clone(), d.this.clone());
        let q = vm.getattr_str(&f, "__qualname__")?;
        let q = pystr::as_str(&q).to_string();
        let r = vm.repr_string(&this)?;
        vm.new_str(&format!("<bound method {q} of {r}>"))
    }));
    m.slots.getattro.set(Some(|vm, m, name| {
        let d = method_data(m);
        match pystr::as_str(name) {
            "__self__" => Ok(d.this.clone()),
            "__func__" => Ok(d.func.clone()),
            _ => {
                let f = d.func.clone();
                vm.getattr(&f, name)
            }
        }
    }));
    let p = as_type(&vm.types.property);
    p.slots.new.set(Some(property_new));
    for t in [&vm.types.staticmethod, &vm.types.classmethod] {
        as_type(t).slots.new.set(Some(|vm, cls, args| {
            let a = args.exact(vm, as_type(cls).name(), 1, 1)?;
            new_box(as_type(cls), a[0].clone(), true).map_err(|_| vm.memory_error())
        }));
    }
    as_type(&vm.types.staticmethod)
        .slots
        .call
        .set(Some(|vm, s, args| {
            let f = unwrap_static(s);
            vm.call_with_args(&f, args)
        }));
    let s = as_type(&vm.types.super_);
    s.slots.new.set(Some(super_new));
    s.slots.getattro.set(Some(super_getattro));
    s.slots.repr.set(Some(|vm, s| {
        // SAFETY: super objects use the `PyBox<SuperData>` layout.
        let d = unsafe { payload::<SuperData>(s) };
        let t = as_type(&d.thisclass).name().to_string();
        let o = d.obj_type.clone();
        let on = as_type(&o).name().to_string();
        vm.new_str(&format!("<super: <class '{t}'>, <{on} object>>"))
    }));
    let pt = vm.types.property.clone();
    as_type(&pt).slots.getattro.set(Some(property_getattro));
    crate::vm::types::add_method(vm, &pt, "getter", |vm, p, a| property_copy(vm, p, a, 0));
    crate::vm::types::add_method(vm, &pt, "setter", |vm, p, a| property_copy(vm, p, a, 1));
    crate::vm::types::add_method(vm, &pt, "deleter", |vm, p, a| property_copy(vm, p, a, 2));
}

impl Vm {
    /// A read-only `property` whose getter is the native `get` (called with the instance):
    /// how built-in types expose computed attributes that subclasses must inherit. (CPython
    /// uses a `getset_descriptor`; here the attribute's type is `property`.)
    pub fn new_native_property(
        &mut self,
        name: &'static str,
        get: crate::objects::function::BuiltinFn,
    ) -> PyResult<Obj> {
        let fget = self.new_builtin(name, get)?;
        let none = self.none.clone();
        let data = PropertyData {
            fget,
            fset: none.clone(),
            fdel: none.clone(),
            doc: none,
            name: Default::default(),
        };
        let ty = self.types.property.clone();
        new_box(as_type(&ty), data, true).map_err(|_| self.memory_error())
    }
}

fn property_new(vm: &mut Vm, cls: &Obj, args: Args) -> PyResult<Obj> {
    let [fget, fset, fdel, doc] =
        args.bind(vm, "property", ["fget", "fset", "fdel", "doc"], 0, 0)?;
    let none = vm.none.clone();
    let pick = |o: Option<&Obj>| o.cloned().unwrap_or_else(|| none.clone());
    let data = PropertyData {
        fget: pick(fget),
        fset: pick(fset),
        fdel: pick(fdel),
        doc: pick(doc),
        name: Default::default(),
    };
    new_box(as_type(cls), data, true).map_err(|_| vm.memory_error())
}

/// `fget`/`fset`/`fdel`, and `__doc__`: the given doc, else the getter's docstring.
fn property_getattro(vm: &mut Vm, p: &Obj, name: &Obj) -> PyResult<Obj> {
    // SAFETY: property objects use the `PyBox<PropertyData>` layout.
    let d = unsafe { payload::<PropertyData>(p) };
    match crate::objects::str::as_str(name) {
        "fget" => Ok(d.fget.clone()),
        "fset" => Ok(d.fset.clone()),
        "fdel" => Ok(d.fdel.clone()),
        "__doc__" if !d.doc.is(&vm.none) => Ok(d.doc.clone()),
        "__doc__" if d.fget.is(&vm.none) => Ok(vm.none.clone()),
        "__doc__" => {
            let fget = d.fget.clone();
            match vm.getattr_str(&fget, "__doc__") {
                Ok(v) => Ok(v),
                Err(_) => Ok(vm.none.clone()),
            }
        }
        _ => vm.generic_getattr(p, name),
    }
}

fn property_copy(vm: &mut Vm, p: &Obj, args: Args, which: usize) -> PyResult<Obj> {
    let a = args.exact(vm, "property", 1, 1)?;
    // SAFETY: property objects use the `PyBox<PropertyData>` layout.
    let d = unsafe { payload::<PropertyData>(p) };
    let mut parts = [d.fget.clone(), d.fset.clone(), d.fdel.clone()];
    parts[which] = a[0].clone();
    let [fget, fset, fdel] = parts;
    let data = PropertyData {
        fget,
        fset,
        fdel,
        doc: d.doc.clone(),
        name: crate::heap::ObjSlot::new(d.name.get()),
    };
    let ty = vm.types.property.clone();
    new_box(as_type(&ty), data, true).map_err(|_| vm.memory_error())
}

/// `super()` (zero-argument, from the calling frame's `__class__` cell and first argument)
/// and `super(type, obj)`.
fn super_new(vm: &mut Vm, cls: &Obj, args: Args) -> PyResult<Obj> {
    let pos = args.exact(vm, "super", 0, 2)?;
    let (thisclass, obj) = match pos.len() {
        2 => (pos[0].clone(), pos[1].clone()),
        0 => zero_arg_super(vm)?,
        _ => {
            return Err(vm
                .not_implemented_error("unbound super objects are not supported by Pyrena".into()))
        }
    };
    let Some(tc) = try_as_type(&thisclass) else {
        return Err(vm.type_error(format!(
            "super() argument 1 must be a type, not {}",
            thisclass.ty().name()
        )));
    };
    let obj_type = if let Some(t) = try_as_type(&obj).filter(|t| t.is_subtype(tc)) {
        t.to_obj()
    } else if obj.ty().is_subtype(tc) {
        obj.ty().to_obj()
    } else {
        return Err(
            vm.type_error("super(type, obj): obj must be an instance or subtype of type".into())
        );
    };
    let data = SuperData {
        thisclass,
        obj,
        obj_type,
    };
    new_box(as_type(cls), data, true).map_err(|_| vm.memory_error())
}

fn zero_arg_super(vm: &mut Vm) -> PyResult<(Obj, Obj)> {
    let Some(f) = vm.frames.last() else {
        return Err(vm.runtime_error("super(): no current frame".into()));
    };
    let code = code_data(&f.code);
    let base = f.base;
    if code.argcount == 0 {
        return Err(vm.runtime_error("super(): no arguments".into()));
    }
    let nv = code.varnames.len();
    let first = match code.cell_args.iter().find(|(_, a)| *a == 0) {
        Some((c, _)) => vm.stack[base + nv + *c as usize]
            .as_ref()
            .and_then(|cell| simple::cell_data(cell).value.get()),
        None => vm.stack[base].clone(),
    };
    let Some(first) = first else {
        return Err(vm.runtime_error("super(): arg[0] deleted".into()));
    };
    let Some(idx) = code.freevars.iter().position(|n| n == "__class__") else {
        return Err(vm.runtime_error("super(): __class__ cell not found".into()));
    };
    let cell = vm.stack[base + nv + code.cellvars.len() + idx].clone();
    let class = cell.and_then(|c| simple::cell_data(&c).value.get());
    match class {
        Some(c) => Ok((c, first)),
        None => Err(vm.runtime_error("super(): empty __class__ cell".into())),
    }
}

fn super_getattro(vm: &mut Vm, s: &Obj, name: &Obj) -> PyResult<Obj> {
    // SAFETY: super objects use the `PyBox<SuperData>` layout.
    let d = unsafe { payload::<SuperData>(s) };
    let (thisclass, obj, obj_type) = (d.thisclass.clone(), d.obj.clone(), d.obj_type.clone());
    if pystr::as_str(name) != "__class__" {
        // A cleared (collected) class has no MRO; search nothing rather than panic.
        let mro = as_type(&obj_type)
            .mro
            .get()
            .unwrap_or_else(|| vm.empty_tuple.clone());
        let items = tuple::items(&mro);
        if let Some(pos) = items.iter().position(|t| t.is(&thisclass)) {
            for t in &items[pos + 1..] {
                if let Some(dd) = as_type(t).dict.get() {
                    if let Some(a) = dict::data(&dd).get_str(name) {
                        let mut inst = if obj.is(&obj_type) { None } else { Some(&obj) };
                        if pystr::as_str(name) == "__init_subclass__" {
                            // object.__init_subclass__ is a class method: bind to the class.
                            inst = Some(&obj);
                        }
                        return descr_get(vm, &a, inst, &obj_type);
                    }
                }
            }
        }
    }
    vm.generic_getattr(s, name)
}
