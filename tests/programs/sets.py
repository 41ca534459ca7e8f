# Sets modelled on CPython's hash table: iteration/repr/pop order after inserts, deletes and resizes, set algebra result orders, comparisons, frozenset, errors
# Displays of more than two constants are avoided on purpose: CPython folds them into a frozenset
# constant, which can lay the table out differently from adding the items one by one.


def build(items):
    s = set()
    for x in items:
        s.add(x)
    return s


def checksum(s):
    return sum((i + 1) * (hash(x) % 1009) for i, x in enumerate(s)) % 1000003


# Insertion order does not decide iteration order; the hash slots do.
print("small ints:", build([5, 3, 1, 4, 2]), build([2, 4, 1, 3, 5]))
print("colliding (same slot mod 8):", build([8, 16, 0, 24]), build([24, 0, 16, 8]))
print("negatives:", build([-1, -2, -3, 7, -8, 0]), "hash(-1) == -2:", hash(-1) == -2)
big = [2**61 - 1, 2**61, 2**61 + 1, 2**64 + 5, 10**20, -(2**63), 2**100]
print("big ints:", build(big))
print("floats and bools:", build([1.5, 2.0, True, -0.25, False, 0.5, 3]))
print("equal numbers collapse:", build([1, 1.0, True]), build([0.0, False, 0]))
print("tuples:", build([(1, 2), (2, 1), (0,), (), (1, (2, 3))]))
a, b, c, d, e = 45, 3, 59, 31, 6
print("variables in a display:", {a, b, c, d, e}, {a, b})
print("set(list):", set([45, 3, 59, 31, 6]), "set(range):", set(range(12)))
print("comprehension:", {x * 8 for x in range(6)}, {x % 5 for x in range(20)})

# A removal leaves a dummy entry that a later insertion on the same probe path reuses.
s = build([1, 2])
s.remove(1)
s.add(9)
print("dummy reused:", s)
s = build([1, 9, 17, 25])
s.discard(9)
s.discard(17)
s.add(33)
print("last dummy on the path is reused:", s)
s = build(range(20))
for i in range(0, 20, 2):
    s.discard(i)
s.add(32)
s.add(64)
print("after discards:", s)

# Growth: each resize re-inserts the live keys in old-table order into a bigger table.
s = set()
sizes = []
for i in range(0, 3000, 7):
    s.add(i * 1000003)
    if len(s) in (4, 5, 18, 19, 77, 78, 300, 301):
        sizes.append((len(s), list(s)[:3]))
print("growth snapshots:", sizes)
print("grown:", len(s), checksum(s))
for x in list(s)[::3]:
    s.remove(x)
print("thinned:", len(s), checksum(s), list(s)[:5])
s.update(range(100))
print("refilled:", len(s), checksum(s))

# pop() removes from a rotating finger, not always the first slot.
s = build([10, 3, 7, 1, 12, 33])
popped = [s.pop(), s.pop()]
s.add(2)
popped.append(s.pop())
s.add(18)
popped.append(s.pop())
print("pops:", popped, "left:", s)
s = set(range(40))
print("pop run:", [s.pop() for _ in range(10)], len(s))
s.clear()
s.add(5)
s.add(6)
print("pop after clear:", s.pop(), s)

# Set algebra: results are built the way CPython builds them.
x = build([1, 2, 3, 4, 5, 6, 7, 8])
y = build([6, 7, 8, 9, 10, 40, 41, 72])
print("x | y:", x | y, " y | x:", y | x)
print("x & y:", x & y, " y & x:", y & x)
print("x - y:", x - y, " y - x:", y - x)
print("x ^ y:", x ^ y, " y ^ x:", y ^ x)
print("{1} & {1.0}:", {1} & {1.0}, " {1.0} & {1, 2}:", {1.0} & {1, 2})
print("union:", x.union([100, 8, 16], range(3)), x.union())
print("intersection:", x.intersection([8, 2, 99, 5]), x.intersection(y, [7, 8]))
print("difference:", x.difference([1, 2]), x.difference(y, [3]), x.difference({5: "a", 6: "b"}))
print("symmetric_difference:", x.symmetric_difference([1, 99, 2, 98]))
print("with a dict:", x.symmetric_difference({8: 0, 9: 0}), set({3: "c", 11: "d", 19: "e"}))
big = set(range(0, 200, 3))
print("big - small:", len(big - {0, 3}), checksum(big - {0, 3}))
print("small - big:", {1, 3} - big, build([7, 9]).difference(big))
print("subset checks:", x.issubset(range(10)), x.issuperset([1, 2]), x.isdisjoint([0, 9]), x.isdisjoint(y))

