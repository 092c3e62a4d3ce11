from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event

# Python ints never overflow: mask every product to 64 bits, as Rust's
# wrapping_mul does, or the hash's bits differ from the prelude's.
MASK64 = (1 << 64) - 1


def mix64(z: int) -> int:
    """SplitMix64's finaliser, in 64-bit wrapping arithmetic."""
    z = ((z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB) & MASK64
    return z ^ (z >> 31)


def sketch_hash(row: int, key: int) -> int:
    """The row-th hash of a family of 64-bit hashes: the prelude's sketch_hash, bit for bit."""
    return mix64(key ^ mix64((row + 0x5EED) & MASK64))


def distinct_users(events: Iterator[Event], p: int) -> int:
    """HyperLogLog with 2^p one-byte registers: O(2^p) memory, O(1) work per event."""
    m = 1 << p
    registers = bytearray(m)
    cap = 64 - p + 1
    for e in events:
        h = sketch_hash(0, e["user_id"])
        index = h >> (64 - p)
        rest = (h << p) & MASK64
        # 64 - bit_length is the number of leading zeros of a 64-bit word.
        rank = min(65 - rest.bit_length(), cap)
        if rank > registers[index]:
            registers[index] = rank
    alpha = 0.7213 / (1 + 1.079 / m)
    raw = alpha * m * m / sum(2.0 ** -r for r in registers)
    zeros = registers.count(0)
    # Linear counting below 2.5m: an empty stream has every register at
    # zero, so m * log(m / m) = 0 exactly.
    estimate = m * math.log(m / zeros) if raw <= 2.5 * m and zeros > 0 else raw
    return round(estimate)
