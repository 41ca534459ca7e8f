# str.join and the ASCII case maps write their result straight into the new
# object: lengths, contents, identity and errors must be what CPython gives.
import sys


parts = [f"<item id={i}/>" for i in range(2000)]
big = "".join(parts)
print(len(big), big[:30], big[-15:])
print(len(", ".join(parts)), ", ".join(["a", "b", "c"]), "-".join("xyz"))
print(repr("".join([])), repr("-".join(["q"])), repr("".join(["", "a", ""])))
print(repr("ab".join(["", ""])), repr("".join(["é", "ü"])), "·".join(["a", "b"]))
one = "only one"
print("".join([one]) is one, "".join((one,)) is one, "".join(x for x in [one]) is one)
for bad in (["a", 1, "b"], ["a", b"x"], [None]):
    try:
        "-".join(bad)
    except TypeError as e:
        print("TypeError:", e)

text = "Hello, World! <ITEM name='x'/> 0123456789" * 40
u, low, cf = text.upper(), text.lower(), text.casefold()
print(len(u), u[:32], low[:32], cf[:32])
print("a".upper(), "Z".lower(), repr("".upper()), "ab".upper(), "CD".lower())
print("straße ΑΣ".upper(), "ΑΣ ΟΔΟΣ".lower(), "Straße".casefold(), "é".upper())
print(text.upper() == u, u.lower() == low, u.upper() is not u, sys.getrefcount(u))
print("MiXeD 123".swapcase(), "hello world".title(), "hELLO".capitalize())
