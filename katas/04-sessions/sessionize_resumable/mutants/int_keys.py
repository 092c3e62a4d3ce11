# expect: wrong_answer
# Keys the open sessions by the int user_id. Right within a chunk, but JSON
# object keys are strings: after the checkpoint the key is "7", the lookup
# of 7 misses, and every session that crosses an hour is split in two (or
# lost, when the checkpoint writes both "7" keys and reads back only one).


def sessionize_chunk(state, chunk, last, gap_seconds):
    open_ = state.setdefault("open", {})
    done = []
    for e in chunk:
        user = e["user_id"]
        session = open_.get(user)
        if session is not None and e["ts"] - session["end_ts"] <= gap_seconds:
            session["end_ts"] = e["ts"]
            session["event_count"] += 1
        else:
            if session is not None:
                done.append(session)
            open_[user] = {"user_id": user, "start_ts": e["ts"], "end_ts": e["ts"], "event_count": 1}
    if last:
        done.extend(open_.values())
        open_.clear()
    return done
