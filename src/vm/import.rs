//! The import system: `import` / `from ... import` resolution as CPython's `__import__`
//! does it — relative names resolved against `__package__`, dotted names imported parent
//! first, built-in modules before the path search, `.py` files and packages (directories with
//! `__init__.py`, or namespace packages without one) found on `sys.path` or a parent's
//! `__path__`, and the module attributes and errors a program can see.
//!
//! Invariants:
//! - `vm.modules` (`sys.modules`) is the only cache: a module is executed at most once per
//!   entry, it is registered *before* its body runs (so circular imports see the partial
//!   module), and an entry is removed again if the body raises.
//! - `vm.importing` lists the modules whose bodies are running, innermost last; it is what
//!   "partially initialized module" messages consult.

use crate::heap::Obj;
use crate::objects::{dict, list, module, str as pystr};
use crate::vm::{PyErr, PyResult, Vm};

/// Where a module was found on the path.
enum Found {
    /// `dir/name.py`.
    Source(String),
    /// `dir/name/__init__.py`: the file and the package directory.
    Package(String, String),
    /// Directories `dir/name` without `__init__.py` (PEP 420 namespace package).
    Namespace(Vec<String>),
}

impl Vm {
    /// `IMPORT_NAME`: imports `name` (relative to the importing module when `level > 0`) and
    /// returns what the statement binds: the top-level package for `import a.b`, the module
    /// itself for `from ... import`.
    pub fn import_name(
        &mut self,
        name: &str,
        fromlist: &Obj,
        level: i64,
        globals: &Obj,
    ) -> PyResult<Obj> {
        let absolute = if level > 0 {
            self.resolve_relative(name, level, globals)?
        } else {
            if name.is_empty() {
                return Err(self.value_error("Empty module name".into()));
            }
            name.to_string()
        };
        let m = self.import_module(&absolute)?;
        let from: Vec<Obj> = if fromlist.is(&self.none) {
            Vec::new()
        } else {
            self.iterate(fromlist)?
        };
        if from.is_empty() {
            if level == 0 {
                let top = absolute.split('.').next().unwrap_or_default().to_string();
                return self.import_module(&top);
            }
            if name.is_empty() {
                return Ok(m);
            }
            // Only `__import__(name, level=n)` without a fromlist gets here (the statement
            // forms always pass one): it returns the module the first name component names.
            let first_len = name.split('.').next().unwrap_or_default().len();
            let keep = absolute.len() - (name.len() - first_len);
            return self.import_module(&absolute[..keep]);
        }
        if self.module_attr(&m, "__path__").is_some() {
            self.handle_fromlist(&m, &from, false)?;
        }
        Ok(m)
    }

    /// Imports the absolute dotted name `name` (parents first) and returns that module.
    pub fn import_module(&mut self, name: &str) -> PyResult<Obj> {
        if let Some(m) = self.cached_module(name)? {
            return Ok(m);
        }
        let (parent, child) = match name.rfind('.') {
            Some(i) => (&name[..i], &name[i + 1..]),
            None => ("", name),
        };
        let mut parent_module = None;
        let entries = if parent.is_empty() {
            if let Some(m) = crate::modules::create_builtin(self, name) {
                let m = m?;
                if m.ty().name() == "module" {
                    // The import-system attributes every module has (see `load_found`).
                    let d = module::module_dict(&m).clone();
                    let empty = self.empty_str.clone();
                    self.set_default(&d, "__package__", empty)?;
                    for attr in ["__loader__", "__spec__"] {
                        let none = self.none.clone();
                        self.set_default(&d, attr, none)?;
                    }
                }
                let key = self.new_str(name)?;
                let modules = self.modules.clone();
                self.dict_set(&modules, key, m.clone())?;
                return Ok(m);
            }
            self.sys_path_entries()
        } else {
            let p = self.import_module(parent)?;
            // Importing the parent may have imported this module as a side effect.
            if let Some(m) = self.cached_module(name)? {
                return Ok(m);
            }
            let Some(path) = self.module_attr(&p, "__path__") else {
                return Err(self.module_not_found(
                    name,
                    format!("No module named '{name}'; '{parent}' is not a package"),
                ));
            };
            parent_module = Some(p);
            self.iterate(&path)?
                .iter()
                .filter_map(|e| pystr::try_as_str(e).map(str::to_string))
                .collect()
        };
        let Some(found) = find_on_path(child, &entries) else {
            return Err(self.module_not_found(name, format!("No module named '{name}'")));
        };
        let m = self.load_found(name, parent, found)?;
        if let Some(p) = parent_module {
            let key = self.new_str(child)?;
            self.setattr(&p, &key, Some(m.clone()))?;
        }
        Ok(m)
    }

