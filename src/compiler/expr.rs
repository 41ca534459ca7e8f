//! Expression compilation: operators, calls (with the method-call fast shape), displays,
//! comprehensions (as nested functions, as CPython 3.11 does), f-strings, lambdas and
//! conditional jumps.

use super::unit::Label;
use super::{CompileResult, Compiler, NameCtx};
use crate::bytecode::opcode::Op;
use crate::objects::typeobj::{BinaryOp, CompareOp as VmCmp};
use crate::parser::ast::*;

/// The `BINARY_OP` argument for an AST operator.
pub fn binop_arg(op: Operator) -> u32 {
    let b = match op {
        Operator::Add => BinaryOp::Add,
        Operator::Sub => BinaryOp::Subtract,
        Operator::Mult => BinaryOp::Multiply,
        Operator::MatMult => BinaryOp::MatrixMultiply,
        Operator::Div => BinaryOp::TrueDivide,
        Operator::Mod => BinaryOp::Remainder,
        Operator::Pow => BinaryOp::Power,
        Operator::LShift => BinaryOp::Lshift,
        Operator::RShift => BinaryOp::Rshift,
        Operator::BitOr => BinaryOp::Or,
        Operator::BitXor => BinaryOp::Xor,
        Operator::BitAnd => BinaryOp::And,
        Operator::FloorDiv => BinaryOp::FloorDivide,
    };
    b as u32
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &Expr) -> CompileResult<()> {
        match &e.kind {
            ExprKind::Constant(c) => self.constant(e.span, c)?,
            ExprKind::Name(n) => {
                self.set_loc(e.span);
                self.name_op(n, NameCtx::Load);
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.set_loc(e.span);
                self.u().emit(Op::BinaryOp, binop_arg(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.set_loc(e.span);
                let o = match op {
                    UnaryOp::Invert => Op::UnaryInvert,
                    UnaryOp::Not => Op::UnaryNot,
                    UnaryOp::UAdd => Op::UnaryPositive,
                    UnaryOp::USub => Op::UnaryNegative,
                };
                self.u().emit(o, 0);
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.u().new_label();
                let jump = match op {
                    BoolOp::And => Op::JumpIfFalseOrPop,
                    BoolOp::Or => Op::JumpIfTrueOrPop,
                };
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        self.u().jump(jump, end);
                    }
                }
                self.u().bind(end);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(e.span, left, ops, comparators)?,
            ExprKind::IfExp { test, body, orelse } => {
                let else_l = self.u().new_label();
                let end = self.u().new_label();
                self.jump_if(test, false, else_l)?;
                self.expr(body)?;
                self.u().jump(Op::Jump, end);
                self.u().bind(else_l);
                self.expr(orelse)?;
                self.u().bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.u().emit(Op::Copy, 1);
                self.store_target(target)?;
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.set_loc(e.span);
                let i = self.attr_index(attr);
                self.u().emit(Op::LoadAttr, i);
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.set_loc(e.span);
                self.u().emit(Op::BinarySubscr, 0);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_none(),
                    }
                }
                let n = if let Some(s) = step {
                    self.expr(s)?;
                    3
                } else {
                    2
                };
                self.u().emit(Op::BuildSlice, n);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e.span, func, args, keywords)?,
            ExprKind::Tuple(items) => {
                if let Some(t) = self.constant_tuple(items)? {
                    self.set_loc(e.span);
                    self.load_const(t);
                } else {
                    self.sequence(e.span, items, Op::BuildTuple)?
                }
            }
            ExprKind::List(items) => self.sequence(e.span, items, Op::BuildList)?,
            ExprKind::Set(items) => {
                if let Some(fs) = self.constant_set(items)? {
                    // CPython 3.11 folds a constant display into a frozenset and merges it.
                    self.set_loc(e.span);
                    self.u().emit(Op::BuildSet, 0);
                    self.load_const(fs);
                    self.u().emit(Op::SetUpdate, 1);
                } else {
                    self.sequence(e.span, items, Op::BuildSet)?
                }
            }
            ExprKind::Dict { keys, values } => self.dict_display(e.span, keys, values)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e.span, CompKind::List, elt, None, generators)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e.span, CompKind::Set, elt, None, generators)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e.span, CompKind::Gen, elt, None, generators)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e.span, CompKind::Dict, key, Some(value), generators)?,
            ExprKind::Lambda { args, body } => {
                self.set_loc(e.span);
                let mk = self.emit_defaults(args)?;
                let line = self.line_of(e.span);
                self.enter_scope(e.span, "<lambda>", line);
                self.expr(body)?;
                self.u().emit(Op::ReturnValue, 0);
                let (argc, posonly, kwonly, flags) = Self::arg_counts(args);
                let code = self.leave_scope(argc, posonly, kwonly, flags)?;
                self.set_loc(e.span);
                self.make_function(code, mk)?;
            }
            ExprKind::JoinedStr(parts) => {
                for p in parts {
                    self.expr(p)?;
                }
                if parts.len() != 1 || !matches!(parts[0].kind, ExprKind::FormattedValue { .. }) {
                    self.u().emit(Op::BuildString, parts.len() as u32);
                }
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                let mut flags = match conversion {
                    None => 0,
                    Some('s') => 1,
                    Some('r') => 2,
                    Some(_) => 3,
                };
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    flags |= 4;
                }
                self.set_loc(e.span);
                self.u().emit(Op::FormatValue, flags);
            }
            ExprKind::Starred(_) => {
                return Err(self.error(e.span, "can't use starred expression here"))
            }
            ExprKind::Yield(v) => {
                if self.scope_kind() != super::ScopeKind::Function {
                    return Err(self.error(e.span, "'yield' outside function"));
                }
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                self.set_loc(e.span);
                self.u().emit(Op::YieldValue, 0);
            }
            ExprKind::YieldFrom(v) => {
                if self.scope_kind() != super::ScopeKind::Function {
                    return Err(self.error(e.span, "'yield' outside function"));
                }
                self.expr(v)?;
                self.set_loc(e.span);
                self.u().emit(Op::GetYieldFromIter, 0);
                self.load_none();
                let start = self.u().new_label();
                let end = self.u().new_label();
                self.u().bind(start);
                self.u().jump(Op::Send, end);
                self.u().emit(Op::YieldValue, 0);
                self.u().jump(Op::JumpBackward, start);
                self.u().bind(end);
            }
        }
        Ok(())
    }

    fn constant(&mut self, span: Span, c: &Constant) -> CompileResult<()> {
        self.set_loc(span);
        let obj = match c {
            Constant::None => self.vm.none.clone(),
            Constant::True => self.vm.true_obj.clone(),
            Constant::False => self.vm.false_obj.clone(),
            Constant::Ellipsis => self.vm.ellipsis.clone(),
            Constant::Int(b) => self.vm.new_bigint(b.clone()).map_err(|_| self.oom())?,
            Constant::Float(f) => self.vm.new_float(*f).map_err(|_| self.oom())?,
            Constant::Str(s) => {
                if s.len() < 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    self.vm.intern(s)
                } else {
                    self.vm.new_str(s).map_err(|_| self.oom())?
                }
            }
            Constant::Bytes(b) => self.vm.new_bytes(b).map_err(|_| self.oom())?,
            Constant::Complex(_) => {
                return Err(self.error(span, "complex numbers are not supported by Pyrena yet"))
            }
        };
        self.load_const(obj);
        Ok(())
    }

    /// A tuple display made only of constants becomes one constant, untracked by the
    /// collector, as CPython's compiler folds it.
    fn constant_tuple(&mut self, items: &[Expr]) -> CompileResult<Option<crate::heap::Obj>> {
        let mut vals = Vec::with_capacity(items.len());
        for it in items {
            match &it.kind {
                ExprKind::Constant(Constant::Complex(_)) => return Ok(None),
                ExprKind::Constant(c) => {
                    let before = self.ur().consts.len();
                    self.constant(it.span, c)?;
                    // `constant` emitted a LOAD_CONST; take the object back out of it.
                    let ins = self.u().instrs.pop().expect("LOAD_CONST");
                    self.u().locations.pop();
                    self.u().handlers_at.pop();
                    let obj = self.ur().consts[ins.arg as usize].clone();
                    if self.ur().consts.len() > before {
                        self.u().consts.pop();
                    }
                    vals.push(obj);
                }
                ExprKind::Tuple(inner) => match self.constant_tuple(inner)? {
                    Some(t) => vals.push(t),
                    None => return Ok(None),
                },
                _ => return Ok(None),
            }
        }
        let t = self.vm.new_tuple(vals).map_err(|_| self.oom())?;
        if crate::objects::tuple::len(&t) > 0 {
            // SAFETY: tuples are GC objects with a header in front.
            unsafe { crate::heap::gc::untrack(crate::heap::alloc::gc_header_of(t.as_nonnull())) };
        }
        Ok(Some(t))
    }

    /// The frozenset constant for a set display of more than two constants (folded, then
    /// rebuilt from its own iteration order as CPython's constant merging does).
    fn constant_set(&mut self, items: &[Expr]) -> CompileResult<Option<crate::heap::Obj>> {
        if items.len() <= 2
            || !items
                .iter()
                .all(|i| matches!(i.kind, ExprKind::Constant(_)))
        {
            return Ok(None);
        }
        let Some(t) = self.constant_tuple(items)? else {
            return Ok(None);
        };
        let vals = crate::objects::tuple::items(&t).to_vec();
        let folded = self.vm.new_frozenset(vals).map_err(|_| self.oom())?;
        let keys = crate::objects::set::keys(self.vm, &folded);
        let f = self.vm.new_frozenset(keys).map_err(|_| self.oom())?;
        Ok(Some(f))
    }

    fn compare(
        &mut self,
        span: Span,
        left: &Expr,
        ops: &[CmpOp],
        comparators: &[Expr],
    ) -> CompileResult<()> {
        self.expr(left)?;
        let cleanup = self.u().new_label();
        let n = ops.len();
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            self.expr(right)?;
            if i + 1 < n {
                self.u().emit(Op::Swap, 2);
                self.u().emit(Op::Copy, 2);
            }
            self.set_loc(span);
            self.emit_cmp(*op);
            if i + 1 < n {
                self.u().jump(Op::JumpIfFalseOrPop, cleanup);
            }
        }
        if n > 1 {
            let end = self.u().new_label();
            self.u().jump(Op::Jump, end);
            self.u().bind(cleanup);
            self.u().emit(Op::Swap, 2);
            self.u().emit(Op::PopTop, 0);
            self.u().bind(end);
        }
        Ok(())
    }

    fn emit_cmp(&mut self, op: CmpOp) {
        let (o, arg) = match op {
            CmpOp::Eq => (Op::CompareOp, VmCmp::Eq as u32),
            CmpOp::NotEq => (Op::CompareOp, VmCmp::Ne as u32),
            CmpOp::Lt => (Op::CompareOp, VmCmp::Lt as u32),
            CmpOp::LtE => (Op::CompareOp, VmCmp::Le as u32),
            CmpOp::Gt => (Op::CompareOp, VmCmp::Gt as u32),
            CmpOp::GtE => (Op::CompareOp, VmCmp::Ge as u32),
            CmpOp::Is => (Op::IsOp, 0),
            CmpOp::IsNot => (Op::IsOp, 1),
            CmpOp::In => (Op::ContainsOp, 0),
            CmpOp::NotIn => (Op::ContainsOp, 1),
        };
        self.u().emit(o, arg);
    }

    /// Jumps to `target` when `e`'s truth equals `when`.
    pub(super) fn jump_if(&mut self, e: &Expr, when: bool, target: Label) -> CompileResult<()> {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, !when, target),
            ExprKind::BoolOp { op, values } => {
                let is_and = *op == BoolOp::And;
                if is_and != when {
                    // and/false or or/true: any operand decides.
                    for v in values {
                        self.jump_if(v, when, target)?;
                    }
                } else {
                    let skip = self.u().new_label();
                    let (last, rest) = values.split_last().expect("bool op operands");
                    for v in rest {
                        self.jump_if(v, !when, skip)?;
                    }
                    self.jump_if(last, when, target)?;
                    self.u().bind(skip);
                }
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        let op = if when {
            Op::PopJumpIfTrue
        } else {
            Op::PopJumpIfFalse
        };
        self.u().jump(op, target);
        Ok(())
    }

    fn has_star(items: &[Expr]) -> bool {
        items.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)))
    }

    fn sequence(&mut self, span: Span, items: &[Expr], build: Op) -> CompileResult<()> {
        if !Self::has_star(items) {
            for i in items {
                self.expr(i)?;
            }
            self.set_loc(span);
            self.u().emit(build, items.len() as u32);
            return Ok(());
        }
        let is_set = build == Op::BuildSet;
        self.u()
            .emit(if is_set { Op::BuildSet } else { Op::BuildList }, 0);
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.set_loc(i.span);
                    self.u().emit(
                        if is_set {
                            Op::SetUpdate
                        } else {
                            Op::ListExtend
                        },
                        1,
                    );
                }
                _ => {
                    self.expr(i)?;
                    self.u()
                        .emit(if is_set { Op::SetAdd } else { Op::ListAppend }, 1);
                }
            }
        }
        if build == Op::BuildTuple {
            self.u().emit(Op::ListToTuple, 0);
        }
        Ok(())
    }

    fn dict_display(
        &mut self,
        span: Span,
        keys: &[Option<Expr>],
        values: &[Expr],
    ) -> CompileResult<()> {
        if keys.iter().all(Option::is_some) {
            for (k, v) in keys.iter().zip(values) {
                self.expr(k.as_ref().expect("key"))?;
                self.expr(v)?;
            }
            self.set_loc(span);
            self.u().emit(Op::BuildMap, keys.len() as u32);
            return Ok(());
        }
        self.u().emit(Op::BuildMap, 0);
        for (k, v) in keys.iter().zip(values) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.u().emit(Op::MapAdd, 1);
                }
                None => {
                    self.expr(v)?;
                    self.set_loc(v.span);
                    self.u().emit(Op::DictUpdate, 1);
                }
            }
        }
        Ok(())
    }

    fn call(
        &mut self,
        span: Span,
        func: &Expr,
        args: &[Expr],
        keywords: &[Keyword],
    ) -> CompileResult<()> {
        let simple = !Self::has_star(args) && keywords.iter().all(|k| k.arg.is_some());
        match &func.kind {
            ExprKind::Attribute { value, attr } if simple => {
                self.expr(value)?;
                self.set_loc(func.span);
                let i = self.attr_index(attr);
                self.u().emit(Op::LoadMethod, i);
            }
            _ => {
                self.expr(func)?;
                self.u().emit(Op::PushNull, 0);
            }
        }
        self.call_args(args, keywords, 0, span)
    }

    /// Emits the arguments and the call, given `[callable, self_or_NULL]` (plus `extra`
    /// positional arguments already pushed) on the stack.
    pub(super) fn call_args(
        &mut self,
        args: &[Expr],
        keywords: &[Keyword],
        extra: u32,
        span: Span,
    ) -> CompileResult<()> {
        let simple = !Self::has_star(args) && keywords.iter().all(|k| k.arg.is_some());
        if simple {
            for a in args {
                self.expr(a)?;
            }
            let mut names = Vec::new();
            for k in keywords {
                self.expr(&k.value)?;
                let name = k.arg.as_ref().expect("keyword name");
                if names
                    .iter()
                    .any(|n: &crate::heap::Obj| crate::objects::str::as_str(n) == name)
                {
                    return Err(self.error(k.span, &format!("keyword argument repeated: {name}")));
                }
                names.push(self.vm.intern(name));
            }
            self.set_loc(span);
            if !names.is_empty() {
                let t = self.vm.new_tuple(names).map_err(|_| self.oom())?;
                let i = self.u().add_const(t);
                self.u().emit(Op::KwNames, i);
            }
            self.u()
                .emit(Op::Call, extra + args.len() as u32 + keywords.len() as u32);
            return Ok(());
        }
        // General shape: positional tuple and keyword dict, CALL_FUNCTION_EX. A lone `*it`
        // is passed as it is (CALL_FUNCTION_EX converts it, and names the callee if it is
        // not iterable, as CPython does).
        match (extra, args) {
            (0, [a]) if matches!(a.kind, ExprKind::Starred(_)) => {
                let ExprKind::Starred(inner) = &a.kind else {
                    unreachable!("matched a starred argument")
                };
                self.expr(inner)?;
            }
            _ => {
                self.u().emit(Op::BuildList, extra);
                for a in args {
                    match &a.kind {
                        ExprKind::Starred(inner) => {
                            self.expr(inner)?;
                            self.u().emit(Op::ListExtend, 1);
                        }
                        _ => {
                            self.expr(a)?;
                            self.u().emit(Op::ListAppend, 1);
                        }
                    }
                }
                self.u().emit(Op::ListToTuple, 0);
            }
        }
        let mut flags = 0;
        if !keywords.is_empty() {
            flags = 1;
            self.u().emit(Op::BuildMap, 0);
            let mut merged = false;
            for k in keywords {
                match &k.arg {
                    Some(name) => {
                        let n = self.vm.intern(name);
                        self.load_const(n);
                        self.expr(&k.value)?;
                        if merged {
                            // After a `**m` the name may be there already: merge to check.
                            self.u().emit(Op::BuildMap, 1);
                            self.u().emit(Op::DictMerge, 1);
                        } else {
                            self.u().emit(Op::MapAdd, 1);
                        }
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.u().emit(Op::DictMerge, 1);
                        merged = true;
                    }
                }
            }
        }
        self.set_loc(span);
        self.u().emit(Op::CallFunctionEx, flags);
        Ok(())
    }

    fn comprehension(
        &mut self,
        span: Span,
        kind: CompKind,
        elt: &Expr,
        value: Option<&Expr>,
        generators: &[Comprehension],
    ) -> CompileResult<()> {
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let line = self.line_of(span);
        self.enter_scope(span, name, line);
        self.set_loc(span);
        match kind {
            CompKind::List => {
                self.u().emit(Op::BuildList, 0);
            }
            CompKind::Set => {
                self.u().emit(Op::BuildSet, 0);
            }
            CompKind::Dict => {
                self.u().emit(Op::BuildMap, 0);
            }
            CompKind::Gen => {}
        }
        self.comp_generator(kind, elt, value, generators, 0)?;
        self.set_loc(span);
        if kind == CompKind::Gen {
            self.load_none();
        }
        self.u().emit(Op::ReturnValue, 0);
        let code = self.leave_scope(1, 0, 0, 0)?;
        self.set_loc(span);
        self.make_function(code, 0)?;
        self.u().emit(Op::PushNull, 0);
        self.expr(&generators[0].iter)?;
        self.set_loc(span);
        self.u().emit(Op::GetIter, 0);
        self.u().emit(Op::Call, 1);
        Ok(())
    }

    fn comp_generator(
        &mut self,
        kind: CompKind,
        elt: &Expr,
        value: Option<&Expr>,
        generators: &[Comprehension],
        depth: usize,
    ) -> CompileResult<()> {
        let g = &generators[depth];
        let start = self.u().new_label();
        let end = self.u().new_label();
        if depth == 0 {
            self.u().emit(Op::LoadFast, 0);
        } else {
            self.expr(&g.iter)?;
            self.u().emit(Op::GetIter, 0);
        }
        self.u().bind(start);
        self.u().jump(Op::ForIter, end);
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        if depth + 1 < generators.len() {
            self.comp_generator(kind, elt, value, generators, depth + 1)?;
        } else {
            let below = generators.len() as u32 + 1;
            match kind {
                CompKind::List => {
                    self.expr(elt)?;
                    self.u().emit(Op::ListAppend, below);
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.u().emit(Op::SetAdd, below);
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    self.expr(value.expect("dict comprehension value"))?;
                    self.u().emit(Op::MapAdd, below);
                }
                CompKind::Gen => {
                    self.expr(elt)?;
                    self.u().emit(Op::YieldValue, 0);
                    self.u().emit(Op::PopTop, 0);
                }
            }
        }
        self.u().jump(Op::JumpBackward, start);
        self.u().bind(end);
        Ok(())
    }
}
