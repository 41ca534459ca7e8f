# slice objects built directly: construction forms, attributes, indices() with CPython's
# clamping (including negative steps and huge bounds), comparison, use as a subscript, and
# the errors of each.
s = slice(1, 10, 2)
print(s, slice(5), slice(None, 3), s.start, s.stop, s.step)
print([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10][s], "abcdefgh"[slice(None, None, -3)])
print(s.indices(4), slice(None, None, -1).indices(5), slice(-100, 100, 3).indices(7))
print(slice(2 ** 80).indices(4), slice(-1, None).indices(2 ** 70))
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3))
print(slice(1, 2) == (1, 2), slice("a", "b").start)


class Grid:
    def __getitem__(self, key):
        return key


g = Grid()
print(g[1:2], g[::3], g[1:2, 3], g[:] == slice(None))
for bad in [
    lambda: slice(),
    lambda: slice(1, 2, 3, 4),
    lambda: slice(stop=1),
    lambda: slice(1, 2, 0).indices(3),
    lambda: slice("a").indices(3),
    lambda: slice(1).indices(-1),
    lambda: hash(slice(1)),
    lambda: slice(1) < 3,
]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(slice(None, None, 2 ** 200).indices(10), slice(1, 2, 3).indices(2 ** 100))
print(slice(-2 ** 90, 2 ** 90, -5).indices(7))