    /// Sets `d[key] = value` unless `key` is already there.
    fn set_default(&mut self, d: &Obj, key: &str, value: Obj) -> PyResult<()> {
        let k = self.intern(key);
        if dict::data(d).get_str(&k).is_none() {
            self.dict_set(d, k, value)?;
        }
        Ok(())
    }

    /// `sys.modules[name]` if present; a `None` entry blocks the import, as in CPython.
    fn cached_module(&mut self, name: &str) -> PyResult<Option<Obj>> {
        // Module names are few and looked up by every import statement: intern them.
        let key = self.intern(name);
        match dict::data(&self.modules).get_str(&key) {
            Some(m) if m.is(&self.none) => Err(self.module_not_found(
                name,
                format!("import of {name} halted; None in sys.modules"),
            )),
            other => Ok(other),
        }
    }

    /// The str entries of `sys.path` (other entries are skipped, as CPython's finders do).
    fn sys_path_entries(&mut self) -> Vec<String> {
        let d = module::module_dict(&self.sys_module).clone();
        let key = self.intern("path");
        let Some(path) = dict::data(&d).get_str(&key) else {
            return Vec::new();
        };
        if path.ty().name() != "list" {
            return Vec::new();
        }
        list::data(&path)
            .snapshot()
            .iter()
            .filter_map(|e| pystr::try_as_str(e).map(str::to_string))
            .collect()
    }

    /// Creates, registers and executes a module found on the path.
    fn load_found(&mut self, name: &str, parent: &str, found: Found) -> PyResult<Obj> {
        let m = self.new_module(name)?;
        let d = module::module_dict(&m).clone();
        let (file, package, path_dirs) = match found {
            Found::Source(f) => (Some(f), parent.to_string(), None),
            Found::Package(f, dir) => (Some(f), name.to_string(), Some(vec![dir])),
            Found::Namespace(dirs) => (None, name.to_string(), Some(dirs)),
        };
        let pkg = self.new_str(&package)?;
        self.dict_set_str(&d, "__package__", pkg)?;
        for attr in ["__loader__", "__spec__"] {
            let none = self.none.clone();
            self.dict_set_str(&d, attr, none)?;
        }
        if let Some(dirs) = path_dirs {
            let items = dirs
                .iter()
                .map(|s| self.new_str(s))
                .collect::<PyResult<Vec<_>>>()?;
            let l = self.new_list(items)?;
            self.dict_set_str(&d, "__path__", l)?;
        }
        let key = self.new_str(name)?;
        let modules = self.modules.clone();
        let Some(file) = file else {
            let none = self.none.clone();
            self.dict_set_str(&d, "__file__", none)?;
            self.dict_set(&modules, key, m.clone())?;
            return Ok(m);
        };
        let f = self.new_str(&file)?;
        self.dict_set_str(&d, "__file__", f)?;
        let none = self.none.clone();
        self.dict_set_str(&d, "__cached__", none)?;
        let b = self.builtins_dict.clone();
        self.dict_set_str(&d, "__builtins__", b)?;
        self.dict_set(&modules, key.clone(), m.clone())?;
        let r = self.exec_module_file(&m, &file);
        if let Err(e) = r {
            // Only the entry this import made is removed (the body may have replaced it).
            if dict::data(&modules).get_str(&key).is_some_and(|v| v.is(&m)) {
                dict::data(&modules).remove(self, &key)?;
            }
            return Err(e);
        }
        // A module may replace its own `sys.modules` entry; the import binds that object.
        Ok(dict::data(&modules).get_str(&key).unwrap_or(m))
    }

