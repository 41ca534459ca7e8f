# NameError with CPython 3.11's "Did you mean" hint, found among the frame's locals.
def average(values):
    total = 0
    for value in values:
        total += value
    return totl / len(values)


print(average([1, 2, 3]))
