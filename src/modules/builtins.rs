//! The `builtins` module: the built-in functions and the names of the built-in types and
//! exception classes.

use std::cmp::Ordering;

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::list_type::sort_items;
use crate::objects::typeobj::{as_type, try_as_type, BinaryOp, UnaryOp};
use crate::objects::{float, int, int_ops, slots, str as pystr};
use crate::vm::types::all_types;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm, d: &Obj) {
    let funcs: &[(&'static str, crate::objects::function::BuiltinFn)] = &[
        ("print", builtin_print),
        ("open", crate::modules::io::builtin_open),
        ("len", builtin_len),
        ("repr", |vm, a| {
            let p = a.exact(vm, "repr", 1, 1)?;
            vm.repr(&p[0])
        }),
        ("ascii", |vm, a| {
            let p = a.exact(vm, "ascii", 1, 1)?;
            vm.ascii(&p[0])
        }),
        ("abs", builtin_abs),
        ("min", |vm, a| min_max(vm, a, "min", Ordering::Less)),
        ("max", |vm, a| min_max(vm, a, "max", Ordering::Greater)),
        ("sum", builtin_sum),
        ("sorted", builtin_sorted),
        ("isinstance", |vm, a| {
            let p = a.exact(vm, "isinstance", 2, 2)?;
            let r = slots::isinstance(vm, &p[0], &p[1])?;
            Ok(vm.new_bool(r))
        }),
        ("issubclass", builtin_issubclass),
        ("input", builtin_input),
        ("iter", |vm, a| {
            let p = a.exact(vm, "iter", 1, 2)?;
            match p.get(1) {
                Some(sentinel) => crate::objects::iter::new_callable_iter(vm, &p[0], sentinel),
                None => vm.get_iter(&p[0]),
            }
        }),
        ("next", builtin_next),
        ("hash", |vm, a| {
            let p = a.exact(vm, "hash", 1, 1)?;
            let h = vm.hash(&p[0])?;
            vm.new_int(h)
        }),
        ("id", |vm, a| {
            let p = a.exact(vm, "id", 1, 1)?;
            vm.new_usize(p[0].addr())
        }),
        ("ord", builtin_ord),
        ("chr", builtin_chr),
        ("round", builtin_round),
        ("divmod", builtin_divmod),
        ("pow", builtin_pow),
        ("any", |vm, a| any_all(vm, a, "any", true)),
        ("all", |vm, a| any_all(vm, a, "all", false)),
        ("callable", |vm, a| {
            let p = a.exact(vm, "callable", 1, 1)?;
            let r = p[0].ty().slots.call.get().is_some();
            Ok(vm.new_bool(r))
        }),
        ("getattr", builtin_getattr),
        ("setattr", |vm, a| {
            let p = a.exact(vm, "setattr", 3, 3)?;
            let name = name_arg(vm, &p[1])?;
            vm.setattr(&p[0], &name, Some(p[2].clone()))?;
            Ok(vm.none.clone())
        }),
        ("delattr", |vm, a| {
            let p = a.exact(vm, "delattr", 2, 2)?;
            let name = name_arg(vm, &p[1])?;
            vm.setattr(&p[0], &name, None)?;
            Ok(vm.none.clone())
        }),
        ("hasattr", |vm, a| {
            let p = a.exact(vm, "hasattr", 2, 2)?;
            let name = name_arg(vm, &p[1])?;
            match vm.getattr(&p[0], &name) {
                Ok(_) => Ok(vm.true_obj.clone()),
                Err(e) => {
                    let ae = vm.types.exc.attribute_error.clone();
                    if vm.err_matches(&e, &ae) {
                        Ok(vm.false_obj.clone())
                    } else {
                        Err(e)
                    }
                }
            }
        }),
        ("format", |vm, a| {
            let p = a.exact(vm, "format", 1, 2)?;
            vm.format(&p[0], p.get(1))
        }),
        ("bin", |vm, a| radix(vm, a, "bin", 2, "0b")),
        ("oct", |vm, a| radix(vm, a, "oct", 8, "0o")),
        ("hex", |vm, a| radix(vm, a, "hex", 16, "0x")),
        ("__build_class__", build_class),
        ("__import__", crate::vm::import::builtin_import),
        ("dir", builtin_dir),
        ("vars", builtin_vars),
        ("locals", super::builtins_exec::builtin_locals),
        ("eval", super::builtins_exec::builtin_eval),
        ("exec", super::builtins_exec::builtin_exec),
        ("compile", super::builtins_exec::builtin_compile),
        ("globals", |vm, _a| {
            Ok(vm
                .frames
                .last()
                .map(|f| f.globals.clone())
                .unwrap_or_else(|| vm.none.clone()))
        }),
    ];
    for (name, f) in funcs {
        let o = vm.new_builtin(name, *f).expect("startup");
        vm.dict_set_str(d, name, o).expect("startup");
    }
    install_quitters(vm, d);
    for t in all_types(vm) {
        let name = as_type(&t).name().to_string();
        let hidden = name.contains("iterator")
            || name.starts_with("dict_")
            || name.contains('.')
            || matches!(
                name.as_str(),
                "NoneType"
                    | "NotImplementedType"
                    | "ellipsis"
                    | "code"
                    | "function"
                    | "method"
                    | "generator"
                    | "builtin_function_or_method"
                    | "method_descriptor"
                    | "module"
                    | "cell"
                    | "traceback"
                    | "managedbuffer"
            );
        if !hidden {
            vm.dict_set_str(d, &name, t.clone()).expect("startup");
        }
    }
    // Aliases CPython keeps for old code.
    let os_error = vm.types.exc.os_error.clone();
    vm.dict_set_str(d, "IOError", os_error.clone())
        .expect("startup");
    vm.dict_set_str(d, "EnvironmentError", os_error)
        .expect("startup");
    let none = vm.none.clone();
    vm.dict_set_str(d, "None", none).expect("startup");
    let ni = vm.not_implemented.clone();
    vm.dict_set_str(d, "NotImplemented", ni).expect("startup");
    let el = vm.ellipsis.clone();
    vm.dict_set_str(d, "Ellipsis", el).expect("startup");
    let t = vm.true_obj.clone();
    vm.dict_set_str(d, "True", t).expect("startup");
    let f = vm.false_obj.clone();
    vm.dict_set_str(d, "False", f).expect("startup");
    let oe = vm.types.exc.base_exception.clone();
    let _ = oe;
}

fn name_arg(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    match pystr::try_as_str(o) {
        Some(s) => Ok(vm.intern(s)),
        None => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            o.ty().name()
        ))),
    }
}

