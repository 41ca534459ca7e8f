# Regression tests for inputs that once crashed Pyrena: extreme slice steps, counters past
# 2**63, huge format precisions, and repetition/shift counts that must raise, not abort.
print("abc"[::-2 ** 63], [1, 2, 3][::-10 ** 30], "abcdef"[2 ** 70:], "abcdef"[-2 ** 70:2])
print(list(enumerate("ab", 2 ** 63 - 1)), list(enumerate("a", 2 ** 70)))
print(len(f"{1.0:.{10 ** 6}f}"), f"{1.5:.3000e}"[-10:], len(f"{2.0:.70000e}"))
print(repr("" * 10 ** 12), [] * 10 ** 15, () * 10 ** 15, 0 << 10 ** 30)
for expr in ["'' * 10 ** 30", "'x' * -10 ** 30", "[1] * 2 ** 64", "1 << -1", "10 ** 9 // 0"]:
    try:
        eval_result = None
        if expr == "'' * 10 ** 30":
            eval_result = "" * 10 ** 30
        elif expr == "'x' * -10 ** 30":
            eval_result = "x" * -10 ** 30
        elif expr == "[1] * 2 ** 64":
            eval_result = [1] * 2 ** 64
        elif expr == "1 << -1":
            eval_result = 1 << -1
        else:
            eval_result = 10 ** 9 // 0
        print(expr, "->", eval_result)
    except (OverflowError, ValueError, ZeroDivisionError, MemoryError) as e:
        print(expr, "->", type(e).__name__, e)
print(len(str(10 ** 4000)), (-2) ** 101 % 1000)
wide = range(-2 ** 63, 2 ** 63 - 1)
print(5 in wide, wide[-2 ** 63], range(-2 ** 63, 0)[0], (2 ** 63 - 5) in range(0, 2 ** 63 - 1, 5))
print(list(reversed(range(-2 ** 63, 2 ** 63 - 1, 2 ** 62))), round(15, -400), round(-1250, -2))
try:
    format(1, 5)
except TypeError as e:
    print("TypeError:", e)
