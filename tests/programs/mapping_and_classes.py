# A settings object that is a mapping without being a dict (keys() plus
# __getitem__), passed around with ** and dict(); and the class-model corners
# a plugin system trips over: MRO conflicts, type.mro(), property docs,
# context managers without __exit__, and slice assignment mistakes.


class Settings:
    def __init__(self, **values):
        self._values = dict(values)

    def keys(self):
        return sorted(self._values)

    def __getitem__(self, key):
        return self._values[key]


def connect(host, port, *, timeout=10):
    return f"{host}:{port} (timeout {timeout})"


s = Settings(port=8080, host="db.local", timeout=3)
print(connect(**s))
merged = {**s, "port": 9090}
print(merged, dict(s) == {k: s[k] for k in s.keys()})
d = {"retries": 2}
d.update(s)
d |= Settings(extra=True)
print(d)
for bad in ("{**5}", "dict(Settings(a=1), b=2)['b']"):
    try:
        print(bad, "->", eval(bad))
    except TypeError as e:
        print(bad, "->", "TypeError:", e)


class Base:
    pass


class Storage(Base):
    pass


class Cache(Base):
    pass


class Hybrid(Storage, Cache):
    pass


print([c.__name__ for c in Hybrid.mro()], Hybrid.mro() == list(Hybrid.__mro__), type.mro(Cache)[-1])
for body in ("class Broken(Base, Storage): pass",
             "class Twice(Cache, Cache): pass",
             "class X(Storage, Cache): pass\nclass Y(Cache, Storage): pass\nclass Z(X, Y): pass",
             "object(1)"):
    try:
        exec(body)
    except TypeError as e:
        print(f"TypeError: {e}")


class Plugin:
    def __init__(self, name):
        self._name = name

    @property
    def name(self):
        """The plugin's registered name."""
        return self._name

    @name.setter
    def name(self, value):
        self._name = value.strip()

    version = property(lambda self: "1.0", doc="Semantic version.")


p = Plugin("  alpha ")
p.name = "  beta "
print(repr(p.name), Plugin.name.__doc__, Plugin.version.__doc__, Plugin.name.fget.__name__,
      Plugin.name.fset is not None, Plugin.name.fdel)


class OnlyEnter:
    def __enter__(self):
        return self


try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(e)

slots = list(range(8))
for value in (5, None):
    for target in (slice(1, 3), slice(None, None, 2)):
        try:
            slots[target] = value
        except TypeError as e:
            print(f"{target}: {e}")
slots[::2] = "abcd"
slots[1:3] = range(2)
print(slots)
