# Matrices as nested lists: multiplication, transpose, identity, fast powers (Fibonacci), recursive determinant
def zeros(rows, cols):
    return [[0] * cols for _ in range(rows)]


def identity(n):
    m = zeros(n, n)
    for i in range(n):
        m[i][i] = 1
    return m


def transpose(m):
    return [[m[r][c] for r in range(len(m))] for c in range(len(m[0]))]


def matmul(a, b):
    if len(a[0]) != len(b):
        raise ValueError(f"shape mismatch: {len(a)}x{len(a[0])} times {len(b)}x{len(b[0])}")
    result = zeros(len(a), len(b[0]))
    for i in range(len(a)):
        for j in range(len(b[0])):
            total = 0
            for k in range(len(b)):
                total += a[i][k] * b[k][j]
            result[i][j] = total
    return result


def matpow(m, e):
    result = identity(len(m))
    while e > 0:
        if e % 2 == 1:
            result = matmul(result, m)
        m = matmul(m, m)
        e //= 2
    return result


def determinant(m):
    n = len(m)
    if n == 1:
        return m[0][0]
    if n == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    total = 0
    for col in range(n):
        minor = [row[:col] + row[col + 1:] for row in m[1:]]
        sign = 1 if col % 2 == 0 else -1
        total += sign * m[0][col] * determinant(minor)
    return total


def show(name, m):
    print(f"{name} ({len(m)}x{len(m[0])}):")
    for row in m:
        print("  [" + " ".join([f"{x:>6}" for x in row]) + " ]")


A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
show("A", A)
show("B", B)
show("A x B", matmul(A, B))
show("B x A", matmul(B, A))
show("transpose(A)", transpose(A))
print("A x I == A:", matmul(A, identity(3)) == A)

try:
    matmul(A, A)
except ValueError as e:
    print("Error:", e)

fib = matpow([[1, 1], [1, 0]], 90)
print()
print("[[1,1],[1,0]]**90 top-right entry (F(90)):", fib[0][1])

M = [[2, -1, 0, 3], [1, 4, -2, 0], [0, 5, 1, -1], [3, 0, 2, 1]]
show("M", M)
print("det(M) =", determinant(M))
print("det(M^T) =", determinant(transpose(M)))
print("det(M x M) =", determinant(matmul(M, M)), "=", determinant(M) ** 2)

H = [[1 / (i + j + 1) for j in range(3)] for i in range(3)]
print()
print("Hilbert matrix 3x3 with 4 decimals:")
for row in H:
    print("  " + "  ".join([f"{x:.4f}" for x in row]))
print("det(H) =", round(determinant(H), 12))
trace = sum([M[i][i] for i in range(len(M))])
print("trace(M) =", trace, " row sums:", [sum(row) for row in M])
