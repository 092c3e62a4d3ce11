from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event

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
    """The number of distinct user_ids in the stream, estimated with a HyperLogLog of 2^p registers."""
    raise NotImplementedError("fill 2^p registers from sketch_hash(0, user_id), then estimate")
