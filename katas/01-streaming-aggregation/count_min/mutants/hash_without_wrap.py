# expect: wrong_answer
# Ports the hash without masking to 64 bits: Python ints never overflow,
# so the high bits Rust's wrapping_mul drops are shifted back down and the
# columns differ from the prelude's sketch_hash.


def mix64(z):
    z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)


def sketch_hash(row, key):
    return mix64(key ^ mix64(row + 0x5EED))


def count_min(events, width, depth):
    table = [[0] * width for _ in range(depth)]
    for e in events:
        for r, row in enumerate(table):
            row[sketch_hash(r, e["user_id"]) % width] += 1
    return table
