# A weak-value cache: an image cache that never keeps images alive by itself. Entries vanish
# the moment the last strong reference to the value goes (reference counting), or when the
# cycle collector frees a value caught in a reference cycle.
import gc
import weakref


class Image:
    loads = 0

    def __init__(self, name):
        Image.loads += 1
        self.name = name
        self.pixels = [0] * 16

    def __repr__(self):
        return f"Image({self.name!r})"


cache = weakref.WeakValueDictionary()


def load(name):
    img = cache.get(name)
    if img is None:
        img = Image(name)
        cache[name] = img
        print(f"  loaded {name} (loads so far: {Image.loads})")
    else:
        print(f"  cache hit for {name}")
    return img


print("-- two users share one image")
a = load("logo.png")
b = load("logo.png")
print("same object:", a is b, "| cached:", sorted(cache.keys()), "| len:", len(cache))

print("-- dropping one strong reference keeps the entry")
del a
print("cached:", "logo.png" in cache, len(cache))

print("-- dropping the last one removes it at once (refcount reached zero)")
del b
print("cached:", "logo.png" in cache, len(cache), list(cache.items()))

print("-- a reloaded image is a new object")
c = load("logo.png")
print("loads:", Image.loads)

print("-- several entries, items/values/keys only show live values")
icons = [load(f"icon{i}.png") for i in range(3)]
print(sorted(cache.keys()))
icons.pop(1)
print(sorted(k for k, v in cache.items()))
print(sorted(v.name for v in cache.values()))

print("-- a value in a reference cycle waits for the collector")
gc.disable()
d = load("cyclic.png")
d.me = d
del d
print("after del, still cached:", "cyclic.png" in cache)
print("collected:", gc.collect() > 0, "| still cached:", "cyclic.png" in cache)
gc.enable()

print("-- pop, setdefault and KeyError for dead entries")
print(cache.pop("icon0.png"))
print(cache.setdefault("logo.png", None) is c)
try:
    cache["icon1.png"]
except KeyError as e:
    print("KeyError:", e)
print(cache.get("icon1.png", "gone"))
print(repr(cache).startswith("<WeakValueDictionary at 0x"))
icons.clear()
print("left:", sorted(cache.keys()))
