//! The compiler: AST -> code objects. `symtable` decides where each name lives; this module
//! walks statements and emits bytecode into a `Unit` per scope; `expr` compiles expressions.
//!
//! Invariant: at every statement boundary the value stack holds exactly what the enclosing
//! frame blocks keep there (`Unit::block_depth`), which is the depth exception handlers
//! restore.

mod expr;
pub mod symtable;
mod unit;

use crate::bytecode::code::{code_flags, CodeObject, Location};
use crate::bytecode::opcode::Op;
use crate::heap::Obj;
use crate::parser::ast::*;
use crate::parser::{LineIndex, SyntaxError, SyntaxErrorKind};
use crate::vm::Vm;
use symtable::{NameScope, ScopeKind, SymbolTable};
use unit::{FBlock, Handler, Label, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A module or script.
    Exec,
    /// One interactive statement: expression statements print their value.
    Single,
    /// An expression for `eval`.
    Eval,
}

pub struct Compiler<'a> {
    vm: &'a mut Vm,
    st: SymbolTable,
    filename: String,
    source: &'a str,
    lines: LineIndex,
    units: Vec<Unit>,
    mode: Mode,
}

pub type CompileResult<T> = Result<T, Box<SyntaxError>>;

/// Compiles a parsed module into a code object.
pub fn compile_module(
    vm: &mut Vm,
    module: &Module,
    source: &str,
    filename: &str,
    mode: Mode,
) -> CompileResult<Obj> {
    let st = SymbolTable::build(module).map_err(|e| {
        let lines = LineIndex::new(source);
        syntax_error_at(&lines, source, filename, e.span, &e.msg)
    })?;
    let mut c = Compiler {
        vm,
        st,
        filename: filename.to_string(),
        source,
        lines: LineIndex::new(source),
        units: Vec::new(),
        mode,
    };
    c.units.push(Unit::new(0, "<module>", "<module>", 1));
    if mode == Mode::Eval {
        if let Some(Stmt {
            kind: StmtKind::Expr(e),
            ..
        }) = module.body.first()
        {
            c.expr(e)?;
            c.u().emit(Op::ReturnValue, 0);
        }
    } else {
        if has_annotations(&module.body) {
            c.u().emit(Op::SetupAnnotations, 0);
        }
        if mode == Mode::Exec {
            c.store_docstring(&module.body)?;
        }
        c.stmts(&module.body)?;
        c.return_none();
    }
    let unit = c.units.pop().expect("module unit");
    c.finish_unit(unit, 0, 0, 0, 0)
}

/// Whether a module or class body holds an annotated assignment (its own, or in a nested
/// if/for/while/try/with block; not inside functions or classes), so it needs
/// `__annotations__`.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::If { body, orelse, .. }
        | StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        _ => false,
    })
}

/// Compiles an expression for `eval`.
pub fn compile_expression(
    vm: &mut Vm,
    expr: &Expr,
    source: &str,
    filename: &str,
) -> CompileResult<Obj> {
    let module = Module {
        body: vec![Stmt {
            kind: StmtKind::Expr(expr.clone()),
            span: expr.span,
        }],
    };
    compile_module(vm, &module, source, filename, Mode::Eval)
}

pub fn syntax_error_at(
    lines: &LineIndex,
    source: &str,
    filename: &str,
    span: Span,
    msg: &str,
) -> Box<SyntaxError> {
    let (line, col) = lines.line_col(span.start);
    let (end_line, end_col) = lines.line_col(span.end);
    let text = lines.line_text(source, line).to_string();
    let offset = text.get(..col).map_or(col, |p| p.chars().count()) + 1;
    let end_offset = if end_line == line {
        text.get(..end_col).map_or(end_col, |p| p.chars().count()) + 1
    } else {
        offset + 1
    };
    Box::new(SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: msg.to_string(),
        filename: filename.to_string(),
        lineno: line,
        offset,
        end_lineno: end_line,
        end_offset,
        text: Some(text),
        incomplete: false,
    })
}

impl<'a> Compiler<'a> {
    fn u(&mut self) -> &mut Unit {
        self.units.last_mut().expect("no compilation unit")
    }

    fn ur(&self) -> &Unit {
        self.units.last().expect("no compilation unit")
    }

    /// The error for an allocation the compiler could not make (the heap is full or capped):
    /// raised as MemoryError, as CPython does, never a panic.
    fn oom(&self) -> Box<SyntaxError> {
        let mut e = self.error(Span::default(), "out of memory while compiling");
        e.kind = SyntaxErrorKind::MemoryError;
        e
    }

    fn error(&self, span: Span, msg: &str) -> Box<SyntaxError> {
        syntax_error_at(&self.lines, self.source, &self.filename, span, msg)
    }

