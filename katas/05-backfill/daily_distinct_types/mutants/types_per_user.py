# expect: wrong_answer
# Keys the set of types by user alone: a user's row on each day counts the
# types they had on any day of the range.
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
    active = set()
    for e in events:
        day = utc_day(e["ts"])
        if start <= day < end:
            active.add((day, e["user_id"]))
            types[e["user_id"]].add(e["event_type"])
    for day in each_day(start, end):
        out.overwrite_partition(day, [{"day": d, "user_id": u, "n": len(types[u])} for d, u in active if d == day])
