# Generator lifetimes: a suspended generator is an object like any other. When its last
# reference goes it is closed at once (its finally blocks run) and freed; one caught in a
# reference cycle is closed by the cycle collector before the cycle is broken. Weak
# references show exactly when it dies.
import gc
import weakref


def reader(name):
    print(f"  open {name}")
    try:
        while True:
            yield name
    finally:
        print(f"  close {name}")


print("-- abandoned after one item: closed when the last reference goes")
r = reader("a.txt")
watch = weakref.ref(r, lambda w: print("  weakref callback: generator freed"))
print("first:", next(r))
del r
print("alive:", watch() is not None)

print("-- a for loop that breaks drops its iterator at once")
for line in reader("b.txt"):
    break
print("after the loop")

print("-- exhausted generators have nothing left to close")
def three():
    yield from range(3)
print(list(three()))

print("-- a generator in a reference cycle waits for the collector")
gc.disable()
holder = []
g = reader("c.txt")
next(g)
holder.append(g)
holder.append(holder)
watch = weakref.ref(g)
del g, holder
print("alive before collect:", watch() is not None)
print("unreachable:", gc.collect())
print("alive after collect:", watch() is not None)
gc.enable()

print("-- a generator referring to itself is collected too")
def selfish():
    try:
        yield me
    finally:
        print("  selfish closed")
me = selfish()
next(me)
watch = weakref.ref(me)
del me
print("collected something:", gc.collect() >= 0, "| alive:", watch() is not None)
