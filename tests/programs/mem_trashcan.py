# Dropping a very long chain of objects does not overflow the native stack:
# deallocation of deep chains is deferred ("trashcan").
class Node:
    __slots__ = ("next",)
    def __init__(self, nxt):
        self.next = nxt

head = None
for _ in range(100000):
    head = Node(head)
print("built a 100000-node linked list")
del head
print("freed it")

nested = []
for _ in range(20000):
    nested = [nested]
print("built 20000 nested lists")
nested = None
print("freed them")
