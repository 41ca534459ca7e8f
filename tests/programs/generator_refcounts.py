# Reference counts seen by and around suspended and running generators.
# A running generator's frame holds no reference to its generator (CPython
# keeps the frame inside the generator object), and a suspended frame's
# locals keep their objects alive exactly once.
import sys


class Box:
    pass


def counting():
    yield sys.getrefcount(g)
    yield sys.getrefcount(g)


g = counting()
print("next while running:", next(g), next(g))
print("outside, suspended:", sys.getrefcount(g))


def holder(obj):
    local = obj
    yield sys.getrefcount(local)
    yield sys.getrefcount(local)


b = Box()
h = holder(b)
print("created:", sys.getrefcount(b))
print("first resume:", next(h))
print("suspended:", sys.getrefcount(b))
print("second resume:", next(h))
print("exhausted:", next(h, "done"), sys.getrefcount(b))
del h
print("after del:", sys.getrefcount(b))


def inner():
    yield sys.getrefcount(outer_gen)
    return 7


def outer():
    r = yield from inner()
    yield r


outer_gen = outer()
print("yield from:", list(outer_gen))
