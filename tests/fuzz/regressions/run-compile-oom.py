# Geometry and statistics with the math module: polygons, triangles, circles, vectors,
# descriptive statistics (mean, variance, stdev via fsum), angles and a bit of trigonometry.
import math
from math import pi, sqrt, hypot, atan2, degrees, radians, isclose


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __sub__(self, other):
        return Point(self.x - other.x, self.y - other.y)

    def norm(self):
        return hypot(self.x, self.y)

    def angle(self):
        return degrees(atan2(self.y, self.x))

    def __repr__(self):
        return f"Point({self.x:g}, {self.y:g})"


def polygon_area(points):
    total = 0.0
    for i in range(len(points)):
        a, b = points[i], points[(i + 1) % len(points)]
        total += a.x * b.y - b.x * a.y
    return abs(total) / 2


def perimeter(points):
    return math.fsum(math.dist((a.x, a.y), (b.x, b.y))
                     for a, b in zip(points, points[1:] + points[:1]))


def heron(a, b, c):
    s = (a + b + c) / 2
    return sqrt(s * (s - a) * (s - b) * (s - c))


def law_of_cosines_angle(a, b, c):
    return degrees(math.acos((a * a + b * b - c * c) / (2 * a * b)))


square = [Point(0, 0), Point(4, 0), Point(4, 4), Point(0, 4)]
hexagon = [Point(math.cos(radians(60 * k)), math.sin(radians(60 * k))) for k in range(6)]
print("square area", polygon_area(square), "perimeter", perimeter(square))
print("hexagon area", round(polygon_area(hexagon), 12), "exact", 3 * sqrt(3) / 2)
print("hexagon perimeter", perimeter(hexagon), isclose(perimeter(hexagon), 6))
print("triangle 3-4-5 area", heron(3, 4, 5), [round(law_of_cosines_angle(*t), 9)
                                               for t in ((3, 4, 5), (4, 5, 3), (5, 3, 4))])
print("circle r=2.5:ÿÿÿÿÿÿÿ? area", pi * 2.5 ** 2, "circumference", math.tau * 2.5)
for p in [Point(1, 1), Point(-3, 4), Point(0, -2), Point(-1, -1e-300)]:
    print(p, "norm", p.norm(), "angle", p.angle())
print("3d diagonal", hypot(1, 2, 2), "4d", hypot(1, 1, 1, 1), "dist", math.dist((1, 2, 3), (4, 6, 3)))

# Statistics
data = [2.5, 3.1, 4.7, 1.2, 9.8, 5.5, 3.3, 7.1, 0.4, 6.6]
n = len(data)
mean = math.fsum(data) / n
var = math.fsum((x - mean) ** 2 for x in data) / (n - 1)
print("n", n, "mean", mean, "variance", var, "stdev", sqrt(var))
print("geometric mean", math.prod(data) ** (1 / n), "via logs", math.exp(math.fsum(map(math.log, data)) / n))
print("sum vs fsum", sum([0.1] * 10), math.fsum([0.1] * 10))
s = sorted(data)
print("median", (s[n // 2 - 1] + s[n // 2]) / 2, "range", s[-1] - s[0])
print("floor/ceil/trunc", [(math.floor(x), math.ceil(x), math.trunc(-x)) for x in (2.5, -0.5, 7.0)])
print("modf", math.modf(3.75), math.modf(-2.5), "frexp", math.frexp(48.0), math.ldexp(0.75, 6))

# Compound interest and logarithms
for years in (1, 10, 30):
    print(years, "years:", round(1000 * math.pow(1.05, years), 2), "continuous:", round(1000 * math.exp(0.05 * years), 2))
print("doubling time", math.log(2) / math.log(1.05), math.log(1024, 2), math.log2(1024), math.log10(0.001))
print("combinatorics", math.comb(52, 5), math.perm(10, 3), math.factorial(20), math.gcd(462, 1071), math.lcm(4, 6, 10))
print("isqrt", math.isqrt(10 ** 40 + 12345), math.isqrt(99), "copysign", math.copysign(3, -0.0))
print("trig", math.sin(pi / 6), math.cos(pi / 3), math.tan(pi / 4), math.asin(1), math.atan(1) * 4)
print("hyperbolic", math.sinh(1), math.cosh(1), math.tanh(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5))
print("remainder", math.remainder(10, 3), math.remainder(11, 3), math.fmod(-10, 3), -10 % 3)
print("consts", math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
