# Control flow: while/else, for/else, break/continue in nested loops, early returns, global counters, chained ifs
steps = 0


def tick():
    global steps
    steps += 1


def classify(n):
    tick()
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0 and n > 100:
        return "big even"
    elif n % 2 == 0:
        return "even"
    elif n > 100:
        return "big odd"
    return "odd"


print([classify(n) for n in [-5, 0, 4, 7, 150, 151]])

print("primes via for/else:", end=" ")
for n in range(2, 40):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()

target = 37
guesses = [50, 25, 37, 12]
for i, guess in enumerate(guesses):
    if guess == target:
        print(f"found {target} on guess {i + 1}")
        break
    print(f"guess {guess} is too {'high' if guess > target else 'low'}")
else:
    print("never found")

n = 27
count = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    count += 1
    if count > 1000:
        print("gave up")
        break
else:
    print("collatz(27) reached 1 after", count, "steps")

balance = 100
month = 0
while balance > 0:
    month += 1
    if month % 4 == 0:
        continue
    balance -= 30
else:
    print(f"balance exhausted in month {month}, ending at {balance}")

print("multiplication table without the diagonal:")
for row in range(1, 6):
    cells = []
    for col in range(1, 6):
        if col == row:
            cells.append("  .")
            continue
        if row * col > 16:
            cells.append("  >")
            break
        cells.append(f"{row * col:>3}")
    print("".join(cells))

found = None
for a in range(1, 30):
    for b in range(a, 30):
        c2 = a * a + b * b
        c = int(c2 ** 0.5)
        if c * c == c2 and a + b + c == 24:
            found = (a, b, c)
            break
    if found:
        break
print("pythagorean triple with perimeter 24:", found)

total = 0
i = 0
while True:
    i += 1
    if i % 3 == 0:
        continue
    if i > 20:
        break
    total += i
print("sum of 1..20 skipping multiples of 3:", total)
x = 7
label = "small" if x < 5 else "medium" if x < 10 else "large"
print("conditional expression chain:", label, "| not/and/or:", not x, x and "truthy", 0 or "fallback", None or 0 or [])
print("classify() was called", steps, "times")
