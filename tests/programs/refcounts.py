# Reference counts as sys.getrefcount reports them: names, containers, calls, loops.
import sys

data = []
print("fresh list bound to one name:", sys.getrefcount(data))
alias = data
print("after a second name:", sys.getrefcount(data))
holder = [data, data]
print("held twice by another list:", sys.getrefcount(data))
mapping = {"key": data}
print("also a dict value:", sys.getrefcount(data))
del alias
holder.pop()
print("after del and pop:", sys.getrefcount(data))


def inside(obj):
    return sys.getrefcount(obj)


print("argument inside a call:", inside(data))
print("temporary passed directly:", sys.getrefcount([1, 2, 3]))

items = [object() for _ in range(3)]
for item in items:
    print("loop variable:", sys.getrefcount(item))

total = 0
for i in range(5):
    total += sys.getrefcount(items)
print("list during iteration (summed):", total)

t = (data, data)
print("tuple holding it twice:", sys.getrefcount(data))
del t, mapping, holder
print("back to one name:", sys.getrefcount(data))


def make_counter():
    count = [0]

    def bump():
        count[0] += 1
        return count[0]

    return bump, count


bump, box = make_counter()
bump()
bump()
print("closure cell keeps the list:", sys.getrefcount(box), box)
big = 10 ** int("30")
print("big int with one name:", sys.getrefcount(big))
