# pyrena.heap_snapshot(): the allocator's arenas, pools and size classes, the live objects
# per type and the collector's generations, as plain Python data. The program checks what
# must hold between the parts and prints what 1000 new objects change.
# difftest: skip — the pyrena module is Pyrena's own (CPython has no such module)
import gc
import pyrena

# No automatic collection between the snapshots: the differences below are the program's own.
gc.disable()

class Point:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Record:
    def __init__(self, n):
        self.n = n


def census(snap, name):
    return snap['types'].get(name, (0, 0))


before = pyrena.heap_snapshot()
print(sorted(before))

points = [Point(i, -i) for i in range(1000)]
records = [Record(i) for i in range(1000)]
after = pyrena.heap_snapshot()

for name in ('Point', 'Record'):
    (n0, b0), (n1, b1) = census(before, name), census(after, name)
    print(f'{name}: {n1 - n0} more objects, {(b1 - b0) // (n1 - n0)} bytes each')

# Every arena is 64 pools of 4 KiB; a pool in use serves one size class.
for arena in after['arenas']:
    assert len(arena['pools']) == 64
    for state, size, used, capacity in arena['pools']:
        assert state in ('used', 'full', 'empty', 'untouched')
        if state in ('used', 'full'):
            assert size % 16 == 0 and 0 < used <= capacity == (4096 - 48) // size
            assert (used == capacity) == (state == 'full')
        else:
            assert (size, used, capacity) == (0, 0, 0)

# The arena map and the per-class table describe the same blocks.
for cls in after['size_classes']:
    pools = [p for a in after['arenas'] for p in a['pools']
             if p[0] in ('used', 'full') and p[1] == cls['size']]
    assert len(pools) == cls['pools'], cls
    assert sum(p[2] for p in pools) == cls['blocks_in_use'], cls
    assert sum(p[3] - p[2] for p in pools) == cls['blocks_available'], cls
print('size classes:', [c['size'] for c in after['size_classes']][:4], '...',
      after['size_classes'][-1]['size'])

# Bytes in use are the small blocks at their class size plus the large requests.
small = sum(c['size'] * c['blocks_in_use'] for c in after['size_classes'])
assert after['bytes_in_use'] == small + after['large']['bytes']
assert after['peak_bytes'] >= after['bytes_in_use']
assert after['arenas_highwater'] >= len(after['arenas'])
assert after['arenas_allocated'] - after['arenas_reclaimed'] == len(after['arenas'])
print('blocks in use grew by', sum(c['blocks_in_use'] for c in after['size_classes'])
      - sum(c['blocks_in_use'] for c in before['size_classes']))

# Both kinds are containers the collector tracks (a slot or an attribute can hold a cycle).
print('tracked objects grew by', sum(after['gc_generations']) - sum(before['gc_generations']))

del points, records
gone = pyrena.heap_snapshot()
print('after del:', census(gone, 'Point'), census(gone, 'Record'))
print('bytes back:', after['bytes_in_use'] - gone['bytes_in_use'] > 0)
