# expect: wrong_answer
# Compares ts only and lets a later arrival win a tie (>=): ingested_at
# never breaks the tie.


def latest_per_key(events):
    latest = {}
    for e in events:
        key = (e["user_id"], e["event_type"])
        old = latest.get(key)
        if old is None or e["ts"] >= old["ts"]:
            latest[key] = e
    return list(latest.values())
