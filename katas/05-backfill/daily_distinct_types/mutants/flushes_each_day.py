# expect: wrong_answer
# Takes the log to be in event-time order: when an event of another day
# comes, it writes the day it was on and starts afresh. A late event, or a
# retry from just before midnight, then overwrites its day with itself.
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
    current = None
    users = defaultdict(set)
    written = set()
    for e in events:
        day = utc_day(e["ts"])
        if not start <= day < end:
            continue
        if current is not None and day != current:
            out.overwrite_partition(current, [{"day": current, "user_id": u, "n": len(s)} for u, s in users.items()])
            written.add(current)
            users = defaultdict(set)
        current = day
        users[e["user_id"]].add(e["event_type"])
    if current is not None:
        out.overwrite_partition(current, [{"day": current, "user_id": u, "n": len(s)} for u, s in users.items()])
        written.add(current)
    for day in each_day(start, end):
        if day not in written:
            out.overwrite_partition(day, [])
