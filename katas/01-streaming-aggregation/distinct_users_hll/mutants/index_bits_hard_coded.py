# expect: wrong_answer
# Sizes the registers from p, but splits the hash with the 14 of the
# example: the index is always the top 14 bits. With p = 16 only a quarter
# of the registers are ever reached, and the estimate reads the rest as
# users never seen.
import math

MASK64 = (1 << 64) - 1


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB) & MASK64
    return z ^ (z >> 31)


def sketch_hash(row, key):
    return mix64(key ^ mix64((row + 0x5EED) & MASK64))


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
        index = h >> 50
        rank = min(65 - ((h << 14) & MASK64).bit_length(), 51)
        if rank > registers[index]:
            registers[index] = rank
    return estimate(registers)
