# expect: wrong_answer
# Ignores the range when it reads: it rewrites every event day in the log,
# so a run for one day rewrites the whole history, and the partitions
# outside the range change too.
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
    seen_days = set(each_day(start, end))
    types = defaultdict(set)
    for e in events:
        day = utc_day(e["ts"])
        seen_days.add(day)
        types[(day, e["user_id"])].add(e["event_type"])
    rows = defaultdict(list)
    for (d, u), s in types.items():
        rows[d].append({"day": d, "user_id": u, "n": len(s)})
    for day in seen_days:
        out.overwrite_partition(day, rows[day])
