from __future__ import annotations

import heapq
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def dedupe_window(events: Iterator[Event], window_seconds: int) -> Iterator[Event]:
    """A generator. State: the ids emitted whose ts the watermark has not
    passed, and the same ids in a min-heap by ts to forget them in order.
    Memory: the ids within window_seconds of the greatest ts seen."""
    max_ts = None
    remembered: set[str] = set()
    by_ts: list[tuple[int, str]] = []
    for e in events:
        ts = e["ts"]
        if max_ts is None or ts > max_ts:
            max_ts = ts
        watermark = max_ts - window_seconds
        # Forget what the watermark has passed: a retry carries its
        # original's ts, so it would be late now anyway.
        while by_ts and by_ts[0][0] < watermark:
            remembered.discard(heapq.heappop(by_ts)[1])
        if ts < watermark:
            continue  # late: more than the window behind
        event_id = e["event_id"]
        if event_id in remembered:
            continue  # a retry of an id emitted within the window
        remembered.add(event_id)
        heapq.heappush(by_ts, (ts, event_id))
        yield e
