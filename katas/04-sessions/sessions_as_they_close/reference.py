from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event, Session


def _close_order(s: Session) -> tuple[int, int]:
    return (s["end_ts"], s["user_id"])


def sessions_as_they_close(events: Iterator[Event], gap_seconds: int) -> Iterator[Session]:
    """A generator: it holds the open sessions alone, and yields each one as
    soon as an event shows it is over."""
    # user_id -> open session, in order of the session's last event: the
    # input is in event-time order, so the first entry has the smallest end.
    open_: OrderedDict[int, Session] = OrderedDict()
    for e in events:
        user, ts = e["user_id"], e["ts"]
        # Close every session this event is more than the gap past, its own
        # user's included, before the event joins anything.
        closed = []
        while open_:
            first = next(iter(open_.values()))
            if ts - first["end_ts"] <= gap_seconds:
                break
            open_.popitem(last=False)
            closed.append(first)
        # Equal ends came in arrival order: the rule says by user_id.
        closed.sort(key=_close_order)
        yield from closed
        s = open_.get(user)
        if s is None:
            open_[user] = {"user_id": user, "start_ts": ts, "end_ts": ts, "event_count": 1}
        else:
            s["end_ts"] = ts
            s["event_count"] += 1
            open_.move_to_end(user)
    # The input is over: every open session is closed too.
    yield from sorted(open_.values(), key=_close_order)
