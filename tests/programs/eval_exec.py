# eval, exec, compile and locals(): namespaces defaulting to the caller's, code objects from
# compile() in each mode, fresh globals getting __builtins__, function locals as a snapshot,
# and CPython's argument errors and SyntaxErrors.
for f in [lambda: eval('\0'), lambda: compile('x','f','bad'), lambda: eval(5), lambda: exec(5), lambda: eval('1', []), lambda: exec('1', []), lambda: eval('1', {}, 5), lambda: exec('1', {}, 5), lambda: compile(b'\xff', 'f', 'exec'), lambda: eval('1 +'), lambda: compile('1', 5, 'exec'), lambda: compile(5, 'f', 'exec'), lambda: eval('undefined_zz')]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
print(eval(' 1+1'), eval(compile('2*3', 's', 'eval')), exec('z=1'), z)
def g(a):
  b = 2
  print(sorted(locals().items()), eval('a+b'))
g(1)
ns = {}; exec('def h(): return 7\nq = h()', ns); print(ns['q'], '__builtins__' in ns)
print(eval('x', {'x': 1}, {'x': 2}))
code = compile('for i in range(3):\n    t = i * i\n', '<loop>', 'exec')
scope = {}
exec(code, scope)
print(scope['t'], type(code).__name__)
exec(compile('1 + 1', '<s>', 'single'))
def outer():
    v = 10
    def inner():
        return v
    return sorted(locals())
print(outer())
class K:
    exec('w = 3')
    print('w' in locals())
try:
    exec('def broken(:\n  pass')
except SyntaxError as e:
    print(e.msg, e.lineno, e.filename)
# A function's code object runs as a call with no arguments; closures are refused.
def outer():
    v = 1
    def inner(): return v
    return inner
def needs_arg(a): return a
def gen(): yield 1
def with_cells():
    x = 1
    def h(): return x
    return h()
for c in [outer().__code__, needs_arg.__code__, gen.__code__, with_cells.__code__]:
    try:
        print(exec(c))
    except Exception as e:
        print(type(e).__name__, e)
print(type(eval(gen.__code__)).__name__, eval(with_cells.__code__))
# __builtins__ in the globals decides what the code sees.
g = {}
exec('1', g)
print(type(g['__builtins__']))
try:
    eval('len', {'__builtins__': {}})
except NameError as e:
    print('NameError', e)
g = {'__builtins__': {'abs': abs}}
exec('def f(): return abs(-3)', g)
print(g['f']())
# compile(): flags and single mode.
for fl in [0x1, 0x200]:
    try:
        print(type(compile('1', 'f', 'exec', flags=fl)).__name__)
    except Exception as e:
        print(type(e).__name__, e)
for src in ['1\n2\n', 'a = 1; b = 2\n', 'if 1:\n  pass\n']:
    try:
        print(type(compile(src, 'f', 'single')).__name__)
    except SyntaxError as e:
        print('SyntaxError', e)
print(repr(exit), type(quit).__name__, type(exit).__module__)
