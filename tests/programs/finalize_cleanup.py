# weakref.finalize for cleanup: a callback that runs once when its object dies, that can be
# called early, detached, inspected, and that runs at interpreter exit for objects still
# alive then (unless atexit is switched off).
import weakref


class TempFile:
    def __init__(self, path):
        self.path = path
        # The callback must not refer to self, or the object could never die.
        self._finalizer = weakref.finalize(self, TempFile._remove, path)

    @staticmethod
    def _remove(path):
        print(f"  removing {path}")
        return f"removed {path}"

    def close(self):
        # Calling a finalizer runs it now; later calls do nothing.
        return self._finalizer()

    @property
    def closed(self):
        return not self._finalizer.alive


print("-- the finalizer runs when the object's last reference goes")
t = TempFile("/tmp/a")
print("closed:", t.closed)
del t
print("after del")

print("-- calling it early; it never runs twice")
t = TempFile("/tmp/b")
print(t.close())
print("closed:", t.closed, "| second call:", t.close())
del t

print("-- peek and detach")
class Obj:
    pass

o = Obj()
f = weakref.finalize(o, print, "  finalized o", "with", "args", sep="|")
obj, func, args, kwargs = f.peek()
print(obj is o, func is print, args, kwargs)
print(repr(f).startswith("<finalize object at 0x"), "; for 'Obj' at 0x" in repr(f))
detached = f.detach()
print("alive after detach:", f.alive, "| detach again:", f.detach())
del o, obj, detached
print("nothing printed: it was detached")
print(repr(f).endswith("; dead>"))

print("-- the callback's return value comes back from the call")
o = Obj()
f = weakref.finalize(o, lambda x, y: x * y, 6, 7)
print(f(), f(), f.alive)

print("-- at exit, alive finalizers with atexit=True run, newest first")
keep1, keep2, keep3 = Obj(), Obj(), Obj()
weakref.finalize(keep1, print, "exit: keep1")
weakref.finalize(keep2, print, "exit: keep2")
quiet = weakref.finalize(keep3, print, "exit: keep3 (never printed)")
quiet.atexit = False
print("atexit flags:", quiet.atexit, weakref.finalize(keep1, len, "").atexit)
print("end of program")
