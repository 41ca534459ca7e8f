# String toolkit: indexing, slicing with steps, methods (split/join/strip/replace/find/count/...), f-string and % specs
s = "The quick brown fox jumps over the lazy dog"
print(s[0], s[-1], s[4:9], s[:3], s[-3:], s[::5], s[::-1][:9], s[10:4:-1], s[100:], repr(s[5:5]))
print(len(s), "fox" in s, "cat" not in s, s.count("o"), s.count("the"), s.lower().count("the"))
print(s.find("brown"), s.find("missing"), s.find("o", 13), s.startswith("The"), s.endswith("dog"), s.endswith("cat"))
print(s.upper())
print(s.replace(" ", "_"), s.replace("o", "0", 2))
words = s.split()
print(words[2:5], len(words), "-".join(words[:3]), "".join([]) or "<empty join>")
print("a,b,,c".split(","), "  padded  ".strip() + "|", "xxhixx".strip("x"), "  left".lstrip(), "right  ".rstrip() + "|")
print("one  two\tthree\nfour".split(), "k=v=w".split("="), "2024-01-15".split("-"))
print("abc" < "abd", "Zebra" < "apple", "apple" < "apples", "b" > "abc", "abc" == "ab" + "c", "ab" * 3, 3 * "-")
print("12345".isdigit(), "12a45".isdigit(), "".isdigit(), "hello".isalpha(), "hello world".isalpha(), "Ab".isalpha())
print("MiXeD CaSe".lower(), "MiXeD CaSe".upper(), "x".join("abc"), "/".join(["usr", "local", "bin"]))

print()
name, qty, price, ratio = "gizmo", 1234567, 3.14159265, 0.4567
print(f"[{name}] [{name:>10}] [{name:<10}] [{name:^10}] [{name:*^11}] [{name!r}]")
print(f"[{qty}] [{qty:,}] [{qty:>12,}] [{qty:08d}] [{-qty:+d}] [{qty:+d}] [{42:x>6}]")
print(f"[{price:.2f}] [{price:10.4f}] [{price:<10.1f}] [{price:e}] [{price * 1000:,.3f}] [{ratio:.0f}]")
print(f"{qty=} {price=:.3f} {name.upper()=} {len(name) * 2=}")
print(f"{'nested ' + name!r:>20} | {[1, 2][0]} | {({'k': 'v'})['k']} | {qty // 1000}K | {{braces}}")
print("%s has %d items at %.2f each (%5.1f%%)" % (name, qty, price, ratio * 100))
print("%-8s|%8s|%08.3f|%x|%r" % ("left", "right", price, 255, "quoted"))
print("%s and %s" % ("tuple", "args"), "%d%%" % 50, "%5s|%-5s|" % ("ab", "cd"), "%.3e" % 12345.678)

print()
text = "Mississippi"
print(text.count("ss"), text.find("ss"), text.find("ss", 3), text.replace("ss", "SS"), text[1::3], text[::-2])
positions = []
start = text.find("i")
while start != -1:
    positions.append(start)
    start = text.find("i", start + 1)
print("positions of 'i':", positions)
table = [("apples", 3, 0.5), ("bananas", 12, 0.25), ("cherries", 250, 0.02)]
for fruit, n, unit in table:
    print(f"{fruit:.<12}{n:>5} x {unit:<5} = {n * unit:>6.2f}")
print(str(42) + str(3.0) + str(None) + str(True) + str([1, "a"]), repr("it's"), repr('say "hi"'), repr("tab\t\\"))
