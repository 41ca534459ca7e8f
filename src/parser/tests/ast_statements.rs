//! AST shapes of statements, layout included.
//! Generated from CPython 3.11's `ast.dump(ast.parse(src))`; see `check_dumps`.

use super::check_dumps;

const CASES: &[(&str, &str)] = &[
    (
        "x = 1",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"#,
    ),
    (
        "x = y = 2",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[])"#,
    ),
    (
        "a, b = 1, 2",
        r#"Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a, (b, c) = d",
        r#"Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Tuple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ctx=Store())], ctx=Store())], value=Name(id='d', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a, *b = c",
        r#"Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "[a, b] = c",
        r#"Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a.b = c[d] = e",
        r#"Module(body=[Assign(targets=[Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Store()), Subscript(value=Name(id='c', ctx=Load()), slice=Name(id='d', ctx=Load()), ctx=Store())], value=Name(id='e', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "(a) = 1",
        r#"Module(body=[Assign(targets=[Name(id='a', ctx=Store())], value=Constant(value=1))], type_ignores=[])"#,
    ),
    (
        "f(a)(b)[c] = d",
        r#"Module(body=[Assign(targets=[Subscript(value=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), args=[Name(id='b', ctx=Load())], keywords=[]), slice=Name(id='c', ctx=Load()), ctx=Store())], value=Name(id='d', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "x += 1",
        r#"Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1))], type_ignores=[])"#,
    ),
    (
        "x //= 2",
        r#"Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=FloorDiv(), value=Constant(value=2))], type_ignores=[])"#,
    ),
    (
        "x @= m",
        r#"Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=MatMult(), value=Name(id='m', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "x **= 3",
        r#"Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Pow(), value=Constant(value=3))], type_ignores=[])"#,
    ),
    (
        "x: int = 5",
        r#"Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=5), simple=1)], type_ignores=[])"#,
    ),
    (
        "x: int",
        r#"Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=1)], type_ignores=[])"#,
    ),
    (
        "(x): int = 1",
        r#"Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=0)], type_ignores=[])"#,
    ),
    (
        "a.b: int",
        r#"Module(body=[AnnAssign(target=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[])"#,
    ),
    (
        "x[0]: int = 1",
        r#"Module(body=[AnnAssign(target=Subscript(value=Name(id='x', ctx=Load()), slice=Constant(value=0), ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=0)], type_ignores=[])"#,
    ),
    (
        "del a, b[0], c.d",
        r#"Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Subscript(value=Name(id='b', ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='c', ctx=Load()), attr='d', ctx=Del())])], type_ignores=[])"#,
    ),
    (
        "del (a, b)",
        r#"Module(body=[Delete(targets=[Tuple(elts=[Name(id='a', ctx=Del()), Name(id='b', ctx=Del())], ctx=Del())])], type_ignores=[])"#,
    ),
    (
        "del [a], (b)",
        r#"Module(body=[Delete(targets=[List(elts=[Name(id='a', ctx=Del())], ctx=Del()), Name(id='b', ctx=Del())])], type_ignores=[])"#,
    ),
    (
        "pass",
        r#"Module(body=[Pass()], type_ignores=[])"#,
    ),
    (
        "if a:\n    b\nelif c:\n    d\nelse:\n    e",
        r#"Module(body=[If(test=Name(id='a', ctx=Load()), body=[Expr(value=Name(id='b', ctx=Load()))], orelse=[If(test=Name(id='c', ctx=Load()), body=[Expr(value=Name(id='d', ctx=Load()))], orelse=[Expr(value=Name(id='e', ctx=Load()))])])], type_ignores=[])"#,
    ),
    (
        "if a:\n    b\nelif c:\n    d\nelif e:\n    f",
        r#"Module(body=[If(test=Name(id='a', ctx=Load()), body=[Expr(value=Name(id='b', ctx=Load()))], orelse=[If(test=Name(id='c', ctx=Load()), body=[Expr(value=Name(id='d', ctx=Load()))], orelse=[If(test=Name(id='e', ctx=Load()), body=[Expr(value=Name(id='f', ctx=Load()))], orelse=[])])])], type_ignores=[])"#,
    ),
    (
        "while x:\n    y\nelse:\n    z",
        r#"Module(body=[While(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load()))], orelse=[Expr(value=Name(id='z', ctx=Load()))])], type_ignores=[])"#,
    ),
    (
        "for a, b in c:\n    pass\nelse:\n    pass",
        r#"Module(body=[For(target=Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store()), iter=Name(id='c', ctx=Load()), body=[Pass()], orelse=[Pass()])], type_ignores=[])"#,
    ),
    (
        "for x in *a, b:\n    pass",
        r#"Module(body=[For(target=Name(id='x', ctx=Store()), iter=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"#,
    ),
    (
        "for x, in y:\n    pass",
        r#"Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store())], ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"#,
    ),
    (
        "for i in range(10):\n    if i % 2:\n        continue\n    else:\n        break\nelse:\n    pass",
        r#"Module(body=[For(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=10)], keywords=[]), body=[If(test=BinOp(left=Name(id='i', ctx=Load()), op=Mod(), right=Constant(value=2)), body=[Continue()], orelse=[Break()])], orelse=[Pass()])], type_ignores=[])"#,
    ),
    (
        "break",
        r#"Module(body=[Break()], type_ignores=[])"#,
    ),
    (
        "continue",
        r#"Module(body=[Continue()], type_ignores=[])"#,
    ),
    (
        "def f(a, b=1, *args, c, d=2, **kw):\n    return a",
        r#"Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'), arg(arg='d')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='kw'), defaults=[Constant(value=1)]), body=[Return(value=Name(id='a', ctx=Load()))], decorator_list=[])], type_ignores=[])"#,
    ),
    (
        "def f(a, /, b, *, c):\n    pass",
        r#"Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], kwonlyargs=[arg(arg='c')], kw_defaults=[None], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])"#,
    ),
    (
        "def f(a=1, /, b=2, *, c):\n    pass",
        r#"Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], kwonlyargs=[arg(arg='c')], kw_defaults=[None], defaults=[Constant(value=1), Constant(value=2)]), body=[Pass()], decorator_list=[])], type_ignores=[])"#,
    ),
    (
        "def f(a: int = 1, *b: str, **c: float) -> int:\n    pass",
        r#"Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='b', annotation=Name(id='str', ctx=Load())), kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='c', annotation=Name(id='float', ctx=Load())), defaults=[Constant(value=1)]), body=[Pass()], decorator_list=[], returns=Name(id='int', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "def f():\n    return",
        r#"Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return()], decorator_list=[])], type_ignores=[])"#,
    ),
    (
        "def f(*, a): pass",
        r#"Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])"#,
    ),
    (
        "def f(a, b, /): pass",
        r#"Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a'), arg(arg='b')], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])"#,
    ),
    (
        "def f(**kw,): pass",
        r#"Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='kw'), defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])"#,
    ),
    (
        "def f():\n    \"\"\"doc\"\"\"\n    return 1",
        r#"Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Constant(value='doc')), Return(value=Constant(value=1))], decorator_list=[])], type_ignores=[])"#,
    ),
    (
        "class C(A, B, metaclass=M):\n    x = 1",
        r#"Module(body=[ClassDef(name='C', bases=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], decorator_list=[])], type_ignores=[])"#,
    ),
    (
        "class C(*bases, **kw): pass",
        r#"Module(body=[ClassDef(name='C', bases=[Starred(value=Name(id='bases', ctx=Load()), ctx=Load())], keywords=[keyword(value=Name(id='kw', ctx=Load()))], body=[Pass()], decorator_list=[])], type_ignores=[])"#,
    ),
    (
        "class C: pass",
        r#"Module(body=[ClassDef(name='C', bases=[], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[])"#,
    ),
    (
        "class C(): pass",
        r#"Module(body=[ClassDef(name='C', bases=[], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[])"#,
    ),
    (
        "class A:\n    def f(self):\n        pass\n\n    def g(self):\n        pass",
        r#"Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[]), FunctionDef(name='g', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], decorator_list=[])], type_ignores=[])"#,
    ),
    (
        "@dec\n@dec2(1)\ndef f(): pass",
        r#"Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Name(id='dec', ctx=Load()), Call(func=Name(id='dec2', ctx=Load()), args=[Constant(value=1)], keywords=[])])], type_ignores=[])"#,
    ),
    (
        "@a.b[1](2)\nclass C: pass",
        r#"Module(body=[ClassDef(name='C', bases=[], keywords=[], body=[Pass()], decorator_list=[Call(func=Subscript(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), slice=Constant(value=1), ctx=Load()), args=[Constant(value=2)], keywords=[])])], type_ignores=[])"#,
    ),
    (
        "@(yield)\ndef f(): pass",
        r#"Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Yield()])], type_ignores=[])"#,
    ),
    (
        "@x := y\ndef f(): pass",
        r#"Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[NamedExpr(target=Name(id='x', ctx=Store()), value=Name(id='y', ctx=Load()))])], type_ignores=[])"#,
    ),
    (
        "@property\ndef f(self): return self._f",
        r#"Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Attribute(value=Name(id='self', ctx=Load()), attr='_f', ctx=Load()))], decorator_list=[Name(id='property', ctx=Load())])], type_ignores=[])"#,
    ),
    (
        "global a, b",
        r#"Module(body=[Global(names=['a', 'b'])], type_ignores=[])"#,
    ),
    (
        "nonlocal x",
        r#"Module(body=[Nonlocal(names=['x'])], type_ignores=[])"#,
    ),
    (
        "try:\n    a\nexcept (A, B) as e:\n    b\nexcept C:\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f",
        r#"Module(body=[Try(body=[Expr(value=Name(id='a', ctx=Load()))], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), name='e', body=[Expr(value=Name(id='b', ctx=Load()))]), ExceptHandler(type=Name(id='C', ctx=Load()), body=[Expr(value=Name(id='c', ctx=Load()))]), ExceptHandler(body=[Expr(value=Name(id='d', ctx=Load()))])], orelse=[Expr(value=Name(id='e', ctx=Load()))], finalbody=[Expr(value=Name(id='f', ctx=Load()))])], type_ignores=[])"#,
    ),
    (
        "try:\n    a\nfinally:\n    b",
        r#"Module(body=[Try(body=[Expr(value=Name(id='a', ctx=Load()))], handlers=[], orelse=[], finalbody=[Expr(value=Name(id='b', ctx=Load()))])], type_ignores=[])"#,
    ),
    (
        "try:\n    pass\nexcept Exception as e:\n    raise ValueError(\"x\") from e",
        r#"Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='Exception', ctx=Load()), name='e', body=[Raise(exc=Call(func=Name(id='ValueError', ctx=Load()), args=[Constant(value='x')], keywords=[]), cause=Name(id='e', ctx=Load()))])], orelse=[], finalbody=[])], type_ignores=[])"#,
    ),
    (
        "raise",
        r#"Module(body=[Raise()], type_ignores=[])"#,
    ),
    (
        "raise X",
        r#"Module(body=[Raise(exc=Name(id='X', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "raise X from Y",
        r#"Module(body=[Raise(exc=Name(id='X', ctx=Load()), cause=Name(id='Y', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "with a as b, c:\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "with (a as b, c as d):\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "with (a, b):\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "with (a, b) as c:\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "with (a):\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "with (a) as b:\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store()))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "with (open(x) as f, ):\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]), optional_vars=Name(id='f', ctx=Store()))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "with a as (b, c):\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Tuple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ctx=Store()))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "with a as b.c, d as e[0]:\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Attribute(value=Name(id='b', ctx=Load()), attr='c', ctx=Store())), withitem(context_expr=Name(id='d', ctx=Load()), optional_vars=Subscript(value=Name(id='e', ctx=Load()), slice=Constant(value=0), ctx=Store()))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "with (x for x in y):\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "with (\n    open(a) as b,\n    open(c) as d,\n):\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='c', ctx=Load())], keywords=[]), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "with (a,\n b):\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "with (a, b) as (c, d):\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Tuple(elts=[Name(id='c', ctx=Store()), Name(id='d', ctx=Store())], ctx=Store()))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "with ():\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=Tuple(elts=[], ctx=Load()))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "with (a := b):\n    pass",
        r#"Module(body=[With(items=[withitem(context_expr=NamedExpr(target=Name(id='a', ctx=Store()), value=Name(id='b', ctx=Load())))], body=[Pass()])], type_ignores=[])"#,
    ),
    (
        "assert x",
        r#"Module(body=[Assert(test=Name(id='x', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "assert x, \"msg\"",
        r#"Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg'))], type_ignores=[])"#,
    ),
    (
        "import a",
        r#"Module(body=[Import(names=[alias(name='a')])], type_ignores=[])"#,
    ),
    (
        "import a.b.c as d, e",
        r#"Module(body=[Import(names=[alias(name='a.b.c', asname='d'), alias(name='e')])], type_ignores=[])"#,
    ),
    (
        "from . import x",
        r#"Module(body=[ImportFrom(names=[alias(name='x')], level=1)], type_ignores=[])"#,
    ),
    (
        "from .. import x",
        r#"Module(body=[ImportFrom(names=[alias(name='x')], level=2)], type_ignores=[])"#,
    ),
    (
        "from ... import x",
        r#"Module(body=[ImportFrom(names=[alias(name='x')], level=3)], type_ignores=[])"#,
    ),
    (
        "from .... import x",
        r#"Module(body=[ImportFrom(names=[alias(name='x')], level=4)], type_ignores=[])"#,
    ),
    (
        "from .a.b import (c as d, e,)",
        r#"Module(body=[ImportFrom(module='a.b', names=[alias(name='c', asname='d'), alias(name='e')], level=1)], type_ignores=[])"#,
    ),
    (
        "from x import *",
        r#"Module(body=[ImportFrom(module='x', names=[alias(name='*')], level=0)], type_ignores=[])"#,
    ),
    (
        "from x import a, b as c",
        r#"Module(body=[ImportFrom(module='x', names=[alias(name='a'), alias(name='b', asname='c')], level=0)], type_ignores=[])"#,
    ),
    (
        "from __future__ import annotations",
        r#"Module(body=[ImportFrom(module='__future__', names=[alias(name='annotations')], level=0)], type_ignores=[])"#,
    ),
    (
        "def g():\n    yield\n    yield x\n    yield from y\n    x = yield z\n    x = yield a, b\n    await_ = 1",
        r#"Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Yield()), Expr(value=Yield(value=Name(id='x', ctx=Load()))), Expr(value=YieldFrom(value=Name(id='y', ctx=Load()))), Assign(targets=[Name(id='x', ctx=Store())], value=Yield(value=Name(id='z', ctx=Load()))), Assign(targets=[Name(id='x', ctx=Store())], value=Yield(value=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))), Assign(targets=[Name(id='await_', ctx=Store())], value=Constant(value=1))], decorator_list=[])], type_ignores=[])"#,
    ),
    (
        "a; b; c",
        r#"Module(body=[Expr(value=Name(id='a', ctx=Load())), Expr(value=Name(id='b', ctx=Load())), Expr(value=Name(id='c', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a; b;",
        r#"Module(body=[Expr(value=Name(id='a', ctx=Load())), Expr(value=Name(id='b', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "if x: y",
        r#"Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load()))], orelse=[])], type_ignores=[])"#,
    ),
    (
        "if x: y; z",
        r#"Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load())), Expr(value=Name(id='z', ctx=Load()))], orelse=[])], type_ignores=[])"#,
    ),
    (
        "while x: pass",
        r#"Module(body=[While(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"#,
    ),
    (
        "x = 1; y = 2",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[])"#,
    ),
    (
        "if x:\r\n    y = 1\r\n    z = \"\"\"a\r\nb\"\"\"\r\n",
        r#"Module(body=[If(test=Name(id='x', ctx=Load()), body=[Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='z', ctx=Store())], value=Constant(value='a\nb'))], orelse=[])], type_ignores=[])"#,
    ),
    (
        "if x:\r    y = 1\r",
        r#"Module(body=[If(test=Name(id='x', ctx=Load()), body=[Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=1))], orelse=[])], type_ignores=[])"#,
    ),
    (
        "\u{c}if x:\n\u{c}    y\n",
        r#"Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load()))], orelse=[])], type_ignores=[])"#,
    ),
    (
        "if x:\n\ty\n\tz\n",
        r#"Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load())), Expr(value=Name(id='z', ctx=Load()))], orelse=[])], type_ignores=[])"#,
    ),
    (
        "if x:\n    if y:\n        z\nw\n",
        r#"Module(body=[If(test=Name(id='x', ctx=Load()), body=[If(test=Name(id='y', ctx=Load()), body=[Expr(value=Name(id='z', ctx=Load()))], orelse=[])], orelse=[]), Expr(value=Name(id='w', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "if x:\n    y\n# comment\n        \n    z\n",
        r#"Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load())), Expr(value=Name(id='z', ctx=Load()))], orelse=[])], type_ignores=[])"#,
    ),
    (
        "if True:\n    pass\n  # comment at odd indent\n",
        r#"Module(body=[If(test=Constant(value=True), body=[Pass()], orelse=[])], type_ignores=[])"#,
    ),
    (
        "x = [\n1,\n  2,\n        3]\n",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value=1), Constant(value=2), Constant(value=3)], ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "x = 1 + \\\n    2\n",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[])"#,
    ),
    (
        "if x:\n    y = 1 + \\\n2\n    z\n",
        r#"Module(body=[If(test=Name(id='x', ctx=Load()), body=[Assign(targets=[Name(id='y', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2))), Expr(value=Name(id='z', ctx=Load()))], orelse=[])], type_ignores=[])"#,
    ),
    (
        "x = 1\n\n\n",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"#,
    ),
    (
        "x = 1",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"#,
    ),
    (
        "if x:\n    y",
        r#"Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load()))], orelse=[])], type_ignores=[])"#,
    ),
    (
        "\n\n",
        r#"Module(body=[], type_ignores=[])"#,
    ),
    (
        "# only comment",
        r#"Module(body=[], type_ignores=[])"#,
    ),
    (
        "   # indented comment\nx\n",
        r#"Module(body=[Expr(value=Name(id='x', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "x = \"a\" \\\n \"b\"\n",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='ab'))], type_ignores=[])"#,
    ),
    (
        "l = [\n    x\n    for x in y\n    if x\n]\n",
        r#"Module(body=[Assign(targets=[Name(id='l', ctx=Store())], value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load())], is_async=0)]))], type_ignores=[])"#,
    ),
    (
        "x = {\n    \"a\": 1,\n    **b,\n}\n",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dict(keys=[Constant(value='a'), None], values=[Constant(value=1), Name(id='b', ctx=Load())]))], type_ignores=[])"#,
    ),
    (
        "print(f\"{x!r:>{width}}\", end=\"\")",
        r#"Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='width', ctx=Load()), conversion=-1)]))])], keywords=[keyword(arg='end', value=Constant(value=''))]))], type_ignores=[])"#,
    ),
    (
        "assert isinstance(x, int), f\"bad {x}\"",
        r#"Module(body=[Assert(test=Call(func=Name(id='isinstance', ctx=Load()), args=[Name(id='x', ctx=Load()), Name(id='int', ctx=Load())], keywords=[]), msg=JoinedStr(values=[Constant(value='bad '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "global x; x = 1",
        r#"Module(body=[Global(names=['x']), Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"#,
    ),
    (
        "match = 1",
        r#"Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1))], type_ignores=[])"#,
    ),
    (
        "case = 2",
        r#"Module(body=[Assign(targets=[Name(id='case', ctx=Store())], value=Constant(value=2))], type_ignores=[])"#,
    ),
    (
        "_ = 3",
        r#"Module(body=[Assign(targets=[Name(id='_', ctx=Store())], value=Constant(value=3))], type_ignores=[])"#,
    ),
    (
        "print(match, case, _)",
        r#"Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='match', ctx=Load()), Name(id='case', ctx=Load()), Name(id='_', ctx=Load())], keywords=[]))], type_ignores=[])"#,
    ),
    (
        "type = 1",
        r#"Module(body=[Assign(targets=[Name(id='type', ctx=Store())], value=Constant(value=1))], type_ignores=[])"#,
    ),
];

#[test]
fn statement_shapes_match_cpython() {
    check_dumps(CASES);
}
