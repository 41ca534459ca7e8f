# Attribute access stays right while the interpreter caches lookups per instruction: the
# same `obj.x`, `obj.x = v` and `obj.m()` sites see class changes, __dict__ assignment,
# deletion, shadowing and hooks added after the site has run many times.

class P:
    def __init__(self, x):
        self.x = x

    def m(self):
        return "P.m"


class Q:
    def __init__(self, x):
        self.y = 0
        self.x = x

    def m(self):
        return "Q.m"


def read(o):
    return o.x


def write(o, v):
    o.x = v


def call(o):
    return o.m()


p, q = P(1), Q(2)
for _ in range(50):
    read(p); write(p, 5); call(p)
print(read(p), read(q), call(p), call(q))        # 5 2 P.m Q.m: other type, other slot

# A property added to the class later takes over both reads and writes.
P.x = property(lambda self: "prop", lambda self, v: print("set via property", v))
print(read(p))
write(p, 7)
print(p.__dict__)
del P.x
print(read(p))

# Deleting and re-adding the attribute moves its dict entry.
del p.x
try:
    read(p)
except AttributeError as e:
    print("AttributeError:", e)
p.z = 3
write(p, 9)
print(read(p), list(p.__dict__))

# Replacing __dict__ (the old one lives on as an ordinary dict), then deleting it.
old = p.__dict__
p.__dict__ = {"x": "from new dict"}
print(read(p), old)
write(p, "written")
print(p.__dict__, old)
del p.__dict__
print(p.__dict__)
try:
    p.__dict__ = ["not", "a", "dict"]
except TypeError as e:
    print("TypeError:", e)
p.x = 10
print(read(q), read(p))

# An instance attribute shadows the method; deleting it unshadows.
p.m = lambda: "instance m"
print(call(p))
del p.m
print(call(p))

# The method replaced on the class.
P.m = lambda self: "new P.m"
print(call(p))

# Hooks added after the sites were cached.
P.__getattribute__ = lambda self, name: "hooked " + name
print(read(p), call(p) if False else "")
del P.__getattribute__
print(read(p))
P.__setattr__ = lambda self, name, v: print("setattr hook", name, v)
write(p, 11)
del P.__setattr__
write(p, 12)
print(read(p))

# A method descriptor of a built-in base loses to an instance attribute, as in CPython.
class L(list):
    pass

lst = L()
for i in range(3):
    lst.append(i)
lst.append = lambda v: print("shadowing append", v)
lst.append(99)
print(lst)

# Subclass instances are another type: their own entry.
class R(P):
    @property
    def x(self):
        return "R.x property"

r = R.__new__(R)
print(read(r), read(P(4)))

# Instances sharing one assigned __dict__: a cycle through it is still collected.
import gc
class C:
    pass

c1, c2 = C(), C()
shared = {"k": 1}
c1.__dict__ = shared
c2.__dict__ = shared
shared["self"] = shared
c1.a = 5
print(c2.a, sorted(shared))
del c1.__dict__
print(c1.__dict__, c2.__dict__ is shared)
c2.me = c2
gc.collect()
del shared, c2
print("collected", gc.collect())

# A store whose key comparison runs Python code that adds a property to the class: the
# site must not remember the attribute as a plain instance value.
class S:
    pass

class Key:
    def __hash__(self):
        return hash("x")

    def __eq__(self, other):
        if "x" not in vars(S):
            S.x = property(lambda self: "prop")
            del s.__dict__[self]
        return False

def store_then_load(o, v):
    o.x = v
    return o.x

s = S()
s.__dict__[Key()] = 0
print(store_then_load(s, 1))
try:
    store_then_load(s, 2)
    print("stored", s.__dict__)
except AttributeError as e:
    print("AttributeError:", e)

# __class__ and __dict__ are not hidden by instance-dict keys of the same name.
def put_dict(o, d):
    o.__dict__ = d

a = S()
put_dict(a, {"__dict__": 0})
b = S()
b.__dict__["__dict__"] = 1
put_dict(b, {"z": 9})
print(hasattr(b, "z"), list(vars(b)))
b.__dict__["__class__"] = 5
print(b.__class__.__name__, type(b.__dict__).__name__)

# A handed-out __dict__ is an object of its own: collecting its instance leaves it intact.
o = C()
o.self = o
o.data = [1, 2, 3]
d = o.__dict__
kept = [vars(o)]
del o
gc.collect()
print(sorted(d), len(kept[0]), gc.is_tracked(d))

# Attributes of exception instances are seen by the collector.
import weakref

class MyError(Exception):
    pass

class Probe:
    pass

def exception_cycle_freed(e):
    p = Probe()
    e.me = e
    e.p = p
    r = weakref.ref(p)
    del e, p
    gc.collect()
    return r() is None

print(exception_cycle_freed(Exception()), exception_cycle_freed(MyError()))

# Hooks set on a base class reach subclasses that already exist (and their cached sites).
class Base:
    def m(self):
        return "m"

class Derived(Base):
    pass

dv = Derived()
dv.x = 1
def use(o):
    return o.x, o.m
print(use(dv)[0])
Base.__getattribute__ = lambda self, n: "hooked:" + n
print(use(dv))
del Base.__getattribute__
Base.__setattr__ = lambda self, n, v: object.__setattr__(self, n, v * 10)
def set_x(o, v):
    o.x = v
    return o.__dict__
print(set_x(dv, 2), use(dv)[0])
