# Instance attributes as CPython 3.11 keeps them: values stored once per instance, names
# shared by the class, and a real dict only when a program needs one. Everything a program
# can see (values, insertion order, vars(), reference counts, the collector, finalizers)
# must be the same whichever way an instance stores them.
import gc
import sys
import weakref


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
q = Point(3, 4)
print(vars(p), vars(q))

# Different insertion orders keep their own order.
class Bag:
    pass

a, b = Bag(), Bag()
a.first = 1
a.second = 2
b.second = 20
b.first = 10
b.third = 30
print(list(vars(a)), list(vars(b)))

# Replacing, deleting, re-adding: order as a dict gives it.
c = Point(5, 6)
c.x = 50
del c.x
c.x = 500
print(vars(c), c.x, c.y)
try:
    del c.z
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(c.z)
except AttributeError as e:
    print("AttributeError:", e)

# A dict handed out stays the instance's namespace in both directions.
d = Point(7, 8)
ns = d.__dict__
ns["z"] = 9
d.w = 10
print(d.z, ns, ns is d.__dict__, vars(d) is ns)
del ns["x"]
print(hasattr(d, "x"), getattr(d, "x", "gone"))

# Assigning __dict__ replaces every attribute.
e = Point(1, 1)
e.__dict__ = {"k": "v"}
print(vars(e), hasattr(e, "x"))

# Names built at run time and more attributes than a class shares (30).
f = Bag()
for i in range(40):
    setattr(f, "attr" + str(i), i)
setattr(f, "spec" + "ial", "s")
print(len(vars(f)), f.attr0, f.attr39, f.special, list(vars(f))[-2:])
g = Bag()
g.attr0 = "again"
print(vars(g), hasattr(g, "attr1"))

# Reference counts: an attribute value is referenced once by its instance.
class Holder:
    def __init__(self, value):
        self.value = value

payload = object()
print(sys.getrefcount(payload))
holders = [Holder(payload) for _ in range(3)]
print(sys.getrefcount(payload))
holders[0].value = None
print(sys.getrefcount(payload))
del holders
print(sys.getrefcount(payload))

# Cycles through attribute values are found by the collector, finalizers run once.
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del", self.name)

gc.collect()
n1, n2 = Node("n1"), Node("n2")
n1.other, n2.other = n2, n1
probe = weakref.ref(n1)
del n1, n2
print("collected", gc.collect() >= 2, probe() is None)

# Deallocation releases the values first to last.
class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("release", self.tag)

h = Bag()
h.a = Noisy("a")
h.b = Noisy("b")
h.c = Noisy("c")
del h

# Subclasses keep their own attribute names; dir() sees instance names either way.
class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

p3 = Point3(1, 2, 3)
print(vars(p3), [n for n in dir(p3) if not n.startswith("_")])
p3.__dict__
p3.extra = 4
print([n for n in dir(p3) if not n.startswith("_")])

# Changing an instance's class keeps its attributes and their order, whatever order the
# new class's instances store theirs in.
class First:
    def __init__(self):
        self.x = 1
        self.y = 2


class Second:
    def __init__(self):
        self.y = 20
        self.z = 30


s = Second()
f2 = First()
f2.__class__ = Second
print(vars(f2), f2.x, f2.y)
f2.z = 3
print(vars(f2), vars(Second()))
