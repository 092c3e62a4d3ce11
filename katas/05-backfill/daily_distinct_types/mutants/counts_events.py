# expect: wrong_answer
# Counts the user's events of the day, not their kinds: two views and a
# click come out as 3, and a retry adds one more.
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
    counts = defaultdict(int)
    for e in events:
        day = utc_day(e["ts"])
        if start <= day < end:
            counts[(day, e["user_id"])] += 1
    for day in each_day(start, end):
        out.overwrite_partition(day, [{"day": d, "user_id": u, "n": n} for (d, u), n in counts.items() if d == day])
