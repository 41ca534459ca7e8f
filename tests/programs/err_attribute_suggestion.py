# AttributeError with the 'Did you mean' hint from dir(obj); vars() and dir() of an instance.
class Account:
    def __init__(self):
        self.balance = 10
        self.owner = "ann"
    def deposit(self, x):
        self.balance += x
a = Account()
print(sorted(vars(a)), [n for n in dir(a) if not n.startswith("_")])
a.deposit(5)
print(a.balanse)
