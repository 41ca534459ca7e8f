# Slicing sweep: memoryview slices of slices (any steps) against bytes slicing, and
# bytearray slice assignment/deletion against a list model, over thousands of cases from a
# fixed pseudo-random sequence. Prints counts and checksums (same on every run).

seed = 2024


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


BOUNDS = [None, -9, -3, -1, 0, 1, 2, 4, 9]
STEPS = [None, -3, -2, -1, 1, 2, 3]


def pick():
    return BOUNDS[rnd(9)], BOUNDS[rnd(9)], STEPS[rnd(7)]


def checksum(data):
    total = 0
    for i, b in enumerate(data):
        total = (total * 31 + b + i) % 1000003
    return total


# memoryview views never copy: compare each view with the same slicing of bytes.
views = mismatches = contiguous = 0
digest = 0
for length in range(8):
    base = bytearray(range(65, 65 + length))
    for _ in range(200):
        a, b, c = pick()
        d, e, f = pick()
        m = memoryview(base)
        v = m[a:b:c][d:e:f]
        model = bytes(base)[a:b:c][d:e:f]
        views += 1
        if v.tobytes() != model or v.tolist() != list(model) or len(v) != len(model) or v != model:
            mismatches += 1
        contiguous += v.contiguous
        digest = (digest + checksum(v.tobytes()) + v.nbytes * 7 + sum(v.strides)) % 1000003
        if len(v):
            v[0] = 122  # writes through to base
            digest = (digest + checksum(base)) % 1000003
        v.release()
        m.release()
print("views:", views, "mismatches:", mismatches, "contiguous:", contiguous, "digest:", digest)

# bytearray slice assignment and deletion against a list of ints.
cases = failures = errors = 0
alloc_digest = 0
for length in range(8):
    for _ in range(200):
        ba = bytearray(range(97, 97 + length))
        model = list(ba)
        a, b, c = pick()
        op = rnd(3)
        src = bytes(range(48, 48 + rnd(5)))
        cases += 1
        try:
            if op == 0:
                ba[a:b:c] = src
            elif op == 1:
                del ba[a:b:c]
            else:
                ba[a:b:c] = list(src)
        except ValueError:
            errors += 1
            continue
        if op == 1:
            del model[a:b:c]
        elif c not in (None, 1) and not src:
            del model[a:b:c]  # an empty value deletes an extended slice
        else:
            model[a:b:c] = list(src)
        if list(ba) != model:
            failures += 1
        alloc_digest = (alloc_digest * 7 + ba.__alloc__()) % 1000003
print("assignments:", cases, "failures:", failures, "size errors:", errors, "alloc digest:", alloc_digest)
