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

# Using memoryview to efficiently manipulate a bytearray
data = bytearray(b'Hello, World!')
view = memoryview(data)
try:
    view[7:12] = b'Python'
except ValueError as e:
    # The article claims bytearray(b'Hello, Python!'), but the slice is 5 bytes and the
    # value 6: CPython refuses to resize through a view.
    print(type(e).__name__ + ":", e)
print(data)
view[7:12] = b'Pytho'  # same length: the write goes through to the bytearray
print(data)
view.release()


class Point:
    __slots__ = ["x", "y"]

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y)
print(hasattr(p, "__dict__"), type(Point.__dict__["x"]).__name__)
