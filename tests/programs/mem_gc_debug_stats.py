# gc.set_debug(gc.DEBUG_STATS) makes each collection print statistics on stderr:
# the size of each generation before it, then how many objects were unreachable.
# difftest: skip — generation sizes count the interpreter's own startup objects (CPython's are
# thousands) and the elapsed time varies; the snapshot masks the time.
import gc

gc.disable()
gc.collect()


class Node:
    pass


a = Node()
a.me = a
del a
gc.set_debug(gc.DEBUG_STATS)
print("collecting with DEBUG_STATS on", flush=True)
n = gc.collect()
gc.set_debug(0)
print("found", n)
print("debug flags now", gc.get_debug())
gc.enable()
