# List operations: append/extend/insert/pop/remove/index/count, slicing with steps, slice assignment, del, aliasing
queue = []
for job in ["build", "test", "lint"]:
    queue.append(job)
queue.extend(["package", "deploy"])
queue.insert(0, "fetch")
queue.insert(3, "format")
print("queue:", queue, len(queue))
print("pop() ->", queue.pop(), " pop(0) ->", queue.pop(0), " pop(2) ->", queue.pop(2))
print("queue:", queue)
queue.remove("lint")
print("after remove('lint'):", queue, " index('package') =", queue.index("package"))
try:
    queue.remove("coffee")
except ValueError as err:
    print("remove of missing item:", err)
try:
    queue.index("coffee")
except ValueError as err:
    print("index of missing item:", err)

nums = [n * n for n in range(10)]
print()
print("nums:", nums)
print("nums[2:7]:", nums[2:7], " nums[::3]:", nums[::3], " nums[::-1]:", nums[::-1])
print("nums[-4:-1]:", nums[-4:-1], " nums[7:2:-2]:", nums[7:2:-2], " nums[5:100]:", nums[5:100], " nums[8:3]:", nums[8:3])
nums[1:4] = [-1, -2]
print("replace 3 with 2 :", nums)
nums[0:0] = [100, 200]
print("insert at front  :", nums)
nums[::2] = [0] * len(nums[::2])
print("zero every other :", nums)
del nums[-3:]
del nums[0]
print("after two dels   :", nums)
nums[len(nums):] = [7, 7, 7]
print("append via slice :", nums, " count(7) =", nums.count(7), " count(0) =", nums.count(0))
try:
    nums[::2] = [1, 2]
except ValueError as err:
    print("extended slice size mismatch:", err)

grid = [[0] * 3 for _ in range(3)]
alias = grid
shallow = grid[:]
grid[1][1] = 5
alias.append([9, 9, 9])
print()
print("grid   :", grid)
print("shallow:", shallow, " same inner rows:", shallow[1] == grid[1], " same length:", len(shallow) == len(grid))
bad = [[0] * 3] * 3
bad[0][0] = 1
print("[[0]*3]*3 after one write:", bad)

first, *middle, last = [10, 20, 30, 40, 50]
head, *tail = "abc"
(a, b), c = (1, 2), [3]
print()
print("first/middle/last:", first, middle, last, " head/tail:", head, tail, " nested:", a, b, c)
a, b = b, a
print("swapped:", a, b)
pairs = [(x, y) for x in range(4) for y in range(x) if (x + y) % 2 == 1]
print("pairs:", pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
flat = [v for row in matrix for v in row]
print("matrix:", matrix, " flat:", flat, " columns:", [[row[i] for row in matrix] for i in range(3)])
print("sum/min/max:", sum(flat), min(flat), max(flat), " sorted desc:", sorted(flat, reverse=True)[:4])
stack = [1, 2, 3]
stack.reverse()
stack += [0]
stack = stack * 2
print("reverse, +=, *2:", stack, " [1, 2] + [3]:", [1, 2] + [3], " [1, 2] < [1, 3]:", [1, 2] < [1, 3])
print("empty checks:", [] == [], len([[]]), [None] * 2, 3 in [1, 2, 3], [3] in [[3]])
