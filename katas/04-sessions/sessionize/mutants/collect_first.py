# expect: memory_exceeded
# The naive answer: list(events) first, then walk the list. Right, and
# O(events) memory for a job that needs one open session.


def sessionize(events, gap_seconds):
    everything = list(events)
    sessions = []
    for e in everything:
        last = sessions[-1] if sessions else None
        if last is not None and last["user_id"] == e["user_id"] and e["ts"] - last["end_ts"] <= gap_seconds:
            last["end_ts"] = e["ts"]
            last["event_count"] += 1
        else:
            sessions.append({"user_id": e["user_id"], "start_ts": e["ts"], "end_ts": e["ts"], "event_count": 1})
    return sessions
