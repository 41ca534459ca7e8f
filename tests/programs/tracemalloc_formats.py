# tracemalloc's value objects and their text formats: Frame, Traceback, Statistic,
# StatisticDiff, Trace, Filter, the size scaling (B / KiB / MiB ...), and the errors of the
# module's functions. Everything here is built by hand, so it is byte-identical to CPython.
import tracemalloc
from tracemalloc import Frame, Traceback, Statistic, StatisticDiff, Snapshot

# Raw tracebacks list the innermost call first; the Traceback object stores oldest first.
raw = (("app.py", 30), ("lib.py", 12), ("main.py", 4))
tb = Traceback(raw, 7)
print(repr(tb))
print(tb, len(tb), tb.total_nframe)
print([str(f) for f in tb], [f.lineno for f in tb.__reversed__()])
print(tb[0], tb[-1], tb[1:], Frame(("lib.py", 12)) in tb, tb.index(Frame(("app.py", 30))))
print(tb.format())
print(tb.format(limit=1), tb.format(limit=-1, most_recent_first=True))

f1, f2 = Frame(("a.py", 2)), Frame(("a.py", 10))
print(f1 < f2, f1 <= f1, f2 > f1, f1 >= f2, f1 == Frame(("a.py", 2)), f1 != f2)
print(hash(f1) == hash(("a.py", 2)), sorted([f2, f1]))
print(Traceback(raw) == Traceback(raw, 3), Traceback(raw) < Traceback((("b.py", 1),)))

# Sizes: bytes are whole, KiB/MiB keep one decimal below 100, and round to a whole number
# up to 10240 of a unit.
for size in [0, 1, 99, 1023, 1024, 1536, 10239, 10240, 102400, 1048576, 5 * 2**30,
             2**50, 2**60]:
    print(size, tracemalloc._format_size(size, False), tracemalloc._format_size(-size, True))

one = Traceback((("prog.py", 12),))
s = Statistic(one, 1024, 3)
print(s)
print(repr(s))
print(Statistic(one, 0, 0))
print(Statistic(one, 3 * 1024 * 1024 + 5, 1000))
print(s == Statistic(one, 1024, 3), s == Statistic(one, 1024, 4), hash(s) == hash(Statistic(one, 1024, 3)))
d = StatisticDiff(one, 204800, 102400, 300, 150)
print(d)
print(repr(d))
print(StatisticDiff(one, 0, -4096, 0, -2))

trace = tracemalloc.Trace((0, 4096, raw, 3))
print(trace)
print(repr(trace))
print(trace.domain, trace.size, trace.traceback)

# Grouping by hand-made traces.
snap = Snapshot([(0, 100, raw, 3), (0, 50, raw, 3), (0, 10, (("lib.py", 12),), 1),
                 (0, 7, (("app.py", 31), ("main.py", 5)), 2)], 3)
print(snap.traces, snap.traceback_limit, len(snap.traces))
for key in ["lineno", "filename", "traceback"]:
    print(key, [str(st) for st in snap.statistics(key)])
print("cumulative", [str(st) for st in snap.statistics("lineno", cumulative=True)])
print("cumulative", [str(st) for st in snap.statistics("filename", cumulative=True)])
older = Snapshot([(0, 60, raw, 3), (0, 5, (("gone.py", 1),), 1)], 3)
for st in snap.compare_to(older, "lineno"):
    print(st)

# Filters: inclusive filters must match one of them, exclusive ones must all let through.
flt = tracemalloc.Filter(True, "app.py", lineno=30)
print(flt.inclusive, flt.filename_pattern, flt.lineno, flt.all_frames, flt.domain)
print(tracemalloc.Filter(False, "x.pyc").filename_pattern)
for filters in [[flt], [tracemalloc.Filter(False, "app*")],
                [tracemalloc.Filter(True, "main.py", all_frames=True)],
                [tracemalloc.Filter(False, "lib.py", all_frames=True)],
                [tracemalloc.Filter(True, "*.py"), tracemalloc.Filter(False, "lib.py")],
                [tracemalloc.DomainFilter(True, 0)], [tracemalloc.DomainFilter(False, 0)],
                [tracemalloc.Filter(True, "[al]*.py", domain=1)], []]:
    print([t.size for t in snap.filter_traces(filters).traces])

for bad in [lambda: snap.statistics("file"), lambda: snap.statistics("traceback", True),
            lambda: snap.filter_traces(3), lambda: tracemalloc.start(0),
            lambda: tracemalloc.start(65536), lambda: tracemalloc.start("2"),
            lambda: tracemalloc.start(1, 2), lambda: tracemalloc.start(nframe=2),
            lambda: tracemalloc.stop(1), lambda: tracemalloc.take_snapshot()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
print(tracemalloc.get_object_traceback([]), tracemalloc.reset_peak(), tracemalloc.clear_traces())
print(tracemalloc.get_tracemalloc_memory() > 0)
