# expect: wrong_answer
# Overwrites only the days it has rows for: a day of the range without
# events keeps whatever stale rows the store held there.
from collections import defaultdict
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def utc_day(seconds):
    return EPOCH + timedelta(days=seconds // 86_400)


def each_day(start, end):
    day = start
    while day < end:
        yield day
        day += timedelta(days=1)


def daily_distinct_types(events, start, end, out):
    per_day = defaultdict(lambda: defaultdict(set))
    for e in events:
        day = utc_day(e["ts"])
        if start <= day < end:
            per_day[day][e["user_id"]].add(e["event_type"])
    for day, users in per_day.items():
        out.overwrite_partition(day, [{"day": day, "user_id": u, "n": len(s)} for u, s in users.items()])
