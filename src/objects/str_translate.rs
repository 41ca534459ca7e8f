//! `str.maketrans` (a static method building a code point table) and `str.translate`
//! (mapping each character through any object with `__getitem__`), with CPython's errors.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::str::{as_str, try_as_str};
use crate::objects::{dict, int};
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.types.str.clone();
    add_method(vm, &t, "translate", str_translate);
    // Called on the class or an instance with no binding (a staticmethod in CPython).
    let f = vm.new_builtin("maketrans", str_maketrans).expect("startup");
    let d = crate::objects::typeobj::as_type(&t)
        .dict
        .get()
        .expect("type dict");
    vm.dict_set_str(&d, "maketrans", f).expect("startup");
}

fn str_maketrans(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "maketrans", 1, 3)?;
    let table = vm.new_dict()?;
    if p.len() == 1 {
        if !dict::is_dict(&p[0]) {
            return Err(vm.type_error(
                "if you give only one argument to maketrans it must be a dict".into(),
            ));
        }
        for (k, v) in dict::data(&p[0]).items() {
            let key = if let Some(s) = try_as_str(&k) {
                let mut cs = s.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => vm.new_int(c as i64)?,
                    _ => {
                        return Err(vm.value_error(
                            "string keys in translate table must be of length 1".into(),
                        ))
                    }
                }
            } else if int::as_int(&k).is_some() {
                k
            } else {
                return Err(
                    vm.type_error("keys in translate table must be strings or integers".into())
                );
            };
            vm.dict_set(&table, key, v)?;
        }
        return Ok(table);
    }
    for (i, o) in p.iter().enumerate() {
        if try_as_str(o).is_none() {
            return Err(vm.type_error(format!(
                "maketrans() argument {} must be str, not {}",
                i + 1,
                o.ty().name()
            )));
        }
    }
    let x: Vec<char> = as_str(&p[0]).chars().collect();
    let y: Vec<char> = as_str(&p[1]).chars().collect();
    if x.len() != y.len() {
        return Err(
            vm.value_error("the first two maketrans arguments must have equal length".into())
        );
    }
    for (a, b) in x.iter().zip(&y) {
        let (k, v) = (vm.new_int(*a as i64)?, vm.new_int(*b as i64)?);
        vm.dict_set(&table, k, v)?;
    }
    if let Some(z) = p.get(2) {
        let z: Vec<char> = as_str(z).chars().collect();
        for c in z {
            let k = vm.new_int(c as i64)?;
            let none = vm.none.clone();
            vm.dict_set(&table, k, none)?;
        }
    }
    Ok(table)
}

fn str_translate(vm: &mut Vm, s: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "translate", 1, 1)?;
    let table = &p[0];
    let text = as_str(s).to_string();
    let mut out = String::with_capacity(text.len());
    let lookup = vm.types.exc.lookup_error.clone();
    for c in text.chars() {
        let key = vm.new_int(c as i64)?;
        let v = match vm.getitem(table, &key) {
            Ok(v) => v,
            Err(e) if vm.err_matches(&e, &lookup) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if v.is(&vm.none) {
            continue;
        }
        if let Some(r) = try_as_str(&v) {
            out.push_str(r);
        } else if let Some(i) = int::as_int(&v) {
            let ch = match i {
                int::IntValue::Small(n) => u32::try_from(*n).ok().and_then(char::from_u32),
                int::IntValue::Big(_) => None,
            };
            match ch {
                Some(ch) => out.push(ch),
                None => {
                    return Err(
                        vm.value_error("character mapping must be in range(0x110000)".into())
                    )
                }
            }
        } else {
            return Err(vm.type_error("character mapping must return integer, None or str".into()));
        }
    }
    if out == text && s.ty().name() == "str" {
        return Ok(s.clone());
    }
    vm.new_str(&out)
}
