# The time module: clocks are monotonic or close to the wall clock, sleep waits at least
# as long as asked, *_ns variants are ints, and bad arguments raise CPython's errors.
# Timings vary between runs, so only relations between them are printed.
import time

t0 = time.time()
ns = time.time_ns()
print(type(t0).__name__, type(ns).__name__, abs(ns / 1e9 - t0) < 5, t0 > 1.6e9)

m0, p0, c0 = time.monotonic(), time.perf_counter(), time.process_time()
time.sleep(0.05)
m1, p1 = time.monotonic(), time.perf_counter()
print("slept >= 0.05:", m1 - m0 >= 0.049, p1 - p0 >= 0.049, "not too long:", p1 - p0 < 5)

# Busy work consumes CPU time; the process clock does not go backwards.
total = 0
for i in range(200000):
    total += i * i
c1 = time.process_time()
print("work", total, "cpu elapsed >= 0:", c1 - c0 >= 0)
print(type(time.monotonic_ns()).__name__, type(time.perf_counter_ns()).__name__,
      type(time.process_time_ns()).__name__)
a = time.perf_counter_ns()
b = time.perf_counter_ns()
print("perf_counter_ns non-decreasing:", b >= a)
time.sleep(0)
time.sleep(True)
print("sleep returns", time.sleep(0.001))

for args in [(-1,), ("1",), (float("nan"),), (), (1, 2), (10 ** 30,)]:
    try:
        time.sleep(*args)
    except Exception as e:
        print("sleep", args, type(e).__name__ + ":", e)
try:
    time.time(1)
except TypeError as e:
    print(e)
print(repr(time)[:15], time.__name__)
