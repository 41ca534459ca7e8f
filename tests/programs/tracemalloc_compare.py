# tracemalloc beyond the top-10: snapshot comparison (compare_to) by line, file, full
# traceback and cumulatively; the traced total and its peak (get_traced_memory,
# reset_peak); clear_traces; stop/start; and blocks allocated before start() being freed
# while tracing (they were never counted, so nothing goes negative).
# Only facts CPython shows as well are printed (which lines, block counts where the object
# layouts agree, thresholds on sizes).
import tracemalloc


def make_labels(n):
    return ["item-%d" % i for i in range(n)]


def make_blob(n):
    return "x" * n


def build(n):
    labels = make_labels(n)
    return labels


early = make_labels(5000)  # allocated before tracing starts
tracemalloc.start(4)
print("limit:", tracemalloc.get_traceback_limit(), "tracing:", tracemalloc.is_tracing())
del early
current, peak = tracemalloc.get_traced_memory()
print("freeing untraced blocks keeps the total small:", 0 <= current < 10000, peak >= current)

# --- peaks ---
blob = make_blob(1_000_000)
cur1, peak1 = tracemalloc.get_traced_memory()
print("blob traced:", cur1 >= 1_000_000, "peak >= current:", peak1 >= cur1)
del blob
cur2, peak2 = tracemalloc.get_traced_memory()
print("blob freed:", cur1 - cur2 >= 900_000, "peak remembers it:", peak2 >= peak1)
tracemalloc.reset_peak()
cur3, peak3 = tracemalloc.get_traced_memory()
print("after reset_peak the peak is near the current size:", peak3 - cur3 < 1000,
      peak3 < 1_000_000)

# --- compare_to ---
first = tracemalloc.take_snapshot()
labels = build(3000)
blob2 = make_blob(200_000)
second = tracemalloc.take_snapshot()
mine = [tracemalloc.Filter(True, __file__)]
first, second = first.filter_traces(mine), second.filter_traces(mine)

by_line = second.compare_to(first, "lineno")
for diff in by_line[:2]:
    print("lineno:", diff.traceback, "size_diff > 100 kB", diff.size_diff > 100_000)
# (3000 labels and the list's item array; CPython takes the list object itself from a free
# list, Pyrena allocates it, so the exact count differs by one.)
print("the list comprehension line has every label:",
      [3001 <= d.count_diff <= 3002 for d in by_line if d.traceback[0].lineno == 11])

by_file = second.compare_to(first, "filename")
print("filename:", [(str(d.traceback), d.size_diff > 300_000) for d in by_file])

by_tb = second.compare_to(first, "traceback")
top_tb = by_tb[0].traceback
print("traceback frames:", len(top_tb), [f.lineno for f in top_tb])
for line in top_tb.format():
    print(line)

cumulative = second.compare_to(first, "lineno", cumulative=True)
# Each frame of a traceback is charged: the module line that called build(), and line 11
# twice per label (the comprehension runs in its own frame on the same line).
print("cumulative:", sorted((d.traceback[0].lineno, d.count_diff >= 3000) for d in cumulative[:4]))

stats = second.statistics("traceback")
print("statistics('traceback') are sorted by size:",
      all(a.size >= b.size for a, b in zip(stats, stats[1:])))

tb = tracemalloc.get_object_traceback(labels[7])
print("one label allocated by:", [f.lineno for f in tb], "of", tb.total_nframe)

# --- tracemalloc's own memory grows with the traces it keeps ---
own_before = tracemalloc.get_tracemalloc_memory()
more = make_labels(20000)
print("own memory grows:", tracemalloc.get_tracemalloc_memory() > own_before)

# --- clear_traces forgets everything but keeps tracing ---
tracemalloc.clear_traces()
memory = tracemalloc.get_traced_memory()
print("after clear_traces:", memory, tracemalloc.is_tracing(),
      tracemalloc.get_object_traceback(more))
del more  # freeing blocks whose traces were cleared changes nothing
memory = tracemalloc.get_traced_memory()
print("after freeing forgotten blocks the total stays small:", memory[0] < 1000)

# --- stop, then start again with a deeper limit ---
tracemalloc.stop()
print("stopped:", tracemalloc.is_tracing(), tracemalloc.get_traced_memory(),
      tracemalloc.get_object_traceback(labels))
tracemalloc.start(2)
again = build(100)
print("restarted with limit", tracemalloc.get_traceback_limit(), "->",
      [f.lineno for f in tracemalloc.get_object_traceback(again[0])])
tracemalloc.stop()
