# Big-int number crunching: factorials, digit sums, powers of two, Collatz, divmod/floor division/bit ops on huge ints
def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result


def digit_sum(n):
    total = 0
    for ch in str(n):
        total += int(ch)
    return total


def trailing_zeros(n):
    count = 0
    while n % 10 == 0:
        n //= 10
        count += 1
    return count


f100 = factorial(100)
print("100! =", f100)
print("digits:", len(str(f100)), "digit sum:", digit_sum(f100), "trailing zeros:", trailing_zeros(f100))
print("500! has", len(str(factorial(500))), "digits")

p200 = 2 ** 200
print()
print("2**200 =", p200)
print("2**1000 digit sum:", digit_sum(2 ** 1000))
print("2**64 - 1 =", 2 ** 64 - 1, "=", (1 << 64) - 1 == 2 ** 64 - 1)
print("bit length of 2**200 by shifting:", end=" ")
n, bits = p200, 0
while n:
    n >>= 1
    bits += 1
print(bits)

print()
big = 3 ** 100
q, r = divmod(big, 10 ** 20)
print("3**100 =", big)
print("divmod by 10**20 ->", q, r)
print("q * 10**20 + r == 3**100:", q * 10 ** 20 + r == big)
print("-(3**100) // 7 =", -big // 7, " -(3**100) % 7 =", -big % 7)
print("abs(-(2**100)) =", abs(-(2 ** 100)))
print("3**100 & (2**80 - 1) =", big & (2 ** 80 - 1))
print("(2**100 | 5) ^ 3 =", (2 ** 100 | 5) ^ 3)
print("~(2**70) =", ~(2 ** 70))
print("10**30 > 2**99:", 10 ** 30 > 2 ** 99, " 10**30 == 1000**10:", 10 ** 30 == 1000 ** 10)


def collatz_length(n, cache):
    steps = 0
    start = n
    path = []
    while n != 1 and n not in cache:
        path.append(n)
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    base = cache.get(n, 0)
    for i, value in enumerate(path):
        cache[value] = base + len(path) - i
    return cache[start] if start != 1 else 0


cache = {}
best, best_len = 1, 0
for start in range(1, 3000):
    length = collatz_length(start, cache)
    if length > best_len:
        best, best_len = start, length
print()
print("Longest Collatz chain below 3000 starts at", best, "with", best_len, "steps")
print("Collatz steps for 27:", collatz_length(27, cache))

# Fibonacci(300) and modular exponentiation by squaring
a, b = 0, 1
for _ in range(300):
    a, b = b, a + b
print()
print("F(300) =", a)
print("F(300) mod (10**9 + 7) =", a % (10 ** 9 + 7))


def power_mod(base, exp, mod):
    result = 1
    base %= mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


print("7**(10**18) mod (10**9 + 7) =", power_mod(7, 10 ** 18, 10 ** 9 + 7))
print("2**(2**10) mod 3**40 =", power_mod(2, 2 ** 10, 3 ** 40), "check:", 2 ** 1024 % 3 ** 40)
