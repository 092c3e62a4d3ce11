# expect: memory_exceeded
# Cuts every user's sessions in one pass, keeps them all, and sorts them
# by `(end_ts, user_id)` at the end: the right output, in memory that
# grows with the stream.
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event, Session


def sessions_as_they_close(events: Iterator[Event], gap_seconds: int) -> Iterator[Session]:
    open_: dict[int, Session] = {}
    every: list[Session] = []
    for e in events:
        user, ts = e["user_id"], e["ts"]
        s = open_.get(user)
        if s is not None and ts - s["end_ts"] <= gap_seconds:
            s["end_ts"] = ts
            s["event_count"] += 1
        else:
            if s is not None:
                every.append(s)
            open_[user] = {"user_id": user, "start_ts": ts, "end_ts": ts, "event_count": 1}
    every.extend(open_.values())
    every.sort(key=lambda s: (s["end_ts"], s["user_id"]))
    yield from every
