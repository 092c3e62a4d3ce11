from __future__ import annotations

import heapq
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def merge_sorted_streams(streams: list[Iterator[Event]]) -> Iterator[Event]:
    """A heap of (ts, partition, event): one head per stream, the partition
    the tie-break (so two dicts are never compared)."""
    heap = []
    for i, stream in enumerate(streams):
        head = next(stream, None)
        if head is not None:
            heap.append((head["ts"], i, head))
    heapq.heapify(heap)
    while heap:
        _, i, event = heap[0]
        following = next(streams[i], None)
        if following is None:
            heapq.heappop(heap)
        else:
            heapq.heapreplace(heap, (following["ts"], i, following))
        yield event
