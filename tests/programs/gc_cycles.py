# The cycle collector: unreachable cycles are found and freed; counts match CPython 3.11.
import gc

print("thresholds:", gc.get_threshold())
gc.collect()


class Node:
    def __init__(self, name):
        self.name = name
        self.partner = None


def make_pair():
    a, b = Node("a"), Node("b")
    a.partner, b.partner = b, a


for _ in range(3):
    make_pair()
print("three pairs:", gc.collect())

ring = [Node(str(i)) for i in range(5)]
for i, n in enumerate(ring):
    n.partner = ring[(i + 1) % 5]
del ring, n
print("ring of five:", gc.collect())

lst = []
lst.append(lst)
del lst
print("self-referencing list:", gc.collect())

d = {"key": None}
d["key"] = d
del d
print("self-referencing dict:", gc.collect())

kept = Node("kept")
kept.partner = kept
print("still referenced:", gc.collect(), kept.partner.name)

print("tracked:", gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": []}), gc.is_tracked(1))
print("constant tuple tracked:", gc.is_tracked((1, 2, "x")))
print("referents:", gc.get_referents([1, "two", 3.0]))
gc.disable()
print("enabled after disable:", gc.isenabled())
gc.enable()
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)


def closure_cycle():
    def inner():
        return inner

    return None


closure_cycle()
print("function/cell cycle:", gc.collect())


def gen_cycle():
    def g():
        yield me

    me = g()
    next(me)


gen_cycle()
print("generator cycle:", gc.collect() >= 1)
