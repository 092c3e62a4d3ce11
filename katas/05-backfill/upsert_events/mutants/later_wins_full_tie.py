# expect: wrong_answer
# Keeps the writer rule, but on a full tie (equal ingested_at, both with a
# writer or both without) the later delivery replaces the earlier one and
# the incoming row replaces the stored one: the first seen should stay.
from collections import defaultdict
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def utc_day(seconds):
    return EPOCH + timedelta(days=seconds // 86_400)


def better(new, old):
    if new["ingested_at"] != old["ingested_at"]:
        return new["ingested_at"] > old["ingested_at"]
    return not (new["updated_by"] is None and old["updated_by"] is not None)


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
