# expect: wrong_answer
# Empties the range, then appends a row with n = 1 for every event as it
# reads it: the counts add up, but the store holds many rows per
# (day, user_id), the wrong grain.
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def utc_day(seconds):
    return EPOCH + timedelta(days=seconds // 86_400)


def process_range(events, start, end, out):
    day = start
    while day < end:
        out.overwrite_partition(day, [])
        day += timedelta(days=1)
    for e in events:
        day = utc_day(e["ingested_at"])
        if start <= day < end:
            out.append([{"day": day, "user_id": e["user_id"], "n": 1}])
