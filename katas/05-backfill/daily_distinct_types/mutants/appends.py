# expect: wrong_answer
# Appends its rows instead of overwriting the range's partitions: a second
# run gives every (day, user) a second row, and stale rows stay.
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
        if start <= day < end:
            types[(day, e["user_id"])].add(e["event_type"])
    out.append({"day": d, "user_id": u, "n": len(s)} for (d, u), s in types.items())
