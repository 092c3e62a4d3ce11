# expect: wrong_answer
# Sorts by ingested_at and returns everything: several rows per event_id,
# which breaks the grain of the output.


def dedupe_latest(events):
    return iter(sorted(events, key=lambda e: e["ingested_at"]))
