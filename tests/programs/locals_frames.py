# locals(): one dict per function frame, refreshed from the variables, keeping names exec()
# stored; dir() and vars() without arguments read it; class bodies and modules use their
# namespace.
def g(a):
    b = 2
    exec('c = 5')
    print('c' in locals(), locals()['c'], sorted(locals()))
    del b
    print(sorted(locals()))
    l1 = locals(); l2 = locals(); print(l1 is l2)
    x = 10
    print(eval('x + a'))
g(1)
def outer():
    v = 1
    def inner():
        return v + 1
    print(sorted(locals()))
    return inner()
print(outer())
def gen():
    y = 1
    yield sorted(locals())
    z = 2
    yield sorted(locals())
print(list(gen()))
class K:
    q = 1
    print(sorted(locals()))
print(sorted(k for k in locals() if not k.startswith('__')))
def h(p):
    q = p * 2
    return dir(), vars()
print(h(3))
