# Binary search: iterative and recursive search, bisect-left insertion points, comparison counts, integer sqrt of big ints
comparisons = 0


def search_iterative(items, target):
    global comparisons
    lo, hi = 0, len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        comparisons += 1
        if items[mid] == target:
            return mid
        elif items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def search_recursive(items, target, lo=0, hi=None):
    if hi is None:
        hi = len(items) - 1
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if items[mid] == target:
        return mid
    if items[mid] < target:
        return search_recursive(items, target, mid + 1, hi)
    return search_recursive(items, target, lo, mid - 1)


def bisect_left(items, target):
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def isqrt(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo


squares = [i * i for i in range(1, 1001)]
print("Searching in", len(squares), "squares")
for target in [1, 144, 999 * 999, 1000000, 500, 0, 1000001]:
    comparisons = 0
    index = search_iterative(squares, target)
    same = index == search_recursive(squares, target)
    print(f"  {target:>8}: index {index:>4}, {comparisons:>2} comparisons, recursive agrees: {same}")

words = sorted("pear fig apple kiwi banana cherry grape lemon mango date".split())
print()
print("Sorted words:", words)
for w in ["apple", "coconut", "zucchini", "aardvark", "mango"]:
    pos = bisect_left(words, w)
    found = pos < len(words) and words[pos] == w
    print(f"  {w!r:<12} insertion point {pos}, present={found}")

data = [1, 3, 3, 3, 5, 8, 8, 13]
print()
print("Leftmost positions in", data)
print("  ", [(x, bisect_left(data, x)) for x in range(0, 15, 2)])
copy = data[:]
for x in [4, 0, 20, 8]:
    copy.insert(bisect_left(copy, x), x)
print("   after sorted inserts:", copy)

print()
for n in [0, 1, 15, 16, 10 ** 10, 2 ** 100, 10 ** 40 + 12345]:
    r = isqrt(n)
    assert r * r <= n < (r + 1) * (r + 1)
    print(f"  isqrt({n}) = {r}")
