from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def heavy_hitters(events: Iterator[Event], k: int) -> Mapping[int, int]:
    """The Misra-Gries summary of the events' user_ids, with at most k counters."""
    raise NotImplementedError("keep at most k counters, whatever the number of users")
