# Prime sieve of Eratosthenes: list of bools, slice assignment with steps, counting, twin primes, Goldbach
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            is_prime[p * p::p] = [False] * ((limit - p * p) // p + 1)
        p += 1
    return [i for i in range(limit + 1) if is_prime[i]], is_prime


primes, flags = sieve(10000)

print("Primes below 200:")
small = [p for p in primes if p < 200]
for start in range(0, len(small), 10):
    print("".join([f"{p:>5}" for p in small[start:start + 10]]))

print()
print("Prime counts pi(n):")
for exponent in range(1, 5):
    n = 10 ** exponent
    count = 0
    for p in primes:
        if p > n:
            break
        count += 1
    print(f"  pi({n:>6,}) = {count}")

twins = []
for i in range(len(primes) - 1):
    if primes[i + 1] - primes[i] == 2:
        twins.append((primes[i], primes[i + 1]))
print()
print("Twin prime pairs below 10000:", len(twins))
print("First five:", twins[:5])
print("Last three:", twins[-3:])


def goldbach(n):
    for p in primes:
        if p > n // 2:
            break
        if flags[n - p]:
            return p, n - p
    return None


print()
print("Goldbach decompositions:")
for n in range(4, 41, 6):
    a, b = goldbach(n)
    print(f"  {n} = {a} + {b}")

gaps = {}
for i in range(len(primes) - 1):
    gap = primes[i + 1] - primes[i]
    gaps[gap] = gaps.get(gap, 0) + 1
largest_gap = max(gaps)
print()
print("Largest gap below 10000:", largest_gap, "occurs", gaps[largest_gap], "time(s)")
print("Most common gap:", max(gaps.items(), key=lambda kv: kv[1]))
print("Sum of primes below 2000:", sum([p for p in primes if p < 2000]))
print("Is 9973 prime?", flags[9973], "Is 9999 prime?", flags[9999])
