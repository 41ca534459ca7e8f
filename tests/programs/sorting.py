# Sorting algorithms: quicksort (comprehensions), mergesort (recursion), insertion sort in place, sorted() with key/reverse
def quicksort(items):
    if len(items) <= 1:
        return items
    pivot = items[len(items) // 2]
    less = [x for x in items if x < pivot]
    equal = [x for x in items if x == pivot]
    greater = [x for x in items if x > pivot]
    return quicksort(less) + equal + quicksort(greater)


def merge(left, right):
    result = []
    i, j = 0, 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            result.append(left[i])
            i += 1
        else:
            result.append(right[j])
            j += 1
    result.extend(left[i:])
    result.extend(right[j:])
    return result


def mergesort(items):
    if len(items) <= 1:
        return items[:]
    mid = len(items) // 2
    return merge(mergesort(items[:mid]), mergesort(items[mid:]))


def insertion_sort(items):
    shifts = 0
    for i in range(1, len(items)):
        key = items[i]
        j = i - 1
        while j >= 0 and items[j] > key:
            items[j + 1] = items[j]
            j -= 1
            shifts += 1
        items[j + 1] = key
    return shifts


def pseudo_random(seed, count, modulus):
    values = []
    state = seed
    for _ in range(count):
        state = (state * 1103515245 + 12345) % 2147483648
        values.append(state % modulus)
    return values


data = pseudo_random(42, 20, 100)
print("input:     ", data)
print("quicksort: ", quicksort(data))
print("mergesort: ", mergesort(data))
copy = data[:]
shifts = insertion_sort(copy)
print("insertion: ", copy, f"({shifts} shifts)")
print("all agree: ", quicksort(data) == mergesort(data) == copy == sorted(data))
print("unchanged: ", data[:5], "...")

big = pseudo_random(7, 500, 10000)
print()
print("500 values sorted by all three:", quicksort(big) == mergesort(big) == sorted(big))
print("min/max/median:", min(big), max(big), sorted(big)[250])

words = ["banana", "Apple", "cherry", "date", "Elderberry", "fig", "apple", "Banana"]
print()
print("default order:   ", sorted(words))
print("case-insensitive:", sorted(words, key=lambda w: w.lower()))
print("by length desc:  ", sorted(words, key=len, reverse=True))
print("quicksort strs:  ", quicksort(words))

people = [
    ("Ada", 36, "London"),
    ("Grace", 45, "New York"),
    ("Linus", 28, "Helsinki"),
    ("Guido", 45, "Amsterdam"),
    ("Barbara", 28, "Boston"),
    ("Ken", 36, "Berkeley"),
]
print()
print("by age then name:")
for name, age, city in sorted(people, key=lambda p: (p[1], p[0])):
    print(f"  {age}  {name:<8} {city}")
people.sort(key=lambda p: p[2], reverse=True)
print("cities descending:", [p[2] for p in people])
people.sort(key=lambda p: p[1])
print("stable by age:    ", [p[0] for p in people])
nums = [5, -3, 8, -1, 0, 2]
nums.sort(key=abs)
print("by absolute value:", nums)
nums.reverse()
print("reversed:         ", nums)
