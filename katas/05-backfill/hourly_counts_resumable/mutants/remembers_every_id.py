# expect: memory_exceeded
# Keeps every event_id it has ever counted, with the hour it counted in,
# in one dict in the state, to be safe from any retry: right, but the
# checkpoint grows with the stream, and every restart reads back all of it.

HOUR = 3_600


def hourly_counts_chunk(state, chunk, last, lateness_seconds):
    open_ = state.setdefault("open", {})
    seen = state.setdefault("seen", {})
    max_ts = state.get("max_ts")
    for e in chunk:
        ts = e["ts"]
        if max_ts is None or ts > max_ts:
            max_ts = ts
        if e["event_id"] in seen:
            continue
        seen[e["event_id"]] = ts - ts % HOUR
        counts = open_.setdefault(str(ts - ts % HOUR), {})
        user = str(e["user_id"])
        counts[user] = counts.get(user, 0) + 1
    state["max_ts"] = max_ts
    done = []
    for key in [k for k in open_ if last or int(k) + HOUR <= max_ts - lateness_seconds]:
        for user, n in open_.pop(key).items():
            done.append({"hour_start": int(key), "user_id": int(user), "n": n})
    return done
