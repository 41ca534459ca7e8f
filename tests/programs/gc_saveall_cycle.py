# Inspecting a reference cycle with gc.DEBUG_SAVEALL: instead of freeing what it finds
# unreachable, the collector appends it to gc.garbage, where the program can look at it.
# DEBUG_COLLECTABLE prints one "gc: collectable <type address>" line per object on stderr.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None

    def __repr__(self):
        return f"Node({self.name})"


gc.collect()
print("garbage is a list:", type(gc.garbage).__name__, gc.garbage)
print("flags:", gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)

print("-- build a three-node ring and drop it")
a, b, c = Node("a"), Node("b"), Node("c")
a.next, b.next, c.next = b, c, a
watch = weakref.ref(b, lambda w: print("weakref callback: b is unreachable"))
del a, b, c

gc.set_debug(gc.DEBUG_SAVEALL)
print("debug flags now:", gc.get_debug())
found = gc.collect()
print("unreachable found:", found)
print("gc.garbage:", sorted(gc.garbage, key=lambda n: n.name))
print("weakref cleared even though the object was saved:", watch() is None)

print("-- the saved ring is intact and can be walked")
start = gc.garbage[0]
node, names = start, []
for _ in range(3):
    names.append(node.name)
    node = node.next
print("walk:", names, "| back at start:", node is start)

print("-- with DEBUG_COLLECTABLE the collector reports what it frees")
gc.set_debug(gc.DEBUG_COLLECTABLE)
pair = [[], []]
pair[0].append(pair[1])
pair[1].append(pair[0])
del pair
print("collected:", gc.collect())

print("-- clearing gc.garbage and collecting frees the ring for real")
gc.set_debug(0)
node = start = None
gc.garbage.clear()
print("collected:", gc.collect(), "| garbage:", gc.garbage)
