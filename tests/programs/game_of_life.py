# Conway's Game of Life on a small wrapping grid: nested lists, neighbour counting with %, generations printed as text
ROWS = 10
COLS = 12


def parse(picture):
    grid = []
    for line in picture.strip().split("\n"):
        grid.append([1 if ch == "#" else 0 for ch in line.strip()])
    return grid


def empty():
    return [[0] * COLS for _ in range(ROWS)]


def neighbours(grid, r, c):
    total = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr == 0 and dc == 0:
                continue
            total += grid[(r + dr) % ROWS][(c + dc) % COLS]
    return total


def step(grid):
    new = empty()
    for r in range(ROWS):
        for c in range(COLS):
            n = neighbours(grid, r, c)
            if grid[r][c] == 1 and n in (2, 3):
                new[r][c] = 1
            elif grid[r][c] == 0 and n == 3:
                new[r][c] = 1
    return new


def population(grid):
    return sum([sum(row) for row in grid])


def shifted(grid, dr, dc):
    return [[grid[(r - dr) % ROWS][(c - dc) % COLS] for c in range(COLS)] for r in range(ROWS)]


def show(grid, generation):
    print(f"Generation {generation} (population {population(grid)}):")
    for row in grid:
        print("  " + "".join(["#" if cell else "." for cell in row]))


START = """
    .#..........
    ..#.........
    ###.........
    ............
    ......###...
    ............
    ............
    ..........##
    ..........##
    ............
"""

grid = parse(START)
history = [grid]
for generation in range(1, 9):
    grid = step(grid)
    history.append(grid)
for generation in (0, 1, 2, 4):
    show(history[generation], generation)
print("Populations:", [population(g) for g in history])

# A lone glider moves one cell diagonally every four generations
glider = empty()
for r, c in [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)]:
    glider[r][c] = 1
g = glider
for generation in range(1, 13):
    g = step(g)
    if generation % 4 == 0:
        k = generation // 4
        print(f"glider after {generation:>2} generations == start shifted by ({k}, {k}):", g == shifted(glider, k, k))
print("glider never shifts by (1, 0):", g != shifted(glider, 1, 0))

# A blinker has period 2; while/else reports it unless the search gives up
blinker = empty()
for c in (3, 4, 5):
    blinker[3][c] = 1
period = 1
g = step(blinker)
while g != blinker:
    g = step(g)
    period += 1
    if period > 10:
        print("gave up")
        break
else:
    print("Blinker has period", period)
block = parse(START)
for r in range(6):
    block[r] = [0] * COLS
print("Block is a still life:", step(block) == block, "population", population(block))
