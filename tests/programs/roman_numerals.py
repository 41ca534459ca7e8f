# Roman numerals both ways: greedy table conversion, validated parsing with ValueError, full 1..3999 round trip
TABLE = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
    (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n):
    if not isinstance(n, int):
        raise TypeError(f"expected int, got {type(n)}")
    if n <= 0 or n >= 4000:
        raise ValueError(f"{n} is out of range (1..3999)")
    parts = []
    for value, symbol in TABLE:
        count, n = divmod(n, value)
        parts.append(symbol * count)
    return "".join(parts)


def from_roman(text):
    text = text.strip().upper()
    if text == "":
        raise ValueError("empty numeral")
    total = 0
    for i in range(len(text)):
        ch = text[i]
        if ch not in VALUES:
            raise ValueError(f"invalid numeral character {ch!r} in {text!r}")
        value = VALUES[ch]
        if i + 1 < len(text) and VALUES.get(text[i + 1], 0) > value:
            total -= value
        else:
            total += value
    if to_roman(total) != text:
        raise ValueError(f"{text!r} is not in canonical form (did you mean {to_roman(total)!r}?)")
    return total


print(f"{'n':>5}  {'roman':<16}{'len':>3}")
for n in [1, 4, 9, 14, 40, 90, 400, 1666, 1987, 1994, 2024, 3888, 3999]:
    print(f"{n:>5}  {to_roman(n):<16}{len(to_roman(n)):>3}")

print()
mismatches = 0
longest = ""
for n in range(1, 4000):
    r = to_roman(n)
    if from_roman(r) != n:
        mismatches += 1
    if len(r) > len(longest):
        longest = r
print("Round trip 1..3999 mismatches:", mismatches)
print("Longest numeral:", longest, "=", from_roman(longest), f"({len(longest)} chars)")

print()
for text in ["xlii", " MCMXCIV ", "MMXXV", "IIII", "IC", "ABC", "", "MMMM"]:
    try:
        print(f"from_roman({text!r}) = {from_roman(text)}")
    except ValueError as err:
        print(f"from_roman({text!r}) -> ValueError: {err}")

for bad in [0, 4000, -7, 2.5]:
    try:
        to_roman(bad)
    except (ValueError, TypeError) as err:
        print(f"to_roman({bad!r}) rejected: {err}")

year_sum = from_roman("MCMLXXXIV") + from_roman("XVI")
print()
print("MCMLXXXIV + XVI =", to_roman(year_sum), f"({year_sum})")
counts = {}
for n in range(1, 101):
    for ch in to_roman(n):
        counts[ch] = counts.get(ch, 0) + 1
print("Symbol usage writing 1..100:", counts)
