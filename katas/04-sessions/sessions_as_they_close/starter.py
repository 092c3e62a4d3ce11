from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event, Session


def sessions_as_they_close(events: Iterator[Event], gap_seconds: int) -> Iterator[Session]:
    """Sessions per user, split by an inactivity gap: yield each
    {"user_id": int, "start_ts": int, "end_ts": int, "event_count": int}
    as soon as an event shows it is over."""
    raise NotImplementedError("hold the open sessions; yield one when an event is more than gap_seconds past its end")
