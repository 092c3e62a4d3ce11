# expect: wrong_answer
# Buckets by event time (ts) instead of processing time (ingested_at): late
# events land on days that were already final, and vanish from the day they
# arrived.
from collections import Counter
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def utc_day(seconds):
    return EPOCH + timedelta(days=seconds // 86_400)


def process_range(events, start, end, out):
    counts = Counter()
    for e in events:
        day = utc_day(e["ts"])
        if start <= day < end:
            counts[(day, e["user_id"])] += 1
    day = start
    while day < end:
        out.overwrite_partition(
            day, [{"day": d, "user_id": u, "n": n} for (d, u), n in counts.items() if d == day]
        )
        day += timedelta(days=1)
