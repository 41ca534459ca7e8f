# __slots__ error cases: each class statement or access runs in its own try block and the
# exception type and message are printed (CPython 3.11 wording).

import weakref


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


class P:
    __slots__ = ("x", "y")


p = P()
attempt("read unset", lambda: p.x)
attempt("set unknown", lambda: setattr(p, "z", 1))
def del_unset():
    del p.x


attempt("del unset", del_unset)
attempt("no __dict__", lambda: p.__dict__)
attempt("vars", lambda: vars(p))


def conflict():
    class C:
        __slots__ = ("x", "y")
        x = 1


attempt("class var", conflict)


def not_iterable():
    class C:
        __slots__ = 1


attempt("not iterable", not_iterable)


def not_str():
    class C:
        __slots__ = ("a", 1)


attempt("not str", not_str)


def not_ident():
    class C:
        __slots__ = ("1a",)


attempt("not identifier", not_ident)


def dup_dict():
    class C:
        __slots__ = ("__dict__", "__dict__")


attempt("dict twice", dup_dict)


def dup_weak():
    class C:
        __slots__ = ("__weakref__", "__weakref__")


attempt("weakref twice", dup_weak)


class Plain:
    pass


def inherited_dict():
    class C(Plain):
        __slots__ = ("__dict__",)


def inherited_weak():
    class C(Plain):
        __slots__ = ("__weakref__",)


attempt("inherited dict", inherited_dict)
attempt("inherited weakref", inherited_weak)


class A:
    __slots__ = ("a",)


class B:
    __slots__ = ("b",)


class Empty:
    __slots__ = ()


def layout_conflict():
    class C(A, B):
        pass


attempt("layout conflict", layout_conflict)


def no_conflict():
    class C(A, Empty):
        pass

    class D(Empty, A):
        pass

    return C.__base__.__name__, D.__base__.__name__, C().__dict__


attempt("no conflict", no_conflict)


def int_base():
    class C(int):
        __slots__ = ("a",)


def tuple_base():
    class C(tuple):
        __slots__ = ("__dict__",)


attempt("int base", int_base)
attempt("tuple base", tuple_base)


def mangled_conflict():
    class C:
        __slots__ = ("__v",)
        _C__v = 0


attempt("mangled conflict", mangled_conflict)
attempt("descriptor wrong type get", lambda: P.x.__get__(1))
attempt("descriptor wrong type set", lambda: P.x.__set__("s", 2))
attempt("descriptor wrong type del", lambda: P.y.__delete__(A()))
attempt("get None None", lambda: P.x.__get__(None))
attempt("weakref", lambda: weakref.ref(p))


class RO:
    __slots__ = ("v",)
    k = 5


attempt("read-only class attr", lambda: setattr(RO(), "k", 6))
def del_unknown():
    r = RO()
    del r.q


attempt("del unknown", del_unknown)
