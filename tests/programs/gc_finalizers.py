# PEP 442 in the collector: __del__ of objects in a cycle runs before the cycle is cleared, resurrection keeps the object, counts match CPython.
import gc
class A:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name, "other is", self.other.name if self.other else None)
a, b = A("a"), A("b")
a.other, b.other = b, a
del a, b
print("collect ->", gc.collect())
print("again ->", gc.collect())
saved = []
class R:
    def __init__(self):
        self.me = self
    def __del__(self):
        print("resurrecting")
        saved.append(self)
R()
print("collect ->", gc.collect())
print(len(saved), saved[0].me is saved[0])
saved.clear()
print("collect after clear ->", gc.collect())
