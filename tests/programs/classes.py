# Classes: inheritance, super(), operator and container dunders, properties, static/class methods, custom exceptions.
class Animal:
    kind = "animal"
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
    def speak(self):
        return f"{self.name} says {self.sound}"
    def __repr__(self):
        return f"Animal({self.name!r})"

class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []
    def add(self, t):
        self.tricks.append(t)
        return self
    def speak(self):
        return super().speak() + "!"

d = Dog("rex")
d.add("sit").add("roll")
print(d.speak(), d.tricks, d, Dog.kind, isinstance(d, Animal), type(d).__name__)
print(Dog.__mro__)

class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __len__(self):
        return 2
    def __iter__(self):
        return iter((self.x, self.y))
    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    @staticmethod
    def zero():
        return V(0, 0)
    @classmethod
    def unit(cls):
        return cls(1, 0)

a = V(1, 2) + V(3, 4)
print(a, a * 2, 3 * a, a == V(4, 6), a != V(0, 0), len(a), list(a), a.norm2, V.zero(), V.unit())
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)

class MyError(ValueError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

try:
    raise MyError(42, "bad thing")
except ValueError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))

class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def __len__(self):
        return len(self._items)
    def __bool__(self):
        return bool(self._items)
    def __contains__(self, x):
        return x in self._items
    def __getitem__(self, i):
        return self._items[i]

s = Stack()
s.push(1); s.push(2)
print(len(s), bool(s), 2 in s, s[0], s.pop(), s.pop(), bool(s))
try:
    s.pop()
except IndexError as e:
    print("caught", e)
try:
    s.missing
except AttributeError as e:
    print(e)
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
for _ in range(3): Counter()
print(Counter.count)
class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v * 2
p = P(); p.x = 5; print(p.x)
class Node:
    def __init__(self, v, nxt=None):
        self.v = v; self.nxt = nxt
    def __lt__(self, other):
        return self.v < other.v
print([n.v for n in sorted([Node(3), Node(1), Node(2)])])
print(Node(1) < Node(2), Node(3) > Node(2))
