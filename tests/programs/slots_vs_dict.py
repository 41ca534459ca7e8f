# Slotted instances are one fixed-size block: each slot costs one pointer, and a 2-slot
# instance is smaller than a dict-backed one (sys.getsizeof prints relations and per-slot
# differences, which CPython and Pyrena share; the absolute sizes are in README.md).
import sys


class WithDict:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class NoSlots:
    __slots__ = ()


class One:
    __slots__ = ("a",)


class Four:
    __slots__ = ("a", "b", "c", "d")


class FourWeak:
    __slots__ = ("a", "b", "c", "d", "__weakref__")


d = WithDict(1, 2)
s = Slotted(1, 2)
size = sys.getsizeof
print("slotted < dict-backed:", size(s) < size(d))
print("slotted < dict-backed + its dict:", size(s) < size(d) + size(d.__dict__))
print("bytes per slot:", size(One()) - size(NoSlots()), (size(Four()) - size(NoSlots())) // 4)
print("2 slots over none:", size(s) - size(NoSlots()))
print("weakref list costs one pointer:", size(FourWeak()) - size(Four()))


# A subclass adds its members after its base's.
class Sub(Slotted):
    __slots__ = ("z",)


print("subclass adds one pointer:", size(Sub(1, 2)) - size(s))


# A subclass without __slots__ adds a dict and a weakref list (CPython 3.11 spends one more
# pointer on its dict than Pyrena, so only the relation is printed).
class Open(Slotted):
    pass


print("open subclass is bigger:", size(Open(1, 2)) > size(s))
