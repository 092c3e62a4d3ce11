from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import DailyCount, Event, Table

EPOCH = date(1970, 1, 1)
SECONDS_PER_DAY = 86_400


def process_range(events: Iterator[Event], start: date, end: date, out: Table[DailyCount]) -> None:
    """Count first, write last; overwrite every day of the range and nothing else."""
    # Days as numbers since the epoch: `ts // 86400` is the UTC day (floor
    # division, also before 1970), cheaper per event than building a date.
    first, stop = (start - EPOCH).days, (end - EPOCH).days
    counts: Counter[tuple[int, int]] = Counter()
    for e in events:
        # Processing time decides the day: a late event counts on the day it
        # arrived, so a day's counts are final once the day is over.
        day = e["ingested_at"] // SECONDS_PER_DAY
        if first <= day < stop:
            counts[(day, e["user_id"])] += 1
    # The input is done: only now touch the store, so a run that fails
    # halfway leaves it as it was.
    rows_by_day: dict[int, list[DailyCount]] = {day: [] for day in range(first, stop)}
    for (day, user_id), n in counts.items():
        rows_by_day[day].append({"day": EPOCH + timedelta(days=day), "user_id": user_id, "n": n})
    # Every day of the range, an empty one too: a re-run replaces what an
    # earlier run (or a stale load) left there.
    for day, rows in rows_by_day.items():
        out.overwrite_partition(EPOCH + timedelta(days=day), rows)
