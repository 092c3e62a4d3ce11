# expect: wrong_answer
# Keeps each user's recent times in a set, filtered to the window on each
# event: two events at the same second become one time.


def sliding_counts(events, window_seconds):
    recent = {}
    for e in events:
        ts = e["ts"]
        times = {t for t in recent.get(e["user_id"], ()) if t > ts - window_seconds}
        times.add(ts)
        recent[e["user_id"]] = times
        yield {"event_id": e["event_id"], "user_id": e["user_id"], "ts": ts, "n": len(times)}
