# Number theory: Euclid's gcd (recursive and iterative), lcm of 1..20, prime factorisation, divisors, extended Euclid
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)


def gcd_iter(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


def lcm(a, b):
    return a // gcd(a, b) * b


def factorise(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors


def format_factors(factors):
    parts = []
    for p, e in factors.items():
        parts.append(str(p) if e == 1 else f"{p}^{e}")
    return " * ".join(parts)


def divisor_count(n):
    count = 1
    for e in factorise(n).values():
        count *= e + 1
    return count


def extended_gcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = extended_gcd(b, a % b)
    return g, y, x - (a // b) * y


def mod_inverse(a, m):
    g, x, _ = extended_gcd(a, m)
    if g != 1:
        raise ValueError(f"{a} has no inverse modulo {m} (gcd is {g})")
    return x % m


pairs = [(48, 18), (1071, 462), (17, 5), (0, 9), (2 ** 40, 6 ** 20), (-84, 36)]
for a, b in pairs:
    print(f"gcd({a}, {b}) = {gcd_iter(a, b)}", "(recursive agrees)" if gcd(abs(a), abs(b)) == gcd_iter(a, b) else "MISMATCH")

result = 1
for k in range(1, 21):
    result = lcm(result, k)
print()
print("lcm(1..20) =", result)
print("lcm(1..20) factorised:", format_factors(factorise(result)))

print()
for n in [360, 97, 1001, 65536, 600851475143, 2 ** 31 - 1, 9999999967 * 3]:
    print(f"{n:>14,} = {format_factors(factorise(n))}")

best = max(range(1, 1001), key=divisor_count)
print()
print("Most divisors below 1000:", best, "with", divisor_count(best))
for n in [6, 28, 496, 8128, 100]:
    divisors = [d for d in range(1, n) if n % d == 0]
    print(f"{n} is {'perfect' if sum(divisors) == n else 'not perfect'}: proper divisors sum to {sum(divisors)}")

print()
g, x, y = extended_gcd(240, 46)
print(f"extended_gcd(240, 46) = {g}; 240*{x} + 46*{y} = {240 * x + 46 * y}")
for a, m in [(3, 11), (10, 17), (7, 1000000007), (6, 9)]:
    try:
        inv = mod_inverse(a, m)
        print(f"inverse of {a} mod {m} is {inv}; check {a * inv % m}")
    except ValueError as err:
        print("error:", err)
