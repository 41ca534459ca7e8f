# difftest: skip — generators arrive with the language issue; until then Pyrena must refuse
# them with a clear NotImplementedError naming the construct (not a panic).
def countdown(n):
    while n > 0:
        yield n
        n -= 1


print("before the generator")
print(list(countdown(3)))
