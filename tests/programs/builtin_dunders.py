# The dunder methods of built-in types (slot wrappers): str.__len__, (5).__add__,
# generator.__next__, super().__str__() in an exception subclass, and their errors.
class A:
    def __repr__(self):
        return "A<" + super().__repr__()[:3] + ">"
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v * 2)
    def __eq__(self, o):
        return super().__eq__(o)
    def __hash__(self):
        return object.__hash__(self) * 0
a = A()
a.x = 2
print(a.x, repr(a), a == a, hash(a), object.__str__(a)[:3])
print(int.__add__(1, 2), str.__len__("abc"), list.__len__([1]), dict.__getitem__({1: 2}, 1))
print((5).__add__(2), (5).__radd__(2), (5).__eq__(5), "x".__eq__(1), "ab".__contains__("a"))
print([1, 2].__iter__().__next__(), {1: 2}.__len__(), (1.5).__mul__(2), (3).__neg__(), (3).__bool__())
print(type(str.__len__).__name__, type("a".__len__).__name__)
print(int.__hash__(7), str.__hash__("") , "a".__lt__("b"), (1).__lt__("x"))
print(str.__len__, "a".__len__.__class__.__name__)
def g():
    yield 1
x = g()
print(x.__next__(), x.__iter__() is x)
try:
    str.__len__(5)
except TypeError as e:
    print(e)
try:
    "a".__len__(1)
except TypeError as e:
    print(e)
print([3, 1].__getitem__(1), {1}.__or__({2}), (2).__pow__(10), (2.5).__neg__(), "a".__mul__(3), [1].__iadd__([2]))
print(hasattr("", "__sub__"), hasattr(1, "__add__"), hasattr([], "__len__"))
class E(Exception):
    def __str__(self):
        return "E:" + super().__str__()
print(E("boom"))
print((1).__eq__(1.0), (1).__add__(1.5))
print(b"ab".__len__(), b"a".__add__(b"b"), bytearray(b"x").__iadd__(b"y"), b"%d".__mod__(3), b"a".__rmul__(2), hasattr(b"", "__sub__"), b"ab".__getitem__(0), bytearray(b"a").__mul__(2))
