# expect: wrong_answer
# Dedupes with a set local to the call and checkpoints only the counts
# (a set cannot go to JSON anyway): a retry in the same chunk counts once,
# but one that arrives in a later chunk, after a restart, counts again.

HOUR = 3_600


def hourly_counts_chunk(state, chunk, last, lateness_seconds):
    open_ = state.setdefault("open", {})
    max_ts = state.get("max_ts")
    seen = set()
    for e in chunk:
        ts = e["ts"]
        if max_ts is None or ts > max_ts:
            max_ts = ts
        if e["event_id"] in seen:
            continue
        seen.add(e["event_id"])
        counts = open_.setdefault(str(ts - ts % HOUR), {})
        user = str(e["user_id"])
        counts[user] = counts.get(user, 0) + 1
    state["max_ts"] = max_ts
    done = []
    for key in [k for k in open_ if last or int(k) + HOUR <= max_ts - lateness_seconds]:
        for user, n in open_.pop(key).items():
            done.append({"hour_start": int(key), "user_id": int(user), "n": n})
    return done
