# Anagram grouping: sorted-letter keys, dict of lists via setdefault, letter-count dicts, palindromes, filtering
WORDS = """listen silent enlist inlets tinsel google banana stone tones notes onset
evil vile live veil levi angel glean angle below elbow bowel state taste
night thing dusty study cat act tac dog god odd racecar level rotor apple""".split()


def signature(word):
    return "".join(sorted(word.lower()))


def letter_counts(word):
    counts = {}
    for ch in word:
        counts[ch] = counts.get(ch, 0) + 1
    return counts


def is_anagram(a, b):
    return a != b and letter_counts(a) == letter_counts(b)


def is_palindrome(word):
    return len(word) > 1 and word == word[::-1]


groups = {}
for word in WORDS:
    groups.setdefault(signature(word), []).append(word)

print(len(WORDS), "words,", len(groups), "distinct letter signatures")
print()
print("Anagram groups (first-seen order):")
for key, members in groups.items():
    if len(members) > 1:
        print(f"  {key:<8} {len(members)}: {', '.join(members)}")

singles = [members[0] for members in groups.values() if len(members) == 1]
print()
print("Words without anagrams:", sorted(singles))

largest = max(groups.values(), key=len)
print("Largest group:", largest)
print("Groups by size:", sorted([len(m) for m in groups.values()], reverse=True))

print()
pairs = [("listen", "silent"), ("apple", "paple"), ("odd", "dod"), ("cat", "cat"), ("state", "tastes")]
for a, b in pairs:
    print(f"  is_anagram({a!r}, {b!r}) = {is_anagram(a, b)}")

palindromes = [w for w in WORDS if is_palindrome(w)]
print()
print("Palindromes:", palindromes)
print("Letter counts of 'banana':", letter_counts("banana"))

# Find the word with the most distinct letters, ties broken alphabetically
best = sorted(WORDS, key=lambda w: (-len(letter_counts(w)), w))[0]
print("Most distinct letters:", best, len(letter_counts(best)))

# Which groups share the same multiset of vowels?
by_vowels = {}
for key in groups:
    vowels = "".join([ch for ch in key if ch in "aeiou"])
    by_vowels.setdefault(vowels, []).append(groups[key][0])
print()
for vowels in sorted(by_vowels):
    if len(by_vowels[vowels]) > 2:
        print(f"  vowels {vowels!r:<6} -> {by_vowels[vowels]}")
