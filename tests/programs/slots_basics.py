# __slots__ on plain classes: member descriptors, inheritance, super(), properties and
# class methods, __dict__/__weakref__ only when listed, name mangling, del of a slot.
import sys
import weakref


class Point:
    __slots__ = ["x", "y"]

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    @property
    def pair(self):
        return (self.x, self.y)

    @pair.setter
    def pair(self, v):
        self.x, self.y = v

    @classmethod
    def origin(cls):
        return cls(0, 0)

    @staticmethod
    def kind():
        return "point"


p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.pair, Point.origin().pair, Point.kind())
p.pair = (5, 12)
print(p.norm2())
print(Point.x, Point.y)
print(type(Point.__dict__["x"]).__name__, Point.__slots__)
print(Point.x.__name__, Point.x.__qualname__, Point.x.__objclass__ is Point)
print(Point.x.__get__(p), Point.x.__get__(p, Point), Point.x.__get__(None, Point) is Point.x)
Point.y.__set__(p, 7)
print(p.y)
Point.y.__delete__(p)
print(hasattr(p, "y"), hasattr(p, "x"))
p.y = 1
del p.x
print(hasattr(p, "x"), p.y)
print(sorted(k for k in Point.__dict__ if not k.startswith("__")))
print(hasattr(p, "__dict__"), hasattr(p, "__weakref__"))


class Single:
    __slots__ = "only"


s = Single()
s.only = [1]
print(s.only, Single.__slots__, Single.only)


class FromDict:
    __slots__ = {"b": "doc b", "a": "doc a"}


f = FromDict()
f.a, f.b = 1, 2
print(f.a, f.b, sorted(FromDict.__slots__))


class Private:
    __slots__ = ("__secret", "public__")

    def __init__(self):
        self.__secret = 42
        self.public__ = 1

    def reveal(self):
        return self.__secret


pr = Private()
print(pr.reveal(), pr._Private__secret, pr.public__, Private.__slots__)
print(sorted(k for k in Private.__dict__ if "secret" in k or "public" in k))


# A subclass without __slots__ gets a __dict__ and weak references.
class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def norm2(self):
        return super().norm2() + self.z * self.z


q = Point3(1, 2, 2)
print(q.norm2(), q.__dict__, q.x, q.pair)
r = weakref.ref(q)
print(r() is q, Point3.__base__ is Point)
q.extra = "e"
print(sorted(q.__dict__))


# A slotted subclass of a slotted class extends its layout.
class Point4(Point):
    __slots__ = ("z", "w")

    def __init__(self, x, y, z, w):
        super().__init__(x, y)
        self.z, self.w = z, w


p4 = Point4(1, 2, 3, 4)
print(p4.x, p4.y, p4.z, p4.w, hasattr(p4, "__dict__"), Point4.z, Point4.x)
try:
    p4.v = 5
except AttributeError as e:
    print("AttributeError:", e)


# __dict__ and __weakref__ when listed.
class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__, "a" in w.__dict__)


class WithWeak:
    __slots__ = ("a", "__weakref__")


ww = WithWeak()
wr = weakref.ref(ww)
print(wr() is ww)
del ww
print(wr())


# A slotted subclass of a plain class keeps the dict and weakrefs.
class Base:
    def __init__(self):
        self.tag = "base"


class Child(Base):
    __slots__ = ("c",)

    def __init__(self):
        super().__init__()
        self.c = "child"


ch = Child()
print(ch.tag, ch.c, ch.__dict__, weakref.ref(ch)() is ch, Child.c)


class Empty:
    __slots__ = ()


e = Empty()
try:
    e.a = 1
except AttributeError as err:
    print("AttributeError:", err)

# Reference counts of slotted instances and the values they hold.
val = object()
a = Point(val, val)
print(sys.getrefcount(a), sys.getrefcount(val))
b = a
a.x = a
print(sys.getrefcount(a))
del a.x
del b
print(sys.getrefcount(a), sys.getrefcount(val))
del a
print(sys.getrefcount(val))
print(sys.getrefcount(Point.x))


# Members are released when the instance dies: the subclass's members first, each class's
# in sorted order.
class Noisy:
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class Pair:
    __slots__ = ("b", "a")


class Triple(Pair):
    __slots__ = ("c",)


t = Triple()
t.a, t.b, t.c = Noisy("a"), Noisy("b"), Noisy("c")
del t
print("after del t")


# An unset slot falls back to __getattr__, like any AttributeError from a descriptor.
class Fallback:
    __slots__ = ("x",)

    def __getattr__(self, n):
        return "fallback " + n


fb = Fallback()
print(fb.x, fb.q)
fb.x = 1
print(fb.x)


# __new__ through super(), object.__new__ and type() build slotted instances too.
class Made:
    __slots__ = ("v",)

    def __new__(cls, v):
        o = super().__new__(cls)
        o.v = v
        return o


print(Made(3).v, object.__new__(Made).__class__.__name__)
T = type("T", (), {"__slots__": ("a",)})
t = T()
t.a = 9
print(t.a, T.a, sys.getrefcount(T))


# The collector sees the members, then the dict's values, then the class.
class Refs:
    __slots__ = ("a", "b")


class OpenRefs(Refs):
    pass


import gc

r = Refs()
r.a, r.b = [1], {}
o = OpenRefs()
o.a, o.z = [2], 5
print([type(x).__name__ for x in gc.get_referents(r)])
print([type(x).__name__ for x in gc.get_referents(o)])
print(gc.is_tracked(Refs()), gc.is_tracked(OpenRefs()))

# Replacing the member on the class makes the name a plain (read-only) class attribute.
Refs.a = 5
try:
    r.a = 2
except AttributeError as err:
    print("AttributeError:", err)
print(r.a, r.b)


# __base__ is the base whose layout the class extends (CPython's best base), not simply the
# first one: a mixin before Exception leaves Exception as the base.
class Mixin:
    def hello(self):
        return "hi"


class MixedError(Mixin, Exception):
    pass


print(MixedError.__base__.__name__, MixedError.__mro__[1].__name__)
try:
    raise MixedError("boom")
except MixedError as exc:
    print(exc.hello(), exc.args)
