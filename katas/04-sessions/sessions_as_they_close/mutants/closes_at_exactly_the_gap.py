# expect: wrong_answer
# Adds the event first, then closes every session it is `gap_seconds` or
# more past: a session exactly the gap behind is closed, and an event of
# its user in that same second starts a new one instead of continuing it.
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event, Session


def _close_order(s: Session) -> tuple[int, int]:
    return (s["end_ts"], s["user_id"])


def sessions_as_they_close(events: Iterator[Event], gap_seconds: int) -> Iterator[Session]:
    open_: OrderedDict[int, Session] = OrderedDict()
    for e in events:
        user, ts = e["user_id"], e["ts"]
        closed = []
        # The user's own session first: a gap over the limit ends it.
        s = open_.get(user)
        if s is not None and ts - s["end_ts"] > gap_seconds:
            closed.append(open_.pop(user))
            s = None
        if s is None:
            open_[user] = {"user_id": user, "start_ts": ts, "end_ts": ts, "event_count": 1}
        else:
            s["end_ts"] = ts
            s["event_count"] += 1
            open_.move_to_end(user)
        # Then everyone else the event has left a whole gap behind.
        while open_:
            first = next(iter(open_.values()))
            if ts - first["end_ts"] < gap_seconds:
                break
            open_.popitem(last=False)
            closed.append(first)
        closed.sort(key=_close_order)
        yield from closed
    yield from sorted(open_.values(), key=_close_order)
