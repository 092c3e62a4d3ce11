# expect: wrong_answer
# Conservative update: adds 1 only to the cells that hold the user's
# current minimum. A known refinement, but not the sketch asked for: the
# cells differ from the plain sketch's (and it can no longer be merged by
# adding tables).
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
        cols = [sketch_hash(r, e["user_id"]) % width for r in range(depth)]
        low = min(table[r][c] for r, c in enumerate(cols))
        for r, c in enumerate(cols):
            if table[r][c] == low:
                table[r][c] += 1
    return table