    /// Reads, compiles and runs a source file as the body of module `m`.
    fn exec_module_file(&mut self, m: &Obj, file: &str) -> PyResult<()> {
        let source = match std::fs::read(file) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => {
                let t = self.types.exc.import_error.clone();
                return Err(self.new_error(&t, format!("cannot read '{file}': {e}")));
            }
        };
        self.sources
            .insert(file.to_string(), std::rc::Rc::from(source.as_str()));
        let parsed =
            crate::parser::parse_module(&source, file).map_err(|e| self.syntax_error_from(&e))?;
        let code = crate::compiler::compile_module(
            self,
            &parsed,
            &source,
            file,
            crate::compiler::Mode::Exec,
        )
        .map_err(|e| self.syntax_error_from(&e))?;
        let globals = module::module_dict(m).clone();
        self.importing.push(m.clone());
        let r = self.run_code(&code, &globals, None);
        self.importing.pop();
        r.map(drop)
    }

    /// A Python SyntaxError (or IndentationError/TabError) instance for a compile error, with
    /// the `(msg, (filename, lineno, offset, text, end_lineno, end_offset))` args the
    /// traceback printer reads.
    pub fn syntax_error_from(&mut self, e: &crate::parser::SyntaxError) -> PyErr {
        let ty = match e.kind {
            crate::parser::SyntaxErrorKind::IndentationError => {
                self.types.exc.indentation_error.clone()
            }
            crate::parser::SyntaxErrorKind::TabError => self.types.exc.tab_error.clone(),
            crate::parser::SyntaxErrorKind::MemoryError => return self.memory_error(),
            crate::parser::SyntaxErrorKind::SyntaxError => self.types.exc.syntax_error.clone(),
        };
        let build = |vm: &mut Vm| -> PyResult<Obj> {
            // CPython keeps the offending line with its newline.
            let text = match &e.text {
                Some(t) => vm.new_str(&format!("{t}\n"))?,
                None => vm.none.clone(),
            };
            let details = vec![
                vm.new_str(&e.filename)?,
                vm.new_usize(e.lineno)?,
                vm.new_usize(e.offset)?,
                text,
                vm.new_usize(e.end_lineno)?,
                vm.new_usize(e.end_offset)?,
            ];
            let names = [
                "filename",
                "lineno",
                "offset",
                "text",
                "end_lineno",
                "end_offset",
            ];
            let attrs: Vec<(&str, Obj)> = names.into_iter().zip(details.iter().cloned()).collect();
            let details = vm.new_tuple(details)?;
            let msg = vm.new_str(&e.msg)?;
            let exc = vm.new_exception(&ty, vec![msg.clone(), details])?;
            // The attributes CPython's SyntaxError exposes alongside its args.
            for (k, v) in std::iter::once(("msg", msg)).chain(attrs) {
                let k = vm.intern(k);
                vm.setattr(&exc, &k, Some(v))?;
            }
            Ok(exc)
        };
        match build(self) {
            Ok(exc) => PyErr { exc },
            Err(err) => err,
        }
    }

    /// `ModuleNotFoundError(msg)` with its `name` attribute set.
    fn module_not_found(&mut self, name: &str, msg: String) -> PyErr {
        let t = self.types.exc.module_not_found_error.clone();
        let err = self.new_error(&t, msg);
        if let Ok(n) = self.new_str(name) {
            let k = self.intern("name");
            let _ = self.setattr(&err.exc, &k, Some(n));
        }
        err
    }

    /// The absolute name of a relative import from the module whose globals are `globals`.
    fn resolve_relative(&mut self, name: &str, level: i64, globals: &Obj) -> PyResult<String> {
        let package = self.package_of(globals)?;
        let t = self.types.exc.import_error.clone();
        if package.is_empty() {
            return Err(self.new_error(
                &t,
                "attempted relative import with no known parent package".into(),
            ));
        }
        let parts: Vec<&str> = package.split('.').collect();
        let up = (level - 1) as usize;
        if up >= parts.len() {
            return Err(self.new_error(
                &t,
                "attempted relative import beyond top-level package".into(),
            ));
        }
        let base = parts[..parts.len() - up].join(".");
        Ok(if name.is_empty() {
            base
        } else {
            format!("{base}.{name}")
        })
    }

    /// `__package__` of a module namespace, or what CPython derives from `__name__` (the
    /// name itself for a package, its parent for a plain module).
    fn package_of(&mut self, globals: &Obj) -> PyResult<String> {
        let k = self.intern("__package__");
        if let Some(p) = dict::data(globals).get_str(&k) {
            if let Some(s) = pystr::try_as_str(&p) {
                return Ok(s.to_string());
            }
            if !p.is(&self.none) {
                return Err(self.type_error("package must be a string".into()));
            }
        }
        let k = self.intern("__name__");
        let Some(n) = dict::data(globals).get_str(&k) else {
            let t = self.types.exc.key_error.clone();
            return Err(self.new_error(&t, "'__name__' not in globals".into()));
        };
        let Some(n) = pystr::try_as_str(&n).map(str::to_string) else {
            return Err(self.type_error("module name must be a string".into()));
        };
        let k = self.intern("__path__");
        if dict::data(globals).get_str(&k).is_some() {
            return Ok(n);
        }
        Ok(n.rsplit_once('.')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default())
    }

    /// `from package import a, b`: submodules named in the list that are not attributes yet
    /// are imported (a missing one is left for `IMPORT_FROM` to report).
    fn handle_fromlist(&mut self, m: &Obj, from: &[Obj], from_all: bool) -> PyResult<()> {
        let mname = self.module_name(m);
        for x in from {
            let Some(s) = pystr::try_as_str(x).map(str::to_string) else {
                let what = if from_all {
                    format!("{mname}.__all__")
                } else {
                    "from list".to_string()
                };
                return Err(
                    self.type_error(format!("Item in {what} must be str, not {}", x.ty().name()))
                );
            };
            if s == "*" {
                if !from_all {
                    if let Some(all) = self.module_attr(m, "__all__") {
                        let names = self.iterate(&all)?;
                        self.handle_fromlist(m, &names, true)?;
                    }
                }
                continue;
            }
            if self.module_attr(m, &s).is_none() {
                let full = format!("{mname}.{s}");
                if let Err(e) = self.import_module(&full) {
                    // Only "this submodule does not exist" is left for IMPORT_FROM to report;
                    // errors raised while importing an existing submodule propagate.
                    let mnf = self.types.exc.module_not_found_error.clone();
                    let missing = self.err_matches(&e, &mnf)
                        && self.exception_message(&e.exc) == format!("No module named '{full}'");
                    if !missing {
                        return Err(e);
                    }
                }
            }
        }
        Ok(())
    }

    /// A module's own attribute, looked up in its namespace without running Python code.
    fn module_attr(&mut self, m: &Obj, name: &str) -> Option<Obj> {
        if m.ty().name() != "module" {
            let k = self.intern(name);
            return self.getattr(m, &k).ok();
        }
        let k = self.intern(name);
        dict::data(module::module_dict(m)).get_str(&k)
    }

    /// Whether module `m`'s body is still running (it is partially initialised).
    fn is_initializing(&self, m: &Obj) -> bool {
        self.importing.iter().any(|x| x.is(m))
    }

    /// `IMPORT_FROM`: `from m import name`, falling back to the submodule `m.name` in
    /// `sys.modules`, with CPython's ImportError otherwise.
    pub fn import_from(&mut self, m: &Obj, name: &Obj) -> PyResult<Obj> {
        match self.getattr(m, name) {
            Ok(v) => return Ok(v),
            Err(e) => {
                let ae = self.types.exc.attribute_error.clone();
                if !self.err_matches(&e, &ae) {
                    return Err(e);
                }
            }
        }
        let n = pystr::as_str(name).to_string();
        let mname = self.module_attr(m, "__name__");
        let t = self.types.exc.import_error.clone();
        let mname = mname.and_then(|s| pystr::try_as_str(&s).map(str::to_string));
        if let Some(mname) = &mname {
            let full = self.new_str(&format!("{mname}.{n}"))?;
            if let Some(sub) = dict::data(&self.modules).get_str(&full) {
                return Ok(sub);
            }
        }
        let known = mname.is_some();
        let mname = mname.unwrap_or_else(|| "<unknown module name>".to_string());
        let file = if known {
            self.module_attr(m, "__file__")
                .and_then(|f| pystr::try_as_str(&f).map(str::to_string))
        } else {
            None
        };
        let location = file.as_deref().unwrap_or("unknown location");
        let msg = if self.is_initializing(m) {
            format!(
                "cannot import name '{n}' from partially initialized module '{mname}' \
                 (most likely due to a circular import) ({location})"
            )
        } else {
            format!("cannot import name '{n}' from '{mname}' ({location})")
        };
        let err = self.new_error(&t, msg);
        let attrs = [("name", known.then_some(mname)), ("path", file)];
        for (k, v) in attrs {
            let val = match v {
                Some(s) => self.new_str(&s)?,
                None => self.none.clone(),
            };
            let k = self.intern(k);
            self.setattr(&err.exc, &k, Some(val))?;
        }
        Err(err)
    }

    /// `IMPORT_STAR`: binds the module's public names (`__all__`, or every name not starting
    /// with an underscore) in `ns`.
    pub fn import_star(&mut self, m: &Obj, ns: &Obj) -> PyResult<()> {
        let mname = self.module_name(m);
        if let Some(all) = self.module_attr(m, "__all__") {
            for k in self.iterate(&all)? {
                if !pystr::is_str(&k) {
                    return Err(self.type_error(format!(
                        "Item in {mname}.__all__ must be str, not {}",
                        k.ty().name()
                    )));
                }
                let v = self.getattr(m, &k)?;
                self.dict_set(ns, k, v)?;
            }
            return Ok(());
        }
        let d = if m.ty().name() == "module" {
            module::module_dict(m).clone()
        } else {
            let k = self.intern("__dict__");
            self.getattr(m, &k)?
        };
        for (k, v) in dict::data(&d).items() {
            let Some(s) = pystr::try_as_str(&k) else {
                return Err(self.type_error(format!(
                    "Key in {mname}.__dict__ must be str, not {}",
                    k.ty().name()
                )));
            };
            if !s.starts_with('_') {
                self.dict_set(ns, k, v)?;
            }
        }
        Ok(())
    }

    /// Attribute lookup on a module: its namespace, then a module-level `__getattr__`
    /// (PEP 562), then CPython's AttributeError.
    pub fn module_getattr(&mut self, m: &Obj, name: &Obj) -> PyResult<Obj> {
        let d = module::module_dict(m).clone();
        if let Some(v) = dict::data(&d).get_str(name) {
            return Ok(v);
        }
        if let Some(v) = self.generic_type_attr(m, name)? {
            return Ok(v);
        }
        if self.lookup_type_attr(m.ty(), name).is_some() {
            return self.generic_getattr(m, name);
        }
        let k = self.intern("__getattr__");
        if let Some(f) = dict::data(&d).get_str(&k) {
            return self.call(&f, std::slice::from_ref(name));
        }
        let mname = self.module_name(m);
        let n = pystr::as_str(name).to_string();
        if self.is_initializing(m) {
            return Err(self.attribute_error(format!(
                "partially initialized module '{mname}' has no attribute '{n}' \
                 (most likely due to a circular import)"
            )));
        }
        Err(self.attribute_error(format!("module '{mname}' has no attribute '{n}'")))
    }

    /// `__dict__` and `__class__` of a module, which live on the type rather than in the
    /// namespace.
    fn generic_type_attr(&mut self, m: &Obj, name: &Obj) -> PyResult<Option<Obj>> {
        Ok(match pystr::as_str(name) {
            "__dict__" => Some(module::module_dict(m).clone()),
            "__class__" => Some(m.ty().to_obj()),
            _ => None,
        })
    }

    /// `repr(module)`: `<module 'm' from 'file'>`, `(built-in)` for the interpreter's own
    /// modules, `(namespace)` for namespace packages.
    pub fn module_repr_string(&mut self, m: &Obj) -> String {
        let n = self.module_name(m);
        if let Some(f) = self.module_attr(m, "__file__") {
            if let Some(f) = pystr::try_as_str(&f) {
                return format!("<module '{n}' from '{f}'>");
            }
        }
        if crate::modules::is_builtin(&n) {
            return format!("<module '{n}' (built-in)>");
        }
        if let Some(p) = self.module_attr(m, "__path__") {
            if let Ok(r) = self.repr_string(&p) {
                return format!("<module '{n}' (namespace) from {r}>");
            }
        }
        format!("<module '{n}'>")
    }
}