fn builtin_print(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut flush = false;
    let mut file = None;
    for (k, v) in args.kwargs() {
        match k {
            "sep" | "end" => {
                let s = if v.is(&vm.none) {
                    if k == "sep" {
                        " ".to_string()
                    } else {
                        "\n".to_string()
                    }
                } else {
                    match pystr::try_as_str(v) {
                        Some(s) => s.to_string(),
                        None => {
                            return Err(vm.type_error(format!(
                                "{k} must be None or a string, not {}",
                                v.ty().name()
                            )))
                        }
                    }
                };
                if k == "sep" {
                    sep = s;
                } else {
                    end = s;
                }
            }
            "flush" => flush = vm.is_true(v)?,
            "file" => file = Some(v),
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for print()"))
                )
            }
        }
    }
    crate::modules::io::print_to(vm, file, args.pos(), &sep, &end, flush)?;
    Ok(vm.none.clone())
}

fn builtin_len(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "len", 1, 1)?;
    let n = vm.len(&p[0])?;
    vm.new_usize(n)
}

fn builtin_abs(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "abs", 1, 1)?;
    let x = &p[0];
    if let Some(i) = int::as_int(x) {
        if i.is_negative() {
            return int_ops::int_unary(vm, UnaryOp::Negative, x);
        }
        return vm.new_int_value(match i {
            int::IntValue::Small(v) => int::IntValue::Small(*v),
            int::IntValue::Big(b) => int::IntValue::Big(b.clone()),
        });
    }
    if let Some(f) = float::as_float(x) {
        return vm.new_float(f.abs());
    }
    if let Some(r) = vm.call_dunder_opt(x, "__abs__", &[])? {
        return Ok(r);
    }
    Err(vm.type_error(format!("bad operand type for abs(): '{}'", x.ty().name())))
}

