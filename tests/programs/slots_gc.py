# The cycle collector and slotted instances: cycles through member slots are found and
# counted as CPython counts them, finalizers run once, weakref callbacks fire, and a long
# chain of slotted nodes is freed without deep recursion.
import gc
import sys
import weakref


class Node:
    __slots__ = ("next", "val", "__weakref__")

    def __init__(self, val):
        self.val = val
        self.next = None


gc.collect()
a = Node(1)
b = Node(2)
a.next = b
b.next = a
wa = weakref.ref(a, lambda r: print("callback for a"))
print(gc.is_tracked(a), sys.getrefcount(a), sys.getrefcount(b))
del a, b
print("collected", gc.collect())
print(wa())

# A self-loop.
n = Node(0)
n.next = n
del n
print("collected", gc.collect())


# A cycle whose members have __del__: finalizers run once, then the cycle is freed.
class Fin:
    __slots__ = ("other", "name")

    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalize", self.name)


x = Fin("x")
y = Fin("y")
x.other = y
y.other = x
del x, y
print("collected", gc.collect())
print("collected again", gc.collect())

# Resurrection from __del__ keeps the object alive; its finalizer does not run again.
saved = []


class Phoenix:
    __slots__ = ("me",)

    def __del__(self):
        print("phoenix __del__")
        saved.append(self)


ph = Phoenix()
ph.me = ph
del ph
print("collected", gc.collect())
print(len(saved), type(saved[0]).__name__, saved[0].me is saved[0])
saved[0].me = None
saved.clear()
print("collected", gc.collect())


# A subclass without __slots__ adds a dict: cycles through it are found too.
class Loose(Node):
    pass


l1 = Loose(1)
l1.partner = l1
l1.next = l1
del l1
print("collected", gc.collect())

# A long chain is freed iteratively (the trashcan), not by deep recursion.
head = None
for i in range(200000):
    nd = Node(i)
    nd.next = head
    head = nd
del nd
print(head.val, head.next.val)
del head
print("chain freed", gc.collect())
