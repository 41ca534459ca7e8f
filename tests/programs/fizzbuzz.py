# FizzBuzz: for/range, %, if/elif/else chains, string building, rule tables and a dict of counts
def fizzbuzz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    else:
        return str(n)


def fizzbuzz_rules(n, rules):
    out = ""
    for divisor, word in rules:
        if n % divisor == 0:
            out += word
    return out or str(n)


print("Classic FizzBuzz 1..20:")
print(", ".join([fizzbuzz(i) for i in range(1, 21)]))

counts = {"Fizz": 0, "Buzz": 0, "FizzBuzz": 0, "number": 0}
for i in range(1, 101):
    word = fizzbuzz(i)
    if word.isdigit():
        counts["number"] += 1
    else:
        counts[word] += 1
print()
print("Counts for 1..100:")
for key, value in counts.items():
    print(f"  {key:<9}{value:>4}")
print("  total   ", sum(counts.values()))

rules = [(3, "Fizz"), (5, "Buzz"), (7, "Bazz")]
print()
print("Extended rules", rules)
line = []
for i in range(95, 111):
    line.append(f"{i}:{fizzbuzz_rules(i, rules)}")
    if len(line) == 4:
        print("  " + "  ".join([f"{cell:<14}" for cell in line]).rstrip())
        line = []

# The first number that is divisible by all three rules
n = 1
while fizzbuzz_rules(n, rules) != "FizzBuzzBazz":
    n += 1
print("First FizzBuzzBazz:", n)

# A while loop with continue that skips every plain number
i = 0
words = []
while i < 30:
    i += 1
    w = fizzbuzz(i)
    if w == str(i):
        continue
    words.append(w[0])
print("Initials of non-numbers up to 30:", "".join(words))
