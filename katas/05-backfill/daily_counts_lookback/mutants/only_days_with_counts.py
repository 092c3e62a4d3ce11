# expect: wrong_answer
# Overwrites only the window's days it has counts for: a day of the window
# with no events keeps whatever stale rows the store held there.
from collections import defaultdict
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def utc_day(seconds):
    return EPOCH + timedelta(days=seconds // 86_400)


def daily_counts_lookback(events, start, end, out, lookback):
    window_start = start - timedelta(days=lookback)
    per_day = defaultdict(lambda: defaultdict(int))
    for e in events:
        if utc_day(e["ingested_at"]) >= end:
            continue
        day = utc_day(e["ts"])
        if window_start <= day < end:
            per_day[day][e["user_id"]] += 1
    for day, users in per_day.items():
        out.overwrite_partition(day, [{"day": day, "user_id": u, "n": n} for u, n in users.items()])
