# dict.fromkeys, dict union operators, reversed(dict), str.removeprefix/removesuffix,
# str.format numbering rules, and the recursion-limit traceback with its repeated-line summary.
d = dict.fromkeys("abc", 0)
print(d, {"a": 1} | {"b": 2, "a": 3}, list(reversed({"x": 1, "y": 2})))
d |= {"z": 9}
d |= [("w", 1)]
print(d)
print("prefix_body".removeprefix("prefix_"), "a.py".removesuffix(".py"), "same".removeprefix(""))
print("{} and {}".format("x", "y"), "{1}{0}".format("a", "b"), "{name}!".format(name="n"))
for fmt in ["{0} {}", "{} {0}"]:
    try:
        fmt.format(1, 2)
    except ValueError as e:
        print("ValueError:", e)


def descend(n):
    return descend(n + 1)


descend(0)
