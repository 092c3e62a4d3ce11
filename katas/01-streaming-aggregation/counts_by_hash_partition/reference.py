from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Source


def bucket_of(user_id: int, passes: int) -> int:
    """A hash that mixes the id's bits: a tuple's hash does, an int's does not."""
    return hash((user_id, 1)) % passes


def counts_by_hash_partition(source: Source, passes: int) -> Iterator[tuple[int, int]]:
    """One pass per bucket of a hash partition: only that bucket's users
    are held, and they are yielded before the next pass opens."""
    for bucket in range(passes):
        counts = Counter(e["user_id"] for e in source.open() if bucket_of(e["user_id"], passes) == bucket)
        yield from counts.items()
        del counts
