# Bit tricks, exact float ratios and numeric protocols: a small toolkit that
# leans on int/float methods and on classes implementing __round__,
# __floor__, __divmod__ and three-argument __pow__.
import math


def describe_int(n):
    return (f"{n:>6} bits={n.bit_length():<3} ones={n.bit_count():<3} "
            f"hex={hex(n):<8} ratio={n.as_integer_ratio()}")


for n in (0, 1, 255, -255, 1 << 40, 12345):
    print(describe_int(n))
print((2**100 - 1).bit_count(), (-(2**70)).bit_length(), True.bit_length())
print(True.real, True.imag, True.numerator, True.denominator, (7).conjugate(), type(True.real).__name__)


def describe_float(x):
    num, den = x.as_integer_ratio()
    return f"{x!r:>24} integer={x.is_integer()!s:<5} ratio={num}/{den} hex={x.hex()}"


for x in (0.0, -0.0, 0.5, 0.1, -2.75, 3.0, 1e22):
    print(describe_float(x))
for tiny in (5e-324, 2.0 ** -1030):
    num, den = tiny.as_integer_ratio()
    print(tiny.hex(), num, den.bit_length(), den == 2 ** (den.bit_length() - 1))
for bad in (float("inf"), float("nan")):
    try:
        bad.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(float("inf").hex(), float("-inf").is_integer(), (2.5).real, (2.5).imag, (2.5).conjugate())
print((2.5).__round__(), (2.675).__round__(2), (1234).__round__(-2), (-7.5).__floor__(), (-7.5).__ceil__(),
      (9.99).__trunc__(), (3).__float__(), (12).__index__())

# int() of bytes, like reading numbers out of a binary header.
header = b"0042 ff 0x1f 7"
fields = header.split()
print(int(fields[0]), int(fields[1], 16), int(fields[2], 0), int(bytearray(fields[3])))
for raw in (b"4x", b"", bytearray(b"12 3")):
    try:
        int(raw)
    except ValueError as e:
        print(e)


class Money:
    """Amounts in cents; rounding and division follow the numeric protocols."""

    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __round__(self, ndigits=None):
        step = 100 if ndigits is None else 10 ** max(0, 2 - ndigits)
        return Money(round(self.cents / step) * step)

    def __floor__(self):
        return Money(self.cents // 100 * 100)

    def __divmod__(self, parts):
        q, r = divmod(self.cents, parts)
        return Money(q), Money(r)

    def __rdivmod__(self, other):
        return NotImplemented

    def __pow__(self, exp, mod=None):
        v = self.cents ** exp
        return Money(v if mod is None else v % mod)


m = Money(12345)
print(round(m), round(m, 1), math.floor(m), divmod(m, 4), pow(m, 2, 1000), m ** 2)
for bad in (lambda: divmod(4, m), lambda: divmod(1.0, 0), lambda: divmod(-7.5, 0.0)):
    try:
        bad()
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)


class Grade(int):
    def __round__(self, ndigits=None):
        return Grade(super().__round__(-1 if ndigits is None else ndigits))


print(round(Grade(87)), round(Grade(87), -1), type(round(Grade(87))).__name__, divmod(7.5, 2))
