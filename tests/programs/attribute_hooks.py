# Attribute hooks working together: an auditing proxy built on
# __getattribute__, a record with computed fallbacks via __getattr__, and a
# frozen object guarding __setattr__/__delattr__.


class Audited:
    """Wraps an object and records every attribute read."""

    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_reads", [])

    def __getattribute__(self, name):
        if name.startswith("_") and name in ("_target", "_reads"):
            return object.__getattribute__(self, name)
        object.__getattribute__(self, "_reads").append(name)
        return getattr(object.__getattribute__(self, "_target"), name)

    def __repr__(self):
        return f"Audited({object.__getattribute__(self, '_target')!r})"


inventory = Audited(["bolts", "nuts"])
inventory.append("washers")
inventory.sort()
print(inventory, inventory.count("nuts"), inventory.index("washers"))
print("reads:", object.__getattribute__(inventory, "_reads"))
try:
    inventory.missing_method()
except AttributeError as e:
    print("AttributeError:", e)


class Record:
    units = "cm"

    def __init__(self, **fields):
        self.__dict__.update(fields)

    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("secret is write-only")
        return super().__getattribute__(name)

    def __getattr__(self, name):
        # Only reached when normal lookup fails (or __getattribute__ raised).
        if name.endswith("_upper"):
            return getattr(self, name[:-6]).upper()
        return f"<no {name}>"


r = Record(name="widget", colour="blue", secret="hunter2")
print(r.name, r.units, r.name_upper, r.colour_upper, r.weight, r.secret)
print(sorted(vars(r)), hasattr(r, "anything"), getattr(r, "size", "default?"))


class Frozen:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: {type(self).__name__} is frozen")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}: {type(self).__name__} is frozen")

    def __repr__(self):
        return f"Frozen({self.x}, {self.y})"


pt = Frozen(1, 2)
for action in (lambda: setattr(pt, "x", 5), lambda: delattr(pt, "y"), lambda: setattr(pt, "z", 0)):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
print(pt, object.__getattribute__(pt, "x"), "ABC".__getattribute__("lower")())
