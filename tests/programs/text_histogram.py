# Text statistics: word-length histogram with '*' bars, letter frequencies, sentence stats, averages with round()
TEXT = """Python is an easy to learn, powerful programming language. It has efficient
high-level data structures and a simple but effective approach to object-oriented
programming. Python's elegant syntax and dynamic typing, together with its
interpreted nature, make it an ideal language for scripting and rapid application
development in many areas on most platforms. The interpreter is easily extended
with new functions and data types implemented in C or C++."""


def clean_words(text):
    words = []
    for raw in text.split():
        word = raw.strip(".,;:!?'\"()").lower()
        if word.endswith("'s"):
            word = word[:-2]
        if word:
            words.append(word)
    return words


words = clean_words(TEXT)
lengths = {}
for word in words:
    n = len(word)
    lengths[n] = lengths.get(n, 0) + 1

print("Word length histogram:")
longest_bar = max(lengths.values())
for n in range(1, max(lengths) + 1):
    count = lengths.get(n, 0)
    bar = "*" * count
    label = str(count) if count else ""
    print(f"{n:>3} | {bar} {label}".rstrip())
print(f"    +{'-' * (longest_bar + 2)}")

average = sum([len(w) for w in words]) / len(words)
print()
print("words:", len(words), " distinct:", len(sorted(set(words))))
print("average word length:", round(average, 2))
print("median word length:", sorted([len(w) for w in words])[len(words) // 2])
print("longest words:", sorted([w for w in words if len(w) == max(lengths)]))

letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
total_letters = sum(letters.values())
print()
print("Top letters:")
for ch, count in sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:6]:
    share = count / total_letters * 100
    print(f"  {ch}  {count:>3}  {share:5.1f}%  {'#' * int(share)}")
missing = [ch for ch in "abcdefghijklmnopqrstuvwxyz" if ch not in letters]
print("letters never used:", "".join(missing))

sentences = [s.strip() for s in TEXT.replace("\n", " ").split(". ") if s.strip()]
print()
print("Sentences:", len(sentences))
for i, sentence in enumerate(sentences, 1):
    n_words = len(sentence.split())
    print(f"  {i}. {n_words:>2} words, {len(sentence):>3} chars: {sentence[:30]}...")

hyphenated = [w for w in words if "-" in w]
print()
print("hyphenated:", hyphenated, "->", [w.split("-") for w in hyphenated])
vowels = sum([TEXT.lower().count(v) for v in "aeiou"])
print("vowels:", vowels, " consonants:", total_letters - vowels, " ratio:", round(vowels / (total_letters - vowels), 3))
digits_or_symbols = [ch for ch in TEXT if not ch.isalpha() and ch not in " \n.,'-"]
print("other characters:", digits_or_symbols)
