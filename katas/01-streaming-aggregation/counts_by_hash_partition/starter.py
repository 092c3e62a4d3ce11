from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Source


def counts_by_hash_partition(source: Source, passes: int) -> Iterator[tuple[int, int]]:
    """Every user's event count, one bucket of users per pass over `source`."""
    raise NotImplementedError("split the users into `passes` buckets by a hash of the id, and count one bucket per pass")
