# expect: memory_exceeded
# Walks the groups in constant memory, then appends each winner to a list
# and returns the list at the end: one event held per id after all.
from itertools import groupby


def better(new, old):
    if new["ingested_at"] != old["ingested_at"]:
        return new["ingested_at"] > old["ingested_at"]
    return new["updated_by"] is not None and old["updated_by"] is None


def dedupe_grouped(events):
    winners = []
    for _, group in groupby(events, key=lambda e: e["event_id"]):
        best = next(group)
        for e in group:
            if better(e, best):
                best = e
        winners.append(best)
    return winners
