# expect: wrong_answer
# Reads "latest" as the greatest event time `ts` instead of `ingested_at`.
# Every delivery of an event carries the same ts, so the comparison always
# ties and falls through to the writer rule: a later retry never wins on
# its ingested_at.
from itertools import groupby


def better(new, old):
    if new["ts"] != old["ts"]:
        return new["ts"] > old["ts"]
    return new["updated_by"] is not None and old["updated_by"] is None


def dedupe_grouped(events):
    for _, group in groupby(events, key=lambda e: e["event_id"]):
        best = next(group)
        for e in group:
            if better(e, best):
                best = e
        yield best
