# expect: wrong_answer
# The single-user sessionizer: the open session is not keyed by user, so
# only the time gap ends it. Consecutive users whose events are close in
# time end up in one session, under the first user's id.


def sessionize(events, gap_seconds):
    sessions = []
    open_ = None
    for e in events:
        if open_ is not None and abs(e["ts"] - open_["end_ts"]) <= gap_seconds:
            open_["end_ts"] = max(open_["end_ts"], e["ts"])
            open_["event_count"] += 1
        else:
            if open_ is not None:
                sessions.append(open_)
            open_ = {"user_id": e["user_id"], "start_ts": e["ts"], "end_ts": e["ts"], "event_count": 1}
    if open_ is not None:
        sessions.append(open_)
    return sessions
