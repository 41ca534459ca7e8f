# What every class inherits from `object`: the 24 names of dir(object), default formatting,
# the ordering methods that decline, __sizeof__ and sys.getsizeof, __dir__ (and overriding
# it), __getstate__ for dict-backed and slotted instances, __reduce_ex__ delegating to a
# class's own __reduce__, __subclasshook__, and the __dict__/__doc__ a class statement adds.
import sys


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


print(len(dir(object)), dir(object))
print(list(object.__dict__) == dir(object) or "object.__dict__ keeps definition order")
print(repr(object.__doc__))
print(object.__dict__["__class__"], type(object.__dict__["__class__"]).__name__)
print(object.__dict__["__sizeof__"], object.__dict__["__format__"])


class Sensor:
    """A named reading."""

    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __str__(self):
        return f"{self.name}={self.value}"


class Gauge(Sensor):
    def __format__(self, spec):
        if spec == "bar":
            return "#" * self.value
        return super().__format__(spec)


s = Sensor("temp", 21)
g = Gauge("load", 5)
print(format(s), f"[{s}]", "{}".format(s), s.__format__(""))
print(f"{g:bar}", f"{g}", format(g, ""))
attempt("format(s, '>10')", lambda: format(s, ">10"))
attempt("f-string spec", lambda: f"{s:x}")
attempt("Gauge spec", lambda: f"{g:<4}")
attempt("__format__(1)", lambda: s.__format__(1))
attempt("object.__format__ arity", lambda: object.__format__(s))
print((255).__format__("x"), 2.5.__format__(".3f"), "ab".__format__(">4"))

# Ordering: object declines, so Python raises unless a side decides.
print(object.__lt__(s, g), s.__le__(g), s.__gt__(g), s.__ge__(s))
print(object.__eq__(s, s), object.__eq__(s, g), object.__ne__(s, s), object.__ne__(s, g))
attempt("s < g", lambda: s < g)
attempt("__lt__()", lambda: s.__lt__())


class Version:
    __slots__ = ("major", "minor")

    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)


vs = sorted([Version(3, 11), Version(2, 7), Version(3, 8)])
print([(v.major, v.minor) for v in vs], Version(1, 0) > Version(0, 9))

# __sizeof__ is sys.getsizeof without the GC header (slotted layouts match CPython's).
v = Version(1, 2)
print(v.__sizeof__(), sys.getsizeof(v) - v.__sizeof__(), object().__sizeof__())
print(sys.getsizeof(object()) == object().__sizeof__())
attempt("__sizeof__(1)", lambda: v.__sizeof__(1))


class Blob:
    __slots__ = ("data",)

    def __init__(self, n):
        self.data = bytes(n)

    def __sizeof__(self):
        return object.__sizeof__(self) + len(self.data)


class Liar:
    __slots__ = ()

    def __sizeof__(self):
        return -1


print(Blob(100).__sizeof__(), sys.getsizeof(Blob(100)))
attempt("negative __sizeof__", lambda: sys.getsizeof(Liar()))
class Vague:
    __slots__ = ()

    def __sizeof__(self):
        return "big"


attempt("str __sizeof__", lambda: sys.getsizeof(Vague()))
print(sys.getsizeof(Vague(), "default"))

# dir(): type(x).__dir__(x), then sorted.
print(len(dir(s)), [n for n in dir(s) if not n.startswith("__")])
print(s.__dir__()[:4], type(s.__dir__()).__name__)
print(sorted(s.__dir__()) == dir(s), dir(Sensor) == sorted(Sensor.__dir__(Sensor)))


class Facade:
    def __init__(self):
        self.secret = 1

    def __dir__(self):
        return ["zeta", "alpha", "mid"]


class BadDir:
    def __dir__(self):
        return 42


print(dir(Facade()))
attempt("dir(BadDir())", lambda: dir(BadDir()))
print(len(dir(sys)) == len(sys.__dict__), "path" in dir(sys))

# __getstate__: None without state, the instance dict itself, or (dict, slots).
print(object().__getstate__(), Sensor.__new__(Sensor).__getstate__())
state = s.__getstate__()
print(state, state is s.__dict__)
print(v.__getstate__())
print(Version.__new__(Version).__getstate__())


class Tagged(Version):
    __slots__ = ("tag", "__dict__")


t = Tagged(1, 0)
print(t.__getstate__())
t.tag = "beta"
t.note = "dict entry"
print(t.__getstate__())
print(Version.__dict__["__slotnames__"], Tagged.__slotnames__)

# __reduce_ex__: a class's own __reduce__ decides; the copyreg default is not available.


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __reduce__(self):
        return (Point, (self.x, self.y))


print(Point(1, 2).__reduce_ex__(4))
f, args = Point(3, 4).__reduce_ex__(2)
print(f(*args).__dict__)
attempt("__reduce_ex__('2')", lambda: Point(1, 2).__reduce_ex__("2"))
attempt("__reduce_ex__()", lambda: Point(1, 2).__reduce_ex__())

print(Sensor.__subclasshook__(), object.__subclasshook__(int), Gauge.__subclasshook__(1, 2))

# What a class statement puts in the class dict.


class Plain:
    pass


class Child(Plain):
    pass


class Slotted:
    __slots__ = ("a",)


class WithDict:
    __slots__ = ("a", "__dict__")


print(sorted(Plain.__dict__), sorted(Child.__dict__))
print(sorted(Slotted.__dict__), sorted(WithDict.__dict__))
print(list(Sensor.__dict__)[:3], list(Plain.__dict__))
print(Plain.__doc__, Sensor.__doc__, Child.__doc__)
print(Plain.__dict__["__dict__"], Plain.__dict__["__weakref__"])
d = Plain.__dict__["__dict__"]
print(d.__name__, d.__qualname__, d.__objclass__.__name__, d.__doc__)
p = Plain()
p.x = 1
print(d.__get__(p), d.__get__(None, Plain) is d, p.__weakref__)
attempt("__dict__ of an int", lambda: d.__get__(1))
attempt("set __weakref__", lambda: setattr(p, "__weakref__", 1))
d.__set__(p, {"y": 2})
print(p.__dict__, p.y)
attempt("__dict__ = 5", lambda: setattr(p, "__dict__", 5))
print(len(dir(Plain())), len(dir(Child())), len(dir(Slotted())))
print(sys.getrefcount(Plain), sys.getrefcount(Child), sys.getrefcount(Slotted))
