# expect: wrong_answer
# Compares against the number from the prompt's example, 1800, instead of
# its `gap_seconds` parameter: right until the gap changes.
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event, Session


def sessionize(events: Iterator[Event], gap_seconds: int) -> Iterator[Session]:
    """One pass, one open session: a generator, so memory is O(1) whatever
    the stream's length."""
    open_: Session | None = None
    for e in events:
        user, ts = e["user_id"], e["ts"]
        # Same user and a gap of at most gap_seconds since the session's
        # last event: the session goes on (a gap of exactly gap_seconds too).
        if open_ is not None and open_["user_id"] == user and ts - open_["end_ts"] <= 1800:
            open_["end_ts"] = ts
            open_["event_count"] += 1
        else:
            if open_ is not None:
                yield open_
            open_ = {"user_id": user, "start_ts": ts, "end_ts": ts, "event_count": 1}
    # The input is done: the last session is over too.
    if open_ is not None:
        yield open_
