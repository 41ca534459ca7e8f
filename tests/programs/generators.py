# Generators: yield, send, throw, close with finally, yield from with return values, generator expressions, PEP 479.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "done"
print(list(countdown(3)))
g = countdown(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(sum(x * x for x in range(10)), list(x for x in "abc" if x != "b"))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            return received
        received.append(x)
e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)
def inner():
    yield 1
    yield 2
    return 3
def outer():
    r = yield from inner()
    yield r
    yield from [10, 20]
print(list(outer()))
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
f = fin()
print(next(f))
f.close()
def thrower():
    try:
        yield 1
    except ValueError as ex:
        yield f"caught {ex}"
t = thrower()
next(t)
print(t.throw(ValueError("boom")))
def fibs():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
it = fibs()
print([next(it) for _ in range(10)])
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as ex:
    print("RuntimeError:", ex)
print(dict(zip("ab", (i for i in range(2)))), max(i % 7 for i in range(100)))
