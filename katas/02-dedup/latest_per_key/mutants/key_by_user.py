# expect: wrong_answer
# Keys by user_id alone: one row per user, where the grain is one row per
# (user_id, event_type).


def latest_per_key(events):
    latest = {}
    for e in events:
        old = latest.get(e["user_id"])
        if old is None or (e["ts"], e["ingested_at"]) > (old["ts"], old["ingested_at"]):
            latest[e["user_id"]] = e
    return list(latest.values())
