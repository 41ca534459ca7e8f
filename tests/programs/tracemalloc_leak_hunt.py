# A leak hunt with tracemalloc: a small "server" whose request log keeps every parsed
# request alive. Two snapshots around a batch of requests, compared by line, point at the
# line that allocated the leaked memory; 5-frame tracebacks show who called it; and
# get_object_traceback() tells where one leaked object came from.
# Sizes differ between interpreters (object layouts differ), so only facts both agree on
# are printed: which lines, how many blocks, and thresholds.
import tracemalloc

tracemalloc.start(5)

request_log = []


class Request:
    def __init__(self, rid, fields):
        self.rid = rid
        self.fields = fields


def parse(raw):
    return raw.split(",")


def handle(rid):
    raw = ",".join(["field-%d-%s" % (rid, "x" * (k % 7)) for k in range(10)])
    req = Request(rid, parse(raw))
    request_log.append(req.fields)  # the leak: the log is never trimmed
    return len(req.fields)


def serve(n, start):
    total = 0
    for rid in range(start, start + n):
        total += handle(rid)
    return total


serve(50, 0)  # warm up: the first requests grow the log's storage
noise = [Request(-1, None) for _ in range(3)]
filters = [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, "<unknown>")]
before = tracemalloc.take_snapshot().filter_traces(filters)
served = serve(800, 50)
after = tracemalloc.take_snapshot().filter_traces(filters)
print("served", served, "fields")

# 1. Which line holds the new memory?
diffs = after.compare_to(before, "lineno")
top = diffs[0]
print("top line:", top.traceback)
print("grew by more than 100 kB:", top.size_diff > 100000)
print("new blocks there:", top.count_diff)
print("source:", top.traceback.format()[1].strip())

# 2. Who called it? Group the new memory by full traceback.
by_tb = after.compare_to(before, "traceback")
print("callers of the top allocation site (most recent call first):")
for line in by_tb[0].traceback.format(most_recent_first=True):
    print(line)

# 3. Where did one leaked object come from?
leaked = request_log[-1]
tb = tracemalloc.get_object_traceback(leaked)
print("leaked list allocated at:", tb, "frames:", len(tb))
print("\n".join(tb.format(limit=2)))

# The fix: trim the log; the memory at the top line is given back.
del request_log[50:]
fixed = tracemalloc.take_snapshot().filter_traces(filters)
rest = [d for d in fixed.compare_to(before, "lineno") if str(d.traceback) == str(top.traceback)]
left = rest[0].count_diff if rest else 0
# (CPython keeps some freed lists on a free list, so a few blocks stay traced.)
print("after the fix, under 1% of those blocks are left:", left < top.count_diff // 100)
current, peak = tracemalloc.get_traced_memory()
print("peak above current by more than 100 kB:", peak - current > 100000)
tracemalloc.stop()
print("tracing:", tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
