from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import DailyCount, Event, Table


def process_range(events: Iterator[Event], start: date, end: date, out: Table[DailyCount]) -> None:
    """Daily counts per (UTC day of ingested_at, user_id) for the days of
    [start, end), written to `out`."""
    raise NotImplementedError("count per processing day and user, then overwrite each day of the range")
