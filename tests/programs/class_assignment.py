# Changing classes at run time: `obj.__class__ = B` for a state machine and for upgrading
# objects in place (with the reference counts of both classes, inline attribute caches that
# must notice, and CPython's layout rules and messages), then `C.__bases__ = (...)` to
# re-parent a class and its subclasses.
import gc
import sys
import weakref


def attempt(label, f):
    try:
        f()
        print(label, "-> ok")
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


class Connection:
    def __init__(self, host):
        self.host = host
        self.log = []

    def describe(self):
        return f"{self.host}: {type(self).__name__}"


class Closed(Connection):
    def send(self, data):
        raise ConnectionError(f"{self.host} is closed")

    def open(self):
        self.log.append("open")
        self.__class__ = Open


class Open(Connection):
    def send(self, data):
        self.log.append(f"send {data}")
        return len(data)

    def close(self):
        self.log.append("close")
        self.__class__ = Closed


before = (sys.getrefcount(Closed), sys.getrefcount(Open))
c = Closed("db")
print(before, (sys.getrefcount(Closed), sys.getrefcount(Open)))
attempt("send while closed", lambda: c.send(b"x"))
c.open()
print(c.describe(), isinstance(c, Open), (sys.getrefcount(Closed), sys.getrefcount(Open)))
total = 0
for chunk in [b"ab", b"cde", b"f", b"gh"]:
    try:
        total += c.send(chunk)  # the same call site before and after the class changes
    except ConnectionError as e:
        c.log.append(str(e))
    if total > 4 and isinstance(c, Open):
        c.close()
print(total, c.describe(), c.log)
print((sys.getrefcount(Closed), sys.getrefcount(Open)))
del c
print((sys.getrefcount(Closed), sys.getrefcount(Open)) == before)


# Upgrading live objects to a new version of a class.
class RecordV1:
    def __init__(self, name):
        self.name = name

    def label(self):
        return self.name


class RecordV2:
    def label(self):
        return self.name.upper()

    @property
    def name(self):
        return self.__dict__["name"] + "!"


records = [RecordV1(n) for n in ["ada", "bob", "cy"]]
labels = []
for i, r in enumerate(records):
    labels.append(r.label())
    if i == 0:
        for x in records:
            x.__class__ = RecordV2
print(labels, [r.label() for r in records], records[0].__dict__)
print(sys.getrefcount(RecordV1), sys.getrefcount(RecordV2))

# Slotted classes move only between identical __slots__ layouts.


class P2:
    __slots__ = ("x", "y")


class Q2:
    __slots__ = ("x", "y")

    def total(self):
        return self.x + self.y


class R2:
    __slots__ = ("y", "z")


p = P2()
p.x, p.y = 3, 4
p.__class__ = Q2
print(type(p).__name__, p.total())
attempt("Q2 -> R2", lambda: setattr(p, "__class__", R2))


class Both:
    __slots__ = ("__dict__", "__weakref__")


class Neither:
    __slots__ = ()


b = Both()
b.__class__ = RecordV1
b.name = "from slots"
print(type(b).__name__, b.label())
attempt("plain -> __slots__ = ()", lambda: setattr(RecordV1("x"), "__class__", Neither))
attempt("__slots__ = () -> plain", lambda: setattr(Neither(), "__class__", RecordV1))


class AppError(Exception):
    pass


class NetError(Exception):
    pass


class BadValue(ValueError):
    pass


e = AppError("boom")
e.__class__ = NetError
print(type(e).__name__, e.args, isinstance(e, NetError))
attempt("AppError -> BadValue", lambda: setattr(AppError(), "__class__", BadValue))
attempt("AppError -> RecordV1", lambda: setattr(AppError(), "__class__", RecordV1))


class Stack(list):
    pass


class Queue(list):
    pass


s = Stack([1, 2])
s.__class__ = Queue
print(type(s).__name__, s)
attempt("list subclass -> plain", lambda: setattr(Stack(), "__class__", RecordV1))
attempt("int instance", lambda: setattr(5, "__class__", RecordV1))
attempt("to int", lambda: setattr(RecordV1("x"), "__class__", int))
attempt("to object", lambda: setattr(RecordV1("x"), "__class__", object))
attempt("from object()", lambda: setattr(object(), "__class__", RecordV1))
attempt("not a class", lambda: setattr(RecordV1("x"), "__class__", 1))
attempt("delete", lambda: delattr(RecordV1("x"), "__class__"))
attempt("class of a class", lambda: setattr(RecordV1, "__class__", RecordV2))
attempt("module", lambda: setattr(sys, "__class__", type(sys)))


# A class that only its last instance kept alive dies when that instance moves away.
def make():
    class Temporary:
        pass

    return Temporary()


t = make()
alive = weakref.ref(type(t))
t.__class__ = RecordV2
gc.collect()
print("temporary class collected:", alive() is None)


# __bases__: re-parenting a class and, through it, its subclasses.
class Base:
    def hello(self):
        return "Base"


class Mixin:
    def hello(self):
        return "Mixin"

    def extra(self):
        return "extra"


class Other:
    def hello(self):
        return "Other"


class Widget(Base):
    pass


class Button(Widget):
    pass


btn = Button()
calls = []
for i in range(3):
    calls.append(btn.hello())
    if i == 0:
        Widget.__bases__ = (Other,)
    elif i == 1:
        Widget.__bases__ = (Mixin, Base)
print(calls, btn.extra())
print(Widget.__bases__, Widget.__base__.__name__)
print([c.__name__ for c in Button.__mro__])
print(issubclass(Button, Mixin), isinstance(btn, Other))


class Reprs(Base):
    pass


r = Reprs()


class Loud:
    def __repr__(self):
        return "<loud>"

    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


print(repr(r).startswith("<__main__.Reprs object"))
Reprs.__bases__ = (Loud,)
print(repr(r), r == 1)


class L1:
    pass


class L2(L1):
    pass


attempt("Widget bases ()", lambda: setattr(Widget, "__bases__", ()))
attempt("Widget bases list", lambda: setattr(Widget, "__bases__", [Base]))
attempt("Widget bases (1,)", lambda: setattr(Widget, "__bases__", (1,)))
attempt("cycle", lambda: setattr(Widget, "__bases__", (Button,)))
attempt("itself", lambda: setattr(Widget, "__bases__", (Widget,)))
attempt("inconsistent MRO", lambda: setattr(Widget, "__bases__", (L1, L2)))
print([c.__name__ for c in Button.__mro__])
attempt("object-based to class", lambda: setattr(Base, "__bases__", (Other,)))
attempt("class-based to object", lambda: setattr(Widget, "__bases__", (object,)))
attempt("int bases", lambda: setattr(int, "__bases__", (object,)))
attempt("delete bases", lambda: delattr(Widget, "__bases__"))


class NetErr(AppError):
    pass


attempt("exception re-parent", lambda: setattr(NetErr, "__bases__", (NetError,)))
print([c.__name__ for c in NetErr.__mro__])
attempt("exception layout", lambda: setattr(NetErr, "__bases__", (BadValue,)))
print(sys.getrefcount(Base), sys.getrefcount(Mixin), sys.getrefcount(Other))
