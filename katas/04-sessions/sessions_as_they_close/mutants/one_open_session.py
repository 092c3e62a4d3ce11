# expect: wrong_answer
# The `sessionize` answer, for input sorted by user: one open session,
# ended by the next event of another user. Interleaved users cut each
# other's sessions into pieces.
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event, Session


def sessions_as_they_close(events: Iterator[Event], gap_seconds: int) -> Iterator[Session]:
    open_: Session | None = None
    for e in events:
        user, ts = e["user_id"], e["ts"]
        if open_ is not None and open_["user_id"] == user and ts - open_["end_ts"] <= gap_seconds:
            open_["end_ts"] = ts
            open_["event_count"] += 1
        else:
            if open_ is not None:
                yield open_
            open_ = {"user_id": user, "start_ts": ts, "end_ts": ts, "event_count": 1}
    if open_ is not None:
        yield open_
