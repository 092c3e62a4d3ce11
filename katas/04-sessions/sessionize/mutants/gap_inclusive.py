# expect: wrong_answer
# Uses >= where > belongs: a gap of exactly gap_seconds splits the session.


def sessionize(events, gap_seconds):
    sessions = []
    open_ = None
    for e in events:
        if open_ is not None and open_["user_id"] == e["user_id"] and e["ts"] - open_["end_ts"] < gap_seconds:
            open_["end_ts"] = e["ts"]
            open_["event_count"] += 1
        else:
            if open_ is not None:
                sessions.append(open_)
            open_ = {"user_id": e["user_id"], "start_ts": e["ts"], "end_ts": e["ts"], "event_count": 1}
    if open_ is not None:
        sessions.append(open_)
    return sessions
