# expect: wrong_answer
# Ends a session only when its own user comes back more than the gap
# later, and leaves the rest for the end of the input: a session comes
# out when its user returns, not when the stream has passed it.
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event, Session


def sessions_as_they_close(events: Iterator[Event], gap_seconds: int) -> Iterator[Session]:
    open_: dict[int, Session] = {}
    for e in events:
        user, ts = e["user_id"], e["ts"]
        s = open_.get(user)
        if s is not None and ts - s["end_ts"] <= gap_seconds:
            s["end_ts"] = ts
            s["event_count"] += 1
        else:
            if s is not None:
                yield s
            open_[user] = {"user_id": user, "start_ts": ts, "end_ts": ts, "event_count": 1}
    yield from sorted(open_.values(), key=lambda s: (s["end_ts"], s["user_id"]))
