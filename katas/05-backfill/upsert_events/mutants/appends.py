# expect: wrong_answer
# Picks the best delivery of this run, then appends it with out.append: a
# second run, or a retry that a later run processes, adds a second row for
# the same event_id. The grain of the table is event_id.
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
    out.append(best.values())
