# math edge cases and errors, as CPython reports them: domain and range errors, argument
# types and counts, big ints (exact where CPython is exact, OverflowError where it converts
# to float), special values, and classes defining __float__/__index__/__floor__/__ceil__.
import math


def show(label, f, *args, **kwargs):
    try:
        print(label, "->", repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)


class Celsius:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        return float(self.v)


class Index:
    def __index__(self):
        return 12


class Rounder:
    def __floor__(self):
        return "floor called"

    def __ceil__(self):
        return "ceil called"

    def __trunc__(self):
        return "trunc called"


class BadFloat:
    def __float__(self):
        return 1


big = 10 ** 400
show("sqrt(-1)", math.sqrt, -1)
show("sqrt('a')", math.sqrt, "a")
show("sqrt()", math.sqrt)
show("sqrt(1, 2)", math.sqrt, 1, 2)
show("sqrt(big)", math.sqrt, big)
show("log(big)", math.log, big)
show("log(big, 10)", math.log, big, 10)
show("log2(2**2000)", math.log2, 2 ** 2000)
show("log10(big)", math.log10, big)
show("log(-big)", math.log, -big)
show("log(0)", math.log, 0)
show("log(0.0)", math.log, 0.0)
show("log(1, 1)", math.log, 1, 1)
show("log()", math.log)
show("log(8, 2, 1)", math.log, 8, 2, 1)
show("exp(1000)", math.exp, 1000)
show("exp(-1000)", math.exp, -1000)
show("expm1(1e-10)", math.expm1, 1e-10)
show("log1p(-1)", math.log1p, -1)
show("pow(0, -1)", math.pow, 0, -1)
show("pow(-8, 1/3)", math.pow, -8, 1 / 3)
show("pow(10, 400)", math.pow, 10, 400)
show("pow(1, nan)", math.pow, 1, math.nan)
show("pow(nan, 0)", math.pow, math.nan, 0)
show("fmod(1, 0)", math.fmod, 1, 0)
show("fmod(5, inf)", math.fmod, 5, math.inf)
show("remainder(inf, 1)", math.remainder, math.inf, 1)
show("remainder(3, 0)", math.remainder, 3, 0)
show("sin(inf)", math.sin, math.inf)
show("asin(2)", math.asin, 2)
show("cosh(1000)", math.cosh, 1000)
show("atanh(1)", math.atanh, 1)
show("acosh(0)", math.acosh, 0)
show("atan2(1)", math.atan2, 1)
show("atan2(0.0, -0.0)", math.atan2, 0.0, -0.0)
show("ldexp(1, 10000)", math.ldexp, 1, 10000)
show("ldexp(1, -big)", math.ldexp, 1, -big)
show("ldexp(1, 2.0)", math.ldexp, 1, 2.0)
show("frexp(0.0)", math.frexp, 0.0)
show("modf(-inf)", math.modf, -math.inf)
show("floor(inf)", math.floor, math.inf)
show("ceil(nan)", math.ceil, math.nan)
show("floor(1e300)", math.floor, 1e300)
show("floor('a')", math.floor, "a")
show("trunc('a')", math.trunc, "a")
show("floor(True)", math.floor, True)
show("ceil(big)", math.ceil, big)
show("floor(Rounder())", math.floor, Rounder())
show("ceil(Rounder())", math.ceil, Rounder())
show("trunc(Rounder())", math.trunc, Rounder())
show("floor(Celsius(2.5))", math.floor, Celsius(2.5))
show("sqrt(Celsius(16))", math.sqrt, Celsius(16))
show("sqrt(Index())", math.sqrt, Index())
show("sqrt(BadFloat())", math.sqrt, BadFloat())
show("factorial(-1)", math.factorial, -1)
show("factorial(1.5)", math.factorial, 1.5)
show("factorial(10**20)", math.factorial, 10 ** 20)
show("factorial(Index())", math.factorial, Index())
show("len(str(factorial(1000)))", lambda: len(str(math.factorial(1000))))
show("gcd()", math.gcd)
show("gcd(big, 10**300 * 7)", lambda: math.gcd(big, 10 ** 300 * 7) == 10 ** 300)
show("gcd(-12, 18, 30)", math.gcd, -12, 18, 30)
show("gcd(1.5)", math.gcd, 1.5)
show("lcm()", math.lcm)
show("lcm(-4, 6)", math.lcm, -4, 6)
show("lcm(0, 5)", math.lcm, 0, 5)
show("comb(-1, 2)", math.comb, -1, 2)
show("comb(5, -1)", math.comb, 5, -1)
show("comb(5, 7)", math.comb, 5, 7)
show("comb(100, 50)", math.comb, 100, 50)
show("comb(1.0, 2)", math.comb, 1.0, 2)
show("perm(5, -1)", math.perm, 5, -1)
show("perm(6)", math.perm, 6)
show("perm(6, None)", math.perm, 6, None)
show("isqrt(-1)", math.isqrt, -1)
show("isqrt(big) == 10**200", lambda: math.isqrt(big) == 10 ** 200)
show("isqrt(big - 1)", lambda: math.isqrt(big - 1) == 10 ** 200 - 1)
show("isqrt(2.0)", math.isqrt, 2.0)
show("prod([])", math.prod, [])
show("prod(range(1, 30))", math.prod, range(1, 30))
show("prod([2, 'ab'])", math.prod, [2, "ab"])
show("prod('ab')", math.prod, "ab")
show("prod([1.5, 2], start=2)", math.prod, [1.5, 2], start=2)
show("prod([], start='x')", math.prod, [], start="x")
show("prod([1], 2)", math.prod, [1], 2)
show("fsum([1e308, 1e308])", math.fsum, [1e308, 1e308])
show("fsum([inf, -inf])", math.fsum, [math.inf, -math.inf])
show("fsum([inf, 1])", math.fsum, [math.inf, 1])
show("fsum([nan, 1])", math.fsum, [math.nan, 1])
show("fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])", math.fsum, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])
show("fsum(['a'])", math.fsum, ["a"])
show("fsum(5)", math.fsum, 5)
show("fsum([2**1100])", math.fsum, [2 ** 1100])
show("hypot()", math.hypot)
show("hypot(-3)", math.hypot, -3)
show("hypot(nan, inf)", math.hypot, math.nan, math.inf)
show("hypot(1e308, 1e308)", math.hypot, 1e308, 1e308)
show("hypot(5e-324, 5e-324)", math.hypot, 5e-324, 5e-324)
show("hypot('a')", math.hypot, "a")
show("dist([1], [1, 2])", math.dist, [1], [1, 2])
show("dist(1, 2)", math.dist, 1, 2)
show("isclose(1, 1 + 1e-10)", math.isclose, 1, 1 + 1e-10)
show("isclose(1, 1.1, rel_tol=0.1)", math.isclose, 1, 1.1, rel_tol=0.1)
show("isclose(0, 1e-10, abs_tol=1e-9)", math.isclose, 0, 1e-10, abs_tol=1e-9)
show("isclose(inf, inf)", math.isclose, math.inf, math.inf)
show("isclose(1, 2, rel_tol=-1)", math.isclose, 1, 2, rel_tol=-1)
show("isclose(1)", math.isclose, 1)
show("isclose(1, 2, 3)", math.isclose, 1, 2, 3)
show("isclose(1, 2, tol=3)", math.isclose, 1, 2, tol=3)
show("isclose(a=1, b=2)", math.isclose, a=1, b=2)
show("isclose(b=1)", math.isclose, b=1)
show("isclose(1, a=1)", math.isclose, 1, a=1)
show("prod([1], x=2)", math.prod, [1], x=2)
show("prod(iterable=[2])", math.prod, iterable=[2])
show("isnan/isinf/isfinite", lambda: [f(v) for f in (math.isnan, math.isinf, math.isfinite) for v in (math.nan, -math.inf, big // 10 ** 390)])
show("isnan(big)", math.isnan, big)
show("degrees(1e308)", math.degrees, 1e308)
show("nextafter(1, 2)", math.nextafter, 1, 2)
show("ulp(1.0)", math.ulp, 1.0)
show("copysign(1, nan)", math.copysign, 1, math.nan)
show("repr(math.sqrt)", repr, math.sqrt)
show("math.nope", lambda: math.nope)
print(math.sqrt.__name__, type(math).__name__, math.__name__)
