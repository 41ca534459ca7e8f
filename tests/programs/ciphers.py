# Caesar, Vigenere and Atbash ciphers built on str.find over an alphabet string; case preservation; brute-force cracking
ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def shift_char(ch, shift):
    lower = ch.lower()
    index = ALPHABET.find(lower)
    if index == -1:
        return ch
    shifted = ALPHABET[(index + shift) % 26]
    return shifted.upper() if ch != lower else shifted


def caesar(text, shift):
    return "".join([shift_char(ch, shift) for ch in text])


def vigenere(text, key, decrypt=False):
    result = []
    k = 0
    for ch in text:
        if ch.isalpha():
            shift = ALPHABET.find(key[k % len(key)].lower())
            if decrypt:
                shift = -shift
            result.append(shift_char(ch, shift))
            k += 1
        else:
            result.append(ch)
    return "".join(result)


def atbash(text):
    reversed_alphabet = ALPHABET[::-1]
    out = ""
    for ch in text:
        index = ALPHABET.find(ch.lower())
        if index < 0:
            out += ch
        elif ch.isalpha() and ch == ch.upper():
            out += reversed_alphabet[index].upper()
        else:
            out += reversed_alphabet[index]
    return out


def english_score(text):
    common = "etaoinshr"
    return sum([1 for ch in text.lower() if ch in common])


message = "Attack at Dawn! Meet me by the old Oak tree, 7 paces north."
print("plain:    ", message)
secret = caesar(message, 3)
print("caesar+3: ", secret)
print("decoded:  ", caesar(secret, -3))
print("rot13 x2: ", caesar(caesar(message, 13), 13) == message)

print()
key = "LEMON"
v = vigenere(message, key)
print("vigenere: ", v)
print("decrypted:", vigenere(v, key, decrypt=True))
print("classic:  ", vigenere("ATTACKATDAWN", "LEMON"))

print()
a = atbash(message)
print("atbash:   ", a)
print("twice:    ", atbash(a))

# Brute-force a Caesar shift by scoring every candidate
hidden = caesar("the quick brown fox jumps over the lazy dog", 11)
print()
print("ciphertext:", hidden)
best_shift, best_score = 0, -1
for shift in range(26):
    candidate = caesar(hidden, -shift)
    score = english_score(candidate)
    if score > best_score:
        best_shift, best_score = shift, score
    if shift < 3 or shift == 11:
        print(f"  shift {shift:>2}: score {score:>2} {candidate[:20]!r}")
print("best shift:", best_shift, "->", caesar(hidden, -best_shift))

letters = {}
for ch in message.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters.items(), key=lambda item: (-item[1], item[0]))[:5]
print("most frequent letters in plain text:", top)
