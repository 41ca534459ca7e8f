//! The object protocols the VM and built-ins use: attribute access, method lookup without
//! bound-method allocation, binary/unary operators with reflected fallback, rich comparison,
//! hashing, truth, repr/str/format, subscripting, membership, iteration and import.

use crate::heap::Obj;
use crate::objects::typeobj::{as_type, try_as_type, BinaryOp, CompareOp, UnaryOp};
use crate::objects::{dict, exception, float, int, list, str as pystr, tuple};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Looks `name` up in the type's MRO dicts (no instance lookup, no binding).
    pub fn lookup_type_attr(
        &self,
        ty: &crate::objects::typeobj::TypeObject,
        name: &Obj,
    ) -> Option<Obj> {
        let key = ty as *const crate::objects::typeobj::TypeObject as usize;
        if let Some(hit) = self.type_attr_cache.get(key, name) {
            return hit;
        }
        let mro = ty.mro.get()?;
        let mut found = None;
        for t in tuple::items(&mro) {
            if let Some(d) = as_type(t).dict.get() {
                let data = dict::data(&d);
                // Every namespace the cache may borrow from must report its changes.
                data.type_dict.set(true);
                if let Some(v) = data.get_str(name) {
                    found = Some(v);
                    break;
                }
            }
        }
        self.type_attr_cache.put(key, name, found.as_ref());
        found
    }

    pub fn getattr(&mut self, obj: &Obj, name: &Obj) -> PyResult<Obj> {
        if let Some(f) = obj.ty().slots.getattro.get() {
            return f(self, obj, name);
        }
        self.generic_getattr(obj, name)
    }

    pub fn getattr_str(&mut self, obj: &Obj, name: &str) -> PyResult<Obj> {
        let n = self.intern(name);
        self.getattr(obj, &n)
    }

    /// The generic attribute lookup: data descriptors on the type, then the instance dict,
    /// then other type attributes (functions bind to the instance).
    pub fn generic_getattr(&mut self, obj: &Obj, name: &Obj) -> PyResult<Obj> {
        if let Some(v) = crate::objects::class::generic_getattr_with_dict(self, obj, name)? {
            return Ok(v);
        }
        let n = pystr::as_str(name).to_string();
        Err(self.no_attribute(obj, &n))
    }

    /// `AttributeError: 'T' object has no attribute 'x'`, carrying `obj` and `name` for the
    /// "Did you mean" hint.
    pub fn no_attribute(&mut self, obj: &Obj, name: &str) -> crate::vm::PyErr {
        let err = self.attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            obj.ty().name()
        ));
        if let Ok(n) = self.new_str(name) {
            let k = self.intern("name");
            let _ = self.setattr(&err.exc, &k, Some(n));
            let k = self.intern("obj");
            let _ = self.setattr(&err.exc, &k, Some(obj.clone()));
        }
        err
    }

    /// `dir(obj)`: the sorted names of the instance dict and of every class in the MRO (or
    /// of a module's namespace).
    pub fn dir_names(&mut self, obj: &Obj) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let mut add_keys = |keys: Vec<Obj>| {
            for k in keys {
                if let Some(s) = pystr::try_as_str(&k) {
                    names.push(s.to_string());
                }
            }
        };
        let dict_keys = |d: &Obj| crate::objects::dict::data(d).keys();
        if obj.ty().name() == "module" {
            add_keys(dict_keys(crate::objects::module::module_dict(obj)));
        } else {
            add_keys(crate::objects::instance_attrs::keys(obj));
            let ty = match try_as_type(obj) {
                Some(t) => t,
                None => obj.ty(),
            };
            if let Some(mro) = ty.mro.get() {
                for t in tuple::items(&mro) {
                    if let Some(d) = as_type(t).dict.get() {
                        add_keys(dict_keys(&d));
                    }
                }
            }
        }
        names.sort();
        names.dedup();
        names
    }

    pub fn setattr(&mut self, obj: &Obj, name: &Obj, value: Option<Obj>) -> PyResult<()> {
        if let Some(f) = obj.ty().slots.setattro.get() {
            return f(self, obj, name, value);
        }
        crate::objects::class::generic_setattr(self, obj, name, value)
    }

    /// Calls `obj.name(*args)` if the type defines `name`; `None` if it does not.
    pub fn call_dunder_opt(
        &mut self,
        obj: &Obj,
        name: &str,
        args: &[Obj],
    ) -> PyResult<Option<Obj>> {
        let n = self.intern(name);
        match self.lookup_type_attr(obj.ty(), &n) {
            Some(m) => {
                let all = crate::objects::args::with_self(obj, args);
                self.call(&m, &all).map(Some)
            }
            None => Ok(None),
        }
    }

    // ---- operators ----

    pub fn binary_op(&mut self, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
        let fa = a.ty().slots.binary.get();
        // The right operand's slot, when its type differs and the slot is another one (a
        // slot that already tried both operands, as heap types' do, is not called twice).
        let mut fb = b.ty().slots.binary.get().filter(|fb| {
            !std::ptr::eq(a.type_ptr(), b.type_ptr())
                && !fa.is_some_and(|fa| std::ptr::fn_addr_eq(fa, *fb))
        });
        // CPython's rule: a right operand whose type derives from the left's, with a slot of
        // its own, goes first (`2.0 + F(1.5)` calls `F.__radd__`).
        if let Some(f) = fb.filter(|_| b.ty().is_subtype(a.type_ptr())) {
            let r = f(self, op, a, b)?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
            fb = None;
        }
        if let Some(f) = fa {
            let r = f(self, op, a, b)?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if let Some(f) = fb {
            let r = f(self, op, a, b)?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if op == BinaryOp::Multiply {
            // `seq * n` (or `n * seq`) where n is an instance with `__index__`.
            let is_seq = |o: &Obj| {
                pystr::is_str(o)
                    || list::is_list(o)
                    || tuple::is_tuple(o)
                    || crate::objects::buffer::bytes_like(o).is_some()
            };
            if is_seq(a) {
                if let Some(k) = crate::objects::seq::index_key(self, b)? {
                    return self.binary_op(op, a, &k);
                }
            } else if is_seq(b) {
                if let Some(k) = crate::objects::seq::index_key(self, a)? {
                    return self.binary_op(op, &k, b);
                }
            }
        }
        Err(self.binop_type_error(op, a, b, ""))
    }

    fn binop_type_error(
        &mut self,
        op: BinaryOp,
        a: &Obj,
        b: &Obj,
        inplace: &str,
    ) -> crate::vm::PyErr {
        let (ta, tb) = (a.ty().name().to_string(), b.ty().name().to_string());
        if op == BinaryOp::Add && (pystr::is_str(a) || list::is_list(a) || tuple::is_tuple(a)) {
            return self.type_error(format!("can only concatenate {ta} (not \"{tb}\") to {ta}"));
        }
        if op == BinaryOp::Multiply
            && (pystr::is_str(a)
                || list::is_list(a)
                || tuple::is_tuple(a)
                || pystr::is_str(b)
                || list::is_list(b)
                || tuple::is_tuple(b))
        {
            let other = if pystr::is_str(a) || list::is_list(a) || tuple::is_tuple(a) {
                &tb
            } else {
                &ta
            };
            return self.type_error(format!(
                "can't multiply sequence by non-int of type '{other}'"
            ));
        }
        let sym = if op == BinaryOp::Power && inplace.is_empty() {
            "** or pow()".to_string()
        } else {
            format!("{}{inplace}", op.symbol())
        };
        self.type_error(format!(
            "unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"
        ))
    }

    pub fn inplace_op(&mut self, op: BinaryOp, a: Obj, b: &Obj) -> PyResult<Obj> {
        if let Some(f) = a.ty().slots.inplace.get() {
            let r = f(self, op, &a, b)?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        match self.binary_op(op, &a, b) {
            Ok(r) => Ok(r),
            Err(e) => {
                if e.exc.ty().name() == "TypeError" {
                    let msg = self.exception_message(&e.exc);
                    if msg.starts_with("unsupported operand") {
                        return Err(self.binop_type_error(op, &a, b, "="));
                    }
                }
                Err(e)
            }
        }
    }

    pub fn unary_op(&mut self, op: UnaryOp, a: &Obj) -> PyResult<Obj> {
        if let Some(f) = a.ty().slots.unary.get() {
            return f(self, op, a);
        }
        let sym = match op {
            UnaryOp::Negative => "-",
            UnaryOp::Positive => "+",
            UnaryOp::Invert => "~",
        };
        Err(self.type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            a.ty().name()
        )))
    }

    pub fn richcompare(&mut self, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
        // Comparing nested containers recurses through here: bound it like CPython.
        if self.depth >= self.recursion_limit {
            let t = self.types.exc.recursion_error.clone();
            return Err(self.new_error(&t, "maximum recursion depth exceeded in comparison".into()));
        }
        self.depth += 1;
        let r = self.richcompare_inner(a, b, op);
        self.depth -= 1;
        r
    }

    fn richcompare_inner(&mut self, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
        // CPython's rule: a right operand whose type derives from the left's goes first.
        let reflected_first =
            !std::ptr::eq(a.type_ptr(), b.type_ptr()) && b.ty().is_subtype(a.type_ptr());
        if reflected_first {
            if let Some(f) = b.ty().slots.richcompare.get() {
                let r = f(self, b, a, op.swapped())?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = a.ty().slots.richcompare.get() {
            let r = f(self, a, b, op)?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if let Some(f) = b.ty().slots.richcompare.get().filter(|_| !reflected_first) {
            let r = f(self, b, a, op.swapped())?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        match op {
            CompareOp::Eq => Ok(self.new_bool(a.is(b))),
            CompareOp::Ne => Ok(self.new_bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.ty().name(),
                b.ty().name()
            ))),
        }
    }

    /// Python `==` as a Rust bool.
    pub fn eq(&mut self, a: &Obj, b: &Obj) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        let r = self.richcompare(a, b, CompareOp::Eq)?;
        self.is_true(&r)
    }

    /// `a < b` as a Rust bool (the only comparison sorting uses, as in CPython).
    pub fn lt(&mut self, a: &Obj, b: &Obj) -> PyResult<bool> {
        if let (Some(x), Some(y)) = (int::as_small(a), int::as_small(b)) {
            return Ok(x < y);
        }
        let r = self.richcompare(a, b, CompareOp::Lt)?;
        self.is_true(&r)
    }

    pub fn hash(&mut self, obj: &Obj) -> PyResult<i64> {
        if pystr::is_str(obj) {
            return Ok(pystr::str_hash_value(obj));
        }
        match obj.ty().slots.hash.get() {
            Some(f) => f(self, obj),
            None => Err(self.type_error(format!("unhashable type: '{}'", obj.ty().name()))),
        }
    }

    pub fn is_true(&mut self, obj: &Obj) -> PyResult<bool> {
        if obj.is(&self.true_obj) {
            return Ok(true);
        }
        if obj.is(&self.false_obj) || obj.is(&self.none) {
            return Ok(false);
        }
        if let Some(f) = obj.ty().slots.bool.get() {
            return f(self, obj);
        }
        if let Some(f) = obj.ty().slots.len.get() {
            return Ok(f(self, obj)? != 0);
        }
        Ok(true)
    }

    pub fn len(&mut self, obj: &Obj) -> PyResult<usize> {
        match obj.ty().slots.len.get() {
            Some(f) => f(self, obj),
            None => {
                Err(self.type_error(format!("object of type '{}' has no len()", obj.ty().name())))
            }
        }
    }

    pub fn repr(&mut self, obj: &Obj) -> PyResult<Obj> {
        if self.depth >= self.recursion_limit {
            let t = self.types.exc.recursion_error.clone();
            return Err(self.new_error(
                &t,
                "maximum recursion depth exceeded while getting the repr of an object".into(),
            ));
        }
        match obj.ty().slots.repr.get() {
            Some(f) => {
                self.depth += 1;
                let r = f(self, obj);
                self.depth -= 1;
                r
            }
            None => {
                let s = format!("<{} object at {:#x}>", obj.ty().name(), obj.addr());
                self.new_str(&s)
            }
        }
    }

    pub fn repr_string(&mut self, obj: &Obj) -> PyResult<String> {
        let r = self.repr(obj)?;
        Ok(pystr::as_str(&r).to_string())
    }

    pub fn str(&mut self, obj: &Obj) -> PyResult<Obj> {
        if pystr::is_str(obj) && obj.ty().name() == "str" {
            return Ok(obj.clone());
        }
        match obj.ty().slots.str.get() {
            Some(f) => f(self, obj),
            None => self.repr(obj),
        }
    }

    pub fn str_string(&mut self, obj: &Obj) -> PyResult<String> {
        let r = self.str(obj)?;
        Ok(pystr::as_str(&r).to_string())
    }

    pub fn ascii(&mut self, obj: &Obj) -> PyResult<Obj> {
        let r = self.repr_string(obj)?;
        let mut out = String::new();
        for c in r.chars() {
            if c.is_ascii() {
                out.push(c);
            } else if (c as u32) < 0x100 {
                out.push_str(&format!("\\x{:02x}", c as u32));
            } else if (c as u32) < 0x10000 {
                out.push_str(&format!("\\u{:04x}", c as u32));
            } else {
                out.push_str(&format!("\\U{:08x}", c as u32));
            }
        }
        self.new_str(&out)
    }

    /// A mapping as a dict: a dict itself, else a new dict of `m[k] for k in m.keys()` (what
    /// `**m` and `dict(m)` accept), else "'T' object is not a mapping".
    pub fn mapping_as_dict(&mut self, m: Obj) -> PyResult<Obj> {
        if crate::objects::dict::is_dict(&m) {
            return Ok(m);
        }
        let keys_name = self.intern("keys");
        let keys = match self.getattr(&m, &keys_name) {
            Ok(k) => k,
            Err(e) if self.err_matches(&e, &self.types.exc.attribute_error.clone()) => {
                return Err(self.type_error(format!("'{}' object is not a mapping", m.ty().name())))
            }
            Err(e) => return Err(e),
        };
        let keys = self.call(&keys, &[])?;
        let d = self.new_dict()?;
        for k in self.iterate(&keys)? {
            let v = self.getitem(&m, &k)?;
            self.dict_set(&d, k, v)?;
        }
        Ok(d)
    }

    /// The `__exit__` of a `with` statement's manager, with CPython's TypeError if it is missing.
    pub fn with_exit_method(&mut self, mgr: &Obj, exit_name: &Obj) -> PyResult<Obj> {
        match self.getattr(mgr, exit_name) {
            Ok(exit) => Ok(exit),
            Err(e) if self.err_matches(&e, &self.types.exc.attribute_error.clone()) => {
                Err(self.type_error(format!(
                    "'{}' object does not support the context manager protocol (missed __exit__ method)",
                    mgr.ty().name()
                )))
            }
            Err(e) => Err(e),
        }
    }

    /// `format(value, spec)`.
    pub fn format(&mut self, v: &Obj, spec: Option<&Obj>) -> PyResult<Obj> {
        if let Some(s) = spec.filter(|s| !pystr::is_str(s)) {
            return Err(self.type_error(format!(
                "format() argument 2 must be str, not {}",
                s.ty().name()
            )));
        }
        if crate::objects::class::is_heap_type(v.ty()) {
            // A class's own `__format__` (built-in types format below).
            let n = self.intern("__format__");
            if let Some(f) = crate::objects::class_slots::lookup_python_attr(self, v.ty(), &n) {
                let spec = match spec {
                    Some(s) => s.clone(),
                    None => self.new_str("")?,
                };
                let bound = crate::objects::descr::descr_get(self, &f, Some(v), &v.ty().to_obj())?;
                let r = self.call(&bound, &[spec])?;
                if !pystr::is_str(&r) {
                    return Err(self.type_error(format!(
                        "__format__ must return a str, not {}",
                        r.ty().name()
                    )));
                }
                return Ok(r);
            }
        }
        let spec_s = spec
            .map(|s| pystr::as_str(s).to_string())
            .unwrap_or_default();
        if spec_s.is_empty() {
            return self.str(v);
        }
        let tname = v.ty().name().to_string();
        if int::as_int(v).is_none() && float::as_float(v).is_none() && !pystr::is_str(v) {
            return Err(self.type_error(format!(
                "unsupported format string passed to {tname}.__format__"
            )));
        }
        let parsed = crate::text::format_spec::FormatSpec::parse(&spec_s, &tname)
            .map_err(|e| crate::objects::str_type::text_error(self, e))?;
        let out: Result<String, crate::text::TextError> = if let Some(i) = int::as_int(v) {
            // bool formats as int with any non-empty spec (int.__format__).
            crate::text::format_number::format_int(&i.to_big(), &parsed, &tname)
        } else if let Some(f) = float::as_float(v) {
            crate::text::format_number::format_float(f, &parsed, &tname)
        } else {
            // A str (checked above).
            crate::text::format_spec::format_str(pystr::as_str(v), &parsed, &tname)
                .map(|c| c.into_owned())
        };
        match out {
            Ok(s) => self.new_str(&s),
            Err(e) => Err(crate::objects::str_type::text_error(self, e)),
        }
    }

    // ---- containers ----

    pub fn getitem(&mut self, c: &Obj, key: &Obj) -> PyResult<Obj> {
        match c.ty().slots.getitem.get() {
            Some(f) => f(self, c, key),
            None => {
                if let Some(t) = try_as_type(c) {
                    // `C[item]` through the class's `__class_getitem__`.
                    let n = self.intern("__class_getitem__");
                    if let Some(f) = self.lookup_type_attr(t, &n) {
                        let bound = crate::objects::descr::descr_get(self, &f, None, c)?;
                        return self.call(&bound, std::slice::from_ref(key));
                    }
                    return Err(self
                        .type_error(format!("type '{}' is not subscriptable", as_type(c).name())));
                }
                Err(self.type_error(format!("'{}' object is not subscriptable", c.ty().name())))
            }
        }
    }

    pub fn setitem(&mut self, c: &Obj, key: &Obj, v: Option<Obj>) -> PyResult<()> {
        match c.ty().slots.setitem.get() {
            Some(f) => f(self, c, key, v),
            None => {
                let what = if v.is_some() {
                    "does not support item assignment"
                } else {
                    "doesn't support item deletion"
                };
                Err(self.type_error(format!("'{}' object {what}", c.ty().name())))
            }
        }
    }

    pub fn contains(&mut self, c: &Obj, item: &Obj) -> PyResult<bool> {
        if let Some(f) = c.ty().slots.contains.get() {
            return f(self, c, item);
        }
        if !self.is_iterable(c) {
            return Err(self.type_error(format!(
                "argument of type '{}' is not iterable",
                c.ty().name()
            )));
        }
        let it = self.get_iter(c)?;
        while let Some(v) = self.next(&it)? {
            if self.eq(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    pub fn is_iterable(&self, obj: &Obj) -> bool {
        obj.ty().slots.iter.get().is_some()
            || obj.ty().slots.iternext.get().is_some()
            || (obj.ty().slots.getitem.get().is_some() && try_as_type(obj).is_none())
    }

    pub fn get_iter(&mut self, obj: &Obj) -> PyResult<Obj> {
        match obj.ty().slots.iter.get() {
            Some(f) => f(self, obj),
            None => {
                if obj.ty().slots.iternext.get().is_some() {
                    return Ok(obj.clone());
                }
                if obj.ty().slots.getitem.get().is_some() && try_as_type(obj).is_none() {
                    // The old sequence protocol: items 0, 1, 2... by `__getitem__`.
                    let ty = self.types.seq_iterator.clone();
                    return self.new_seq_iter(&ty, obj.clone());
                }
                Err(self.type_error(format!("'{}' object is not iterable", obj.ty().name())))
            }
        }
    }

    /// The next item, or `None` when exhausted.
    #[inline]
    pub fn next(&mut self, it: &Obj) -> PyResult<Option<Obj>> {
        match it.ty().slots.iternext.get() {
            Some(f) => f(self, it),
            None => Err(self.type_error(format!("'{}' object is not an iterator", it.ty().name()))),
        }
    }

    /// Collects an iterable into a vector.
    pub fn iterate(&mut self, obj: &Obj) -> PyResult<Vec<Obj>> {
        if let Some(t) = tuple::try_items(obj) {
            return Ok(t.to_vec());
        }
        if let Some(l) = list::try_data(obj) {
            return Ok(l.snapshot());
        }
        let mut out = Vec::new();
        if let Some(r) = crate::objects::iter::range_data(self, obj) {
            // A known length: fail fast with MemoryError, as CPython's length hint does.
            if out.try_reserve_exact(r.len).is_err() {
                return Err(self.memory_error());
            }
        }
        let it = self.get_iter(obj)?;
        while let Some(v) = self.next(&it)? {
            out.push(v);
        }
        Ok(out)
    }

    pub fn list_extend(&mut self, l: &Obj, it: &Obj) -> PyResult<()> {
        let items = self.iterate(it)?;
        let d = list::data(l);
        d.reserve(items.len()).map_err(|_| self.memory_error())?;
        for v in items {
            d.push(v).map_err(|_| self.memory_error())?;
        }
        Ok(())
    }

    /// The message of an exception (`str(exc)`).
    pub fn exception_message(&mut self, exc: &Obj) -> String {
        self.str_string(exc).unwrap_or_default()
    }

    pub fn exc_args(&self, e: &Obj) -> Obj {
        exception::exc_data(e)
            .args
            .get()
            .unwrap_or_else(|| self.empty_tuple.clone())
    }
}
