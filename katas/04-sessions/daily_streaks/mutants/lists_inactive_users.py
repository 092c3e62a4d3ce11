# expect: wrong_answer
# Lists every user it has seen: one whose days never reach `min_events`
# comes out with a streak of 0 days from their first day, where the rule
# leaves them out.
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event

EPOCH = date(1970, 1, 1)


def daily_streaks(events: Iterator[Event], min_events: int) -> Mapping[int, dict]:
    # (user, day number) -> None once the day is active, else the distinct
    # event ids seen on it so far. Day number: whole UTC days since the epoch.
    per_day: dict[tuple[int, int], set[str] | None] = {}
    first_seen: dict[int, int] = {}
    for e in events:
        user, d = e["user_id"], e["ts"] // 86400
        first_seen[user] = min(first_seen.get(user, d), d)
        key = (e["user_id"], e["ts"] // 86400)
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
    for user, day in first_seen.items():
        out.setdefault(user, {"days": 0, "first_day": EPOCH + timedelta(days=day)})
    return out
