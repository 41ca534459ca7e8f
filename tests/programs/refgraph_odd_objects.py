# pyrena.refgraph on objects that are awkward to describe, and on graphs that are costly to
# search: it must answer without running the program's own __repr__/__len__/__iter__, without
# tripping the int string limit, and in bounded time on a dense cycle or a widely shared object.
# difftest: skip — the pyrena module is Pyrena's own (CPython has no such module)
import gc
import pyrena

print(pyrena.refgraph(10**5000).text.splitlines()[0])

x = []
big_keys = {10**5000: x}
print(pyrena.refgraph(x))


class BadRepr(int):
    def __repr__(self):
        raise RuntimeError('no repr')


class BadList(list):
    def __len__(self):
        raise RuntimeError('no len')

    def __iter__(self):
        raise RuntimeError('no iter')


b = BadRepr(5)
print(pyrena.refgraph(b).text.splitlines()[0])
y = object()
bl = BadList([y])
print(pyrena.refgraph(y))

# A module without a __name__.
z = object()
gc.z = z
saved = gc.__name__
del gc.__name__
print(pyrena.refgraph(z))
gc.__name__ = saved
del gc.z

# A dense cycle that nothing else holds (but the function's variable): every list holds the
# target and every other list. The chains are listed shortest first.
def dense_cycle():
    gc.disable()
    target = object()
    clique = [[target] for i in range(8)]
    for a in clique:
        for c in clique:
            if a is not c:
                a.append(c)
    clique = a = c = None
    text = pyrena.refgraph(target).text
    gc.enable()
    return text


print(dense_cycle())
gc.collect()

# One object held by many: the chains shown are capped and the rest counted.
o = object()
holders = [[o] for i in range(200)]
lines = pyrena.refgraph(o).text.splitlines()
print(len(lines), lines[1], lines[-1])

# A long chain is cut by the object budget and says so.
class N:
    pass


head = cur = N()
for i in range(510):
    cur.next = N()
    cur = cur.next
g = pyrena.refgraph(cur, depth=5000)
longest = max(g.chains, key=len)
print(longest[:20], '...', longest.count('->'), 'steps')
