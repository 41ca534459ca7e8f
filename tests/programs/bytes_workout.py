# bytes and bytearray: the everyday API, codecs and int <-> bytes conversions.

# --- bytes: literals, repr, indexing, slicing ---
b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:4], b[::2], b[::-1])
print(repr(b"\x00\t\n\r\\'"), repr(b'say "hi"'), repr(b"it's"), repr(b"'\""))
print(str(b"x"), bytes(3), bytes([72, 105]), bytes(range(65, 70)), bytes(b"copy"))
print(b + b"!", b * 2, 3 * b"ab", b"ab" * 0, b"o" in b, 111 in b, b"xyz" in b)

# --- searching ---
print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.find(b"zz"), b.count(b"o"), b.count(b""))
print(b.index(b"world"), b.rindex(b"l"), b.find(b"o", 5), b.find(b"", 11), b.find(b"", 12))
print(b.startswith(b"he"), b.endswith((b"x", b"ld")), b.startswith(b"wor", 6))

# --- splitting and joining ---
print(b.split(), b.split(b"o"), b.rsplit(None, 1), b"a,b,,c".split(b",", 2), b"a,b,,c".rsplit(b",", 2))
print(b"  a  b  ".split(None, 1), b"  a  b  ".rsplit(None, 1))
print(b"one\ntwo\r\nthree\r".splitlines(), b"one\ntwo\r\n".splitlines(True))
print(b"k=v=w".partition(b"="), b"k=v=w".rpartition(b"="), b"kv".partition(b"="))
print(b"-".join([b"a", bytearray(b"b"), memoryview(b"c")]), b"".join([]))

# --- transforming ---
print(b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"  l".lstrip(), b"r  ".rstrip())
print(b.replace(b"o", b"0"), b.replace(b"l", b"L", 2), b"abc".replace(b"", b"-"))
print(b.upper(), b"MiXeD".lower(), b"hello world".title(), b"Hello".swapcase(), b"hELLO".capitalize())
print(b"x".center(7, b"*"), b"ab".center(5), b"7".zfill(3), b"-7".zfill(4), b"a\tb".expandtabs(4))
print(b"ab".ljust(4, b"."), b"ab".rjust(4), b"abc".isalpha(), b"123".isdigit(), b" \t\n".isspace())
print(b"Title Case".istitle(), b"low".islower(), b"UP1".isupper(), b"".isascii(), b"\x80".isascii())

# --- hex ---
print(b"\x01\xab\xff".hex(), b"\x01\xab\xff".hex(":"), b"\x01\xab\xff".hex("-", 2), b"\x01\xab\xff".hex(" ", -2))
print(bytes.fromhex("de ad be ef"), bytearray.fromhex("00ff"))

# --- comparisons and hashing ---
print(b"a" < b"b", b"ab" < b"abc", b"b" > b"abc", b"a" == bytearray(b"a"), b"a" == "a")
print(hash(b"key") == hash("key"), {b"k": 1}[b"k"], sorted([b"pear", b"apple", b"fig"]))
print(max(b"hello"), sum(b"abc"), list(b"hi"), [c for c in bytearray(b"ok")])

# --- codecs ---
text = "naïve café €5"
raw = text.encode()
print(raw, len(text), len(raw), raw.decode() == text)
print(text.encode("latin-1", "replace"), text.encode("ascii", "ignore"), text.encode("ascii", "backslashreplace"))
print(text.encode("ascii", "xmlcharrefreplace"), "é".encode("latin-1"), b"\xe9".decode("latin-1"))
print(b"ok\xffgo\xe2\x82".decode("utf-8", "replace"), b"ok\xff".decode("utf-8", "ignore"), b"\xff".decode("utf-8", "backslashreplace"))
print(bytes("snow ☃", "utf-8"), bytearray("abc", "ascii"), str(b"\xc3\xa9", "utf-8"))
wide = "a\U0001f600"
print(wide.encode("utf-16"), wide.encode("utf-16-be"), wide.encode("utf-32-le"), wide.encode("utf-32").decode("utf-32") == wide)
print(b"\xfe\xff\x00h\x00i".decode("utf-16"), b"\x00\xd8x\x00".decode("utf-16-le", "replace"))
for bad, enc in [(b"a\x00b", "utf-16-le"), (b"\x00\xdc", "utf-16"), (b"\x00\x00\x11\x00", "utf-32-le")]:
    try:
        bad.decode(enc)
    except UnicodeDecodeError as e:
        print("decode:", e)
for bad in [b"\xff", b"ab\xe2\x82", b"\xe2\x28\xa1", b"\xc3\x28"]:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print("decode:", e, "|", e.encoding, e.object, e.start, e.end, e.reason)
for s, enc in [("é", "ascii"), ("ab€€c", "latin-1"), ("\U0001f600", "ascii")]:
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print("encode:", e, "|", e.start, e.end)

# --- int <-> bytes ---
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-2).to_bytes(2, "big", signed=True), (5).to_bytes())
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\xfe\xff", "little", signed=True), int.from_bytes([1, 0, 0], "little"))
print(int.from_bytes((2**70).to_bytes(9, "big"), "big") == 2**70, ord(b"A"), ord(bytearray(b"z")))

# --- bytearray mutations ---
ba = bytearray(b"abc")
ba.append(ord("d"))
ba.extend(b"ef")
ba.extend([103, 104])
ba += b"!"
print(ba, len(ba))
ba[0] = 65
ba[1:3] = b"BC"
ba[-1:] = b"?!"
print(ba)
del ba[0]
del ba[::2]
print(ba)
ba.insert(0, 42)
ba.insert(100, 43)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("g"))
ba.reverse()
print(ba)
ba *= 2
print(ba, ba.copy() == ba, ba.copy() is ba)
ba[::2] = b"123"
print(ba)
ba[2:4] = []
ba[0:0] = [120, 121]
print(ba)
ba.clear()
print(ba, len(ba), bytearray(), bytearray(4), bytearray(b"\x00\xff"))
print(bytearray(b"split me").split(), bytearray(b"Up").upper(), type(bytearray(b"x").strip()).__name__)

# --- printf-style formatting ---
print(b"%s=%d (%5.1f%%) %r %c%c %x" % (b"load", 42, 99.5, "é", 79, b"K", 255))
print(bytearray(b"[%-6b]") % bytearray(b"left"), b"%(name)s" % {b"name": b"mapped"})
try:
    b"%d %d" % (1, 2, 3)
except TypeError as e:
    print(e)
try:
    b"%f" % "x"
except TypeError as e:
    print(e)

# --- translate and affixes ---
rot = bytes.maketrans(b"abcdefghijklmnopqrstuvwxyz", b"nopqrstuvwxyzabcdefghijklm")
print(b"hello".translate(rot), b"hello".translate(rot).translate(rot), b"a-b-c".translate(None, b"-"))
print(b"unittest".removeprefix(b"unit"), bytearray(b"file.py").removesuffix(b".py"), b"same".removeprefix(b"x"))
print(b"abc".find(b"", 2, 0), b"abc".count(b"", 2, 1), b"abc".startswith(b"", 3, 1), b"abc".find(b"", 3))
print((-1).to_bytes(0, "big", signed=True), (-1).to_bytes(2, "little", signed=True), (-257).to_bytes(2, "big", signed=True))
