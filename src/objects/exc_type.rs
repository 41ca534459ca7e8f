//! The slots shared by every built-in exception class: construction, repr and str with
//! CPython's rules, and the `args`, `__cause__`, `__context__`, `__traceback__` attributes.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::exception::exc_data;
use crate::objects::typeobj::as_type;
use crate::objects::{str as pystr, tuple};
use crate::vm::types::all_types;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    for t in all_types(vm) {
        let ty = as_type(&t);
        if ty.has_flag(crate::objects::typeobj::flags::BASE_EXC_SUBCLASS) {
            ty.slots.repr.set(Some(exc_repr));
            ty.slots.str.set(Some(exc_str));
            ty.slots.getattro.set(Some(exc_getattro));
            ty.slots.setattro.set(Some(exc_setattro));
            ty.slots.hash.set(Some(|_, e| Ok((e.addr() >> 4) as i64)));
            ty.slots.new.set(Some(exception_new));
        }
    }
}

/// `SomeError(*args)`.
pub fn exception_new(vm: &mut Vm, cls: &Obj, args: Args) -> PyResult<Obj> {
    if args.n_kw() > 0 {
        return Err(vm.type_error(format!(
            "{}() takes no keyword arguments",
            as_type(cls).name()
        )));
    }
    vm.new_exception(cls, args.pos().to_vec())
}

fn exc_repr(vm: &mut Vm, e: &Obj) -> PyResult<Obj> {
    let args = vm.exc_args(e);
    // The name without a module prefix (`io.UnsupportedOperation` shows as
    // `UnsupportedOperation(...)`).
    let name = e
        .ty()
        .name()
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_string();
    let items = tuple::items(&args).to_vec();
    let inner = if items.len() == 1 {
        vm.repr_string(&items[0])?
    } else {
        let r = vm.repr_string(&args)?;
        r[1..r.len() - 1].trim_end_matches(',').to_string()
    };
    vm.new_str(&format!("{name}({inner})"))
}

fn exc_str(vm: &mut Vm, e: &Obj) -> PyResult<Obj> {
    let args = vm.exc_args(e);
    let items = tuple::items(&args).to_vec();
    if let Some(s) = crate::vm::import::syntax_error_str(vm, e, &items) {
        return vm.new_str(&s);
    }
    match items.len() {
        0 => Ok(vm.empty_str.clone()),
        1 if e.ty().name() == "KeyError" => vm.repr(&items[0]),
        1 => vm.str(&items[0]),
        _ => vm.repr(&args),
    }
}

pub fn exc_getattro(vm: &mut Vm, e: &Obj, name: &Obj) -> PyResult<Obj> {
    let d = exc_data(e);
    let none = vm.none.clone();
    match pystr::as_str(name) {
        "args" => return Ok(vm.exc_args(e)),
        "__cause__" => return Ok(d.cause.get().unwrap_or(none)),
        "__context__" => return Ok(d.context.get().unwrap_or(none)),
        "__traceback__" => return Ok(d.traceback.get().unwrap_or(none)),
        "__suppress_context__" => return Ok(vm.new_bool(d.suppress_context.get())),
        "code" if e.ty().is_subtype(as_type(&vm.types.exc.system_exit)) => {
            let args = vm.exc_args(e);
            let items = tuple::items(&args);
            return Ok(match items.len() {
                0 => none,
                1 => items[0].clone(),
                _ => args.clone(),
            });
        }
        "value" if e.ty().name() == "StopIteration" => {
            let args = vm.exc_args(e);
            return Ok(tuple::items(&args).first().cloned().unwrap_or(none));
        }
        _ => {}
    }
    if let Some(dict) = d.dict.get() {
        if let Some(v) = crate::objects::dict::data(&dict).get_str(name) {
            return Ok(v);
        }
    }
    vm.generic_getattr(e, name)
}

pub fn exc_setattro(vm: &mut Vm, e: &Obj, name: &Obj, v: Option<Obj>) -> PyResult<()> {
    let d = exc_data(e);
    let v_or_none = |vm: &Vm, v: Option<Obj>| v.filter(|x| !x.is(&vm.none));
    match pystr::as_str(name) {
        "__cause__" => {
            d.cause.set(v_or_none(vm, v));
            d.suppress_context.set(true);
            return Ok(());
        }
        "__context__" => {
            d.context.set(v_or_none(vm, v));
            return Ok(());
        }
        "__traceback__" => {
            d.traceback.set(v_or_none(vm, v));
            return Ok(());
        }
        "args" => {
            let items = match &v {
                Some(v) => vm.iterate(v)?,
                None => Vec::new(),
            };
            let t = vm.new_tuple(items)?;
            d.args.set(Some(t));
            return Ok(());
        }
        _ => {}
    }
    let dict = match d.dict.get() {
        Some(x) => x,
        None => {
            let x = vm.new_dict()?;
            d.dict.set(Some(x.clone()));
            x
        }
    };
    match v {
        Some(v) => vm.dict_set(&dict, name.clone(), v),
        None => {
            crate::objects::dict::data(&dict).remove(vm, name)?;
            Ok(())
        }
    }
}
