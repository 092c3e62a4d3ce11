# expect: memory_exceeded
# The naive answer: list(events) first, then count. Right, and O(events)
# memory for a job whose output is days times users.
from collections import Counter
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def utc_day(seconds):
    return EPOCH + timedelta(days=seconds // 86_400)


def process_range(events, start, end, out):
    everything = list(events)
    counts = Counter()
    for e in everything:
        day = utc_day(e["ingested_at"])
        if start <= day < end:
            counts[(day, e["user_id"])] += 1
    day = start
    while day < end:
        out.overwrite_partition(
            day, [{"day": d, "user_id": u, "n": n} for (d, u), n in counts.items() if d == day]
        )
        day += timedelta(days=1)
