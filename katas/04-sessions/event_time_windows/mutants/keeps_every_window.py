# expect: memory_exceeded
# Drops late events correctly, but never forgets a window: it keeps every
# window's counts and ids until the input ends, then emits them all.
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def event_time_windows(events: Iterator[Event], window_seconds: int, allowed_lateness: int) -> Iterator[dict]:
    """A generator: it holds the open windows alone (bounded by the disorder
    of the input, not by its length) and yields each window when it closes."""
    # window_start -> (ids counted in it, count per user)
    open_: dict[int, tuple[set[str], Counter[int]]] = {}
    max_ts = None
    for e in events:
        ts = e["ts"]
        start = ts - ts % window_seconds  # % floors in Python: start <= ts
        # Late: the window ended at or before the watermark.
        if max_ts is not None and start + window_seconds <= max_ts - allowed_lateness:
            continue
        window = open_.get(start)
        if window is None:
            window = open_[start] = (set(), Counter())
        ids, counts = window
        if e["event_id"] not in ids:
            ids.add(e["event_id"])
            counts[e["user_id"]] += 1
        if max_ts is None or ts > max_ts:
            max_ts = ts
    # The input is over: every window still open is final.
    for s, (_, counts) in open_.items():
        for user, n in counts.items():
            yield {"window_start": s, "user_id": user, "count": n}
