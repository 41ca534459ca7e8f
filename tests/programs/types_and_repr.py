# Types and representations: type() printing, isinstance, str() vs repr(), truthiness, equality across int/float/bool
values = [0, -12, 2 ** 64, 3.0, -0.5, 1e-3, "text", "", "it's", 'say "hi"', "back\\slash",
          True, False, None, [], [1, "a", None], (), (1,), (1, "two", 3.0), {}, {"k": [1, 2], 3: "v"}]
print(f"{'value':<28}{'type':<20}{'truthy':<8}str")
for v in values:
    print(f"{repr(v):<28}{str(type(v)):<20}{'yes' if v else 'no':<8}{str(v)}")

print()
print("isinstance checks:")
print("  True is an int:", isinstance(True, int), " 1 is a bool:", isinstance(1, bool))
print("  3.0 is a float:", isinstance(3.0, float), " 3.0 is an int:", isinstance(3.0, int))
print("  'x' is a str:", isinstance("x", str), " [] is a list:", isinstance([], list), " () is a tuple:", isinstance((), tuple))
print("  {} is a dict:", isinstance({}, dict), " None is an int:", isinstance(None, int))
print("  (int, float) tuple form:", isinstance(2.5, (int, float)), isinstance("2.5", (int, float)))

print()
print("mixed equality and arithmetic:")
print("  1 == 1.0:", 1 == 1.0, " True == 1:", True == 1, " False == 0.0:", False == 0.0, " '1' == 1:", "1" == 1)
print("  True + True:", True + True, " True * 2.5:", True * 2.5, " 7 / 2:", 7 / 2, " 7 // 2:", 7 // 2, " -7 // 2:", -7 // 2)
print("  2 ** 10:", 2 ** 10, " 2 ** -2:", 2 ** -2, " 2.0 ** 3:", 2.0 ** 3, " (-8) % 3:", (-8) % 3, " 8 % -3:", 8 % -3)
print("  int('-17'):", int("-17"), " int(' 42 '):", int(" 42 "), " float('  2.5'):", float("  2.5"), " int(True):", int(True))
print("  str(1/4):", str(1 / 4), " repr(100.0):", repr(100.0), " str(-0.0):", str(-0.0), " 1e300 * 10:", 1e300 * 10)
print("  None == None:", None == None, " None is None:", None is None, " [] == []:", [] == [], " () == ():", () == ())
print("  (1, 2) < (1, 2, 0):", (1, 2) < (1, 2, 0), " 'a' < 'b' < 'c':", "a" < "b" < "c", " 1 < 2 > 0:", 1 < 2 > 0)

print()
nested = {"list": [1, [2, [3, [4]]]], "tuple": ((1, 2), (3,)), "mixed": [None, True, 0.1, "q'uote"]}
print(nested)
print(str(nested) == repr(nested), len(repr(nested)))
print([str(x) for x in [1, 1.5, "s", None]], [repr(x) for x in [1, 1.5, "s", None]])
print(type(type(1)), type(3) == int, type(3) == float, type(None))
print(abs(-3), abs(-3.5), abs(True), max(3, 7.5, -1), min("pear", "apple", "fig"), max([0]))