fn min_max(vm: &mut Vm, args: Args, fname: &str, want: Ordering) -> PyResult<Obj> {
    let mut key = None;
    let mut default = None;
    for (k, v) in args.kwargs() {
        match k {
            "key" => key = Some(v.clone()).filter(|v| !v.is(&vm.none)),
            "default" => default = Some(v.clone()),
            _ => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    let pos = args.pos();
    let items = match pos.len() {
        0 => return Err(vm.type_error(format!("{fname} expected at least 1 argument, got 0"))),
        1 => vm.iterate(&pos[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {fname}() with multiple positional arguments"
                )));
            }
            pos.to_vec()
        }
    };
    let mut best: Option<(Obj, Obj)> = None;
    for it in items {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&it))?,
            None => it.clone(),
        };
        best = match best {
            None => Some((k, it)),
            Some((bk, bv)) => {
                if strictly(vm, &k, &bk, want)? {
                    Some((k, it))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{fname}() arg is an empty sequence"))),
        },
    }
}

/// CPython's min/max use a single strict comparison: `k < best` for min, `k > best` for max.
fn strictly(vm: &mut Vm, k: &Obj, best: &Obj, want: Ordering) -> PyResult<bool> {
    let op = if want == Ordering::Less {
        crate::objects::typeobj::CompareOp::Lt
    } else {
        crate::objects::typeobj::CompareOp::Gt
    };
    let r = vm.richcompare(k, best, op)?;
    vm.is_true(&r)
}

fn builtin_sum(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let [iterable, start] = args.bind(vm, "sum", ["iterable", "start"], 1, 1)?;
    let iterable = iterable.expect("required");
    let mut acc = match start {
        Some(s) => {
            if pystr::is_str(s) {
                return Err(
                    vm.type_error("sum() can't sum strings [use ''.join(seq) instead]".into())
                );
            }
            s.clone()
        }
        None => vm.new_int(0)?,
    };
    let it = vm.get_iter(iterable)?;
    while let Some(v) = vm.next(&it)? {
        acc = vm.binary_op(BinaryOp::Add, &acc, &v)?;
    }
    Ok(acc)
}

fn builtin_sorted(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let mut key = None;
    let mut reverse = false;
    for (k, v) in args.kwargs() {
        match k {
            "key" => key = Some(v.clone()).filter(|v| !v.is(&vm.none)),
            "reverse" => reverse = vm.is_true(v)?,
            _ => {
                return Err(
                    vm.type_error(format!("sort() got an unexpected keyword argument '{k}'"))
                )
            }
        }
    }
    let items = vm.iterate(&pos[0])?;
    match sort_items(vm, items, key.as_ref(), reverse) {
        Ok(sorted) => vm.new_list(sorted),
        Err((e, _)) => Err(e),
    }
}

fn builtin_issubclass(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "issubclass", 2, 2)?;
    let Some(t) = try_as_type(&p[0]) else {
        return Err(vm.type_error("issubclass() arg 1 must be a class".into()));
    };
    let classes: Vec<Obj> = match crate::objects::tuple::try_items(&p[1]) {
        Some(items) => items.to_vec(),
        None => vec![p[1].clone()],
    };
    for c in classes {
        match try_as_type(&c) {
            Some(ct) => {
                if t.is_subtype(ct) {
                    return Ok(vm.true_obj.clone());
                }
            }
            None => {
                return Err(vm.type_error(
                    "issubclass() arg 2 must be a class, a tuple of classes, or a union".into(),
                ))
            }
        }
    }
    Ok(vm.false_obj.clone())
}

