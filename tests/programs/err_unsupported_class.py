# difftest: skip — class definitions arrive with the language issue; until then Pyrena
# must refuse them with a clear NotImplementedError naming the construct (not a panic).
print("before the class")


class Point:
    pass


print("never printed")
