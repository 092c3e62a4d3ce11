# expect: panicked
# Ports the hash without masking to 64 bits: Python ints never overflow, so
# the hash is a number of some 190 bits, its "top p bits" are an index far
# past the last register, and the first event raises IndexError.
import math


def mix64(z):
    z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)


def sketch_hash(row, key):
    return mix64(key ^ mix64(row + 0x5EED))

def estimate(registers):
    m = len(registers)
    alpha = 0.7213 / (1 + 1.079 / m)
    raw = alpha * m * m / sum(2.0 ** -r for r in registers)
    zeros = registers.count(0)
    return round(m * math.log(m / zeros) if raw <= 2.5 * m and zeros > 0 else raw)


def distinct_users(events, p):
    registers = bytearray(1 << p)
    for e in events:
        h = sketch_hash(0, e["user_id"])
        index = h >> (64 - p)
        rank = min(65 - ((h << p) & ((1 << 64) - 1)).bit_length(), 65 - p)
        if rank > registers[index]:
            registers[index] = rank
    return estimate(registers)
