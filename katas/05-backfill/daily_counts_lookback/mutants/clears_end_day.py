# expect: wrong_answer
# Takes the range as closed, [start - lookback, end]: the partition of
# `end` belongs to tomorrow's run, and this one empties it.
from collections import Counter
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def utc_day(seconds):
    return EPOCH + timedelta(days=seconds // 86_400)


def daily_counts_lookback(events, start, end, out, lookback):
    window_start = start - timedelta(days=lookback)
    counts = Counter()
    for e in events:
        if utc_day(e["ingested_at"]) >= end:
            continue
        day = utc_day(e["ts"])
        if window_start <= day <= end:
            counts[(day, e["user_id"])] += 1
    day = window_start
    while day <= end:
        out.overwrite_partition(day, [{"day": d, "user_id": u, "n": n} for (d, u), n in counts.items() if d == day])
        day += timedelta(days=1)