    fn set_loc(&mut self, span: Span) {
        let (line, col) = self.lines.line_col(span.start);
        let (end_line, end_col) = self.lines.line_col(span.end);
        self.u().loc = Location {
            line: line as u32,
            end_line: end_line as u32,
            col: col as u32,
            end_col: end_col as u32,
        };
    }

    /// The name-table index of attribute `attr`, mangled as a private name inside a class.
    fn attr_index(&mut self, attr: &str) -> u32 {
        let mangled = self.st.scopes[self.ur().scope].mangle(attr).into_owned();
        self.u().name_index(&mangled)
    }

    fn line_of(&self, span: Span) -> u32 {
        self.lines.line_col(span.start).0 as u32
    }

    fn load_const(&mut self, c: Obj) {
        let i = self.u().add_const(c);
        self.u().emit(Op::LoadConst, i);
    }

    /// `__doc__ = "..."` for a module or class body that starts with a string.
    fn store_docstring(&mut self, body: &[Stmt]) -> CompileResult<()> {
        if let Some(d) = docstring(body) {
            let obj = self.vm.new_str(d).map_err(|_| self.oom())?;
            self.load_const(obj);
            let n = self.u().name_index("__doc__");
            self.u().emit(Op::StoreName, n);
        }
        Ok(())
    }

    fn load_none(&mut self) {
        let none = self.vm.none.clone();
        self.load_const(none);
    }

    fn return_none(&mut self) {
        self.load_none();
        self.u().emit(Op::ReturnValue, 0);
    }

    /// `target: annotation [= value]` as CPython 3.11 compiles it: the value is stored first;
    /// in a module or class body a simple name's annotation is then evaluated into
    /// `__annotations__[name]`, and a complex target's annotation is evaluated and dropped
    /// (with the target's object and subscript evaluated when there is no value); in a
    /// function annotations are not evaluated.
    fn ann_assign(
        &mut self,
        target: &Expr,
        annotation: &Expr,
        value: Option<&Expr>,
        simple: bool,
    ) -> CompileResult<()> {
        if let Some(v) = value {
            self.expr(v)?;
            self.store_target(target)?;
        }
        let evaluated = self.scope_kind() != ScopeKind::Function;
        match &target.kind {
            ExprKind::Name(name) if simple && evaluated => {
                self.expr(annotation)?;
                let ann = self.u().name_index("__annotations__");
                self.u().emit(Op::LoadName, ann);
                let key = self.st.scopes[self.ur().scope].mangle(name).into_owned();
                let key = self.vm.new_str(&key).map_err(|_| self.oom())?;
                self.load_const(key);
                self.u().emit(Op::StoreSubscr, 0);
                return Ok(());
            }
            ExprKind::Attribute { value: obj, .. } if value.is_none() => {
                self.expr(obj)?;
                self.u().emit(Op::PopTop, 0);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } if value.is_none() => {
                self.expr(obj)?;
                self.u().emit(Op::PopTop, 0);
                self.expr(slice)?;
                self.u().emit(Op::PopTop, 0);
            }
            _ => {}
        }
        if !simple && evaluated {
            self.expr(annotation)?;
            self.u().emit(Op::PopTop, 0);
        }
        Ok(())
    }

    fn scope_kind(&self) -> ScopeKind {
        self.st.scopes[self.ur().scope].kind
    }

    // ---- names ----

    fn name_op(&mut self, name: &str, ctx: NameCtx) {
        let scope = &self.st.scopes[self.ur().scope];
        let mangled = scope.mangle(name).into_owned();
        let name = mangled.as_str();
        let kind = scope.kind;
        let ns = scope.lookup(name);
        let (op, arg) = match ns {
            NameScope::Local => {
                let idx = self.local_index(name);
                (
                    match ctx {
                        NameCtx::Load => Op::LoadFast,
                        NameCtx::Store => Op::StoreFast,
                        NameCtx::Del => Op::DeleteFast,
                    },
                    idx,
                )
            }
            NameScope::Cell | NameScope::Free => {
                let idx = self.deref_index(name);
                (
                    match ctx {
                        NameCtx::Load if kind == ScopeKind::Class => Op::LoadClassDeref,
                        NameCtx::Load => Op::LoadDeref,
                        NameCtx::Store => Op::StoreDeref,
                        NameCtx::Del => Op::DeleteDeref,
                    },
                    idx,
                )
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit
                if kind == ScopeKind::Function || ns == NameScope::GlobalExplicit =>
            {
                let idx = self.u().name_index(name);
                (
                    match ctx {
                        NameCtx::Load => Op::LoadGlobal,
                        NameCtx::Store => Op::StoreGlobal,
                        NameCtx::Del => Op::DeleteGlobal,
                    },
                    idx,
                )
            }
            _ => {
                let idx = self.u().name_index(name);
                (
                    match ctx {
                        NameCtx::Load => Op::LoadName,
                        NameCtx::Store => Op::StoreName,
                        NameCtx::Del => Op::DeleteName,
                    },
                    idx,
                )
            }
        };
        self.u().emit(op, arg);
    }

    fn local_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        match u.varnames.iter().position(|n| n == name) {
            Some(i) => i as u32,
            None => {
                u.varnames.push(name.to_string());
                (u.varnames.len() - 1) as u32
            }
        }
    }

