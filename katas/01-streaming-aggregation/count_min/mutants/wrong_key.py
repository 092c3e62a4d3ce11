# expect: wrong_answer
# Sketches the (user_id, event_type) pair, the key count_events used, made
# into an int with crc32: the cells count pairs, and a user's estimate can
# no longer be read from them.
import zlib

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
        key = zlib.crc32(f"{e['user_id']}/{e['event_type']}".encode())
        for r, row in enumerate(table):
            row[sketch_hash(r, key) % width] += 1
    return table