/// The `__import__(name, globals=None, locals=None, fromlist=(), level=0)` built-in.
pub fn builtin_import(vm: &mut Vm, a: crate::objects::args::Args) -> PyResult<Obj> {
    let [name, globals, _locals, fromlist, level] = a.bind(
        vm,
        "__import__",
        ["name", "globals", "locals", "fromlist", "level"],
        0,
        1,
    )?;
    let Some(name) = name.and_then(pystr::try_as_str).map(str::to_string) else {
        return Err(vm.type_error("module name must be a string".into()));
    };
    let level = match level {
        Some(l) => vm.index_i64(l)?,
        None => 0,
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0".into()));
    }
    let globals = match globals {
        Some(g) if g.ty().name() == "dict" => g.clone(),
        Some(g) if !g.is(&vm.none) => {
            return Err(vm.type_error("globals must be a dict".into()));
        }
        _ if level > 0 => return Err(vm.type_error("globals must be a dict".into())),
        _ => vm.new_dict()?,
    };
    let fromlist = fromlist.cloned().unwrap_or_else(|| vm.none.clone());
    vm.import_name(&name, &fromlist, level, &globals)
}

/// `str()` of a SyntaxError carrying `(msg, (filename, lineno, ...))`: CPython's
/// `msg (file.py, line N)` with the file's base name.
pub fn syntax_error_str(vm: &Vm, e: &Obj, args: &[Obj]) -> Option<String> {
    let se = crate::objects::typeobj::as_type(&vm.types.exc.syntax_error);
    if !e.ty().is_subtype(se) || args.len() != 2 {
        return None;
    }
    let msg = pystr::try_as_str(&args[0])?;
    let details = crate::objects::tuple::try_items(&args[1])?;
    let file = pystr::try_as_str(details.first()?)?;
    let line = crate::objects::int::as_small(details.get(1)?)?;
    let base = file.rsplit('/').next().unwrap_or(file);
    Some(format!("{msg} ({base}, line {line})"))
}

