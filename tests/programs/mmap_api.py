# The mmap module's surface as CPython 3.11 shows it on Linux: the file-like methods,
# indexing and slicing (ints and bytes), slice assignment, find/rfind from the current
# position, move, resize (which grows the file), access modes and their errors, anonymous
# memory, iteration by one-byte bytes, subclassing, weak references and the repr.
import mmap
import os
import weakref

NAME = "_pyrena_mmap_api_" + str(os.getpid()) + ".dat"
with open(NAME, "wb") as f:
    f.write(b"hello world\nsecond line\nthird")


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


print(mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY)
print(mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.PROT_READ, mmap.PROT_WRITE, mmap.error)
print(mmap.PAGESIZE == mmap.ALLOCATIONGRANULARITY, mmap.PAGESIZE % 4096)

f = open(NAME, "r+b")
m = mmap.mmap(f.fileno(), 0)
print(repr(m))
print(len(m), m.size(), m.tell(), m[0], m[-1], m[0:5], m[::2], m[::-1][:5])
print(m.readline(), m.tell(), m.read(3), m.read_byte(), m.tell())
print(m.find(b"line"), m.rfind(b"l"), m.find(b"l", 5), m.find(b"zz"), m.find(b"", 3))
print(m.find(b"c", -3), m.rfind(b"", 3), m.find(b"", 10, 5))
m.seek(0)
print(m.write(b"HELLO"), m.tell(), m[:12])
m[0] = 104
m[1:3] = b"EE"
m[6:11:2] = b"WRD"
print(m[:12], list(m)[:3], list(reversed(m))[:2], b"w" in m, 104 in m)
m.move(0, 6, 5)
print(m[:12])
m.seek(3)
print(repr(m))
m.seek(-2, 2)
print(m.tell(), m.read(), m.read(), m.readline())
m.seek(-1, 1)
print(m.tell(), m.read(None))

attempt("index 100", lambda: m[100])
attempt("index float", lambda: m[1.5])
attempt("item 256", lambda: m.__setitem__(0, 256))
attempt("item bytes", lambda: m.__setitem__(0, b"a"))
attempt("short slice", lambda: m.__setitem__(slice(0, 3), b"ab"))
attempt("str slice", lambda: m.__setitem__(slice(0, 2), "ab"))
attempt("del item", lambda: m.__delitem__(0))
attempt("del slice", lambda: m.__delitem__(slice(0, 1)))
attempt("seek past end", lambda: m.seek(1000))
attempt("seek negative", lambda: m.seek(-1))
attempt("seek whence 3", lambda: m.seek(0, 3))
attempt("flush range", lambda: m.flush(0, 1000))
attempt("flush offset", lambda: m.flush(1))
attempt("move range", lambda: m.move(0, 1, 1000))
attempt("write str", lambda: m.write("str"))
attempt("find str", lambda: m.find("x"))
attempt("find keyword", lambda: m.find(b"a", start=1))
attempt("read str", lambda: m.read("x"))
attempt("write_byte 256", lambda: m.write_byte(256))
attempt("write_byte -1", lambda: m.write_byte(-1))
attempt("madvise start", lambda: m.madvise(mmap.MADV_NORMAL, 100))
attempt("madvise", lambda: m.madvise(mmap.MADV_SEQUENTIAL))
m.seek(len(m))
attempt("read_byte at end", lambda: m.read_byte())
attempt("write_byte at end", lambda: m.write_byte(1))
attempt("write at end", lambda: m.write(b"x"))
print(m.read(), m.readline())

view = memoryview(m)
print(view.readonly, view.nbytes, view[:3].tobytes())
attempt("close with export", m.close)
attempt("resize with export", lambda: m.resize(10))
view[0:2] = b"ZZ"
print(m[:3])
view.release()
print(m.flush(), m.flush(0, len(m)))
m.resize(40)
print(len(m), m.size(), os.path.getsize(NAME), m[-12:])
m.close()
m.close()
print(m.closed, repr(m))
for label, fn in [("index", lambda: m[0]), ("len", lambda: len(m)), ("read", m.read),
                  ("tell", m.tell), ("memoryview", lambda: memoryview(m)),
                  ("bytes", lambda: bytes(m))]:
    attempt("closed " + label, fn)

r = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
print(repr(r))
attempt("read-only write", lambda: r.write(b"a"))
attempt("read-only item", lambda: r.__setitem__(0, 1))
attempt("read-only resize", lambda: r.resize(5))
attempt("read-only move", lambda: r.move(0, 1, 1))
attempt("read-only view write", lambda: memoryview(r).__setitem__(0, 1))
attempt("read-only bad value", lambda: r.__setitem__(0, 300))
attempt("read-only bad index", lambda: r.__setitem__(100, 1))
attempt("read-only delete", lambda: r.__delitem__(0))
print(r.flush(), bytes(r[:5]), bytearray(r)[:5], b"".join([r[:2], memoryview(r)[2:4]]))
with open(NAME + ".copy", "wb") as out:
    print(out.write(r), out.write(memoryview(r)[:4]), out.write(bytearray(b"!")))
print(os.path.getsize(NAME + ".copy"))
os.remove(NAME + ".copy")
r.close()

c = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
c[0] = 0x58
print(c[:3], open(NAME, "rb").read(3))
attempt("copy resize", lambda: c.resize(5))
c.close()
f.close()

g = open(NAME, "r+b")
for label, fn in [
    ("negative length", lambda: mmap.mmap(-1, -1)),
    ("too long", lambda: mmap.mmap(g.fileno(), 1000)),
    ("bad access", lambda: mmap.mmap(-1, 10, access=9)),
    ("access and prot", lambda: mmap.mmap(-1, 10, access=mmap.ACCESS_READ, prot=1)),
    ("bad descriptor", lambda: mmap.mmap(99, 10)),
    ("empty anonymous", lambda: mmap.mmap(-1, 0)),
    ("no arguments", lambda: mmap.mmap()),
    ("no length", lambda: mmap.mmap(-1)),
    ("bad keyword", lambda: mmap.mmap(fileno=-1, length=5, foo=1)),
    ("huge fileno", lambda: mmap.mmap(2 ** 40, 5)),
]:
    attempt(label, fn)
g.close()

with open(NAME, "rb") as ro:
    attempt("read-only file, default access", lambda: mmap.mmap(ro.fileno(), 0))
    attempt("offset past end", lambda: mmap.mmap(ro.fileno(), 0, offset=4096))
    attempt("negative offset", lambda: mmap.mmap(ro.fileno(), 0, offset=-1))
    p = mmap.mmap(ro.fileno(), 0, prot=mmap.PROT_READ)
    print(repr(p))
    attempt("prot read item", lambda: p.__setitem__(0, 1))
    p.close()
with open(NAME, "wb") as empty:
    attempt("empty file", lambda: mmap.mmap(empty.fileno(), 0))

a = mmap.mmap(-1, 13)
print(a[:], a.write(b"Hello"), a[:6], len(a))
attempt("anonymous size", a.size)
a.resize(20)
print(len(a), a[:7], repr(a))
w = weakref.ref(a)
print(w() is a, type(iter(a)).__name__)
del a
print(w())
with mmap.mmap(-1, 10) as z:
    print(z.closed)
print(z.closed)
attempt("enter closed", lambda: z.__enter__())


class Tape(mmap.mmap):
    def peek(self):
        return self[self.tell()]


t = Tape(-1, 8)
t.write(b"abc")
t.seek(1)
print(type(t).__name__, len(t), t.peek(), t[:3], isinstance(t, mmap.mmap), repr(t))
os.remove(NAME)
