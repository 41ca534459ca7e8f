# Run-length compression: pack/unpack strings with digit parsing, tuple runs over lists, round trips and ratios
def encode(text):
    if not text:
        return ""
    out = []
    current = text[0]
    count = 1
    for ch in text[1:]:
        if ch == current:
            count += 1
        else:
            out.append(f"{count}{current}")
            current = ch
            count = 1
    out.append(f"{count}{current}")
    return "".join(out)


def decode(encoded):
    result = ""
    number = ""
    for ch in encoded:
        if ch.isdigit():
            number += ch
        else:
            if number == "":
                raise ValueError(f"missing count before {ch!r}")
            result += ch * int(number)
            number = ""
    if number:
        raise ValueError(f"dangling count {number!r} at end of input")
    return result


def runs(values):
    result = []
    for value in values:
        if result and result[-1][0] == value:
            result[-1] = (value, result[-1][1] + 1)
        else:
            result.append((value, 1))
    return result


def expand(pairs):
    out = []
    for value, count in pairs:
        out.extend([value] * count)
    return out


samples = [
    "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW",
    "aaabccddddde",
    "abcdef",
    "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
    "",
    "  ..  ",
]
for text in samples:
    packed = encode(text)
    ratio = len(packed) / len(text) if text else 0.0
    ok = decode(packed) == text
    print(f"{len(text):>3} chars -> {packed!r:<32} ratio {ratio:5.2f} round-trip {ok}")

print()
for bad in ["3a2", "a3b", "12x0y4z"]:
    try:
        print(f"decode({bad!r}) = {decode(bad)!r}")
    except ValueError as err:
        print(f"decode({bad!r}) failed: {err}")

readings = [0, 0, 0, 5, 5, 0, 7, 7, 7, 7, 7, 7, 1, 0, 0]
pairs = runs(readings)
print()
print("sensor runs:", pairs)
print("expanded matches:", expand(pairs) == readings)
longest = max(pairs, key=lambda p: p[1])
print("longest run:", longest[1], "x", longest[0])
print("distinct runs of zero:", len([p for p in pairs if p[0] == 0]))

image = [
    "..####..",
    ".#....#.",
    "#.#..#.#",
    "#......#",
    "#.#..#.#",
    "#..##..#",
    ".#....#.",
    "..####..",
]
print()
total_in = 0
total_out = 0
for row in image:
    packed = encode(row)
    total_in += len(row)
    total_out += len(packed)
    print(f"{row}  {packed:<16} {decode(packed) == row}")
print(f"bitmap: {total_in} chars in, {total_out} chars out")
