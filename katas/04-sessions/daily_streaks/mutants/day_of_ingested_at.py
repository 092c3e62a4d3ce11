# expect: wrong_answer
# Puts each event on the UTC day it was ingested, not the day it happened:
# a late event lands on the wrong day, and so can one ingested just after midnight.
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event

EPOCH = date(1970, 1, 1)


def daily_streaks(events: Iterator[Event], min_events: int) -> Mapping[int, dict]:
    """Per-(user, day) state while reading, then one sort per user."""
    # (user, day number) -> None once the day is active, else the distinct
    # event ids seen on it so far. Day number: whole UTC days since the epoch.
    per_day: dict[tuple[int, int], set[str] | None] = {}
    for e in events:
        key = (e["user_id"], e["ingested_at"] // 86400)
        ids = per_day.get(key, set())
        if ids is None:
            continue
        ids.add(e["event_id"])
        per_day[key] = None if len(ids) >= min_events else ids
    active: defaultdict[int, list[int]] = defaultdict(list)
    for (user, day), ids in per_day.items():
        if ids is None:
            active[user].append(day)
    out = {}
    for user, days in active.items():
        days.sort()
        best_len, best_first = 0, days[0]
        run_len, run_first = 0, days[0]
        prev = None
        for day in days:
            if prev is not None and day == prev + 1:
                run_len += 1
            else:
                run_len, run_first = 1, day
            # Strictly longer: on equal lengths the earlier run stays.
            if run_len > best_len:
                best_len, best_first = run_len, run_first
            prev = day
        out[user] = {"days": best_len, "first_day": EPOCH + timedelta(days=best_first)}
    return out
