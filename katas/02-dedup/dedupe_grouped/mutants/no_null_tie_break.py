# expect: wrong_answer
# Compares ingested_at only: on a tie the first delivery stays, even when
# it has no writer and the retry names one.
from itertools import groupby


def dedupe_grouped(events):
    for _, group in groupby(events, key=lambda e: e["event_id"]):
        best = next(group)
        for e in group:
            if e["ingested_at"] > best["ingested_at"]:
                best = e
        yield best
