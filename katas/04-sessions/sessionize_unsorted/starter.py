from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event, Session


def sessionize_unsorted(events: Iterator[Event], gap_seconds: int) -> Iterable[Session]:
    """Sessions per user from events in any order; a gap of more than
    gap_seconds starts a new session."""
    raise NotImplementedError("group by user, order by ts, then sessionize")