/// Searches `entries` (directories; `''` is the current directory) for module `name`: a
/// package directory wins over a `.py` file in the same entry, and a directory without
/// `__init__.py` is only used as a namespace package if no entry has a real module.
fn find_on_path(name: &str, entries: &[String]) -> Option<Found> {
    let mut namespace = Vec::new();
    for entry in entries {
        // Like CPython's finders, relative entries are taken against the current directory
        // (without normalising), so `__file__` is always absolute.
        let dir = if entry.is_empty() || entry == "." {
            match std::env::current_dir() {
                Ok(d) => d,
                Err(_) => continue,
            }
        } else if std::path::Path::new(entry).is_absolute() {
            std::path::PathBuf::from(entry)
        } else {
            match std::env::current_dir() {
                Ok(d) => d.join(entry),
                Err(_) => continue,
            }
        };
        let pkg_dir = dir.join(name);
        let init = pkg_dir.join("__init__.py");
        if init.is_file() {
            return Some(Found::Package(
                init.to_string_lossy().into_owned(),
                pkg_dir.to_string_lossy().into_owned(),
            ));
        }
        let file = dir.join(format!("{name}.py"));
        if file.is_file() {
            return Some(Found::Source(file.to_string_lossy().into_owned()));
        }
        if pkg_dir.is_dir() {
            namespace.push(pkg_dir.to_string_lossy().into_owned());
        }
    }
    (!namespace.is_empty()).then_some(Found::Namespace(namespace))
}

