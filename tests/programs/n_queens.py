# N-Queens by backtracking: recursion with lists of flags, counting solutions for n = 1..8, printing boards
def solve(n, row, cols, diag1, diag2, placement, solutions, limit):
    if row == n:
        if len(solutions) < limit:
            solutions.append(placement[:])
        return 1
    count = 0
    for col in range(n):
        if cols[col] or diag1[row + col] or diag2[row - col + n - 1]:
            continue
        cols[col] = True
        diag1[row + col] = True
        diag2[row - col + n - 1] = True
        placement.append(col)
        count += solve(n, row + 1, cols, diag1, diag2, placement, solutions, limit)
        placement.pop()
        cols[col] = False
        diag1[row + col] = False
        diag2[row - col + n - 1] = False
    return count


def queens(n, keep=1):
    solutions = []
    total = solve(n, 0, [False] * n, [False] * (2 * n - 1), [False] * (2 * n - 1), [], solutions, keep)
    return total, solutions


def board_lines(placement):
    n = len(placement)
    lines = []
    for col in placement:
        lines.append(" ".join(["Q" if c == col else "." for c in range(n)]))
    return lines


def is_valid(placement):
    for r1 in range(len(placement)):
        for r2 in range(r1 + 1, len(placement)):
            c1, c2 = placement[r1], placement[r2]
            if c1 == c2 or abs(c1 - c2) == r2 - r1:
                return False
    return True


print(" n  solutions")
for n in range(1, 9):
    total, _ = queens(n)
    print(f"{n:>2}  {total:>9}")

total, solutions = queens(6, keep=4)
print()
print(f"6 queens: {total} solutions, first {len(solutions)} kept:")
for placement in solutions:
    print("  columns by row:", placement, "valid:", is_valid(placement))
print()
for line in board_lines(solutions[0]):
    print("  " + line)

total, solutions = queens(8, keep=92)
print()
print("8 queens:", total, "solutions; all valid:", len([p for p in solutions if is_valid(p)]) == total)
print("first:", solutions[0], " last:", solutions[-1])
mirrored = [[7 - c for c in p] for p in solutions]
print("mirror images are also solutions:", sorted(mirrored) == sorted(solutions))
corner = [p for p in solutions if p[0] == 0]
print("solutions with a queen in the top-left corner:", len(corner))
print("is_valid([0, 2, 1]):", is_valid([0, 2, 1]), " is_valid([1, 3, 0, 2]):", is_valid([1, 3, 0, 2]))
