# expect: wrong_answer
# Sizes the table by the numbers from the prompt's example, 64 by 4, instead
# of its `width` and `depth` parameters.
from __future__ import annotations

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


def count_min(events: Iterator[Event], width: int, depth: int) -> list[list[int]]:
    width, depth = 64, 4
    # One list per row (never `[[0] * width] * depth`: that is one row, depth times).
    table = [[0] * width for _ in range(depth)]
    for e in events:
        user = e["user_id"]
        for r, row in enumerate(table):
            row[sketch_hash(r, user) % width] += 1
    return table
