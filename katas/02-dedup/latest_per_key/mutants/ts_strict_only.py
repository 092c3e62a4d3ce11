# expect: wrong_answer
# Compares ts alone with a strict >: on equal ts the first record to arrive
# stays, even when a later one was ingested after it.


def latest_per_key(events):
    latest = {}
    for e in events:
        key = (e["user_id"], e["event_type"])
        old = latest.get(key)
        if old is None or e["ts"] > old["ts"]:
            latest[key] = e
    return list(latest.values())
