# A weak reference does not keep its referent alive, so a cache of weak
# references forgets an object as soon as the program stops using it.
import weakref
import sys

class Image:
    def __init__(self, name):
        self.name = name

cache = {}

def load(name):
    ref = cache.get(name)
    img = ref() if ref is not None else None
    if img is None:
        print("loading", name)
        img = Image(name)
        cache[name] = weakref.ref(img)
    return img

a = load("cat")
b = load("cat")
print("same object:", a is b)
print("weakref does not count:", sys.getrefcount(a))
del a, b
print("dead ref:", cache["cat"]() is None)
c = load("cat")
print(c.name)
