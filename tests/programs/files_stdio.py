# Standard streams as file objects: sys.stdin read line by line, by iteration and all at
# once alongside input(); sys.stdout.write/flush/fileno; print to sys.stderr, to a StringIO,
# to an object with a write method, and with sys.stdout swapped out or set to None.
import io
import sys

print(sys.stdin)
print(sys.stdout)
print(sys.stderr)
print(sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())
print(sys.stdin.readable(), sys.stdout.writable(), sys.stdout.readable())
print(sys.stdout is sys.__stdout__, sys.stdout.name, sys.stdout.mode, sys.stdout.encoding)

first = sys.stdin.readline()
print("readline:", repr(first))
name = input("name? ")
print("input:", repr(name))
for line in sys.stdin:
    print("iter:", repr(line))
    if line.startswith("stop"):
        break
rest = sys.stdin.read()
print("read:", repr(rest))
print("at eof:", repr(sys.stdin.readline()), repr(sys.stdin.read()))

n = sys.stdout.write("written directly\n")
print("write returned", n)
sys.stdout.flush()
sys.stderr.write("to stderr\n")
print("also", "stderr", sep="-", file=sys.stderr)
print("flushed", flush=True)


class Recorder:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append("<flush>")


r = Recorder()
print("a", 1, None, sep=", ", end="!\n", file=r, flush=True)
print(r.parts)

buf = io.StringIO()
saved = sys.stdout
sys.stdout = buf
print("captured line")
print("second", 2)
sys.stdout = saved
print("captured:", repr(buf.getvalue()))
sys.stdout = None
print("this goes nowhere")
sys.stdout = saved
print("restored")

import os

log_name = "_pyrena_stdio_" + str(os.getpid()) + ".txt"
sys.stdout = open(log_name, "w")
print("redirected to a file")
print("line", 2, sep=" #")
sys.stdout.close()
sys.stdout = sys.__stdout__
with open(log_name) as f:
    print("file got:", f.readlines())
os.remove(log_name)


def bad(*args, **kwargs):
    try:
        print(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)


bad("x", file=42)
bad("x", sep=3)
bad("x", end=b"")
bad("x", colour="red")
closed = io.StringIO()
closed.close()
bad("x", file=closed)
try:
    input()
except EOFError as e:
    print("EOFError:", e)
