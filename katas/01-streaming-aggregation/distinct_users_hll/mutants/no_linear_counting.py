# expect: wrong_answer
# Always returns the raw estimate. With most registers at zero it is far
# off: an empty stream gives about 0.72 m, not 0.
import math

MASK64 = (1 << 64) - 1


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB) & MASK64
    return z ^ (z >> 31)


def sketch_hash(row, key):
    return mix64(key ^ mix64((row + 0x5EED) & MASK64))


def distinct_users(events, p):
    m = 1 << p
    registers = bytearray(m)
    for e in events:
        h = sketch_hash(0, e["user_id"])
        index = h >> (64 - p)
        rank = min(65 - ((h << p) & MASK64).bit_length(), 65 - p)
        if rank > registers[index]:
            registers[index] = rank
    alpha = 0.7213 / (1 + 1.079 / m)
    return round(alpha * m * m / sum(2.0 ** -r for r in registers))
