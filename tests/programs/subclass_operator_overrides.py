# Operators on subclasses of int and float go through the subclass's methods, never through
# the interpreter's word-sized fast paths for exact ints and floats.


class F(float):
    def __add__(self, other):
        return "F.__add__"

    def __radd__(self, other):
        return "F.__radd__"

    def __mul__(self, other):
        return "F.__mul__"

    def __truediv__(self, other):
        return "F.__truediv__"

    def __lt__(self, other):
        return "F.__lt__"


class I(int):
    def __sub__(self, other):
        return "I.__sub__"

    def __rsub__(self, other):
        return "I.__rsub__"

    def __lt__(self, other):
        return "I.__lt__"

    def __eq__(self, other):
        return "I.__eq__"

    __hash__ = int.__hash__


f = F(1.5)
print(f + 2.0, 2.0 + f, f + 1, 1 + f)
print(f * 3.0, 3 * f, f / 2, 2.0 / f)
print(f < 2.0, 2.0 < f)
i = I(7)
print(i - 1, 1 - i, i - 2.5, 2.5 - i, i + 1, i * 2)
print(i < 3, 3 < i, i == 7, 7 == i)
x = 10
x -= i
print(x)
y = 0.5
y += f
print(y)
total = 0
for k in range(3):
    total += I(k) * 2
print(total, type(total).__name__)


# Methods the subclass does not define come from the built-in base.
class Half(float):
    def __add__(self, other):
        return "Half.__add__"


h = Half(1.5)
print(h - 1, 1 - h, h * 2, 2 * h, h ** 2, 3.0 / h, -h, h == 1.5, h < 2)


class Eqs(int):
    def __eq__(self, other):
        return "Eqs.__eq__"

    __hash__ = int.__hash__


print(Eqs(3) < Eqs(5), Eqs(3) >= 2, 9 > Eqs(4), Eqs(3) == 3, 3 == Eqs(3), Eqs(1) != 1)
print(sorted([Eqs(3), Eqs(1), Eqs(2)]), max(Eqs(2), Eqs(7)))
print(Eqs(6) // 4, 7 % Eqs(4), Eqs(2) << 3, divmod(Eqs(9), 4))
