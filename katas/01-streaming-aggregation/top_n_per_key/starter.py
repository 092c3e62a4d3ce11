from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def top_n_per_key(events: Iterator[Event], n: int) -> Mapping[int, list[str]]:
    """For each user, the n newest events' ids, newest first, in O(users x n) memory."""
    raise NotImplementedError("keep at most n events per user")
