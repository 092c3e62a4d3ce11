# expect: memory_exceeded
# Walks the groups correctly, but of a list(events) made first: the whole
# stream in memory.
from itertools import groupby


def better(new, old):
    if new["ingested_at"] != old["ingested_at"]:
        return new["ingested_at"] > old["ingested_at"]
    return new["updated_by"] is not None and old["updated_by"] is None


def dedupe_grouped(events):
    everything = list(events)
    for _, group in groupby(everything, key=lambda e: e["event_id"]):
        best = next(group)
        for e in group:
            if better(e, best):
                best = e
        yield best
