# Private name mangling: __names inside a class body become _Class__name (attributes,
# class variables, methods, closures), as CPython compiles them.
class Account:
    __count = 0
    def __init__(self, owner, balance):
        self.owner = owner
        self.__balance = balance
        Account.__count += 1
    def __audit(self):
        return f"{self.owner}: {self.__balance}"
    def report(self):
        return self.__audit()
    @classmethod
    def count(cls):
        return cls.__count
    def closure(self):
        __local = 5
        def inner():
            return __local + self.__balance
        return inner()
a = Account("ann", 10)
print(a.report(), Account.count(), a.closure())
print(sorted(k for k in vars(a)), a._Account__balance)
try:
    a.__balance
except AttributeError as e:
    print(e)
class __Hidden:
    def get(self):
        self.__v = 1
        return vars(self)
print(__Hidden().get())
class B(Account):
    def peek(self):
        try:
            return self.__balance
        except AttributeError as e:
            return str(e)
print(B("bob", 3).peek())
print(Account.report.__name__, Account._Account__audit.__qualname__)
