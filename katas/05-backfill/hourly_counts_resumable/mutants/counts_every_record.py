# expect: wrong_answer
# Counts every record it reads, in a plain count per hour and user: a
# retry of an event counts again, in its own chunk or a later one.

HOUR = 3_600


def hourly_counts_chunk(state, chunk, last, lateness_seconds):
    open_ = state.setdefault("open", {})
    max_ts = state.get("max_ts")
    for e in chunk:
        ts = e["ts"]
        if max_ts is None or ts > max_ts:
            max_ts = ts
        counts = open_.setdefault(str(ts - ts % HOUR), {})
        user = str(e["user_id"])
        counts[user] = counts.get(user, 0) + 1
    state["max_ts"] = max_ts
    done = []
    for key in [k for k in open_ if last or int(k) + HOUR <= max_ts - lateness_seconds]:
        for user, n in open_.pop(key).items():
            done.append({"hour_start": int(key), "user_id": int(user), "n": n})
    return done
