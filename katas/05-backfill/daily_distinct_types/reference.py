from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import DailyCount, Event, Table

EPOCH = date(1970, 1, 1)
SECONDS_PER_DAY = 86_400


def daily_distinct_types(events: Iterator[Event], start: date, end: date, out: Table[DailyCount]) -> None:
    """Gather first, write last: the types of each (event day, user) of the
    range, then every day of the range overwritten, and nothing else."""
    # Days as numbers since the epoch (`//` floors, as UTC days do).
    first, stop = (start - EPOCH).days, (end - EPOCH).days
    types: defaultdict[tuple[int, int], set[str]] = defaultdict(set)
    for e in events:
        # Event time decides the day; the log is not in that order (late
        # events come days after the others of their day), so no day is
        # complete before the input is.
        day = e["ts"] // SECONDS_PER_DAY
        if first <= day < stop:
            types[(day, e["user_id"])].add(e["event_type"])
    rows_by_day: dict[int, list[DailyCount]] = {day: [] for day in range(first, stop)}
    for (day, user_id), seen in types.items():
        rows_by_day[day].append({"day": EPOCH + timedelta(days=day), "user_id": user_id, "n": len(seen)})
    # Every day of the range, an empty one too, and only those: a re-run
    # replaces what an earlier run (or a stale load) left there.
    for day, rows in rows_by_day.items():
        out.overwrite_partition(EPOCH + timedelta(days=day), rows)
