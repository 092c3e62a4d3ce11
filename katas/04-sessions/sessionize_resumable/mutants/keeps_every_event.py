# expect: memory_exceeded
# Checkpoints every event's time, grouped by user, and sessionizes them all
# on the last chunk: right, but the state grows with the stream, so every
# checkpoint writes and reads more than the last (quadratic time too: each
# hour's json.dumps/json.loads carries all the hours before).


def sessionize_chunk(state, chunk, last, gap_seconds):
    times_by_user = state.setdefault("times", {})
    for e in chunk:
        times_by_user.setdefault(str(e["user_id"]), []).append(e["ts"])
    if not last:
        return []
    done = []
    for user, times in times_by_user.items():
        session = {"user_id": int(user), "start_ts": times[0], "end_ts": times[0], "event_count": 0}
        for ts in times:
            if ts - session["end_ts"] > gap_seconds:
                done.append(session)
                session = {"user_id": int(user), "start_ts": ts, "end_ts": ts, "event_count": 0}
            session["end_ts"] = ts
            session["event_count"] += 1
        done.append(session)
    times_by_user.clear()
    return done
