# Function calling conventions: defaults, keyword arguments, *args, recursion, lambdas as keys, global state, early return
call_log = []


def greet(name, greeting="Hello", punctuation="!"):
    return f"{greeting}, {name}{punctuation}"


def total(*numbers):
    call_log.append(len(numbers))
    result = 0
    for n in numbers:
        result += n
    return result


def describe(label, *values, sep=", ", limit=3):
    shown = [str(v) for v in values[:limit]]
    if len(values) > limit:
        shown.append(f"... (+{len(values) - limit} more)")
    return f"{label}: {sep.join(shown)}"


def power(base, exponent=2):
    if exponent == 0:
        return 1
    if exponent % 2 == 0:
        half = power(base, exponent // 2)
        return half * half
    return base * power(base, exponent - 1)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def flatten(items, depth=0):
    result = []
    for item in items:
        if isinstance(item, list):
            result.extend(flatten(item, depth + 1))
        else:
            result.append((item, depth))
    return result


def find_first(values, predicate):
    for index, value in enumerate(values):
        if predicate(value):
            return index, value
    return None


print(greet("Ada"))
print(greet("Grace", "Good morning"))
print(greet("Linus", punctuation="?"))
print(greet(greeting="Hi", name="Guido"))
print(greet("Barbara", "Welcome", "."))

print()
print(total(), total(5), total(1, 2, 3), total(*[10, 20, 30, 40]), total(*range(101)))
print("argument counts seen by total():", call_log)
print(describe("primes", 2, 3, 5, 7, 11, 13))
print(describe("colours", "red", "green", sep=" & "))
print(describe("digits", *range(10), limit=5, sep=""))
print(describe("nothing"))

print()
print("power(3) =", power(3), " power(2, 10) =", power(2, 10), " power(exponent=5, base=3) =", power(exponent=5, base=3))
print("power(7, 77) =", power(7, 77))
print("ackermann(2, 3) =", ackermann(2, 3), " ackermann(3, 3) =", ackermann(3, 3))
print("flatten:", flatten([1, [2, 3, [4, [5]]], 6, [[7]]]))

square = lambda x: x * x
print()
print("lambda square(12) =", square(12), " sorted by last char:", sorted(["abc", "xya", "mmb"], key=lambda s: s[-1]))
print("find_first even > 10:", find_first([3, 8, 13, 14, 20], lambda v: v % 2 == 0 and v > 10))
print("find_first negative:", find_first([1, 2, 3], lambda v: v < 0))
scores = {"ann": 71, "bob": 93, "cid": 85}
print("best:", max(scores, key=lambda k: scores[k]), " worst:", min(scores.items(), key=lambda kv: kv[1]))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b, "pow": power}
print("dispatch:", [ops[name](3, 4) for name in ["add", "mul", "pow"]])
try:
    greet()
except TypeError as err:
    print("TypeError:", err)
try:
    power(2, 3, 4)
except TypeError as err:
    print("TypeError:", err)
try:
    greet("x", nickname="y")
except TypeError as err:
    print("TypeError:", err)
