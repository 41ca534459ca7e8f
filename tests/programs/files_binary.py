# Binary files and in-memory streams: BufferedReader/Writer/Random types and reprs, bytes
# reads of exact sizes, seek from start/current/end, tell, truncate, readline/readlines and
# iteration over bytes lines, r+b overwrites, io.BytesIO and io.StringIO positions, weak
# references to streams.
import io
import os

NAME = "_pyrena_bin_" + str(os.getpid()) + ".dat"

with open(NAME, "wb") as f:
    print(type(f).__name__, f.mode, f.writable(), f.readable(), f.seekable())
    print(f.write(b"0123456789\n"), f.write(b"abcdef\n"), f.write(b"tail"))
    print("tell", f.tell())
with open(NAME, "rb") as f:
    print(type(f).__name__, f.mode, f.read(4), f.tell())
    print(f.seek(2, 1), f.read(3))
    print(f.seek(-4, 2), f.read())
    print(f.seek(0), f.readline(), f.readline())
    print(f.read(100), f.read(), f.tell())
    f.seek(0)
    print(f.readlines())
    f.seek(0)
    print([line for line in f])
with open(NAME, "r+b") as f:
    print(type(f).__name__, f.mode)
    f.seek(3)
    f.write(b"XYZ")
    print(f.tell(), f.read(2))
    print(f.truncate(12), f.tell())
    f.seek(0)
    print(f.read())
with open(NAME, "ab") as f:
    print(f.mode, f.tell())
    f.write(b"++")
with open(NAME, "a+b") as f:
    print(type(f).__name__, f.mode, f.tell())
    f.seek(0)
    print(f.read())
with open(NAME, "w+b") as f:
    print(f.mode, f.read())

b = io.BytesIO(b"first\nsecond\nthird")
print(b.read(3), b.readline(), b.tell())
print(b.readlines())
b.seek(0)
b.write(b"FIRST")
print(b.getvalue(), b.tell())
b.seek(0, 2)
b.write(b"!")
print(b.getvalue(), list(io.BytesIO(b"x\ny\n")))
b.seek(30)
b.write(b"end")
print(len(b.getvalue()), b.truncate(6), b.getvalue())

s = io.StringIO("one\ntwo\nthree\n")
print(s.read(2), s.tell(), s.readline(), s.readlines())
s.seek(4)
s.write("TWO")
print(repr(s.getvalue()), s.tell(), s.seek(0, 2), s.seek(0, 1))
s.seek(100)
s.write("!")
print(len(s.getvalue()), s.truncate(5), repr(s.getvalue()))
with io.StringIO() as t:
    t.writelines(["a\n", "b\n"])
    t.seek(0)
    print([line for line in t], t.closed)
print(t.closed)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)

import weakref

freed = []
s = io.StringIO("weak")
rs = weakref.ref(s, lambda ref: freed.append("StringIO"))
f = open(NAME, "rb")
rf = weakref.ref(f, lambda ref: freed.append("BufferedReader"))
print(rs() is s, rf() is f)
del s, f
print(rs(), rf(), freed)
print([c.__name__ for c in io.BufferedRandom.__mro__], [c.__name__ for c in io.StringIO.__mro__])
with open(NAME, "rb") as f:
    print(isinstance(f, io.IOBase), isinstance(f, io.BufferedIOBase), isinstance(f, io.TextIOBase))
os.remove(NAME)
print(os.path.exists(NAME))
