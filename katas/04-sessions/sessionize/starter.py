from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event, Session


def sessionize(events: Iterator[Event], gap_seconds: int) -> Iterable[Session]:
    """Sessions per user; the input is sorted by (user_id, ts); a gap of more
    than gap_seconds starts a new session."""
    raise NotImplementedError("keep one open session, closed by a user change or a long gap")
