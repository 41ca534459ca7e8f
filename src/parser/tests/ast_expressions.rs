//! AST shapes of expressions and literals.
//! Generated from CPython 3.11's `ast.dump(ast.parse(src))`; see `check_dumps`.

use super::check_dumps;

const CASES: &[(&str, &str)] = &[
    (
        "-2**2",
        r#"Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), right=Constant(value=2))))], type_ignores=[])"#,
    ),
    (
        "2**-1",
        r#"Module(body=[Expr(value=BinOp(left=Constant(value=2), op=Pow(), right=UnaryOp(op=USub(), operand=Constant(value=1))))], type_ignores=[])"#,
    ),
    (
        "2**3**4",
        r#"Module(body=[Expr(value=BinOp(left=Constant(value=2), op=Pow(), right=BinOp(left=Constant(value=3), op=Pow(), right=Constant(value=4))))], type_ignores=[])"#,
    ),
    (
        "-x ** -y",
        r#"Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Name(id='x', ctx=Load()), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='y', ctx=Load())))))], type_ignores=[])"#,
    ),
    (
        "not a == b",
        r#"Module(body=[Expr(value=UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), ops=[Eq()], comparators=[Name(id='b', ctx=Load())])))], type_ignores=[])"#,
    ),
    (
        "not not x",
        r#"Module(body=[Expr(value=UnaryOp(op=Not(), operand=UnaryOp(op=Not(), operand=Name(id='x', ctx=Load()))))], type_ignores=[])"#,
    ),
    (
        "a if b else c if d else e",
        r#"Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='e', ctx=Load()))))], type_ignores=[])"#,
    ),
    (
        "a if b else lambda: c",
        r#"Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name(id='c', ctx=Load()))))], type_ignores=[])"#,
    ),
    (
        "lambda: x if y else z",
        r#"Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=IfExp(test=Name(id='y', ctx=Load()), body=Name(id='x', ctx=Load()), orelse=Name(id='z', ctx=Load()))))], type_ignores=[])"#,
    ),
    (
        "lambda x, y=1, *a, z, **k: 0",
        r#"Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x'), arg(arg='y')], vararg=arg(arg='a'), kwonlyargs=[arg(arg='z')], kw_defaults=[None], kwarg=arg(arg='k'), defaults=[Constant(value=1)]), body=Constant(value=0)))], type_ignores=[])"#,
    ),
    (
        "lambda *, a: a",
        r#"Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), body=Name(id='a', ctx=Load())))], type_ignores=[])"#,
    ),
    (
        "lambda a, /, b: 0",
        r#"Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0)))], type_ignores=[])"#,
    ),
    (
        "lambda *a, **k: 0",
        r#"Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], vararg=arg(arg='a'), kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='k'), defaults=[]), body=Constant(value=0)))], type_ignores=[])"#,
    ),
    (
        "x = lambda: (yield)",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Yield()))], type_ignores=[])"#,
    ),
    (
        "a or b or c and d and not e",
        r#"Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), BoolOp(op=And(), values=[Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), UnaryOp(op=Not(), operand=Name(id='e', ctx=Load()))])]))], type_ignores=[])"#,
    ),
    (
        "(a or b) and c",
        r#"Module(body=[Expr(value=BoolOp(op=And(), values=[BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())]), Name(id='c', ctx=Load())]))], type_ignores=[])"#,
    ),
    (
        "a < b <= c != d is not e not in f in g is h",
        r#"Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), NotEq(), IsNot(), NotIn(), In(), Is()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load()), Name(id='f', ctx=Load()), Name(id='g', ctx=Load()), Name(id='h', ctx=Load())]))], type_ignores=[])"#,
    ),
    (
        "a | b ^ c & d << e >> f + g - h * i / j // k % l @ m",
        r#"Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Name(id='e', ctx=Load())), op=RShift(), right=BinOp(left=BinOp(left=Name(id='f', ctx=Load()), op=Add(), right=Name(id='g', ctx=Load())), op=Sub(), right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='h', ctx=Load()), op=Mult(), right=Name(id='i', ctx=Load())), op=Div(), right=Name(id='j', ctx=Load())), op=FloorDiv(), right=Name(id='k', ctx=Load())), op=Mod(), right=Name(id='l', ctx=Load())), op=MatMult(), right=Name(id='m', ctx=Load()))))))))], type_ignores=[])"#,
    ),
    (
        "(a + b) * c",
        r#"Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Name(id='b', ctx=Load())), op=Mult(), right=Name(id='c', ctx=Load())))], type_ignores=[])"#,
    ),
    (
        "a - b - c",
        r#"Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Sub(), right=Name(id='b', ctx=Load())), op=Sub(), right=Name(id='c', ctx=Load())))], type_ignores=[])"#,
    ),
    (
        "~a + -b - +c",
        r#"Module(body=[Expr(value=BinOp(left=BinOp(left=UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load())), op=Add(), right=UnaryOp(op=USub(), operand=Name(id='b', ctx=Load()))), op=Sub(), right=UnaryOp(op=UAdd(), operand=Name(id='c', ctx=Load()))))], type_ignores=[])"#,
    ),
    (
        "a.b.c",
        r#"Module(body=[Expr(value=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a[1]",
        r#"Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=1), ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a[1:2]",
        r#"Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a[::2]",
        r#"Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(step=Constant(value=2)), ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a[1:2, 3]",
        r#"Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Constant(value=3)], ctx=Load()), ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a[:]",
        r#"Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a[1:2:3]",
        r#"Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2), step=Constant(value=3)), ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a[x, y]",
        r#"Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a[x,]",
        r#"Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Name(id='x', ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a[*b]",
        r#"Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a[*b, c]",
        r#"Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load()), Name(id='c', ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a[(1, 2)]",
        r#"Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()), ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a[x := 1]",
        r#"Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)), ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "a[1:2][3]",
        r#"Module(body=[Expr(value=Subscript(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load()), slice=Constant(value=3), ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "x = a[1:2:3, ..., None]",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2), step=Constant(value=3)), Constant(value=Ellipsis), Constant(value=None)], ctx=Load()), ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "f()",
        r#"Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[]))], type_ignores=[])"#,
    ),
    (
        "f(a, b)",
        r#"Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], keywords=[]))], type_ignores=[])"#,
    ),
    (
        "f(a, *b, c=1, **d)",
        r#"Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[])"#,
    ),
    (
        "f(*a, *b, **c, **d)",
        r#"Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(value=Name(id='c', ctx=Load())), keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[])"#,
    ),
    (
        "f(a=1, *b)",
        r#"Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='a', value=Constant(value=1))]))], type_ignores=[])"#,
    ),
    (
        "f(**k, a=1)",
        r#"Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(value=Name(id='k', ctx=Load())), keyword(arg='a', value=Constant(value=1))]))], type_ignores=[])"#,
    ),
    (
        "f(a,)",
        r#"Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]))], type_ignores=[])"#,
    ),
    (
        "f(x for x in y)",
        r#"Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[])"#,
    ),
    (
        "f(x for x in y if z for w in x)",
        r#"Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='z', ctx=Load())], is_async=0), comprehension(target=Name(id='w', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[])"#,
    ),
    (
        "f((x for x in y), 1)",
        r#"Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]), Constant(value=1)], keywords=[]))], type_ignores=[])"#,
    ),
    (
        "f(x := 1)",
        r#"Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1))], keywords=[]))], type_ignores=[])"#,
    ),
    (
        "f(a)(b)(c)",
        r#"Module(body=[Expr(value=Call(func=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), args=[Name(id='b', ctx=Load())], keywords=[]), args=[Name(id='c', ctx=Load())], keywords=[]))], type_ignores=[])"#,
    ),
    (
        "f(a)[b].c",
        r#"Module(body=[Expr(value=Attribute(value=Subscript(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), slice=Name(id='b', ctx=Load()), ctx=Load()), attr='c', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "(x for x in y)",
        r#"Module(body=[Expr(value=GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"#,
    ),
    (
        "[x for x in y]",
        r#"Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"#,
    ),
    (
        "[x for x in y if a if b for z in x]",
        r#"Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], is_async=0), comprehension(target=Name(id='z', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"#,
    ),
    (
        "[i for i in range(3) for j in range(i) if j if i]",
        r#"Module(body=[Expr(value=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=3)], keywords=[]), ifs=[], is_async=0), comprehension(target=Name(id='j', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Name(id='i', ctx=Load())], keywords=[]), ifs=[Name(id='j', ctx=Load()), Name(id='i', ctx=Load())], is_async=0)]))], type_ignores=[])"#,
    ),
    (
        "[y for x in a if (y := x)]",
        r#"Module(body=[Expr(value=ListComp(elt=Name(id='y', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='a', ctx=Load()), ifs=[NamedExpr(target=Name(id='y', ctx=Store()), value=Name(id='x', ctx=Load()))], is_async=0)]))], type_ignores=[])"#,
    ),
    (
        "{x for x in y}",
        r#"Module(body=[Expr(value=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"#,
    ),
    (
        "{k: v for k, v in items}",
        r#"Module(body=[Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Name(id='items', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"#,
    ),
    (
        "{k: v for k, v in items if k}",
        r#"Module(body=[Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Name(id='items', ctx=Load()), ifs=[Name(id='k', ctx=Load())], is_async=0)]))], type_ignores=[])"#,
    ),
    (
        "[x for x, in y]",
        r#"Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='x', ctx=Store())], ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"#,
    ),
    (
        "[*a, *b]",
        r#"Module(body=[Expr(value=List(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "(*a, b)",
        r#"Module(body=[Expr(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "{*a, 1}",
        r#"Module(body=[Expr(value=Set(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Constant(value=1)]))], type_ignores=[])"#,
    ),
    (
        "{**a, 'b': 1, **c}",
        r#"Module(body=[Expr(value=Dict(keys=[None, Constant(value='b'), None], values=[Name(id='a', ctx=Load()), Constant(value=1), Name(id='c', ctx=Load())]))], type_ignores=[])"#,
    ),
    (
        "{}",
        r#"Module(body=[Expr(value=Dict(keys=[], values=[]))], type_ignores=[])"#,
    ),
    (
        "{1: 2}",
        r#"Module(body=[Expr(value=Dict(keys=[Constant(value=1)], values=[Constant(value=2)]))], type_ignores=[])"#,
    ),
    (
        "{1, 2}",
        r#"Module(body=[Expr(value=Set(elts=[Constant(value=1), Constant(value=2)]))], type_ignores=[])"#,
    ),
    (
        "[]",
        r#"Module(body=[Expr(value=List(elts=[], ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "()",
        r#"Module(body=[Expr(value=Tuple(elts=[], ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "(1,)",
        r#"Module(body=[Expr(value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "(1, 2)",
        r#"Module(body=[Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "(1)",
        r#"Module(body=[Expr(value=Constant(value=1))], type_ignores=[])"#,
    ),
    (
        "((1))",
        r#"Module(body=[Expr(value=Constant(value=1))], type_ignores=[])"#,
    ),
    (
        "[1, 2,]",
        r#"Module(body=[Expr(value=List(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "x = 1,",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "x = *a, b",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "(x := 1)",
        r#"Module(body=[Expr(value=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)))], type_ignores=[])"#,
    ),
    (
        "[x := 1, y]",
        r#"Module(body=[Expr(value=List(elts=[NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)), Name(id='y', ctx=Load())], ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "if (n := len(a)) > 10: pass",
        r#"Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Call(func=Name(id='len', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[])), ops=[Gt()], comparators=[Constant(value=10)]), body=[Pass()], orelse=[])], type_ignores=[])"#,
    ),
    (
        "while chunk := f(): pass",
        r#"Module(body=[While(test=NamedExpr(target=Name(id='chunk', ctx=Store()), value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[])), body=[Pass()], orelse=[])], type_ignores=[])"#,
    ),
    (
        "x = 1 if y else 2",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='y', ctx=Load()), body=Constant(value=1), orelse=Constant(value=2)))], type_ignores=[])"#,
    ),
    (
        "...",
        r#"Module(body=[Expr(value=Constant(value=Ellipsis))], type_ignores=[])"#,
    ),
    (
        "None",
        r#"Module(body=[Expr(value=Constant(value=None))], type_ignores=[])"#,
    ),
    (
        "True",
        r#"Module(body=[Expr(value=Constant(value=True))], type_ignores=[])"#,
    ),
    (
        "False",
        r#"Module(body=[Expr(value=Constant(value=False))], type_ignores=[])"#,
    ),
    (
        "1",
        r#"Module(body=[Expr(value=Constant(value=1))], type_ignores=[])"#,
    ),
    (
        "1.5",
        r#"Module(body=[Expr(value=Constant(value=1.5))], type_ignores=[])"#,
    ),
    (
        "1e10",
        r#"Module(body=[Expr(value=Constant(value=10000000000.0))], type_ignores=[])"#,
    ),
    (
        "1.",
        r#"Module(body=[Expr(value=Constant(value=1.0))], type_ignores=[])"#,
    ),
    (
        ".5",
        r#"Module(body=[Expr(value=Constant(value=0.5))], type_ignores=[])"#,
    ),
    (
        "1_000.5",
        r#"Module(body=[Expr(value=Constant(value=1000.5))], type_ignores=[])"#,
    ),
    (
        "2j",
        r#"Module(body=[Expr(value=Constant(value=2j))], type_ignores=[])"#,
    ),
    (
        "1.5J",
        r#"Module(body=[Expr(value=Constant(value=1.5j))], type_ignores=[])"#,
    ),
    (
        "0xff",
        r#"Module(body=[Expr(value=Constant(value=255))], type_ignores=[])"#,
    ),
    (
        "0o17",
        r#"Module(body=[Expr(value=Constant(value=15))], type_ignores=[])"#,
    ),
    (
        "0b101",
        r#"Module(body=[Expr(value=Constant(value=5))], type_ignores=[])"#,
    ),
    (
        "1_000_000",
        r#"Module(body=[Expr(value=Constant(value=1000000))], type_ignores=[])"#,
    ),
    (
        "123456789012345678901234567890",
        r#"Module(body=[Expr(value=Constant(value=123456789012345678901234567890))], type_ignores=[])"#,
    ),
    (
        "1e400",
        r#"Module(body=[Expr(value=Constant(value=inf))], type_ignores=[])"#,
    ),
    (
        "0.1",
        r#"Module(body=[Expr(value=Constant(value=0.1))], type_ignores=[])"#,
    ),
    (
        "1e-7",
        r#"Module(body=[Expr(value=Constant(value=1e-07))], type_ignores=[])"#,
    ),
    (
        "1e16",
        r#"Module(body=[Expr(value=Constant(value=1e+16))], type_ignores=[])"#,
    ),
    (
        "12345678901234567.0",
        r#"Module(body=[Expr(value=Constant(value=1.2345678901234568e+16))], type_ignores=[])"#,
    ),
    (
        "x = 1_0.0_1e1_0",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=100100000000.0))], type_ignores=[])"#,
    ),
    (
        "x = 00.5",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=0.5))], type_ignores=[])"#,
    ),
    (
        "x = 1E-5j",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1e-05j))], type_ignores=[])"#,
    ),
    (
        "x = .5j",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=0.5j))], type_ignores=[])"#,
    ),
    (
        "x = 1if 1else 0",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Constant(value=1), body=Constant(value=1), orelse=Constant(value=0)))], type_ignores=[])"#,
    ),
    (
        "x = 0x_1",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"#,
    ),
    (
        "x = 1 .real",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Attribute(value=Constant(value=1), attr='real', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "x = 1.e5.real",
        r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Attribute(value=Constant(value=100000.0), attr='real', ctx=Load()))], type_ignores=[])"#,
    ),
    (
        "'abc'",
        r#"Module(body=[Expr(value=Constant(value='abc'))], type_ignores=[])"#,
    ),
    (
        "\"abc\"",
        r#"Module(body=[Expr(value=Constant(value='abc'))], type_ignores=[])"#,
    ),
    (
        "'''abc'''",
        r#"Module(body=[Expr(value=Constant(value='abc'))], type_ignores=[])"#,
    ),
    (
        "\"\"\"a\nb\"\"\"",
        r#"Module(body=[Expr(value=Constant(value='a\nb'))], type_ignores=[])"#,
    ),
    (
        "'a' 'b'",
        r#"Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[])"#,
    ),
    (
        "'a' \"b\" '''c'''",
        r#"Module(body=[Expr(value=Constant(value='abc'))], type_ignores=[])"#,
    ),
    (
        "b'abc'",
        r#"Module(body=[Expr(value=Constant(value=b'abc'))], type_ignores=[])"#,
    ),
    (
        "b'a' b'b'",
        r#"Module(body=[Expr(value=Constant(value=b'ab'))], type_ignores=[])"#,
    ),
    (
        "r'\\n'",
        r#"Module(body=[Expr(value=Constant(value='\\n'))], type_ignores=[])"#,
    ),
    (
        "rb'\\n'",
        r#"Module(body=[Expr(value=Constant(value=b'\\n'))], type_ignores=[])"#,
    ),
    (
        "Rb'\\x00'",
        r#"Module(body=[Expr(value=Constant(value=b'\\x00'))], type_ignores=[])"#,
    ),
    (
        "BR\"\\d\"",
        r#"Module(body=[Expr(value=Constant(value=b'\\d'))], type_ignores=[])"#,
    ),
    (
        "'\\n\\t\\\\\\'\\x41\\101\\u00e9\\U0001F40D\\a\\b\\f\\v\\r\\0\\777'",
        r#"Module(body=[Expr(value=Constant(value="\n\t\\'AAé🐍\x07\x08\x0c\x0b\r\x00ǿ"))], type_ignores=[])"#,
    ),
    (
        "b'\\x00\\xff\\n\\777\\q'",
        r#"Module(body=[Expr(value=Constant(value=b'\x00\xff\n\xff\\q'))], type_ignores=[])"#,
    ),
    (
        "'\\N{BULLET} \\N{latin small letter e with acute}'",
        r#"Module(body=[Expr(value=Constant(value='• é'))], type_ignores=[])"#,
    ),
    (
        "'a\\\nb'",
        r#"Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[])"#,
    ),
    (
        "'\\d\\z'",
        r#"Module(body=[Expr(value=Constant(value='\\d\\z'))], type_ignores=[])"#,
    ),
    (
        "'é€😀'",
        r#"Module(body=[Expr(value=Constant(value='é€😀'))], type_ignores=[])"#,
    ),
    (
        "f'abc'",
        r#"Module(body=[Expr(value=JoinedStr(values=[Constant(value='abc')]))], type_ignores=[])"#,
    ),
    (
        "f''",
        r#"Module(body=[Expr(value=JoinedStr(values=[]))], type_ignores=[])"#,
    ),
    (
        "f'{x}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "f'a{x}b{y!r}c{z:>10}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='b'), FormattedValue(value=Name(id='y', ctx=Load()), conversion=114), Constant(value='c'), FormattedValue(value=Name(id='z', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10')]))]))], type_ignores=[])"#,
    ),
    (
        "f'{x=}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[])"#,
    ),
    (
        "f'{x=!s}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=115)]))], type_ignores=[])"#,
    ),
    (
        "f'{x=:>3}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>3')]))]))], type_ignores=[])"#,
    ),
    (
        "f'{ x = }'",
        r#"Module(body=[Expr(value=JoinedStr(values=[Constant(value=' x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[])"#,
    ),
    (
        "f'{x:{y}>{z}}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1), Constant(value='>'), FormattedValue(value=Name(id='z', ctx=Load()), conversion=-1)]))]))], type_ignores=[])"#,
    ),
    (
        "f'{x:}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[]))]))], type_ignores=[])"#,
    ),
    (
        "f'{{}}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[Constant(value='{}')]))], type_ignores=[])"#,
    ),
    (
        "f'{x!r:{y}}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)]))]))], type_ignores=[])"#,
    ),
    (
        "f'{a[\"b\"]}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "f'{x,y}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "f'{(lambda x: 1)}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=1)), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "f'{x:=10}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='=10')]))]))], type_ignores=[])"#,
    ),
    (
        "f'{(x:=10)}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=10)), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "f'{a!=b}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='a', ctx=Load()), ops=[NotEq()], comparators=[Name(id='b', ctx=Load())]), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "f'{a<b}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt()], comparators=[Name(id='b', ctx=Load())]), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "f'{ {1: 2}[1] }'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Dict(keys=[Constant(value=1)], values=[Constant(value=2)]), slice=Constant(value=1), ctx=Load()), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "'a' f'{b}' 'c'",
        r#"Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1), Constant(value='c')]))], type_ignores=[])"#,
    ),
    (
        "f'{x}' 'y' f'{z}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='y'), FormattedValue(value=Name(id='z', ctx=Load()), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "'a' f''",
        r#"Module(body=[Expr(value=JoinedStr(values=[Constant(value='a')]))], type_ignores=[])"#,
    ),
    (
        "f'{3.14:.2f}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value=3.14), conversion=-1, format_spec=JoinedStr(values=[Constant(value='.2f')]))]))], type_ignores=[])"#,
    ),
    (
        "f'{f\"{x}\"}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "f'''{\nx\n+y}'''",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=BinOp(left=Name(id='x', ctx=Load()), op=Add(), right=Name(id='y', ctx=Load())), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "f'{x!a}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=97)]))], type_ignores=[])"#,
    ),
    (
        "f'\\{x}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "rf'{x}\\n'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\\n')]))], type_ignores=[])"#,
    ),
    (
        "Fr'\\n{x}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "f'\\n{x}\\t'",
        r#"Module(body=[Expr(value=JoinedStr(values=[Constant(value='\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\t')]))], type_ignores=[])"#,
    ),
    (
        "f'{x:{{}}>10}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Dict(keys=[], values=[]), conversion=-1), Constant(value='>10')]))]))], type_ignores=[])"#,
    ),
    (
        "f'{x}{{'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='{')]))], type_ignores=[])"#,
    ),
    (
        "f'\\N{BULLET}{x}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[Constant(value='•'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "f\"{'a' 'b'}\"",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value='ab'), conversion=-1)]))], type_ignores=[])"#,
    ),
    (
        "f'{x:%Y-%m-%d}'",
        r#"Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='%Y-%m-%d')]))]))], type_ignores=[])"#,
    ),
    (
        "(yield)",
        r#"Module(body=[Expr(value=Yield())], type_ignores=[])"#,
    ),
    (
        "a is not b",
        r#"Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[IsNot()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[])"#,
    ),
    (
        "a not in b",
        r#"Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[NotIn()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[])"#,
    ),
];

#[test]
fn expression_shapes_match_cpython() {
    check_dumps(CASES);
}