/// Fills `sys.path` for a program run from `filename`: the script's directory (`''` for
/// `-c`, stdin and other pseudo-files), then the directories of `PYRENA_PATH` and of
/// `PYTHONPATH` (so a tree of pure-Python modules can be shared with CPython). A `sys.path`
/// that already has entries (an embedder's, or an earlier run's) is left alone.
pub fn init_sys_path(vm: &mut Vm, filename: &str) -> PyResult<()> {
    if !vm.sys_path_entries().is_empty() {
        return Ok(());
    }
    let first = if filename.starts_with('<') {
        String::new()
    } else {
        std::path::Path::new(filename)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let mut entries = vec![first];
    for var in ["PYRENA_PATH", "PYTHONPATH"] {
        if let Ok(pp) = std::env::var(var) {
            entries.extend(pp.split(':').filter(|s| !s.is_empty()).map(str::to_string));
        }
    }
    let items = entries
        .iter()
        .map(|s| vm.new_str(s))
        .collect::<PyResult<Vec<_>>>()?;
    let d = module::module_dict(&vm.sys_module).clone();
    let key = vm.intern("path");
    match dict::data(&d).get_str(&key) {
        Some(l) if l.ty().name() == "list" && list::data(&l).is_empty() => {
            for it in items {
                list::data(&l).push(it).map_err(|_| vm.memory_error())?;
            }
            Ok(())
        }
        _ => {
            let l = vm.new_list(items)?;
            vm.dict_set_str(&d, "path", l)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_dir_wins_over_file_and_namespace_is_last() {
        let base = std::env::temp_dir().join(format!("pyrena_import_{}", std::process::id()));
        let a = base.join("a");
        let b = base.join("b");
        std::fs::create_dir_all(a.join("p")).unwrap();
        std::fs::create_dir_all(b.join("p")).unwrap();
        std::fs::write(b.join("p").join("__init__.py"), "").unwrap();
        std::fs::write(a.join("q.py"), "").unwrap();
        let entries = vec![
            a.to_string_lossy().into_owned(),
            b.to_string_lossy().into_owned(),
        ];
        assert!(matches!(
            find_on_path("p", &entries),
            Some(Found::Package(..))
        ));
        assert!(matches!(
            find_on_path("q", &entries),
            Some(Found::Source(_))
        ));
        assert!(find_on_path("zz", &entries).is_none());
        std::fs::remove_file(b.join("p").join("__init__.py")).unwrap();
        match find_on_path("p", &entries) {
            Some(Found::Namespace(d)) => assert_eq!(d.len(), 2),
            _ => panic!("expected a namespace package"),
        }
        let _ = std::fs::remove_dir_all(&base);
    }

    fn sys_path(vm: &mut Vm) -> Vec<String> {
        vm.sys_path_entries()
    }

    #[test]
    fn sys_path_starts_with_script_dir_or_empty() {
        let mut vm = Vm::new();
        init_sys_path(&mut vm, "<string>").unwrap();
        assert_eq!(sys_path(&mut vm).first().map(String::as_str), Some(""));
        let mut vm = Vm::new();
        init_sys_path(&mut vm, "/srv/app/main.py").unwrap();
        assert_eq!(
            sys_path(&mut vm).first().map(String::as_str),
            Some("/srv/app")
        );
        // A second run keeps the path it has.
        init_sys_path(&mut vm, "/elsewhere/other.py").unwrap();
        assert_eq!(
            sys_path(&mut vm).first().map(String::as_str),
            Some("/srv/app")
        );
    }

    #[test]
    fn relative_names_resolve_against_package() {
        let mut vm = Vm::new();
        let g = vm.new_dict().unwrap();
        let n = vm.new_str("pkg.sub.mod").unwrap();
        vm.dict_set_str(&g, "__name__", n).unwrap();
        assert_eq!(vm.resolve_relative("x", 1, &g).unwrap(), "pkg.sub.x");
        assert_eq!(vm.resolve_relative("", 2, &g).unwrap(), "pkg");
        assert!(vm.resolve_relative("", 3, &g).is_err());
    }
}
