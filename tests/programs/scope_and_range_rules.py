# range attributes, index/count, equality and hashing; builtin __name__; deep comparison
# recursion raising RecursionError; duplicate-argument SyntaxError via compile-time check.
r = range(1, 20, 3)
print(r.start, r.stop, r.step, r.index(7), r.count(7), r.count(8))
print(range(0) == range(5, 5), range(1, 2) == range(1, 3, 5), range(3) == range(0, 3, 1))
print(hash(range(3)) == hash(range(0, 3)), len.__name__, print.__name__, "a".upper.__name__)
try:
    r.index(8)
except ValueError as e:
    print("ValueError:", e)
a, b = [], []
for _ in range(5000):
    a, b = [a], [b]
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError:", e)
