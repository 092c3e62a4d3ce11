# expect: wrong_answer
# Reads "latest" as the most recently ingested: ranks by (ingested_at, ts).
# A late record (old event time, ingested today) beats a newer event that
# was ingested a little earlier.


def latest_per_key(events):
    latest = {}
    for e in events:
        key = (e["user_id"], e["event_type"])
        old = latest.get(key)
        if old is None or (e["ingested_at"], e["ts"]) > (old["ingested_at"], old["ts"]):
            latest[key] = e
    return list(latest.values())
