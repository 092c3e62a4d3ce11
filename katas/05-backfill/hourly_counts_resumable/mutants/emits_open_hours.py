# expect: wrong_answer
# Returns the counts so far of every hour at the end of each chunk, so
# that the consumer is never behind: an hour that spans three chunks comes
# out three times, with three different counts.

HOUR = 3_600


def hourly_counts_chunk(state, chunk, last, lateness_seconds):
    open_ = state.setdefault("open", {})
    max_ts = state.get("max_ts")
    for e in chunk:
        ts = e["ts"]
        if max_ts is None or ts > max_ts:
            max_ts = ts
        hour = open_.setdefault(str(ts - ts % HOUR), {"ids": {}, "counts": {}})
        if e["event_id"] not in hour["ids"]:
            hour["ids"][e["event_id"]] = 1
            user = str(e["user_id"])
            hour["counts"][user] = hour["counts"].get(user, 0) + 1
    state["max_ts"] = max_ts
    done = []
    for key, hour in open_.items():
        for user, n in hour["counts"].items():
            done.append({"hour_start": int(key), "user_id": int(user), "n": n})
    for key in [k for k in open_ if max_ts is not None and int(k) + HOUR <= max_ts - lateness_seconds]:
        del open_[key]
    return done
