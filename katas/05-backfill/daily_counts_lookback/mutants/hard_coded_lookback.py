# expect: wrong_answer
# Reaches back by the number from the prompt's example, 3 days, instead of
# its `lookback` parameter: it rewrites days another run owns.
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import DailyCount, Event, Table

EPOCH = date(1970, 1, 1)
SECONDS_PER_DAY = 86_400


def daily_counts_lookback(
    events: Iterator[Event], start: date, end: date, out: Table[DailyCount], lookback: int
) -> None:
    """Keep what was processed before `end` and happened inside the window;
    count first, write last; overwrite every day of the window and nothing else."""
    # Days as numbers since the epoch (`//` floors, as UTC days do).
    first, stop = (start - EPOCH).days - 3, (end - EPOCH).days
    counts: Counter[tuple[int, int]] = Counter()
    for e in events:
        # Processing time says whether this run may see the event: only
        # what was known at `end`, however late the run itself is.
        if e["ingested_at"] // SECONDS_PER_DAY >= stop:
            continue
        # Event time says where it counts.
        day = e["ts"] // SECONDS_PER_DAY
        if first <= day < stop:
            counts[(day, e["user_id"])] += 1
    rows_by_day: dict[int, list[DailyCount]] = {day: [] for day in range(first, stop)}
    for (day, user_id), n in counts.items():
        rows_by_day[day].append({"day": EPOCH + timedelta(days=day), "user_id": user_id, "n": n})
    # Every day the run owns, the lookback days and empty days included.
    for day, rows in rows_by_day.items():
        out.overwrite_partition(EPOCH + timedelta(days=day), rows)
