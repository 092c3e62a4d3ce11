# expect: wrong_answer
# Files each event under its processing day, the UTC day of ingested_at,
# as the plain daily job does: a late event, or one processed just after
# midnight, lands on a day it did not happen on.
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
        day = utc_day(e["ingested_at"])
        if start <= day < end:
            types[(day, e["user_id"])].add(e["event_type"])
    for day in each_day(start, end):
        out.overwrite_partition(day, [{"day": d, "user_id": u, "n": len(s)} for (d, u), s in types.items() if d == day])
