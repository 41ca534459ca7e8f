//! The symbol table pass: decides for every name in every scope whether it is a fast local, a
//! cell (a local captured by an inner function), a free variable (captured from an enclosing
//! function), an explicit or implicit global, or a name looked up dynamically (module and class
//! bodies) — CPython's rules.
//!
//! Invariant: scopes are keyed by the span of the AST node that opens them (def, lambda,
//! class, comprehension), so code generation finds the same scope for the same node.

use std::collections::HashMap;

use crate::parser::ast::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameScope {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
    /// Module-level and class-level names: LOAD_NAME / STORE_NAME.
    Name,
}

const DEF_LOCAL: u8 = 1;
const DEF_PARAM: u8 = 2;
const DEF_GLOBAL: u8 = 4;
const DEF_NONLOCAL: u8 = 8;
const USE: u8 = 16;

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Names in first-seen order with their flags.
    symbols: Vec<(String, u8)>,
    index: HashMap<String, usize>,
    /// Parameter names in order (functions).
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    pub is_generator: bool,
    /// The scope mentions `super` or `__class__`: it needs the implicit `__class__` cell of
    /// the enclosing class body.
    pub uses_class_cell: bool,
    /// Where each `global`/`nonlocal` declaration was made (for conflict errors, which
    /// CPython reports at the first declaration).
    decl_spans: HashMap<String, Span>,
    /// Resolved after analysis.
    pub resolved: HashMap<String, NameScope>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// The class whose name private identifiers (`__x`) are mangled with: the innermost
    /// enclosing class body, this scope included.
    pub private: Option<String>,
}

/// CPython's private name mangling: inside class `C`, `__x` (not ending in `__`) means
/// `_C__x`; leading underscores of the class name are dropped, and a class named only with
/// underscores mangles nothing. Idempotent.
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    let Some(class) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{class}{name}"))
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            parent,
            is_generator: false,
            uses_class_cell: false,
            decl_spans: HashMap::new(),
            resolved: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            private: None,
        }
    }

    /// `name` as this scope stores it (mangled inside a class).
    pub fn mangle<'a>(&self, name: &'a str) -> std::borrow::Cow<'a, str> {
        mangle(self.private.as_deref(), name)
    }

    fn add(&mut self, name: &str, flag: u8) {
        let name = &*mangle(self.private.as_deref(), name);
        match self.index.get(name) {
            Some(&i) => self.symbols[i].1 |= flag,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push((name.to_string(), flag));
            }
        }
    }

    fn flags(&self, name: &str) -> u8 {
        let name = &*self.mangle(name);
        self.index.get(name).map_or(0, |&i| self.symbols[i].1)
    }

    fn binds(&self, name: &str) -> bool {
        let f = self.flags(name);
        f & (DEF_LOCAL | DEF_PARAM) != 0 && f & (DEF_GLOBAL | DEF_NONLOCAL) == 0
    }

    /// How `name` is accessed in this scope.
    pub fn lookup(&self, name: &str) -> NameScope {
        match self.resolved.get(&*self.mangle(name)) {
            Some(s) => *s,
            None => match self.kind {
                ScopeKind::Function => NameScope::GlobalImplicit,
                _ => NameScope::Name,
            },
        }
    }

    /// Local variable names (parameters first), in slot order.
    pub fn varnames(&self) -> Vec<String> {
        let mut v = self.params.clone();
        for (n, f) in &self.symbols {
            if self.kind == ScopeKind::Function
                && f & DEF_LOCAL != 0
                && f & (DEF_GLOBAL | DEF_NONLOCAL) == 0
                && !v.contains(n)
                && self.resolved.get(n) == Some(&NameScope::Local)
            {
                v.push(n.clone());
            }
        }
        v
    }
}

#[derive(Debug, Default)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_span: HashMap<(u32, u32), usize>,
}

/// An error found while building the table (e.g. a name both nonlocal and global).
#[derive(Debug)]
pub struct SymtableError {
    pub msg: String,
    pub span: Span,
}

impl SymbolTable {
    pub fn build(module: &Module) -> Result<SymbolTable, SymtableError> {
        let mut b = Builder {
            t: SymbolTable::default(),
            cur: 0,
        };
        b.t.scopes
            .push(Scope::new(ScopeKind::Module, "<module>", None));
        for s in &module.body {
            b.stmt(s)?;
        }
        b.t.analyze()?;
        Ok(b.t)
    }

