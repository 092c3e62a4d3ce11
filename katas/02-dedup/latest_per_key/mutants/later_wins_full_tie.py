# expect: wrong_answer
# Ranks by (ts, ingested_at) but replaces on >=: when both are equal, the
# record that arrived later wins, where the rule keeps the first.


def latest_per_key(events):
    latest = {}
    for e in events:
        key = (e["user_id"], e["event_type"])
        old = latest.get(key)
        if old is None or (e["ts"], e["ingested_at"]) >= (old["ts"], old["ingested_at"]):
            latest[key] = e
    return list(latest.values())
