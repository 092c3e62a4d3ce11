from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import DailyCount, Event, Table


def daily_counts_lookback(
    events: Iterator[Event], start: date, end: date, out: Table[DailyCount], lookback: int
) -> None:
    """Counts per (UTC day of ts, user_id) for the days of
    [start - lookback, end), from the events processed before `end`,
    written to `out`."""
    raise NotImplementedError("count per event day and user, then overwrite each day of the window")
