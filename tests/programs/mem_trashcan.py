# Dropping a very long chain of objects does not overflow the native stack:
# each node's dealloc would free the next one recursively, so deep chains are
# deferred to a queue and freed iteratively ("trashcan").
import gc

# The collector is switched off while building: a million new containers would
# otherwise trigger thousands of collections that have nothing to find.
gc.disable()
head = None
for i in range(1000000):
    head = (i, head)  # a linked list of (value, next) pairs
print("built a million-node linked list, first value", head[0])
del head
print("freed it")


class Node:
    __slots__ = ("next",)

    def __init__(self, nxt):
        self.next = nxt


chain = None
for _ in range(100000):
    chain = Node(chain)
nested = []
for _ in range(100000):
    nested = [nested]
print("built 100000 linked instances and 100000 nested lists")
chain = nested = None
print("freed them")
gc.enable()
