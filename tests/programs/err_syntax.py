# SyntaxError at compile time: an opening bracket that is never closed, so nothing runs
def mean(values):
    return sum(values) / len(values)


def variance(values):
    m = mean(values)
    return sum([(v - m) ** 2 for v in values]) / len(values)


print("this line is never printed")
data = [1, 2, 3,
        4, 5, 6
print(mean(data))
print(variance(data))


def unused():
    return None
