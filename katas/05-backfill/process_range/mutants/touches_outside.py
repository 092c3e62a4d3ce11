# expect: wrong_answer
# Recounts every processing day the input holds, not only the range (the
# range's days are overwritten too, empty or not): the partitions outside
# the range change as well.
from collections import Counter
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def utc_day(seconds):
    return EPOCH + timedelta(days=seconds // 86_400)


def process_range(events, start, end, out):
    counts = Counter()
    seen = set()
    day = start
    while day < end:
        seen.add(day)
        day += timedelta(days=1)
    for e in events:
        day = utc_day(e["ingested_at"])
        seen.add(day)
        counts[(day, e["user_id"])] += 1
    for day in sorted(seen):
        out.overwrite_partition(
            day, [{"day": d, "user_id": u, "n": n} for (d, u), n in counts.items() if d == day]
        )
