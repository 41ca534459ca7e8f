# Pascal's triangle: building rows from the previous row, centred printing with f-string ^, binomials, Sierpinski pattern
def next_row(row):
    return [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]


def triangle(n):
    rows = [[1]]
    while len(rows) < n:
        rows.append(next_row(rows[-1]))
    return rows


def binomial(n, k):
    if k < 0 or k > n:
        return 0
    k = min(k, n - k)
    result = 1
    for i in range(1, k + 1):
        result = result * (n - k + i) // i
    return result


rows = triangle(12)
print("Pascal's triangle, 12 rows:")
for row in rows:
    text = "".join([f"{x:^4}" for x in row])
    padding = " " * (2 * (len(rows) - len(row)))
    print((padding + text).rstrip())

print()
print("Row sums are powers of two:", [sum(r) for r in rows])
print("All sums match 2**n:", [sum(r) for r in rows] == [2 ** n for n in range(12)])
print("Diagonal 2 (triangular numbers):", [r[2] for r in rows if len(r) > 2])
print("Fibonacci from shallow diagonals:", [sum([rows[n - k][k] for k in range(n // 2 + 1)]) for n in range(12)])

big = triangle(61)[-1]
print()
print("C(60, 30) =", big[30], "binomial agrees:", big[30] == binomial(60, 30))
print("C(100, 50) =", binomial(100, 50))
print("C(10, k) for k=-1..11:", [binomial(10, k) for k in range(-1, 12)])

print()
print("Sierpinski pattern (odd entries) for 16 rows:")
for row in triangle(16):
    line = " ".join(["*" if x % 2 else " " for x in row])
    print(f"{line:^32}".rstrip())

counts = {}
for row in triangle(32):
    odd = len([x for x in row if x % 2 == 1])
    counts[odd] = counts.get(odd, 0) + 1
print()
print("How many rows (of 32) have k odd entries:", sorted(counts.items()))
largest = max(triangle(20)[-1])
print("Largest entry in row 19:", largest, "at positions", [i for i, x in enumerate(triangle(20)[-1]) if x == largest])
