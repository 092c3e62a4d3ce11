# expect: wrong_answer
# Keys the open hours by the int hour_start and the counts by the int
# user_id. Right within a chunk, but JSON object keys are strings: after
# the checkpoint the lookup of 3600 misses "3600", the hour is opened a
# second time, and the user_ids come back as text.

HOUR = 3_600


def hourly_counts_chunk(state, chunk, last, lateness_seconds):
    open_ = state.setdefault("open", {})
    max_ts = state.get("max_ts")
    for e in chunk:
        ts = e["ts"]
        if max_ts is None or ts > max_ts:
            max_ts = ts
        start = ts - ts % HOUR
        hour = open_.get(start)
        if hour is None:
            hour = open_[start] = {"hour_start": start, "ids": {}, "counts": {}}
        if e["event_id"] not in hour["ids"]:
            hour["ids"][e["event_id"]] = 1
            hour["counts"][e["user_id"]] = hour["counts"].get(e["user_id"], 0) + 1
    state["max_ts"] = max_ts
    done = []
    for key in [k for k, h in open_.items() if last or h["hour_start"] + HOUR <= max_ts - lateness_seconds]:
        hour = open_.pop(key)
        for user, n in hour["counts"].items():
            done.append({"hour_start": hour["hour_start"], "user_id": user, "n": n})
    return done
