# Float crunching: Newton's sqrt, trapezoid/Simpson integration, compound interest with round(), float repr edge cases
def newton_sqrt(x, tolerance=1e-12):
    if x < 0:
        raise ValueError("cannot take sqrt of negative number")
    if x == 0:
        return 0.0, 0
    guess = x if x > 1 else 1.0
    steps = 0
    while True:
        steps += 1
        better = (guess + x / guess) / 2
        if abs(better - guess) < tolerance:
            return better, steps
        guess = better


print("Newton square roots:")
for x in [2, 9, 10, 0.25, 1e6, 12345.678]:
    root, steps = newton_sqrt(x)
    print(f"  sqrt({x}) = {root:.10f} in {steps} steps; x ** 0.5 = {x ** 0.5!r}")
try:
    newton_sqrt(-4)
except ValueError as err:
    print("  error:", err)


def f(x):
    return x * x * x - 2 * x + 1


def trapezoid(a, b, n):
    h = (b - a) / n
    total = (f(a) + f(b)) / 2
    for i in range(1, n):
        total += f(a + i * h)
    return total * h


def simpson(a, b, n):
    h = (b - a) / n
    total = f(a) + f(b)
    for i in range(1, n):
        weight = 4 if i % 2 == 1 else 2
        total += weight * f(a + i * h)
    return total * h / 3


exact = 0.25 * 3 ** 4 - 3 ** 2 + 3
print()
print(f"Integral of x^3 - 2x + 1 over [0, 3]; exact = {exact}")
for n in [4, 16, 64, 256]:
    t = trapezoid(0, 3, n)
    s = simpson(0, 3, n)
    print(f"  n={n:<4} trapezoid={t:<12.8f} simpson={s:.8f} err={abs(t - exact):.2e}")

print()
print("Compound interest on 10,000.00 at 3.5% p.a.:")
balance = 10000.0
for year in range(1, 11):
    balance = round(balance * 1.035, 2)
    if year % 2 == 0:
        print(f"  year {year:>2}: {balance:>12,.2f}")
monthly = 10000.0 * (1 + 0.035 / 12) ** 120
print("  monthly compounding for 10 years:", round(monthly, 2))
print("  difference:", round(monthly - balance, 4))

print()
print("Float repr and arithmetic:")
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3)
print(1 / 3, 2 / 3, 10 / 4, 7 / 7)
print(1e16, 1.5e-7, 123456789.0 * 1000, 1e22, 2.0 ** 70)
print(-7.5 // 2, -7.5 % 2, 7.5 // -2, divmod(7.25, 0.5))
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(3.14159, 3))
print(int(3.99), int(-3.99), float("3.25"), float("-0.0"), float("1e3"), int("42") + 0.5)
print(abs(-2.5), 3 * 1.1, 2 ** -1, 10 ** -2, 4 ** 0.5, 1.0 / 8)
values = [3.5, -1.25, 2.0, 0.125, 10.0]
print(sum(values), min(values), max(values), sum(values) / len(values))
print(type(1.0), type(1), type(1 / 1), type(6 // 3), type(6.0 // 3))
