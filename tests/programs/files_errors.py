# File error cases: the OSError family raised by open() and os (errno, strerror, filename,
# str and repr), OSError's constructor picking subclasses by errno, closed-file and
# unsupported-operation errors, bad modes and arguments; ends with an uncaught
# FileNotFoundError traceback.
import io
import os

NAME = "_pyrena_err_" + str(os.getpid())


def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        # The file name carries the process id: show it as <tmp>.
        print(f"{label}: {type(e).__name__}: {str(e).replace(NAME, '<tmp>')}")
        return e
    print(f"{label}: ok {result!r}")


e = attempt("missing", lambda: open("nope.txt"))
print("  ", e.errno, e.strerror, e.filename, e.args, isinstance(e, OSError))
attempt("directory", lambda: open("."))
attempt("dir for write", lambda: open(".", "w"))
attempt("missing dir", lambda: open("no/such/dir.txt", "w"))
with open(NAME, "x") as f:
    f.write("created\n")
attempt("exclusive", lambda: open(NAME, "x"))


class PathLike:
    def __init__(self, path):
        self.path = path

    def __fspath__(self):
        return self.path


with open(PathLike(NAME), "a") as f:
    print("path-like opens as", f.name.replace(NAME, "<tmp>"), os.fspath(PathLike("p")))
attempt("bad path-like", lambda: open(PathLike(3)))
for mode in ["rq", "rw", "rtb", "", "rr", "U", "+"]:
    attempt(f"mode {mode!r}", lambda: open(NAME, mode))
attempt("mode type", lambda: open(NAME, 3))
attempt("binary encoding", lambda: open(NAME, "rb", encoding="utf-8"))
attempt("binary newline", lambda: open(NAME, "wb", newline=""))
attempt("bad newline", lambda: open(NAME, newline="x"))
attempt("bad encoding", lambda: open(NAME, encoding="klingon"))
attempt("unbuffered text", lambda: open(NAME, buffering=0))
attempt("path type", lambda: open(4.5))
attempt("keyword", lambda: open(NAME, colour="red"))

f = open(NAME)
attempt("write to reader", lambda: f.write("x"))
attempt("cur-relative seek", lambda: f.seek(3, 1))
attempt("end-relative seek", lambda: f.seek(-1, 2))
attempt("negative seek", lambda: f.seek(-1))
attempt("bad whence", lambda: f.seek(0, 9))
attempt("read size type", lambda: f.read("all"))
f.close()
f.close()
for name in ["read", "readline", "write", "tell", "seek", "flush", "fileno", "readable"]:
    method = getattr(f, name)
    args = ("x",) if name == "write" else (0,) if name == "seek" else ()
    attempt(f"closed {name}", lambda: method(*args))
attempt("closed iteration", lambda: next(f))
attempt("closed with", lambda: f.__enter__())

w = open(NAME, "w")
attempt("read from writer", lambda: w.read())
attempt("write bytes to text", lambda: w.write(b"bytes"))
attempt("write int", lambda: w.write(42))
attempt("writelines non-str", lambda: w.writelines(["ok\n", 7]))
w.close()
b = open(NAME, "rb")
attempt("binary write to reader", lambda: b.write(b"x"))
b.close()
attempt("binary closed read", lambda: b.read())
bw = open(NAME, "wb")
attempt("str to binary", lambda: bw.write("text"))
attempt("binary read from writer", lambda: bw.read())
bw.close()
attempt("closed binary write", lambda: bw.write(b"x"))

attempt("ascii encode", lambda: open(NAME, "w", encoding="ascii").write("caf\u00e9"))
with open(NAME, "wb") as raw:
    raw.write(b"ok line\n\xff\xfe not utf-8\n")
attempt("utf-8 decode", lambda: open(NAME).read())
print(repr(open(NAME, errors="replace").read()))

for args in [(2, "No such file or directory"), (13, "Permission denied", "secret"),
             (17, "File exists", "a", None, "b"), (99, "Odd"), ("just a message",),
             (1, 2, 3, 4, 5, 6)]:
    e = OSError(*args)
    print(type(e).__name__, repr(e), "|", e, "|", e.errno, e.strerror, e.filename, e.filename2)


class ConfigError(OSError):
    pass


e = ConfigError(2, "missing config", "app.ini")
print(type(e).__name__, e, e.filename, isinstance(e, FileNotFoundError))
u = io.UnsupportedOperation("not here")
print(repr(u), isinstance(u, OSError), isinstance(u, ValueError))
print([c.__name__ for c in io.UnsupportedOperation.__mro__])

attempt("remove missing", lambda: os.remove(NAME + ".gone"))
attempt("rename missing", lambda: os.rename(NAME + ".gone", NAME + ".new"))
attempt("mkdir existing", lambda: os.mkdir("."))
attempt("rmdir file", lambda: os.rmdir(NAME))
attempt("listdir file", lambda: os.listdir(NAME))
attempt("getsize missing", lambda: os.path.getsize(NAME + ".gone"))
attempt("remove type", lambda: os.remove(None))
os.remove(NAME)
print("exists after cleanup:", os.path.exists(NAME))
open("nope.txt")
