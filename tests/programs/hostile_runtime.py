# Hostile programs at run time, each ending in a Python error the program can catch:
# self-referencing containers in repr, mutation during iteration and during sort, infinite
# recursion (plain, through __repr__, __eq__ and __hash__, in generators), recursion through
# deeply nested data, and allocations no machine can satisfy.
import sys

a = [1, 2]
a.append(a)
d = {'k': 1}
d['self'] = d
mixed = [d, {'l': a}]
print(a, d, mixed)
print(repr(a) == str(a), len(repr(mixed)))

for make in (lambda: {1: 1, 2: 2}, lambda: {1, 2, 3}):
    c = make()
    try:
        for x in c:
            c.pop(x) if isinstance(c, dict) else c.discard(x)
            if isinstance(c, dict):
                c[x + 10] = 0
            else:
                c.add(x + 10)
    except RuntimeError as e:
        print('RuntimeError:', e)

lst = [5, 3, 1, 4]
try:
    lst.sort(key=lambda x: lst.append(x) or x)
except ValueError as e:
    print('ValueError:', e)
lst = [3, 1, 2]
try:
    lst.sort(key=lambda x: lst.clear() or x)
except ValueError as e:
    print('ValueError:', e)


def forever(n):
    return forever(n + 1)


class Loop:
    def __repr__(self):
        return repr(self)

    def __eq__(self, other):
        return self == other

    def __hash__(self):
        return hash(self)


def gen():
    yield from gen()


for what, f in [('call', lambda: forever(0)), ('repr', lambda: repr(Loop())),
                ('eq', lambda: Loop() == 1), ('hash', lambda: hash(Loop())),
                ('generator', lambda: next(gen()))]:
    try:
        f()
    except RecursionError:
        print('RecursionError in', what)

deep = []
for i in range(100000):
    deep = [deep]
try:
    repr(deep)
except RecursionError:
    print('RecursionError in repr of nested lists')
other = []
for i in range(100000):
    other = [other]
try:
    print(deep == other)
except RecursionError:
    print('RecursionError in == of nested lists')
del deep, other

sys.setrecursionlimit(10000)
try:
    forever(0)
except RecursionError:
    print('RecursionError at limit', sys.getrecursionlimit())
sys.setrecursionlimit(1000)

for what, f in [('list', lambda: [0] * 10**12), ('str', lambda: 'x' * 10**13),
                ('bytearray', lambda: bytearray(1 << 62)), ('bytes', lambda: bytes(1 << 62)),
                ('range list', lambda: list(range(10**12)))]:
    try:
        f()
    except (MemoryError, OverflowError) as e:
        print(what, type(e).__name__)
print('still running')