z = x.copy()
z |= y
print("|=", z)
z = x.copy()
z &= y
print("&=", z)
z = x.copy()
z -= y
print("-=", z)
z = x.copy()
z ^= y
print("^=", z)
z = x.copy()
z.intersection_update([8, 7, 1], range(8))
print("intersection_update:", z)
z.difference_update([7], [1, 1000])
print("difference_update:", z)
z.symmetric_difference_update([8, 24])
print("symmetric_difference_update:", z)
z.update([48, 56], {64, 72})
print("update:", z)
alias = z
z |= {0}
print("in-place keeps identity:", alias is z, z)
z -= z
print("z -= z:", z)

# Comparisons are subset tests.
p, q = build([1, 2]), build([1, 2, 3])
print(p == q, p != q, p < q, p <= q, p > q, p >= q, q > p, p == {2, 1}, p < p, p <= p)
print("set vs frozenset:", p == frozenset([1, 2]), frozenset([1]) < q, p == [1, 2])

# frozenset: hashable, usable as a key, same table, same orders.
fs = frozenset([45, 3, 59, 31, 6])
print(fs, frozenset(), frozenset(fs) is fs, fs.copy() is fs)
print("hashes:", hash(frozenset([1, 2, 3])), hash(frozenset()), hash(frozenset([(1, 2), 3.5, -7])))
print("hash independent of order:", hash(frozenset([1, 9, 17])) == hash(frozenset([17, 9, 1])))
groups = {frozenset([1, 2]): "a", frozenset([2, 3]): "b"}
print("as dict keys:", groups[frozenset([2, 1])], groups)
print("set of frozensets:", build([frozenset([1]), frozenset([2]), frozenset([1, 2])]))
print("frozenset ops keep the left type:", fs | {1}, {1} | fs, fs & {3, 6}, fs - {3}, fs ^ {3, 4})
print("a set key is looked up as a frozenset:", {1, 2} in {frozenset([1, 2])})
holder = {frozenset([7])}
holder.remove({7})
print("removed via set:", holder)

# Python-level __eq__ runs only for equal hashes, with the stored key first.
class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v % 3

    def __eq__(self, other):
        print("  eq", self.v, other.v)
        return isinstance(other, Key) and self.v == other.v

    def __repr__(self):
        return f"Key({self.v})"


ks = set()
for i in range(6):
    ks.add(Key(i))
print("keys:", ks)
print("lookup:", Key(4) in ks)


class Loop:
    def __repr__(self):
        return "Loop(" + repr(self.owner) + ")"


lp = Loop()
lp.owner = {lp}
print("recursive repr:", lp.owner)

# Errors, with CPython's messages.
def attempt(label, f):
    try:
        print(label, f())
    except Exception as exc:
        print(label, type(exc).__name__ + ":", exc)


attempt("remove missing:", lambda: build([1]).remove(5))
attempt("pop empty:", lambda: set().pop())
attempt("unhashable add:", lambda: set().add([1]))
attempt("unhashable display:", lambda: {1, []})
attempt("unhashable in:", lambda: [] in {1})
attempt("unhashable set:", lambda: hash(set()))
attempt("set | list:", lambda: {1} | [2])
attempt("set < list:", lambda: {1} < [2])
attempt("not iterable:", lambda: set(5))
attempt("too many args:", lambda: set([1], [2]))
attempt("keyword:", lambda: set(x=1))
attempt("add arity:", lambda: set().add())
attempt("pop arity:", lambda: set().pop(1))
attempt("frozenset has no add:", lambda: frozenset().add(1))
attempt("remove set key:", lambda: set().remove({3}))


def grow_while_iterating():
    s = build([1, 2, 3])
    for v in s:
        s.add(v + 10)


attempt("mutation during iteration:", grow_while_iterating)
print("empty reprs:", set(), frozenset(), repr(set()), str(frozenset()))
print("truth:", bool(set()), bool({0}), len(build(range(7))))
