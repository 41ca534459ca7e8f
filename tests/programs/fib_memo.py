# Fibonacci: naive recursion vs memoised recursion with a global dict, global call counters, big results
MEMO = {0: 0, 1: 1}
naive_calls = 0
memo_calls = 0


def fib_naive(n):
    global naive_calls
    naive_calls += 1
    if n < 2:
        return n
    return fib_naive(n - 1) + fib_naive(n - 2)


def fib_memo(n):
    global memo_calls
    memo_calls += 1
    if n in MEMO:
        return MEMO[n]
    result = fib_memo(n - 1) + fib_memo(n - 2)
    MEMO[n] = result
    return result


def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print("First 20 Fibonacci numbers:")
print([fib_memo(i) for i in range(20)])

for n in (10, 15, 20):
    naive_calls = 0
    value = fib_naive(n)
    print(f"fib_naive({n}) = {value:>5} using {naive_calls:>6,} calls")

memo_calls = 0
MEMO = {0: 0, 1: 1}
big = fib_memo(150)
print(f"fib_memo(150) = {big} using {memo_calls} calls")
print("memo now holds", len(MEMO), "entries")
memo_calls = 0
again = fib_memo(150)
print("second lookup used", memo_calls, "call(s), same value:", again == big)

print()
for n in (50, 90, 100, 200):
    assert fib_iter(n) == fib_memo(n), n
    print(f"F({n}) has {len(str(fib_iter(n)))} digits: {fib_iter(n)}")

# Ratio of consecutive terms converges to the golden ratio
golden = (1 + 5 ** 0.5) / 2
print()
for n in (5, 10, 20, 40):
    ratio = fib_memo(n + 1) / fib_memo(n)
    print(f"F({n + 1})/F({n}) = {ratio:.12f}  error {abs(ratio - golden):.3e}")

# Even-valued terms below four million
total = 0
a, b = 1, 2
while a < 4000000:
    if a % 2 == 0:
        total += a
    a, b = b, a + b
print("Sum of even terms below 4,000,000:", total)
print("Index of the first term with 100 digits:", end=" ")
i = 1
while len(str(fib_iter(i))) < 100:
    i += 1
print(i)
