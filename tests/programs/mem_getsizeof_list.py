# Appending to a list over-allocates: the size jumps only now and then, so that
# a run of appends costs amortised constant time.
import sys

l = []
last = sys.getsizeof(l)
print("empty list:", last)
for i in range(40):
    l.append(i)
    size = sys.getsizeof(l)
    if size != last:
        print("len", len(l), "size", size)
        last = size
print("list(range(10)):", sys.getsizeof(list(range(10))))
print("[0] * 10:", sys.getsizeof([0] * 10))
