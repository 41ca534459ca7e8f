# Classes deriving from built-in list, dict (with __missing__), set, frozenset and int:
# inherited behaviour, instance attributes, super().__init__/__new__, __del__, cycles.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), type(s).__name__, isinstance(s, list), s + [4], sorted(s, reverse=True))
s.label = "main"
print(s.label, vars(s))

class Config(dict):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.loaded = True
    def __missing__(self, key):
        return f"<{key}?>"
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
c = Config(a=1, b=2)
print(c, c.a, c.loaded, c.get("z"), list(c.items()), isinstance(c, dict), len(c))
print(c["zz"])

class Tags(set):
    pass
t = Tags("abca")
print(sorted(t), type(t | {"z"}).__name__, "a" in t)

class Flag(int):
    def __new__(cls, v, name="flag"):
        obj = super().__new__(cls, v)
        obj.name = name
        return obj
    def __repr__(self):
        return f"Flag({int(self)}, {self.name!r})"
f = Flag(4, "four")
print(f, f + 1, f * 2, f == 4, hash(f) == hash(4), f.name, type(f + 1).__name__, isinstance(f, int))
class Even(int):
    pass
print(Even(10), Even("7"), repr(Even(3)))
class Counted(list):
    def __del__(self):
        print("bye", list(self))
Counted([1]); print("after")
class Frozen(frozenset): pass
print(sorted(Frozen([3, 1])), type(Frozen([1])).__name__)
import gc
x = Stack(); x.append(x); del x; print(gc.collect() >= 1)
print(Stack.__mro__)
try:
    class Bad(list, dict): pass
except TypeError as e:
    print(e)
import sys
s2 = Stack([1]); print(sys.getrefcount(s2), sys.getrefcount(Flag(300)))
class Celsius(float):
    def __repr__(self):
        return f"{float(self):.1f}°C"
    def to_f(self):
        return self * 9 / 5 + 32
c = Celsius(21.5)
print(c, c.to_f(), c + 1, isinstance(c, float), round(c), c > 20, str(c), f"{c:.2f}", -c, abs(Celsius(-2)))
class Money(float):
    def __new__(cls, v, cur="EUR"):
        o = super().__new__(cls, v)
        o.cur = cur
        return o
m = Money("2.5", "USD")
print(float(m), m.cur, m * 2, int(m), hash(m) == hash(2.5), m == 2.5, sorted([Money(3), Money(1)]))
import math
print(math.sqrt(Celsius(16)), math.floor(c))
