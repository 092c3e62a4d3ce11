# expect: wrong_answer
# Takes the range as closed, [start, end]: the partition of `end` belongs
# to tomorrow's run, and this one rewrites it.
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
    types = defaultdict(set)
    for e in events:
        day = utc_day(e["ts"])
        if start <= day <= end:
            types[(day, e["user_id"])].add(e["event_type"])
    for day in each_day(start, end + timedelta(days=1)):
        out.overwrite_partition(day, [{"day": d, "user_id": u, "n": len(s)} for (d, u), s in types.items() if d == day])
