# expect: wrong_answer
# Compares against the number from the prompt's example, 1800, instead of
# its `gap_seconds` parameter: right until the gap changes.
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event, Session


def sessionize_unsorted(events: Iterator[Event], gap_seconds: int) -> list[Session]:
    """O(n) memory (the input must be ordered first), O(n log n) time."""
    # Only each event's user and time are needed, not the whole event.
    times_by_user: defaultdict[int, list[int]] = defaultdict(list)
    for e in events:
        times_by_user[e["user_id"]].append(e["ts"])
    sessions: list[Session] = []
    for user, times in times_by_user.items():
        times.sort()
        open_: Session = {"user_id": user, "start_ts": times[0], "end_ts": times[0], "event_count": 0}
        for ts in times:
            # More than gap_seconds since the previous event: a new session.
            if ts - open_["end_ts"] > 1800:
                sessions.append(open_)
                open_ = {"user_id": user, "start_ts": ts, "end_ts": ts, "event_count": 0}
            open_["end_ts"] = ts
            open_["event_count"] += 1
        sessions.append(open_)
    return sessions
