# expect: wrong_answer
# Cleans up as it compares: treats the text "null" in updated_by as no
# writer, so on a tie a named retry beats an original that says "null".
from itertools import groupby


def has_writer(e):
    return e["updated_by"] not in (None, "null")


def better(new, old):
    if new["ingested_at"] != old["ingested_at"]:
        return new["ingested_at"] > old["ingested_at"]
    return has_writer(new) and not has_writer(old)


def dedupe_grouped(events):
    for _, group in groupby(events, key=lambda e: e["event_id"]):
        best = next(group)
        for e in group:
            if better(e, best):
                best = e
        yield best
