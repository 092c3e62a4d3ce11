# expect: wrong_answer
# Makes each row when it is first needed, in a dict keyed by row index, and
# returns the dict's values: an empty stream gives [] instead of a table of
# zeros.
MASK64 = (1 << 64) - 1


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB) & MASK64
    return z ^ (z >> 31)


def sketch_hash(row, key):
    return mix64(key ^ mix64((row + 0x5EED) & MASK64))


def count_min(events, width, depth):
    table = {}
    for e in events:
        for r in range(depth):
            row = table.setdefault(r, [0] * width)
            row[sketch_hash(r, e["user_id"]) % width] += 1
    return list(table.values())
