# Generators paused at a yield are closed when they are freed: by a del, by the end of a
# for loop that breaks, or by the cycle collector (PEP 442), so finally blocks run; one that
# yields again is reported as "generator ignored GeneratorExit".
import gc
def counter(name):
    try:
        i = 0
        while True:
            yield i
            i += 1
    finally:
        print("cleanup", name)

g = counter("a")
print(next(g), next(g))
del g
print("after del")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
        yield 2

s = stubborn()
next(s)
s = None
print("after stubborn")

def looper():
    try:
        yield 1
    finally:
        print("looper finally")

class Holder:
    pass
h = Holder()
h.g = looper()
next(h.g)
h.self = h
del h
print("before collect")
print(gc.collect())
print("after collect")

for x in counter("loop"):
    if x == 2:
        break
print("after loop")
g2 = counter("unstarted")
del g2
print("end")