/// `exit` and `quit`, as CPython's site module adds them for the REPL and scripts alike:
/// `_sitebuiltins.Quitter` objects whose repr says how to leave and whose call raises
/// SystemExit(code).
fn install_quitters(vm: &mut Vm, d: &Obj) {
    let t = vm.types.quitter.clone();
    let ty = as_type(&t);
    ty.slots.repr.set(Some(|vm, q| {
        // SAFETY: Quitter objects have the `PyBox<&'static str>` layout (their type's dealloc).
        let name = unsafe { crate::objects::pybox::payload::<&'static str>(q) };
        vm.new_str(&format!("Use {name}() or Ctrl-D (i.e. EOF) to exit"))
    }));
    ty.slots.call.set(Some(|vm, _q, args| {
        let [code] = args.bind(vm, "__call__", ["code"], 0, 0)?;
        let code = code.cloned().unwrap_or_else(|| vm.none.clone());
        let t = vm.types.exc.system_exit.clone();
        let exc = vm.new_exception(&t, vec![code])?;
        Err(crate::vm::PyErr { exc })
    }));
    for name in ["exit", "quit"] {
        let q = crate::objects::pybox::new_box(ty, name, false).expect("startup");
        vm.dict_set_str(d, name, q).expect("startup");
    }
}

fn builtin_input(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "input", 0, 1)?;
    crate::modules::io::input(vm, p.first())
}

fn builtin_next(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "next", 1, 2)?;
    if p[0].ty().slots.iternext.get().is_none() {
        return Err(vm.type_error(format!("'{}' object is not an iterator", p[0].ty().name())));
    }
    if crate::objects::generator::is_generator(vm, &p[0]) {
        let none = vm.none.clone();
        return match vm.gen_next_or_stop(&p[0], none) {
            Err(e) if p.len() == 2 => {
                let si = vm.types.exc.stop_iteration.clone();
                if vm.err_matches(&e, &si) {
                    Ok(p[1].clone())
                } else {
                    Err(e)
                }
            }
            r => r,
        };
    }
    match vm.next(&p[0])? {
        Some(v) => Ok(v),
        None => match p.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(None)),
        },
    }
}

fn builtin_ord(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "ord", 1, 1)?;
    match pystr::try_as_str(&p[0]) {
        Some(s) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => vm.new_int(c as i64),
                _ => Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                ))),
            }
        }
        None => match crate::objects::buffer::bytes_like(&p[0]) {
            Some([b]) => vm.new_int(*b as i64),
            Some(b) => Err(vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            ))),
            None => Err(vm.type_error(format!(
                "ord() expected string of length 1, but {} found",
                p[0].ty().name()
            ))),
        },
    }
}

fn builtin_chr(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "chr", 1, 1)?;
    let v = vm.index_i64(&p[0])?;
    match u32::try_from(v).ok().and_then(char::from_u32) {
        Some(c) => {
            let mut b = [0u8; 4];
            vm.new_str(c.encode_utf8(&mut b))
        }
        None => Err(vm.value_error("chr() arg not in range(0x110000)".into())),
    }
}

fn builtin_round(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let [number, ndigits] = args.bind(vm, "round", ["number", "ndigits"], 0, 1)?;
    let x = number.expect("required");
    if crate::objects::class::is_heap_type(x.ty()) {
        let n = vm.intern("__round__");
        if let Some(f) = crate::objects::class_slots::lookup_python_attr(vm, x.ty(), &n) {
            let bound = crate::objects::descr::descr_get(vm, &f, Some(x), &x.ty().to_obj())?;
            // As CPython: ndigits is passed only when given (None included).
            return match ndigits {
                Some(nd) => vm.call(&bound, std::slice::from_ref(nd)),
                None => vm.call(&bound, &[]),
            };
        }
    }
    round_number(vm, x, ndigits)
}

/// `round()` of an int or float (also their `__round__`).
pub fn round_number(vm: &mut Vm, x: &Obj, ndigits: Option<&Obj>) -> PyResult<Obj> {
    let nd = match ndigits {
        Some(n) if !n.is(&vm.none) => Some(vm.index_i64(n)?),
        _ => None,
    };
    if let Some(f) = float::as_float(x) {
        return match nd {
            None => {
                if !f.is_finite() {
                    return float::float_to_int(vm, f);
                }
                float::float_to_int(vm, float::round_half_even(f))
            }
            Some(n) => vm.new_float(float::round_float(f, n)),
        };
    }
    if let Some(i) = int::as_int(x) {
        return match nd {
            Some(n) if n < 0 => {
                let b = i.to_big();
                // 10**-n exceeds twice any int Pyrena can hold: the result is 0.
                if (-(n as i128)) as u128 > (b.bits() as u128) / 3 + 2 {
                    return vm.new_int(0);
                }
                let p = num_traits::pow::Pow::pow(num_bigint::BigInt::from(10), (-n) as u32);
                let half = &p / 2;
                let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
                let q = if r > half || (r == half && num_integer::Integer::is_odd(&q)) {
                    q + 1
                } else {
                    q
                };
                vm.new_bigint(q * p)
            }
            _ => vm.new_int_value(match i {
                int::IntValue::Small(v) => int::IntValue::Small(*v),
                int::IntValue::Big(b) => int::IntValue::Big(b.clone()),
            }),
        };
    }
    Err(vm.type_error(format!(
        "type {} doesn't define __round__ method",
        x.ty().name()
    )))
}

