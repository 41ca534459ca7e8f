# dis shows Pyrena's own bytecode in CPython 3.11's layout: line numbers where a line
# starts, >> on jump and exception-handler targets, offsets, opcode names, arguments and
# their meaning, nested code objects, classes method by method, and the exception table.
# difftest: skip — the instructions are Pyrena's (no RESUME/PRECALL/CACHE, absolute jump
# targets, different constant numbering), so only the layout matches CPython's.
import dis


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def make_counter():
    count = 0

    def bump(step=1):
        nonlocal count
        count += step
        return count

    return bump


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5


def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return f"error: {e!r}"


dis.dis(fib)
print("=" * 20)
dis.dis(make_counter)
print("=" * 20)
dis.dis(Point)
print("=" * 20)
dis.dis(safe_div)
print("=" * 20)
dis.dis("squares = [i * i for i in range(3)]")
print("=" * 20)
dis.disassemble(fib.__code__)
print("=" * 20)
dis.dis(Point.norm, depth=0)
for bad in [5, None]:
    try:
        dis.dis(bad)
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
print(dis.opname[:4], len(dis.opname) > 50)
