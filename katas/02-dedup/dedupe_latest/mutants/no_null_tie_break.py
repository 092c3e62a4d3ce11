# expect: wrong_answer
# Compares ingested_at only: on a tie the first delivery stays even when
# it has no updated_by and the later one has.


def dedupe_latest(events):
    best = {}
    for e in events:
        old = best.get(e["event_id"])
        if old is None or e["ingested_at"] > old["ingested_at"]:
            best[e["event_id"]] = e
    return best.values()
