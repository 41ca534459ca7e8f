# Context managers (enter/exit, suppression, return/break/continue through with) and value-object dunders.
class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.suppress

with Ctx("a") as c:
    print("inside", c.name)
with Ctx("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
def f():
    with Ctx("c"):
        return "returned"
print(f())
for i in range(3):
    with Ctx(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
with Ctx("x") as x, Ctx("y") as y:
    print(x.name, y.name)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return f"${self.cents / 100:.2f}"
    def __repr__(self):
        return f"Money({self.cents})"
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
    def __lt__(self, other):
        return self.cents < other.cents
m = [Money(500), Money(125), Money(999)]
print(m, str(m[0]), sorted(m), max(m), {Money(1): "one"}[Money(1)], Money(3) in {Money(3)})
print(f"{m[0]}", "%s" % m[1], format(m[2]))
class InsufficientFunds(Exception):
    pass
def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(f"need {amount - balance} more")
    return balance - amount
print(withdraw(10, 5))
with Ctx("z"):
    withdraw(1, 5)
