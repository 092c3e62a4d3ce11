# expect: memory_exceeded
# The general dedupe: right answer, but it keeps a dict entry for every id,
# which the grouped input makes unnecessary.


def better(new, old):
    if new["ingested_at"] != old["ingested_at"]:
        return new["ingested_at"] > old["ingested_at"]
    return new["updated_by"] is not None and old["updated_by"] is None


def dedupe_grouped(events):
    best = {}
    for e in events:
        old = best.get(e["event_id"])
        if old is None or better(e, old):
            best[e["event_id"]] = e
    return iter(best.values())
