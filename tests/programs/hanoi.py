# Towers of Hanoi: recursive move generation, move counting vs 2**n - 1, simulation with lists as pegs and validation
moves = []


def hanoi(n, source, target, spare):
    if n == 0:
        return
    hanoi(n - 1, source, spare, target)
    moves.append((n, source, target))
    hanoi(n - 1, spare, target, source)


def count_moves(n):
    if n == 0:
        return 0
    return 2 * count_moves(n - 1) + 1


def simulate(n, move_list):
    pegs = {"A": [d for d in range(n, 0, -1)], "B": [], "C": []}
    for disk, source, target in move_list:
        if not pegs[source] or pegs[source][-1] != disk:
            raise RuntimeError(f"disk {disk} is not on top of peg {source}")
        if pegs[target] and pegs[target][-1] < disk:
            raise RuntimeError(f"cannot put disk {disk} on smaller disk {pegs[target][-1]}")
        pegs[target].append(pegs[source].pop())
    return pegs


def draw(pegs, n):
    for level in range(n - 1, -1, -1):
        row = []
        for name in "ABC":
            peg = pegs[name]
            if level < len(peg):
                size = peg[level]
                row.append(f"{'=' * (2 * size - 1):^9}")
            else:
                row.append(f"{'|':^9}")
        print(" ".join(row).rstrip())
    print(" ".join([f"{name:^9}" for name in "ABC"]).rstrip())


hanoi(3, "A", "C", "B")
print("Moves for 3 disks:")
for i, (disk, source, target) in enumerate(moves, 1):
    print(f"  {i}. move disk {disk} from {source} to {target}")

print()
print("Start with 4 disks:")
draw({"A": [4, 3, 2, 1], "B": [], "C": []}, 4)
moves = []
hanoi(4, "A", "C", "B")
halfway = simulate(4, moves[:7])
print("After 7 moves:")
draw(halfway, 4)
final = simulate(4, moves)
print("After", len(moves), "moves:")
draw(final, 4)

print()
print(" n  recursive  formula")
for n in [1, 2, 3, 5, 8, 10, 16]:
    print(f"{n:>2}  {count_moves(n):>9}  {2 ** n - 1:>7}")
print("64 disks would need", 2 ** 64 - 1, "moves")
seconds_per_year = 365 * 24 * 3600
print(f"at one move per second that is about {(2 ** 64 - 1) // seconds_per_year:,} years")

moves = []
hanoi(6, "A", "C", "B")
per_disk = {}
for disk, source, target in moves:
    per_disk[disk] = per_disk.get(disk, 0) + 1
print()
print("6 disks, moves per disk:", per_disk)
bad = [(1, "A", "B"), (2, "A", "C"), (1, "B", "C"), (3, "A", "B"), (2, "C", "B"), (1, "C", "B")]
try:
    simulate(3, bad)
except RuntimeError as err:
    print("invalid sequence rejected:", err)
