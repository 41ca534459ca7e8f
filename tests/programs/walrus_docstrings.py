# Assignment expressions in comprehensions bind in the enclosing scope (PEP 572); docstrings.
def f(data):
    if any((hit := x) > 3 for x in data):
        return hit
    return None
print(f([1, 5, 2]), f([1]))
total = 0
vals = [(total := total + v) for v in range(5)]
print(vals, total)
def g():
    ys = [[(last := a * b) for a in range(3)] for b in range(2)]
    return ys, last
print(g())
MODULE_DOC = __doc__
def f():
    """Function doc."""
    return 1
def g():
    return 2
class C:
    """Class doc."""
    def m(self):
        "method doc"
print(f.__doc__, g.__doc__, C.__doc__, C.m.__doc__, __doc__, f())