fn builtin_divmod(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "divmod", 2, 2)?;
    // A class's __divmod__, then the other operand's __rdivmod__.
    for (this, other, name) in [(&p[0], &p[1], "__divmod__"), (&p[1], &p[0], "__rdivmod__")] {
        if crate::objects::class::is_heap_type(this.ty()) {
            let n = vm.intern(name);
            if let Some(f) = crate::objects::class_slots::lookup_python_attr(vm, this.ty(), &n) {
                let bound =
                    crate::objects::descr::descr_get(vm, &f, Some(this), &this.ty().to_obj())?;
                let r = vm.call(&bound, std::slice::from_ref(other))?;
                if !r.is(&vm.not_implemented) {
                    return Ok(r);
                }
            }
        }
    }
    let q = vm.binary_op(BinaryOp::FloorDivide, &p[0], &p[1]);
    let q = match q {
        Ok(q) => q,
        Err(e) if float::as_float(&p[0]).is_some() || float::as_float(&p[1]).is_some() => {
            let zde = vm.types.exc.zero_division_error.clone();
            if vm.err_matches(&e, &zde) {
                return Err(vm.new_error(&zde, "float divmod()".into()));
            }
            return Err(e);
        }
        Err(e) => {
            if e.exc.ty().name() == "TypeError" {
                return Err(vm.type_error(format!(
                    "unsupported operand type(s) for divmod(): '{}' and '{}'",
                    p[0].ty().name(),
                    p[1].ty().name()
                )));
            }
            return Err(e);
        }
    };
    let r = vm.binary_op(BinaryOp::Remainder, &p[0], &p[1])?;
    vm.new_tuple(vec![q, r])
}

fn builtin_pow(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let [base, exp, m] = args.bind(vm, "pow", ["base", "exp", "mod"], 0, 2)?;
    let (base, exp) = (base.expect("required"), exp.expect("required"));
    match m {
        Some(m) if !m.is(&vm.none) && crate::objects::class::is_heap_type(base.ty()) => {
            // Three-argument pow of an instance: its own __pow__(exp, mod).
            let n = vm.intern("__pow__");
            match crate::objects::class_slots::lookup_python_attr(vm, base.ty(), &n) {
                Some(f) => {
                    let b =
                        crate::objects::descr::descr_get(vm, &f, Some(base), &base.ty().to_obj())?;
                    let r = vm.call(&b, &[exp.clone(), m.clone()])?;
                    if r.is(&vm.not_implemented) {
                        return Err(vm.type_error(format!(
                            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                            base.ty().name(),
                            exp.ty().name(),
                            m.ty().name()
                        )));
                    }
                    Ok(r)
                }
                None => int_ops::int_pow_mod(vm, base, exp, m),
            }
        }
        Some(m) if !m.is(&vm.none) => int_ops::int_pow_mod(vm, base, exp, m),
        _ => vm.binary_op(BinaryOp::Power, base, exp),
    }
}

fn any_all(vm: &mut Vm, args: Args, fname: &str, want: bool) -> PyResult<Obj> {
    let p = args.exact(vm, fname, 1, 1)?;
    let it = vm.get_iter(&p[0])?;
    while let Some(v) = vm.next(&it)? {
        if vm.is_true(&v)? == want {
            return Ok(vm.new_bool(want));
        }
    }
    Ok(vm.new_bool(!want))
}

fn builtin_getattr(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "getattr", 2, 3)?;
    let name = name_arg(vm, &p[1])?;
    match vm.getattr(&p[0], &name) {
        Ok(v) => Ok(v),
        Err(e) => {
            let ae = vm.types.exc.attribute_error.clone();
            match p.get(2) {
                Some(d) if vm.err_matches(&e, &ae) => Ok(d.clone()),
                _ => Err(e),
            }
        }
    }
}

