# Reference counts rise and fall as names are bound and unbound.
# sys.getrefcount(x) counts its own argument once, so a fresh object shows 2.
import sys

class Thing:
    pass

t = Thing()
print("one name:", sys.getrefcount(t))
u = t
print("two names:", sys.getrefcount(t))
v = u
print("three names:", sys.getrefcount(t))
del u
print("after del u:", sys.getrefcount(t))
v = None
print("after v = None:", sys.getrefcount(t))
print("same object?", t is not None)
