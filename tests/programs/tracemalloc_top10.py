# The seed article's tracemalloc example on a real workload: start tracing, build an
# in-memory word index of a generated corpus, take a snapshot and print the top lines of
# snapshot.statistics('lineno').
# difftest: skip — sizes and block counts depend on object layouts (Pyrena's dicts, sets
# and strs are not laid out byte for byte as CPython's), so the numbers differ; the top lines
# are the same ones (25, 33, 39, 32, 23 ...), and instances with their attribute values are
# charged to the line creating them (25) in both.
import tracemalloc

tracemalloc.start()

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]


class Document:
    def __init__(self, doc_id, text):
        self.doc_id = doc_id
        self.text = text


def make_corpus(n):
    docs = []
    for i in range(n):
        words = [WORDS[(i * 7 + k * 3) % len(WORDS)] + str(k) for k in range(40)]
        docs.append(Document(i, " ".join(words)))
    return docs


def build_index(docs):
    index = {}
    for doc in docs:
        for word in set(doc.text.split()):
            index.setdefault(word, []).append(doc.doc_id)
    return index


corpus = make_corpus(400)
index = build_index(corpus)
lengths = [(len(d.text), d.doc_id) for d in corpus]


snapshot = tracemalloc.take_snapshot()
top_stats = snapshot.statistics("lineno")
print("[ Top 10 ]")
for stat in top_stats[:10]:
    print(stat)