fn radix(vm: &mut Vm, args: Args, fname: &str, base: u32, prefix: &str) -> PyResult<Obj> {
    let p = args.exact(vm, fname, 1, 1)?;
    let v = vm.index_value(&p[0])?;
    let b = v.to_big();
    let body = crate::text::int_parse::int_to_string_radix(&num_traits::Signed::abs(&b), base);
    let sign = if v.is_negative() { "-" } else { "" };
    vm.new_str(&format!("{sign}{prefix}{body}"))
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`: runs the class body with a
/// fresh namespace, creates the class, and fills the `__class__` cell used by `super()`.
fn build_class(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments".into()));
    }
    let (func, name) = (&pos[0], &pos[1]);
    let Some(name_s) = pystr::try_as_str(name).map(str::to_string) else {
        return Err(vm.type_error("__build_class__: name is not a string".into()));
    };
    let bases = pos[2..].to_vec();
    let mut metaclass = None;
    let mut class_kwargs: Vec<(String, Obj)> = Vec::new();
    for (k, v) in args.kwargs() {
        match k {
            "metaclass" => metaclass = Some(v.clone()),
            _ => class_kwargs.push((k.to_string(), v.clone())),
        }
    }
    let ns = vm.new_dict()?;
    vm.run_class_body(func, &ns)?;
    let cls = match metaclass.filter(|m| !m.is(&vm.types.type_)) {
        Some(meta) => {
            let bt = vm.new_tuple(bases)?;
            vm.call(&meta, &[name.clone(), bt, ns.clone()])?
        }
        None => {
            let cls = crate::objects::class::new_class(vm, &name_s, bases, &ns)?;
            crate::objects::class::finish_class(vm, &cls, &class_kwargs)?;
            cls
        }
    };
    let cell_key = vm.intern("__classcell__");
    if let Some(cell) = crate::objects::dict::data(&ns).get_str(&cell_key) {
        crate::objects::simple::cell_data(&cell)
            .value
            .set(Some(cls.clone()));
    }
    Ok(cls)
}

/// The caller's namespace for `dir()` and `vars()` without arguments: what `locals()` gives.
fn current_namespace(vm: &mut Vm) -> PyResult<Obj> {
    super::builtins_exec::caller_locals(vm)
}

/// `dir([obj])`: sorted attribute names (the current namespace's names without argument).
fn builtin_dir(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "dir", 0, 1)?;
    let names = match p.first() {
        // `type(o).__dir__(o)`, sorted (a class may override `__dir__`).
        Some(o) => {
            let n = vm.intern("__dir__");
            let Some(f) = vm.lookup_type_attr(o.ty(), &n) else {
                return Err(vm.type_error("object does not provide __dir__".into()));
            };
            let bound = crate::objects::descr::descr_get(vm, &f, Some(o), &o.ty().to_obj())?;
            let r = vm.call(&bound, &[])?;
            let items = vm.iterate(&r)?;
            return match crate::objects::list_type::sort_items(vm, items, None, false) {
                Ok(sorted) => vm.new_list(sorted),
                Err((e, _)) => Err(e),
            };
        }
        None => {
            let ns = current_namespace(vm)?;
            let mut v: Vec<String> = crate::objects::dict::data(&ns)
                .keys()
                .iter()
                .filter_map(|k| pystr::try_as_str(k).map(str::to_string))
                .collect();
            v.sort();
            v
        }
    };
    let items = names
        .iter()
        .map(|n| vm.new_str(n))
        .collect::<PyResult<Vec<_>>>()?;
    vm.new_list(items)
}

/// `vars([obj])`: an object's `__dict__`, or the current namespace.
fn builtin_vars(vm: &mut Vm, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "vars", 0, 1)?;
    match p.first() {
        Some(o) => {
            let k = vm.intern("__dict__");
            match vm.getattr(o, &k) {
                Ok(d) => Ok(d),
                Err(_) => Err(vm.type_error("vars() argument must have __dict__ attribute".into())),
            }
        }
        None => current_namespace(vm),
    }
}
