//! Python functions (`def`/`lambda`): code plus the globals they run in, defaults, closure
//! cells and naming. Builtin functions and method descriptors wrap Rust functions.

use crate::heap::{Obj, ObjSlot};
use crate::objects::args::Args;
use crate::objects::pybox::{new_box, payload};
use crate::objects::typeobj::{as_type, MethodFn, TypeObject};
use crate::vm::{PyResult, Vm};

pub struct FunctionData {
    /// Weak references to this function (cleared first when it dies).
    pub weaklist: crate::objects::weakref::WeakList,
    pub code: Obj,
    pub globals: Obj,
    pub builtins: Obj,
    pub name: ObjSlot,
    pub qualname: ObjSlot,
    /// Tuple of positional defaults, or None.
    pub defaults: ObjSlot,
    /// Dict of keyword-only defaults, or None.
    pub kwdefaults: ObjSlot,
    /// Tuple of cells, or None.
    pub closure: ObjSlot,
    pub doc: ObjSlot,
    pub module: ObjSlot,
    pub dict: ObjSlot,
}

/// The function's `__dict__`, created on first use. Unlike an instance's dict it is an
/// ordinary (collector-tracked) dict, as in CPython.
pub fn function_dict(vm: &mut Vm, f: &Obj) -> PyResult<Obj> {
    let slot = &func_data(f).dict;
    if let Some(d) = slot.get() {
        return Ok(d);
    }
    let d = vm.new_dict()?;
    slot.set(Some(d.clone()));
    Ok(d)
}

/// `f.attr = v` and `del f.attr`: the writable special attributes with CPython's type checks,
/// the read-only ones refused, anything else in the function's `__dict__`.
pub fn function_setattro(vm: &mut Vm, f: &Obj, name: &Obj, v: Option<Obj>) -> PyResult<()> {
    let d = func_data(f);
    let n = crate::objects::str::as_str(name).to_string();
    let is_none = |o: &Obj| o.ty().name() == "NoneType";
    match n.as_str() {
        "__name__" | "__qualname__" => match v {
            Some(v) if crate::objects::str::is_str(&v) => {
                if n == "__name__" {
                    d.name.set(Some(v))
                } else {
                    d.qualname.set(Some(v))
                }
                Ok(())
            }
            _ => Err(vm.type_error(format!("{n} must be set to a string object"))),
        },
        "__doc__" => {
            d.doc.set(v);
            Ok(())
        }
        "__module__" => {
            d.module.set(v);
            Ok(())
        }
        "__defaults__" | "__kwdefaults__" => {
            let (slot, kind, ok): (&ObjSlot, &str, fn(&Obj) -> bool) = if n == "__defaults__" {
                (&d.defaults, "tuple", crate::objects::tuple::is_tuple)
            } else {
                (&d.kwdefaults, "dict", crate::objects::dict::is_dict)
            };
            match v {
                None => slot.set(None),
                Some(v) if is_none(&v) => slot.set(None),
                Some(v) if ok(&v) => slot.set(Some(v)),
                Some(_) => return Err(vm.type_error(format!("{n} must be set to a {kind} object"))),
            }
            Ok(())
        }
        "__dict__" => match v {
            Some(v) if crate::objects::dict::is_dict(&v) => {
                d.dict.set(Some(v));
                Ok(())
            }
            Some(v) => Err(vm.type_error(format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                v.ty().name()
            ))),
            None => Err(vm.type_error("cannot delete __dict__".into())),
        },
        "__globals__" | "__closure__" | "__builtins__" | "__code__" => {
            Err(vm.attribute_error("readonly attribute".into()))
        }
        _ => {
            let dict = function_dict(vm, f)?;
            match v {
                Some(v) => vm.dict_set(&dict, name.clone(), v),
                None => {
                    if crate::objects::dict::data(&dict)
                        .remove(vm, name)?
                        .is_none()
                    {
                        return Err(vm.no_attribute(f, &n));
                    }
                    Ok(())
                }
            }
        }
    }
}

/// A function implemented in Rust (`len`, `print`), possibly bound to a `self`.
pub type BuiltinFn = fn(&mut Vm, Args) -> PyResult<Obj>;

pub enum BuiltinKind {
    Function(BuiltinFn),
    /// A method bound to `self` (e.g. `"a,b".split` taken as a value).
    Bound(MethodFn, Obj),
}

pub struct BuiltinData {
    /// Weak references to this built-in (cleared first when it dies).
    pub weaklist: crate::objects::weakref::WeakList,
    pub name: &'static str,
    pub kind: BuiltinKind,
}

/// An unbound method of a built-in type, found in the type's dict (`str.split`).
pub struct MethodDescrData {
    pub name: &'static str,
    pub func: MethodFn,
    pub owner: *const TypeObject,
}

pub fn is_function(vm: &Vm, obj: &Obj) -> bool {
    obj.has_exact_type(&vm.types.function)
}

