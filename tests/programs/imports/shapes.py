__all__ = ["Circle", "area", "_exported_private"]
PI = 3.14159
_exported_private = "listed in __all__"
not_listed = "only importable by name"


class Circle:
    def __init__(self, r):
        self.r = r


def area(c):
    return PI * c.r * c.r
