# expect: wrong_answer
# Treats every chunk as the whole input: keeps nothing in the state and
# closes every session at the end of the hour, splitting sessions that
# cross it.


def sessionize_chunk(state, chunk, last, gap_seconds):
    open_ = {}
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
    done.extend(open_.values())
    return done
