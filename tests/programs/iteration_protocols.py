# The iteration protocols a plain class can opt into: the old __getitem__
# sequence protocol, __reversed__, iter(callable, sentinel), strict zip, and
# reversed dict views; plus a generator that is thrown into before it starts.


class Deck:
    """A sequence by __len__ and __getitem__ only (no __iter__)."""

    RANKS = "A23456789TJQK"

    def __init__(self, suit):
        self.suit = suit

    def __len__(self):
        return len(self.RANKS)

    def __getitem__(self, i):
        if not 0 <= i < len(self.RANKS):
            raise IndexError("card index out of range")
        return self.RANKS[i] + self.suit


class Countdown:
    """Stops with StopIteration from __getitem__ and reverses by __reversed__."""

    def __init__(self, start):
        self.start = start

    def __getitem__(self, i):
        if i > self.start:
            raise StopIteration
        return self.start - i

    def __reversed__(self):
        return iter(range(self.start + 1))


class Opaque:
    __reversed__ = None

    def __getitem__(self, i):
        raise KeyError(i)


deck = Deck("h")
print(list(deck)[:5], "Qh" in deck, "Xh" in deck, type(iter(deck)).__name__)
print(list(reversed(deck))[:3], sorted(deck)[-2:], max(deck), len(deck))
first, second, *rest = Deck("s")
print(first, second, len(rest))
print(list(Countdown(4)), list(reversed(Countdown(4))), sum(Countdown(10)))
for bad in (lambda: list(Opaque()), lambda: reversed(Opaque()), lambda: iter(42)):
    try:
        bad()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)

# iter(callable, sentinel): read "records" until a blank one.
records = ["alpha", "beta", "", "never"]
reader = iter(lambda: records.pop(0), "")
print(type(reader).__name__, list(reader), records)
rolls = iter([3, 5, 6, 2, 6])
print(list(iter(lambda: next(rolls), 6)))
try:
    iter(5, None)
except TypeError as e:
    print(e)

# Strict zip reports which argument ran out.
names, scores = ["ann", "bob", "cy"], [90, 85, 77]
print(list(zip(names, scores, strict=True)))
for args in ((names, scores[:2]), (names[:2], scores), (names, scores, [1, 2, 3, 4])):
    try:
        list(zip(*args, strict=True))
    except ValueError as e:
        print(e)

# Dict views run backwards too.
stock = {"apples": 3, "pears": 0, "plums": 7}
print(list(reversed(stock)), list(reversed(stock.values())), list(reversed(stock.items())))


# A generator that has not started never sees a thrown exception.
def worker(log):
    log.append("started")
    try:
        yield "ready"
    finally:
        log.append("cleanup")


log = []
w = worker(log)
try:
    w.throw(RuntimeError("cancelled before start"))
except RuntimeError as e:
    print("caught:", e, log, next(w, "finished"))
w = worker(log)
next(w)
try:
    w.throw(RuntimeError("cancelled while running"))
except RuntimeError as e:
    print("caught:", e, log)
