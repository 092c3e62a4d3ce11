# expect: wrong_answer
# Merges by user into each day of the range: the users it counted get
# their new row, and every other row of the day stays, stale ones too.
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
    for day in each_day(start, end):
        fresh = {u: len(s) for (d, u), s in types.items() if d == day}
        if not fresh:
            out.overwrite_partition(day, [])
            continue
        merged = {row["user_id"]: row["n"] for row in out.partition(day)}
        merged.update(fresh)
        out.overwrite_partition(day, [{"day": day, "user_id": u, "n": n} for u, n in merged.items()])
