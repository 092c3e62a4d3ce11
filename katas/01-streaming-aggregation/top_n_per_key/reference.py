from __future__ import annotations

import heapq
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


class Kept:
    """One kept event, ordered worst first: an older ts is worse, and on
    equal ts the greater event_id is worse. heapq's top is then the worst
    event kept, the one a better newcomer pushes out."""

    __slots__ = ("ts", "event_id")

    def __init__(self, ts: int, event_id: str) -> None:
        self.ts = ts
        self.event_id = event_id

    def __lt__(self, other: Kept) -> bool:
        if self.ts != other.ts:
            return self.ts < other.ts
        return self.event_id > other.event_id

    def same(self, other: Kept) -> bool:
        return self.ts == other.ts and self.event_id == other.event_id


def top_n_per_key(events: Iterator[Event], n: int) -> Mapping[int, list[str]]:
    """A min-heap of at most n events per user: O(users x n) memory."""
    kept: dict[int, list[Kept]] = {}
    for e in events:
        heap = kept.setdefault(e["user_id"], [])
        new = Kept(e["ts"], e["event_id"])
        # A full heap takes only an event better than its worst. A retry
        # ranks exactly as its original: either the original is in the
        # heap, or n better events pushed it out and the retry loses too.
        if len(heap) >= n and (not heap or not heap[0] < new):
            continue
        if any(new.same(k) for k in heap):
            continue
        heapq.heappush(heap, new)
        if len(heap) > n:
            heapq.heappop(heap)
    # sorted() ascends by __lt__, worst first: reversed, newest first.
    return {user: [k.event_id for k in sorted(heap, reverse=True)] for user, heap in kept.items()}
