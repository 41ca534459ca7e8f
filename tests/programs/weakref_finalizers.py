# Weak references and finalizers: weakref.ref, callbacks after __del__, exceptions in __del__ reported and ignored, objects alive at exit finalized.
import weakref, gc

class MyClass:
    pass

obj = MyClass()
weak_obj = weakref.ref(obj)
print(weak_obj() is obj)
del obj
print(weak_obj())

class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def __del__(self):
        print("close", self.name)

r = Res("a")
r = Res("b")
print("after rebinding")
del r
print("after del")
def cb(w):
    print("callback, dead:", w() is None)
x = Res("c")
w1 = weakref.ref(x, cb)
w2 = weakref.ref(x)
print(weakref.getweakrefcount(x), w2 is weakref.ref(x), w1 is w2)
del x
print("end of x")
class Bad:
    def __del__(self):
        raise ValueError("oops in del")
b = Bad()
del b
print("survived")
try:
    weakref.ref(1)
except TypeError as e:
    print(e)
keep = Res("kept until exit")
