# The order in which __del__ runs: a list releases its items last to first, a
# dict first to last, a tuple last to first, and a function's locals when it returns.
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

print("list:")
l = [D(1), D(2), D(3)]
del l
print("tuple:")
t = (D(1), D(2), D(3))
del t
print("dict:")
d = {"a": D("a"), "b": D("b"), "c": D("c")}
del d
print("function locals:")
def f():
    x = D("x")
    y = D("y")
    print("returning")
f()
print("rebinding a name frees the old value first:")
v = D("old")
v = D("new")
print("end")
del v
