# Each slot of a container that holds an object is one more reference to it.
import sys

class Item:
    pass

it = Item()
base = sys.getrefcount(it)
print("start:", base - base)
lst = [it, it, it]
print("in a list three times:", sys.getrefcount(it) - base)
tup = (it,)
print("plus a tuple:", sys.getrefcount(it) - base)
d = {"a": it, "b": it}
print("plus two dict values:", sys.getrefcount(it) - base)
lst.pop()
print("after list.pop():", sys.getrefcount(it) - base)
lst.clear()
print("after list.clear():", sys.getrefcount(it) - base)
del tup
d["a"] = None
print("after del tup and d['a'] = None:", sys.getrefcount(it) - base)
d.clear()
print("back to the start:", sys.getrefcount(it) - base)
