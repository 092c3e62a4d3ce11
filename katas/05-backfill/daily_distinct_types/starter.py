from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import DailyCount, Event, Table


def daily_distinct_types(events: Iterator[Event], start: date, end: date, out: Table[DailyCount]) -> None:
    """For each (UTC day of ts, user_id) with the day in [start, end): the
    number of distinct event types, written to `out`."""
    raise NotImplementedError("gather each user's types per event day, then overwrite each day of the range")
