# A for loop's iterator holds a reference to the sequence it walks, and the
# loop variable holds one to the current item.
import sys

s = [10, 20, 30]
before = sys.getrefcount(s)
for x in s:
    print("during the loop:", sys.getrefcount(s) - before)
    break
print("after the loop:", sys.getrefcount(s) - before)

it = iter(s)
print("an iterator holds it:", sys.getrefcount(s) - before)
print(list(it))
print("exhausted iterator lets go:", sys.getrefcount(s) - before)

class Marker:
    def __del__(self):
        print("marker freed")

items = [Marker()]
for m in items:
    pass
items.clear()
print("the loop variable still holds the last item")
del m
print("done")
