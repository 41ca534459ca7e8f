# An image-like bytearray transformed in place through memoryview slices: views share
# memory with the pixels, so every write below lands in `pixels` without a copy.

WIDTH, HEIGHT = 8, 6

def show(title, buf):
    print(title)
    rows = memoryview(buf).cast("B", shape=[HEIGHT, WIDTH]).tolist()
    for row in rows:
        print("  " + " ".join(f"{v:3d}" for v in row))

# A horizontal gradient.
pixels = bytearray(WIDTH * HEIGHT)
view = memoryview(pixels)
for y in range(HEIGHT):
    row = view[y * WIDTH:(y + 1) * WIDTH]
    for x in range(WIDTH):
        row[x] = x * 32
show("gradient", pixels)
print(view.obj is pixels, view.nbytes, view.readonly, view.format, view.itemsize, view.ndim)

# Invert the middle rows in place.
for y in range(2, 4):
    row = view[y * WIDTH:(y + 1) * WIDTH]
    row[:] = bytes(255 - v for v in row)
show("inverted rows 2-3", pixels)

# Column 0 is every WIDTH-th byte: a strided view.
column = view[::WIDTH]
print("column 0:", column.tolist(), column.strides, column.contiguous)
column[:] = b"\x07" * HEIGHT
print("column 0 after:", list(pixels[::WIDTH]))

# Mirror the first row horizontally using a negative stride.
first = view[:WIDTH]
first[:] = first[::-1].tobytes()
print("mirrored row 0:", list(pixels[:WIDTH]))

# Brighten a 2x3 box by writing through per-row slices.
for y in range(1, 3):
    box = view[y * WIDTH + 4:y * WIDTH + 7]
    box[:] = bytes(min(255, v + 10) for v in box)
show("after box", pixels)

# A 2-D view of the same memory: shape, strides and item access by (row, col).
grid = view.cast("B", shape=[HEIGHT, WIDTH])
print(grid.shape, grid.strides, grid.ndim, grid[5, 7], grid[0, 0], len(grid))

# Pack pairs of pixels as little 16-bit words and read them back.
words = view.cast("H")
print(len(words), words.itemsize, words.format, words[0] == pixels[0] | (pixels[1] << 8))
words[0] = 0x0102
print("bytes 0-1 after word write:", pixels[0], pixels[1])

# Float and 64-bit views over an 8-byte buffer.
cell = bytearray(8)
memoryview(cell).cast("d")[0] = 1.5
print(memoryview(cell).cast("d").tolist(), memoryview(cell).cast("Q")[0], memoryview(cell).cast("I").tolist())
memoryview(cell).cast("q")[0] = -2
print(memoryview(cell).cast("b").tolist(), memoryview(cell).cast("h").tolist())

# Views compare by content, with any buffer.
print(view[:4] == pixels[:4], view[:4] == bytes(pixels[:4]), view[:4] != view[1:5])
print(memoryview(b"abc") == b"abc", memoryview(b"ab").cast("c") == b"ab", memoryview(b"ab").cast("c").tolist())

# The seed article's example, fixed to a same-sized slice.
data = bytearray(b"Hello, World!")
with memoryview(data) as v:
    v[7:12] = b"Pyrna"
print(data, repr(v).startswith("<released memory at 0x"))
print("hex:", memoryview(b"\x00\x10\xff").hex(), memoryview(b"\x00\x10\xff").hex(":"))
print("checksum:", sum(pixels) % 65536, bytes(view[:4]), bytearray(view[-2:]))
# Every view made from `pixels` holds its export: resizing fails until all are released.
try:
    pixels.extend(b"\x01")
except BufferError as e:
    print("BufferError:", e)
for mv in (view, column, first, grid, words, row, box):
    mv.release()
pixels.extend(b"\x01")
print("resized after release:", len(pixels))
