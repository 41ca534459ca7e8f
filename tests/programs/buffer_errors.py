# The buffer protocol's failure modes, each with CPython's exception and message; the
# program ends with the seed article's 6-bytes-into-5 assignment, uncaught.
import gc
import sys


def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: ok {result!r}")


def setitem(obj, key, value):
    obj[key] = value


def delitem(obj, key):
    del obj[key]


class Slicer:
    """S[a:b:c] is the slice object a:b:c."""

    def __getitem__(self, key):
        return key


S = Slicer()


ba = bytearray(b"abcdef")
m = memoryview(ba)
sub = m[1:4]

# Resizing with live exports.
attempt("append", lambda: ba.append(1))
attempt("extend", lambda: ba.extend(b"xy"))
attempt("pop", lambda: ba.pop())
attempt("clear", lambda: ba.clear())
attempt("del slice", lambda: delitem(ba, S[0:2]))
attempt("same-size write", lambda: setitem(ba, S[0:2], b"AB"))
attempt("item write", lambda: setitem(ba, 0, 122))
print(ba, sub.tobytes())


def grow():
    global ba
    ba += b"more"


attempt("+=", grow)

# Released views.
m.release()
attempt("released index", lambda: m[0])
attempt("released len", lambda: len(m))
attempt("released obj", lambda: m.obj)
attempt("released tobytes", lambda: m.tobytes())
attempt("released enter", lambda: m.__enter__())
attempt("release again", lambda: m.release())
attempt("released == itself", lambda: m == m)
attempt("still exported by sub", lambda: ba.append(1))
sub.release()
attempt("after last release", lambda: ba.append(1))

# Read-only memory and bad values.
ro = memoryview(b"abc")
attempt("write bytes view", lambda: setitem(ro, 0, 1))
attempt("toreadonly", lambda: setitem(memoryview(ba).toreadonly(), 0, 1))
w = memoryview(bytearray(4))
attempt("delete", lambda: delitem(w, 0))
attempt("byte too big", lambda: setitem(w, 0, 256))
attempt("wrong type", lambda: setitem(w, 0, "a"))
attempt("out of bounds", lambda: w[4])
attempt("bad key", lambda: w["x"])
attempt("mismatched slice", lambda: setitem(w, S[0:2], b"xyz"))
attempt("list into slice", lambda: setitem(w, S[0:2], [1, 2]))
attempt("format mismatch", lambda: setitem(w.cast("h"), S[0:1], b"xy"))
attempt("c format", lambda: setitem(w.cast("c"), 0, b"xy"))

# Casts.
attempt("cast bad format", lambda: w.cast("x"))
attempt("cast length", lambda: w.cast("d"))
attempt("cast non-byte pair", lambda: w.cast("h").cast("i"))
attempt("cast strided", lambda: w[::2].cast("B"))
attempt("cast shape product", lambda: w.cast("B", shape=[3]))
attempt("cast shape type", lambda: w.cast("B", shape=4))
attempt("cast shape zero", lambda: w.cast("B", shape=[0, 4]))
attempt("2-D index", lambda: w.cast("B", shape=[2, 2])[0])
attempt("2-D tuple index", lambda: w.cast("B", shape=[2, 2])[1, 1])

# Hashing and comparisons.
attempt("hash writable", lambda: hash(w))
attempt("hash read-only", lambda: hash(ro) == hash(b"abc"))
attempt("hash bytearray", lambda: hash(bytearray()))
attempt("order views", lambda: ro < ro)
attempt("view == str", lambda: ro == "abc")

# Constructors and conversions.
attempt("memoryview(int)", lambda: memoryview(5))
attempt("memoryview(str)", lambda: memoryview("abc"))
attempt("bytes(str)", lambda: bytes("abc"))
attempt("bytes(-1)", lambda: bytes(-1))
attempt("bytes([256])", lambda: bytes([256]))
attempt("bytes(float)", lambda: bytes(1.5))
attempt("bytes(b, enc)", lambda: bytes(b"x", "utf-8"))
attempt("concat str", lambda: b"a" + "b")
attempt("join item", lambda: b",".join([b"a", 2]))
attempt("in str", lambda: "a" in b"abc")
attempt("in 300", lambda: 300 in b"abc")
attempt("fromhex", lambda: bytes.fromhex("0g"))
attempt("index missing", lambda: b"abc".index(b"z"))
attempt("extended slice size", lambda: setitem(bytearray(b"abcd"), S[0:4:2], b"xyz"))
attempt("unknown encoding", lambda: "a".encode("klingon"))
attempt("unknown handler", lambda: "é".encode("ascii", "shrug"))
attempt("decode handler", lambda: b"\xff".decode("utf-8", "xmlcharrefreplace"))
attempt("to_bytes overflow", lambda: (256).to_bytes(1, "big"))
attempt("to_bytes negative", lambda: (-1).to_bytes(1, "big"))
attempt("byteorder", lambda: (1).to_bytes(1, "middle"))

# A view keeps its exporter alive; the collector tracks views, not bytes.
keep = memoryview(bytearray(b"kept"))
print(keep.obj, gc.is_tracked(keep), gc.is_tracked(b"x"), gc.is_tracked(bytearray()))
print(sys.getsizeof(b""), sys.getsizeof(b"abcd"))

# Views support weak references; dropping the last view gives the export back.
import weakref

store = bytearray(b"weak")
wr = weakref.ref(memoryview(store), lambda w: print("view gone, callback sees", w()))
print("after temporary view:", wr())
store.extend(b"ly")
print(store)
attempt("weakref to bytes", lambda: weakref.ref(b"x"))

data = bytearray(b"Hello, World!")
view = memoryview(data)
view[7:12] = b"Python"
print(data)