    /// The scope opened by the node with this span.
    pub fn scope_for(&self, span: Span) -> usize {
        self.by_span[&(span.start, span.end)]
    }

    fn analyze(&mut self) -> Result<(), SymtableError> {
        // Children first need their parents' bindings, so resolve top-down, then propagate cells.
        let order: Vec<usize> = (0..self.scopes.len()).collect();
        for &id in &order {
            let names: Vec<(String, u8)> = self.scopes[id].symbols.clone();
            for (name, f) in names {
                let res = self.resolve(id, &name, f);
                self.scopes[id].resolved.insert(name.clone(), res);
                if res == NameScope::Free {
                    self.mark_free(id, &name);
                }
            }
        }
        for id in order {
            if self.scopes[id].uses_class_cell {
                self.add_class_cell(id);
            }
        }
        Ok(())
    }

    /// Threads the implicit `__class__` cell from the nearest enclosing class body down to
    /// function `id` (CPython's mechanism behind zero-argument `super()`).
    fn add_class_cell(&mut self, id: usize) {
        const NAME: &str = "__class__";
        let mut chain = vec![id];
        let mut p = self.scopes[id].parent;
        while let Some(pid) = p {
            if self.scopes[pid].kind == ScopeKind::Class {
                let c = &mut self.scopes[pid];
                if !c.cellvars.iter().any(|n| n == NAME) {
                    c.cellvars.push(NAME.to_string());
                }
                c.resolved.insert(NAME.to_string(), NameScope::Cell);
                for f in chain {
                    let s = &mut self.scopes[f];
                    if !s.freevars.iter().any(|n| n == NAME) {
                        s.freevars.push(NAME.to_string());
                    }
                    s.resolved.insert(NAME.to_string(), NameScope::Free);
                }
                return;
            }
            if self.scopes[pid].kind == ScopeKind::Module {
                return;
            }
            chain.push(pid);
            p = self.scopes[pid].parent;
        }
    }

    fn resolve(&self, id: usize, name: &str, f: u8) -> NameScope {
        let s = &self.scopes[id];
        if f & DEF_GLOBAL != 0 {
            return NameScope::GlobalExplicit;
        }
        if f & DEF_NONLOCAL != 0 {
            return NameScope::Free;
        }
        match s.kind {
            ScopeKind::Module => NameScope::Name,
            ScopeKind::Class => {
                if f & (DEF_LOCAL | DEF_PARAM) != 0 {
                    NameScope::Name
                } else if self.enclosing_binds(id, name) {
                    NameScope::Free
                } else {
                    NameScope::Name
                }
            }
            ScopeKind::Function => {
                if f & (DEF_LOCAL | DEF_PARAM) != 0 {
                    NameScope::Local
                } else if self.enclosing_binds(id, name) {
                    NameScope::Free
                } else {
                    NameScope::GlobalImplicit
                }
            }
        }
    }

    /// Whether an enclosing function scope binds `name` (class scopes are skipped).
    fn enclosing_binds(&self, id: usize, name: &str) -> bool {
        let mut p = self.scopes[id].parent;
        while let Some(pid) = p {
            let ps = &self.scopes[pid];
            if ps.kind == ScopeKind::Function {
                if ps.binds(name) {
                    return true;
                }
                if ps.flags(name) & DEF_NONLOCAL != 0 {
                    return true;
                }
                if ps.flags(name) & DEF_GLOBAL != 0 {
                    return false;
                }
            }
            if ps.kind == ScopeKind::Module {
                return false;
            }
            p = ps.parent;
        }
        false
    }

    /// Records `name` as free in `id` and every scope between it and the binding scope, and
    /// as a cell in the binding scope.
    fn mark_free(&mut self, id: usize, name: &str) {
        if !self.scopes[id].freevars.iter().any(|n| n == name) {
            self.scopes[id].freevars.push(name.to_string());
        }
        let mut p = self.scopes[id].parent;
        while let Some(pid) = p {
            let binds =
                self.scopes[pid].kind == ScopeKind::Function && self.scopes[pid].binds(name);
            if binds {
                let s = &mut self.scopes[pid];
                if !s.cellvars.iter().any(|n| n == name) {
                    s.cellvars.push(name.to_string());
                }
                s.resolved.insert(name.to_string(), NameScope::Cell);
                return;
            }
            let s = &mut self.scopes[pid];
            if s.kind == ScopeKind::Function || s.kind == ScopeKind::Class {
                if !s.freevars.iter().any(|n| n == name) {
                    s.freevars.push(name.to_string());
                }
                if s.kind == ScopeKind::Function {
                    s.resolved.insert(name.to_string(), NameScope::Free);
                }
            }
            p = s.parent;
        }
    }
}

