# expect: memory_exceeded
# Collects the whole log with list(events) before grouping it: right, and
# O(events) memory for a job whose output is days times users.
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
    everything = list(events)
    types = defaultdict(set)
    for e in everything:
        day = utc_day(e["ts"])
        if start <= day < end:
            types[(day, e["user_id"])].add(e["event_type"])
    rows = {day: [] for day in each_day(start, end)}
    for (d, u), s in types.items():
        rows[d].append({"day": d, "user_id": u, "n": len(s)})
    for day, day_rows in rows.items():
        out.overwrite_partition(day, day_rows)
