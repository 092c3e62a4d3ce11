# expect: memory_exceeded
# Keeps every event in a module-level list instead of the state: it survives
# the harness's checkpoints (same process), but it grows with the stream,
# and a real restart would lose it.

SEEN = []


def sessionize_chunk(state, chunk, last, gap_seconds):
    SEEN.extend((e["user_id"], e["ts"]) for e in chunk)
    if not last:
        return []
    open_ = {}
    done = []
    for user, ts in SEEN:
        session = open_.get(user)
        if session is not None and ts - session["end_ts"] <= gap_seconds:
            session["end_ts"] = ts
            session["event_count"] += 1
        else:
            if session is not None:
                done.append(session)
            open_[user] = {"user_id": user, "start_ts": ts, "end_ts": ts, "event_count": 1}
    done.extend(open_.values())
    SEEN.clear()
    return done
