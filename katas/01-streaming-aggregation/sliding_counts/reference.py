from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def sliding_counts(events: Iterator[Event], window_seconds: int) -> Iterator[dict]:
    """A generator. State: per user, a deque of the times of their events
    still inside the window, oldest first. The input is in event-time order,
    so a time that leaves a user's window never comes back: pop from the left.
    Memory: the users, and the events of the last window_seconds."""
    recent: dict[int, deque[int]] = {}
    for e in events:
        ts = e["ts"]
        times = recent.get(e["user_id"])
        if times is None:
            times = recent[e["user_id"]] = deque()
        # An event exactly window_seconds earlier has left the window.
        while times and times[0] <= ts - window_seconds:
            times.popleft()
        times.append(ts)
        yield {"event_id": e["event_id"], "user_id": e["user_id"], "ts": ts, "n": len(times)}
