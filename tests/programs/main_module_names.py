# The names __main__ starts with (as python3 sets them for a script), and module-level
# annotations collected into __annotations__.
print(dir())
print(__name__, __doc__, __package__, __spec__, __annotations__)
x: int = 3
print(__annotations__)
y: str
if True:
    z: "list[int]" = []
print(__annotations__, 'y' in globals())


class Point:
    """A point."""
    x: int = 0
    y: float
    __secret: bytes = b""


print(list(Point.__dict__)[:5], Point.__annotations__)


def f():
    local: undefined_name_is_not_evaluated = 1
    return local


print(f())


class Box:
    pass


b = Box()
b.size: int = 3
(p): int = 4
print(b.size, p, __annotations__.get('p'), sorted(__annotations__))
try:
    missing.attr: int
except NameError as e:
    print("NameError", e)
