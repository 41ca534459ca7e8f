# weakref.proxy: an object that forwards attribute access, operators and calls to its
# referent without keeping it alive; once the referent is gone every use raises
# ReferenceError.
import weakref


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance

    def __add__(self, other):
        return self.balance + other

    def __len__(self):
        return len(self.owner)

    def __getitem__(self, i):
        return self.owner[i]

    def __str__(self):
        return f"{self.owner}: {self.balance}"


acct = Account("ada", 100)
p = weakref.proxy(acct)
print(type(p).__name__, type(p) is weakref.ProxyType)
print(repr(p).startswith("<weakproxy at 0x"), " to Account at 0x" in repr(p))

print("-- forwarding")
print(p.owner, p.deposit(50), acct.balance)
p.balance = 10
print(acct.balance, str(p), p + 5, len(p), p[0])
print(p == acct, bool(p))

print("-- proxies are shared and counted like weak references")
print(weakref.proxy(acct) is p, weakref.getweakrefcount(acct))
r = weakref.ref(acct)
print(weakref.getweakrefcount(acct), weakref.getweakrefs(acct)[0] is r)

print("-- proxies are not hashable")
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)

print("-- callable referents give a CallableProxyType")
def greet(name):
    return "hello " + name
g = weakref.proxy(greet)
print(type(g) is weakref.CallableProxyType, g("bob"), g.__name__)

print("-- a callback runs when the referent dies")
def gone(proxy):
    print("callback got the proxy:", type(proxy).__name__)
acct2 = Account("bea", 1)
p2 = weakref.proxy(acct2, gone)
print(p2 is not weakref.proxy(acct2))
del acct2

print("-- after the referent dies")
del acct
for attempt in (lambda: p.owner, lambda: str(p), lambda: p + 1, lambda: len(p)):
    try:
        attempt()
    except ReferenceError as e:
        print("ReferenceError:", e)
print(" to NoneType at 0x" in repr(p), r())
