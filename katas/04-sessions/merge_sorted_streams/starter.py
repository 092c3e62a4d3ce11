from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def merge_sorted_streams(streams: list[Iterator[Event]]) -> Iterator[Event]:
    """Every event of every partition, merged into one event-time order."""
    raise NotImplementedError("merge the sorted partitions lazily, holding one head per stream")
