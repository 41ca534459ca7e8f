# A running call does not add a reference to its module's globals: as in CPython 3.11, a
# frame borrows its namespaces from the function it runs, which keeps them alive.
# Module code and exec() have no function, so their frames own theirs.
import sys


def direct():
    return sys.getrefcount(globals())


def nested():
    return direct()


def recursive(n):
    if n == 0:
        return sys.getrefcount(globals())
    return recursive(n - 1)


def gen():
    yield sys.getrefcount(globals())


at_module = sys.getrefcount(globals())
print("module level:", at_module)
print("one call deep:", direct() - at_module)
print("two calls deep:", nested() - at_module)
print("ten calls deep:", recursive(10) - at_module)
print("in a generator:", next(gen()) - at_module)


class Body:
    in_class_body = sys.getrefcount(globals())


print("in a class body:", Body.in_class_body - at_module)
exec("print('exec in the same globals:', sys.getrefcount(globals()) - at_module)")
ns = {"sys": sys}
exec("r = sys.getrefcount(globals())", ns)
print("exec in a fresh dict:", ns["r"])


def make_closure():
    def inner():
        return sys.getrefcount(globals())
    return inner


print("closure:", make_closure()() - at_module)
