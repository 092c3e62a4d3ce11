# expect: wrong_answer
# Reads each day of the window and adds this run's counts to what it holds,
# as an incremental load would: a second run, or the next day's run over
# the same lookback days, counts the same events again.
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
        if window_start <= day < end:
            counts[(day, e["user_id"])] += 1
    day = window_start
    while day < end:
        merged = Counter({row["user_id"]: row["n"] for row in out.partition(day)})
        for (d, u), n in counts.items():
            if d == day:
                merged[u] += n
        out.overwrite_partition(day, [{"day": day, "user_id": u, "n": n} for u, n in merged.items()])
        day += timedelta(days=1)
