# expect: wrong_answer
# Appends its counts instead of overwriting the window's partitions: a
# second run, or the next day's run over the same lookback days, counts the
# same events again, and stale rows stay.
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
    out.append({"day": day, "user_id": user_id, "n": n} for (day, user_id), n in counts.items())
