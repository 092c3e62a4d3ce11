from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def dedupe_by_content(events: Iterator[Event], window_seconds: int) -> Iterator[Event]:
    """A generator. State: the keys first delivered while the greatest
    ingested_at was within window_seconds of where it is now, and the same
    keys in arrival order, so the next one to forget is at the front.
    Memory: the keys of the last window_seconds of ingestion time."""
    clock = None
    seen: set[tuple[int, str, int]] = set()
    # (the greatest ingested_at when the key was first delivered, the
    # key): that clock never falls, so the deque is in the order to forget.
    by_arrival: deque[tuple[int, tuple[int, str, int]]] = deque()
    for e in events:
        # Ingestion time, not event time: a late event's ts is days behind,
        # and its retries still come.
        ingested_at = e["ingested_at"]
        if clock is None or ingested_at > clock:
            clock = ingested_at
        horizon = clock - window_seconds
        while by_arrival and by_arrival[0][0] < horizon:
            seen.discard(by_arrival.popleft()[1])
        key = (e["user_id"], e["event_type"], e["ts"])
        if key in seen:
            continue  # the same event again, under whatever id
        seen.add(key)
        by_arrival.append((clock, key))
        yield e
