# Numeric edge cases: bool arithmetic and bitwise ops, floor division and modulo signs,
# big-int boundaries around 2**63, int/float comparisons, rounding and float formatting.
print(True & False, True | False, True ^ True, True + True, -True, ~False)
x = True
x &= False
print(x, type(x).__name__)
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2)]:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
big = 2 ** 63
print(big - 1, big, -big, -big - 1, big * big, (big - 1) + 1, -(-big))
print(big // 3, big % 1000, (-big) // 7, (-big) % 7, big >> 62, 1 << 70, -1 >> 100)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == float(2 ** 53), 10 ** 20 < 1e21, 1e308 < 10 ** 309)
print(round(2.5), round(3.5), round(-0.5), round(1.25, 1), round(1234, -2), round(-1250, -2))
print(0.1 + 0.2, 1e16, 1e-5, 123456789.0, 1.0 / 3, -0.0, float("inf"), float("-inf"))
print(f"{1e6:.2e} {1234567.891:,.2f} {0.5:%} {255:#x} {255:08b} {-42:+d} {3.14159:10.3f}|")
print(pow(3, 200, 1000003), pow(2, -1, 7), 7 ** -1, (-8) // 3, int(-2.7), int(2.7))
i = 0
for _ in range(1000):
    i += 3
print(i, i * i * i, hash(-1), hash(2 ** 61 - 1), hash(1.5), hash(2.0) == hash(2))
