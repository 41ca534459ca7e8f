# Closures, nonlocal and global, lambdas capturing loop variables, nested comprehensions.
counter_total = 0


def make_accumulator(start):
    total = start

    def add(amount):
        nonlocal total
        total += amount
        return total

    return add


acc = make_accumulator(10)
print([acc(x) for x in (1, 2, 3)])


def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]


print([m(10) for m in make_multipliers()])


def late_binding():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]


print("late binding:", late_binding())


def bump_global(n):
    global counter_total
    for _ in range(n):
        counter_total += 1
    return counter_total


print("global:", bump_global(5), bump_global(2))

matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print("matrix:", matrix)
print("transpose:", [[row[c] for row in matrix] for c in range(3)])
print("flatten odd:", [v for row in matrix for v in row if v % 2])
print("dict comp:", {k: v * v for k, v in zip("abc", range(1, 4))})
print("set comp sorted:", sorted({n % 4 for n in range(20)}))


def outer():
    x = "outer"

    def middle():
        def inner():
            return x.upper()

        return inner()

    return middle()


print(outer())


def fib_memo():
    memo = {0: 0, 1: 1}

    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]

    return fib


print("fib(90) =", fib_memo()(90))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print("composed:", inc_then_double(5))
print("sorted by key:", sorted(["pear", "fig", "banana", "kiwi"], key=lambda s: (len(s), s)))


def finally_order():
    log = []
    for i in range(3):
        try:
            if i == 1:
                continue
            log.append(f"body {i}")
        finally:
            log.append(f"finally {i}")
    try:
        return log
    finally:
        log.append("after return value computed")


print(finally_order())
first, *middle, last = range(6)
print(first, middle, last)
(a, b), c = (1, 2), 3
print(a, b, c)