struct Builder {
    t: SymbolTable,
    cur: usize,
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.t.scopes[self.cur]
    }

    fn push_scope(&mut self, kind: ScopeKind, name: &str, span: Span) -> usize {
        let id = self.t.scopes.len();
        let mut scope = Scope::new(kind, name, Some(self.cur));
        scope.private = if kind == ScopeKind::Class {
            Some(name.to_string())
        } else {
            self.t.scopes[self.cur].private.clone()
        };
        self.t.scopes.push(scope);
        self.t.scopes[self.cur].children.push(id);
        self.t.by_span.insert((span.start, span.end), id);
        let prev = self.cur;
        self.cur = id;
        prev
    }

    fn def(&mut self, name: &str) {
        self.scope().add(name, DEF_LOCAL);
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SymtableError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SymtableError> {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(d)?;
                }
                self.arg_defaults(&f.args)?;
                for a in all_args(&f.args) {
                    if let Some(ann) = &a.annotation {
                        self.expr(ann)?;
                    }
                }
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.def(&f.name);
                let prev = self.push_scope(ScopeKind::Function, &f.name, s.span);
                self.params(&f.args)?;
                self.stmts(&f.body)?;
                self.cur = prev;
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.def(&c.name);
                let prev = self.push_scope(ScopeKind::Class, &c.name, s.span);
                self.stmts(&c.body)?;
                self.cur = prev;
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.target(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.scope().add(n, DEF_LOCAL | USE);
                } else {
                    self.target(target)?;
                }
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.expr(annotation)?;
                self.target(target)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body } => {
                for it in items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.def(n);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(names) => {
                for a in names {
                    let bound = match &a.asname {
                        Some(n) => n.clone(),
                        None => a.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.def(&bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name != "*" {
                        let bound = a.asname.as_ref().unwrap_or(&a.name).clone();
                        self.def(&bound);
                    }
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    if self.scope().flags(n) & DEF_NONLOCAL != 0 {
                        return Err(SymtableError {
                            msg: format!("name '{n}' is nonlocal and global"),
                            span: self.scope().decl_spans.get(n).copied().unwrap_or(s.span),
                        });
                    }
                    self.scope().decl_spans.entry(n.clone()).or_insert(s.span);
                    if self.scope().flags(n) & (DEF_LOCAL | USE | DEF_PARAM) != 0 {
                        let what = if self.scope().flags(n) & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and global")
                        } else if self.scope().flags(n) & DEF_LOCAL != 0 {
                            format!("name '{n}' is assigned to before global declaration")
                        } else {
                            format!("name '{n}' is used prior to global declaration")
                        };
                        return Err(SymtableError {
                            msg: what,
                            span: s.span,
                        });
                    }
                    self.scope().add(n, DEF_GLOBAL);
                }
            }
            StmtKind::Nonlocal(names) => {
                for n in names {
                    if self.scope().flags(n) & DEF_GLOBAL != 0 {
                        return Err(SymtableError {
                            msg: format!("name '{n}' is nonlocal and global"),
                            span: self.scope().decl_spans.get(n).copied().unwrap_or(s.span),
                        });
                    }
                    self.scope().decl_spans.entry(n.clone()).or_insert(s.span);
                    if self.scope().kind == ScopeKind::Module {
                        return Err(SymtableError {
                            msg: "nonlocal declaration not allowed at module level".into(),
                            span: s.span,
                        });
                    }
                    if self.scope().flags(n) & (DEF_LOCAL | USE | DEF_PARAM) != 0 {
                        let what = if self.scope().flags(n) & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and nonlocal")
                        } else if self.scope().flags(n) & DEF_LOCAL != 0 {
                            format!("name '{n}' is assigned to before nonlocal declaration")
                        } else {
                            format!("name '{n}' is used prior to nonlocal declaration")
                        };
                        return Err(SymtableError {
                            msg: what,
                            span: s.span,
                        });
                    }
                    let parent_binds = self.t.enclosing_binds(self.cur, n);
                    if !parent_binds {
                        return Err(SymtableError {
                            msg: format!("no binding for nonlocal '{n}' found"),
                            span: s.span,
                        });
                    }
                    self.scope().add(n, DEF_NONLOCAL);
                }
            }
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    /// PEP 572: `(x := v)` inside a comprehension binds `x` in the nearest enclosing scope
    /// that is not a comprehension (nonlocal in a function, global in a module).
    fn comprehension_walrus(&mut self, name: &str, span: Span) -> Result<(), SymtableError> {
        let mut p = self.cur;
        while self.t.scopes[p].name == "<comprehension>" {
            match self.t.scopes[p].parent {
                Some(pp) => p = pp,
                None => break,
            }
        }
        match self.t.scopes[p].kind {
            ScopeKind::Function => {
                self.t.scopes[p].add(name, DEF_LOCAL);
                self.scope().add(name, DEF_NONLOCAL);
            }
            ScopeKind::Module => {
                self.t.scopes[p].add(name, DEF_LOCAL);
                self.scope().add(name, DEF_GLOBAL);
            }
            ScopeKind::Class => return Err(SymtableError {
                msg: "assignment expression within a comprehension cannot be used in a class body"
                    .into(),
                span,
            }),
        }
        Ok(())
    }

    fn arg_defaults(&mut self, a: &Arguments) -> Result<(), SymtableError> {
        for d in &a.defaults {
            self.expr(d)?;
        }
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn params(&mut self, a: &Arguments) -> Result<(), SymtableError> {
        for p in all_args(a) {
            if self.scope().params.contains(&p.arg) {
                return Err(SymtableError {
                    msg: format!("duplicate argument '{}' in function definition", p.arg),
                    span: p.span,
                });
            }
            self.scope().add(&p.arg, DEF_PARAM);
            let arg = self.scope().mangle(&p.arg).into_owned();
            self.scope().params.push(arg);
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), SymtableError> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.def(n);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    fn comprehension(
        &mut self,
        span: Span,
        generators: &[Comprehension],
        elts: &[&Expr],
        is_generator: bool,
    ) -> Result<(), SymtableError> {
        self.expr(&generators[0].iter)?;
        let prev = self.push_scope(ScopeKind::Function, "<comprehension>", span);
        self.scope().is_generator = is_generator;
        self.scope().add(".0", DEF_PARAM);
        self.scope().params.push(".0".into());
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.cur = prev;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SymtableError> {
        match &e.kind {
            ExprKind::Name(n) => {
                if (n == "super" || n == "__class__") && self.scope().kind == ScopeKind::Function {
                    self.scope().uses_class_cell = true;
                }
                self.scope().add(n, USE)
            }
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                match &target.kind {
                    ExprKind::Name(n) if self.scope().name == "<comprehension>" => {
                        self.comprehension_walrus(n, e.span)?
                    }
                    _ => self.target(target)?,
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.arg_defaults(args)?;
                let prev = self.push_scope(ScopeKind::Function, "<lambda>", e.span);
                self.params(args)?;
                self.expr(body)?;
                self.cur = prev;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
                for i in items {
                    self.expr(i)?;
                }
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comprehension(e.span, generators, &[elt], false)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e.span, generators, &[elt], true)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e.span, generators, &[key, value], false)?,
            ExprKind::Yield(v) => {
                self.scope().is_generator = true;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.scope().is_generator = true;
                self.expr(v)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                for c in comparators {
                    self.expr(c)?;
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(s) = format_spec {
                    self.expr(s)?;
                }
            }
            ExprKind::JoinedStr(parts) => {
                for p in parts {
                    self.expr(p)?;
                }
            }
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred(v) => self.expr(v)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
        }
        Ok(())
    }
}

/// Every parameter in slot order: positional-only, regular, `*args`, keyword-only, `**kwargs`
/// — except that CPython puts keyword-only before `*args`; this order matches CPython's
/// `co_varnames`: posonly, args, kwonly, vararg, kwarg.
pub fn all_args(a: &Arguments) -> Vec<&Arg> {
    let mut v: Vec<&Arg> = a.posonlyargs.iter().chain(a.args.iter()).collect();
    v.extend(a.kwonlyargs.iter());
    if let Some(x) = &a.vararg {
        v.push(x);
    }
    if let Some(x) = &a.kwarg {
        v.push(x);
    }
    v
}
