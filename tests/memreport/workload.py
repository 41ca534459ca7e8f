# The example program of the memory-report test and of the README's screenshot: a heap that
# grows, churns and shrinks, with reference cycles for the collector to find in every
# generation. It finishes in well under a second.
import gc


class Node:
    def __init__(self, key, parent=None):
        self.key = key
        self.parent = parent          # child -> parent and parent -> child: a cycle
        self.children = []


def build(depth, key=0, parent=None):
    node = Node(key, parent)
    if depth:
        for i in range(3):
            node.children.append(build(depth - 1, key * 3 + i, node))
    return node


def words(n):
    return [f'word{i % 997}-{i}' for i in range(n)]


forest = []
for round_ in range(24):
    if round_ < 12:
        forest.append(build(6))           # 1093 nodes, all in cycles
    elif forest:
        forest.pop()                      # unreachable cycles: only the collector frees them
    text = ' '.join(words(5000))          # a large string, freed at once
    index = {w: len(w) for w in text.split()}
    del text, index

blobs = [bytearray(2048) for _ in range(200)]
del blobs
forest.clear()
gc.collect()
print('done', gc.collect())
