# expect: memory_exceeded
# Counts every user exactly with a Counter, then builds the sketch from the
# exact counts. The table is right; the memory is per user, which is what
# the sketch is there to avoid.
from collections import Counter

MASK64 = (1 << 64) - 1


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB) & MASK64
    return z ^ (z >> 31)


def sketch_hash(row, key):
    return mix64(key ^ mix64((row + 0x5EED) & MASK64))


def count_min(events, width, depth):
    exact = Counter(e["user_id"] for e in events)
    table = [[0] * width for _ in range(depth)]
    for user, n in exact.items():
        for r, row in enumerate(table):
            row[sketch_hash(r, user) % width] += n
    return table
