//! The `sys` module: argv, modules, recursion limit, reference counts, exit, the exception
//! being handled (`exc_info`, `exception`), and the allocator report.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::module::module_dict;
use crate::vm::{PyResult, Vm};

pub fn create(vm: &mut Vm) -> Obj {
    let m = vm.new_module("sys").expect("startup");
    let d = module_dict(&m).clone();
    let funcs: &[(&'static str, crate::objects::function::BuiltinFn)] = &[
        ("getrefcount", |vm, a| {
            let p = a.exact(vm, "getrefcount", 1, 1)?;
            // The argument's own reference from the caller's stack is included, as in CPython.
            let n = p[0].refcnt();
            vm.new_int(n as i64)
        }),
        ("getrecursionlimit", |vm, a| {
            a.exact(vm, "getrecursionlimit", 0, 0)?;
            let n = vm.recursion_limit;
            vm.new_usize(n)
        }),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("get_int_max_str_digits", |vm, a| {
            a.exact(vm, "get_int_max_str_digits", 0, 0)?;
            vm.new_usize(crate::text::int_parse::max_str_digits())
        }),
        ("set_int_max_str_digits", sys_set_int_max_str_digits),
        ("getsizeof", |vm, a| {
            let p = a.exact(vm, "getsizeof", 1, 2)?;
            match user_sizeof(vm, &p[0]) {
                Ok(Some(n)) => vm.new_usize(n),
                Ok(None) => {
                    let n = crate::objects::sizeof::sizeof(vm, &p[0]);
                    vm.new_usize(n)
                }
                // CPython: the default answers for an object that cannot say its size.
                Err(e) if p.len() == 2 && vm.err_matches(&e, &vm.types.exc.type_error.clone()) => {
                    Ok(p[1].clone())
                }
                Err(e) => Err(e),
            }
        }),
        ("exit", sys_exit),
        ("exc_info", |vm, a| {
            a.exact(vm, "exc_info", 0, 0)?;
            let items = match vm.handled.clone() {
                Some(e) => {
                    let tb = crate::objects::exception::exc_data(&e)
                        .traceback
                        .get()
                        .unwrap_or_else(|| vm.none.clone());
                    vec![e.ty().to_obj(), e, tb]
                }
                None => vec![vm.none.clone(), vm.none.clone(), vm.none.clone()],
            };
            vm.new_tuple(items)
        }),
        ("exception", |vm, a| {
            a.exact(vm, "exception", 0, 0)?;
            Ok(vm.handled.clone().unwrap_or_else(|| vm.none.clone()))
        }),
        ("_debugmallocstats", |vm, a| {
            a.exact(vm, "_debugmallocstats", 0, 0)?;
            vm.flush();
            let report = crate::heap::alloc::with_obmalloc(|m| m.debug_malloc_stats());
            eprint!("{report}");
            Ok(vm.none.clone())
        }),
    ];
    for (name, f) in funcs {
        let o = vm.new_builtin(name, *f).expect("startup");
        vm.dict_set_str(&d, name, o).expect("startup");
    }
    let argv = vm.new_list(Vec::new()).expect("startup");
    vm.dict_set_str(&d, "argv", argv).expect("startup");
    let path = vm.new_list(Vec::new()).expect("startup");
    vm.dict_set_str(&d, "path", path).expect("startup");
    let modules = vm.modules.clone();
    vm.dict_set_str(&d, "modules", modules).expect("startup");
    let maxsize = vm.new_int(i64::MAX).expect("startup");
    vm.dict_set_str(&d, "maxsize", maxsize).expect("startup");
    let version = vm
        .new_str(&format!("3.11.0 (Pyrena {})", env!("CARGO_PKG_VERSION")))
        .expect("startup");
    vm.dict_set_str(&d, "version", version).expect("startup");
    let platform = vm.new_str(std::env::consts::OS).expect("startup");
    vm.dict_set_str(&d, "platform", platform).expect("startup");
    let byteorder = vm
        .new_str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        })
        .expect("startup");
    vm.dict_set_str(&d, "byteorder", byteorder)
        .expect("startup");
    // Filled from the command line's `-X` options by `Interpreter::set_xoptions`.
    let xoptions = vm.new_dict().expect("startup");
    vm.dict_set_str(&d, "_xoptions", xoptions).expect("startup");
    m
}

/// Sets `sys.argv`.
pub fn set_argv(vm: &mut Vm, args: &[String]) -> PyResult<()> {
    let items = args
        .iter()
        .map(|a| vm.new_str(a))
        .collect::<PyResult<Vec<_>>>()?;
    let l = vm.new_list(items)?;
    let d = module_dict(&vm.sys_module).clone();
    vm.dict_set_str(&d, "argv", l)
}

/// `sys.argv` as strings (the str items of the list; empty if it was replaced by
/// something else).
pub fn argv_strings(vm: &mut Vm) -> Vec<String> {
    let d = module_dict(&vm.sys_module).clone();
    let key = vm.intern("argv");
    match crate::objects::dict::data(&d).get_str(&key) {
        Some(l) if crate::objects::list::try_data(&l).is_some() => crate::objects::list::data(&l)
            .snapshot()
            .iter()
            .filter_map(|o| crate::objects::str::try_as_str(o).map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

fn sys_setrecursionlimit(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "setrecursionlimit", 1, 1)?;
    let n = vm.index_i64(&p[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1".into()));
    }
    vm.recursion_limit = n as usize;
    Ok(vm.none.clone())
}

/// `sys.set_int_max_str_digits(maxdigits)`: 0 or at least 640 (CPython's threshold).
fn sys_set_int_max_str_digits(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let [n] = a.bind(vm, "set_int_max_str_digits", ["maxdigits"], 0, 1)?;
    let n = n.expect("bound: one required argument");
    let n = vm.index_i64(n)?;
    let n = usize::try_from(n).unwrap_or(1);
    crate::text::int_parse::set_max_str_digits(n).map_err(|e| vm.value_error(e.msg))?;
    Ok(vm.none.clone())
}

fn sys_exit(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "exit", 0, 1)?;
    let t = vm.types.exc.system_exit.clone();
    let exc = vm.new_exception(&t, p.to_vec())?;
    Err(crate::vm::PyErr { exc })
}

/// `sys.getsizeof` of an instance whose class defines `__sizeof__` in Python: its answer
/// plus the GC header, as CPython adds it (`None` when the built-in computation applies).
fn user_sizeof(vm: &mut Vm, o: &Obj) -> PyResult<Option<usize>> {
    if !crate::objects::class::is_heap_type(o.ty()) {
        return Ok(None);
    }
    let n = vm.intern("__sizeof__");
    let Some(f) = crate::objects::class_slots::lookup_python_attr(vm, o.ty(), &n) else {
        return Ok(None);
    };
    let bound = crate::objects::descr::descr_get(vm, &f, Some(o), &o.ty().to_obj())?;
    let r = vm.call(&bound, &[])?;
    let size = match crate::objects::int::as_int(&r) {
        Some(crate::objects::int::IntValue::Small(v)) => *v,
        Some(_) => {
            return Err(vm.overflow_error("Python int too large to convert to C ssize_t".into()))
        }
        None => return Err(vm.type_error("an integer is required".into())),
    };
    if size < 0 {
        return Err(vm.value_error("__sizeof__() should return >= 0".into()));
    }
    let gc = if o.ty().has_gc() {
        crate::heap::header::GC_HEADER_SIZE
    } else {
        0
    };
    Ok(Some(size as usize + gc))
}