    /// Index of a cell or free variable in the localsplus layout.
    fn deref_index(&mut self, name: &str) -> u32 {
        let u = self.ur();
        let nv = u.varnames.len();
        if let Some(i) = u.cellvars.iter().position(|n| n == name) {
            return (nv + i) as u32;
        }
        if let Some(i) = u.freevars.iter().position(|n| n == name) {
            return (nv + u.cellvars.len() + i) as u32;
        }
        panic!("compiler: '{name}' is neither a cell nor a free variable");
    }

    // ---- statements ----

    fn stmts(&mut self, body: &[Stmt]) -> CompileResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CompileResult<()> {
        self.set_loc(s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                if self.mode == Mode::Single && self.units.len() == 1 {
                    self.expr(e)?;
                    self.u().emit(Op::PrintExpr, 0);
                } else if let ExprKind::Constant(_) = e.kind {
                    // A bare constant (docstring) compiles to nothing.
                } else {
                    self.expr(e)?;
                    self.u().emit(Op::PopTop, 0);
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.u().emit(Op::Copy, 1);
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.ann_assign(target, annotation, value.as_ref(), *simple)?;
            }
            StmtKind::Pass => {
                self.u().emit(Op::Nop, 0);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::If { test, body, orelse } => {
                let else_l = self.u().new_label();
                let end = self.u().new_label();
                self.jump_if(test, false, else_l)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.u().jump(Op::Jump, end);
                }
                self.u().bind(else_l);
                self.stmts(orelse)?;
                self.u().bind(end);
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.u().new_label();
                let exit = self.u().new_label();
                let else_l = self.u().new_label();
                self.u().bind(start);
                self.set_loc(test.span);
                self.jump_if(test, false, else_l)?;
                self.u().fblocks.push(FBlock::WhileLoop { start, exit });
                self.stmts(body)?;
                self.u().fblocks.pop();
                self.set_loc(test.span);
                self.u().jump(Op::JumpBackward, start);
                self.u().bind(else_l);
                self.stmts(orelse)?;
                self.u().bind(exit);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let start = self.u().new_label();
                let cleanup = self.u().new_label();
                let exit = self.u().new_label();
                self.expr(iter)?;
                self.set_loc(iter.span);
                self.u().emit(Op::GetIter, 0);
                self.u().bind(start);
                self.set_loc(s.span);
                self.u().jump(Op::ForIter, cleanup);
                self.store_target(target)?;
                self.u().fblocks.push(FBlock::ForLoop { start, exit });
                self.stmts(body)?;
                self.u().fblocks.pop();
                self.set_loc(s.span);
                self.u().jump(Op::JumpBackward, start);
                self.u().bind(cleanup);
                self.stmts(orelse)?;
                self.u().bind(exit);
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                self.break_continue(s.span, is_break)?;
            }
            StmtKind::Return(v) => {
                if self.scope_kind() != ScopeKind::Function {
                    return Err(self.error(s.span, "'return' outside function"));
                }
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                self.unwind_all(true)?;
                self.set_loc(s.span);
                self.u().emit(Op::ReturnValue, 0);
            }
            StmtKind::FunctionDef(f) => self.function_def(s, f)?,
            StmtKind::ClassDef(c) => self.class_def(s, c)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_loc(s.span);
                self.u().emit(Op::RaiseVarargs, n);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(s, body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                let end = self.u().new_label();
                self.jump_if(test, true, end)?;
                // CPython 3.11 attributes the failing assert to its test expression.
                self.set_loc(test.span);
                self.u().emit(Op::LoadAssertionError, 0);
                if let Some(m) = msg {
                    self.u().emit(Op::PushNull, 0);
                    self.expr(m)?;
                    self.set_loc(test.span);
                    self.u().emit(Op::Call, 1);
                }
                self.u().emit(Op::RaiseVarargs, 1);
                self.u().bind(end);
            }
            StmtKind::With { items, body } => self.with(s, items, body)?,
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Import(names) => {
                for a in names {
                    let zero = self.vm.new_int(0).map_err(|_| self.oom())?;
                    self.load_const(zero);
                    self.load_none();
                    let idx = self.u().name_index(&a.name);
                    self.u().emit(Op::ImportName, idx);
                    match &a.asname {
                        Some(asname) => {
                            // `import a.b as c` binds the submodule.
                            for part in a.name.split('.').skip(1) {
                                let i = self.u().name_index(part);
                                self.u().emit(Op::ImportFrom, i);
                                self.u().emit(Op::Swap, 2);
                                self.u().emit(Op::PopTop, 0);
                            }
                            self.name_op(asname, NameCtx::Store);
                        }
                        None => {
                            let first = a.name.split('.').next().unwrap_or("").to_string();
                            self.name_op(&first, NameCtx::Store);
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let lvl = self.vm.new_int(*level as i64).map_err(|_| self.oom())?;
                self.load_const(lvl);
                let mut fromlist: Vec<Obj> = Vec::with_capacity(names.len());
                for a in names {
                    fromlist.push(self.vm.new_str(&a.name).map_err(|_| self.oom())?);
                }
                let t = self.vm.new_tuple(fromlist).map_err(|_| self.oom())?;
                self.load_const(t);
                let modname = module.clone().unwrap_or_default();
                let idx = self.u().name_index(&modname);
                self.u().emit(Op::ImportName, idx);
                if names.len() == 1 && names[0].name == "*" {
                    if self.scope_kind() == ScopeKind::Function {
                        return Err(self.error(s.span, "import * only allowed at module level"));
                    }
                    self.u().emit(Op::ImportStar, 0);
                } else {
                    for a in names {
                        let i = self.u().name_index(&a.name);
                        self.u().emit(Op::ImportFrom, i);
                        let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                        self.name_op(&bound, NameCtx::Store);
                    }
                    self.u().emit(Op::PopTop, 0);
                }
            }
        }
        Ok(())
    }

    fn aug_assign(&mut self, target: &Expr, op: Operator, value: &Expr) -> CompileResult<()> {
        let binop = expr::binop_arg(op) + crate::objects::typeobj::INPLACE_OFFSET;
        match &target.kind {
            ExprKind::Name(n) => {
                self.name_op(n, NameCtx::Load);
                self.expr(value)?;
                self.set_loc(target.span.to(value.span));
                self.u().emit(Op::BinaryOp, binop);
                self.name_op(n, NameCtx::Store);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.u().emit(Op::Copy, 1);
                let i = self.attr_index(attr);
                self.set_loc(target.span);
                self.u().emit(Op::LoadAttr, i);
                self.expr(value)?;
                self.set_loc(target.span.to(value.span));
                self.u().emit(Op::BinaryOp, binop);
                self.u().emit(Op::Swap, 2);
                self.u().emit(Op::StoreAttr, i);
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.u().emit(Op::Copy, 2);
                self.u().emit(Op::Copy, 2);
                self.set_loc(target.span);
                self.u().emit(Op::BinarySubscr, 0);
                self.expr(value)?;
                self.set_loc(target.span.to(value.span));
                self.u().emit(Op::BinaryOp, binop);
                // [obj, key, result] -> [result, obj, key]
                self.u().emit(Op::Swap, 3);
                self.u().emit(Op::Swap, 2);
                self.u().emit(Op::StoreSubscr, 0);
            }
            _ => {
                return Err(self.error(
                    target.span,
                    "'expression' is an illegal expression for augmented assignment",
                ))
            }
        }
        Ok(())
    }

    fn store_target(&mut self, t: &Expr) -> CompileResult<()> {
        match &t.kind {
            ExprKind::Name(n) => {
                // The store is located at its target, as CPython's (a finalizer it triggers
                // reports this position).
                self.set_loc(t.span);
                self.name_op(n, NameCtx::Store)
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.set_loc(t.span);
                self.u().emit(Op::StoreAttr, i);
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.set_loc(t.span);
                self.u().emit(Op::StoreSubscr, 0);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                self.set_loc(t.span);
                match star {
                    None => {
                        self.u().emit(Op::UnpackSequence, items.len() as u32);
                    }
                    Some(si) => {
                        if items
                            .iter()
                            .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(
                                self.error(t.span, "multiple starred expressions in assignment")
                            );
                        }
                        let after = items.len() - si - 1;
                        self.u()
                            .emit(Op::UnpackEx, si as u32 | ((after as u32) << 8));
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.store_target(inner)?,
                        _ => self.store_target(item)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(self.error(
                    t.span,
                    "starred assignment target must be in a list or tuple",
                ))
            }
            _ => return Err(self.error(t.span, "cannot assign to expression")),
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &Expr) -> CompileResult<()> {
        self.set_loc(t.span);
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, NameCtx::Del),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.set_loc(t.span);
                self.u().emit(Op::DeleteAttr, i);
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.set_loc(t.span);
                self.u().emit(Op::DeleteSubscr, 0);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete_target(i)?;
                }
            }
            _ => return Err(self.error(t.span, "cannot delete expression")),
        }
        Ok(())
    }

    // ---- unwinding ----

    /// Emits what leaving one frame block requires. `preserve_top` keeps a return value on
    /// top of the stack while doing so.
    fn unwind_block(&mut self, b: &FBlock, preserve_top: bool) -> CompileResult<()> {
        match b {
            FBlock::ForLoop { .. } => {
                if preserve_top {
                    self.u().emit(Op::Swap, 2);
                }
                self.u().emit(Op::PopTop, 0);
            }
            FBlock::WhileLoop { .. } | FBlock::ExceptTry => {}
            FBlock::FinallyTry { body } => {
                let body = body.clone();
                if preserve_top {
                    self.u().extra_depth += 1;
                }
                self.stmts(&body)?;
                if preserve_top {
                    self.u().extra_depth -= 1;
                }
            }
            FBlock::FinallyEnd => {
                // [prev, exc(, value)]: drop exc, restore prev.
                if preserve_top {
                    self.u().emit(Op::Swap, 2);
                }
                self.u().emit(Op::PopTop, 0);
                if preserve_top {
                    self.u().emit(Op::Swap, 2);
                }
                self.u().emit(Op::PopExcept, 0);
            }
            FBlock::With => {
                if preserve_top {
                    self.u().emit(Op::Swap, 2);
                }
                self.u().emit(Op::PushNull, 0);
                self.load_none();
                self.load_none();
                self.load_none();
                self.u().emit(Op::Call, 3);
                self.u().emit(Op::PopTop, 0);
            }
            FBlock::HandlerCleanup { name } => {
                if preserve_top {
                    self.u().emit(Op::Swap, 2);
                }
                self.u().emit(Op::PopExcept, 0);
                if let Some(n) = name {
                    let n = n.clone();
                    self.load_none();
                    self.name_op(&n, NameCtx::Store);
                    self.name_op(&n, NameCtx::Del);
                }
            }
        }
        Ok(())
    }

    /// Unwinds every frame block (for `return`).
    fn unwind_all(&mut self, preserve_top: bool) -> CompileResult<()> {
        let blocks = self.u().fblocks.clone();
        for (i, b) in blocks.iter().enumerate().rev() {
            // While a finally body is inlined, the blocks inside it are not active.
            self.u().fblocks.truncate(i);
            self.unwind_block(b, preserve_top)?;
        }
        self.u().fblocks = blocks;
        Ok(())
    }

    fn break_continue(&mut self, span: Span, is_break: bool) -> CompileResult<()> {
        let blocks = self.u().fblocks.clone();
        let Some(loop_i) = blocks
            .iter()
            .rposition(|b| matches!(b, FBlock::ForLoop { .. } | FBlock::WhileLoop { .. }))
        else {
            let what = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(self.error(span, what));
        };
        for i in (loop_i + 1..blocks.len()).rev() {
            self.u().fblocks.truncate(i);
            self.unwind_block(&blocks[i], false)?;
        }
        self.set_loc(span);
        match &blocks[loop_i] {
            FBlock::ForLoop { start, exit } | FBlock::WhileLoop { start, exit } => {
                if is_break {
                    if matches!(blocks[loop_i], FBlock::ForLoop { .. }) {
                        self.u().emit(Op::PopTop, 0);
                    }
                    self.u().jump(Op::Jump, *exit);
                } else {
                    self.u().jump(Op::JumpBackward, *start);
                }
            }
            _ => unreachable!(),
        }
        self.u().fblocks = blocks;
        Ok(())
    }

    // ---- exceptions ----

    fn push_handler(&mut self, label: Label, depth: u32) {
        self.u().handler_stack.push(Handler { label, depth });
    }

    fn pop_handler(&mut self) {
        self.u().handler_stack.pop();
    }

    /// The shared "restore the previous exception and re-raise" cleanup: `[prev, exc]`.
    fn emit_cleanup_handler(&mut self, label: Label) {
        self.u().bind(label);
        self.u().emit(Op::Swap, 2);
        self.u().emit(Op::PopExcept, 0);
        self.u().emit(Op::Reraise, 0);
    }

    fn try_except(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
    ) -> CompileResult<()> {
        let handler_l = self.u().new_label();
        let cleanup_l = self.u().new_label();
        let end = self.u().new_label();
        let depth = self.ur().block_depth();

        self.push_handler(handler_l, depth);
        self.u().fblocks.push(FBlock::ExceptTry);
        self.u().emit(Op::Nop, 0);
        self.stmts(body)?;
        self.u().fblocks.pop();
        self.pop_handler();
        self.stmts(orelse)?;
        self.u().jump(Op::Jump, end);

        // Handler entry: [exc]
        self.u().bind(handler_l);
        self.push_handler(cleanup_l, depth + 1);
        self.u().emit(Op::PushExcInfo, 0);
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.span);
            let next = self.u().new_label();
            match &h.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.set_loc(h.span);
                    self.u().emit(Op::CheckExcMatch, 0);
                    self.u().jump(Op::PopJumpIfFalse, next);
                }
                None => {
                    if i + 1 != handlers.len() {
                        return Err(self.error(h.span, "default 'except:' must be last"));
                    }
                }
            }
            match &h.name {
                Some(n) => self.name_op(n, NameCtx::Store),
                None => {
                    self.u().emit(Op::PopTop, 0);
                }
            }
            self.u().fblocks.push(FBlock::HandlerCleanup {
                name: h.name.clone(),
            });
            self.stmts(&h.body)?;
            self.u().fblocks.pop();
            self.unwind_block(
                &FBlock::HandlerCleanup {
                    name: h.name.clone(),
                },
                false,
            )?;
            self.u().jump(Op::Jump, end);
            self.u().bind(next);
        }
        // No clause matched: re-raise with the previous exception restored.
        self.u().emit(Op::Reraise, 0);
        self.pop_handler();
        self.emit_cleanup_handler(cleanup_l);
        self.u().bind(end);
        Ok(())
    }

    fn try_finally(
        &mut self,
        s: &Stmt,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> CompileResult<()> {
        let exc_l = self.u().new_label();
        let cleanup_l = self.u().new_label();
        let end = self.u().new_label();
        let depth = self.ur().block_depth();

        self.push_handler(exc_l, depth);
        self.u().fblocks.push(FBlock::FinallyTry {
            body: finalbody.to_vec(),
        });
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.u().fblocks.pop();
        self.pop_handler();
        // Normal path: run the finally body inline.
        self.stmts(finalbody)?;
        self.u().jump(Op::Jump, end);

        // Exceptional path: [exc] -> [prev, exc], run the body, re-raise.
        self.u().bind(exc_l);
        self.set_loc(s.span);
        self.push_handler(cleanup_l, depth + 1);
        self.u().emit(Op::PushExcInfo, 0);
        self.u().fblocks.push(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.u().fblocks.pop();
        self.u().emit(Op::Reraise, 0);
        self.pop_handler();
        self.emit_cleanup_handler(cleanup_l);
        self.u().bind(end);
        Ok(())
    }

    fn with(&mut self, s: &Stmt, items: &[WithItem], body: &[Stmt]) -> CompileResult<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let exc_l = self.u().new_label();
        let cleanup_l = self.u().new_label();
        let end = self.u().new_label();
        let suppress = self.u().new_label();

        self.expr(&item.context_expr)?;
        self.set_loc(item.context_expr.span);
        self.u().emit(Op::BeforeWith, 0);
        let depth = self.ur().block_depth() + 1;
        self.push_handler(exc_l, depth);
        self.u().fblocks.push(FBlock::With);
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => {
                self.u().emit(Op::PopTop, 0);
            }
        }
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with(s, rest, body)?;
        }
        self.u().fblocks.pop();
        self.pop_handler();
        self.set_loc(s.span);
        self.unwind_block(&FBlock::With, false)?;
        self.u().jump(Op::Jump, end);

        // [exit, exc] -> [exit, prev, exc]
        self.u().bind(exc_l);
        self.push_handler(cleanup_l, depth + 1);
        self.u().emit(Op::PushExcInfo, 0);
        self.u().emit(Op::WithExceptStart, 0);
        self.u().jump(Op::PopJumpIfTrue, suppress);
        self.u().emit(Op::Reraise, 0);
        self.u().bind(suppress);
        self.u().emit(Op::PopTop, 0);
        self.u().emit(Op::PopExcept, 0);
        self.u().emit(Op::PopTop, 0);
        self.pop_handler();
        self.u().jump(Op::Jump, end);
        self.emit_cleanup_handler(cleanup_l);
        self.u().bind(end);
        Ok(())
    }

    // ---- functions and classes ----

    /// Starts a unit for the scope opened at `span`.
    fn enter_scope(&mut self, span: Span, name: &str, firstlineno: u32) -> usize {
        let scope_id = self.st.scope_for(span);
        let parent_qual = {
            let u = self.ur();
            let pkind = self.st.scopes[u.scope].kind;
            match pkind {
                ScopeKind::Module => String::new(),
                ScopeKind::Function => format!("{}.<locals>.", u.qualname),
                ScopeKind::Class => format!("{}.", u.qualname),
            }
        };
        let mut unit = Unit::new(scope_id, name, &format!("{parent_qual}{name}"), firstlineno);
        let scope = &self.st.scopes[scope_id];
        unit.varnames = scope.varnames();
        unit.cellvars = scope.cellvars.clone();
        unit.freevars = scope.freevars.clone();
        self.units.push(unit);
        scope_id
    }

    /// Pops the current unit into a code object.
    fn leave_scope(
        &mut self,
        argcount: u32,
        posonly: u32,
        kwonly: u32,
        flags: u32,
    ) -> CompileResult<Obj> {
        let unit = self.units.pop().expect("unit");
        self.finish_unit(unit, argcount, posonly, kwonly, flags)
    }

    fn finish_unit(
        &mut self,
        mut unit: Unit,
        argcount: u32,
        posonly: u32,
        kwonly: u32,
        mut flags: u32,
    ) -> CompileResult<Obj> {
        let scope = &self.st.scopes[unit.scope];
        if scope.kind == ScopeKind::Function {
            flags |= code_flags::OPTIMIZED | code_flags::NEWLOCALS;
            if scope.is_generator {
                flags |= code_flags::GENERATOR;
            }
        }
        if !unit.freevars.is_empty() {
            flags |= code_flags::NESTED;
        }
        let exc_table = unit.finish_jumps_and_table();
        let names: Vec<Obj> = unit.names.iter().map(|n| self.vm.intern(n)).collect();
        let varname_objs: Vec<Obj> = unit.varnames.iter().map(|n| self.vm.intern(n)).collect();
        let cell_args: Vec<(u32, u32)> = unit
            .cellvars
            .iter()
            .enumerate()
            .filter_map(|(ci, n)| {
                unit.varnames
                    .iter()
                    .position(|v| v == n)
                    .filter(|&ai| ai < scope.params.len())
                    .map(|ai| (ci as u32, ai as u32))
            })
            .collect();
        let mut code = CodeObject {
            name: unit.name.clone(),
            qualname: unit.qualname.clone(),
            filename: self.filename.clone(),
            filename_id: crate::heap::source_names::intern(&self.filename),
            firstlineno: unit.firstlineno,
            argcount,
            posonlyargcount: posonly,
            kwonlyargcount: kwonly,
            flags,
            varnames: unit.varnames,
            cellvars: unit.cellvars,
            freevars: unit.freevars,
            cell_args,
            consts: unit.consts,
            attr_caches: names.iter().map(|_| Default::default()).collect(),
            global_caches: names.iter().map(|_| Default::default()).collect(),
            names,
            varname_objs,
            instrs: unit.instrs,
            locations: unit.locations,
            exc_table,
            stacksize: 0,
        };
        code.stacksize = crate::bytecode::stack_depth::verify(&code)
            .unwrap_or_else(|e| panic!("bytecode of {}: {e} (compiler bug)", code.qualname));
        self.vm.new_code(code).map_err(|_| self.oom())
    }

    /// Emits the closure tuple for a child code's free variables, if any. Returns the
    /// MAKE_FUNCTION flag bit to add.
    fn emit_closure(&mut self, freevars: &[String]) -> u32 {
        if freevars.is_empty() {
            return 0;
        }
        for n in freevars {
            let idx = self.deref_index(n);
            self.u().emit(Op::LoadClosure, idx);
        }
        self.u().emit(Op::BuildTuple, freevars.len() as u32);
        8
    }

    /// Emits defaults and kw-defaults; returns MAKE_FUNCTION flag bits.
    fn emit_defaults(&mut self, args: &Arguments) -> CompileResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.u().emit(Op::BuildTuple, args.defaults.len() as u32);
            flags |= 1;
        }
        let kw: Vec<(&Arg, &Expr)> = args
            .kwonlyargs
            .iter()
            .zip(args.kw_defaults.iter())
            .filter_map(|(a, d)| d.as_ref().map(|d| (a, d)))
            .collect();
        if !kw.is_empty() {
            for (a, d) in &kw {
                let k = self.vm.intern(&a.arg);
                self.load_const(k);
                self.expr(d)?;
            }
            self.u().emit(Op::BuildMap, kw.len() as u32);
            flags |= 2;
        }
        Ok(flags)
    }

    fn make_function(&mut self, code: Obj, flags: u32) -> CompileResult<()> {
        let qualname = {
            // SAFETY-free: code objects expose their qualname.
            crate::objects::code::code_data(&code).qualname.clone()
        };
        let freevars = crate::objects::code::code_data(&code).freevars.clone();
        let closure_flag = self.emit_closure(&freevars);
        self.load_const(code);
        let q = self.vm.new_str(&qualname).map_err(|_| self.oom())?;
        self.load_const(q);
        self.u().emit(Op::MakeFunction, flags | closure_flag);
        Ok(())
    }

    fn arg_counts(args: &Arguments) -> (u32, u32, u32, u32) {
        let posonly = args.posonlyargs.len() as u32;
        let argc = posonly + args.args.len() as u32;
        let kwonly = args.kwonlyargs.len() as u32;
        let mut flags = 0;
        if args.vararg.is_some() {
            flags |= code_flags::VARARGS;
        }
        if args.kwarg.is_some() {
            flags |= code_flags::VARKEYWORDS;
        }
        (argc, posonly, kwonly, flags)
    }

    fn function_def(&mut self, s: &Stmt, f: &FunctionDef) -> CompileResult<()> {
        for d in &f.decorator_list {
            self.expr(d)?;
        }
        self.set_loc(s.span);
        let mk_flags = self.emit_defaults(&f.args)?;
        // co_firstlineno of a decorated function is its first decorator's line, as in CPython.
        let line = f
            .decorator_list
            .first()
            .map_or(self.line_of(s.span), |d| self.line_of(d.span));
        self.enter_scope(s.span, &f.name, line);
        let doc = docstring(&f.body);
        if let Some(d) = doc {
            // The docstring is the first constant, as in CPython.
            let obj = self.vm.new_str(d).map_err(|_| self.oom())?;
            self.u().add_const(obj);
        }
        self.stmts(&f.body)?;
        self.return_none();
        let (argc, posonly, kwonly, mut flags) = Self::arg_counts(&f.args);
        if doc.is_some() {
            flags |= code_flags::HAS_DOCSTRING;
        }
        let code = self.leave_scope(argc, posonly, kwonly, flags)?;
        self.set_loc(s.span);
        self.make_function(code, mk_flags)?;
        for _ in &f.decorator_list {
            // [dec, func] -> dec(func): rearrange to [dec, NULL, func].
            self.u().emit(Op::PushNull, 0);
            self.u().emit(Op::Swap, 2);
            self.u().emit(Op::Call, 1);
        }
        self.name_op(&f.name, NameCtx::Store);
        Ok(())
    }

    fn class_def(&mut self, s: &Stmt, c: &ClassDef) -> CompileResult<()> {
        for d in &c.decorator_list {
            self.expr(d)?;
        }
        self.set_loc(s.span);
        self.u().emit(Op::LoadBuildClass, 0);
        self.u().emit(Op::PushNull, 0);
        let line = self.line_of(s.span);
        self.enter_scope(s.span, &c.name, line);
        let modname = self.u().name_index("__name__");
        self.u().emit(Op::LoadName, modname);
        let m = self.u().name_index("__module__");
        self.u().emit(Op::StoreName, m);
        let q = self.ur().qualname.clone();
        let qobj = self.vm.new_str(&q).map_err(|_| self.oom())?;
        self.load_const(qobj);
        let qn = self.u().name_index("__qualname__");
        self.u().emit(Op::StoreName, qn);
        if has_annotations(&c.body) {
            self.u().emit(Op::SetupAnnotations, 0);
        }
        self.store_docstring(&c.body)?;
        self.stmts(&c.body)?;
        if self.ur().cellvars.iter().any(|n| n == "__class__") {
            // Hand the cell to __build_class__, which fills it with the new class.
            let idx = self.deref_index("__class__");
            self.u().emit(Op::LoadClosure, idx);
            let n = self.u().name_index("__classcell__");
            self.u().emit(Op::StoreName, n);
        }
        self.return_none();
        let code = self.leave_scope(0, 0, 0, 0)?;
        self.set_loc(s.span);
        self.make_function(code, 0)?;
        let name = self.vm.new_str(&c.name).map_err(|_| self.oom())?;
        self.load_const(name);
        let args: Vec<Expr> = c.bases.clone();
        self.call_args(&args, &c.keywords, 2, s.span)?;
        for _ in &c.decorator_list {
            self.u().emit(Op::PushNull, 0);
            self.u().emit(Op::Swap, 2);
            self.u().emit(Op::Call, 1);
        }
        self.name_op(&c.name, NameCtx::Store);
        Ok(())
    }
}

/// The docstring of a body: its first statement, when that is a string literal.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(s)),
            ..
        })) => Some(s),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameCtx {
    Load,
    Store,
    Del,
}
