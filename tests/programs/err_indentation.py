# IndentationError at compile time: a block header followed by a line that is not indented
def classify(n):
    if n % 2 == 0:
        return "even"
    return "odd"


def describe(n):
    return f"{n} is {classify(n)}"


print("this line is never printed")
for n in range(5):
    if n > 2:
    print(describe(n))
print("never printed either")


def unused():
    return None
