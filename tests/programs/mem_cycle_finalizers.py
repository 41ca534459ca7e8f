# Since Python 3.4 (PEP 442) cycles whose objects define __del__ are collected:
# every finalizer runs once, then the cycle is broken.
import gc

class Res:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        print("finalizing", self.name)

gc.disable()
r1 = Res("r1")
r2 = Res("r2")
r1.peer, r2.peer = r2, r1
del r1, r2
print("before collect")
n = gc.collect()
print("collected", n)
print("garbage list:", gc.garbage)

class Phoenix:
    saved = None
    def __del__(self):
        print("resurrecting")
        Phoenix.saved = self

p = Phoenix()
p.me = p
del p
gc.collect()
print("resurrected:", type(Phoenix.saved).__name__)
Phoenix.saved.me = None
Phoenix.saved = None
print("finalizer runs only once, so nothing more is printed")
gc.enable()
