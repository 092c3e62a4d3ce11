# expect: wrong_answer
# Reads each day of the range and adds this run's counts to what it holds,
# as an incremental load would: a second run counts everything again.
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
    day = start
    while day < end:
        merged = Counter({row["user_id"]: row["n"] for row in out.partition(day)})
        for (d, u), n in counts.items():
            if d == day:
                merged[u] += n
        out.overwrite_partition(day, [{"day": day, "user_id": u, "n": n} for u, n in merged.items()])
        day += timedelta(days=1)
