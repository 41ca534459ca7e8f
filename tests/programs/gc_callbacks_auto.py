# gc.callbacks: functions called with ("start", info) before and ("stop", info) after every
# collection, including the automatic ones that allocations trigger when generation 0's
# count passes its threshold. The info dict says which generation was collected and how
# many objects were collected or found uncollectable.
import gc

events = []


def on_gc(phase, info):
    # Keep the callback cheap: it runs inside the collector's timeline.
    events.append((phase, info["generation"], info["collected"], info["uncollectable"]))


gc.collect()
gc.set_threshold(100, 5, 5)
print("thresholds:", gc.get_threshold())
gc.callbacks.append(on_gc)

print("-- an explicit collection is announced too")
print("gc.collect() ->", gc.collect(0))
print(events)
events.clear()

print("-- keep 1200 new sets alive: automatic collections happen along the way")
keep = []
for i in range(1200):
    keep.append(set())
gc.callbacks.remove(on_gc)
starts = [e for e in events if e[0] == "start"]
stops = [e for e in events if e[0] == "stop"]
print("collections started:", len(starts), "| stopped:", len(stops))
print("phases alternate:", all(events[i][0] == ("start" if i % 2 == 0 else "stop")
                               for i in range(len(events))))
print("generations:", [e[1] for e in starts])
print("collected per collection:", [e[2] for e in stops])
print("uncollectable:", sum(e[3] for e in stops))
print("count now:", gc.get_count()[0] <= 100)


class Node:
    pass


print("-- cycles are reported in the stop phase of the collection that frees them")
events.clear()
gc.callbacks.append(on_gc)
gc.disable()
for i in range(30):
    n = Node()
    n.me = n
del n
gc.enable()
print("gc.collect() ->", gc.collect())
gc.callbacks.remove(on_gc)
print(events)

print("-- a failing callback is reported and ignored")
def broken(phase, info):
    if phase == "stop":
        raise RuntimeError("callback failed")
gc.callbacks.append(broken)
print("still collects:", gc.collect() >= 0)
gc.callbacks.clear()
gc.set_threshold(700, 10, 10)
print("done")
