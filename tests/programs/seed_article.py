# The code examples of the article Pyrena grew from (shared/seed), in order.
import sys

a = []
print(sys.getrefcount(a))
# Output includes the reference from the getrefcount argument

import gc

# Inspecting garbage collection thresholds
print(gc.get_threshold())

# Triggering garbage collection manually
gc.collect()

import weakref


class MyClass:
    pass


obj = MyClass()
weak_obj = weakref.ref(obj)

print(weak_obj() is obj)  # Access the object (its repr holds an address)
del obj
print(weak_obj())  # None, as the object has been deallocated


class Point:
    __slots__ = ["x", "y"]

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y)
