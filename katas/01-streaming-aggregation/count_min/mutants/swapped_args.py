# expect: wrong_answer
# Calls sketch_hash(user_id, row) with its arguments swapped: each row
# still gets a hash of its own, but not the one the prompt names, so the
# cells match no other sketch of the stream.
MASK64 = (1 << 64) - 1


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB) & MASK64
    return z ^ (z >> 31)


def sketch_hash(row, key):
    return mix64(key ^ mix64((row + 0x5EED) & MASK64))


def count_min(events, width, depth):
    table = [[0] * width for _ in range(depth)]
    for e in events:
        for r, row in enumerate(table):
            row[sketch_hash(e["user_id"], r) % width] += 1
    return table
