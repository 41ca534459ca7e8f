# pyrena.refgraph(obj, depth): "why is this still in memory?" It follows the references to
# an object back to what holds them — module globals, local variables of running functions,
# attributes, containers, closures — and prints each chain, plus the same graph as DOT.
# difftest: skip — the pyrena module is Pyrena's own (CPython has no such module)
import pyrena


class Session:
    def __init__(self, user):
        self.user = user
        self.buffers = []


class Registry:
    __slots__ = ('sessions',)

    def __init__(self):
        self.sessions = {}


registry = Registry()
session = Session('ada')
registry.sessions['ada'] = session
big = bytearray(100_000)
session.buffers.append(big)

# The buffer is held by the global `big` and, through the session, by the registry.
print(pyrena.refgraph(big))

# After `del big` only the chain through the session is left; depth 2 stops early,
# and the chain is marked as cut short.
del big
print(pyrena.refgraph(session.buffers[0], depth=2))


def make_counter():
    counts = {}

    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts

    return count


counter = make_counter()
words = counter('memory')
print(pyrena.refgraph(words))


def handler(data):
    rows = [data, data]
    return pyrena.refgraph(data, depth=1)


print(handler({'id': 7}))

# A cycle with no outside holder: only the cycle itself holds it.
a = []
a.append(a)
g = pyrena.refgraph(a, depth=2)
print(g.chains)
print(g.dot)

for bad in (0, 'x'):
    try:
        pyrena.refgraph(a, depth=bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
