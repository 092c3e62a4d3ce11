# expect: wrong_answer
# Returns a session only when the user's next event ends it, and ignores
# `last`: the sessions still open on the final chunk are never returned.


def sessionize_chunk(state, chunk, last, gap_seconds):
    open_ = state.setdefault("open", {})
    done = []
    for e in chunk:
        key = str(e["user_id"])
        session = open_.get(key)
        if session is not None and e["ts"] - session["end_ts"] <= gap_seconds:
            session["end_ts"] = e["ts"]
            session["event_count"] += 1
        else:
            if session is not None:
                done.append(session)
            open_[key] = {"user_id": e["user_id"], "start_ts": e["ts"], "end_ts": e["ts"], "event_count": 1}
    return done
