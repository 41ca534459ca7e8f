# Passing an object to a function moves a reference into the callee's frame;
# it is released when the call returns.
import sys

class Box:
    pass

b = Box()
outside = sys.getrefcount(b)

def look(x):
    return sys.getrefcount(x) - outside

def nested(x):
    return look(x)

print("inside one call:", look(b))
print("inside two calls:", nested(b))
print("after the calls:", sys.getrefcount(b) - outside)

def keep(x, store=[]):
    store.append(x)
    return len(store)

keep(b)
keep(b)
print("kept twice by a default list:", sys.getrefcount(b) - outside)
keep.__defaults__[0].clear()
print("after clearing it:", sys.getrefcount(b) - outside)
