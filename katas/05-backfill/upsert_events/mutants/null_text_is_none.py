# expect: wrong_answer
# Reads the text "null" in updated_by as a missing writer: on equal
# ingested_at, a delivery written by "null" loses to one with a writer,
# where both count as written and the first seen should stay.
from collections import defaultdict
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def utc_day(seconds):
    return EPOCH + timedelta(days=seconds // 86_400)


def has_writer(e):
    return e["updated_by"] not in (None, "null")


def better(new, old):
    if new["ingested_at"] != old["ingested_at"]:
        return new["ingested_at"] > old["ingested_at"]
    return has_writer(new) and not has_writer(old)


def upsert_events(events, start, end, out):
    best = {}
    for e in events:
        if not start <= utc_day(e["ingested_at"]) < end:
            continue
        old = best.get(e["event_id"])
        if old is None or better(e, old):
            best[e["event_id"]] = e
    by_day = defaultdict(list)
    for e in best.values():
        by_day[utc_day(e["ts"])].append(e)
    for day, incoming in by_day.items():
        rows = out.partition(day)
        at = {row["event_id"]: i for i, row in enumerate(rows)}
        for e in incoming:
            i = at.get(e["event_id"])
            if i is None:
                at[e["event_id"]] = len(rows)
                rows.append(e)
            elif better(e, rows[i]):
                rows[i] = e
        out.overwrite_partition(day, rows)
