# Word counting over a multi-line string literal: lower/replace/split, dict counting, sorting by (-count, word)
TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair,
we had everything before us, we had nothing before us,
we were all going direct to Heaven, we were all going direct
the other way -- in short, the period was so far like the present
period, that some of its noisiest authorities insisted on its
being received, for good or for evil, in the superlative degree
of comparison only."""

PUNCTUATION = ",.;:-!?\"'"


def normalise(text):
    text = text.lower()
    for ch in PUNCTUATION:
        text = text.replace(ch, " ")
    return text


def count_words(text):
    counts = {}
    for word in normalise(text).split():
        counts[word] = counts.get(word, 0) + 1
    return counts


lines = TEXT.split("\n")
print("Lines:", len(lines))
print("Characters:", len(TEXT))
print("Words:", len(TEXT.split()))

counts = count_words(TEXT)
print("Distinct words:", len(counts))
print()
print("Top 10 words:")
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for rank, (word, n) in enumerate(ranked[:10], start=1):
    print(f"{rank:>3}. {word:<10} {n:>3}")

once = sorted([w for w in counts if counts[w] == 1])
print()
print(f"{len(once)} words appear once; the first eight alphabetically:")
print("  " + " ".join(once[:8]))

longest = max(counts, key=len)
print("Longest word:", longest, f"({len(longest)} letters)")

# Per-line word counts and which lines mention 'was'
print()
for number, line in enumerate(lines, 1):
    words = normalise(line).split()
    marker = "*" if "was" in words else " "
    print(f"{marker} line {number:>2}: {len(words):>2} words, starts with {words[0]!r}")

# Words that start with the same letter, grouped in first-seen order
by_letter = {}
for word in counts:
    by_letter.setdefault(word[0], []).append(word)
print()
for letter in sorted(by_letter)[:6]:
    print(letter, "->", ", ".join(by_letter[letter]))
