# expect: wrong_answer
# Hashes every row with row 0's function: the rows are copies of one
# another, and the extra rows buy no accuracy.
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
        col = sketch_hash(0, e["user_id"]) % width
        for row in table:
            row[col] += 1
    return table
