# A tiny model layer: typed fields as data descriptors named by
# __set_name__, models registered by __init_subclass__ with class keywords,
# a Column[...] alias through __class_getitem__, and non-data descriptors
# shadowed by instance attributes.


class Field:
    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default

    def __set_name__(self, owner, name):
        self.name = name
        self.slot = "_" + name

    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.slot, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{type(obj).__name__}.{self.name} must be {self.kind.__name__}, "
                            f"not {type(value).__name__}")
        setattr(obj, self.slot, value)

    def __delete__(self, obj):
        print(f"  resetting {self.name}")
        delattr(obj, self.slot)

    def __repr__(self):
        return f"<Field {self.name}: {self.kind.__name__}>"


class Lazy:
    """A non-data descriptor: computed once, then cached in the instance dict."""

    def __init__(self, fn):
        self.fn = fn

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        print(f"  computed {self.name}")
        return value


class Column:
    def __class_getitem__(cls, kind):
        return Field(kind)


REGISTRY = {}


class Model:
    def __init_subclass__(cls, /, table=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.table = table or cls.__name__.lower() + "s"
        REGISTRY[cls.table] = cls

    def __init__(self, **values):
        for k, v in values.items():
            setattr(self, k, v)

    def __repr__(self):
        fields = [k for k, v in vars(type(self)).items() if isinstance(v, Field)]
        inner = ", ".join(f"{k}={getattr(self, k)!r}" for k in fields)
        return f"{type(self).__name__}({inner})"


class User(Model, table="accounts"):
    name = Column[str]
    age = Field(int, default=0)

    @Lazy
    def initials(self):
        return "".join(part[0] for part in self.name.split())


class Order(Model):
    total = Field(float, default=0.0)
    user = Field(User)


ada = User(name="Ada Lovelace", age=36)
print(ada, ada.initials, ada.initials, sorted(vars(ada)))
print(User.name, User.age, type(User.__dict__["initials"]).__name__)
o = Order(total=12.5, user=ada)
print(o, sorted(REGISTRY), User.table, Order.table)
for bad in (lambda: setattr(ada, "age", "old"), lambda: Order(user="ada"), lambda: Column[int].__set__(ada, 1)):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
del ada.age
print(ada.age, ada)
ada.__dict__["age"] = 99          # a data descriptor wins over the instance dict
print(ada.age)

try:
    class Broken(Model, schema="x"):
        pass
except TypeError as e:
    print(e)


class Exploding:
    def __set_name__(self, owner, name):
        raise ValueError(f"cannot bind {name}")


try:
    class Doomed(Model):
        boom = Exploding()
except RuntimeError as e:
    print(f"{type(e).__name__}: {e} (cause: {e.__cause__!r})")

Dynamic = type("Dynamic", (), {"size": Field(int, default=1)})
dyn = Dynamic()
dyn.size = 4
print(dyn.size, Dynamic.size)


class Cursor:
    def __init__(self, pos):
        self.pos = pos

    def __index__(self):
        return self.pos


c = Cursor(11)
print(hex(c), bin(c), oct(c), list(range(Cursor(2), c, Cursor(4))), chr(Cursor(65)))
rows = ["header", "alpha", "beta", "gamma", "delta"]
first, last = Cursor(1), Cursor(4)
print(rows[first], rows[first:last], rows[::Cursor(2)], "abcdef"[Cursor(2)], (1, 2, 3)[Cursor(-1)],
      range(100)[Cursor(42)], b"xyz"[Cursor(0)], "=" * Cursor(5), [0] * Cursor(3))
rows[Cursor(0)] = "HEADER"
del rows[Cursor(4)]
print(rows)
for bad in (lambda: rows[Cursor(10)], lambda: Cursor(2) * 3, lambda: rows["1"]):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
