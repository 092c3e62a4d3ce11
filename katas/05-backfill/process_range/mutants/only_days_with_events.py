# expect: wrong_answer
# Overwrites only the days that had events: a day of the range with no
# events keeps whatever stale rows it held.
from collections import defaultdict
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def utc_day(seconds):
    return EPOCH + timedelta(days=seconds // 86_400)


def process_range(events, start, end, out):
    per_day = defaultdict(lambda: defaultdict(int))
    for e in events:
        day = utc_day(e["ingested_at"])
        if start <= day < end:
            per_day[day][e["user_id"]] += 1
    for day, users in per_day.items():
        out.overwrite_partition(day, [{"day": day, "user_id": u, "n": n} for u, n in users.items()])
