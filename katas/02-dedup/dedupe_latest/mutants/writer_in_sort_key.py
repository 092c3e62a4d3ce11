# expect: wrong_answer
# Ranks deliveries by the tuple (ingested_at, updated_by or ""), the usual
# fix after None < str raised TypeError: None now loses, as the rule wants,
# but two writers compare as text ("etl" beats "api") where the first seen
# should stay.


def rank(e):
    return (e["ingested_at"], e["updated_by"] or "")


def dedupe_latest(events):
    best = {}
    for e in events:
        old = best.get(e["event_id"])
        if old is None or rank(e) > rank(old):
            best[e["event_id"]] = e
    return best.values()
