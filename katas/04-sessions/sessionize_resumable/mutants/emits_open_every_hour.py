# expect: wrong_answer
# Reports progress every hour: besides the sessions that ended, returns a
# snapshot of each session still open at the end of the chunk. A session
# that crosses an hour comes out once per hour it spans, not once.


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
    done.extend(dict(s) for s in open_.values())
    if last:
        open_.clear()
    return done
