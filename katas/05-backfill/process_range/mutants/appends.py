# expect: wrong_answer
# Appends its rows instead of overwriting the partitions: a second run, or
# a re-run after a failure, counts everything twice, and stale rows stay.
from collections import Counter
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def utc_day(seconds):
    return EPOCH + timedelta(days=seconds // 86_400)


def process_range(events, start, end, out):
    counts = Counter()
    for e in events:
        day = utc_day(e["ingested_at"])
        if start <= day < end:
            counts[(day, e["user_id"])] += 1
    out.append({"day": day, "user_id": user_id, "n": n} for (day, user_id), n in counts.items())
