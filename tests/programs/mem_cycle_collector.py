# A reference cycle keeps its members' counts above zero, so only the cycle
# collector can free it.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

gc.collect()
gc.disable()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("cycle unreachable but still allocated")
found = gc.collect()
print("gc.collect() found", found, "unreachable objects")
print("second collect finds", gc.collect())

x = Node("self")
x.other = x
del x
print("a self-loop is a cycle too:", gc.collect())
gc.enable()
