# A streaming checksum over a file through mmap + memoryview: the file is mapped, not read
# into memory, and every chunk handed to the checksum is a zero-copy view of the mapping.
# Also: finding records in the mapping, the export count that keeps the mapping open while
# a view lives, and writing a patch back through a writable mapping.
import mmap
import os

NAME = "_pyrena_mmap_sum_" + str(os.getpid()) + ".dat"
CHUNK = 4096
MOD = 65521

# A 94 KiB file of newline-terminated records.
with open(NAME, "wb") as f:
    for i in range(4000):
        f.write(b"record %05d: %s\n" % (i, b"xyz" * (i % 7)))
size = os.path.getsize(NAME)
print("file size", size)


def fletcher(view):
    # Chunk-level Fletcher sum: each chunk is a memoryview slice of the mapping.
    s1 = s2 = 0
    for start in range(0, len(view), CHUNK):
        chunk = view[start:start + CHUNK]
        s1 = (s1 + sum(chunk)) % MOD
        s2 = (s2 + s1) % MOD
        chunk.release()
    return (s2 << 16) | s1


with open(NAME, "rb") as f:
    with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        print("mapped", len(mm), "bytes, size()", mm.size(), "closed", mm.closed)
        view = memoryview(mm)
        print("view", view.nbytes, view.readonly, view.obj is mm, view.format)
        print("checksum %08x" % fletcher(view))
        # The mapping cannot close while the view exports its memory.
        try:
            mm.close()
        except BufferError as e:
            print("BufferError:", e)
        view.release()
        # Records found without reading the file: find() from a position, readline().
        pos = mm.find(b"record 02500")
        mm.seek(pos)
        print("found at", pos, mm.readline())
        print("last newline", mm.rfind(b"\n"), "of", len(mm))
        count = 0
        mm.seek(0)
        while mm.find(b"xyzxyzxyzxyzxyzxyz") != -1:
            mm.seek(mm.find(b"xyzxyzxyzxyzxyzxyz") + 1)
            count += 1
        print("records with six xyz:", count)
        try:
            mm[0] = 0
        except TypeError as e:
            print("TypeError:", e)
    print("closed after with:", mm.closed)

# Patch the file in place through a writable mapping, then read it back the ordinary way.
with open(NAME, "r+b") as f:
    mm = mmap.mmap(f.fileno(), 0)
    header = memoryview(mm)[:12]
    header[:6] = b"RECORD"
    header.release()
    mm.seek(len(mm) - 6)
    mm.write(b"END!!\n")
    mm.flush()
    print(mm[:20], mm[-12:])
    mm.close()
with open(NAME, "rb") as f:
    data = f.read()
print(data[:20], data[-12:], len(data))
with open(NAME, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
    print("checksum after patch %08x" % fletcher(memoryview(mm)))
os.remove(NAME)
