# expect: wrong_answer
# Inserts the events it has not stored yet and never updates one (a MERGE
# with only WHEN NOT MATCHED): a retry processed the day after its original
# never replaces it.
from collections import defaultdict
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def utc_day(seconds):
    return EPOCH + timedelta(days=seconds // 86_400)


def better(new, old):
    if new["ingested_at"] != old["ingested_at"]:
        return new["ingested_at"] > old["ingested_at"]
    return new["updated_by"] is not None and old["updated_by"] is None


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
        stored = {row["event_id"] for row in rows}
        rows.extend(e for e in incoming if e["event_id"] not in stored)
        out.overwrite_partition(day, rows)