pub fn func_data(obj: &Obj) -> &FunctionData {
    assert_eq!(obj.ty().name(), "function");
    // SAFETY: function objects use the `PyBox<FunctionData>` layout.
    unsafe { payload::<FunctionData>(obj) }
}

impl Vm {
    /// The data of function `obj`, checked by a type-pointer compare (cheaper than
    /// `func_data`'s name check on hot paths).
    #[inline(always)]
    pub fn func_of<'a>(&self, obj: &'a Obj) -> &'a FunctionData {
        assert!(is_function(self, obj), "not a function");
        // SAFETY: objects of the `function` type use the `PyBox<FunctionData>` layout.
        unsafe { payload::<FunctionData>(obj) }
    }
}

pub fn builtin_data(obj: &Obj) -> &BuiltinData {
    assert_eq!(obj.ty().name(), "builtin_function_or_method");
    // SAFETY: builtin functions use the `PyBox<BuiltinData>` layout.
    unsafe { payload::<BuiltinData>(obj) }
}

pub fn method_descr_data(obj: &Obj) -> &MethodDescrData {
    assert_eq!(obj.ty().name(), "method_descriptor");
    // SAFETY: method descriptors use the `PyBox<MethodDescrData>` layout.
    unsafe { payload::<MethodDescrData>(obj) }
}

impl Vm {
    /// The builtins namespace code running in `globals` sees, as CPython picks it:
    /// `globals['__builtins__']` (a module's dict, or a dict), else the interpreter's.
    pub fn builtins_of(&mut self, globals: &Obj) -> Obj {
        let key = self.intern("__builtins__");
        match crate::objects::dict::data(globals).get_str(&key) {
            Some(b) if crate::objects::dict::is_dict(&b) => b,
            Some(b) if b.ty().name() == "module" => crate::objects::module::module_dict(&b).clone(),
            _ => self.builtins_dict.clone(),
        }
    }

    /// A function over `code` running in `globals`, whose builtins are `builtins` (what
    /// `builtins_of(globals)` gives; a frame already holds it for its own globals).
    pub fn new_function(
        &mut self,
        code: Obj,
        qualname: Obj,
        globals: Obj,
        builtins: Obj,
    ) -> PyResult<Obj> {
        let cd = crate::objects::code::code_data(&code);
        let doc = if cd.has_flag(crate::bytecode::code::code_flags::HAS_DOCSTRING) {
            cd.consts.first().cloned()
        } else {
            None
        };
        let name = cd.name.clone();
        let name = self.new_str(&name)?;
        let module = crate::objects::dict::data(&globals).get_str(&self.intern("__name__"));
        let data = FunctionData {
            weaklist: Default::default(),
            code,
            globals,
            builtins,
            name: ObjSlot::new(Some(name)),
            qualname: ObjSlot::new(Some(qualname)),
            defaults: ObjSlot::new(None),
            kwdefaults: ObjSlot::new(None),
            closure: ObjSlot::new(None),
            doc: ObjSlot::new(doc),
            module: ObjSlot::new(module),
            dict: ObjSlot::new(None),
        };
        let ty = as_type(&self.types.function) as *const TypeObject;
        // SAFETY: built-in types live as long as the interpreter.
        new_box(unsafe { &*ty }, data, true).map_err(|_| self.memory_error())
    }

    pub fn new_builtin(&mut self, name: &'static str, f: BuiltinFn) -> PyResult<Obj> {
        let ty = as_type(&self.types.builtin_function) as *const TypeObject;
        let data = BuiltinData {
            weaklist: Default::default(),
            name,
            kind: BuiltinKind::Function(f),
        };
        // SAFETY: built-in types live as long as the interpreter.
        new_box(unsafe { &*ty }, data, true).map_err(|_| self.memory_error())
    }

    pub fn new_bound_builtin(
        &mut self,
        name: &'static str,
        f: MethodFn,
        this: Obj,
    ) -> PyResult<Obj> {
        let ty = as_type(&self.types.builtin_function) as *const TypeObject;
        let data = BuiltinData {
            weaklist: Default::default(),
            name,
            kind: BuiltinKind::Bound(f, this),
        };
        // SAFETY: built-in types live as long as the interpreter.
        new_box(unsafe { &*ty }, data, true).map_err(|_| self.memory_error())
    }

    pub fn new_method_descr(
        &mut self,
        owner: &Obj,
        name: &'static str,
        func: MethodFn,
    ) -> PyResult<Obj> {
        let ty = as_type(&self.types.method_descriptor) as *const TypeObject;
        let data = MethodDescrData {
            name,
            func,
            owner: as_type(owner) as *const TypeObject,
        };
        // SAFETY: built-in types live as long as the interpreter.
        new_box(unsafe { &*ty }, data, false).map_err(|_| self.memory_error())
    }
}
